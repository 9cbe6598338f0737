from __future__ import annotations

import datetime as dt
import io
import json
import sys

import pytest

from claimtrace.ingest import detect_format, read_inputs
from claimtrace.model import Article, Failure

STORY = (
    "The port authority said on Tuesday that two cranes had collapsed during the storm. "
    "Workers were reportedly evacuated before the structures fell, a spokesperson told reporters."
)

HTML = f"""<!DOCTYPE html><html><head><title>Cranes collapse in storm</title>
<meta property="og:site_name" content="Harbour Herald">
<meta name="author" content="Jane Roe">
<meta property="article:published_time" content="2024-03-05T10:00:00Z"></head>
<body><nav>Home | World | Sport</nav><article><h1>Cranes collapse in storm</h1>
<p>{STORY}</p><p>The authority added that the port would reopen on Friday, according to
its statement, and that no injuries had been reported so far by the emergency services.</p>
</article><footer>Copyright Harbour Herald</footer></body></html>"""

RSS = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Herald</title>
<item><title>Cranes collapse</title><link>https://example.org/cranes</link>
<pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate>
<description><![CDATA[<p>{STORY}</p>]]></description></item>
<item><title>Empty</title><link>https://example.org/empty</link></item>
</channel></rss>"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Wire</title><entry><title>Cranes</title><link href="https://example.org/a"/>
<updated>2024-03-06T08:00:00Z</updated><content type="html">&lt;p&gt;{STORY}&lt;/p&gt;</content>
</entry></feed>"""


def read(tmp_path, name, data, **kw):
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode())
    return list(read_inputs([str(path)], **kw))


def test_text_with_sidecar_metadata(tmp_path):
    (tmp_path / "story.meta.json").write_text(
        json.dumps({"published": "2024-03-05", "outlet": "Harbour Herald"})
    )
    (item,) = read(tmp_path, "story.txt", STORY)
    assert isinstance(item, Article)
    assert item.published == dt.date(2024, 3, 5) and item.outlet == "Harbour Herald"
    assert item.text == STORY


def test_command_line_metadata_fills_gaps_only(tmp_path):
    (item,) = read(tmp_path, "story.txt", STORY, meta={"published": "2024-01-01", "title": "T"})
    assert item.published == dt.date(2024, 1, 1) and item.title == "T"


def test_html_main_text_and_metadata(tmp_path):
    (item,) = read(tmp_path, "page.html", HTML)
    assert isinstance(item, Article), item
    assert "two cranes had collapsed" in item.text
    assert "Home | World" not in item.text and "Copyright" not in item.text
    assert item.title == "Cranes collapse in storm"
    assert item.published == dt.date(2024, 3, 5)
    assert item.author == "Jane Roe"


def test_broken_html_still_yields_text(tmp_path):
    broken = f"<html><body><div><p>{STORY}<p>{STORY.upper()}</div></span><table><tr><td>"
    (item,) = read(tmp_path, "broken.html", broken)
    assert isinstance(item, Article) and "cranes" in item.text


def test_html_without_text_is_a_failure(tmp_path):
    (item,) = read(
        tmp_path, "empty.html", "<html><head><script>var x = 1;</script></head><body></body></html>"
    )
    assert isinstance(item, Failure) and "no article text" in item.reason


def test_rss_entries_with_content_become_articles(tmp_path):
    items = read(tmp_path, "feed.rss", RSS)
    assert isinstance(items[0], Article)
    assert items[0].url == "https://example.org/cranes"
    assert items[0].published == dt.date(2024, 3, 5)
    assert items[0].outlet == "Harbour Herald"
    assert isinstance(items[1], Failure) and items[1].origin.endswith("#2")


def test_atom_feed(tmp_path):
    (item,) = read(tmp_path, "feed.xml", ATOM)
    assert isinstance(item, Article) and item.published == dt.date(2024, 3, 6)


def test_feed_with_no_entries_is_a_failure(tmp_path):
    empty = '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>'
    (item,) = read(tmp_path, "empty.rss", empty)
    assert isinstance(item, Failure) and "no entries" in item.reason


def test_jsonl_bad_lines_fail_alone(tmp_path):
    lines = [
        json.dumps({"id": "a1", "text": STORY, "published": "2024-03-05", "outlet": "Wire"}),
        "{not json",
        json.dumps({"title": "no text"}),
        "",
        json.dumps({"text": STORY + " More."}),
    ]
    items = read(tmp_path, "batch.jsonl", "\n".join(lines))
    assert [type(i).__name__ for i in items] == ["Article", "Failure", "Failure", "Article"]
    assert items[0].origin == "a1" and items[0].outlet == "Wire"
    assert "invalid JSON" in items[1].reason and items[1].origin.endswith(":2")


def test_every_kind_of_bad_file_is_one_failure_and_the_batch_goes_on(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(STORY)
    (tmp_path / "bin.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "german.txt").write_text(
        "Die Regierung hat am Montag erklärt, dass die Brücke wegen des Sturms geschlossen bleibt."
    )
    names = ["missing.txt", "bin.txt", "empty.txt", "german.txt", str(tmp_path)]
    sources = [str(tmp_path / n) for n in names[:4]] + [names[4], str(good)]
    items = list(read_inputs(sources))
    assert [type(i).__name__ for i in items] == ["Failure"] * 5 + ["Article"]
    reasons = " | ".join(i.reason for i in items[:5])
    for expected in ("No such file", "binary", "empty", "English only", "directory"):
        assert expected in reasons


def test_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(STORY.encode())))
    (item,) = list(read_inputs(["-"]))
    assert isinstance(item, Article) and item.origin == "stdin"


def test_unreadable_published_date_is_a_failure(tmp_path):
    (item,) = read(tmp_path, "story.txt", STORY, meta={"published": "someday soon"})
    assert isinstance(item, Failure) and "publication date" in item.reason


@pytest.mark.parametrize(
    ("data", "name", "expected"),
    [
        (HTML.encode(), "x.txt", "html"),
        (RSS.encode(), "x.txt", "feed"),
        (ATOM.encode(), "x", "feed"),
        (b'{"text": "a"}\n{"text": "b"}', "x.txt", "jsonl"),
        (b"Plain words.", "x.html", "html"),
        (b"Plain words.", "x.dat", "text"),
    ],
)
def test_detect_format_prefers_content_then_extension(data, name, expected):
    assert detect_format(data, name) == expected


def test_oversized_file_is_refused_without_reading_it(tmp_path, monkeypatch):
    import claimtrace.ingest as ingest

    monkeypatch.setattr(ingest, "MAX_FILE_BYTES", 1000)
    (item,) = read(tmp_path, "big.html", "<html><body>" + "<p>word</p>" * 500 + "</body></html>")
    assert isinstance(item, Failure) and "larger than" in item.reason and item.code == "CT015"


def test_jsonl_streams_past_a_badly_encoded_line(tmp_path):
    good = json.dumps({"text": STORY}).encode()
    data = (
        good + b"\n" + b'{"text": "\xff\xfe\x00\x00 caf\xe9"}\n' + good.replace(b"storm", b"gale")
    )
    items = read(tmp_path, "mixed.jsonl", data)
    assert [type(i).__name__ for i in items] == ["Article", "Failure", "Article"]
    assert items[1].origin.endswith(":2")


def test_failure_reason_carries_the_message_and_the_code_separately():
    from claimtrace.errors import AddressRefused
    from claimtrace.ingest.readers import failure_from

    failure = failure_from(AddressRefused("127.0.0.1 is a loopback address"), "http://x")
    assert failure.reason == "127.0.0.1 is a loopback address"
    assert failure.code == "CT031" and failure.stage == "ingest"
