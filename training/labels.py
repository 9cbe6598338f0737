"""Entity label mapping used to build claimtrace's training data.

Target labels (OntoNotes-style names, so users of spaCy feel at home):

    PERSON  people, incl. fictional ones                 (UNER PER, GMB per minus leading titles)
    ORG     companies, agencies, institutions, media,     (UNER ORG, GMB org)
            parties, teams, apps/services run by a company
    GPE     countries, cities, states, governments        (UNER LOC / GMB geo, unless a physical-location cue)
    LOC     non-political locations: continents, regions, (UNER LOC / GMB geo with a cue word, see LOC_WORDS
            rivers, seas, mountains, streets, facilities   and LOC_NAMES below)
    NORP    nationalities, religious / political groups,  (UNER OTH and GMB gpe when demonym-like, see
            used as adjectives or nouns ("Ukrainian",      is_norp)
            "North Korean", "Shiites")

UNER only distinguishes PER/ORG/LOC (+OTH, ignored by its official scorer), so the
GPE/LOC split is a heuristic (cue words / a list of non-political place names).  For
comparable UNER figures we map predictions back: PERSON->PER, ORG->ORG, GPE|LOC->LOC,
NORP->(dropped); see training/evaluate.py.
"""

import re

LOC_WORDS = {
    "river",
    "sea",
    "ocean",
    "lake",
    "mountain",
    "mountains",
    "mount",
    "mt",
    "mt.",
    "valley",
    "gulf",
    "bay",
    "island",
    "islands",
    "peninsula",
    "desert",
    "park",
    "street",
    "st.",
    "road",
    "rd",
    "rd.",
    "avenue",
    "ave",
    "ave.",
    "boulevard",
    "blvd",
    "blvd.",
    "highway",
    "canal",
    "coast",
    "beach",
    "forest",
    "hill",
    "hills",
    "falls",
    "canyon",
    "strait",
    "straits",
    "channel",
    "basin",
    "square",
    "airport",
    "bridge",
    "station",
    "plaza",
    "lane",
    "drive",
    "creek",
    "glacier",
    "reef",
    "cape",
    "delta",
    "plain",
    "plains",
    "region",
    "continent",
    "hemisphere",
    "pass",
    "trail",
    "freeway",
    "interstate",
    "center",
    "centre",
    "mall",
    "building",
    "tower",
    "stadium",
    "arena",
    "harbor",
    "harbour",
    "port",
}
LOC_NAMES = {
    "europe",
    "asia",
    "africa",
    "north america",
    "south america",
    "latin america",
    "central america",
    "antarctica",
    "antarctic",
    "arctic",
    "middle east",
    "mideast",
    "near east",
    "far east",
    "caribbean",
    "balkans",
    "pacific",
    "atlantic",
    "mediterranean",
    "sahara",
    "himalayas",
    "alps",
    "amazon",
    "midwest",
    "east coast",
    "west coast",
    "southeast asia",
    "south asia",
    "central asia",
    "east asia",
    "western europe",
    "eastern europe",
    "scandinavia",
    "the west",
    "west",
    "earth",
    "moon",
    "mars",
    "north africa",
    "west africa",
    "east africa",
    "sub-saharan africa",
    "oceania",
    "persian gulf",
    "gulf",
    "horn of africa",
    "siberia",
    "patagonia",
    "sinai",
    "new england",
    "bay area",
    "silicon valley",
    "great lakes",
    "rockies",
    "appalachia",
    "southwest",
    "northwest",
    "northeast",
    "southeast",
    "north",
    "south",
    "east",
}

GPE_NAMES = {
    "ivory coast",
    "gold coast",
    "west bank",
    "gaza strip",
    "hong kong",
    "new york",
    "west virginia",
}
ORG_NAMES = {
    "u.n.",
    "un",
    "united nations",
    "nato",
    "eu",
    "european union",
    "u.n",
    "opec",
    "african union",
}

