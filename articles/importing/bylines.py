"""Reporters' names in a byline: split them, drop their places, join them readably.

Plain Python over strings; the words that join names or mark a place come from `Rules`.
Which part of a byline is the outlet or the date is the page cleaner's business
(articles.importing.cleaning), because it needs the outlets we know.
"""

import re

from .rules import Rules

# Between the parts of a byline ("Jane Doe, Reuters", "Jane Doe | May 16, 2019"). One group, so
# that re.split keeps the separators at odd positions and a date with a comma can be rebuilt.
SEPARATOR = re.compile(r"(\s*(?:[|,;•–—]|\s-\s)\s*)")


def without_place(text: str, rules: Rules) -> str:
    """ "Jane Doe in London" -> "Jane Doe"."""
    return rules.byline_place.split(text, maxsplit=1)[0].strip()


def is_person(text: str, rules: Rules) -> bool:
    """Two to four capitalised words, with particles ("Bo de la Cruz"): a person's name."""
    words = text.split()
    capitalised = sum(w[0].isupper() for w in words)
    return (
        2 <= capitalised <= 4
        and words[0] != "The"  # "The Lantern Review" is an outlet's shape
        and not any(c.isdigit() for c in text)
        and all(w[0].isupper() or (w.lower() in rules.name_particles and w.lower() != "and") for w in words)
    )


def people(text: str, rules: Rules) -> list[str]:
    """The reporters in one part of a byline, places dropped: "Jane Doe in London and Carlos
    Ruiz in Seattle" is two people. "Johnson and Johnson" (one word each side) is nobody:
    the caller decides whether to keep it whole."""
    sides = [without_place(side, rules) for side in rules.names_and.split(text)]
    return sides if all(is_person(side, rules) for side in sides) else []


def join_names(names: list[str], rules: Rules) -> str:
    """ "Jane Doe", "Jane Doe and Carlos Ruiz", "Jane Doe, Carlos Ruiz and Mei Lin"."""
    unique = list(dict.fromkeys(n.strip() for n in names if n.strip()))
    if len(unique) < 2:
        return "".join(unique)
    return f"{', '.join(unique[:-1])} {rules.names_and_word} {unique[-1]}"


def names_line(line: str, rules: Rules) -> str | None:
    """The byline of a line of names only ("Jane Doe in Brussels and Tom Hale in London")."""
    match = rules.names_line.match(line)
    if match is None:
        return None
    names = []
    for segment in SEPARATOR.split(match["names"])[::2]:
        segment = rules.byline_credit.sub("", segment.strip())  # the "and" after an Oxford comma
        names.extend(people(segment, rules) or [segment])
    return join_names(names, rules)


def fit_byline(byline: str, limit: int, rules: Rules) -> str:
    """The byline cut to `limit` characters between names, not inside one."""
    if len(byline) <= limit:
        return byline
    names = [name for part in SEPARATOR.split(byline)[::2] for name in rules.names_and.split(part)]
    for count in range(len(names) - 1, 0, -1):
        if len(joined := join_names(names[:count], rules)) <= limit:
            return joined
    # One name longer than the field: cut at a word boundary.
    return byline[: limit + 1].rsplit(" ", 1)[0][:limit].rstrip(" ,;")
