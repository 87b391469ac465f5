"""Assigning an article to an event. Placeholder until the grouping feature lands.

Contract: assign_article(article) is called by the import pipeline inside the
article's transaction, right after the row is saved.
"""

from ..models import Article


def assign_article(article: Article) -> None:
    return None
