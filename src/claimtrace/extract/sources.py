"""Who a claim's source is: entity, kind, coreference, metonymy, via-chain and channel.

Input: claims whose ``source`` / ``cue`` / ``content`` spans are set (by
:mod:`claimtrace.extract.attribution`) and, when the base pipeline has NER, the entity
mentions of the article. Output: the same claims with ``source_entity``, ``source_kind``,
``via`` and ``channel`` filled, plus the article's list of source entities.

All decisions come from lexicons (``data/attribution/lexicon.json``), a country table
with demonyms and seats of power (``data/attribution/countries.tsv``) and the order of
mentions in the text:

- metonymy: "Kyiv", "the Kremlin", "the White House" stand for their government;
- coreference: a pronoun ("he", "they", "who") or a definite nominal ("the agency",
  "The Ukrainian statement") takes the entity of the nearest compatible earlier source;
- nested attribution: "X cited Y as saying ...", "X reported, citing Y" give a via-link
  from X to Y;
- channel: "in a statement on Telegram", "on social media", "told reporters in Rome".
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import json
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS

from claimtrace.extract.datelines import wire_datelines
from claimtrace.extract.gazetteer import ascii_fold, division_entries, load_gazetteer
from claimtrace.extract.link import inside
from claimtrace.extract.transcripts import QUESTION, Turn, qa_turns
from claimtrace.model import Claim, Entity, SourceKind, Span, ViaLink
from claimtrace.nlp.abbreviations import TITLE_ABBREVIATIONS

# --------------------------------------------------------------------------- data

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "attribution"


@dataclass(frozen=True, slots=True)
class Country:
    iso2: str
    slug: str
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    metonyms: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Mention:
    """An entity mention from the base pipeline's NER (character offsets)."""

    start: int
    end: int
    label: str


def _data_text(name: str) -> str:
    return (DATA_DIR / name).read_text("utf-8")


@functools.cache
def lexicon() -> dict:
    return json.loads(_data_text("lexicon.json"))


@functools.cache
def countries() -> tuple[Country, ...]:
    out = []
    for line in _data_text("countries.tsv").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = (line.split("\t") + [""] * 6)[:6]
        iso2, slug, name, aliases, demonyms, metonyms = cols

        def split(value: str) -> tuple[str, ...]:
            return tuple(v.strip() for v in value.split("|") if v.strip())

        out.append(Country(iso2, slug, name, split(aliases), split(demonyms), split(metonyms)))
    return tuple(out)


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'")).strip()


@functools.cache
def _country_index() -> tuple[dict[str, Country], dict[str, Country], dict[str, Country]]:
    """(names and aliases, demonyms, metonyms) -> Country; keys lower-cased, no "the "."""
    names, demonyms, metonyms = {}, {}, {}
    for c in countries():
        for n in (c.name, *c.aliases):
            names[_strip_the(n.lower())] = c
        for d in c.demonyms:
            demonyms[d.lower()] = c
        for m in c.metonyms:
            metonyms[_strip_the(m.lower())] = c
    return names, demonyms, metonyms


def _is_demonym_person(text: str) -> bool:
    """Whether ``text`` is "the" and a singular demonym alone, a person named by where he
    is from ("the Brazilian said"); a plural ("the Russians") may be a government."""
    m = re.fullmatch(r"(?:the|The)\s+([A-Z][a-z]+)", _norm(text).strip(" ,"))
    if m is None or m.group(1).endswith("s"):
        return False
    word = m.group(1).lower()
    names, demonyms, _ = _country_index()
    return word in demonyms and word not in names


def _strip_the(text: str) -> str:
    return re.sub(r"^(the|The)\s+", "", text).strip()


def _term_regex(terms: Sequence[str]) -> re.Pattern:
    alts = sorted({re.escape(t) for t in terms}, key=len, reverse=True)
    return re.compile(r"(?<![\w.])(?:" + "|".join(alts) + r")(?![\w])", re.IGNORECASE)


@functools.cache
def _kind_regexes() -> dict[str, re.Pattern]:
    return {kind: _term_regex(terms) for kind, terms in lexicon()["kind_terms"].items()}


@functools.cache
def _country_regex() -> re.Pattern:
    names, demonyms, _ = _country_index()
    return re.compile(
        r"(?<![\w.])(?:the\s+)?("
        + "|".join(sorted((re.escape(k) for k in (*names, *demonyms)), key=len, reverse=True))
        + r")(?:'s|’s)?(?![\w])",
        re.IGNORECASE,
    )


def country_in(text: str) -> Country | None:
    """The first country named or implied (demonym) in ``text``."""
    names, demonyms, _ = _country_index()
    for m in _country_regex().finditer(text):
        key = m.group(1).lower()
        # case matters for short all-caps aliases ("US" vs "us")
        if key in ("us", "uk") and m.group(1) != m.group(1).upper():
            continue
        return names.get(key) or demonyms.get(key)
    return None


def metonym_country(text: str) -> Country | None:
    """The country whose government ``text`` names by its capital or seat of power,
    or by the country's own name ("Ukraine said", "the U.S. assessed")."""
    names, _, metonyms = _country_index()
    for key in dict.fromkeys((_strip_the(_norm(text)), _strip_the(_norm(text)).rstrip(".,"))):
        low = key.lower()
        if low in metonyms:
            return metonyms[low]
        if low in names and (low not in ("us", "uk") or key.isupper() or "." in key):
            return names[low]
    return None


def slugify(text: str) -> str:
    """An entity id from a name: lower-case ASCII words joined by hyphens ("José Múcio" ->
    "jose-mucio")."""
    text = ascii_fold(_norm(text)).lower().replace("'s ", " ").replace("&", " and ")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "unknown"


# --------------------------------------------------------------------------- kinds

_DETERMINERS = re.compile(
    r"^(the|a|an|this|that|these|those|one|some|two|three|several|many|other|another)\s+",
    re.IGNORECASE,
)


def _proper_words(text: str, country: Country | None) -> list[str]:
    """Capitalised words that are not country names, demonyms or sentence-initial
    determiners: a sign the source is named."""
    names, demonyms, metonyms = _country_index()
    words = re.findall(r"[\w.'’-]+", _country_regex().sub(" ", _DETERMINERS.sub("", text)))
    out = []
    for w in words:
        base = re.sub(r"['’]s$", "", w).strip(".")
        if not base[:1].isupper():
            continue
        if base.lower() in names or base.lower() in demonyms or base.lower() in metonyms:
            continue
        if base.lower() in _all_kind_terms():
            continue
        out.append(base)
    return out


def _has_name(text: str) -> bool:
    """Whether ``text`` holds a capitalised word that is not a country, demonym,
    determiner or title: "Kyodo News" yes, "Ukrainian media" no."""
    rest = _country_regex().sub(" ", _DETERMINERS.sub("", _norm(text)))
    for w in re.findall(r"[\w.'’-]+", rest):
        base = re.sub(r"['’]s$", "", w).strip(".")
        if base[:1].isupper() and base.lower() not in _TITLE_WORDS and base.lower() != "the":
            return True
    return False


@functools.cache
def _all_kind_terms() -> frozenset[str]:
    return frozenset(t for terms in lexicon()["kind_terms"].values() for t in terms)


#: how news describes people it does not name: "unnamed", "familiar with", and people or
#: sources "briefed on", "close to", "with direct knowledge of", "involved in" a matter
_UNNAMED_TELLERS = re.compile(
    r"unnamed|anonymous|familiar\s+with|\b(?:people|persons?|sources?|officials?|insiders?)\s+"
    r"(?:\w+\s+)?(?:briefed|close\s+to|with\s+(?:\w+\s+)?knowledge|involved\s+in|aware\s+of|"
    r"knowledgeable|privy\s+to|speaking\s+on\s+condition)",
    re.IGNORECASE,
)


#: a web address standing as a source: "ynetnews.com", "politico.eu"
_WEB_DOMAIN = re.compile(
    r"(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|co|uk|eu|info|news|tv|ru|cn|il|in|de|fr|au)"
)


@functools.cache
def _social_platforms() -> frozenset[str]:
    return frozenset(lexicon()["social_platforms"])


def classify_kind(
    text: str,
    *,
    ner_label: str | None = None,
    social_channel: bool = False,
) -> SourceKind:
    """The kind of a source mention from its words (and NER label when known)."""
    if not text.strip():
        return SourceKind.UNATTRIBUTED
    lex = lexicon()
    regexes = _kind_regexes()
    corporate = _CORPORATE_NAME.search(text) is not None  # "France Telecom", "Air India"
    if metonym_country(text) and not corporate:
        return SourceKind.GOVERNMENT
    if _strip_the(_norm(text)).strip(" ,").lower() in _BODY_METONYMS:
        return SourceKind.ORGANIZATION  # "Brussels": the European Union
    country = None if corporate else country_in(text)
    if ner_label == "GPE" and not country and not _known_place(text):
        ner_label = None  # a "place" no gazetteer knows: "Tesla", "Axelrod", not a state
    named = bool(_proper_words(text, country)) or ner_label in ("PERSON", "ORG")
    found = {kind for kind, rx in regexes.items() if _kind_hit(rx, text)}
    head = _np_head(text)
    if "social_media" in found or head in _social_platforms():
        return SourceKind.SOCIAL_MEDIA  # "Weibo, China's version of Twitter"
    if _WEB_DOMAIN.fullmatch(head):
        return SourceKind.MEDIA  # "ynetnews.com said on its site"
    if (
        _AGE_NOMINAL.fullmatch(_np_head(text))
        or _is_demonym_person(text)
        or _AGE_APPOSITION.search(text)
    ):
        # "The 21-year-old, from Perth,", "the Brazilian": one person
        return SourceKind.SOCIAL_MEDIA if social_channel else SourceKind.PERSON
    if is_legislative_committee(text):
        return SourceKind.GOVERNMENT  # "the Senate Intelligence Committee": a legislature
    if media_nominal_name(text):
        return SourceKind.MEDIA  # "school newspaper The Battalion"
    if org_nominal_name(text):
        return SourceKind.ORGANIZATION  # "the risk consultancy Stratfor", whatever the NER
    if _OUTLET_NAME.search(text) or _is_broadcaster(text) or _is_newspaper(text):
        found.add("media")  # "the Los Angeles Times", "Denver Post", "CNBC", "an Iraqi paper"
    if _POLICE_TITLE.search(text) and not _MILITARY_WORDS.search(text):
        return SourceKind.GOVERNMENT  # "Officer Michael Murphy", "Homicide Detective X"
    for kind in ("intelligence", "military", "media"):
        if kind in found:
            return SourceKind(kind)
    anonymous = _term_regex(lex["anonymous_requires_no_name"])
    # unnamed people: "officials", "Industry experts", "officials in Moscow" (a place or a
    # qualifier does not name them; a name in apposition does: "an official, John Smith")
    unnamed_people = (
        anonymous.fullmatch(head) is not None
        and ner_label != "PERSON"
        and not re.match(r"\s*,\s*(?:[A-Z]|the\s+[A-Z])", _after_head(text))
    )
    unnamed_people = unnamed_people or (not named and _ONE_OF_THEM.match(_norm(text)) is not None)
    if unnamed_people or (not named and _UNNAMED_TELLERS.search(text)):
        return SourceKind.SOCIAL_MEDIA if social_channel else SourceKind.ANONYMOUS
    if (
        _is_people_noun(head)
        and ner_label != "PERSON"
        and not [w for w in _proper_words(_before_head(text), country) if not _is_people_noun(w)]
        and not _SPEAKS_FOR.match(_after_head(text))
    ):
        # "His lawyers", "Locals", "An office worker in Dubai": private people, whatever
        # institution a modifier names; "a lawyer for the ministry" speaks for it
        return SourceKind.SOCIAL_MEDIA if social_channel else SourceKind.PERSON
    if re.fullmatch(r"(?:the|an?|his|her|their)\s+agents?", _norm(text), re.IGNORECASE):
        return SourceKind.PERSON  # "his agent" (b8's agent); "an FBI agent" is the FBI's
    if "government" in found and _organization_head(head, regexes):
        return SourceKind.ORGANIZATION  # "the police union", "a teachers' association"
    if "government" in found or _is_state_body(text):
        return SourceKind.GOVERNMENT
    if _STORE_NAME.fullmatch(_strip_the(_norm(text)).strip(" ,")):
        return SourceKind.ORGANIZATION  # "McDonald's said", "Macy's": a possessive subject
    if ner_label == "PERSON" and not corporate:
        return SourceKind.SOCIAL_MEDIA if social_channel else SourceKind.PERSON
    if "organization" in found or ner_label == "ORG" or corporate:
        return SourceKind.ORGANIZATION
    if ner_label == "GPE" or country:
        return SourceKind.GOVERNMENT if ner_label == "GPE" else SourceKind.OTHER
    if "person" in found or (named and len(_proper_words(text, country)) >= 2):
        return SourceKind.SOCIAL_MEDIA if social_channel else SourceKind.PERSON
    if head in ("reports", "stories") and found <= {"anonymous"}:
        return SourceKind.MEDIA  # "according to reports": unnamed news reports
    return SourceKind.SOCIAL_MEDIA if social_channel else SourceKind.OTHER


#: A police officer's title before a name: "Officer Michael Murphy", "Det. Ann Ruiz",
#: "Homicide Detective Dominic Mangoni" (not a navy's "Petty Officer" nor "Chief Executive
#: Officer"; case-sensitive).
_POLICE_TITLE = re.compile(
    r"(?<!Petty )(?<!Warrant )(?<!Executive )(?<!Flag )"
    r"\b(?:Officer|Ofc\.|Detectives?|Det\.|Patrolman|Patrolwoman|Trooper|Tpr\.|Constable|"
    r"Const\.)\s+[A-Z][\w'’-]+"
)
#: A company's name by its designator or its trade: "Norvex Semiconductor", "Goldman Sachs
#: Group", "Acme Corp.", "Delta Air Lines" (one to four capitalised words before it).
_CORPORATE_NAME = re.compile(
    r"\b(?:[A-Z][\w&'’.-]*\s+){1,4}(?:Inc|Incorporated|Corp|Corporation|Co|Ltd|Limited|LLC|LLP|"
    r"PLC|Plc|AG|SE|NV|N\.V|BV|B\.V|AB|ASA|SpA|Oyj|Pty|S\.A|GmbH|"
    r"Group|Holdings|Partners|Capital|Technologies|Systems|Motors|"
    r"Airlines|Air\s+Lines|Airways|Pharmaceuticals|Semiconductors?|Industries|Laboratories|"
    r"Labs|Communications|Networks|Entertainment|Enterprises|Brands|Foods|Petroleum|Mining|"
    r"Logistics|Electronics|Therapeutics|Biosciences|Telecom|Telekom|Telecommunications|"
    r"Mobile|Railways?|Steel|Insurance|Securities|Advisors|Advisers|Associates|Consulting|"
    r"Investments)\b\.?"
)


def corporate_names(text: str) -> list[tuple[int, int]]:
    """(start, end) of each company name that its designator or trade word marks, whatever
    the NER made of it; a capitalised "The", "Shares", "Analysts" before it is not part of it."""
    out = []
    for m in _CORPORATE_NAME.finditer(text):
        start = m.start()
        lead = re.match(r"(?:The|Shares|Analysts|Rival|Both)\s+", text[start : m.end()])
        if lead:
            start += lead.end()
        if _CORPORATE_NAME.fullmatch(text, start, m.end()):
            out.append((start, m.end()))
    return out


#: One office holder or a few, left unnamed: "One senator", "an officer", "two aides",
#: "a senior lawmaker" (guideline: unnamed people are anonymous, like "an official").
_ONE_OF_THEM = re.compile(
    r"^(?:one|a|an|another|two|three|several|some)\s+(?:[\w-]+\s+)?(?:senators?|lawmakers?|"
    r"legislators?|officers?|congressm[ae]n|congresswom[ae]n|aides?|staffers?)$",
    re.IGNORECASE,
)
#: A one-word name in the possessive standing alone as a subject is a shop's or a firm's
#: name ("McDonald's", "Macy's", "Sainsbury's"): a person's possessive needs a noun after
#: it ("Mr. LaRue's lawyer").
_STORE_NAME = re.compile(r"(?!(?:Mr|Mrs|Ms|Dr)\b)[A-Z][\w&-]*['’]s")


def _organization_head(head: str, regexes: dict[str, re.Pattern]) -> bool:
    """Whether the head noun names an organisation and not a state organ ("union",
    "association"; not "council", which is both): its modifiers ("police", "state") then
    say whom the organisation serves, not that it is the government."""
    return bool(
        head
        and regexes["organization"].fullmatch(head)
        and not regexes["government"].fullmatch(head)
    )


def _known_place(text: str) -> bool:
    """Whether the gazetteer knows ``text`` (without "the" and a possessive) as a place or
    a first-level division: an NER "GPE" it does not know is most often a company."""
    gaz = load_gazetteer()
    name = _strip_possessive(_strip_the(_norm(text)))
    return bool(gaz.lookup(name) or division_entries(gaz, name))


def _unknown_place_as_org(text: str, mention: Mention) -> Mention:
    """A one-word NER "GPE" that is no known place ("Nvidia") as an organization mention,
    so that "the company" can refer back to it (a longer one is as often a person's name
    the NER took for a place)."""
    if mention.label != "GPE" or not _is_unknown_place(text[mention.start : mention.end]):
        return mention
    return Mention(mention.start, mention.end, "ORG")


def _is_unknown_place(name: str) -> bool:
    """Whether an NER "place" is one capitalised word that is no country, seat of power or
    place the gazetteer knows (most often a company: "Nvidia", "Apple")."""
    if " " in name.strip() or not name[:1].isupper():
        return False
    return not (country_in(name) or metonym_country(name) or _known_place(name))


#: A body a country owns: "Nicaragua's Institute of Earth Studies", "Japan's Meteorological
#: Agency" (the possessor must be a country).
_STATE_BODY = re.compile(
    r"\b(?P<poss>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?)['’]s\s+(?:[A-Z][\w-]*\s+)*"
    r"(?:Institute|Agency|Service|Bureau|Office|Commission|Authority|Survey|Directorate)\b"
)


def _is_state_body(text: str) -> bool:
    m = _STATE_BODY.search(_norm(text))
    if m is None:
        return False
    poss = m.group("poss")
    return country_in(poss) is not None or any(
        e.fcode == "PCLI" for e in load_gazetteer().lookup(poss)
    )


#: An institution's acronym given in brackets after its name: "the Institute of Earth
#: Studies (Ineter)"; a capitalised run, function words inside.
_ACRONYM = re.compile(r"\((?P<acr>[A-Z][A-Za-z]{1,9})\)")
_NAME_BEFORE_ACRONYM = re.compile(
    r"(?P<name>[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|of|for|and|the|on|de))*)\s*$"
)
#: How far before its bracket an institution's name may start: the name is read backwards
#: from each bracket, so that a long run of capitals is not rescanned from every word.
ACRONYM_NAME_MAX = 300


