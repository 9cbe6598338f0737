"""Turn the hand annotations (eval/gold/annotations/quantities-*.txt) into the gold JSONL.

Annotation lines: ``sid | surface[#n] | value | qualifier | key=value ...`` where the
surface is the text of the quantity as written in the sentence (``#n`` picks the n-th
occurrence) and ``-`` marks a sentence without quantities. This script only locates the
surfaces in the sentence to get offsets; every value was written by the annotator.

ECB+ sentences are rebuilt from tokens, so digit groups split by the tokenizer
("910, 000", "1. 2m", "20 - 13") are re-joined before annotation (``normalize_ecb``).

Usage: python eval/tools/build_quantities_gold.py eval/gold/annotations eval/gold/annotations \
           > eval/gold/quantities.jsonl
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

FLOAT_KEYS = {"hi": "value_high"}
STR_KEYS = {
    "counted": "counted",
    "unit": "unit",
    "cur": "currency",
    "chg": "change",
    "event": "event",
    "mod": "modality",
}


def normalize_ecb(text: str) -> str:
    text = re.sub(r"(\d)([,.]) (\d)", r"\1\2\3", text)
    text = re.sub(r"(\d) - (\d)", r"\1-\2", text)
    text = re.sub(r"(\w) - (\w)", r"\1-\2", text)
    text = re.sub(r"(\d): (\d)", r"\1:\2", text)
    text = text.replace(" ’ s", "’s").replace("a. m.", "a.m.").replace("p. m.", "p.m.")
    return text


def locate(text: str, surface: str, nth: int) -> tuple[int, int]:
    pattern = re.escape(surface)
    if surface[:1].isdigit():
        pattern = r"(?<![\d.,])" + pattern
    if surface[-1:].isdigit():
        pattern += r"(?![\d])"
    hits = [m.span() for m in re.finditer(pattern, text)]
    if len(hits) < nth:
        raise ValueError(f"{surface!r} (#{nth}) not found in {text!r}")
    return hits[nth - 1]


def parse_line(line: str) -> tuple[str, dict | None, str | None, int]:
    parts = [p.strip() for p in line.split("|")]
    sid = parts[0]
    if parts[1] == "-":
        return sid, None, None, 0
    surface, nth = parts[1], 1
    if re.search(r"#\d+$", surface) and not surface.startswith("#"):
        surface, n = surface.rsplit("#", 1)
        nth = int(n)
    q: dict = {"value": float(parts[2]), "qualifier": parts[3]}
    for item in parts[4].split() if len(parts) > 4 and parts[4] else []:
        if item == "vague":
            q["vague"] = True
            continue
        key, val = item.split("=", 1)
        if key in FLOAT_KEYS:
            q[FLOAT_KEYS[key]] = float(val)
        else:
            q[STR_KEYS[key]] = val.replace("_", " ")
    return sid, q, surface, nth


def main() -> None:
    cands = {}
    lines = [
        line
        for path in sorted(Path(sys.argv[1]).glob("candidates-*.jsonl"))
        for line in path.read_text().splitlines()
    ]
    for line in lines:
        c = json.loads(line)
        if c["corpus"] == "ecbplus":
            c["text"] = normalize_ecb(c["text"])
        c["quantities"] = []
        cands[c["sid"]] = c
    annotated = set()
    for path in sorted(Path(sys.argv[2]).glob("quantities-*.txt")):
        for line in path.read_text().splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            sid, q, surface, nth = parse_line(line)
            annotated.add(sid)
            if q is None:
                continue
            c = cands[sid]
            start, end = locate(c["text"], surface, nth)
            c["quantities"].append({"text": c["text"][start:end], "start": start, "end": end, **q})
    for sid in sorted(annotated):
        c = cands[sid]
        c["quantities"].sort(key=lambda q: q["start"])
        print(json.dumps(c, ensure_ascii=False))


if __name__ == "__main__":
    main()
