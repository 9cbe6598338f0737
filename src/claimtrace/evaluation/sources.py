"""Score source resolution (entity, kind, coreference, via, channel, metonymy) on the
hand-labelled gold set ``eval/gold/sources.jsonl`` (see docs/guidelines-sources.md).

Each gold record is one claim of an article whose text lies in the articles file
(``sources-articles.jsonl`` next to the gold file; its sha256 is checked). The article is
analysed with the attribution components; a gold claim is matched to the predicted claim
whose cue overlaps the gold cue (else whose content overlaps the gold content, else whose
source overlaps the gold source). A nested report is labelled as one claim whose source is
the outer voice ("Police believe X, the station reported": cue "believe", source "the
station", via "Police"); claimtrace gives the inner report a claim of its own and the outer
claim the via-link, so a predicted claim whose source overlaps the gold source and one of
whose via-links has the gold cue is taken first. A gold claim with no predicted claim counts
as wrong on every measure (it is reported as ``unmatched``).

Measures (counts are printed beside each):

- kind accuracy: predicted ``source_kind`` == gold kind, over all gold claims;
- entity accuracy, over gold claims with a source: the predicted entity's id, name or one
  of its aliases, slugified, equals the gold canonical name or one of its gold aliases,
  slugified (``the``/``a``/``an`` and an ``unnamed-`` prefix dropped), or the gold entity
  id (``egypt/government``) when one is listed;
- coreference accuracy: entity accuracy on the gold claims whose source is a pronoun or a
  definite nominal that refers back (flag ``coref``);
- via P/R: each predicted via-link of a matched claim is right when its entity or source
  text matches one of the gold via names (as for entities); recall over gold via names;
- channel P/R: a predicted channel is right when its span overlaps the gold channel span;
- metonymy accuracy: predicted metonymy (the source names a capital, seat of power or
  country that :func:`claimtrace.extract.sources.metonym_country` maps to a government and
  the entity is that government) == gold flag, over gold claims with a source.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimtrace.errors import ClaimtraceError
from claimtrace.evaluation.shared import read_gold_jsonl
from claimtrace.model import Claim, Entity

#: The splits of the project's gold set (eval/gold/sources.jsonl); another gold file may
#: have its own, and any split its rows name can be scored.
SPLITS = ("dev", "test", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "all")


def load_gold(path: str | Path, split: str = "all") -> list[dict[str, Any]]:
    """The gold rows of ``split`` ("all": every row); an error naming the file's splits
    when none of its rows is in ``split``."""
    rows = read_gold_jsonl(path)
    if split == "all":
        return rows
    chosen = [r for r in rows if r.get("split") == split]
    if not chosen and rows:
        present = sorted({str(r.get("split")) for r in rows})
        raise ClaimtraceError(
            f"no row of {path} is in split {split!r}; its splits: {', '.join(present)}"
        )
    return chosen


def load_articles(path: str | Path) -> dict[str, str]:
    """doc id -> text, each checked against its stored sha256."""
    path = Path(path)
    if not path.is_file():
        raise ClaimtraceError(f"articles file {path} not found")
    out = {}
    for line in path.open(encoding="utf-8"):
        if not line.strip():
            continue
        art = json.loads(line)
        digest = hashlib.sha256(art["text"].encode("utf-8")).hexdigest()
        if art.get("sha256") and digest != art["sha256"]:
            raise ClaimtraceError(f"text of {art['doc']} does not match its sha256")
        out[art["doc"]] = art["text"]
    return out


def default_articles_path(gold: str | Path) -> Path:
    return Path(gold).with_name("sources-articles.jsonl")


# --------------------------------------------------------------------------- matching


def name_key(text: str) -> str:
    """A comparable form of a name: ASCII slug without a leading article or ``unnamed-``."""
    from claimtrace.extract.sources import slugify

    if "/" in text and " " not in text:  # an entity id: "egypt/government"
        return text.lower()
    key = slugify(text)
    key = re.sub(r"^(?:unnamed-)?(?:(?:the|a|an)-)?", "", key)
    return key


def entity_names(entity: Entity | None) -> set[str]:
    if entity is None:
        return set()
    names = {entity.id.lower(), name_key(entity.id.removeprefix("unnamed-")), name_key(entity.name)}
    names.update(name_key(a) for a in entity.aliases)
    return {n for n in names if n}


def gold_names(names: Iterable[str]) -> set[str]:
    return {name_key(n) for n in names if n}


def entity_matches(entity: Entity | None, gold: dict[str, Any]) -> bool:
    if not gold.get("entity"):
        return entity is None
    return bool(entity_names(entity) & gold_names([gold["entity"], *gold.get("aliases", [])]))


def _overlap(a: Sequence[int] | None, b: Sequence[int] | None) -> bool:
    return bool(a and b and a[0] < b[1] and b[0] < a[1])


def _span(spans) -> list[int] | None:
    return [spans[0].start, spans[-1].end] if spans else None


def match_claim(gold: dict[str, Any], claims: Sequence[Claim]) -> Claim | None:
    """The predicted claim that answers ``gold`` (see the module docstring), or None."""
    for c in claims:  # the claim that relays a nested report, labelled by its inner cue
        if any(_overlap(gold.get("source"), (s.start, s.end)) for s in c.source) and any(
            _overlap(gold.get("cue"), (s.start, s.end)) for link in c.via for s in link.cue
        ):
            return c
    for key, attr in (("cue", "cue"), ("content", "content"), ("source", "source")):
        for c in claims:
            spans = getattr(c, attr)
            if any(_overlap(gold.get(key), (s.start, s.end)) for s in spans):
                return c
    return None


def predicted_metonymy(claim: Claim) -> bool:
    from claimtrace.extract.sources import metonym_country

    if not claim.source or claim.source_entity is None:
        return False
    country = metonym_country(" ".join(s.text for s in claim.source))
    return bool(country and claim.source_entity.id == f"{country.slug}/government")


# --------------------------------------------------------------------------- scoring


@dataclass
class Ratio:
    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.total += 1
        self.right += int(ok)

    def __str__(self) -> str:
        pct = 100.0 * self.right / self.total if self.total else 0.0
        return f"{pct:5.1f}  ({self.right}/{self.total})"

    def value(self) -> float:
        return self.right / self.total if self.total else 0.0


@dataclass
class PR:
    tp_p: int = 0  # predicted items that are right
    n_pred: int = 0
    tp_r: int = 0  # gold items found
    n_gold: int = 0

    def scores(self) -> tuple[float, float]:
        p = self.tp_p / self.n_pred if self.n_pred else 0.0
        r = self.tp_r / self.n_gold if self.n_gold else 0.0
        return p, r

    def __str__(self) -> str:
        p, r = self.scores()
        return (
            f"P {100 * p:5.1f} ({self.tp_p}/{self.n_pred})  "
            f"R {100 * r:5.1f} ({self.tp_r}/{self.n_gold})"
        )


@dataclass
class SourceScores:
    n: int = 0
    unmatched: int = 0
    source_span: Ratio = field(default_factory=Ratio)
    kind: Ratio = field(default_factory=Ratio)
    entity: Ratio = field(default_factory=Ratio)
    coref: Ratio = field(default_factory=Ratio)
    metonymy: Ratio = field(default_factory=Ratio)
    via: PR = field(default_factory=PR)
    channel: PR = field(default_factory=PR)
    by_kind: dict[str, Ratio] = field(default_factory=dict)
    errors: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        vp, vr = self.via.scores()
        cp, cr = self.channel.scores()
        return {
            "claims": self.n,
            "unmatched": self.unmatched,
            "source_span_exact": [self.source_span.right, self.source_span.total],
            "kind_accuracy": [self.kind.right, self.kind.total],
            "entity_accuracy": [self.entity.right, self.entity.total],
            "coref_accuracy": [self.coref.right, self.coref.total],
            "metonymy_accuracy": [self.metonymy.right, self.metonymy.total],
            "via": {
                "p": vp,
                "r": vr,
                "tp_p": self.via.tp_p,
                "n_pred": self.via.n_pred,
                "tp_r": self.via.tp_r,
                "n_gold": self.via.n_gold,
            },
            "channel": {
                "p": cp,
                "r": cr,
                "tp_p": self.channel.tp_p,
                "n_pred": self.channel.n_pred,
                "tp_r": self.channel.tp_r,
                "n_gold": self.channel.n_gold,
            },
            "kind_by_gold": {k: [v.right, v.total] for k, v in sorted(self.by_kind.items())},
        }

    def report(self) -> str:
        lines = [
            f"claims {self.n} (unmatched: {self.unmatched}; counted wrong on every measure)",
            f"source span exact   {self.source_span}",
            f"kind accuracy       {self.kind}",
            f"entity accuracy     {self.entity}",
            f"coref accuracy      {self.coref}",
            f"metonymy accuracy   {self.metonymy}",
            f"via                 {self.via}",
            f"channel             {self.channel}",
            "kind accuracy by gold kind:",
        ]
        for k, v in sorted(self.by_kind.items()):
            lines.append(f"  {k:<14}{v}")
        return "\n".join(lines)


def _via_names(link) -> set[str]:
    names = entity_names(link.entity)
    names.update(name_key(s.text) for s in link.source)
    return names


def score(
    gold_rows: Sequence[dict[str, Any]], predicted: dict[str, Sequence[Claim]]
) -> SourceScores:
    """Score predicted claims (doc id -> claims) against gold rows."""
    s = SourceScores()
    for g in gold_rows:
        s.n += 1
        claim = match_claim(g, predicted.get(g["doc"], ()))
        by_kind = s.by_kind.setdefault(g["kind"], Ratio())
        has_source = bool(g.get("entity"))
        if claim is None:
            s.unmatched += 1
            for r in (s.source_span, s.kind, by_kind):
                r.add(False)
            if has_source:
                s.entity.add(False)
                s.metonymy.add(False)
                if g.get("coref"):
                    s.coref.add(False)
            s.via.n_gold += len(g.get("via", []))
            s.channel.n_gold += int(bool(g.get("channel")))
            s.errors.append({"id": g["id"], "error": "unmatched"})
            continue
        s.source_span.add(_span(claim.source) == (g.get("source") or None))
        kind_ok = claim.source_kind.value == g["kind"]
        s.kind.add(kind_ok)
        by_kind.add(kind_ok)
        ent_ok = entity_matches(claim.source_entity, g)
        if has_source:
            s.entity.add(ent_ok)
            s.metonymy.add(predicted_metonymy(claim) == bool(g.get("metonym")))
            if g.get("coref"):
                s.coref.add(ent_ok)
        gold_via = gold_names(g.get("via", []))
        pred_via = [_via_names(v) for v in claim.via]
        s.via.n_pred += len(pred_via)
        s.via.tp_p += sum(bool(p & gold_via) for p in pred_via)
        s.via.n_gold += len(g.get("via", []))
        s.via.tp_r += sum(any(name_key(n) in p for p in pred_via) for n in g.get("via", []))
        ch = [claim.channel.start, claim.channel.end] if claim.channel else None
        s.channel.n_pred += int(ch is not None)
        s.channel.n_gold += int(bool(g.get("channel")))
        ch_ok = _overlap(ch, g.get("channel"))
        s.channel.tp_p += int(ch_ok)
        s.channel.tp_r += int(ch_ok)
        if not (kind_ok and (ent_ok or not has_source)):
            s.errors.append(
                {
                    "id": g["id"],
                    "source": g.get("source_text"),
                    "gold": [g.get("entity"), g["kind"]],
                    "pred": [
                        claim.source_entity.id if claim.source_entity else None,
                        claim.source_kind.value,
                    ],
                }
            )
    return s


def run_sources_eval(
    gold: str | Path,
    *,
    split: str = "all",
    articles: str | Path | None = None,
    model: str | None = None,
    nlp=None,
    predictions: str | Path | None = None,
) -> SourceScores:
    rows = load_gold(gold, split)
    texts = load_articles(articles or default_articles_path(gold))
    if nlp is None:
        from claimtrace.evaluation.attribution import attribution_pipeline

        nlp = attribution_pipeline(model)
    predicted: dict[str, list[Claim]] = {}
    for doc_id in dict.fromkeys(r["doc"] for r in rows):
        if doc_id not in texts:
            raise ClaimtraceError(f"no text for {doc_id} in the articles file")
        predicted[doc_id] = list(nlp(texts[doc_id])._.ct_claims)
    scores = score(rows, predicted)
    if predictions:
        from claimtrace.model import to_dict

        with open(predictions, "w", encoding="utf-8") as fh:
            for doc_id, claims in predicted.items():
                for c in claims:
                    fh.write(json.dumps({"doc": doc_id, **to_dict(c)}, ensure_ascii=False) + "\n")
    return scores
