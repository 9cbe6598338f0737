"""DocView: sentence bounds and annotation flags of a Doc, computed once."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from claimtrace.extract.docview import DocView

TEXT = "The minister said it. Nobody agreed! Then, asked again, he declined.\nEnd here"


def _rescan(doc: Doc, start: int, end: int) -> tuple[int, int, int | None]:
    """The bounds by walking ``doc.sents`` (what the extractors did per call)."""
    sents = list(doc.sents)
    first = next((i for i, s in enumerate(sents) if s.end_char > start), len(sents) - 1)
    last = next((i for i, s in enumerate(sents) if s.end_char >= end), len(sents) - 1)
    nxt = sents[last + 1].end_char if last + 1 < len(sents) else None
    return sents[first].start_char, sents[last].end_char, nxt


def test_sentence_bounds_agree_with_the_doc_sentences() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp(TEXT)
    view = DocView.of(doc)
    assert view.sentences == tuple((s.start_char, s.end_char) for s in doc.sents)
    for start in range(len(TEXT) + 1):
        for end in range(start, len(TEXT) + 1, 7):
            assert view.sentence_bounds(start, end) == _rescan(doc, start, end)


def test_sentence_bounds_cover_a_span_across_sentences() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    view = DocView.of(nlp(TEXT))
    start, end, nxt = view.sentence_bounds(TEXT.index("it."), TEXT.index("agreed"))
    assert TEXT[start:end] == "The minister said it. Nobody agreed!"
    assert TEXT[end:nxt].strip() == "Then, asked again, he declined."


def test_without_sentences_the_text_is_cut_at_full_stops() -> None:
    text = "One here. Nobody agreed! Then he left. Last one"
    view = DocView.of(spacy.blank("en")(text))
    assert view.sentences is None
    assert not (view.has_pos or view.has_tag or view.has_dep)
    start, end, nxt = view.sentence_bounds(text.index("Nobody"), text.index("Nobody") + 6)
    assert text[start:end].strip() == "Nobody agreed! Then he left."
    assert nxt == len(text)


def test_flags_follow_the_annotations() -> None:
    words = ["He", "said", "it", "."]
    doc = Doc(
        spacy.blank("en").vocab,
        words=words,
        heads=[1, 1, 1, 1],
        deps=["nsubj", "ROOT", "dobj", "punct"],
        pos=["PRON", "VERB", "PRON", "PUNCT"],
    )
    view = DocView.of(doc)
    assert view.has_dep and view.has_pos and not view.has_tag
    assert view.sentences == ((0, len(doc.text.rstrip())),)
