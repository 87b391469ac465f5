"""Bytes to text: UTF-8 (with or without BOM), UTF-16/32 with BOM, UTF-16 without BOM
(recognised by its zero bytes), or a legacy
encoding such as Windows-1252 detected by charset-normalizer. Binary data and
bytes whose encoding cannot be decided are refused with a message."""

import codecs

from charset_normalizer import from_bytes

from .records import InputError

_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
# Magic numbers of formats people upload by mistake.
_BINARY_SIGNATURES = (b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x7fELF", b"MZ")
_CONTROL = set(range(0, 32)) - {9, 10, 12, 13}


def decode_bytes(data: bytes, name: str) -> str:
    if not data.strip():
        raise InputError(f"{name}: the file is empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                raise InputError(
                    f"{name}: starts with a {encoding} mark but is not valid {encoding}"
                ) from None
    if data.startswith(_BINARY_SIGNATURES):
        raise InputError(f"{name}: this is a binary file, not text")
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        try:
            text = data.decode(utf16)
        except UnicodeDecodeError:
            text = ""
        if text and _reads_like_text(text):
            return text
        raise InputError(
            f"{name}: this looks like UTF-16 text without a byte-order mark, but it does not "
            "decode as such; save the file as UTF-8 and try again"
        )
    if _looks_binary(data):
        raise InputError(f"{name}: this is a binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[:200_000]).best()
    if best is None or best.chaos > 0.2:
        raise InputError(f"{name}: the text encoding cannot be decided; save the file as UTF-8 and try again")
    try:
        text = data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        raise InputError(f"{name}: the text is not valid {best.encoding}; save it as UTF-8") from None
    if not _reads_like_text(text):
        raise InputError(
            f"{name}: the text encoding cannot be decided (it decodes to no readable words); "
            "save the file as UTF-8 and try again"
        )
    return text


def _reads_like_text(text: str) -> bool:
    """Any single-byte code page "decodes" noise; real prose has spaces between words."""
    sample = text[:20_000]
    if len(sample) < 40:
        return True
    spaces = sum(1 for ch in sample if ch.isspace())
    letters = sum(1 for ch in sample if ch.isalpha())
    return spaces >= len(sample) * 0.05 and letters >= len(sample) * 0.5


def _utf16_without_bom(data: bytes) -> str | None:
    """ "utf-16-le" or "utf-16-be" when the bytes have UTF-16's shape: text in Latin script
    saved as UTF-16 has a zero in every other byte, which would otherwise read as binary."""
    sample = data[:8192]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    half = len(sample) // 2
    if odd.count(0) >= half * 0.6 and even.count(0) <= half * 0.1:
        return "utf-16-le"
    if even.count(0) >= half * 0.6 and odd.count(0) <= half * 0.1:
        return "utf-16-be"
    return None


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte in _CONTROL)
    return controls > len(sample) * 0.05
