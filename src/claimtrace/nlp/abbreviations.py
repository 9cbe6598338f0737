"""Titles and ranks abbreviated before a name ("Sgt. Ann Ruiz", "Ofc. William Tenpenny",
"Lt. Col. Dana Reyes"), kept as one token.

spaCy's English tokenizer knows "Mr.", "Dr.", "Gen.", "Gov.", "Sen." and "Rep.", but splits
the full stop off most police and military ranks; a rule sentencizer then ends the sentence
there ('"Everyone is safe," said Ofc.' / 'William Tenpenny, a spokesperson.'), and the
quotation loses its speaker. Every pipeline claimtrace builds (the base and the role
taggers') adds these as special cases.
"""

from __future__ import annotations

from spacy.attrs import ORTH
from spacy.language import Language

#: Capitalised abbreviations that stand before a name far more often than at a sentence's
#: end ("Sec." and "Dist." are left out: "30 sec.", "the Dist." end sentences too).
TITLE_ABBREVIATIONS = (
    "Capt.",
    "Cpt.",
    "Lt.",
    "Lieut.",
    "Sgt.",
    "Col.",
    "Maj.",
    "Cpl.",
    "Pvt.",
    "Spc.",
    "Brig.",
    "Cmdr.",
    "Cdr.",
    "Comdr.",
    "Const.",
    "Det.",
    "Ofc.",
    "Insp.",
    "Supt.",
    "Tpr.",
    "Amb.",
    "Atty.",
    "Pres.",
    "Hon.",
    "Cllr.",
    "Asst.",
    "Msgr.",
    "Sr.",
)


def add_title_abbreviations(nlp: Language) -> Language:
    """Make each of :data:`TITLE_ABBREVIATIONS` one token in ``nlp``'s tokenizer (and in
    its upper-case form: "SGT."). Returns ``nlp``."""
    for abbreviation in TITLE_ABBREVIATIONS:
        for form in (abbreviation, abbreviation.upper()):
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])
    return nlp