TITLES = {
    "president",
    "prime",
    "minister",
    "mr.",
    "mrs.",
    "ms.",
    "mr",
    "mrs",
    "ms",
    "dr.",
    "dr",
    "general",
    "gen.",
    "senator",
    "sen.",
    "secretary",
    "chancellor",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "governor",
    "gov.",
    "mayor",
    "judge",
    "foreign",
    "defense",
    "defence",
    "interior",
    "finance",
    "chairman",
    "chief",
    "leader",
    "premier",
    "vice",
    "deputy",
    "lieutenant",
    "lt.",
    "colonel",
    "col.",
    "captain",
    "capt.",
    "sergeant",
    "sgt.",
    "commander",
    "ambassador",
    "envoy",
    "spokesman",
    "spokeswoman",
    "representative",
    "rep.",
    "sheikh",
    "cardinal",
    "archbishop",
    "bishop",
    "reverend",
    "rev.",
    "ayatollah",
    "cleric",
    "former",
    "late",
    "u.s.",
    "state",
    "opposition",
    "rebel",
    "militant",
    "sir",
    "lord",
    "lady",
    "professor",
    "prof.",
    "emperor",
    "sultan",
    "emir",
    "crown",
    "grand",
    "supreme",
    "mullah",
    "imam",
    "presidential",
    "candidate",
    "director",
}

NORP_WORDS = {
    "sunni",
    "sunnis",
    "shiite",
    "shiites",
    "shia",
    "shi'ite",
    "moslem",
    "moslems",
    "muslim",
    "muslims",
    "christian",
    "christians",
    "jewish",
    "jew",
    "jews",
    "hindu",
    "hindus",
    "buddhist",
    "buddhists",
    "catholic",
    "catholics",
    "protestant",
    "protestants",
    "arab",
    "arabs",
    "kurd",
    "kurds",
    "tamil",
    "tamils",
    "sikh",
    "sikhs",
    "democrat",
    "democrats",
    "republican",
    "republicans",
    "islamist",
    "islamists",
    "mujahedeen",
    "mujahideen",
    "taliban",
    "pashtun",
    "pashtuns",
    "baloch",
    "uighur",
    "uighurs",
    "uyghur",
    "uyghurs",
    "latino",
    "latinos",
    "hispanic",
    "hispanics",
    "thai",
    "swiss",
    "dutch",
    "french",
    "british",
    "irish",
    "welsh",
    "scottish",
    "english",
    "danish",
    "swedish",
    "finnish",
    "polish",
    "turkish",
    "spanish",
    "czech",
    "greek",
    "greeks",
    "scots",
    "brits",
    "turks",
    "serb",
    "serbs",
    "croat",
    "croats",
    "basque",
    "basques",
    "maori",
    "inuit",
    "bedouin",
    "orthodox",
    "evangelical",
    "evangelicals",
    "conservative",
    "conservatives",
    "liberal",
    "liberals",
    "socialist",
    "socialists",
    "communist",
    "communists",
    "zionist",
    "zionists",
    "yemeni",
    "yemenis",
    "saudi",
    "saudis",
    "pakistani",
    "pakistanis",
    "iraqi",
    "iraqis",
    "israeli",
    "israelis",
    "afghan",
    "afghans",
    "somali",
    "somalis",
    "kuwaiti",
    "omani",
    "qatari",
    "bahraini",
    "emirati",
    "bangladeshi",
    "nepali",
    "filipino",
    "filipinos",
}
_DEMONYM_RE = re.compile(r"^[A-Z][a-z'\-]+(ian|ians|ean|eans|ese|ish|an|ans|i|is|ic|ics)$")


def is_norp(words):
    """True if a span (list of words) looks like a nationality/religion/political group."""
    if not words:
        return False
    last = words[-1]
    if last.lower() in NORP_WORDS:
        return True
    if len(words) > 3:
        return False
    return bool(_DEMONYM_RE.match(last)) and all(w[:1].isupper() for w in words)


