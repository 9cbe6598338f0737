"""The fine-tuned transformer pipeline (issue 7): tree decoder, and the spaCy component on a
tiny randomly initialised model (no trained weights, no downloads)."""

from __future__ import annotations

import itertools

import numpy
import pytest
import spacy

from claimtrace.nlp.tree_decode import bio_spans, bio_viterbi, mst_heads


def _is_tree(heads: list[int]) -> bool:
    n = len(heads)
    if sum(1 for i, h in enumerate(heads) if h == i) != 1:
        return False
    for i in range(n):
        seen, node = set(), i
        while heads[node] != node:
            if node in seen:
                return False
            seen.add(node)
            node = heads[node]
    return True


def _brute_force(scores: numpy.ndarray) -> float:
    n = len(scores)
    best = -numpy.inf
    for heads in itertools.product(range(n), repeat=n):
        if _is_tree(list(heads)):
            best = max(best, sum(scores[i, h] for i, h in enumerate(heads)))
    return best


# ---------------------------------------------------------------- tree decoder
def test_mst_prefers_the_one_root_tree_over_the_greedy_cycle():
    # greedy: 0 and 1 head each other (a cycle); 2 wants to be a root, so does 0
    s = numpy.full((3, 3), -10.0)
    s[0, 1], s[1, 0] = 5.0, 5.0
    s[0, 0], s[2, 2] = 1.0, 4.0
    s[2, 1] = 0.0
    heads = mst_heads(s)
    assert _is_tree(heads)
    assert sum(s[i, h] for i, h in enumerate(heads)) == pytest.approx(_brute_force(s))


def test_mst_matches_brute_force_on_random_scores():
    rng = numpy.random.default_rng(0)
    for n in (1, 2, 3, 4, 5):
        for _ in range(30):
            s = rng.normal(size=(n, n)) * 3
            heads = mst_heads(s)
            assert _is_tree(heads), (s, heads)
            total = sum(s[i, h] for i, h in enumerate(heads))
            assert total == pytest.approx(_brute_force(s))


def test_mst_gives_one_root_when_every_word_wants_to_be_root():
    s = numpy.full((6, 6), -20.0)
    numpy.fill_diagonal(s, 0.0)
    heads = mst_heads(s)
    assert _is_tree(heads)
    assert mst_heads(numpy.zeros((0, 0))) == []


def test_mst_long_sentence_is_a_tree():
    rng = numpy.random.default_rng(1)
    s = numpy.log(rng.dirichlet(numpy.ones(120), size=120))
    assert _is_tree(mst_heads(s))


def test_bio_viterbi_never_starts_inside():
    tags = ["O", "B-ORG", "I-ORG", "B-PERSON", "I-PERSON"]
    scores = numpy.log(
        numpy.array(
            [
                [0.1, 0.1, 0.6, 0.1, 0.1],  # I-ORG would be best, but nothing opened it
                [0.1, 0.1, 0.6, 0.1, 0.1],
                [0.1, 0.1, 0.1, 0.1, 0.6],  # I-PERSON after ORG is not allowed
            ]
        )
    )
    path = [tags[i] for i in bio_viterbi(scores, tags)]
    for prev, cur in zip(["O", *path], path, strict=False):
        if cur.startswith("I-"):
            assert prev[2:] == cur[2:]
    assert bio_spans(["B-ORG", "I-ORG", "O", "B-PERSON"]) == [("ORG", 0, 2), ("PERSON", 3, 4)]


# ---------------------------------------------------------------- spaCy component
TEXT = (
    "Barack Obama visited Paris on Monday. He said the talks with the United Nations went "
    "well.\n\nThe ministry denied it."
)


@pytest.fixture(scope="module")
def nlp(tmp_path_factory):
    pytest.importorskip("torch")
    pytest.importorskip("transformers")
    from claimtrace.models.transformer_pipeline import random_model
    from claimtrace.nlp.transformer_parser import FACTORY

    labels = {
        "sent": ["-", "S"],
        "ner": ["O", *(f"{p}-{x}" for x in ("PERSON", "ORG", "GPE", "LOC", "NORP") for p in "BI")],
        "upos": ["NOUN", "VERB", "PROPN", "PUNCT", "DET", "ADP", "PRON"],
        "xpos": ["NN", "VBD", "NNP", ".", "DT", "IN", "PRP"],
        "feats": ["_", "Number=Sing", "Tense=Past"],
        "deps": ["ROOT", "nsubj", "obj", "punct", "det", "obl", "case"],
    }
    words = [*TEXT.lower().replace(".", " . ").split(), "."]
    model = random_model(labels, words, tmp_path_factory.mktemp("vocab"))
    nlp = spacy.blank("en")
    nlp.add_pipe(FACTORY).set_model(model)
    return nlp


