"""The output schema of claimtrace: small frozen records, plain data only.

Every span is a pair of character offsets into ``Article.text`` (end-exclusive) plus the
covered text, so records can be stored, compared and re-anchored without a spaCy ``Doc``.
Records that other records point to (quantities, time expressions, places, entities)
carry an ``id`` that is unique within one article; a claim refers to them by id.

The ledger and the cross-article linking store and compare exactly these records, so
changes here are schema changes: keep ``docs/schema.md`` and ``SCHEMA_VERSION`` in step.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import hashlib
import types
import typing
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

SCHEMA_VERSION = "1.0"


class SourceKind(enum.StrEnum):
    GOVERNMENT = "government"
    INTELLIGENCE = "intelligence"
    MILITARY = "military"
    MEDIA = "media"
    ANONYMOUS = "anonymous"
    SOCIAL_MEDIA = "social_media"
    PERSON = "person"
    ORGANIZATION = "organization"
    OTHER = "other"
    UNATTRIBUTED = "unattributed"  # the claim has no source in the text


class Stance(enum.StrEnum):
    ASSERT = "assert"
    DENY = "deny"
    DOWNPLAY = "downplay"
    CONDITIONAL = "conditional"
    NO_COMMENT = "no_comment"
    QUESTION = "question"


class QuoteType(enum.StrEnum):
    DIRECT = "direct"  # the whole content is inside quotation marks
    INDIRECT = "indirect"  # no quotation marks in the content
    MIXED = "mixed"  # part quoted, part paraphrased


class Basis(enum.StrEnum):
    DISCLOSED = "disclosed"  # "citing satellite images", "according to documents seen by"
    UNDISCLOSED = "undisclosed"  # "did not disclose the basis", "without providing evidence"
    UNSTATED = "unstated"  # the text says nothing either way


class Modality(enum.StrEnum):
    HAPPENED = "happened"  # past or ongoing
    EXPECTED = "expected"  # planned, predicted, "will", "expected to"
    UNKNOWN = "unknown"


class Qualifier(enum.StrEnum):
    EXACT = "exact"
    APPROX = "approx"
    AT_LEAST = "at_least"
    MORE_THAN = "more_than"
    AT_MOST = "at_most"
    LESS_THAN = "less_than"
    RANGE = "range"


class Change(enum.StrEnum):
    """Direction of change stated for a quantity, as NewsQuant labels it."""

    EQUAL = "="
    APPROX = "~"
    MORE = ">"
    LESS = "<"
    UP = "up"
    DOWN = "down"


class TimexType(enum.StrEnum):
    DATE = "DATE"
    TIME = "TIME"
    DURATION = "DURATION"
    SET = "SET"


class PlaceKind(enum.StrEnum):
    COUNTRY = "country"
    ADMIN = "admin"  # first- or second-level administrative division (oblast, state)
    CITY = "city"
    REGION = "region"  # informal or supra-national region ("Russia's Far East")
    OTHER = "other"


class PlaceUse(enum.StrEnum):
    LOCATION = "location"  # a place where something is or happens
    ADJECTIVAL = "adjectival"  # "Russian forces": linked to the country, not a place visited
    METONYM = "metonym"  # "Moscow said": stands for a government


# --------------------------------------------------------------------------- records


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the article text: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"invalid span offsets ({self.start}, {self.end})")

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """The span of ``text[start:end]``."""
        return cls(start, end, text[start:end])


@dataclass(frozen=True, slots=True)
class Entity:
    """Who a source mention refers to, after coreference and metonymy resolution.

    ``id`` is a stable key that the ledger uses across articles: a normalised name
    ("ukraine/government", "kyodo-news", "lloyd-austin").
    """

    id: str
    name: str
    kind: SourceKind
    country: str | None = None  # ISO 3166-1 alpha-2 of the entity's country, if known
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Hedge:
    """A hedge or evidential marker and who carries it.

    ``carrier`` is ``"source"`` when the hedge is inside the attributed content (the
    source hedges) and ``"reporter"`` when the article's own voice adds it.
    """

    span: Span
    cue: str  # normalised form: "reportedly", "allegedly", "purported", "may", ...
    carrier: str = "reporter"


@dataclass(frozen=True, slots=True)
class ViaLink:
    """One step of a nested attribution, from the reporting source towards the origin."""

    source: tuple[Span, ...]
    cue: tuple[Span, ...] = ()
    entity: Entity | None = None


@dataclass(frozen=True, slots=True)
class Quantity:
    id: str
    span: Span
    value: float
    qualifier: Qualifier = Qualifier.EXACT
    value_high: float | None = None  # upper bound of a range
    counted: str | None = None  # head noun of the counted thing: "troops"
    modifiers: tuple[str, ...] = ()  # "North Korean"
    unit: str | None = None  # "km", "percent", ...
    currency: str | None = None  # ISO 4217 for money
    change: Change | None = None
    event: str | None = None  # the event it counts, where plain: "killed"
    modality: Modality = Modality.UNKNOWN
    vague: bool = False  # "hundreds of", "dozens of": value is a lower bound


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """A TimeML TIMEX3 expression; ``value`` is None when it cannot be resolved."""

    id: str
    span: Span
    type: TimexType
    value: str | None = None
    mod: str | None = None  # TimeML mod: START, END, MID, APPROX, BEFORE, AFTER, ...


@dataclass(frozen=True, slots=True)
class Place:
    id: str
    span: Span
    name: str  # canonical name of the resolved place
    kind: PlaceKind
    use: PlaceUse = PlaceUse.LOCATION
    country: str | None = None  # ISO 3166-1 alpha-2
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True, slots=True)
class Claim:
    """One attribution: a source (possibly none) says, through a cue, some content.

    ``source``, ``cue`` and ``content`` are lists of spans because a role may be
    discontinuous ("X, he said, is Y"); any of them may be empty (no stated source).
    ``quantities``, ``dates`` and ``places`` hold ids of the article's records whose
    span lies in the content.
    """

    id: str
    source: tuple[Span, ...]
    cue: tuple[Span, ...]
    content: tuple[Span, ...]
    source_kind: SourceKind = SourceKind.UNATTRIBUTED
    source_entity: Entity | None = None
    quote_type: QuoteType = QuoteType.INDIRECT
    stance: Stance = Stance.ASSERT
    hedges: tuple[Hedge, ...] = ()
    basis: Basis = Basis.UNSTATED
    modality: Modality = Modality.UNKNOWN
    via: tuple[ViaLink, ...] = ()  # ordered from the direct source to the origin
    channel: Span | None = None  # "a statement on Telegram", "on social media"
    said_on: str | None = None  # TIMEX3 value of when it was said, if the text says
    said_at: str | None = None  # id of the Place where it was said ("Speaking in Rome")
    quantities: tuple[str, ...] = ()
    dates: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    confidence: float = 1.0

    @property
    def origin(self) -> Entity | None:
        """The entity the claim traces back to: the last via-link's, else the source's."""
        for link in reversed(self.via):
            if link.entity is not None:
                return link.entity
        return self.source_entity


@dataclass(frozen=True, slots=True)
class CommentRequest:
    """ "X reached out to Y for comment": recorded, but not a claim of anyone."""

    requester: tuple[Span, ...]
    target: tuple[Span, ...]
    cue: tuple[Span, ...]
    answered: bool = False


@dataclass(frozen=True, slots=True)
class Analyzer:
    """What produced an analysis, so stored results can be traced and re-run."""

    claimtrace_version: str
    model: str  # pipeline name and version, e.g. "en_claimtrace_fast-0.1.0"
    schema_version: str = SCHEMA_VERSION


@dataclass(frozen=True, slots=True)
class Article:
    id: str  # content hash of the text, see ``article_id``
    text: str
    published: dt.date | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    language: str | None = None
    origin: str | None = None  # where it was read from: a path, "stdin", "feed.xml#3"
    claims: tuple[Claim, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    timexes: tuple[TimeExpr, ...] = ()
    places: tuple[Place, ...] = ()
    entities: tuple[Entity, ...] = ()
    comment_requests: tuple[CommentRequest, ...] = ()
    analyzer: Analyzer | None = None

    def to_dict(self) -> dict[str, Any]:
        return to_dict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Article:
        return from_dict(cls, data)


@dataclass(frozen=True, slots=True)
class Failure:
    """An input item that could not be read or analysed, and why (never a crash)."""

    origin: str  # path, URL, "stdin", "feed.xml#3", "file.jsonl:12"
    reason: str  # a sentence a user can act on
    code: str = "CT000"  # see claimtrace.errors
    stage: str = "ingest"  # "ingest" or "analysis"


def article_id(text: str) -> str:
    """A content-hash id: the same text always gets the same id (re-ingest is idempotent)."""
    normalized = "\n".join(line.rstrip() for line in text.strip().splitlines())
    return hashlib.sha256(normalized.encode("utf-8")).hexdigest()[:16]


# --------------------------------------------------------------------------- (de)serialisation


def to_dict(record: Any) -> Any:
    """Turn a record (or a tuple of records) into JSON-ready plain data.

    Fields equal to their default are kept, so every object has the same keys.
    """
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        return {f.name: to_dict(getattr(record, f.name)) for f in dataclasses.fields(record)}
    if isinstance(record, enum.Enum):
        return record.value
    if isinstance(record, (tuple, list)):
        return [to_dict(item) for item in record]
    if isinstance(record, dt.date):
        return record.isoformat()
    return record


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = typing.get_type_hints(cls)
    return _HINTS[cls]


def _convert(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        return _convert(options[0], value) if len(options) == 1 else value
    if origin is tuple:
        (item_hint, *_rest) = typing.get_args(hint)
        return tuple(_convert(item_hint, item) for item in value)
    if isinstance(hint, type):
        if dataclasses.is_dataclass(hint):
            return from_dict(hint, value)
        if issubclass(hint, enum.Enum):
            return hint(value)
        if hint is dt.date:
            return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)
        if hint is float and isinstance(value, int):
            return float(value)
    return value


def from_dict(cls: type, data: Mapping[str, Any]) -> Any:
    """Rebuild a record of type ``cls`` from :func:`to_dict` output; unknown keys are ignored."""
    hints = _hints(cls)
    kwargs = {
        f.name: _convert(hints[f.name], data[f.name])
        for f in dataclasses.fields(cls)
        if f.name in data
    }
    return cls(**kwargs)


def spans_text(spans: Iterable[Span], sep: str = " … ") -> str:
    """The texts of several spans joined for display."""
    return sep.join(s.text for s in spans)


__all__ = [
    "SCHEMA_VERSION",
    "Analyzer",
    "Article",
    "Basis",
    "Change",
    "Claim",
    "CommentRequest",
    "Entity",
    "Failure",
    "Hedge",
    "Modality",
    "Place",
    "PlaceKind",
    "PlaceUse",
    "Qualifier",
    "Quantity",
    "QuoteType",
    "SourceKind",
    "Span",
    "Stance",
    "TimeExpr",
    "TimexType",
    "ViaLink",
    "article_id",
    "from_dict",
    "spans_text",
    "to_dict",
]
