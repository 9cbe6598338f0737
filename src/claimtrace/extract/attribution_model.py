"""The network architecture of the attribution role tagger (registered with spaCy).

A CNN over hashed word features, then a bidirectional LSTM, so a token sees its whole
document: a content span's start depends on a cue that may come many words later
("The talks failed, the minister said"). Importing this module registers the
architecture; :func:`claimtrace.extract.attribution.load_tagger` does so before loading.
"""

from __future__ import annotations

from spacy.ml.models.tok2vec import MaxoutWindowEncoder
from spacy.util import registry
from thinc.api import LSTM, Model, chain, with_padded
from thinc.types import Floats2d


@registry.architectures("claimtrace.CNNBiLSTMEncoder.v1")
def cnn_bilstm_encoder(
    width: int, depth: int, window_size: int, maxout_pieces: int, lstm_depth: int = 1
) -> Model[list[Floats2d], list[Floats2d]]:
    cnn = MaxoutWindowEncoder(
        width=width, window_size=window_size, maxout_pieces=maxout_pieces, depth=depth
    )
    lstm = with_padded(LSTM(width, width, bi=True, depth=lstm_depth))
    model = chain(cnn, lstm)
    model.set_dim("nO", width)
    return model
