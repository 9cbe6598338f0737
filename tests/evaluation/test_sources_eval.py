"""The source-resolution scorer (claimtrace.evaluation.sources) on small made-up cases."""

from __future__ import annotations

import hashlib
import json

import pytest

from claimtrace.errors import ClaimtraceError
from claimtrace.evaluation.sources import (
    entity_matches,
    load_articles,
    match_claim,
    name_key,
    score,
)
from claimtrace.model import Claim, Entity, SourceKind, Span, ViaLink

TEXT = "Kyiv said the talks failed, Reuters reported, citing an aide. He said no."


def _claim(cid, src, cue, content, kind, entity=None, via=(), channel=None):
    def sp(t):
        i = TEXT.index(t)
        return (Span.of(TEXT, i, i + len(t)),)

    return Claim(
        cid,
        sp(src) if src else (),
        sp(cue),
        sp(content),
        source_kind=kind,
        source_entity=entity,
        via=via,
        channel=channel,
    )


def _gold(src, cue, content, kind, entity, **kw):
    def sp(t):
        i = TEXT.index(t)
        return [i, i + len(t)]

    row = {
        "id": "d#1",
        "doc": "d",
        "split": "dev",
        "cue": sp(cue),
        "content": sp(content),
        "source": sp(src) if src else None,
        "source_text": src,
        "entity": entity,
        "aliases": kw.pop("aliases", []),
        "kind": kind,
        "coref": kw.pop("coref", False),
        "metonym": kw.pop("metonym", False),
        "via": kw.pop("via", []),
        "channel": kw.pop("channel", None),
    }
    return row


def test_name_key_drops_articles_and_unnamed_prefix():
    assert name_key("The Associated Press") == "associated-press"
    assert name_key("unnamed-an-eyewitness") == "eyewitness"
    assert name_key("egypt/government") == "egypt/government"


def test_entity_matches_by_alias_and_id():
    ent = Entity(
        "ukraine/government", "Ukraine (government)", SourceKind.GOVERNMENT, "UA", ("Kyiv",)
    )
    assert entity_matches(
        ent, {"entity": "Ukrainian government", "aliases": ["ukraine/government"]}
    )
    assert entity_matches(ent, {"entity": "Kyiv", "aliases": []})
    assert not entity_matches(ent, {"entity": "Russia", "aliases": ["russia/government"]})
    assert not entity_matches(None, {"entity": "Russia", "aliases": []})


def test_match_claim_by_cue_then_content():
    c1 = _claim("c1", "Kyiv", "said", "the talks failed", SourceKind.GOVERNMENT)
    g = _gold("Kyiv", "said", "the talks failed", "government", "Kyiv")
    assert match_claim(g, [c1]) is c1
    g2 = dict(g, cue=[0, 1])  # no cue overlap: falls back on the content
    assert match_claim(g2, [c1]) is c1
    assert match_claim(dict(g, cue=None, content=None, source=[70, 72]), [c1]) is None


def test_a_nested_report_matches_the_claim_that_relays_it():
    text = "Police believe the driver fled, the station reported."

    def sp(t):
        i = text.index(t)
        return (Span.of(text, i, i + len(t)),)

    inner = Claim("c1", sp("Police"), sp("believe"), sp("the driver fled"))
    link = ViaLink(source=inner.source, cue=inner.cue)
    outer = Claim("c2", sp("the station"), sp("reported"), sp("Police believe the driver fled"))
    relaying = Claim("c2", outer.source, outer.cue, outer.content, via=(link,))
    # labelled as one claim: cue "believe", source the outer voice, via Police
    gold = {"cue": [7, 14], "content": [15, 30], "source": [32, 43]}
    assert match_claim(gold, [inner, relaying]) is relaying
    # without the via-link the claim with the gold cue is taken, as before
    assert match_claim(gold, [inner, outer]) is inner


