"""Grouping stored reports in bulk: what stage two of an import calls.

One function, so that the order in which an import's reports are grouped (and how the
work is batched) is decided in one place.
"""

import logging

from django.db import transaction

from ..models import Article
from .service import assign_article

logger = logging.getLogger(__name__)


def publication_order(article: Article) -> tuple[bool, float, int]:
    """Oldest first, undated last, ties in the order stored (see importing.pipeline's
    _publication_order for why)."""
    published = article.published_at
    return published is None, published.timestamp() if published is not None else 0.0, article.pk


def group_articles(article_ids: list[int]) -> dict[int, str]:
    """Group the stored reports `article_ids` in publication order, each as assign_article
    decides it; returns the reason for each report that could not be grouped.

    The caller holds the grouping lock (service.serialise_grouping) in its transaction.
    Each report is grouped in its own savepoint, so one that fails leaves the others'
    decisions in place and itself ungrouped ("pending").
    """
    articles = sorted(Article.objects.filter(pk__in=article_ids), key=publication_order)
    failures: dict[int, str] = {}
    for article in articles:
        try:
            with transaction.atomic():
                assign_article(article)
        except Exception as error:
            logger.exception("Grouping report %s failed", article.pk)
            failures[article.pk] = f"could not be grouped: {error}"
    return failures