def place_label(words):
    """GPE or LOC for a place span (UNER LOC / GMB geo)."""
    low = [w.lower() for w in words]
    text = " ".join(low)
    if text.startswith("the "):
        text = text[4:]
    if text in LOC_NAMES:
        return "LOC"
    if text in GPE_NAMES:
        return "GPE"
    if text in ORG_NAMES:
        return "ORG"
    if any(w in LOC_WORDS for w in low[1:]) or (
        len(low) > 1 and low[0] in {"mount", "mt.", "lake", "cape", "gulf"}
    ):
        return "LOC"
    return "GPE"


def strip_titles(words, start, end):
    """Drop leading title words ("President Mahmoud Ahmadinejad" -> "Mahmoud Ahmadinejad")."""
    while end - start > 1 and words[start].lower() in TITLES:
        start += 1
    return start, end


def map_uner(label, words):
    if label == "PER":
        return "PERSON"
    if label == "ORG":
        return "ORG"
    if label == "LOC":
        return place_label(words)
    if label == "OTH":
        return "NORP" if is_norp(words) else None
    return None


def map_gmb(label, words, tags):
    if label == "per":
        return "PERSON"
    if label == "org":
        return "ORG"
    if label == "geo":
        return place_label(words)
    if label == "gpe":
        if is_norp(words) or tags[-1] in ("JJ", "NNPS", "NNS"):
            return "NORP"
        return "GPE"
    return None  # tim, art, eve, nat: no counterpart


def to_uner(label):
    """Map a claimtrace label back to UNER's PER/ORG/LOC (None = not scored)."""
    return {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC"}.get(label)


# Curated entity-ruler patterns (added to the shipped pipeline BEFORE the statistical NER, which
# keeps them): multi-word demonyms the model tends to split ("North" LOC + "Korean" NORP) and
# news agencies / platforms that matter for attribution ("according to Kyodo News", "on Telegram").
MULTIWORD_NORP = [
    "North Korean",
    "North Koreans",
    "South Korean",
    "South Koreans",
    "South African",
    "South Africans",
    "Saudi Arabian",
    "Saudi Arabians",
    "New Zealander",
    "New Zealanders",
    "Sri Lankan",
    "Sri Lankans",
    "Latin American",
    "Latin Americans",
    "Middle Eastern",
    "Central Asian",
    "East Timorese",
    "Puerto Rican",
    "Puerto Ricans",
    "Costa Rican",
    "Salvadoran",
    "Bosnian Serb",
    "Bosnian Serbs",
    "Kosovo Albanian",
    "Kosovo Albanians",
    "Greek Cypriot",
    "Greek Cypriots",
    "Turkish Cypriot",
    "Turkish Cypriots",
    "South Sudanese",
    "North Macedonian",
    "Sunni Arab",
    "Sunni Arabs",
    "African American",
    "African Americans",
    "Native American",
    "Native Americans",
]
MEDIA_ORGS = [
    "Kyodo",
    "Kyodo News",
    "Reuters",
    "AFP",
    "Agence France-Presse",
    "Associated Press",
    "Xinhua",
    "TASS",
    "Interfax",
    "RIA Novosti",
    "Yonhap",
    "KCNA",
    "Korean Central News Agency",
    "Al Jazeera",
    "BBC",
    "CNN",
    "Bloomberg",
    "Telegram",
    "Twitter",
    "Facebook",
    "WhatsApp",
    "YouTube",
    "Instagram",
    "TikTok",
    "Weibo",
    "WeChat",
    "VKontakte",
    "Meduza",
    "Ukrinform",
    "Anadolu",
]


def curated_patterns():
    pats = [{"label": "NORP", "pattern": p} for p in MULTIWORD_NORP]
    pats += [{"label": "ORG", "pattern": p} for p in MEDIA_ORGS]
    return pats