def test_score_counts_kind_entity_coref_via_channel():
    gov = Entity(
        "ukraine/government", "Ukraine (government)", SourceKind.GOVERNMENT, "UA", ("Kyiv",)
    )
    aide = Entity("unnamed-aide", "aide", SourceKind.PERSON)
    c1 = _claim("c1", "Kyiv", "said", "the talks failed", SourceKind.GOVERNMENT, gov)
    i = TEXT.index("an aide")
    link = ViaLink(source=(Span.of(TEXT, i, i + 7),), entity=aide)
    c2 = _claim("c2", "Reuters", "reported", "the talks failed,", SourceKind.MEDIA, None, (link,))
    c3 = _claim("c3", "He", "said no", "no", SourceKind.PERSON, None)
    gold = [
        _gold(
            "Kyiv",
            "said",
            "the talks failed",
            "government",
            "Ukraine",
            aliases=["ukraine/government"],
            metonym=True,
        ),
        _gold("Reuters", "reported", "the talks failed", "media", "Reuters", via=["an aide"]),
        _gold("He", "said no", "no", "person", "the aide", coref=True, channel=[0, 4]),
    ]
    gold[1]["cue"] = [TEXT.index("reported"), TEXT.index("reported") + 8]
    s = score(gold, {"d": [c1, c2, c3]})
    assert (s.kind.right, s.kind.total) == (3, 3)
    assert (s.entity.right, s.entity.total) == (1, 3)  # Reuters: no entity; "He": unresolved
    assert (s.coref.right, s.coref.total) == (0, 1)
    assert (s.metonymy.right, s.metonymy.total) == (3, 3)
    assert (s.via.tp_p, s.via.n_pred, s.via.tp_r, s.via.n_gold) == (1, 1, 1, 1)
    assert (s.channel.n_pred, s.channel.n_gold, s.channel.tp_r) == (0, 1, 0)
    assert "kind accuracy" in s.report()


def test_unmatched_gold_claim_is_wrong_everywhere():
    g = _gold("Kyiv", "said", "the talks failed", "government", "Kyiv")
    s = score([g], {"d": []})
    assert s.unmatched == 1 and s.kind.right == 0 and s.entity.total == 1


def test_articles_sha_is_checked(tmp_path):
    p = tmp_path / "a.jsonl"
    good = {"doc": "d", "text": "x", "sha256": hashlib.sha256(b"x").hexdigest()}
    p.write_text(json.dumps(good) + "\n")
    assert load_articles(p) == {"d": "x"}
    p.write_text(json.dumps(dict(good, text="y")) + "\n")
    with pytest.raises(ClaimtraceError):
        load_articles(p)


def test_gold_file_is_consistent_with_its_texts():
    from pathlib import Path

    from claimtrace.evaluation.sources import load_gold

    root = Path(__file__).resolve().parents[2] / "eval" / "gold"
    texts = load_articles(root / "sources-articles.jsonl")
    rows = load_gold(root / "sources.jsonl")
    assert len(rows) >= 150
    assert {r["split"] for r in rows} == {
        "dev",
        "test",
        "dev2",
        "dev3",
        "dev4",
        "dev5",
        "dev6",
        "dev7",
        "dev8",
    }
    assert sum(r["split"] == "dev2" for r in rows) >= 70  # batch b8 of session 8
    assert sum(r["split"] == "dev3" for r in rows) == 103  # batch b9 of session 9 (blind)
    assert sum(r["split"] == "dev4" for r in rows) == 67  # batch b11 of session 10 (blind)
    assert sum(r["split"] == "dev5" for r in rows) == 99  # batch b13 of session 11 (blind)
    assert sum(r["split"] == "dev6" for r in rows) == 92  # batch b14 of session 11 (blind)
    assert sum(r["split"] == "dev7" for r in rows) == 93  # batch b15 of session 12 (blind)
    assert sum(r["split"] == "dev8" for r in rows) == 102  # batch b17 of session 12 (blind)
    kinds = {k.value for k in SourceKind}
    for r in rows:
        text = texts[r["doc"]]
        assert r["kind"] in kinds
        if r["source"]:
            assert text[r["source"][0] : r["source"][1]] == r["source_text"]
        else:
            assert r["kind"] == "unattributed"
        if r["channel"]:
            assert text[r["channel"][0] : r["channel"][1]] == r["channel_text"]
    # split by article: no article in both halves
    by_doc = {}
    for r in rows:
        by_doc.setdefault(r["doc"], set()).add(r["split"])
    assert all(len(s) == 1 for s in by_doc.values())


def test_cli_eval_sources_scores_the_dev_half():
    from pathlib import Path

    from click.testing import CliRunner

    from claimtrace.cli import main

    gold = Path(__file__).resolve().parents[2] / "eval" / "gold" / "sources.jsonl"
    result = CliRunner().invoke(main, ["eval", "sources", str(gold), "--split", "dev", "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert scores["claims"] == 88
    right, total = scores["kind_accuracy"]
    assert total == 88 and 0 < right <= total
    assert scores["entity_accuracy"][1] == 84


def test_a_split_no_row_is_in_is_an_error_naming_the_files_splits(tmp_path):
    from claimtrace.evaluation.sources import load_gold

    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"id": "a#1", "split": "dev"}\n{"id": "b#1", "split": "batch9"}\n')
    assert [r["id"] for r in load_gold(gold, "batch9")] == ["b#1"]  # any split the file names
    with pytest.raises(ClaimtraceError, match="its splits: batch9, dev"):
        load_gold(gold, "test")
