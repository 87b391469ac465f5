"""Per-article text analysis stored at import (sentences, entities, quotes, numbers).

The contract with the import pipeline: analyse_text(title, body, language) -> JSON-safe dict,
versioned by ANALYSIS_VERSION; stored analyses with an older version are recomputed (on the fly
by comparisons, for good by `manage.py reanalyse_articles`).
"""

from .entities import extract_entities
from .numbers import extract_numbers
from .quotes import extract_quotes
from .sentences import split_sentences

ANALYSIS_VERSION = 1


def analyse_text(title: str, body: str, language: str = "en") -> dict:
    """Sentences (with offsets into body), entities, quotes and numbers of one report."""
    language = language or "en"
    sentences = split_sentences(body, language)
    entities, mentions = extract_entities(body, sentences, language)
    names = {e.key: e.name for e in entities}
    quotes = extract_quotes(body, sentences, mentions, names, language)
    numbers = extract_numbers(body, [s.start for s in sentences], language)
    title_numbers = extract_numbers(title, [0], language)
    return {
        "version": ANALYSIS_VERSION,
        "language": language,
        "title": title,
        "title_numbers": [n.as_dict() for n in title_numbers],
        "sentences": [
            {
                "id": s.index,
                "paragraph": s.paragraph,
                "start": s.start,
                "end": s.end,
                "text": s.text,
            }
            for s in sentences
        ],
        "entities": [e.as_dict() for e in entities],
        "quotes": [q.as_dict() for q in quotes],
        "numbers": [n.as_dict() for n in numbers],
    }
