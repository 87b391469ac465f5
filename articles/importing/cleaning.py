"""Turning text copied from a web page into headline, outlet, byline, date and body.

Plain Python over strings; every phrase it recognises comes from a `Rules` object
(articles/importing/rules/), so the engine stays general and the data grows.

The page is read as paragraphs. The *head* is everything before the first paragraph
that reads like body copy; there we expect section labels, the headline, an outlet
line, a byline and a date. Furniture (comment forms, share widgets, newsletter and
cookie prompts, link lists, credits) is dropped wherever it appears. When neither the head
nor a wire dateline names the outlet, a copyright line below the story may.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime

from ..grouping.lexicon import PLACES
from . import bylines
from .dates import parse_date_line
from .outlets import OutletMatcher
from .rules import Rules

# Zero-width characters and soft hyphens go; tabs and typographic spaces become plain
# spaces. str.translate does this far faster than a regular expression over the text.
_SPACE_FIXES = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None) | dict.fromkeys(
    map(ord, "\t\u00a0\u202f\u205f\u3000" + "".join(map(chr, range(0x2000, 0x200B)))), " "
)
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$|[\"”’]$")
_QUESTION_END = re.compile(r"\?[\"'”’)\]]*$")
_GLUED_WORDS = re.compile(r"(?<=[a-z])(?=[A-Z])")
_BREADCRUMB_SEPARATORS = re.compile(r"\s*[›»>/|•·→:]\s*")
_BREADCRUMB_ARROW = re.compile(r"\s[›»>→]\s")
_BYLINE_SPLIT = re.compile(r"\s*(?:[|,;–—]|\s-\s|\bfor\b|\bin\b)\s*")
# Up to five capitalised words, "&", "of" or "de" between them, no digits: an outlet's shape.
_OUTLET_NAME = re.compile(r"^[A-Z][A-Za-z'’.-]*(?:\s+(?:[A-Z][A-Za-z'’.-]*|&|of|de|du|del)){0,4}$")
_TITLE_SUFFIX = re.compile(r"^(?P<headline>.{10,}?)\s+(?:[|–—]|-)\s+(?P<outlet>[^|–—]{2,60})$")
_FIRST_SENTENCE = re.compile(r"^(.+?[.!?])(?=\s+[\"“‘']?[A-Z0-9]|$)", re.DOTALL)

# A paragraph this long is body copy, not furniture; skipping it keeps the rules cheap.
_MAX_FURNITURE_WORDS = 60
_HEAD_LIMIT = 15
# A copyright line names the outlet only among the page's last paragraphs (its footer).
_FOOTER_LIMIT = 10
_SENTENCE_BREAK = re.compile(r"(?<=\w\w)\.\s+")


@dataclass
class CleanedText:
    title: str
    body: str
    outlet: str = ""
    byline: str = ""
    published_at: datetime | None = None
    title_from_text: bool = False
    removed: list[str] = field(default_factory=list)


def word_count(text: str) -> int:
    """Words as a newsroom counts them: runs of characters between spaces."""
    return len(text.split())


def normalise_whitespace(text: str) -> str:
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.translate(_SPACE_FIXES)
    while "  " in text:
        text = text.replace("  ", " ")
    return "\n".join(line.strip() for line in text.split("\n"))


def split_paragraphs(text: str) -> list[str]:
    """One paragraph per line, except hard-wrapped blocks (short lines without sentence
    ends, separated by blank lines), which are joined back into paragraphs."""
    blocks = [block for block in re.split(r"\n\s*\n", text) if block.strip()]
    paragraphs: list[str] = []
    for block in blocks:
        lines = [line for line in block.split("\n") if line]
        wrapped = (
            len(lines) > 2
            and all(45 <= len(line) <= 100 for line in lines[:-1])
            and sum(bool(_SENTENCE_END.search(line)) for line in lines[:-1]) <= len(lines) // 3
        )
        paragraphs.extend([" ".join(lines)] if wrapped else lines)
    return paragraphs


def is_body_copy(paragraph: str) -> bool:
    words = word_count(paragraph)
    if words >= 25:
        return True
    # A short question is more often an explainer's headline ("May is resigning. Who's
    # next?") than the first paragraph of a story.
    return words >= 10 and bool(_SENTENCE_END.search(paragraph)) and not _QUESTION_END.search(paragraph)


def _could_be_headline(line: str) -> bool:
    return 3 <= word_count(line) <= 30 and not line.endswith(".")


def title_from_text(body: str, limit: int = 120) -> str:
    """A stand-in headline: the first sentence, cut at a word boundary."""
    first = body.strip().split("\n", 1)[0]
    match = _FIRST_SENTENCE.match(first)
    sentence = (match.group(1) if match else first).strip()
    if len(sentence) <= limit:
        return sentence
    return sentence[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


class PageCleaner:
    def __init__(self, rules: Rules, outlets: OutletMatcher) -> None:
        self.rules = rules
        self.outlets = outlets

    # Line classifiers -------------------------------------------------------------------

    def is_section_label(self, line: str) -> bool:
        """ "International NewsNews", "World › Asia", "Home | News | Politics"."""
        if len(line) > 80:
            return False
        parts = [p for p in _BREADCRUMB_SEPARATORS.split(line) if p]
        if len(parts) > 1 and all(word_count(p) <= 4 for p in parts) and word_count(line) <= 12:
            words = _GLUED_WORDS.sub(" ", line).lower().split()
            # An arrow between short parts is a breadcrumb whatever the section names
            # ("Companies > Aerospace & Defence"); headlines use colons and bars, not arrows.
            if (
                _BREADCRUMB_ARROW.search(line)
                or line.lower().startswith("home")
                or all(w.strip(".,") in self.rules.section_words for w in words if w not in "›»>/|•·→:")
            ):
                return True
        words = _GLUED_WORDS.sub(" ", line).lower().replace("-", " ").split()
        return 0 < len(words) <= 6 and all(w.strip(".,:") in self.rules.section_words for w in words)

    def is_furniture(self, line: str) -> bool:
        return word_count(line) <= _MAX_FURNITURE_WORDS and bool(self.rules.furniture.match(line))

    def outlet_line(self, line: str) -> str | None:
        """The outlet named by a line on its own ("Bloomberg", "Source: Reuters")."""
        if word_count(line) > 8:
            return None
        known = self.outlets.by_name(line)
        if known:
            return known
        prefixed = self.rules.outlet_prefix.match(line)
        if prefixed:
            rest = prefixed["rest"].strip(" .")
            # "Source: Valley Gazette" names an outlet even if unknown; "From our
            # correspondent" does not, so other prefixes need an outlet we know.
            labelled = line.lower().startswith("source") and ":" in line
            return self.outlets.by_name(rest) or (rest if labelled and word_count(rest) <= 5 else None)
        return None

    def byline_line(self, line: str) -> tuple[str, str, datetime | None] | None:
        """(byline, outlet, date) from "By Jane Doe, Reuters", "Jane Doe | Bloomberg" or
        "By Jane Doe in London and Carlos Ruiz in Seattle"."""
        if word_count(line) > 25:
            return None
        match = self.rules.byline.match(line)
        if match is None:
            # Without "By", only names followed by an outlet we know count as a byline.
            segments = [s.strip(" .") for s in bylines.SEPARATOR.split(line)[::2]]
            outlet = self.outlets.by_name(segments[-1]) if len(segments) > 1 else None
            people = [bylines.people(s, self.rules) for s in segments[:-1]]
            if outlet and all(people):
                return (
                    bylines.join_names([name for names in people for name in names], self.rules),
                    outlet,
                    None,
                )
            return None
        first = _BYLINE_SPLIT.split(match["rest"].strip())[0].strip(" .")
        if not (self.outlets.by_name(first) or self._looks_like_names(first)):
            return None  # "Reporting by the Guardian found that ..." is a sentence
        names, outlet, when = self._read_byline(match["rest"])
        return bylines.join_names(names, self.rules), outlet, when

    def _read_byline(self, text: str) -> tuple[list[str], str, datetime | None]:
        """Reporters, outlet and date from what follows "By"."""
        names: list[str] = []
        outlet, when = "", None
        # Separators are kept (odd positions) so that a date with a comma can be read whole.
        pieces = bylines.SEPARATOR.split(text)
        for position in range(0, len(pieces), 2):
            segment = pieces[position].strip(" .")
            if not segment:
                continue
            credit = self.rules.byline_credit.match(segment)
            if credit:
                # "with additional reporting by Carlos Ruiz": more reporters, never an outlet.
                names.extend(bylines.people(segment[credit.end() :], self.rules))
                continue
            segment, *written_for = self.rules.byline_for.split(segment, maxsplit=1)
            if written_for and not outlet:
                outlet = self.outlets.by_name(written_for[0]) or self._byline_outlet(written_for[0]) or ""
            if when is None and (
                found := parse_date_line("".join(pieces[position:]).strip(" ."), self.rules)
                or parse_date_line(segment, self.rules)
            ):
                when = found
            elif not outlet and (known := self.outlets.by_name(segment)):
                outlet = known
            elif self.is_furniture(segment):
                pass  # a reporter's role ("Political Editor"), not another reporter
            elif (
                not outlet
                and names
                and (unknown := self._byline_outlet(segment, after_comma=pieces[position - 1].strip() == ","))
            ):
                outlet = unknown
            elif people := bylines.people(segment, self.rules):
                names.extend(people)
            elif not names:
                # The first part was checked to look like names: keep it as the page has it.
                names.append(bylines.without_place(segment, self.rules))
        return names, outlet, when

    def _byline_outlet(self, text: str, *, after_comma: bool = False) -> str | None:
        """An unknown outlet after the names, by its shape. One word will do after a bar
        ("Jane Doe | Paxwire"), as on a line of its own, but not after a comma, where one
        word is most often the place the reporter files from ("By Jane Doe, Seattle"), nor
        a word in capitals or a known place anywhere ("WASHINGTON", "Brussels")."""
        text = text.strip(" .")
        if " " not in text and (after_comma or text.isupper() or text.lower() in PLACES):
            return None
        return self.unknown_outlet(text, alone=True)

    def _looks_like_names(self, text: str) -> bool:
        words = text.split()
        return 0 < len(words) <= 10 and all(
            w[0].isupper() or w.lower() in self.rules.name_particles for w in words
        )

    def wire_outlet(self, paragraph: str) -> str | None:
        """ "SEOUL (Reuters) - ..." names the wire service that filed the story."""
        match = self.rules.wire_dateline.match(paragraph)
        if match is None:
            return None
        name = match["outlet"].strip()
        # The dateline's brackets hold the filing outlet even when we do not know it.
        return self.outlets.by_name(name) or (name if _OUTLET_NAME.match(name) else None)

    def copyright_outlet(self, line: str) -> str | None:
        """ "Copyright 2019 The Klaxon. All rights reserved." names The Klaxon; "© 2019" nobody."""
        match = self.rules.copyright_line.match(line)
        if match is None or word_count(line) > _MAX_FURNITURE_WORDS:
            return None
        holder = match["holder"]
        # "The Associated Press. This material may not be published ...": the name comes first.
        for text in dict.fromkeys((holder, _SENTENCE_BREAK.split(holder, maxsplit=1)[0])):
            name = " ".join(self.rules.copyright_noise.sub(" ", text).split()).strip(" .,;:|-–—©")
            if not name:
                continue
            # The notice names its holder outright, so one word will do ("© Paxwire"), but a
            # person's name ("© Jane Doe") is a photographer's or a writer's, not an outlet.
            if outlet := self.outlets.by_name(name) or self.unknown_outlet(name, alone=True):
                return outlet
        return None

    def _footer_outlet(self, paragraphs: list[str], kept: list[str]) -> str | None:
        """The outlet named by a copyright line below the end of the story."""
        story = set(kept)
        for paragraph in reversed(paragraphs[-_FOOTER_LIMIT:]):
            if paragraph in story:
                return None  # above the story's last paragraph: a picture credit, not the footer
            if outlet := self.copyright_outlet(paragraph):
                return outlet
        return None

    def unknown_outlet(self, line: str, *, alone: bool) -> str | None:
        """A publication's name we do not know, by its shape: capitalised words with a
        publication word ("The Lantern Review", "Gulf Standard") or a leading "The"; `alone`
        (a line of its own below the headline) also takes one word ("Paxwire")."""
        name = line.strip(" .")
        if not _OUTLET_NAME.match(name) or self.is_section_label(name) or self.is_furniture(name):
            return None
        words = name.split()
        if words[0] == "The" and len(words) > 1:
            return name
        if any(w.lower() in self.rules.outlet_words for w in words):
            return name
        return name if alone and len(words) == 1 and len(name) > 2 else None

    # The whole page -------------------------------------------------------------------

    def clean(self, text: str, *, title: str = "") -> CleanedText:
        """Clean a page. With `title` given (a structured record), the headline is not
        searched for; a line repeating it is dropped."""
        paragraphs = split_paragraphs(normalise_whitespace(text))
        result = CleanedText(title=title, body="")
        # The head ends at the first paragraph of body copy; a long cookie banner is not one.
        head_end = next(
            (
                i
                for i, p in enumerate(paragraphs[:_HEAD_LIMIT])
                if is_body_copy(p) and not self.is_furniture(p)
            ),
            min(len(paragraphs), _HEAD_LIMIT),
        )
        kept = self._read_head(paragraphs[:head_end], result, title.casefold())
        kept.extend(self._clean_body(paragraphs[head_end:], result))
        if not result.outlet:
            first_copy = next((p for p in kept if is_body_copy(p)), "")
            result.outlet = self.wire_outlet(first_copy) or self._footer_outlet(paragraphs, kept) or ""
        if not result.title:
            # No headline-like line: a short head line ending with a full stop, else the text.
            fallback = next((p for p in kept[:2] if 3 <= word_count(p) <= 20 and not is_body_copy(p)), None)
            if fallback:
                kept.remove(fallback)
                result.title = fallback
            elif kept:
                result.title = title_from_text(kept[0])
                result.title_from_text = True
        result.body = "\n\n".join(kept)
        return result

    def _read_head(self, lines: list[str], result: CleanedText, known_title: str) -> list[str]:
        """Take labels, outlet, byline, date and furniture out of the head, pick the
        headline, and return the head lines that belong to the body (a standfirst)."""
        remaining: list[str] = []
        for line in lines:
            if (known_title and line.casefold() == known_title) or self._take_metadata(line, result):
                result.removed.append(line)
            else:
                remaining.append(line)
        if not result.title:
            candidates = [i for i, line in enumerate(remaining) if _could_be_headline(line)]
            if candidates:
                chosen = candidates[0]
                # A short kicker ("Nuclear talks") often sits above the real, longer headline.
                # A short line in capitals is a tabloid's headline ("CAR KING IN CUFFS"), not a kicker.
                short = word_count(remaining[chosen]) < 5 and not remaining[chosen].isupper()
                if short and len(candidates) > 1 and word_count(remaining[candidates[1]]) >= 5:
                    chosen = candidates[1]
                result.title = self._split_outlet_suffix(remaining[chosen], result)
                result.removed.extend(remaining[:chosen])  # above the headline: page chrome
                remaining = remaining[chosen + 1 :]
        kept = []
        for line in remaining:
            if result.title and not result.outlet and (outlet := self.unknown_outlet(line, alone=True)):
                result.outlet = outlet
            elif result.title and not result.byline and (names := bylines.names_line(line, self.rules)):
                result.byline = names
            elif not result.title and word_count(line) < 3:
                pass  # chrome we do not recognise (topic tags, menus) above where a headline would be
            else:
                kept.append(line)
                continue
            result.removed.append(line)
        return kept

    def _take_metadata(self, line: str, result: CleanedText) -> bool:
        """Record what a head line tells (outlet, byline, date); True if it is not text."""
        if self.is_section_label(line):
            return True
        outlet = self.outlet_line(line)
        if outlet:
            result.outlet = result.outlet or outlet
            return True
        byline = self.byline_line(line)
        if byline:
            names, outlet, when = byline
            result.byline = result.byline or names
            result.outlet = result.outlet or outlet
            result.published_at = result.published_at or when
            return True
        when = parse_date_line(line, self.rules)
        if when:
            result.published_at = result.published_at or when
            return True
        return self.is_furniture(line)

    def _split_outlet_suffix(self, headline: str, result: CleanedText) -> str:
        """ "Rail line delayed | Reuters" (a browser tab title): the outlet is not headline."""
        match = _TITLE_SUFFIX.match(headline)
        if match and (outlet := self.outlets.by_name(match["outlet"])):
            result.outlet = result.outlet or outlet
            return match["headline"]
        return headline

    def _clean_body(self, paragraphs: list[str], result: CleanedText) -> list[str]:
        kept: list[str] = []
        in_link_list = False
        for position, paragraph in enumerate(paragraphs):
            # A standfirst can push the byline just below the head.
            if position < 3 and result.title and not result.byline and word_count(paragraph) <= 25:
                names = bylines.names_line(paragraph, self.rules)
                byline = self.byline_line(paragraph) if names is None else (names, "", None)
                if byline:
                    result.byline = byline[0]
                    result.outlet = result.outlet or byline[1]
                    result.published_at = result.published_at or byline[2]
                    result.removed.append(paragraph)
                    continue
            if in_link_list and self._is_list_entry(paragraph):
                result.removed.append(paragraph)
                continue
            in_link_list = False
            if self.is_furniture(paragraph):
                result.removed.append(paragraph)
                in_link_list = bool(self.rules.block_starters.match(paragraph))
                continue
            if word_count(paragraph) <= 12 and (when := parse_date_line(paragraph, self.rules)):
                result.published_at = result.published_at or when
                result.removed.append(paragraph)
                continue
            kept.append(paragraph)
        return kept

    def _is_list_entry(self, paragraph: str) -> bool:
        """A headline-like line in a "Related articles" list: short, no sentence end."""
        words = word_count(paragraph)
        return words <= 6 or (words <= 25 and not _SENTENCE_END.search(paragraph))
