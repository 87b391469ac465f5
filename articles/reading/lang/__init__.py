"""Language data for the analysers: one module per language, looked up by code.

Everything that depends on the language (abbreviations, titles, speech verbs, stopwords, number
and month words, spelling variants) lives in these modules, so adding a language means adding a
module with the same names, not touching the analysers.
"""

from types import ModuleType

from . import en

LANGUAGES: dict[str, ModuleType] = {"en": en}


def get_language(code: str) -> ModuleType:
    """The data module for a language code such as "en" or "en-GB"; English when unknown."""
    base = (code or "en").split("-")[0].split("_")[0].lower()
    return LANGUAGES.get(base, en)
