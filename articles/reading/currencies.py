"""The world's currencies as reports write them, from the Unicode CLDR (Babel): a currency's name
after a figure ("430,000 ringgit", "3.4 billion kroner") and its local sign before one
("RM340,000", "Rp5bn", "₱200,000", "zł40 million").

The language's own lists (lang.CURRENCY_WORDS, CURRENCY_SYMBOLS, DOLLAR_PREFIXES, ...) come
first: they know which dollar or pound a report means and that "400 pounds" is as often a weight.
These tables reach the rest of the world's currencies, which a report of a Malaysian trial or a
Norwegian takeover names, and which the language model leaves as a plain count.
"""

import re
from functools import lru_cache

import pycountry
from babel import localedata
from babel.numbers import get_currency_name

# Names that are also everyday English words after a figure ("a 2 real gain", "Grade 5 mark",
# "3 units"): never read as money. A "pound" is as often a weight: the language's rules decide it.
_EVERYDAY_WORDS = frozenset("real reals mark marks sol sols som sum colon unit units pound pounds".split())
# What follows a sign written onto its figure for the two to be money: thousands, a decimal or
# a scale ("RM340,000", "RM2.5m"), not a model's number ("MK2").
_AN_AMOUNT_AFTER = r"(?=\d{1,3}(?:,\d{3})+|\d+\.\d|\d+\s?(?:million|billion|trillion|mil|bil|bn|m|k)\b)"
# Codes that are English words in capitals ("TOP 10"): never read as a currency before a figure.
_CODES_THAT_ARE_WORDS = frozenset({"ALL", "TOP", "CUP", "MOP", "BOB", "SOS", "PEN", "TRY", "MAD", "BAM"})


@lru_cache(maxsize=1)
def _codes() -> frozenset[str]:
    """Currencies in use (ISO 4217 as pycountry keeps it: no retired ones such as the lira of
    Italy), without the X codes (metals, units of account, tests)."""
    return frozenset(c.alpha_3 for c in pycountry.currencies if not c.alpha_3.startswith("X"))


@lru_cache(maxsize=1)
def _words() -> dict[str, str]:
    """A currency's last name word, singular and plural ("ringgit", "kroner", "zlotys"), to its
    code; a word several currencies share ("peso", "krone", "dinar") to the singular word itself,
    so that two reports' figures in it still face each other."""
    codes_of: dict[str, set[str]] = {}
    singular_of: dict[str, str] = {}
    for code in _codes():
        one = get_currency_name(code, count=1, locale="en").split()[-1].lower()
        many = get_currency_name(code, count=2, locale="en").split()[-1].lower()
        if not one.isalpha() or one in _EVERYDAY_WORDS:
            continue
        codes_of.setdefault(one, set()).add(code)
        singular_of[one] = one
        if many.isalpha() and many not in _EVERYDAY_WORDS:
            singular_of[many] = one
    return {
        word: next(iter(codes_of[one])) if len(codes_of[one]) == 1 else one
        for word, one in singular_of.items()
    }


@lru_cache(maxsize=1)
def _codes_of_words() -> dict[str, frozenset[str]]:
    """A word several currencies share, as _words() leaves it ("krone", "dirham"), to their codes."""
    found: dict[str, set[str]] = {}
    for code in _codes():
        one = get_currency_name(code, count=1, locale="en").split()[-1].lower()
        found.setdefault(one, set()).add(code)
    return {word: frozenset(codes) for word, codes in found.items() if len(codes) > 1}


def codes_of_word(word: str) -> frozenset[str]:
    """The currencies a name several share may be ("dirham": AED and MAD; "krone": DKK and NOK),
    empty for any other unit: what one report calls "53 billion dirhams" another may write as
    "MAD 61 billion" (summary.one_currency tells which from the reports)."""
    return _codes_of_words().get(word, frozenset())


