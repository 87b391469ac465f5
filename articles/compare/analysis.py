"""Per-article text analysis stored at import (sentences, entities, quotes, numbers).

Placeholder until the comparison feature lands: the contract is
analyse_text(title, body, language) -> JSON-safe dict, versioned by ANALYSIS_VERSION.
"""

ANALYSIS_VERSION = 0


def analyse_text(title: str, body: str, language: str = "en") -> dict:
    return {}
