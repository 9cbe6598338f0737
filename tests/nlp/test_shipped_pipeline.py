"""Behaviour checks for the shipped fast-tier pipeline (src/claimtrace/models/en_claimtrace_fast).

Loads the directory with plain spacy.load (no claimtrace code needed), parses news text and
checks sentences, lemmas, dependency structure and entities. No timing assertions.
"""

from pathlib import Path

import pytest

spacy = pytest.importorskip("spacy")

MODEL_DIR = (
    Path(__file__).resolve().parents[2] / "src" / "claimtrace" / "models" / "en_claimtrace_fast"
)
TEXT = (
    "North Korea fired a ballistic missile into the sea on Tuesday, Japan's defence ministry said. "
    "The launch was the third this month, according to Kyodo News. "
    "Prime Minister Fumio Kishida told reporters that Tokyo had lodged a protest with Pyongyang."
)


@pytest.fixture(scope="module")
def nlp():
    if not (MODEL_DIR / "meta.json").exists():
        pytest.fail(f"shipped model missing: {MODEL_DIR}")
    return spacy.load(MODEL_DIR)


@pytest.fixture(scope="module")
def doc(nlp):
    return nlp(TEXT)


def test_components_are_standard(nlp):
    for name in ("tagger", "morphologizer", "trainable_lemmatizer", "parser", "ner"):
        assert name in nlp.pipe_names
    assert set(nlp.get_pipe("ner").labels) >= {"PERSON", "ORG", "GPE", "LOC", "NORP"}
    assert nlp.meta["name"] == "claimtrace_fast"
    assert "training_data" in nlp.meta


def test_sentences(doc):
    sents = list(doc.sents)
    assert 2 <= len(sents) <= 4
    assert sents[0].text.startswith("North Korea")


def test_lemmas_and_pos(doc):
    by_text = {t.text: t for t in doc}
    assert by_text["said"].lemma_ == "say"
    assert by_text["fired"].lemma_ == "fire"
    assert by_text["reporters"].lemma_ == "reporter"
    assert by_text["fired"].pos_ == "VERB"
    assert all(t.lemma_ for t in doc)


def test_parse(doc, nlp):
    first = next(iter(doc.sents))
    roots = [t for t in first if t.dep_ == "ROOT"]
    assert len(roots) == 1
    heads_in_sentence = all(t.head.sent == t.sent for t in doc)
    assert heads_in_sentence
    # "X said that Y": the reported clause hangs off the speech verb as ccomp
    d = nlp("North Korea said on Monday that the U.N. resolution was illegal.")
    said = next(t for t in d if t.text == "said")
    assert said.dep_ == "ROOT"
    assert any(c.dep_ == "nsubj" and c.text == "Korea" for c in said.children)
    assert any(c.dep_ == "ccomp" for c in said.children)


def test_entities(doc, nlp):
    ents = {(e.text, e.label_) for e in doc.ents}
    labels = {e.label_ for e in doc.ents}
    assert labels & {"GPE", "ORG"}
    assert any(text.endswith("Korea") and label == "GPE" for text, label in ents), ents
    assert any("Kishida" in text and label == "PERSON" for text, label in ents), ents
    d = nlp("North Korean troops entered the town, Yunus-Bek Yevkurov told Kyodo News on Telegram.")
    ents = {(e.text, e.label_) for e in d.ents}
    assert ("North Korean", "NORP") in ents
    assert ("Kyodo News", "ORG") in ents
    assert ("Telegram", "ORG") in ents
    assert ("Yunus-Bek Yevkurov", "PERSON") in ents
