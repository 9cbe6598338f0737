"""URL fetch against a local HTTP server (which needs allow_private, being on 127.0.0.1)."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from claimtrace.errors import InputTooLarge
from claimtrace.ingest.url import (
    AddressRefused,
    ContentTypeRefused,
    FetchError,
    check_address,
    fetch_url,
)

PAGE = b"<html><head><title>T</title></head><body><p>Officials said so.</p></body></html>"
SENTENCES = (
    "Officials in the capital said on Monday that the convoy had crossed the border overnight, "
    "and that several hundred soldiers were travelling with it towards the northern region. "
    "A spokesperson for the ministry declined to comment on the report when asked by reporters."
)
STORY = (
    "<html><head><title>Convoy crosses the border</title></head><body><article><p>"
    f"{SENTENCES}</p></article></body></html>"
).encode()
FEED = (
    '<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>'
    "<item><title>One</title><link>https://example.org/1</link>"
    f"<description>{SENTENCES}</description></item>"
    "<item><title>Two</title><link>https://example.org/2</link>"
    f"<description>{SENTENCES} It was the second report this week.</description></item>"
    "</channel></rss>"
).encode()


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args) -> None:  # quiet
        pass

    def handle_one_request(self) -> None:
        try:
            super().handle_one_request()
        except (BrokenPipeError, ConnectionResetError):  # the client gave up, as meant
            self.close_connection = True

    def _send(self, status: int, body: bytes, ctype: str, length: bool = True, **headers):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        if length:
            self.send_header("Content-Length", str(len(body)))
        for key, value in headers.items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        if self.path == "/article.html":
            self._send(200, PAGE, "text/html; charset=utf-8")
        elif self.path == "/story.html":
            self._send(200, STORY, "text/html; charset=utf-8")
        elif self.path == "/feed.xml":
            self._send(200, FEED, "application/rss+xml")
        elif self.path == "/redirect":
            self._send(302, b"", "text/plain", Location="/article.html")
        elif self.path == "/loop":
            self._send(302, b"", "text/plain", Location="/loop")
        elif self.path == "/image.png":
            self._send(200, b"\x89PNG....", "image/png")
        elif self.path == "/big-declared":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(10**9))
            self.end_headers()
        elif self.path == "/big-streamed":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            for _ in range(64):
                self.wfile.write(b"x" * 4096)
        elif self.path == "/slow":
            time.sleep(2)
            self._send(200, PAGE, "text/html")
        else:
            self._send(404, b"not here", "text/plain")


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_fetches_a_page_when_private_addresses_are_allowed(server):
    fetched = fetch_url(f"{server}/article.html", allow_private=True)
    assert fetched.body == PAGE
    assert (fetched.content_type, fetched.charset, fetched.suffix) == (
        "text/html",
        "utf-8",
        ".html",
    )


def test_refuses_loopback_without_the_flag(server):
    with pytest.raises(AddressRefused, match="allow-private"):
        fetch_url(f"{server}/article.html")


@pytest.mark.parametrize(
    "ip",
    [
        "127.0.0.1",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "0.0.0.0",
        "::1",
        "fe80::1",
        "fc00::1",
        "::ffff:127.0.0.1",
        "224.0.0.1",
    ],
)
def test_private_link_local_loopback_and_reserved_addresses_are_refused(ip):
    with pytest.raises(AddressRefused):
        check_address(ip)
    check_address(ip, allow_private=True)


@pytest.mark.parametrize("ip", ["8.8.8.8", "2606:4700:4700::1111", "93.184.216.34"])
def test_public_addresses_pass(ip):
    check_address(ip)


def test_follows_redirects_and_stops_loops(server):
    fetched = fetch_url(f"{server}/redirect", allow_private=True)
    assert fetched.final_url.endswith("/article.html") and fetched.body == PAGE
    with pytest.raises(FetchError, match="redirects"):
        fetch_url(f"{server}/loop", allow_private=True, max_redirects=3)


def test_refuses_non_text_content(server):
    with pytest.raises(ContentTypeRefused, match="image/png"):
        fetch_url(f"{server}/image.png", allow_private=True)


def test_size_cap_by_header_and_while_reading(server):
    with pytest.raises(InputTooLarge):
        fetch_url(f"{server}/big-declared", allow_private=True, max_bytes=1000)
    with pytest.raises(InputTooLarge):
        fetch_url(f"{server}/big-streamed", allow_private=True, max_bytes=100_000)


def test_read_timeout(server):
    started = time.monotonic()
    with pytest.raises(FetchError, match="timed out"):
        fetch_url(f"{server}/slow", allow_private=True, read_timeout=0.3)
    assert time.monotonic() - started < 1.9


def test_http_errors_and_bad_schemes(server):
    with pytest.raises(FetchError, match="404"):
        fetch_url(f"{server}/missing", allow_private=True)
    with pytest.raises(FetchError, match="http"):
        fetch_url("file:///etc/passwd", allow_private=True)


def test_ingest_reads_urls_through_the_readers(server):
    """A fetched page or feed goes through claimtrace.ingest.read_inputs; the records
    carry the URL as origin (with the feed's item numbers) and as url."""
    pytest.importorskip("sqlalchemy", reason="the ledger needs the 'db' extra")
    from claimtrace.ledger.ingest import read_sources
    from claimtrace.model import Article

    url = f"{server}/story.html"
    [article] = read_sources([url], allow_private=True)
    assert isinstance(article, Article), article
    assert article.origin == url and article.url == url
    assert "convoy had crossed the border" in article.text
    feed = f"{server}/feed.xml"
    items = list(read_sources([feed], allow_private=True))
    assert all(isinstance(i, Article) for i in items), items
    assert [i.origin for i in items] == [f"{feed}#1", f"{feed}#2"]
    [refused] = read_sources([url])
    assert refused.code == "CT031" and refused.origin == url