def acronym_kinds(text: str) -> dict[str, SourceKind]:
    """The institutional kind of each acronym the text defines, by the name it stands
    for: "Nicaragua's Institute of Earth Studies (Ineter)" -> {"ineter": government}, so
    that "Ineter scientist Jose Millan" speaks for a state body."""
    out: dict[str, SourceKind] = {}
    taken = 0  # a name never reaches back into the definition before it
    for a in _ACRONYM.finditer(text):
        lo = max(taken, a.start() - ACRONYM_NAME_MAX)
        m = _NAME_BEFORE_ACRONYM.search(text, lo, a.start())
        if m is None:
            continue
        taken = a.end()
        kind = classify_kind(m.group("name"))
        if kind in _INSTITUTIONS:
            out[a.group("acr").lower()] = kind
    return out


#: After a person noun, the institution the person speaks for: "a lawyer for the ministry".
_SPEAKS_FOR = re.compile(r"\s*,?\s*(?:for|of|with|from|representing)\b", re.IGNORECASE)

#: People named by what they are to the story rather than by an office, beyond the
#: lexicon's person words: "Locals", "Relatives", "Followers".
_PEOPLE_NOUNS = frozenset(
    re.findall(
        r"\S+",
        "local relative follower protester protestor fan parent villager passenger survivor "
        "victim colleague classmate neighbor neighbour shopper driver tourist pilgrim "
        "spectator onlooker parishioner patient dissident sister brother sibling grandmother "
        "grandfather "
        "grandson granddaughter aunt uncle cousin niece nephew widow widower girlfriend "
        "boyfriend fiance fiancee fiancée stepfather stepmother dutchman frenchman englishman "
        "irishman scotsman welshman dutchwoman frenchwoman englishwoman irishwoman scotswoman "
        "welshwoman",
    )
)


def _is_people_noun(word: str) -> bool:
    """Whether ``word`` names private people, in the singular or the plural."""
    w = word.lower()
    singular = {w, w[:-1] if w.endswith("s") else w, w[:-2] if w.endswith("es") else w}
    if w.endswith("ies"):
        singular.add(w[:-3] + "y")
    if w.endswith("men"):
        singular.add(w[:-3] + "man")
    return not singular.isdisjoint(_people_words())


@functools.cache
def _people_words() -> frozenset[str]:
    """The lexicon's person words and :data:`_PEOPLE_NOUNS`, less the pronouns, "people"
    and the experts and analysts (unnamed in the plural they are anonymous by the
    guideline: "industry experts")."""
    words = set(lexicon()["kind_terms"]["person"]) | _PEOPLE_NOUNS
    return frozenset(words - {"expert", "analyst", "he", "she", "i", "you", "people", "person"})


#: A name with an age in apposition: "Petrov, 61, denies the charges" (only people have one).
_AGE_APPOSITION = re.compile(r"^(?:[A-Z][\w'’-]*\s+){0,3}[A-Z][\w'’-]*,\s+\d{1,3},?$")
#: A person described by age: "The 21-year-old", "a 45-year-old from Leeds".
_AGE_NOMINAL = re.compile(r"\b\d{1,3}-year-old\b", re.IGNORECASE)

#: A committee or panel of a legislature: "the Senate Intelligence Committee", "the House
#: Armed Services subcommittee", "a parliamentary committee". Its remit ("Intelligence",
#: "Armed Services") names what it oversees, not what it is.
_LEGISLATIVE_COMMITTEE = re.compile(
    r"\b(?:senate|house|congress(?:ional)?|parliament(?:ary)?|commons|lords|assembly|"
    r"legislat(?:ive|ure)|duma|knesset|bundestag|select|joint)\b[^,;:]*?"
    r"\b(?:sub)?committees?\b",
    re.IGNORECASE,
)


def is_legislative_committee(text: str) -> bool:
    """Whether ``text`` names a committee of a legislature (a part of government)."""
    return _LEGISLATIVE_COMMITTEE.search(_norm(text)) is not None


#: Common nouns of an organization's type that may stand before its name, in apposition:
#: "the risk consultancy Stratfor", "the think tank Chatham House", "the militant group
#: Boko Haram", "investment bank Goldman Sachs".
_ORG_TYPE_NOUNS = (
    "consultancy|consultancies|consulting firm|firm|company|corporation|conglomerate|"
    "think[- ]tank|thinktank|group|institute|bank|insurer|lender|retailer|manufacturer|"
    "carmaker|automaker|airline|startup|start-up|charity|nonprofit|non-profit|"
    "foundation|association|organi[sz]ation|federation|union|NGO|watchdog|lobby|"
    "developer|supplier|operator|provider|chain|brand|label|studio|club|team"
)
#: ... and of a news outlet's type: "school newspaper The Battalion", "the news site Vox".
_MEDIA_TYPE_NOUNS = (
    "newspaper|paper|magazine|website|web site|news site|site|broadcaster|station|"
    "publication|daily|weekly|tabloid|outlet|blog|news agency|wire service"
)


def _typed_nominal_regex(nouns: str) -> re.Pattern:
    return re.compile(
        rf"(?:^|\s)(?-i:[a-z][\w-]*\s+)*(?:{nouns})\s+"
        r"(?P<name>(?-i:[A-Z])[\w.&'’-]*(?:\s+(?:(?-i:[A-Z])[\w.&'’-]*|of|for|and|&|de))*)$",
        re.IGNORECASE,
    )


_ORG_NOMINAL_NAME = _typed_nominal_regex(_ORG_TYPE_NOUNS)
_MEDIA_NOMINAL_NAME = _typed_nominal_regex(_MEDIA_TYPE_NOUNS)


def _typed_nominal_name(rx: re.Pattern, text: str) -> str | None:
    t = _norm(text)
    m = rx.search(t)
    if not m:
        return None
    noun = t[: m.start("name")].split()[-1]
    if not noun[:1].islower() and noun != "NGO":
        return None  # a capitalised type word is part of the name: "Carlyle Group"
    name = m.group("name").strip()
    return name if not is_pronoun(name) else None


def org_nominal_name(text: str) -> str | None:
    """The name after a lower-case organization-type noun that ends ``text``: "the risk
    consultancy Stratfor" -> "Stratfor"; None when the noun is capitalised (part of the
    name: "Carlyle Group") or no such noun stands before the name."""
    return _typed_nominal_name(_ORG_NOMINAL_NAME, text)


def media_nominal_name(text: str) -> str | None:
    """The name after a lower-case outlet-type noun: "school newspaper The Battalion" ->
    "The Battalion" (an outlet whatever its name says: no army battalion)."""
    return _typed_nominal_name(_MEDIA_NOMINAL_NAME, text)


#: the last word of a newspaper's name: "The Jerusalem Post", "The Times"
_MASTHEAD_WORDS = (
    "Times|Post|Herald|Tribune|Gazette|Journal|Chronicle|Telegraph|Observer|Courier|"
    "Examiner|Inquirer|Dispatch|Star-Ledger|Sun-Times|Bulletin|Mail|Mirror|Express|Sentinel|"
    "Register|Advertiser|Enquirer|Argus|Echo"
)
#: Last words of a broadcaster's or sports outlet's name, for full names only: "Sky Sports",
#: "Fox Sports" (a lone "Sports" is no masthead).
_BROADCAST_WORDS = "Sports"
#: A newspaper's name: capitalised words ending in one of the usual masthead words
#: ("Los Angeles Times", "the Denver Post", "Sydney Morning Herald"); case-sensitive, so
#: "three times" or "a blog post" is no outlet.
_OUTLET_NAME = re.compile(
    r"\b[A-Z][\w.&'’-]*(?:\s+(?:[A-Z][\w.&'’-]*|of|de|and))*\s+"
    rf"(?:{_MASTHEAD_WORDS}|{_BROADCAST_WORDS})\b"
)
#: a newspaper named by its last word alone: "The Post said", "the Journal reported"
_SHORT_MASTHEAD = re.compile(rf"(?:[Tt]he\s+)?(?P<word>{_MASTHEAD_WORDS})")


_PAPER_KINDS = re.compile(
    r"\b(?:local|daily|weekly|sunday|state-run|state-owned|state|national|regional|"
    r"independent|evening|morning|tabloid|opposition|financial|business)\b",
    re.IGNORECASE,
)


def _is_newspaper(text: str) -> bool:
    """Whether the phrase is "paper" with what marks a newspaper: a country or its people
    ("An Iraqi paper") or a newspaper's kind ("a local paper"), not a study's "paper"."""
    if _np_head(text) not in ("paper", "papers"):
        return False
    before = _before_head(text)
    return bool(country_in(before) or _PAPER_KINDS.search(before))


def _is_broadcaster(text: str) -> bool:
    """Whether the whole phrase is a broadcaster of the lexicon ("CNBC", "Sky News"), which
    the NER may take for a person."""
    return _strip_the(_norm(text)).lower() in _broadcast_outlets()


@functools.cache
def _broadcast_outlets() -> frozenset[str]:
    return frozenset(lexicon()["broadcast_outlets"])


def _kind_hit(rx: re.Pattern, text: str) -> bool:
    """Whether a kind term occurs in ``text``; "House" inside a name ("Pizza House",
    "Random House") is no legislature, "the House" and "House Speaker" are."""
    for m in rx.finditer(text):
        if m.group(0).lower() == "house" and re.search(
            r"\b(?!(?:A|An|The|This|That)\s)[A-Z][\w'’-]*\s+$", text[: m.start()]
        ):
            continue
        if m.group(0).lower() == "general" and (
            _CIVIL_GENERAL_BEFORE.search(text[: m.start()])
            or _CIVIL_GENERAL_AFTER.match(text, m.end())
        ):
            continue  # "attorney general", "general counsel": no army rank
        if any(
            lo <= m.start() and m.end() <= hi and not (t_lo <= m.start() < t_hi)
            for lo, hi, t_lo, t_hi in _institution_names(text)
        ):
            continue  # "King's College London", "General Hospital": a word of a name
        return True
    return False


#: the name of a school, hospital or other institution, whose words are not kind terms:
#: "King's College London", "Queen Mary Hospital", "the Army War College"
_INSTITUTION_NAME = re.compile(
    r"\b(?:[A-Z][\w'’.-]*\s+){1,4}(?P<type>College|University|School|Hospital|Academy|"
    r"Museum|Library|Clinic|Institute|Seminary|Cathedral|Church|Stadium|Hotel|Theatre|"
    r"Theater)(?:\s+(?:of\s+)?[A-Z][\w-]*)*"
)


def _institution_names(text: str) -> list[tuple[int, int, int, int]]:
    """(start, end, type start, type end) of each institution name in ``text``."""
    return [(*m.span(), *m.span("type")) for m in _INSTITUTION_NAME.finditer(text)]


_CIVIL_GENERAL_BEFORE = re.compile(
    r"\b(?:attorney|surgeon|inspector|solicitor|governor|postmaster|comptroller|auditor|"
    r"secretary|consul|accountant|paymaster|registrar)[\s-]+$",
    re.IGNORECASE,
)
_CIVIL_GENERAL_AFTER = re.compile(
    r"[\s-]+(?:counsel|manager|secretary|assembly|director|public|election|partner|"
    r"practitioner|motors|electric)\b",
    re.IGNORECASE,
)


def _head_word(text: str) -> str:
    words = re.findall(r"[\w.'’-]+", text)
    return words[-1].lower() if words else ""


#: Where the head of a noun phrase ends: a comma, a preposition, a relative pronoun or a
#: participle that modifies it with its object ("Experts studying the crater"; not the nouns
#: in -ing, nor a participle before the head: "the acting director", "starting quarterback").
_POST_HEAD = re.compile(
    r"\s*,|\s*\(|\s+(?:in|from|at|of|for|with|on|by|close\s+to|familiar\s+with|who|which|that)\s"
    r"|\s+(?-i:(?!(?:thing|king|morning|evening|building|spring|string|wing|ring|ceiling|"
    r"meeting|briefing|hearing|offspring|sibling|darling)\s)[a-z]{2,}ing)\s"
    r"(?=(?-i:the|a|an|his|her|their|its|this|these|those|[A-Z])\b)",
    re.IGNORECASE,
)


def _np_head(text: str) -> str:
    """The head word of a source phrase: "officials in Moscow" -> "officials"."""
    m = _POST_HEAD.search(_norm(text))
    return _head_word(_norm(text)[: m.start()] if m else text)


def _before_head(text: str) -> str:
    """The source phrase up to its head, without a possessive determiner: "His lawyers in
    Miami" -> "lawyers"."""
    m = _POST_HEAD.search(_norm(text))
    head_part = _norm(text)[: m.start()] if m else _norm(text)
    return re.sub(r"^(?:his|her|their|its|our|my|your)\s+", "", head_part, flags=re.IGNORECASE)


def _after_head(text: str) -> str:
    m = _POST_HEAD.search(_norm(text))
    return _norm(text)[m.start() :] if m else ""


# --------------------------------------------------------------------------- entities

_TITLE_WORDS = frozenset(
    [
        "secretary",
        "minister",
        "president",
        "vice",
        "deputy",
        "prime",
        "foreign",
        "defense",
        "defence",
        "interior",
        "state",
        "chief",
        "general",
        "gen.",
        "lt.",
        "col.",
        "maj.",
        "adm.",
        "sen.",
        "rep.",
        "gov.",
        "mr.",
        "mrs.",
        "ms.",
        "dr.",
        # British style, without the full stop ("Ms Christine Gutleben")
        "mr",
        "mrs",
        "ms",
        "dr",
        "miss",
        "prof.",
        "professor",
        # ranks written out ("Colonel Patrick Ryder", "Detective Constable Rob Jones")
        "colonel",
        "lieutenant",
        "captain",
        "capt.",
        "admiral",
        "rear",
        "brigadier",
        "major",
        "corporal",
        "constable",
        "superintendent",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "ambassador",
        "director",
        "head",
        "leader",
        "commander",
        "chairman",
        "chairwoman",
        "senator",
        "governor",
        "mayor",
        "former",
        "acting",
        "assistant",
        "under",
        "justice",
        "prosecutor",
        "attorney",
        "press",
        "representative",
        "congressman",
        "congresswoman",
        "councilman",
        "councilwoman",
        "councilmember",
        "councillor",
        "councilor",
        "alderman",
        "alderwoman",
        "king",
        "queen",
        "prince",
        "emir",
        "chancellor",
        "premier",
        "coroner",
        "inspector",
        "sheriff",
        "sheriff's",
        "sgt.",
        "sergeant",
        "officer",
        "detective",
        "dist.",
        "atty.",
        "judge",
        "pastor",
        "rev.",
        "coach",
        "manager",
        "police",
        "coordinator",
        "eyewitness",
        "md",
        "ceo",
        "cfo",
        "founder",
        "owner",
        "executive",
        # police titles
        "patrolman",
        "patrolwoman",
        "trooper",
    ]
    # the ranks claimtrace.nlp.abbreviations keeps whole ("Ofc.", "Det."); "Sr." is a
    # name's suffix, not a title
    + [a.lower() for a in TITLE_ABBREVIATIONS if a != "Sr."]
)


#: Lower-case particles inside a person's name: "Bill de Blasio", "Ursula von der Leyen",
#: "Rafael van der Vaart", "Bashar al-Assad" (joined by a hyphen: see :func:`_is_name_word`).
_NAME_PARTICLES = frozenset(
    {
        "de",
        "da",
        "das",
        "do",
        "dos",
        "di",
        "du",
        "del",
        "della",
        "van",
        "von",
        "der",
        "den",
        "ter",
        "ten",
        "al",
        "el",
        "bin",
        "ibn",
        "bint",
        "la",
        "le",
        "abu",
    }
)


def _is_name_word(word: str) -> bool:
    """A capitalised word or one with a lower-case particle joined by a hyphen or an
    apostrophe ("al-Assad", "d'Estaing"), not a title."""
    if word.lower() in _TITLE_WORDS or word.lower() == "the":
        return False
    if word[:1].isupper():
        return True
    m = re.match(r"^([a-z]+)[-'’](?=[A-Z])", word)
    return bool(m and (m.group(1) in _NAME_PARTICLES or len(m.group(1)) == 1))


def _person_name(text: str) -> str | None:
    """Trailing run of capitalised words that are not titles: "Defense Secretary Lloyd
    Austin" -> "Lloyd Austin"; a lower-case particle inside the run stays ("Mr. de Blasio"
    -> "de Blasio", "Ms Christine Gutleben" -> "Christine Gutleben")."""
    words = re.findall(r"[\w.'’-]+", text)
    run: list[str] = []
    for w in reversed(words):
        if _is_name_word(w) or (run and w.lower() in _NAME_PARTICLES and w[:1].islower()):
            run.append(w)
        else:
            break
    run.reverse()
    return " ".join(run) if run else None


#: A person named after the body she works for: "The BBC's Tomi Oladipo in Lagos",
#: "Apple's Tim Cook" (the person is the entity; the body gives the kind).
_POSSESSED_PERSON = re.compile(
    r"(?:[Tt]he\s+)?[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3}['’]s\s+"
    r"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2})(?:\s+(?:in|from|at)\s+[^,]+)?"
)
#: Seats that stand for an international body, not a country's government: "Brussels
#: said" is the European Union (Belgium's government sits there too, but news means the
#: EU), "Turtle Bay" the United Nations.
_BODY_METONYMS = {"brussels": "European Union", "turtle bay": "United Nations"}


