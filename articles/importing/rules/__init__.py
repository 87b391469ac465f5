"""Cleaning rules as data: one module per language, plus the bundled list of outlets.

The cleaning engine (articles.importing.cleaning) knows no phrases of its own; it reads
them from a `Rules` object built here. Adding a language is adding a module like `en.py`.
"""

import re
from dataclasses import dataclass
from functools import cache
from importlib import import_module
from pathlib import Path

OUTLETS_FILE = Path(__file__).with_name("outlets.txt")


@dataclass(frozen=True)
class Rules:
    language: str
    section_words: frozenset[str]
    furniture: re.Pattern[str]  # whole lines that are page furniture
    block_starters: re.Pattern[str]  # furniture lines that head a list of links to drop with them
    byline: re.Pattern[str]  # "By Jane Doe", "Written by ..."; group "rest"
    names_line: re.Pattern[str]  # "Jane Doe, John Roe"; group "names"
    name_particles: frozenset[str]  # lower-case words allowed in names ("and", "de", "van")
    names_and: re.Pattern[str]  # " and " between two reporters' names
    names_and_word: str  # the word that joins the last two names in a stored byline
    byline_place: re.Pattern[str]  # " in " before the place a reporter files from
    byline_for: re.Pattern[str]  # " for " before the outlet a reporter writes for
    byline_credit: re.Pattern[str]  # "with additional reporting by" before more names
    outlet_prefix: re.Pattern[str]  # "Source: Reuters"; group "rest"
    date_prefix: re.Pattern[str]  # "Published", "Updated on" ... before a date
    months: dict[str, int]
    weekdays: re.Pattern[str]
    timezones: dict[str, int]  # abbreviation -> offset from UTC in minutes
    wire_dateline: re.Pattern[str]  # "WASHINGTON (Reuters) -"; group "outlet"
    outlet_words: frozenset[str]  # words that mark a name as a publication's ("Herald", "Times")
    copyright_line: re.Pattern[str]  # "© 2019 Paxwire Ltd"; group "holder"
    copyright_noise: re.Pattern[str]  # years, "Ltd", "All rights reserved" around the holder


def _any_line(patterns: list[str]) -> re.Pattern[str]:
    """One compiled alternation, anchored to the whole (stripped) line, case-insensitive."""
    return re.compile(r"^(?:" + "|".join(f"(?:{p})" for p in patterns) + r")$", re.IGNORECASE)


@cache
def rules_for(language: str = "en") -> Rules:
    try:
        module = import_module(f"{__name__}.{language.split('-')[0].lower()}")
    except ModuleNotFoundError:
        module = import_module(f"{__name__}.en")
    return Rules(
        language=module.LANGUAGE,
        section_words=frozenset(w.lower() for w in module.SECTION_WORDS),
        furniture=_any_line(module.FURNITURE_LINES + module.BLOCK_STARTERS),
        block_starters=_any_line(module.BLOCK_STARTERS),
        byline=re.compile(module.BYLINE, re.IGNORECASE),
        names_line=re.compile(module.NAMES_LINE),
        name_particles=frozenset(module.NAME_PARTICLES),
        names_and=re.compile(module.NAMES_AND),
        names_and_word=module.NAMES_AND_WORD,
        byline_place=re.compile(module.BYLINE_PLACE),
        byline_for=re.compile(module.BYLINE_FOR),
        byline_credit=re.compile(module.BYLINE_CREDIT, re.IGNORECASE),
        outlet_prefix=re.compile(module.OUTLET_PREFIX, re.IGNORECASE),
        date_prefix=re.compile(module.DATE_PREFIX, re.IGNORECASE),
        months=dict(module.MONTHS),
        weekdays=re.compile(module.WEEKDAYS, re.IGNORECASE),
        timezones=dict(module.TIMEZONES),
        wire_dateline=re.compile(module.WIRE_DATELINE),
        outlet_words=frozenset(w.lower() for w in module.OUTLET_WORDS),
        copyright_line=re.compile(module.COPYRIGHT_LINE, re.IGNORECASE),
        copyright_noise=re.compile("|".join(f"(?:{p})" for p in module.COPYRIGHT_NOISE), re.IGNORECASE),
    )


@dataclass(frozen=True)
class KnownOutlet:
    name: str
    domains: tuple[str, ...]
    aliases: tuple[str, ...]


@cache
def known_outlets() -> tuple[KnownOutlet, ...]:
    """Well-known outlets and wire services: `Name | domain, domain | alias; alias` per line."""
    outlets = []
    for raw in OUTLETS_FILE.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        name, _, rest = line.partition("|")
        domains, _, aliases = rest.partition("|")
        outlets.append(
            KnownOutlet(
                name=name.strip(),
                domains=tuple(d.strip().lower() for d in domains.split(",") if d.strip()),
                aliases=tuple(a.strip() for a in aliases.split(";") if a.strip()),
            )
        )
    return tuple(outlets)
