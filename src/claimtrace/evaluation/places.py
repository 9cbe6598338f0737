"""``claimtrace eval places FILE``: toponym recognition and resolution on LGL-scheme XML.

Only each article's ``<text>`` (and its ``<domain>``/``<url>``, article metadata) is read
for prediction; the ``<toponyms>`` are never seen. Predictions are written in the JSONL
format ``score_places.py`` reads, then scored by it. ``split`` selects a reproducible part
of the file: ``dev`` = articles at even positions, ``test`` = odd positions, ``all``.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

from claimtrace.errors import ClaimtraceError, InputError
from claimtrace.evaluation.shared import shared_dir
from claimtrace.extract.places import find_places, home_country, outlet_prior

SPLITS = ("all", "dev", "test")


def _select(root: ET.Element, split: str) -> list[ET.Element]:
    articles = list(root)
    if split == "dev":
        return articles[0::2]
    if split == "test":
        return articles[1::2]
    return articles


def predict(articles: list[ET.Element], *, nlp=None) -> list[dict]:
    """Places per article; a first pass over each outlet's articles gives its prior."""
    texts, homes, domains, ents_list = [], [], [], []
    for art in articles:
        text = art.findtext("text") or ""
        domain = (art.findtext("domain") or "").strip()
        texts.append(text)
        domains.append(domain)
        homes.append(home_country(domain, (art.findtext("url") or "").strip()))
        ents = None
        if nlp is not None:
            doc = nlp(text)
            ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        ents_list.append(ents)
    by_outlet: dict[str, list[str]] = defaultdict(list)
    for domain, text in zip(domains, texts, strict=True):
        by_outlet[domain].append(text)
    priors = {
        d: outlet_prior(outlet_texts, home=home_country(d), domain=d)
        for d, outlet_texts in by_outlet.items()
        if d and len(outlet_texts) > 1
    }
    out = []
    for art, text, ents, home, domain in zip(
        articles, texts, ents_list, homes, domains, strict=True
    ):
        places = find_places(text, ents=ents, home=home, outlet=priors.get(domain))
        out.append(
            {
                "doc": str(art.get("docid")),
                "places": [
                    {
                        "start": p.span.start,
                        "end": p.span.end,
                        "text": p.span.text,
                        "lat": p.lat,
                        "lon": p.lon,
                        "geonameid": p.geonameid,
                        "name": p.name,
                        "kind": str(p.kind),
                        "use": str(p.use),
                        "country": p.country,
                    }
                    for p in places
                ],
            }
        )
    return out


def evaluate(path: Path, predictions: Path | None = None, *, split: str = "all", nlp=None) -> dict:
    """Predict for the articles of ``path`` (one split), score with score_places.py."""
    if split not in SPLITS:
        raise InputError(f"split must be one of {SPLITS}")
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as exc:
        raise InputError(f"{path}: cannot read as LGL-scheme XML ({exc})") from exc
    articles = _select(root, split)
    preds = predict(articles, nlp=nlp)
    shared = shared_dir()
    scorer = shared / "tools" / "score_places.py" if shared else None
    if scorer is None or not scorer.is_file():
        raise ClaimtraceError("score_places.py not found: set CLAIMTRACE_SHARED")
    with tempfile.TemporaryDirectory() as tmp:
        gold = Path(tmp) / "gold.xml"
        subset = ET.Element(root.tag)
        subset.extend(articles)
        ET.ElementTree(subset).write(gold, encoding="utf-8")
        pred_path = predictions or Path(tmp) / "pred.jsonl"
        with pred_path.open("w", encoding="utf-8") as fh:
            for rec in preds:
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        result = subprocess.run(
            [sys.executable, str(scorer), str(gold), str(pred_path)],
            capture_output=True,
            text=True,
            check=False,
        )
    if result.returncode != 0:
        raise ClaimtraceError(f"score_places.py failed: {result.stderr.strip()[-500:]}")
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    summary["split"] = split
    summary["articles"] = len(articles)
    return summary