def make_entity(
    text: str,
    kind: SourceKind,
    *,
    mentions: Sequence[tuple[str, str]] = (),
) -> Entity | None:
    """A stable entity for a source mention. ``mentions`` are (text, NER label) pairs of
    named entities inside the source span."""
    text = strip_trailing_time(_norm(text))
    if not text or kind is SourceKind.UNATTRIBUTED:
        return None
    named_org = {
        SourceKind.ORGANIZATION: org_nominal_name,
        SourceKind.MEDIA: media_nominal_name,
    }.get(kind, lambda _: None)(text)
    if named_org:  # "the risk consultancy Stratfor" -> "Stratfor"
        return Entity(slugify(named_org), named_org, kind, None, (text,))
    staff = _POSSESSED_PERSON.fullmatch(text.strip(" ,"))
    if staff and _is_bare_name(staff["name"]):  # "The BBC's Tomi Oladipo in Lagos"
        name = staff["name"]
        return Entity(
            slugify(name), name, kind, country_in(text) and country_in(text).iso2, (text,)
        )
    body = _BODY_METONYMS.get(_strip_the(text).strip(" ,").lower())
    if body is not None:  # "Brussels called for restraint": the European Union
        return Entity(slugify(body), body, SourceKind.ORGANIZATION, None, (text,))
    gov = metonym_country(text)
    if gov:
        return Entity(
            f"{gov.slug}/government",
            f"{gov.name} (government)",
            SourceKind.GOVERNMENT,
            gov.iso2,
            (text,),
        )
    country = country_in(text)
    iso = country.iso2 if country else None
    persons = [t for t, label in mentions if label == "PERSON"]
    orgs = [t for t, label in mentions if label == "ORG"]
    store = _strip_the(text).strip(" ,")
    if kind is SourceKind.ORGANIZATION and _STORE_NAME.fullmatch(store):
        return Entity(slugify(store), store, kind, iso, (text,))  # "McDonald's", not McDonald
    if persons and kind in (
        SourceKind.PERSON,
        SourceKind.GOVERNMENT,
        SourceKind.MILITARY,
        SourceKind.INTELLIGENCE,
        SourceKind.SOCIAL_MEDIA,
        SourceKind.MEDIA,
        SourceKind.ORGANIZATION,
    ):
        name = _strip_possessive(_complete_name(text, persons[-1]))
        name = _person_name(name) or name  # NER spans may hold a title: "Defense Secretary X"
        return Entity(slugify(name), name, kind, iso, (text,))
    proper = _proper_words(text, country)
    if kind in (SourceKind.ORGANIZATION, SourceKind.MEDIA):
        full = _full_proper_name(_strip_country_prefix(text))
        if full and not any(w.lower() in _TITLE_WORDS for w in full.split()):
            # the whole name, not a part the NER took ("Human Rights" in "Syrian
            # Observatory for Human Rights")
            return Entity(slugify(full), full, kind, iso, (text,))
        name = _person_name(text)
        if name and len(name.split()) >= 2 and name != _strip_the(text) and _is_bare_name(name):
            return Entity(slugify(name), name, kind, iso, (text,))  # "delivery manager X Y"
    if orgs and kind not in (SourceKind.ANONYMOUS,):
        name = _strip_the(_strip_possessive(orgs[-1]))
        return Entity(slugify(name), name, kind, iso, (text,))
    if kind is SourceKind.MEDIA and _has_name(_strip_country_prefix(text)):
        name = _strip_the(_strip_country_prefix(text))
        trailing = _person_name(name)
        if (
            trailing
            and re.match(r"^(?:(?:the|a|an)\s+)?[a-z]", name, re.IGNORECASE)
            and (name.split()[0][:1].islower() or name.lower().startswith(("the ", "a ", "an ")))
        ):
            name = trailing  # "film industry publication Variety" -> "Variety"
        return Entity(slugify(name), name, kind, iso, (text,))
    if kind in (SourceKind.PERSON, SourceKind.GOVERNMENT, SourceKind.MILITARY) and len(proper) >= 2:
        # a name before any qualifier: not the place of "The 21-year-old, from Perth, WA"
        post = _POST_HEAD.search(text)
        name = _person_name(text[: post.start()] if post else text)
        if name and len(name.split()) >= 2:
            return Entity(slugify(name), name, kind, iso, (text,))
    if country and kind in (
        SourceKind.INTELLIGENCE,
        SourceKind.MILITARY,
        SourceKind.MEDIA,
        SourceKind.ANONYMOUS,
        SourceKind.GOVERNMENT,
    ):
        label = {SourceKind.ANONYMOUS: "unnamed sources"}.get(kind, kind.value)
        return Entity(
            f"{country.slug}/{kind.value}", f"{country.name} ({label})", kind, iso, (text,)
        )
    name = _strip_the(_DETERMINERS.sub("", _strip_country_prefix(text)))
    name = _strip_honorific(name)  # "Mr Halderman" -> "Halderman"
    prefix = (
        "unnamed-"
        if kind
        in (SourceKind.ANONYMOUS, SourceKind.SOCIAL_MEDIA, SourceKind.OTHER, SourceKind.PERSON)
        and not proper
        else ""
    )
    return Entity(prefix + slugify(name), name, kind, iso, (text,))


def _strip_honorific(name: str) -> str:
    """A name without a leading Mr/Mrs/Ms/Dr when a name follows: "Mr Halderman" ->
    "Halderman"."""
    words = name.split()
    if len(words) >= 2 and words[0].lower() in _HONORIFICS and _is_bare_name(" ".join(words[1:])):
        return " ".join(words[1:])
    return name


def _complete_name(text: str, mention: str) -> str:
    """The NER mention of a person extended over the name words that follow it in the
    source phrase: the tagger may stop early after a title ("Ms Christine" in "Ms Christine
    Gutleben"), inside a hyphenated surname or before a particle's surname."""
    i = text.rfind(mention)
    if i < 0:
        return mention
    joined = re.match(r"[-’'][A-Z][\w'’-]*", text[i + len(mention) :])
    if joined:  # "Laura Hobgood" of "Laura Hobgood-Oster": a double-barrelled surname
        mention += joined.group(0)
    rest = re.match(r"(?:\s+(?:[\w.'’-]+))*", text[i + len(mention) :])
    extra: list[str] = []
    for w in rest.group(0).split() if rest else []:
        if _is_name_word(w) or (w.lower() in _NAME_PARTICLES and w[:1].islower()):
            extra.append(w)
        else:
            break
    while extra and not _is_name_word(extra[-1]):
        extra.pop()  # never end on a particle
    before: list[str] = []
    for w in reversed(text[:i].split()):  # "Mr. de Blasio" when the NER took "Blasio"
        if w.lower() in _NAME_PARTICLES and w[:1].islower():
            before.insert(0, w)
        elif _is_given_name(w) and len(before) < 2 and len(mention.split()) == 1:
            before.insert(0, w)  # "Hans Kluge" when the NER took "Kluge"
        else:
            break
    return " ".join([*before, mention, *extra])


def _with_given_name(text: str, mention: Mention) -> Mention:
    """A one-word person mention extended back over the given name before it, as
    :func:`_complete_name` does inside a source phrase."""
    if " " in text[mention.start : mention.end].strip():
        return mention
    start = mention.start
    for _ in range(2):  # "James Wright Foley"
        m = re.search(r"([A-Z][a-z]+)\s+$", text[max(0, start - 40) : start])
        if m is None or not _is_given_name(m.group(1)):
            break
        start -= len(m.group(0))
    return Mention(start, mention.end, mention.label)


def _is_given_name(word: str) -> bool:
    """A word that may be a given name before a surname: capitalised, not all capitals
    ("WHO"), not a title, not possessive or punctuated ("Microsoft's", "Reuters,") and not a
    country or its people ("Russian")."""
    return (
        _is_name_word(word)
        and word[1:].islower()
        and word.isalpha()
        and word.lower() not in _HONORIFICS
        and word.lower() not in STOP_WORDS  # "Before Banksy", "When Smith"
        and not re.fullmatch(rf"{_MONTH}|{_WEEKDAY}", word)
        and country_in(word) is None
    )


_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
#: A time phrase that may end a source phrase the tagger took too long: "Fox News on Aug.
#: 24", "the ministry on Tuesday", "the agency in 2008", "officials late last week".
_TRAILING_TIME = re.compile(
    r"[\s,]+(?:(?:on|in|at|during|since|until|by|from|early|late|earlier|later)\s+)*"
    rf"(?:(?:{_WEEKDAY},?\s+)?{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
    rf"|{_MONTH}(?:\s+\d{{4}})?|\d{{4}}|{_WEEKDAY}(?:\s+(?:morning|afternoon|evening|night))?"
    r"|(?:last|this|next)\s+(?:week|month|year|weekend|night|morning|spring|summer|autumn|fall|"
    r"winter)|yesterday|today|tonight)\s*,?$",
)


def strip_trailing_time(text: str) -> str:
    """A source phrase without the time phrase that ends it: "Fox News on Aug. 24" ->
    "Fox News" (the date belongs to the saying, not to the source). A preposition-less
    weekday stays ("Fox News Sunday" is a programme)."""
    m = _TRAILING_TIME.search(text)
    if not m or m.start() == 0:
        return text
    tail = text[m.start() :].strip(" ,")
    if re.fullmatch(_WEEKDAY, tail):
        return text
    head = text[: m.start()].rstrip(" ,")
    return head if re.search(r"[A-Za-z]", head) else text


def _strip_possessive(text: str) -> str:
    return re.sub(r"['’]s$", "", text.strip())


def _strip_country_prefix(text: str) -> str:
    """ "Japan's Kyodo News" -> "Kyodo News"."""
    m = re.match(r"^(?:the\s+)?([\w. ]+?)['’]s\s+(.+)$", text, re.IGNORECASE)
    if m and (country_in(m.group(1)) or metonym_country(m.group(1))):
        return m.group(2)
    return text


# --------------------------------------------------------------------------- coreference

_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "i", "who"})
_GROUP_PRONOUNS = frozenset({"they", "it", "we", "which", "them", "its", "their", "that"})


def is_pronoun(text: str) -> bool:
    return _norm(text).lower() in set(lexicon()["pronouns"])


def is_definite_nominal(text: str) -> bool:
    """ "the agency", "The Ukrainian statement", "this official": a definite description
    with a known head and no proper name (other than a demonym). A possessor makes it a
    full description, not an anaphor ("the governor's office")."""
    t = _norm(text)
    if re.search(r"\w['’]s\s|\ws['’]\s", t):
        return False  # "the governor's office", "the players' union"
    if is_legislative_committee(t) and re.search(r"\s[A-Z]", t):
        return False  # "the Senate Intelligence Committee" is a name, not an anaphor
    m = re.match(r"^(the|this|that|these|those)\s+(.+)$", t, re.IGNORECASE)
    if not m:
        return False
    head = _head_word(t)
    if head not in set(lexicon()["nominal_heads"]):
        return False
    return not _proper_words(m.group(2), None) and not _names_an_outlet(m.group(2))


#: Words of the media lexicon that describe an outlet rather than name one.
_MEDIA_COMMON_WORDS = frozenset(
    re.findall(
        r"\S+",
        "media newspaper broadcaster outlet tv television radio daily weekly magazine tabloid "
        "reporter reporters journalist journalists correspondent editor columnist news press "
        "publication tribune herald gazette chronicle telegraph inquirer journal dispatch "
        "cohost co-host anchor anchorman anchorwoman commentator presenter state agency "
        "network station website",
    )
)


def _names_an_outlet(words: str) -> bool:
    """Whether a capitalised word of ``words`` is an outlet's name from the media lexicon
    ("the Interfax news agency", "the Xinhua report"): such a description names its
    source, so it is not an anaphor for the last agency or ministry mentioned."""
    names = _outlet_names()
    return any(
        w[:1].isupper() and w.lower().strip(".") in names for w in re.findall(r"[\w.'’-]+", words)
    )


@functools.cache
def _outlet_names() -> frozenset[str]:
    """The one-word outlet names of the media lexicon (reuters, interfax, xinhua ...)."""
    media = lexicon()["kind_terms"]["media"]
    return frozenset(t for t in media if " " not in t) - _MEDIA_COMMON_WORDS


@dataclass(frozen=True, slots=True)
class _Antecedent:
    end: int
    entity: Entity
    text: str
    from_claim: bool = False
    #: a name inside a claim's content ("Pachter suggested Amazon would ..."): what a
    #: source spoke of, a later "he" rather means a speaker
    reported: bool = False
    #: an organization guessed from a "place" no gazetteer knows ("Nvidia"): a nominal
    #: ("the company") may refer to it, a pronoun does not ("it" is as often "Ebola")
    guess: bool = False


_INSTITUTIONS = frozenset(
    {
        SourceKind.GOVERNMENT,
        SourceKind.INTELLIGENCE,
        SourceKind.MILITARY,
        SourceKind.MEDIA,
        SourceKind.ORGANIZATION,
    }
)
#: Heads that name one body of a state or a group, never a whole country.
_AGENCY_HEADS = frozenset({"agency", "service", "office", "department", "ministry"})
#: Kinds of antecedent a definite nominal source may refer to, by its head noun.
_HEAD_KINDS: dict[str, frozenset[SourceKind]] = {
    **dict.fromkeys(_AGENCY_HEADS, _INSTITUTIONS),
    **dict.fromkeys(
        ("government", "administration", "regime", "side", "country", "nation"),
        frozenset({SourceKind.GOVERNMENT}),
    ),
    **dict.fromkeys(("military", "army", "navy"), frozenset({SourceKind.MILITARY})),
    # "the air force" after "Ukraine's air force"; "the force" after a police force
    "force": frozenset({SourceKind.MILITARY, SourceKind.GOVERNMENT}),
    **dict.fromkeys(
        (
            "newspaper",
            "outlet",
            "paper",
            "broadcaster",
            "network",
            "magazine",
            "station",
            "publication",
            "website",
        ),
        frozenset({SourceKind.MEDIA}),
    ),
    **dict.fromkeys(
        (
            "company",
            "firm",
            "group",
            "organization",
            "organisation",
            "institute",
            "club",
            "team",
            "carrier",
            "airline",
            "bank",
            "insurer",
            "retailer",
            "lender",
            "automaker",
            "carmaker",
            "university",
            "hospital",
            "charity",
            "foundation",
            "association",
            "federation",
            "league",
            "monitor",
        ),
        frozenset({SourceKind.ORGANIZATION}),
    ),
    **dict.fromkeys(("regulator", "watchdog"), _INSTITUTIONS),
}
#: Heads of a definite nominal that name a document or a report, not who issued it: "the
#: release", "according to the filing" stand for the source of the claim before them.
_DOCUMENT_HEADS = frozenset(
    {
        "statement",
        "report",
        "side",
        "claim",
        "information",
        "release",
        "filing",
        "study",
        "survey",
        "poll",
    }
)


#: Heads that name a whole government: their antecedent is a country's government.
_GOVERNMENT_HEADS = frozenset({"government", "administration", "regime"})
#: Heads that name one person by an office or role: "the mayor" is not the police named
#: before it, though both are of the government kind. (A spokesperson or an official speaks
#: for an institution, so those may still take one.)
_PERSON_HEADS = frozenset(
    {
        "president",
        "minister",
        "secretary",
        "senator",
        "governor",
        "mayor",
        "leader",
        "general",
        "commander",
        "judge",
        "prosecutor",
        "candidate",
        "nominee",
        "man",
        "woman",
        "lawmaker",
        "diplomat",
        "ambassador",
        "analyst",
        "expert",
        "doctor",
        "witness",
        "eyewitness",
        "pastor",
        "coroner",
        "inspector",
        "sheriff",
        "chief",
        "coach",
        "lawyer",
        "attorney",
    }
)


def _names_head(name: str, head: str) -> bool:
    """Whether an antecedent's name holds the head noun of a nominal as a word of its own:
    "the agency" in "Defense Intelligence Agency", not "the governor" in "governor's office"
    (a possessor) nor "the minister" in "ministry"."""
    return re.search(rf"\b{re.escape(head)}\b(?![’']s\b)", name, re.IGNORECASE) is not None


def _is_person_entity(entity: Entity, persons: Collection[str] = ()) -> bool:
    """Whether a source entity is a person; ``persons`` are the ids the article's named
    sources resolved to people (a named person speaking for a company has kind
    organization but is still "he"/"she")."""
    if entity.kind is SourceKind.PERSON or entity.id in persons:
        return True
    if "/" not in entity.id and _head_word(entity.name) in _PERSON_HEADS:
        return True  # "the mayor" ... "she told the council": an office holder
    if "/" in entity.id or len(entity.name.split()) < 2:
        return False
    if entity.kind in (SourceKind.GOVERNMENT, SourceKind.MILITARY, SourceKind.SOCIAL_MEDIA):
        words = entity.name.split()  # a name ("Lloyd Austin"), not "air force"
        return all(w[:1].isupper() for w in words) and not any(
            w.lower() in _all_kind_terms() for w in words
        )
    return False


#: Pronouns that refer to several: their antecedent must be a plural or a group.
_PLURAL_PRONOUNS = frozenset({"they", "them", "their"})
#: Singular nouns that name a group of people: "the group of mayors", "police".
_GROUP_NOUNS = frozenset(
    {
        "group",
        "police",
        "family",
        "couple",
        "crowd",
        "team",
        "staff",
        "crew",
        "panel",
        "committee",
        "authorities",
        "people",
        "personnel",
        "military",
        "army",
        "forces",
    }
)


def _is_plural_entity(entity: Entity, mention: str = "") -> bool:
    """Whether a source entity stands for several: unnamed sources ("Iraq (unnamed
    sources)"), named people in coordination ("Brent and Lynnette Hain"), a group noun
    ("the group of 15 mayors", "police"), a common plural noun ("the mayors") or one
    capitalised plural word ("Investigators" at the start of a sentence, a family: "the
    Hains"). A name of several capitalised words ending in -s ("CBS News", "United
    Nations") or an outlet ("Reuters", "The Times") is one body."""
    if entity.id.endswith("/anonymous") or re.search(r"\s(?:and|&)\s", entity.name):
        return True
    phrase = _strip_the(_DETERMINERS.sub("", _norm(mention or entity.name)))
    post = _POST_HEAD.search(phrase)  # "Officials at the port" -> "Officials"
    words = re.findall(r"[\w'’-]+", phrase[: post.start()] if post else phrase)
    if not words:
        return False
    head_word = words[-1]
    if head_word.lower() in _GROUP_NOUNS:
        return True
    if not re.search(r"(?<![su'’])s$", head_word.lower()):
        return False
    if head_word[:1].islower():
        return True
    if head_word.isupper():
        return False  # an acronym: "ISIS", "CBS"
    return len(words) == 1 and entity.kind is not SourceKind.MEDIA


def _compatible(
    pronoun: str, entity: Entity, persons: Collection[str] = (), text: str = ""
) -> bool:
    p = pronoun.lower()
    if p in _PLURAL_PRONOUNS:
        return _is_plural_entity(entity, text)
    person_like = _is_person_entity(entity, persons)
    if p in _PERSON_PRONOUNS - {"who"}:
        return person_like and not _is_plural_entity(entity)  # "she" is not "the Hains"
    if p == "who":
        return person_like
    if p in _GROUP_PRONOUNS:
        return not person_like
    return True


_PRONOUN_GENDER = {"he": "m", "him": "m", "she": "f", "her": "f"}
#: Head nouns that give a person's gender: "the victim's sister" ... "she said".
_NOUN_GENDER = {
    **dict.fromkeys(
        re.findall(
            r"\S+",
            "woman girl mother daughter sister wife widow grandmother granddaughter aunt niece "
            "girlfriend fiancee fiancée stepmother spokeswoman chairwoman congresswoman "
            "businesswoman councilwoman policewoman actress queen princess",
        ),
        "f",
    ),
    **dict.fromkeys(
        re.findall(
            r"\S+",
            "man boy father son brother husband widower grandfather grandson uncle nephew "
            "boyfriend fiance stepfather spokesman chairman congressman businessman councilman "
            "policeman king prince",
        ),
        "m",
    ),
}
_HONORIFIC_GENDER = {
    **dict.fromkeys(("mr", "mr."), "m"),
    **dict.fromkeys(("mrs", "mrs.", "ms", "ms.", "miss"), "f"),
}