def _check_doc(doc):
    for sent in doc.sents:
        roots = [t for t in sent if t.head.i == t.i]
        assert len(roots) == 1
        for tok in sent:  # every token reaches the sentence root without a cycle
            seen, node = set(), tok
            while node.head.i != node.i:
                assert node.i not in seen
                seen.add(node.i)
                node = node.head
            assert node == roots[0]
            assert sent.start <= tok.head.i < sent.end
    for tok in doc:
        assert tok.pos_ and tok.tag_ and tok.dep_
    for ent in doc.ents:
        assert ent.label_ in {"PERSON", "ORG", "GPE", "LOC", "NORP"}
        assert not ent[0].is_space and not ent[-1].is_space


def test_component_sets_trees_tags_and_entities(nlp):
    doc = nlp(TEXT)
    _check_doc(doc)
    assert doc.has_annotation("DEP") and doc.has_annotation("POS") and doc.has_annotation("TAG")
    assert doc.has_annotation("ENT_IOB")
    assert all(t.ent_iob_ in ("B", "I", "O") for t in doc)
    space = [t for t in doc if t.is_space]
    assert space and all(t.pos_ == "SPACE" for t in space)


def test_component_handles_empty_and_whitespace_docs(nlp):
    assert len(nlp("")) == 0
    doc = nlp("   \n\n  ")
    _check_doc(doc)


def test_component_handles_very_long_docs(nlp):
    text = " ".join([TEXT] * 60)  # ~1,500 words: many windows, and sentences cut to fit
    doc = nlp(text)
    _check_doc(doc)
    assert len(list(doc.sents)) >= 2
    docs = list(nlp.pipe([text[:500], "", text], batch_size=2))
    assert [len(d) for d in docs] == [len(nlp.make_doc(t)) for t in (text[:500], "", text)]
    for d in docs:
        _check_doc(d)


def test_component_round_trips_through_disk(nlp, tmp_path):
    from claimtrace.nlp.transformer_parser import FACTORY

    nlp.to_disk(tmp_path / "pipe")
    again = spacy.load(tmp_path / "pipe")
    assert again.pipe_names == [FACTORY]
    _check_doc(again(TEXT))
    old, new = nlp.get_pipe(FACTORY).model, again.get_pipe(FACTORY).model
    assert new.labels == old.labels
    # weights are stored in fp16: equal to the originals rounded to half precision
    w_old = old.parser.lab_bi.weight.detach().half().float()
    assert (new.parser.lab_bi.weight == w_old).all()
    emb = "embeddings.word_embeddings.weight"
    assert (new.encoder.state_dict()[emb] == old.encoder.state_dict()[emb].half().float()).all()
    assert (tmp_path / "pipe" / FACTORY / "manifest.json").is_file()


def test_fine_tuned_variant_is_a_named_tier_that_says_how_to_build_it(tmp_path, monkeypatch):
    import claimtrace.nlp.pipeline as pipeline
    from claimtrace.errors import ModelNotFound

    monkeypatch.setenv("CLAIMTRACE_MODELS", str(tmp_path))
    monkeypatch.setattr(pipeline, "PACKAGED_MODELS", tmp_path / "none")
    with pytest.raises(ModelNotFound, match="--tier accurate"):
        pipeline.resolve_model("accurate-ft")
    frozen = tmp_path / "en_claimtrace_accurate"
    frozen.mkdir()
    (frozen / "config.cfg").write_text("")
    # 'accurate' takes the frozen-feature build while the fine-tuned one is not built
    assert pipeline.resolve_model("accurate") == frozen
    built = tmp_path / "en_claimtrace_accurate_ft"
    built.mkdir()
    (built / "config.cfg").write_text("")
    assert pipeline.resolve_model("accurate-ft") == built
    assert pipeline.resolve_model("accurate") == built
    assert pipeline.resolve_model("accurate-frozen") == frozen
