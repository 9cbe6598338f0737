"""Fetch one URL safely: timeouts, a size cap, content-type checks, no private addresses.

- The host is resolved once and every address it resolves to must be public (not
  private, loopback, link-local, shared, reserved or multicast) unless
  ``allow_private=True``; the connection then goes to that checked address, so a DNS
  answer cannot change between check and use. Each redirect hop is checked again.
- ``connect_timeout`` bounds the TCP (and TLS) connect, ``read_timeout`` each read, and
  ``total_timeout`` the whole fetch (a server trickling bytes cannot hold it forever).
- Bodies over ``max_bytes`` are refused, by Content-Length up front or while reading;
  compression is not requested, so the cap is the real size.
- Only text-like content types are accepted (:data:`ALLOWED_TYPES`).
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from claimtrace.errors import (
    AddressRefused,
    ContentTypeRefused,
    FetchError,
    InputTooLarge,
)

USER_AGENT = "claimtrace (+https://github.com/claimtrace/claimtrace)"
MAX_BYTES = 10 * 1024 * 1024
CONNECT_TIMEOUT = 10.0
READ_TIMEOUT = 30.0
TOTAL_TIMEOUT = 120.0
MAX_REDIRECTS = 5

#: Media types accepted, and the file suffix the ingest readers recognise them by.
ALLOWED_TYPES = {
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "text/plain": ".txt",
    "application/rss+xml": ".xml",
    "application/atom+xml": ".xml",
    "application/rdf+xml": ".xml",
    "application/xml": ".xml",
    "text/xml": ".xml",
    "application/json": ".jsonl",
    "application/x-ndjson": ".jsonl",
    "application/jsonl": ".jsonl",
}


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # as asked
    final_url: str  # after redirects
    content_type: str  # media type, lower case, without parameters
    charset: str | None
    body: bytes

    @property
    def suffix(self) -> str:
        """A file suffix for the content type (``.html``, ``.xml``, ``.txt``, ``.jsonl``)."""
        return ALLOWED_TYPES.get(self.content_type, ".txt")


def is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


def check_address(ip: str, *, allow_private: bool = False) -> None:
    """Raise :class:`AddressRefused` unless ``ip`` is a public unicast address."""
    address = ipaddress.ip_address(ip.split("%", 1)[0])
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    if allow_private:
        return
    if not address.is_global or address.is_multicast:
        raise AddressRefused(
            f"refusing {address}: not a public address (private, loopback, link-local or "
            "reserved); pass --allow-private to fetch from it"
        )


def resolve(host: str, port: int, *, allow_private: bool = False) -> str:
    """The address to connect to, after checking every address ``host`` resolves to."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise FetchError(f"cannot resolve {host}: {exc}") from exc
    addresses = [info[4][0] for info in infos]
    if not addresses:
        raise FetchError(f"{host} resolves to no address")
    for ip in addresses:
        check_address(ip, allow_private=allow_private)
    return addresses[0]


class _PinnedHTTP(http.client.HTTPConnection):
    def __init__(self, host: str, port: int, ip: str, connect_timeout: float, read_timeout: float):
        super().__init__(host, port, timeout=connect_timeout)
        self._ip, self._read_timeout = ip, read_timeout

    def connect(self) -> None:
        self.sock = socket.create_connection((self._ip, self.port), self.timeout)
        self.sock.settimeout(self._read_timeout)


class _PinnedHTTPS(http.client.HTTPSConnection):
    def __init__(self, host: str, port: int, ip: str, connect_timeout: float, read_timeout: float):
        super().__init__(host, port, timeout=connect_timeout, context=ssl.create_default_context())
        self._ip, self._read_timeout = ip, read_timeout

    def connect(self) -> None:
        sock = socket.create_connection((self._ip, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)
        self.sock.settimeout(self._read_timeout)


def fetch_url(
    url: str,
    *,
    allow_private: bool = False,
    connect_timeout: float = CONNECT_TIMEOUT,
    read_timeout: float = READ_TIMEOUT,
    total_timeout: float = TOTAL_TIMEOUT,
    max_bytes: int = MAX_BYTES,
    max_redirects: int = MAX_REDIRECTS,
) -> Fetched:
    """GET ``url`` under the rules of the module docstring; raises :class:`FetchError`."""
    deadline = time.monotonic() + total_timeout
    current = url
    for _hop in range(max_redirects + 1):
        parts = urlsplit(current)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError(f"not an http(s) URL: {current}")
        port = parts.port or (443 if parts.scheme == "https" else 80)
        ip = resolve(parts.hostname, port, allow_private=allow_private)
        cls = _PinnedHTTPS if parts.scheme == "https" else _PinnedHTTP
        conn = cls(parts.hostname, port, ip, connect_timeout, read_timeout)
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        try:
            conn.request(
                "GET",
                path,
                headers={
                    "User-Agent": USER_AGENT,
                    "Accept": ", ".join(ALLOWED_TYPES) + ";q=0.9, */*;q=0.1",
                    "Accept-Encoding": "identity",
                },
            )
            response = conn.getresponse()
            if response.status in (301, 302, 303, 307, 308):
                location = response.getheader("Location")
                if not location:
                    raise FetchError(f"HTTP {response.status} without a Location from {current}")
                current = urljoin(current, location)
                continue
            if response.status != 200:
                raise FetchError(f"HTTP {response.status} {response.reason} from {current}")
            content_type, charset = _content_type(response.getheader("Content-Type"))
            if content_type not in ALLOWED_TYPES:
                raise ContentTypeRefused(
                    f"refusing content type {content_type or '(none)'} from {current}; "
                    f"claimtrace reads {', '.join(sorted(ALLOWED_TYPES))}"
                )
            length = response.getheader("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise InputTooLarge(f"{current} is {int(length)} bytes; the cap is {max_bytes}")
            body = _read_capped(response, max_bytes, deadline, current)
            return Fetched(url, current, content_type, charset, body)
        except TimeoutError as exc:
            raise FetchError(f"timed out fetching {current}") from exc
        except (OSError, http.client.HTTPException) as exc:
            raise FetchError(f"cannot fetch {current}: {exc}") from exc
        finally:
            conn.close()
    raise FetchError(f"more than {max_redirects} redirects from {url}")


def _content_type(header: str | None) -> tuple[str, str | None]:
    if not header:
        return "", None
    media, *params = (p.strip() for p in header.split(";"))
    charset = None
    for param in params:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            charset = value.strip().strip('"') or None
    return media.lower(), charset


def _read_capped(response, max_bytes: int, deadline: float, url: str) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while True:
        if time.monotonic() > deadline:
            raise FetchError(f"timed out reading {url}")
        chunk = response.read1(65536) if hasattr(response, "read1") else response.read(65536)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > max_bytes:
            raise InputTooLarge(f"{url} is larger than the cap of {max_bytes} bytes")
        chunks.append(chunk)