def _genders(antecedents: Sequence[_Antecedent]) -> dict[str, str]:
    """The gender the text gives each antecedent entity, by an honorific of one of its
    mentions ("Mrs Palin"), a pronoun already resolved to it ("he") or the head noun of an
    unnamed one ("the victim's sister"); none where the mentions disagree."""
    out: dict[str, str | None] = {}
    for a in antecedents:
        words = _norm(a.text).lower().split()
        gender = (
            _PRONOUN_GENDER.get(" ".join(words))
            or (_HONORIFIC_GENDER.get(words[0]) if words else None)
            or (_NOUN_GENDER.get(_np_head(a.text)) if not _person_name(a.text) else None)
        )
        if gender is not None:
            out[a.entity.id] = gender if out.get(a.entity.id, gender) == gender else None
    return {k: v for k, v in out.items() if v is not None}


def _after_closing_quote(text: str, position: int) -> bool:
    """Whether the word at ``position`` follows a closing quotation mark and a comma or a
    question or exclamation mark ('..." he said', '...?” she added')."""
    return re.search(r"[,?!][”\"’']\s*$", text[max(0, position - 4) : position]) is not None


def _sentence_start(text: str, position: int) -> int:
    return max(text.rfind(". ", 0, position) + 2, text.rfind("\n", 0, position) + 1, 0)


def _previous_subject_first(
    article: str, position: int, before: list[_Antecedent]
) -> list[_Antecedent]:
    """The antecedents in the order a pronoun that opens its sentence tries them: the
    previous sentence's first (its subject: "Jeffs' voice drones on ..., speaking in the
    voice of God. He promises ..." is Jeffs), then the rest, nearest first."""
    start = _sentence_start(article, position)
    if article[start:position].strip(" \t“”\"'‘’("):
        return list(reversed(before))  # not at the sentence start
    prev = _sentence_start(article, max(0, start - 2))
    previous = [a for a in before if prev <= a.end <= start]
    return previous[:1] + [a for a in reversed(before) if a not in previous[:1]]


#: a state's regular forces and the armed groups that fight them, both of kind military
_REGULAR_FORCE_HEADS = frozenset(["army", "military", "navy"])
_IRREGULAR_FORCE = re.compile(
    r"\b(?:paramilitar\w*|militias?|rebels?|insurgents?|guerrillas?|separatists?)\b", re.I
)


def resolve_coreference(
    text: str,
    position: int,
    antecedents: Sequence[_Antecedent],
    persons: Collection[str] = (),
    article: str = "",
) -> Entity | None:
    """The entity an anaphoric source at ``position`` refers to, or None (``persons``: see
    :func:`_is_person_entity`; ``article``, the text ``position`` is in: a "he" or "she"
    that opens its sentence prefers the subject of the sentence before)."""
    t = _norm(text)
    before = [a for a in antecedents if a.end <= position]
    if not before:
        return None
    if is_pronoun(t):
        before = [a for a in before if not a.guess]
        genders = _genders(before)
        wanted = _PRONOUN_GENDER.get(t.lower())
        order = (
            _previous_subject_first(article, position, before)
            if article and wanted
            else list(reversed(before))
        )
        if article and wanted and _after_closing_quote(article, position):
            # '"Who wouldn't switch?" he added': the speaker quoted before, not a name
            # inside what the speaker said before it
            order = [a for a in order if not a.reported] + [a for a in order if a.reported]
        for a in order:
            if wanted and genders.get(a.entity.id, wanted) != wanted:
                continue  # "he" is not "Mrs Palin"
            if _compatible(t, a.entity, persons, a.text):
                return a.entity
        return None
    head = _head_word(t)
    country = country_in(t)
    candidates = [a for a in before if country is None or a.entity.country == country.iso2]
    for a in reversed(candidates):  # same head noun
        if a.entity.kind is SourceKind.ANONYMOUS and head in _GOVERNMENT_HEADS:
            continue  # "the Nigerian government" is not "Nigerian government officials"
        if head in a.text.lower().split() or _names_head(a.entity.name, head):
            return a.entity
    kinds = _HEAD_KINDS.get(head)
    if kinds is None:
        kinds = {classify_kind(t)} - {SourceKind.OTHER, SourceKind.PERSON}
    for a in reversed(candidates):  # a compatible kind
        if head in _REGULAR_FORCE_HEADS and _IRREGULAR_FORCE.search(a.text):
            continue  # "the army" is not the paramilitary or the rebels named before it
        if a.entity.kind in kinds and not _is_person_entity(a.entity, persons):
            if head in _GOVERNMENT_HEADS and not a.entity.id.endswith("/government"):
                continue  # "the federal government" is not an agency named before it
            if head in _PERSON_HEADS:
                continue  # "the mayor" is not the police department named before it
            if head in _AGENCY_HEADS and metonym_country(a.text):
                continue  # "the agency" is not the country named before it ("Romania")
            return a.entity
    if head in _DOCUMENT_HEADS and candidates:
        sources = [a for a in candidates if a.from_claim] or candidates
        return sources[-1].entity
    return None


# --------------------------------------------------------------------------- via, channel


@functools.cache
def _citing_as_regex() -> re.Pattern:
    lex = lexicon()
    cues = "|".join(re.escape(c) for c in lex["citing_cues"])
    as_ = "|".join(re.escape(a) for a in lex["citing_as"])
    return re.compile(
        rf"\b(?:{cues})\s+(?P<np>[^,;:.\"“”()]{{2,90}}?)\s+(?P<as>{as_})\b", re.IGNORECASE
    )


_CITING_NP = re.compile(
    r"\b(?:citing|quoting)\s+(?P<np>(?:[\w.'’-]+\s){0,7}?[\w.'’-]+?)"
    # a full stop ends it only before a new sentence, not in "U.S. officials"
    r"(?=\s*(?:[,;:\"“”()]|\.(?:\s+(?-i:[A-Z])|\s*[\"“]|\s*$)|$"
    r"|\s+(?:as|on|in|who|that|and said)\b))",
    re.IGNORECASE,
)


#: A sentence that opens on its via-link: "Citing two officials, The Post reported ...".
_LEADING_CITATION = re.compile(r"\s*(?:citing|quoting)\s+[^.;:\"“”()]{2,90},\s*", re.IGNORECASE)


def _leading_citation(
    text: str, window: tuple[int, int], claim: Claim
) -> tuple[ViaLink, tuple[int, int]] | None:
    """The via-link of a claim whose sentence opens on it, before the source: "Citing
    military sources, Haaretz reported that ...". Only a citing phrase that fills the whole
    stretch from the sentence start to the source counts, so a citation that belongs to
    another clause of the sentence is never borrowed."""
    if not claim.source or not claim.cue or claim.source[0].start > claim.cue[0].start:
        return None
    lo, hi = window[0], claim.source[0].start
    if not _LEADING_CITATION.fullmatch(text, lo, hi):
        return None
    return find_via(text, (lo, hi))


#: "A senior official was quoted by Kyodo News as saying ...": the subject said it, the
#: agent reported it.
_PASSIVE_CITATION = re.compile(
    r"\s*(?P<subj>[^,;:\"“”()]{2,80}?)\s+(?:was|were|is|are|has\s+been|have\s+been|had\s+been)"
    r"\s+(?:\w+ly\s+)?(?P<cue>quoted|cited)\s+by\s+(?P<rep>[^,;:\"“”()]{2,80}?)\s+"
    r"(?P<as>as\s+(?:saying|stating|telling|claiming|having\s+said))\b",
    re.IGNORECASE,
)


#: "a statement from the prosecutor's office": a document stands for whoever issued it.
_ISSUED_BY = re.compile(
    r"(?:an?|the)\s+(?:\w+\s+)?(?:statement|report|document|memo|letter|release|post|"
    r"video|filing|assessment)\s+(?:from|by|of)\s+(?=\S)",
    re.IGNORECASE,
)

#: "The report, which cited three former officials, said ...": a relative clause that
#: holds the via-link inside the source span.
_RELATIVE_CITATION = re.compile(
    r"(?P<rel>which|who|that)\s+(?P<cue>cited|quoted)\s+(?P<via>[^,;:\"“”()]{2,80}?)[\s,]*",
    re.IGNORECASE,
)


#: "The Times, which quoted two diplomats, said ...": the citation between source and cue.
_INTERPOSED_CITATION = re.compile(
    r"\s*,\s*(?:which|who)\s+(?P<cue>cited|quoted)\s+(?P<via>[^,;:\"“”()]{2,80}?)\s*,\s*",
    re.IGNORECASE,
)


#: a source span that holds its own relative clause of citation: "The Wall Street Journal,
#: which cited U.S. officials"
_NAMED_WITH_CITATION = re.compile(
    r"(?P<head>[^,;:\"“”()]{2,80}?)\s*,\s*" + _RELATIVE_CITATION.pattern, re.IGNORECASE
)


def _cited_link(text: str, m: re.Match[str]) -> ViaLink:
    """The via-link of a relative clause of citation: its ``via`` and ``cue`` groups."""
    return ViaLink(
        source=(Span.of(text, m.start("via"), m.end("via")),),
        cue=(Span.of(text, m.start("cue"), m.end("cue")),),
    )


def _interposed_citation(text: str, claim: Claim) -> tuple[ViaLink, tuple[int, int]] | None:
    """The via-link of "X, which cited Y, said Z": a relative clause of citation that
    fills the whole stretch between the source and its cue."""
    if not claim.source or not claim.cue or claim.source[-1].end > claim.cue[0].start:
        return None
    m = _INTERPOSED_CITATION.fullmatch(text, claim.source[-1].end, claim.cue[0].start)
    if m is None:
        return None
    link = _cited_link(text, m)
    return link, (m.start("via"), m.end("via"))


def _relative_citation(text: str, claim: Claim) -> Claim | None:
    """The claim whose source span is a relative clause of citation ("which cited three
    former officials"), rewritten as source "which" (resolved to what it follows) and a
    via-link to the cited party; or a source span that holds one ("The Journal, which
    cited U.S. officials"), rewritten as its head with the via-link."""
    if len(claim.source) != 1 or claim.via:
        return None
    src = claim.source[0]
    m = _RELATIVE_CITATION.fullmatch(text, src.start, src.end)
    if m is not None:
        link = _cited_link(text, m)
        return dataclasses.replace(
            claim, source=(Span.of(text, m.start("rel"), m.end("rel")),), via=(link,)
        )
    # "According to the Journal, which cited U.S. officials, ...": the source and its clause
    m = _NAMED_WITH_CITATION.fullmatch(text, src.start, src.end)
    if m is None:
        return None
    head = Span.of(text, m.start("head"), m.end("head"))
    return dataclasses.replace(claim, source=(head,), via=(_cited_link(text, m),))


def _with_entity(link: ViaLink, text: str, mentions: Sequence[Mention]) -> ViaLink:
    """The via-link with the entity its source mention names; a document stands for its
    issuer ("a statement from the prosecutor's office" is the prosecutor's office)."""
    mention = link.source[0]
    issued = _ISSUED_BY.match(mention.text)
    if issued and issued.end() < len(mention.text):
        mention = Span.of(text, mention.start + issued.end(), mention.end)
    return dataclasses.replace(link, entity=_span_entity(text, mention, mentions))


def _span_entity(text: str, mention: Span, mentions: Sequence[Mention]) -> Entity | None:
    """The entity a source phrase names, by its words and the NER mentions inside it."""
    kind = classify_kind(mention.text)
    return make_entity(mention.text, kind, mentions=_mentions_in(mention, mentions, text))


def _passive_citation(text: str, window: tuple[int, int], claim: Claim) -> Claim | None:
    """The claim of a sentence that opens on "Y was quoted by X as saying Z", rewritten as
    the active "X cited Y as saying Z" reads: source X, via Y, content Z. None when the
    sentence does not have that shape or the claim's cue is not its "quoted"."""
    m = _PASSIVE_CITATION.match(text, window[0], window[1])
    if m is None or not claim.cue or claim.via:
        return None
    if not any(c.start <= m.start("cue") < c.end for c in claim.cue):
        return None
    subject = Span.of(text, m.start("subj"), m.end("subj"))
    reporter = Span.of(text, m.start("rep"), m.end("rep"))
    said = Span.of(text, m.start("as"), m.end("as"))
    content = tuple(c for c in claim.content if c.start >= m.end())
    if not content:
        return None
    return dataclasses.replace(
        claim,
        source=(reporter,),
        via=(ViaLink(source=(subject,), cue=(said,)),),
        content=content,
    )


#: what is cited as evidence or reason, not as a teller: "citing two reasons"
_EVIDENCE_HEADS = frozenset(
    (
        "reasons", "concerns", "fears", "factors", "images", "photos", "pictures", "footage",
        "videos", "data", "figures", "numbers", "statistics", "evidence", "records",
        "examples", "cases", "incidents", "problems", "issues", "risks", "costs", "delays",
        "rules", "laws", "studies", "surveys", "polls", "trends", "signs",
    )
)  # fmt: skip
#: a count before the head: "two harbour pilots", "several residents"
_COUNTED = re.compile(
    r"^(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|a\s+dozen|dozens\s+of|"
    r"several|many|some|a\s+few|few|multiple|numerous|hundreds\s+of)\s",
    re.IGNORECASE,
)


def _citable(np: str, cue: str) -> bool:
    """Whether a phrase after "citing" or "quoting" names someone who told it. Whoever is
    quoted speaks; whoever is cited is named ("Reuters"), a kind word or nominal head
    ("officials", "a report", "military sources"), people ("residents") or a count of
    tellers ("two harbour pilots"). Evidence and reasons ("citing a flaw in the brakes",
    "citing security concerns", "citing two reasons") are the claim's basis, not a
    via-link."""
    if cue.lower().startswith("quot"):
        return True
    head = _np_head(np)
    words = {head, head[:-1] if head.endswith("s") else head}
    known = _all_kind_terms() | set(lexicon()["nominal_heads"])
    if _has_name(np) or not words.isdisjoint(known) or _is_people_noun(head):
        return True
    counted = _COUNTED.match(_norm(np)) is not None and head.endswith("s")
    return counted and head not in _EVIDENCE_HEADS


#: A content that opens with someone else's telling: "(He said) witnesses told the police
#: that ...", "(Howard said) other jurors told him ...": the teller is the origin.
_RELAYED_TELLING = re.compile(
    r"(?:that\s+)?(?P<np>(?!(?:it|this|that|there|which|who|what|he|she|they|i|we|you)\b)"
    r"(?:[\w'’.-]+\s+){0,3}?[\w'’.-]+)\s+(?P<cue>(?:had\s+)?(?:told|tells|informed|assured))"
    r"\s+(?:him|her|them|me|us|police|the\s+police|investigators|reporters|officers)\b",
    re.IGNORECASE,
)


def _relayed_telling(text: str, claim: Claim) -> tuple[ViaLink, tuple[int, int]] | None:
    """The via-link of a content that opens with another's telling (:data:`_RELAYED_TELLING`),
    with the region it covers; None otherwise. A pronoun teller is left alone (it is
    often the source again: "he said he told them")."""
    if not claim.content or not claim.source:
        return None
    first = claim.content[0]
    m = _RELAYED_TELLING.match(text, first.start, first.end)
    if m is None or "," in m.group("np"):
        return None
    np_span = Span.of(text, m.start("np"), m.end("np"))
    cue = Span.of(text, m.start("cue"), m.end("cue"))
    return ViaLink(source=(np_span,), cue=(cue,)), (m.start("np"), m.end("cue"))


def find_via(
    text: str, window: tuple[int, int], *, anchor_slack: int = 12
) -> tuple[ViaLink, tuple[int, int]] | None:
    """A nested source in ``text[window]``: "cited Y as saying", "citing Y".

    "cited Y as saying" must start within ``anchor_slack`` characters of the window start
    (the cue). Returns the via-link (without entity) and the character region it covers.
    """
    lo, hi = window
    chunk = text[lo:hi]
    m = _citing_as_regex().search(chunk)
    if m and m.start() <= anchor_slack:
        np_span = Span.of(text, lo + m.start("np"), lo + m.end("np"))
        cue = Span.of(text, lo + m.start("as"), lo + m.end("as"))
        return ViaLink(source=(np_span,), cue=(cue,)), (lo + m.start("np"), lo + m.end("as"))
    m = _CITING_NP.search(chunk)
    if m and len(m.group("np")) > 1 and _citable(m.group("np"), m.group(0)):
        np_span = Span.of(text, lo + m.start("np"), lo + m.end("np"))
        cue = Span.of(text, lo + m.start(), lo + m.start("np") - 1)
        return ViaLink(source=(np_span,), cue=(cue,)), (lo + m.start(), lo + m.end("np"))
    return None


CHANNEL_MAX_DISTANCE = 40  # characters between the cue and its channel

_WEEKDAYS_MONTHS = (
    "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|"
    "May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|"
    "Sept?|Oct|Nov|Dec"
)
#: A capitalised word of an outlet's or a person's name ("Reuters", "POLITICO", "CNN's",
#: "i100.co.uk" aside), never a day or month: "told CNN's New Day Wednesday morning".
_NAME_WORD = (
    rf"(?!(?:{_WEEKDAYS_MONTHS})\b)"
    r"(?:(?:Mrs?|Ms|Dr|Sen|Rep|Gov|Gen|Col|Lt|Prof|St)\.\s*[A-Z][\w&-]*"
    r"|[A-Z][\w&-]*(?:\.[\w&-]+)*|@\w+)(?:['’]s?)?"
)
#: A named addressee: "Reuters", "The Associated Press", "Chris Wallace of Fox News",
#: "Britain's ITV television station", "El Universal newspaper", "@JBoorstin".
_NAMED_ADDRESSEE = (
    rf"(?:[Tt]he\s+)?{_NAME_WORD}(?:\s+(?:(?:of|for|de|del|and)\s+(?:the\s+)?)?{_NAME_WORD}){{0,5}}"
    r"(?:\s+(?:newspaper|daily|weekly|magazine|television|TV|radio|station|network|channel"
    r"|program|programme|show|website|news\s+agency|agency)){0,2}"
    # "the Spanish sports daily Marca": a described outlet and its name
    r"(?:(?:\s+[a-z][\w-]*)?\s+(?:newspaper|daily|weekly|magazine|broadcaster|website)"
    rf"\s+{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}})?"
)
#: Words that open a phrase after "told" without being its addressee: a pronoun is left
#: alone (an audience the text does not name), a narrated thing is no audience ("told the
#: story").
_NOT_ADDRESSEE = (
    r"(?:him|her|them|me|us|you|it|himself|herself|themselves|myself|ourselves|one|that|this"
    r"|which|whom|whose|who"
    r"|what|how|why|when|where|whether|if|of|about|so|stories|story|tales?|truth|lies?|jokes?"
    r"|lots?|everything|anything|nothing|something)\b"
)
#: A common-noun addressee ("reporters", "a rally audience", "news media", "the American
#: people"), taken only when a clause boundary follows it, so that "told friends the deal"
#: never takes the content's subject.
_COMMON_ADDRESSEE = (
    rf"(?!(?:(?:an?|the|his|her|their|its|our|some)\s+)?{_NOT_ADDRESSEE})"
    r"(?:(?:an?|the|his|her|their|its|our|some|several|local|foreign"
    r"|visiting|fellow)\s+)?(?:[\w-]+\s+){0,2}?[a-z][\w-]*"
    r"(?=\s*(?:[,.;:“”\"(]|$)|\s+(?:that|to|on|in|at|during|before|after|when|while|about|as|last"
    r"|this|earlier|recently|yesterday|today|tonight|here|there|late|early|and\s+others"
    rf"|{_WEEKDAYS_MONTHS})\b)"
)
#: "told reporters in Rome": a place after the addressee belongs to it (not "in February").
_IN_PLACE = (
    rf"(?:\s+in\s+(?!(?:{_WEEKDAYS_MONTHS})\b)[A-Z][\w-]+"
    rf"(?:\s+(?!(?:{_WEEKDAYS_MONTHS})\b)[A-Z][\w-]+)?)?"
)