@lru_cache(maxsize=1)
def _full_names() -> tuple[re.Pattern[str], dict[str, str]]:
    """A currency's full English name of two words or more, singular or plural ("Swiss francs",
    "Norwegian kroner", "Egyptian pounds"), which tells one currency where its last word alone
    does not ("francs": Swiss, CFA, Guinean ...) or names another ("pounds": sterling)."""
    names: dict[str, str] = {}
    for code in _codes():
        for count in (1, 2):
            name = get_currency_name(code, count=count, locale="en").lower()
            if " " in name and not any(c.isdigit() or c in "()" for c in name):
                names.setdefault(name, code)
    alternatives = "|".join(map(re.escape, sorted(names, key=len, reverse=True)))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])"), names


def currency_of_name(text: str) -> str | None:
    """The currency a full name in text names ("4.2 million Swiss francs": "CHF"), else None."""
    pattern, codes = _full_names()
    found = pattern.search(text.lower())
    return codes[found.group(0)] if found else None


@lru_cache(maxsize=1)
def _signs() -> dict[str, str]:
    """Local signs of one currency only ("RM": MYR, "Rp": IDR, "₱": PHP, "zł": PLN), as the base
    locales and the English ones of every territory write them, and the ISO codes themselves.
    A sign shared by several ("kr", "Rs") or a single ASCII letter ("R", "K") is left out."""
    seen: dict[str, set[str]] = {}
    codes = _codes()
    for identifier in localedata.locale_identifiers():
        if "_" in identifier and not identifier.startswith("en_"):
            continue  # the base locale and English ones name every sign a report uses
        # A locale's own entries only: what it inherits is its parents' (root, the language),
        # which this loop reads too, and merging them for every locale would take four times as
        # long on the first reading of each process.
        for code, sign in (
            localedata.load(identifier, merge_inherited=False).get("currency_symbols", {}).items()
        ):
            if code in codes and sign != code:
                seen.setdefault(sign, set()).add(code)
    signs = {
        sign: next(iter(found))
        for sign, found in seen.items()
        if len(found) == 1 and not re.fullmatch(r"[A-Za-z]|\$|.*\d.*", sign)
    }
    # The cedi's sign is typed with the cent sign as often as with its own ("GH¢180 million" for
    # "GH₵180 million"); not the sign alone: "50¢" is fifty cents.
    signs.update(
        {sign.replace("₵", "¢"): code for sign, code in list(signs.items()) if "₵" in sign and sign != "₵"}
    )
    signs.update((code, code) for code in codes if code not in _CODES_THAT_ARE_WORDS)
    return signs


def currency_of_word(word: str) -> str | None:
    """The currency a word after a figure names ("ringgit": "MYR", "kroner": "kroner"), else None."""
    return _words().get(word.lower())


def currency_of_sign(sign: str) -> str | None:
    """The currency a sign or code written before a figure names ("RM": "MYR", "EUR": "EUR"),
    else None; case matters ("RM", not "rm")."""
    return _signs().get(sign)


@lru_cache(maxsize=1)
def glued_sign() -> re.Pattern[str]:
    """A sign of two or more characters written onto its figure ("RM340,000", "Rp5", "GH₵2.5"),
    which the tokenizer leaves as one word (it splits one-character signs such as "₱" itself;
    the dollars' "A$", "NZ$" are the language's): the sign, then a figure that reads as an
    amount, with thousands, a decimal or a scale word, so that a model's name ("MK2", "VT100")
    keeps its letters."""
    glued = sorted(
        (
            s
            for s in _signs()
            if len(s) > 1 and s not in _codes() and re.fullmatch(r"\w+\W?", s) and "$" not in s
        ),
        key=len,
        reverse=True,
    )
    return re.compile(rf"(?:{'|'.join(map(re.escape, glued))}){_AN_AMOUNT_AFTER}")


def code_before_amount(text: str) -> str | None:
    """The ISO code written before the figure of what the model already read as money, even a
    code that is an English word in capitals ("MAD 61 billion": the Moroccan dirham; as a sign
    before any number, "TOP 10", it is no currency), else None."""
    found = re.match(r"\s*([A-Z]{3})\s?\d", text)
    return found.group(1) if found and found.group(1) in _codes() else None


def is_currency_code(word: str) -> bool:
    """Whether word is a currency's ISO code in use, not an English word in capitals ("NOK",
    "SEK"; not "TOP")."""
    return word in _codes() and word not in _CODES_THAT_ARE_WORDS