@functools.cache
def _channel_regexes() -> tuple[re.Pattern, ...]:
    """The channel patterns, the medium one first (see :func:`find_channel`): a medium noun
    after a preposition ("in a statement on Telegram", "on its website", "on national
    television"), a platform ("on Twitter"), the addressee of "told" / "tells" / "speaking
    to" ("told Reuters", "told news media"), a venue of the statement ("declared in
    Parliament", "admitted in court", "testified before Congress", "went before
    reporters") and a broadcaster ("said on CNN", "appeared on Fox News")."""
    lex = lexicon()
    nouns = "|".join(sorted((re.escape(n) for n in lex["channel_nouns"]), key=len, reverse=True))
    platforms = "|".join(
        sorted((re.escape(p) for p in lex["social_platforms"]), key=len, reverse=True)
    )
    venues = "|".join(sorted((re.escape(v) for v in lex["venue_channels"]), key=len, reverse=True))
    outlets = "|".join(
        sorted((re.escape(b) for b in lex["broadcast_outlets"]), key=len, reverse=True)
    )
    det = r"(?:an?|the|his|her|its|their|our|a\s+new|one)"
    # the longest medium ("his radio program", "Jimmy Kimmel's show"), with the outlet or
    # audience it went to ("an op-ed in The Washington Post", "a letter to lawmakers")
    statement = re.compile(
        rf"\b(?:in|on|via|through|during|at|from)\s+(?P<ch>(?:{det}\s+)?(?:[\w'’-]+\s+){{0,2}}"
        rf"(?:{nouns})(?:\s+(?:on|to|posted\s+on|published\s+on)\s+(?:{platforms})"
        rf"|(?-i:\s+(?:to|with|in|on|for)\s+{_NAMED_ADDRESSEE})"
        rf"|(?-i:\s+(?:to|with)\s+{_COMMON_ADDRESSEE}))?)\b",
        re.IGNORECASE,
    )
    platform = re.compile(
        rf"\b(?:on|via|in\s+a\s+post\s+on)\s+(?P<ch>{platforms})\b", re.IGNORECASE
    )
    # the audiences of the lexicon need no clause boundary after them: "told reporters
    # outside a restaurant"
    audiences = "|".join(
        sorted(
            (re.escape(a.split(None, 1)[1]) for a in lex["audience_channels"]),
            key=len,
            reverse=True,
        )
    )
    told = re.compile(
        rf"\b(?P<ch>(?:told|tells?|telling)\s+(?:(?i:{audiences})\b"
        rf"|{_NAMED_ADDRESSEE}|{_COMMON_ADDRESSEE}){_IN_PLACE}"
        # "Speaking to reporters", "speaking to i100.co.uk"
        r"|(?:[Ss]peaking|[Tt]alking|[Ss]poke|[Tt]alked)\s+(?:to|with)\s+(?:reporters|journalists"
        r"|the\s+press|[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|co\.uk|uk)\b"
        rf"|{_NAMED_ADDRESSEE}|{_COMMON_ADDRESSEE}))"
    )
    venue = re.compile(
        rf"\b(?:in|before|to|on|at)\s+(?P<ch>(?:(?:an?|the)\s+)?(?:[\w-]+\s+){{0,2}}?"
        rf"(?:court|courtroom)|{venues})\b",
        re.IGNORECASE,
    )
    # "went before reporters", "testified before the committee"
    before = re.compile(
        r"\b(?:went|goes|go|appeared|appearing|appears|spoke|speaking|testified|testifying"
        rf"|testifies)\s+before\s+(?P<ch>{_NAMED_ADDRESSEE}|{_COMMON_ADDRESSEE})"
    )
    # a broadcaster's name as written, with its show: "on CNN", "on ABC's This Week"
    broadcaster = re.compile(
        rf"\b(?:on|to)\s+(?P<ch>(?=[A-Z])(?i:{outlets})\b"
        r"(?:['’]s?(?:\s+[“\"]?[A-Z][\w-]*[”\"]?){1,4})?)"
    )
    return statement, platform, told, venue, before, broadcaster


#: "When told Perez was in the Cabinet, Bush said": the subject was told, nobody addressed.
_PASSIVE_TOLD = re.compile(
    r"\b(?:was|were|been|being|is|are|be|am|get|got|gets|when|if|as|unless|once)\s+$",
    re.IGNORECASE,
)


def is_social_channel(channel: str | None) -> bool:
    if not channel:
        return False
    platforms = [p for p in lexicon()["social_platforms"] if p not in ("a post", "a video")]
    return bool(_term_regex(platforms).search(channel))


#: Between a channel before the source (or cue) and it: nothing, or the rest of a fronted
#: phrase closed by a comma ("Speaking to reporters in Rome on Monday, X said").
_FRONTED_GAP = re.compile(r"\s*|[^.;:“”\"()]*,\s*")


def find_channel(
    text: str,
    window: tuple[int, int],
    cue_at: int,
    *,
    cue_end: int | None = None,
    exclude: Sequence[Span] = (),
    max_distance: int = CHANNEL_MAX_DISTANCE,
) -> Span | None:
    """The channel nearest to the cue (``cue_at``..``cue_end``) within ``text[window]``,
    at most ``max_distance`` characters from it and outside the ``exclude`` spans; one
    before the cue only when a comma closes it off as a fronted phrase. A
    channel phrase that opens an excluded span ("said at a rally in Ohio." tagged as the
    content of a quote in the sentence before) is still the channel: content never starts
    on a preposition that introduces a medium."""
    lo, hi = window
    cue_end = cue_at if cue_end is None else cue_end
    chunk = text[lo:hi]
    best: tuple[int, Span] | None = None
    for rx in _channel_regexes():
        for m in rx.finditer(chunk):
            start, end = lo + m.start("ch"), lo + m.end("ch")
            if rx is _channel_regexes()[0] and text[start:end].lower().split()[-1] in ("x",):
                continue
            passive = text[start : start + 4].lower() in ("told", "tell")
            if passive and _PASSIVE_TOLD.search(text, max(0, start - 12), start):
                continue
            if any(
                x.start <= start and end <= x.end and x.start != lo + m.start() for x in exclude
            ):
                continue
            if rx is _channel_regexes()[3] and start < cue_at:
                continue  # "In Parliament the party has accused ...": a scene, not a venue
            if end <= cue_at:
                if not _FRONTED_GAP.fullmatch(text, end, cue_at):
                    continue  # "In a statement released after the governor said": no frame
                dist = cue_at - end
            elif start >= cue_end:
                dist = start - cue_end
            else:
                dist = 0
            if dist > max_distance:
                continue
            span = Span.of(text, start, end)
            if (
                best is None
                or dist < best[0]
                or (dist == best[0] and len(span.text) > len(best[1].text))
            ):
                best = (dist, span)
    return best[1] if best else None


# --------------------------------------------------------------------------- apposition

_HONORIFICS = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "miss"})


def _is_bare_name(text: str) -> bool:
    """A person's name and nothing else: "James Steele", "Mr Abdulla", "Dasaradha R Gude"."""
    words = _norm(text).split()
    if words and words[0].lower() in _HONORIFICS:
        words = words[1:]
    if not 1 <= len(words) <= 5:
        return False
    names, demonyms, metonyms = _country_index()
    for w in words:
        low = w.lower().strip(".,")
        if low in _NAME_PARTICLES:
            continue
        if not w[:1].isupper() or low in _TITLE_WORDS or low in _all_kind_terms():
            return False
        if low in names or low in demonyms or low in metonyms:
            return False
    return True


#: An office stated in a relative clause: "who chairs X", "who heads X", "who is the
#: director of X" (the office's holder speaks for X, as in an apposition).
_RELATIVE_OFFICE = re.compile(
    r",\s*who\s+(?:(?P<verb>chairs|heads|leads|runs|directs|manages|founded|co-founded|owns)"
    r"|(?:is|was|serves\s+as)\s+(?:also\s+)?(?:the\s+|a\s+|an\s+)?"
    r"(?P<office>head|chair|chairman|chairwoman|director|president|leader|founder|owner|"
    r"manager|spokesman|spokeswoman|spokesperson)\s+(?:of|at|for))\s+(?P<inst>[^,;]+)",
    re.IGNORECASE,
)
_RELATIVE_OFFICE_HEADS = {
    "directs": "director",
    "manages": "manager",
    "founded": "founder",
    "co-founded": "founder",
    "owns": "owner",
}


def split_apposition(text: str) -> tuple[str, str]:
    """(name, role) of a source phrase with an apposition: "Rajesh Chharia, president of
    X" -> ("Rajesh Chharia", "president of X"); "the fire chief, James Steele" -> ("James
    Steele", "the fire chief"); a relative clause is dropped ("Mark Oberholtzer, who has
    ..." -> ("Mark Oberholtzer", "")), and so are examples ("outlets, including X") and an
    audience ("an official who told Rudaw"). Without a comma: (text, "")."""
    t = re.sub(r"\s*\([^()]*\)", "", _norm(text)).strip(" ,")  # "(D-N.Y.)", "(Vt.)"
    office = _RELATIVE_OFFICE.search(t)
    if office and not _RELATIVE_OFFICE.search(t, 0, office.start()):
        # "Anne Moss, who chairs the Save Our Fields group": an office in a relative clause
        verb = (office["verb"] or "").lower()
        head = (office["office"] or _RELATIVE_OFFICE_HEADS.get(verb, "head")).lower()
        return t[: office.start()].strip(" ,"), f"{head} of {office['inst'].strip(' ,')}"
    # a relative clause, examples ("various media outlets, including Rolling Stone") and
    # whom the source spoke to ("an Iraqi health official who told Rudaw") are no role
    t = re.split(
        r",\s*(?:who|which|whose|whom)\b|,\s*(?:including|such\s+as)\s"
        r"|\s+who\s+(?:told|spoke|talked|said)\b",
        t,
    )[0].strip(" ,")
    parts = [p.strip() for p in t.split(",") if p.strip()]
    if len(parts) < 2:
        return t, ""
    first, last = parts[0], parts[-1]
    if re.match(r"(?:from|in|of|at|near)\b", parts[1], re.IGNORECASE):
        return first, ", ".join(parts[1:])  # "Mr Abdulla, from Keighley, West Yorkshire"
    if _is_bare_name(last) and not _is_bare_name(first):
        return last, ", ".join(parts[:-1])
    if len(parts) == 2 and _describes_a_body(first) and _is_proper_phrase(last):
        return last, first  # "The player's current club, Paris Saint-Germain"
    return first, ", ".join(parts[1:])


def _describes_a_body(text: str) -> bool:
    """Whether ``text`` describes an organization by a common noun ("the developer", "The
    player's current club", "the carrier")."""
    head = _np_head(text)
    kinds = _HEAD_KINDS.get(head, frozenset())
    return (SourceKind.ORGANIZATION in kinds or head in ("developer", "operator")) and bool(
        re.match(r"(?:the|a|an|its|his|her|their)\s", text, re.IGNORECASE)
    )


def _is_proper_phrase(text: str) -> bool:
    """Capitalised words only (with particles): "Paris Saint-Germain", "Harlow Homes"."""
    words = _norm(text).split()
    return 1 <= len(words) <= 6 and all(
        w[:1].isupper() or w.lower() in _NAME_PARTICLES or w.lower() in ("of", "and", "&")
        for w in words
    )


#: Heads that speak for an institution: "a spokesperson for X", "The AMD statement".
_VOICE_HEADS = frozenset(
    {
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "statement",
        "report",
        "dispatcher",
        "representative",
        "video",
        "release",
        "website",
        "rep",
        "study",
        "survey",
        "poll",
        "analysis",
        "data",
        "figures",
        "statistics",
    }
)
#: Heads of a role whose holder speaks for the institution named with it.
_OFFICE_HEADS = frozenset(
    {
        "president",
        "director",
        "head",
        "chief",
        "leader",
        "manager",
        "chairman",
        "chairwoman",
        "ceo",
        "md",
        "founder",
        "owner",
        "executive",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "coordinator",
    }
)
_INSTITUTION_KINDS = frozenset(
    {
        SourceKind.GOVERNMENT,
        SourceKind.MILITARY,
        SourceKind.INTELLIGENCE,
        SourceKind.MEDIA,
        SourceKind.ORGANIZATION,
    }
)
_VOICE_COMPLEMENT = re.compile(
    r"^(?P<head>.+?)\s+(?:(?:uploaded|posted|published|issued|released)\s+)?"
    r"(?:for|of|from|by)\s+(?P<inst>.+)$",
    re.IGNORECASE,
)


#: A firm's research voice: "Analysts at Morgan Stanley", "economists from Goldman Sachs"
#: write the firm's notes and forecasts, so they speak for it.
_HOUSE_VOICE = re.compile(
    r"^(?:\w+\s+)?(?:analysts?|economists?|strategists?)\s+(?:at|from|with)\s+"
    r"(?P<inst>(?:the\s+)?(?-i:[A-Z])[^,]*)$",
    re.IGNORECASE,
)


def _voice_owner(words: Sequence[str]) -> str:
    """Who the words before a voice's head name: without a determiner, a bracketed
    acronym, a possessive or the lower-case words before the name ("A recent Sandvine"
    study -> "Sandvine", "World Health Organization (WHO)" official)."""
    owner = re.sub(r"\s*\([^()]*\)", "", _DETERMINERS.sub("", " ".join(words)))
    return re.sub(r"^(?:[a-z][\w-]*\s+)+(?=[A-Z])", "", _strip_possessive(owner))


def voice_institution(text: str) -> str | None:
    """The institution an unnamed voice speaks for: "a spokesperson for Interoute" ->
    "Interoute", "a CBS News report" -> "CBS News", "A Sonoma County Sheriff's dispatcher"
    -> "Sonoma County Sheriff", "a video uploaded by a media group" -> "a media group"."""
    t = _norm(text).strip(" ,")
    m = _VOICE_COMPLEMENT.match(t)
    if m and _head_word(m.group("head")) in _VOICE_HEADS:
        return m.group("inst").strip()
    house = _HOUSE_VOICE.match(t)
    if house:
        return house.group("inst").strip()
    words = t.split()
    if len(words) >= 2 and words[-1] == "official":
        # "A World Health Organization official" stands for it; "a U.S. official", "a
        # senior Pentagon official" stay unnamed officials (guideline: anonymous)
        inst = _voice_owner(words[:-1])
        if (
            re.match(r"[A-Z]", inst)
            and country_in(inst) is None
            and metonym_country(inst) is None
            and classify_kind(inst) is SourceKind.ORGANIZATION
        ):
            return inst
    if len(words) >= 2 and words[-1] in _VOICE_HEADS:  # not "the US Geological Survey"
        inst = _voice_owner(words[:-1])
        bare_determiner = _DETERMINERS.match(inst + " ") is not None
        if re.search(r"\b[A-Z]", inst) and not is_pronoun(inst) and not bare_determiner:
            return inst  # "a CBS News report"; not "The" of "The video"
    return None


#: Roles on a sports team: the holder speaks for the team (guideline b9: players and
#: coaches speaking of their team's game are `organization`), named or not ("interim coach",
#: "the Colts' quarterback").
_TEAM_ROLES = frozenset(
    re.findall(
        r"\S+",
        "coach quarterback linebacker goalkeeper goalie striker midfielder pitcher shortstop",
    )
)


#: offices only a company or a firm has: "Chief Executive Kelly Ortberg", "the bank's chief
#: economist"
_CORPORATE_OFFICE = re.compile(
    r"\b(?:chief\s+(?:executive|financial|operating|technology|marketing|investment|"
    r"commercial|information)(?:\s+officer)?|chief\s+(?:economist|strategist)|"
    r"(?-i:CEO|CFO|COO|CTO|CIO))\b",
    re.IGNORECASE,
)


def role_kind(role: str, label_of=None) -> SourceKind | None:
    """The kind a role gives its holder, when the role names an institution: "president
    of the ISP Association" -> organization, "Utah Department of Corrections spokesman"
    -> government, "Pizza House delivery manager" -> organization, a role on a team
    ("interim coach", "coach of the Jets") -> organization; None otherwise."""
    role = _norm(role).strip(" ,")
    if not role:
        return None
    if _head_word(_POST_HEAD.split(role)[0]) in _TEAM_ROLES:
        return SourceKind.ORGANIZATION
    if _CORPORATE_OFFICE.search(role):
        return SourceKind.ORGANIZATION  # "Chief Executive X", "Acme's CFO": a company's
    m = re.match(r"^(?P<head>.+?)\s+(?:of|for|at|with)\s+(?P<inst>.+)$", role, re.IGNORECASE)
    if m and _head_word(m.group("head")) in _OFFICE_HEADS:
        head, inst = m.group("head"), m.group("inst")
    else:
        words = role.split()
        if len(words) < 2 or words[-1].lower() not in _OFFICE_HEADS:
            return None
        head, inst = words[-1], " ".join(words[:-1])
    kind = classify_kind(inst, ner_label=label_of(inst) if label_of else None)
    if kind in _INSTITUTION_KINDS:
        return kind
    if _head_word(head) in _VOICE_HEADS:
        return None
    named = [w for w in _proper_words(inst, None) if w.lower() not in _TITLE_WORDS]
    return SourceKind.ORGANIZATION if named else None  # "Former President X": no institution


#: Abbreviated titles that may stand before a name ("Rep. Michele Bachmann").
_TITLE_ABBREVIATIONS = frozenset(
    [
        "rep.",
        "sen.",
        "gov.",
        "gen.",
        "col.",
        "sgt.",
        "lt.",
        "maj.",
        "adm.",
        "capt.",
        "cpl.",
        "const.",
        "det.",
        "insp.",
        "supt.",
        "cmdr.",
        "amb.",
        "pres.",
        "sec.",
        "atty.",
        "dr.",
        "prof.",
        "mr.",
        "mrs.",
        "ms.",
    ]
)
#: Words that end a title before a name: articles, prepositions, conjunctions, verbs of
#: saying ("according to Const. Tim Fanning", "said spokesman John Smith").
_PREMODIFIER_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "nor",
        "by",
        "with",
        "to",
        "from",
        "for",
        "in",
        "on",
        "at",
        "as",
        "that",
        "this",
        "these",
        "those",
        "of",
        "said",
        "says",
        "say",
        "told",
        "tells",
        "added",
        "according",
        "who",
        "which",
        "when",
        "after",
        "before",
        "while",
        "where",
        "was",
        "were",
        "is",
        "are",
        "be",
        "been",
        "has",
        "have",
        "had",
    ]
)


def _premodifier(text: str, start: int) -> str:
    """The title words right before a name in running text: "Interior Secretary" in
    "announced by Interior Secretary Dirk Kempthorne", "CNN analyst" in "CNN analyst Tom
    Fuentes". The word next to the name must be capitalised, an abbreviated title or a
    kind word ("spokesperson"), so "police arrested John Smith" gives nothing; the run
    stops at punctuation, a line break and function words, six words at most."""
    line_start = text.rfind("\n", 0, start) + 1
    words = re.findall(r"\S+", text[max(line_start, start - 100) : start])
    vocabulary = _all_kind_terms() | _OFFICE_HEADS | _TITLE_WORDS
    run: list[str] = []
    for w in reversed(words):
        low = w.lower()
        if low in _PREMODIFIER_STOP or len(run) == 6:
            break
        if re.search(r"[,;:()\"“”]$|^[\"“”(]", w) or (
            w.endswith(".") and low not in _TITLE_ABBREVIATIONS
        ):
            break
        if not run and not (w[:1].isupper() or low in vocabulary):
            break
        run.insert(0, w)
    return " ".join(run)


def _mention_role_kind(
    text: str, start: int, end: int, acronyms: dict[str, SourceKind] | None = None
) -> SourceKind | None:
    """The institutional kind a person named in the text takes from the role stated with
    the name: a title before it ("Interior Secretary Dirk Kempthorne" -> government,
    "Vancouver police spokesperson Tim Fanning" -> government, "CNN analyst X" -> media) or
    an office in apposition after it ("Ed Smith, president of the Acme Corp.," ->
    organization); None when the name stands alone. Later bare mentions ("Kempthorne",
    "he") then resolve to an entity of that kind."""
    if acronyms:  # "Ineter scientist Jose Millan": an acronym the text defines, 3 words back
        line_start = text.rfind("\n", 0, start) + 1
        for word in reversed(text[max(line_start, start - 60) : start].split()[-3:]):
            if word.lower() in acronyms:
                return acronyms[word.lower()]
            if re.search(r"[,;:()\"“”.]$", word):
                break
    premod = _premodifier(text, start)
    if premod and _head_word(premod) in _ACADEMIC_HEADS:
        return None  # "Miami media professor X" speaks for herself, not for the media
    if premod and re.search(r"\b(?:former|ex-|onetime|one-time)(?:\s|\b)", premod, re.IGNORECASE):
        return None  # "former transport minister X" holds no office now (guideline: person)
    if premod:
        kind = classify_kind(f"{premod} {text[start:end]}", ner_label="PERSON")
        if kind in _INSTITUTION_KINDS:
            return kind
        kind = role_kind(premod)  # "Acme sales manager X", "interim coach X"
        if kind is not None:
            return kind
    m = re.match(r",\s+(?!who\b|which\b|that\b)([^,.;:\n“”\"]{3,80}),", text[end : end + 90])
    if m:
        return role_kind(m.group(1))
    m = _PREDICATIVE_ROLE.match(text, end, min(len(text), end + 120))
    if m:
        return role_kind(m.group("role"))
    return None


#: An office stated of a person by a copula after the name, an age between: "Jeffs, 55, is
#: head of the Utah-based church", "Ms Ruiz was the company's sales director".
_PREDICATIVE_ROLE = re.compile(
    r"(?:\s*,\s*\d{1,3}\s*,)?\s+(?:is|was|has\s+been|had\s+been|became|serves\s+as|"
    r"served\s+as)\s+(?:also\s+)?(?:the\s+|a\s+|an\s+)?(?P<role>[^,.;:\n“”\"()]{3,80})"
)


def _full_proper_name(text: str) -> str | None:
    """ "The Syrian Observatory for Human Rights" -> "Syrian Observatory for Human Rights":
    a name all of whose words but function words are capitalised."""
    t = _strip_the(_norm(text))
    words = t.split()
    if len(words) < 2:
        return None
    for w in words:
        if w.lower() in ("of", "for", "and", "the", "de", "on", "in", "&"):
            continue
        if not w[:1].isupper():
            return None
    return t


def _surname_words(text: str) -> list[str] | None:
    """The surname a bare mention consists of, without an honorific: "Oppal", "Mr Steele"
    -> ["Steele"], "Mr. de Blasio" -> ["de", "Blasio"]; None for anything else."""
    words = _norm(text).split()
    while words and (words[0].lower() in _HONORIFICS or words[0].lower() in _TITLE_WORDS):
        words = words[1:]  # "Mr Steele", "Justice Henry", "President Bush"
    if not words or not _is_bare_name(" ".join(words)):
        return None
    particles = [w for w in words[:-1] if w.lower() in _NAME_PARTICLES and w[:1].islower()]
    return words if len(particles) == len(words) - 1 else None


def _surname_antecedent(
    text: str, antecedents: Sequence[_Antecedent], persons: Collection[str] = ()
) -> Entity | None:
    """A bare surname ("Oppal", "Mr Steele", "Mr. de Blasio") takes the person named in
    full before it ("Wally Oppal", "Bill de Blasio")."""
    words = _surname_words(text)
    if words is None:
        return None
    key = [ascii_fold(w).lower() for w in words]
    best = None
    for a in reversed(antecedents):
        name = a.entity.name.split()
        if len(name) <= len(key) or not _is_person_entity(a.entity, persons):
            continue
        if _is_plural_entity(a.entity):
            continue  # "Hain" is not "Brent and Lynnette Hain"
        if [ascii_fold(w).lower() for w in name[-len(key) :]] == key:
            if a.from_claim:
                return a.entity
            best = best or a.entity
    return best


def _same_name_antecedent(text: str, antecedents: Sequence[_Antecedent]) -> Entity | None:
    """The entity an earlier claim's source resolved to under exactly this name: a name
    repeated later keeps the kind its first, fuller mention gave it ("the risk consultancy
    Stratfor" ... "Stratfor said": an organization, whatever the NER says the second time)."""
    key = _strip_the(_norm(text))
    if not key[:1].isupper():
        return None
    for a in reversed(antecedents):
        if a.from_claim and a.entity.name == key and "/" not in a.entity.id:
            return a.entity
    return None


_SHORT_NAME_KINDS = frozenset({SourceKind.ORGANIZATION, SourceKind.MEDIA})


def _short_name_antecedent(text: str, antecedents: Sequence[_Antecedent]) -> Entity | None:
    """The company or outlet named in full before whose first words this name is
    ("Shares of Norvex Semiconductor fell ... Norvex said", "Goldman Sachs Group ...
    Goldman"); people are left to :func:`_surname_antecedent`."""
    words = _strip_the(_norm(text)).split()
    if not 1 <= len(words) <= 2 or not all(w[:1].isupper() for w in words):
        return None
    for a in reversed(antecedents):
        full = a.entity.name.split()
        if (
            a.entity.kind in _SHORT_NAME_KINDS
            and len(full) > len(words)
            and full[: len(words)] == words
            and "/" not in a.entity.id
        ):
            return a.entity
    return None


#: A politician named by state and party or office, as news copy does on second mention:
#: "the California Republican", "the Vermont senator", "the New York Democrat".
_EPITHET = re.compile(
    r"^[Tt]he\s+(?:[A-Z][\w.'’-]*\s+){1,2}(?:Republican|Democrat|Democratic\s+\w+|Independent|"
    r"lawmaker|legislator|senator|congressman|congresswoman|governor|mayor|"
    r"(?:GOP|Democratic|Republican)\s+(?:lawmaker|senator|congressman|congresswoman|governor|"
    r"leader|candidate|nominee)|(?P<corporate>CEO|chief\s+executive|chairman|chairwoman|"
    r"founder|co-founder|boss))$"
)


def _epithet_antecedent(
    text: str, antecedents: Sequence[_Antecedent], persons: Collection[str] = ()
) -> Entity | None:
    """The person a party-and-state epithet names again ("Rep. Duncan Hunter ... The
    California Republican claims"): the latest person before it."""
    if _EPITHET.match(_norm(text).strip(" ,")) is None:
        return None
    for a in reversed(antecedents):
        if _is_person_entity(a.entity, persons) and "/" not in a.entity.id:
            return a.entity
    return None


def _company_heads(claims: Sequence[Claim], offices: _OfficeKinds) -> bool:
    """Record in ``offices`` each person that a company epithet names ("The Apple CEO"
    after "Tim Cook"): they speak for the company (guideline: a named person in an
    institutional role is `organization`), also in the claims before the epithet. Whether
    any was found."""
    found = False
    for c in claims:
        m = _EPITHET.match(_norm(" ".join(s.text for s in c.source)).strip(" ,"))
        if m and m.group("corporate") and c.source_entity is not None:
            offices.add(c.source_entity.name, SourceKind.ORGANIZATION)
            found = True
    return found


def _masthead_antecedent(text: str, antecedents: Sequence[_Antecedent]) -> Entity | None:
    """The newspaper named in full before that "The Post" or "the Journal" names by its
    last word ("The Jerusalem Post ... The Post said")."""
    m = _SHORT_MASTHEAD.fullmatch(_norm(text))
    if m is None:
        return None
    for a in reversed(antecedents):
        words = a.entity.name.split()
        if len(words) >= 2 and words[-1] == m.group("word"):
            return a.entity
    return None


def coordinated_people(text: str) -> tuple[str, str] | None:
    """(names, premodifier) of a source naming several people in coordination: "Retired
    rail workers Brent and Lynnette Hain" -> ("Brent and Lynnette Hain", "Retired rail
    workers"); "John Smith and Mary Jones" -> (that, ""). The last conjunct must be a full
    name of two words or more, so that "Smith & Wesson" or "the U.S. and Cuba" stay one."""
    t = _norm(text)
    m = re.match(r"^(?P<left>.+?)\s+(?:and|&)\s+(?P<last>[^,;:()]+)$", t)
    if not m:
        return None
    last = m.group("last")
    if len(last.split()) < 2 or not _is_bare_name(last):
        return None
    first = _person_name(m.group("left"))
    if not first or not _is_bare_name(first):
        return None
    if any(classify_kind(n) in _INSTITUTION_KINDS for n in (first, last)):
        return None  # "The United Nations and Human Rights Watch": bodies, not people
    premod = m.group("left")[: len(m.group("left")) - len(first)].strip()
    return f"{first} and {last}", premod


def _people_entity(text: str) -> Entity | None:
    """The entity of several people named in coordination: kind person unless the words
    before the names give them an institution ("Senators John Ames and Ruth Bell")."""
    found = coordinated_people(text)
    if found is None:
        return None
    names, premod = found
    kind = classify_kind(premod) if premod else SourceKind.PERSON
    if kind not in _INSTITUTION_KINDS:
        kind = SourceKind.PERSON
    return Entity(slugify(names), names, kind, None, (_norm(text),))


def _family_antecedent(text: str, antecedents: Sequence[_Antecedent]) -> Entity | None:
    """A family by its surname ("the Hains", "The Smiths"): the people named before with
    that surname ("Brent and Lynnette Hain"), or the family itself when only one of them
    was named. None when no earlier person has the surname."""
    m = re.fullmatch(r"(?:[Tt]he\s+)?([A-Z][\w'’-]+?)(?:e?s)", _norm(text))
    if not m:
        return None
    stems = {m.group(1).lower(), _strip_the(_norm(text)).lower()[:-1]}
    if stems & _all_kind_terms() or _strip_the(_norm(text)).lower() in _all_kind_terms():
        return None  # "Prosecutors", "Officials": a kind of people, not a family
    for a in reversed(antecedents):
        words = a.entity.name.split()
        couple = a.entity.kind is SourceKind.PERSON and coordinated_people(a.entity.name)
        if not (_is_bare_name(a.entity.name) or couple):
            continue  # "Federal Public Prosecutor" names no family
        if len(words) >= 2 and words[-1].lower() in stems:
            if _is_plural_entity(a.entity):
                return a.entity
            family = _strip_the(_norm(text))
            return Entity(slugify(family), family, SourceKind.PERSON, None, (_norm(text),))
    return None


# --------------------------------------------------------------------------- the step


def _mentions_in(span: Span, mentions: Sequence[Mention], text: str) -> list[tuple[str, str]]:
    return [
        (text[m.start : m.end], m.label)
        for m in mentions
        if span.start <= m.start and m.end <= span.end
    ]


def _sentence_window(text: str, claim: Claim) -> tuple[int, int]:
    spans = [*claim.source, *claim.cue, *claim.content]
    lo = min(s.start for s in spans)
    hi = max(s.end for s in spans)
    # extend to the sentence around the cue
    anchor = claim.cue[0] if claim.cue else spans[0]
    left = max(text.rfind(". ", 0, anchor.start), text.rfind("\n", 0, anchor.start))
    right_candidates = [
        i for i in (text.find(". ", anchor.end), text.find("\n", anchor.end)) if i >= 0
    ]
    right = min(right_candidates) if right_candidates else len(text)
    return min(lo, left + 1 if left >= 0 else 0), max(hi, right)


#: A direct quotation within one paragraph: curly or straight double quotes.
_QUOTED = re.compile(r"“[^“”\n]{1,1500}”|\"[^\"\n]{1,1500}\"")


def quoted_stretches(text: str) -> list[tuple[int, int]]:
    """The character ranges of the direct quotations in ``text`` (an unmatched quote mark
    gives none). The names said inside them are what a speaker talks about ("God gave me
    this," he said): a pronoun outside takes its antecedent from the narration."""
    return [m.span() for m in _QUOTED.finditer(text)]


#: The words of a report on a sports match: its score ("20 - 13", "3-1") and the game's terms.
_SCORE = re.compile(r"\b\d{1,3}\s?[-–]\s?\d{1,3}\b")
_GAME_TERMS = re.compile(
    r"\b(?:touchdowns?|quarterbacks?|yards|rushing|innings?|halftime|half-time|playoffs?|"
    r"overtime|penalty|penalties|goalkeeper|striker|midfielder|pitcher|home\s+runs?|"
    r"rebounds|free\s+throws?|field\s+goals?|coach|season|scored|kick-?off|wicket)\b",
    re.IGNORECASE,
)
_GAME_MIN_TERMS = 6  # distinct terms


def is_game_report(text: str) -> bool:
    """Whether the article reports a sports match: a score and at least six distinct terms
    of the game. The people it quotes by name are its players and coaches."""
    if not _SCORE.search(text):
        return False
    terms = {re.sub(r"s$", "", m.group(0).lower()) for m in _GAME_TERMS.finditer(text)}
    return len(terms) >= _GAME_MIN_TERMS


class _OfficeKinds:
    """The institutional kinds the article states for the people it names, wherever the
    role is stated ("Jeffs, 55, is head of the church" after "Warren Jeffs said"), by full
    name and by surname (a surname two people share with different kinds gives none)."""

    def __init__(self, default: SourceKind | None = None) -> None:
        self._by_name: dict[str, SourceKind | None] = {}
        self._by_surname: dict[str, SourceKind | None] = {}
        self.default = default  # the kind of a named person with no office stated

    @staticmethod
    def _key(name: str) -> str:
        return ascii_fold(_strip_honorific(_strip_possessive(_norm(name)))).lower()

    def add(self, name: str, kind: SourceKind) -> None:
        key = self._key(name)
        if not _is_bare_name(name) or not key:
            return
        for table, k in ((self._by_name, key), (self._by_surname, key.split()[-1])):
            table[k] = kind if table.get(k, kind) is kind else None

    def kind_of(self, name: str) -> SourceKind | None:
        key = self._key(name)
        if not key or not _is_bare_name(_norm(name)):
            return None
        if key in self._by_name:
            return self._by_name[key]
        return self._by_surname.get(key.split()[-1])

    def apply(self, claim: Claim, persons: set[str]) -> Claim:
        """A person source whose office the article states takes the office's kind."""
        entity = claim.source_entity
        if entity is None or claim.source_kind is not SourceKind.PERSON:
            return claim
        kind = self.kind_of(entity.name)
        if kind is None and len(entity.name.split()) >= 2 and _is_bare_name(entity.name):
            kind = self.default  # "Andrew Luck" in a game report
        if kind is None or kind is SourceKind.PERSON:
            return claim
        persons.add(entity.id)  # still "he" / "she"
        entity = dataclasses.replace(entity, kind=kind)
        return dataclasses.replace(claim, source_kind=kind, source_entity=entity)


def resolve_sources(
    text: str,
    claims: Sequence[Claim],
    *,
    mentions: Sequence[Mention] = (),
    outlet: str | None = None,
) -> tuple[list[Claim], list[Entity]]:
    """Fill ``source_entity``, ``source_kind``, ``via`` and ``channel`` of each claim.

    In an interview transcript (:mod:`claimtrace.extract.transcripts`) an answer's "A"
    is the interviewee (:func:`interviewee`) and a question's "Q" the interviewer: the
    ``outlet`` (the article's publisher) when it is known, else nobody named (kind
    media, no entity)."""
    antecedents: list[_Antecedent] = []
    persons: set[str] = set()  # entity ids the named sources resolved to people
    # players and coaches speak of their team's game (guideline, batch b9)
    offices = _OfficeKinds(SourceKind.ORGANIZATION if is_game_report(text) else None)
    quoted = quoted_stretches(text)
    acronyms = acronym_kinds(text)
    datelines = wire_datelines(text)
    companies = corporate_names(text)
    mentions = sorted(
        [
            *(m for m in mentions if not any(lo < m.end and m.start < hi for lo, hi in companies)),
            *(Mention(lo, hi, "ORG") for lo, hi in companies),
        ],
        key=lambda m: m.start,
    )
    contents = [(c.start, c.end) for claim in claims for c in claim.content]
    for m in mentions:  # named mentions are antecedents too
        reported = any(lo <= m.start and m.end <= hi for lo, hi in contents)
        if any(lo <= m.start and m.end <= hi for lo, hi in quoted):
            continue  # a name inside someone's quoted words is not who speaks next
        if any(lo <= m.start and m.end <= hi for lo, hi in datelines):
            continue  # "KARACHI (AP) —" is not what "the agency" says later refers to
        if text[m.start : m.end].lower() in _social_platforms():
            continue  # "a statement on Telegram": a medium, never who speaks next
        if m.label == "PERSON":
            m = _with_given_name(text, m)  # "Hans Kluge" where the NER took "Kluge"
        name = text[m.start : m.end]
        if m.label in ("PERSON", "GPE", "LOC"):
            # "Jeffs" after "Warren Jeffs" is him, even where the NER takes it for a place
            # ("Nichols") or a family could end in -s
            prior = _surname_antecedent(name, antecedents, persons)
            if prior is not None and (
                m.label == "PERSON" or not (country_in(name) or metonym_country(name))
            ):
                antecedents.append(_Antecedent(m.end, prior, name, reported=reported))
                office = _mention_role_kind(text, m.start, m.end, acronyms)
                if office is not None:
                    offices.add(prior.name, office)
                continue
        guessed = _unknown_place_as_org(text, m)
        if guessed is not m:  # "Nvidia reported ...": only "the company" may refer to it
            ent = make_entity(name, SourceKind.ORGANIZATION, mentions=[(name, "ORG")])
            if ent:
                antecedents.append(_Antecedent(m.end, ent, name, reported=reported, guess=True))
            continue
        if m.label in ("PERSON", "ORG"):
            kind = classify_kind(name, ner_label=m.label)
            office = (
                _mention_role_kind(text, m.start, m.end, acronyms) if m.label == "PERSON" else None
            )
            kind = office or kind  # "Interior Secretary Dirk Kempthorne": his office
            ent = make_entity(name, kind, mentions=[(name, m.label)])
            if ent:
                antecedents.append(_Antecedent(m.end, ent, name, reported=reported))
                if office is not None:
                    persons.add(ent.id)  # still a person: "he", "Kempthorne"
                    offices.add(ent.name, office)
    out: list[Claim] = []
    entities: dict[str, Entity] = {}
    police_story = is_police_story(text)
    turns = {t.label.start: t for t in qa_turns(text)}
    guest = interviewee(text, list(turns.values()), mentions, antecedents, persons)
    answers = [
        (t.content[0].start, t.content[-1].end) for t in turns.values() if t.role != QUESTION
    ]
    for claim in sorted(claims, key=lambda c: _first(c)):
        with contextlib.suppress(Exception):  # never lose a claim over its source analysis
            turn = turns.get(claim.source[0].start) if len(claim.source) == 1 else None
            if turn is not None and turn.label.end == claim.source[0].end:
                claim = _turn_source(
                    text, claim, turn, guest, outlet, (mentions, antecedents, persons)
                )
            else:
                claim = _resolve_one(text, claim, mentions, antecedents, persons)
                claim = _speaking_guest(claim, answers, guest)
            claim = _home_government(claim, text)
            claim = offices.apply(claim, persons)
            claim = _police_rank(claim, police_story)
        out.append(claim)
        for ent in (claim.source_entity, *(v.entity for v in claim.via)):
            if ent is not None:
                prior = entities.get(ent.id)
                if prior is None:
                    entities[ent.id] = ent
                else:
                    aliases = tuple(dict.fromkeys((*prior.aliases, *ent.aliases)))
                    entities[ent.id] = dataclasses.replace(prior, aliases=aliases)
        if claim.source_entity is not None and claim.source:
            antecedents.append(
                _Antecedent(claim.source[-1].end, claim.source_entity, claim.source[0].text, True)
            )
            antecedents.sort(key=lambda a: a.end)
    if _company_heads(out, offices):  # an office learnt from the claims: apply it to all
        out = [offices.apply(claim, persons) for claim in out]
    for claim in out:  # the article's entities take the kinds the claims ended with
        ent = claim.source_entity
        if ent is not None and ent.id in entities and entities[ent.id].kind is not ent.kind:
            entities[ent.id] = dataclasses.replace(entities[ent.id], kind=ent.kind)
    order = {c.id: i for i, c in enumerate(claims)}
    out.sort(key=lambda c: order.get(c.id, 0))
    return reports_of_reports(quoted_saying(text, out, mentions)), list(entities.values())


_POLICE_WORDS = re.compile(r"\b(?:police|sheriff|sheriff's|precinct|constable|patrol)\b", re.I)
_MILITARY_WORDS = re.compile(
    r"\b(?:army|military|troops|soldiers?|navy|naval|air\s+force|marines?|pentagon|"
    r"armed\s+forces|defen[cs]e\s+(?:ministry|department|forces)|battalion|brigade|regiment)\b",
    re.I,
)
#: Ranks that police forces share with armies: "Lt. Frank Vanore", "Sgt. Ann Ruiz".
_SHARED_RANK = re.compile(
    r"\b(?:lt\.|lieutenant|sgt\.|sergeant|capt\.|captain|cmdr\.|commander|maj\.|major|"
    r"col\.|colonel|chief)(?=\s|$)",
    re.I,
)


def is_police_story(text: str) -> bool:
    """Whether ``text`` speaks of the police and never of armed forces: there, a rank
    ("Lt.", "Sgt.", "Capt.") is a police officer's, not a soldier's."""
    return bool(_POLICE_WORDS.search(text)) and not _MILITARY_WORDS.search(text)


def _police_rank(claim: Claim, police_story: bool) -> Claim:
    """A source that is military only by a shared rank is a police officer, government, in
    a police story ("Lt. Frank Vanore said", and later "Vanore said")."""
    if not police_story or claim.source_kind is not SourceKind.MILITARY:
        return claim
    words = [" ".join(s.text for s in claim.source)]
    if claim.source_entity is not None:
        words += [claim.source_entity.name, *claim.source_entity.aliases]
    if not any(_SHARED_RANK.search(w) for w in words):
        return claim
    entity = claim.source_entity
    if entity is not None:
        entity = dataclasses.replace(entity, kind=SourceKind.GOVERNMENT)
    return dataclasses.replace(claim, source_kind=SourceKind.GOVERNMENT, source_entity=entity)


#: The introduction's verb of the interview and its object: "We spoke to her", "she talked
#: with Hanna Lindqvist", "I interviewed him".
_INTERVIEW_OBJECT = re.compile(
    r"\b(?:(?:spoke|speaks|talked|talks|sat\s+down|caught\s+up|chatted|chats)\s+"
    r"(?:to|with)|interviewed|interviews|asked|asks|reached)\s+"
    r"(?P<obj>him|her|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})",
)


def interviewee(
    text: str,
    turns: Sequence[Turn],
    mentions: Sequence[Mention],
    antecedents: Sequence[_Antecedent],
    persons: Collection[str] = (),
) -> Entity | None:
    """Who answers in the transcript ``turns`` of ``text``: the person the introduction
    (the text before the first turn) names, preferring the one it says it spoke to
    ("We spoke to her", "talked with Jane Roe"), else the first person it names; None
    without a transcript or a person named before it."""
    if not turns:
        return None
    intro_end = min(t.label.start for t in turns)
    named = [
        a
        for m in mentions
        if m.label == "PERSON" and m.end <= intro_end
        for a in antecedents
        if a.end == m.end and not a.from_claim and _is_person_entity(a.entity, persons)
    ]
    for m in _INTERVIEW_OBJECT.finditer(text, 0, intro_end):
        obj, at = m.group("obj"), m.start("obj")
        if obj.lower() in ("him", "her"):
            entity = resolve_coreference(obj, at, named, persons, text)
            if entity is not None:
                return entity
            continue
        for a in named:  # the name itself, or a person named before by it
            if at <= a.end - len(a.text) < m.end("obj") or a.entity.name in obj:
                return a.entity
    return named[0].entity if named else None


def _speaking_guest(
    claim: Claim, answers: Sequence[tuple[int, int]], guest: Entity | None
) -> Claim:
    """An "I" that reports inside an answer of a transcript ("I told the council it would
    fail") is the interviewee ``guest``."""
    if guest is None or len(claim.source) != 1:
        return claim
    src = claim.source[0]
    if src.text.lower() not in ("i", "me") or not any(
        lo <= src.start and src.end <= hi for lo, hi in answers
    ):
        return claim
    return dataclasses.replace(claim, source_kind=guest.kind, source_entity=guest)


def _turn_source(
    text: str,
    claim: Claim,
    turn: Turn,
    guest: Entity | None,
    outlet: str | None,
    context: tuple[Sequence[Mention], list[_Antecedent], set[str]],
) -> Claim:
    """``claim``, a transcript turn, with its label's entity: the interviewer (``outlet``
    or nobody named, kind media) for a question, the interviewee ``guest`` (or nobody
    named, kind person) for an "A" answer; an answer labelled by a name ("LINDQVIST") is
    the interviewee when the name is one of the interviewee's, else resolved as any name."""
    if turn.role == QUESTION:
        entity = make_entity(outlet, SourceKind.MEDIA) if outlet else None
        kind = SourceKind.MEDIA
    elif turn.named:
        words = {w.lower().strip(".") for w in guest.name.split()} if guest else set()
        if not set(turn.label.text.lower().split()) <= words:
            entity = _resolve_named(text, claim.source, *context[:2], False, context[2])
            kind = entity.kind if entity else SourceKind.PERSON
            return dataclasses.replace(claim, source_kind=kind, source_entity=entity)
        entity, kind = guest, guest.kind if guest else SourceKind.PERSON
    else:
        entity, kind = guest, guest.kind if guest else SourceKind.PERSON
    if entity is not None and turn.label.text not in entity.aliases:
        entity = dataclasses.replace(entity, aliases=(*entity.aliases, turn.label.text))
    return dataclasses.replace(claim, source_kind=kind, source_entity=entity)


#: "X quoted Y saying Z": the participle of the quoted party's words (with or without
#: "as"), the stretch from the citing cue to the quoted party (its description: "an
#: eyewitness,"), and what stands between the quoted party and the participle.
_QUOTED_PARTICIPLE = re.compile(
    r"(?:as\s+)?(?:saying|stating|telling|claiming|warning|adding)", re.IGNORECASE
)
_QUOTED_PARTY_GAP = re.compile(r"\s+(?:[^.;:\n“”\"()]{0,90}?,\s*)?")
_QUOTED_PARTY_TAIL = re.compile(r"\s*(?:,\s*)?(?:as\s+)?")
#: The reporter opening the sentence of "X quoted Y saying": a short phrase, no clause.
_QUOTING_REPORTER = re.compile(
    r"\s*(?P<rep>(?:[\w.'’&-]+\s+){0,6}?[\w.'’&-]+)\s+(?:quoted|cited)", re.IGNORECASE
)


def _sentence_reporter(
    text: str, claim: Claim, mentions: Sequence[Mention]
) -> tuple[Span, Entity | None] | None:
    """The reporter of "X quoted Y saying" when the tagger gave "quoted" no claim: the
    phrase from the sentence start to the citing verb, when the quoted party follows it."""
    lo = _sentence_window(text, claim)[0]
    m = _QUOTING_REPORTER.match(text, lo, claim.source[0].start)
    if m is None or not _QUOTED_PARTY_GAP.fullmatch(text, m.end(), claim.source[0].start):
        return None
    rep = Span.of(text, m.start("rep"), m.end("rep"))
    return rep, _span_entity(text, rep, mentions)


def quoted_saying(
    text: str, claims: Sequence[Claim], mentions: Sequence[Mention] = ()
) -> list[Claim]:
    """ "The Post quoted an aide, Jo Lind, saying ...": the tagger gives the participle a
    claim of its own, with the quoted party as its source. That claim's source becomes the
    citing claim's ("The Post", or the phrase opening the sentence when "quoted" has no
    claim), and the quoted party its first via-link, as "X quoted Y as saying" is read by
    :func:`find_via`."""
    citing = [
        c
        for c in claims
        if c.source and c.cue and _norm(c.cue[-1].text).lower() in ("quoted", "cited")
    ]
    out = []
    for claim in claims:
        if claim.source and claim.cue and not claim.via:
            src, cue = claim.source, claim.cue
            participle = _QUOTED_PARTICIPLE.fullmatch(" ".join(s.text for s in cue))
            tail = _QUOTED_PARTY_TAIL.fullmatch(text, src[-1].end, cue[0].start)
            outer = [
                c
                for c in citing
                if c is not claim
                and c.cue[-1].end <= src[0].start
                and _QUOTED_PARTY_GAP.fullmatch(text, c.cue[-1].end, src[0].start)
            ]
            if participle and tail:
                link = ViaLink(source=src, cue=cue, entity=claim.source_entity)
                if outer:
                    o = outer[-1]
                    reporter = (o.source, o.source_entity, o.source_kind)
                elif found := _sentence_reporter(text, claim, mentions):
                    rep, entity = found
                    kind = entity.kind if entity else classify_kind(rep.text)
                    reporter = ((rep,), entity, kind)
                else:
                    reporter = None
                if reporter is not None:
                    source, entity, kind = reporter
                    claim = dataclasses.replace(
                        claim, source=source, source_entity=entity, source_kind=kind, via=(link,)
                    )
        out.append(claim)
    return out


#: Cues of an inner report that an outer one relays ("Police believe X, the station
#: reported"): saying, and the other reporting verbs of news (assessing, citing, alleging,
#: believing, estimating ...), in any inflection.
_SAYING = re.compile(
    r"\b(?:said|says?|told|tells?|stat(?:ed?|es)|wr(?:ote|ites?|itten)|according\s+to|"
    r"thought|thinks?|(?:confirm|claim|report|add|insist|warn|assess|suspect|argu|explain|"
    r"suggest|predict|acknowledg|announc|cit|alleg|believ|estimat|accus|conclud|"
    r"emphasi[sz]|downplay)(?:e|es|s|ed|d)?|not(?:e|es|ed)|den(?:y|ies|ied))\b",
    re.IGNORECASE,
)
#: Cues of an outer claim that rejects what it holds rather than relaying it: "North Korea
#: denied the report, first alleged by Seoul" does not pass on Seoul's claim.
_REJECTING = re.compile(
    r"\b(?:den(?:y|ies|ied|ying)|dismiss\w*|reject\w*|refut\w*|disput\w*|rebut\w*|"
    r"downplay\w*|played\s+down|plays?\s+down|doubt\w*|question(?:s|ed|ing)?|contest\w*)\b",
    re.IGNORECASE,
)


def reports_of_reports(claims: Sequence[Claim]) -> list[Claim]:
    """ "The minister confirmed the strike, The Guardian reports": the Guardian's claim
    reaches back to the minister, whose report its content holds. A claim without a
    via-chain whose content contains another claim's cue and source (a cue of saying)
    gets that claim's source as its first via-link, followed by that claim's own chain,
    and, when it has none of its own, that claim's channel ("According to X, the woman
    admitted in court that ..." -> "court").
    A claim whose cue rejects its content (a denial, a dismissal) relays nothing."""
    out = []
    for outer in claims:
        rejects = _REJECTING.search(" ".join(s.text for s in outer.cue))
        if not outer.via and outer.source and outer.content and not rejects:
            inner = [
                c
                for c in claims
                if c is not outer
                and c.source
                and c.cue
                and c.source_entity is not None
                and c.source_entity != outer.source_entity
                and all(inside(s, outer.content) for s in (*c.cue, *c.source))
                and _SAYING.search(" ".join(s.text for s in c.cue))
            ]
            if inner:
                first = min(inner, key=lambda c: c.cue[0].start)
                link = ViaLink(source=first.source, cue=first.cue, entity=first.source_entity)
                # the medium of the relayed report is the claim's, labelled by its cue
                channel = outer.channel or first.channel
                outer = dataclasses.replace(outer, via=(link, *first.via), channel=channel)
        out.append(outer)
    return out


def _first(claim: Claim) -> int:
    spans = [*claim.source, *claim.cue, *claim.content]
    return min((s.start for s in spans), default=0)


_DETERMINER_WORD = re.compile(
    r"\b(?:the|a|an|his|her|its|their|this|these|those)\s+(?=\S)", re.IGNORECASE
)
_RELATIVE_NP = re.compile(
    r"((?:the|a|an|his|her|its|their|this|these|those|some|many|several|two|three)\s+"
    r"[^,;.:()\"“”]{1,60}?|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4})\s*,?\s*$"
)


def _relative_antecedent(
    text: str,
    position: int,
    mentions: Sequence[Mention],
    antecedents: Sequence[_Antecedent],
    social: bool,
) -> Entity | None:
    """The entity of the phrase a relative "who" / "which" attaches to:
    "the new arrivals, who ..." -> "the new arrivals"."""
    before = text[max(0, position - 90) : position]
    cut = max(before.rfind(". "), before.rfind("\n"))
    before = before[cut + 1 :] if cut >= 0 else before
    stripped = before.rstrip(" ,")
    end = position - (len(before) - len(stripped))
    for a in reversed(antecedents):  # the source of a claim just before it
        if a.from_claim and 0 <= end - a.end <= 1:
            return a.entity
    for m in mentions:  # a named mention just before
        if m.label in ("PERSON", "ORG", "GPE", "NORP") and 0 <= end - m.end <= 1:
            name = text[m.start : m.end]
            kind = classify_kind(name, ner_label=m.label, social_channel=social)
            return make_entity(name, kind, mentions=[(name, m.label)])
    dets = list(_DETERMINER_WORD.finditer(stripped))
    if dets and len(stripped) - dets[-1].start() <= 60:
        phrase = stripped[dets[-1].start() :].strip()
    else:
        match = _RELATIVE_NP.search(stripped)
        if not match:
            return None
        phrase = match.group(1).strip()
    for a in reversed(antecedents):
        if a.text == phrase:
            return a.entity
    if is_pronoun(phrase):
        return None
    kind = classify_kind(phrase, social_channel=social)
    return make_entity(phrase, kind)


def _resolve_one(
    text: str,
    claim: Claim,
    mentions: Sequence[Mention],
    antecedents: list[_Antecedent],
    persons: set[str],
) -> Claim:
    if not claim.cue and not claim.content:
        return claim
    claim = _split_addressee(text, claim)
    window = _sentence_window(text, claim)
    cue_at = claim.cue[0].start if claim.cue else window[0]
    cue_end = claim.cue[-1].end if claim.cue else cue_at
    # the channel may stand before the source ("Speaking to reporters, X said"): measure
    # its distance from the source-and-cue stretch, never inside the source itself
    anchor = min([cue_at, *(s.start for s in claim.source)])
    # ... and after a source that follows its cue from the source's end ("wrote film
    # director Osman Laban, the victim's nephew, on Facebook")
    anchor_end = max([cue_end, *(s.end for s in claim.source)])
    channel = (
        claim.channel
        or find_channel(
            text,
            window,
            anchor,
            cue_end=anchor_end,
            exclude=(*claim.content, *claim.source, *_source_relative_clause(text, claim)),
        )
        or _opening_channel(text, window, claim)
    )
    social = is_social_channel(channel.text if channel else None)

    claim = _passive_citation(text, window, claim) or _relative_citation(text, claim) or claim
    # nested attribution: search from the cue on ("X reported ..., citing Y") or, when
    # the source stands before the cue, from the source on ("X, citing Y, reported ...")
    via: tuple[ViaLink, ...] = claim.via
    content = claim.content
    if not via and claim.cue:
        start = claim.cue[0].start
        if claim.source and claim.source[-1].end <= start:
            start = claim.source[-1].end
        found = (
            find_via(text, (start, window[1]))
            or _leading_citation(text, window, claim)
            or _interposed_citation(text, claim)
            or _relayed_telling(text, claim)
        )
        if found:
            link, (vlo, vhi) = found
            via = (_with_entity(link, text, mentions),)
            kept = tuple(c for c in content if not (vlo <= c.start and c.end <= vhi + 1))
            content = kept or content
    via = tuple(link if link.entity else _with_entity(link, text, mentions) for link in via)

    if claim.source and is_dateline(text, claim.source[0], mentions):
        claim = dataclasses.replace(claim, source=())  # "Jaipur: A man who was ..."
    if not claim.source:
        return dataclasses.replace(
            claim,
            source_kind=SourceKind.UNATTRIBUTED,
            source_entity=None,
            via=via,
            channel=channel,
            content=content,
        )
    source = _without_intensifier(text, claim.source)
    src = source[0]
    src_text = strip_trailing_time(" ".join(s.text for s in source))
    entity = None
    possessor = _document_possessor(src_text)
    if possessor is not None:  # "according to the agency's figures": the agency
        entity = resolve_coreference(possessor, src.start, antecedents, persons, text)
    described = _age_description(src_text)
    if described is not None:  # "the 41-year-old D.C.-area woman": someone named before
        entity = resolve_coreference(described, src.start, antecedents, persons, text)
    if (
        entity is None
        and metonym_country(src_text) is None
        and (is_pronoun(src_text) or is_definite_nominal(src_text))
    ):
        if _norm(src_text).lower() in ("who", "which", "that"):
            entity = _relative_antecedent(text, src.start, mentions, antecedents, social)
        else:
            entity = resolve_coreference(src_text, src.start, antecedents, persons, text)
        if entity is None and is_pronoun(src_text):
            kind = (
                SourceKind.PERSON
                if _norm(src_text).lower() in _PERSON_PRONOUNS
                else SourceKind.OTHER
            )
            if social:
                kind = SourceKind.SOCIAL_MEDIA
            return dataclasses.replace(
                claim,
                source_kind=kind,
                source_entity=None,
                via=via,
                channel=channel,
                content=content,
            )
    if entity is None:
        entity = _resolve_named(text, source, mentions, antecedents, social, persons)
    kind = entity.kind if entity else classify_kind(src_text, social_channel=social)
    if social and kind in (SourceKind.PERSON, SourceKind.OTHER, SourceKind.ANONYMOUS):
        kind = SourceKind.SOCIAL_MEDIA
        if entity is not None:
            entity = dataclasses.replace(entity, kind=kind)
    return dataclasses.replace(
        claim, source_kind=kind, source_entity=entity, via=via, channel=channel, content=content
    )


#: What a source issues, after its possessive: "the agency's figures", "the ministry's data".
_ISSUED = re.compile(
    r"(?P<owner>(?:the|this|that)\s+[\w\s-]+?)['’]s\s+(?:own\s+|latest\s+|new\s+|"
    r"preliminary\s+|official\s+|initial\s+)?(?:figures|data|numbers|statistics|estimates?|"
    r"tally|count|records|report|statement|analysis|assessment|survey|findings|website)$",
    re.IGNORECASE,
)


def _age_description(text: str) -> str | None:
    """The pronoun a definite description by age stands for ("the 41-year-old woman" ->
    "she", "the 34-year-old" -> "who"), or None: news names a person and then describes
    her by her age."""
    t = _norm(text).strip(" ,")
    if not re.match(r"(?:the|The)\s", t) or not _AGE_NOMINAL.search(t):
        return None
    return {"f": "she", "m": "he"}.get(_NOUN_GENDER.get(_np_head(t), ""), "who")


def _document_possessor(text: str) -> str | None:
    """The definite nominal that owns a document or figures named as a source ("the
    agency" in "the agency's figures"), or None."""
    m = _ISSUED.fullmatch(_norm(text).strip(" ,"))
    if m is None or not is_definite_nominal(m.group("owner")):
        return None
    return m.group("owner")


_INTENSIFIER = re.compile(r"\s*,?\s+(?:himself|herself|itself|themselves)\s*,?\s*$", re.IGNORECASE)


def _without_intensifier(text: str, source: Sequence[Span]) -> Sequence[Span]:
    """The source spans without an emphatic reflexive after the name, which says nothing of
    who speaks: "Berg himself" is Berg, "the minister herself" the minister."""
    last = source[-1]
    m = _INTENSIFIER.search(last.text)
    if m is None or m.start() == 0:
        return source
    return (*source[:-1], Span.of(text, last.start, last.start + m.start()))


#: A place opening the article before a colon, and the story that runs on after it.
_DATELINE = re.compile(r"\s*:\s+(?P<body>[^\n]*)")
_DATELINE_MIN_POPULATION = 10_000


def is_dateline(text: str, source: Span, mentions: Sequence[Mention] = ()) -> bool:
    """Whether a source is the dateline of the article ("Jaipur: A man who was ..."): a
    place name at the very start of the text, followed by a colon and a story that runs on
    past its first sentence on that line. A person or an organisation before a colon
    ("Putin: sanctions will fail", a headline) and a headline's place ("Moscow: ...", short
    and followed by a line break) are sources."""
    if text[: source.start].strip() or len(source.text.split()) > 3:
        return False
    m = _DATELINE.match(text, source.end)
    if m is None or not (". " in m.group("body") or len(m.group("body")) > 120):
        return False
    labels = {k.label for k in mentions if k.start < source.end and source.start < k.end}
    if labels & {"PERSON", "ORG"}:
        return False
    if labels & {"GPE", "LOC"} or country_in(source.text):
        return True
    return any(
        e.fcode.startswith("PPL") and e.population >= _DATELINE_MIN_POPULATION
        for e in load_gazetteer().lookup(source.text)
    )


#: A connective before a sentence-opening channel: "Then, in a statement ...".
_OPENING_CONNECTIVE = re.compile(
    r"\s*(?:(?:Then|But|And|Later|Earlier|However|Meanwhile|Separately|Also|Still|Yet|So)"
    r"\s*,?\s+)?"
)
#: What may stand between an opening channel and the source: the medium's own modifier
#: ("released shortly after the senator quit"), then the comma that closes it.
_OPENING_TAIL = re.compile(r"[^.;:“”\"()]{0,140}?,\s*")


def _opening_channel(text: str, window: tuple[int, int], claim: Claim) -> Span | None:
    """The medium that opens the sentence and frames its main clause, however long its
    modifier: "In a statement released shortly after the senator suspended his campaign,
    Cruz said ...". Only when the phrase, its modifier and a comma fill the whole stretch
    from the sentence start to the claim's source, which precedes its cue, so that a
    medium of another clause is never taken."""
    if not claim.source or not claim.cue or claim.source[0].start > claim.cue[0].start:
        return None
    lo, src_at = window[0], claim.source[0].start
    if src_at <= lo:
        return None
    lead = _OPENING_CONNECTIVE.match(text, lo, src_at)
    m = _channel_regexes()[0].match(text, lead.end() if lead else lo, src_at)
    if m is None or not _OPENING_TAIL.fullmatch(text, m.end(), src_at):
        return None
    return Span.of(text, m.start("ch"), m.end("ch"))


_RELATIVE_OPENING = re.compile(r"\s*,?\s*(?:who|whom|whose|which)\b", re.IGNORECASE)


def _source_relative_clause(text: str, claim: Claim) -> tuple[Span, ...]:
    """The relative clause between the source and its cue ("Crawford, who worked on the
    book, said"): it describes the source, so a medium in it is not the claim's channel."""
    if not claim.source or not claim.cue:
        return ()
    src_end, cue_at = claim.source[-1].end, claim.cue[0].start
    if src_end >= cue_at or not _RELATIVE_OPENING.match(text, src_end, cue_at):
        return ()
    return (Span.of(text, src_end, cue_at),)


_ADDRESSEE = re.compile(r"\s+to\s+(?P<outlet>(?:the\s+)?[A-Z][^,;:]*?)[\s,]*$")


def _split_addressee(text: str, claim: Claim) -> Claim:
    """'said resident Ana Ruiz to the Associated Press': an outlet a person spoke to,
    taken into the source span after an inverted cue, is the claim's channel, not part of
    its source. Only after a person ("farmer Joe Kamau"), so that a name holding "to"
    ("the Committee to Protect Journalists") stays whole."""
    if len(claim.source) != 1 or claim.channel is not None:
        return claim
    src = claim.source[0]
    m = _ADDRESSEE.search(src.text)
    if not m or m.start() == 0 or classify_kind(m.group("outlet")) is not SourceKind.MEDIA:
        return claim
    if classify_kind(src.text[: m.start()]) not in (SourceKind.PERSON, SourceKind.OTHER):
        return claim  # "a member of the Committee to Protect Journalists": one name
    start = src.start + m.start("outlet")
    return dataclasses.replace(
        claim,
        source=(Span.of(text, src.start, src.start + m.start()),),
        channel=Span.of(text, start, start + len(m.group("outlet"))),
    )


#: Academics speak for themselves (guideline: "a professor ... is person"), whatever field
#: or town stands before the title: "Miami media professor Carlos Pena".
_ACADEMIC_HEADS = frozenset({"professor", "lecturer", "scholar", "historian", "academic"})


#: What someone is to the family of the story: "daughter of slain court reporter X".
_FAMILY_NOUNS = frozenset(
    re.findall(
        r"\S+",
        "sister brother daughter son mother father wife husband widow widower cousin aunt "
        "uncle niece nephew grandmother grandfather grandson granddaughter sibling relative "
        "fiance fiancee girlfriend boyfriend stepfather stepmother mom dad parent",
    )
)


def _private_role(role: str) -> bool:
    """Whether an apposition makes its holder a private person: an academic ("a
    professor of nutrition at the University of Y", "a Yale Law School lecturer"), a
    relative ("daughter of ..."), or a professional not speaking for anyone ("a veteran
    capital defense attorney"; not "a lawyer for the ministry")."""
    head = _np_head(role)
    if head in _ACADEMIC_HEADS or head in _FAMILY_NOUNS:
        return True
    return head in (
        "attorney",
        "lawyer",
        "doctor",
        "physician",
        "surgeon",
        "psychologist",
    ) and not _SPEAKS_FOR.match(_after_head(role))


def _head_mentions(name: str, found: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The NER mentions of a source phrase less a one-word "person" that only modifies a
    plural common noun right after it ("Unconfirmed reports", where the NER took the
    adjective for a name; "Obama aides" are not Obama)."""
    m = re.fullmatch(r"(?P<word>[A-Z][\w-]*)\s+(?P<head>[a-z][\w-]*s)", _norm(name).strip(" ,"))
    if m is None:
        return found
    return [(t, label) for t, label in found if not (label == "PERSON" and t == m["word"])]


def _resolve_named(
    text: str,
    source: Sequence[Span],
    mentions: Sequence[Mention],
    antecedents: Sequence[_Antecedent],
    social: bool,
    persons: set[str],
) -> Entity | None:
    """The entity of a source that is not a pronoun or a definite nominal: apposition
    ("X, president of Y"), unnamed voices of an institution ("a spokesperson for Y"),
    surnames of people named before ("Oppal"), or the phrase itself."""
    src_text = " ".join(s.text for s in source)
    lo, hi = source[0].start, source[-1].end

    def inner(part: str) -> list[tuple[str, str]]:
        i = text.find(part, lo, hi) if part else -1
        if i < 0:
            return [
                (text[m.start : m.end], m.label) for m in mentions if lo <= m.start and m.end <= hi
            ]
        return [
            (text[m.start : m.end], m.label)
            for m in mentions
            if i <= m.start and m.end <= i + len(part)
        ]

    def label_of(part: str) -> str | None:
        """The NER label of the last name in ``part``; a one-word "place" no gazetteer
        knows is an organization there ("Apple" in "Apple CEO Tim Cook")."""
        found = inner(part)
        if not found:
            return None
        name, label = found[-1]
        return "ORG" if label == "GPE" and _is_unknown_place(name) else label

    name, role = split_apposition(src_text)
    people = _people_entity(name)
    if people is not None:
        return people  # "Retired rail workers Brent and Lynnette Hain": several people
    before = [a for a in antecedents if a.end <= lo]  # what the source can refer back to
    family = _family_antecedent(name, before)
    if family is not None:
        return family
    role_k = role_kind(role, label_of) if role else None
    if role and _private_role(role):
        role_k = SourceKind.PERSON  # "X, a professor of nutrition at ...", "daughter of Y"
    # "A spokesperson for the developer, Harlow Homes": the voice's institution decides,
    # not the government sense of a bare "spokesperson"
    role_voice = voice_institution(role) if role else None
    role_plain = classify_kind(role_voice or role) if role and not role.isdigit() else None
    if role_plain in (SourceKind.OTHER, SourceKind.UNATTRIBUTED, SourceKind.ANONYMOUS):
        role_plain = None
    inst = voice_institution(name)
    if inst:
        found = inner(inst)
        label = found[-1][1] if found else None
        kind = role_k or role_plain or classify_kind(inst, ner_label=label, social_channel=social)
        if kind in (SourceKind.PERSON, SourceKind.OTHER) and _proper_words(inst, None):
            kind = SourceKind.ORGANIZATION  # a named body that has a spokesperson
        entity = make_entity(inst, kind, mentions=found)
        return dataclasses.replace(entity, aliases=(src_text,)) if entity else None
    # "Mr. de Blasio, a Democrat,": an honorific marks a person named before, role or not
    if not role or _norm(name).split()[0].lower() in _HONORIFICS:
        prior = _surname_antecedent(name, before, persons)
        if prior is not None:
            return prior
    same = _same_name_antecedent(name, before)
    if same is not None and not role:
        return same  # "Stratfor said" after "the risk consultancy Stratfor"
    masthead = _masthead_antecedent(name, before)
    if masthead is not None and not role:
        return masthead
    short = _short_name_antecedent(name, before)
    if short is not None and not role:
        return short
    epithet = _epithet_antecedent(name, before, persons)
    if epithet is not None and not role:
        return epithet
    found = _head_mentions(name, inner(name))
    label = found[-1][1] if found else None
    if (
        label in ("GPE", "LOC")
        and _is_bare_name(name)
        and len(name.split()) >= 2
        and not (metonym_country(name) or country_in(name))
    ):
        label = None  # "Senad Mehmedbasic" is no place
    if role_k is None and not role:  # a role before the name: "Pizza House manager X Y"
        person = _person_name(name)
        if person and len(person.split()) >= 2 and person != name:
            before_name = name[: len(name) - len(person)]
            role_k = role_kind(before_name, label_of)
            if role_k is None and _head_word(before_name) in _ACADEMIC_HEADS:
                role_k = SourceKind.PERSON  # "Miami media professor X": speaks for herself
    kind = role_k or role_plain or classify_kind(name, ner_label=label, social_channel=social)
    if role_voice and kind in (SourceKind.PERSON, SourceKind.OTHER) and _proper_words(name, None):
        kind = SourceKind.ORGANIZATION  # a named body that has a spokesperson
    if kind is SourceKind.OTHER and _AGE_APPOSITION.search(_norm(src_text).strip(" ,") + ","):
        kind = SourceKind.SOCIAL_MEDIA if social else SourceKind.PERSON  # "Petrov, 61,"
    entity = make_entity(name, kind, mentions=found)
    if (
        entity is not None
        and label != "ORG"
        and len(entity.name.split()) >= 2
        and _is_bare_name(entity.name)
        and (label == "PERSON" or role or _person_name(name) != _strip_the(name))
    ):
        persons.add(entity.id)  # "Rajesh Chharia, president of ..." is a person
    return entity


def article_country(text: str) -> Country | None:
    """The country an article is about: the one named most often (by name, demonym,
    capital or seat of power), at least twice and more often than any other."""
    names, demonyms, _ = _country_index()
    counts: dict[str, int] = {}
    by_slug: dict[str, Country] = {}
    for m in _country_regex().finditer(text):
        key = m.group(1).lower()
        if key in ("us", "uk") and m.group(1) != m.group(1).upper():
            continue
        c = names.get(key) or demonyms.get(key)
        if c:
            counts[c.slug] = counts.get(c.slug, 0) + 1
            by_slug[c.slug] = c
    for c in _metonym_hits(text):
        counts[c.slug] = counts.get(c.slug, 0) + 1
        by_slug[c.slug] = c
    if not counts:
        return None
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return by_slug[ranked[0][0]]


@functools.cache
def _metonym_regex() -> re.Pattern:
    _, _, metonyms = _country_index()
    alts = sorted((re.escape(k) for k in metonyms), key=len, reverse=True)
    return re.compile(r"(?<![\w.])(?:" + "|".join(alts) + r")(?![\w])", re.IGNORECASE)


def _metonym_hits(text: str) -> list[Country]:
    """Countries whose capital or seat of power is named in ``text`` (case-sensitive)."""
    _, _, metonyms = _country_index()
    out = []
    for m in _metonym_regex().finditer(text):
        c = metonyms.get(m.group(0).lower())
        if c and m.group(0)[:1].isupper():
            out.append(c)
    return out


#: An unqualified whole government: "the government", "the federal government".
_BARE_GOVERNMENT = re.compile(
    r"^(?:the\s+)?(?:(?:federal|national|central|state|interim|new)\s+)?"
    r"(?:government|administration)$",
    re.IGNORECASE,
)


def _home_government(claim: Claim, text: str) -> Claim:
    """ "the government" with no country named before it is the article's country's
    government; "officials in Moscow" are Russia's unnamed officials."""
    ent = claim.source_entity
    if ent is None or ent.country is not None or not claim.source:
        return claim
    src_text = _norm(" ".join(s.text for s in claim.source))
    if claim.source_kind is SourceKind.GOVERNMENT and _BARE_GOVERNMENT.match(src_text):
        home = article_country(text)
        if home is None:
            return claim
        new = Entity(
            f"{home.slug}/government",
            f"{home.name} (government)",
            SourceKind.GOVERNMENT,
            home.iso2,
            (src_text,),
        )
        return dataclasses.replace(claim, source_entity=new)
    if claim.source_kind is SourceKind.ANONYMOUS:
        places = _metonym_hits(src_text)
        if places:
            c = places[0]
            new = Entity(
                f"{c.slug}/anonymous",
                f"{c.name} (unnamed sources)",
                SourceKind.ANONYMOUS,
                c.iso2,
                (src_text,),
            )
            return dataclasses.replace(claim, source_entity=new)
    return claim
