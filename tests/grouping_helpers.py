"""Helpers for the grouping tests: reports stored the way the import pipeline stores them."""

import hashlib
from datetime import datetime
from pathlib import Path

from articles.grouping.service import assign_article
from articles.models import Article, Source
from articles.reading import read_report

DEMO_DIR = Path(__file__).resolve().parent.parent / "demo"


def outlet(name: str) -> Source:
    slug = name.lower().replace(" ", "-")
    return Source.objects.get_or_create(name=name, defaults={"slug": slug})[0]


def report(
    source: Source | str,
    title: str,
    body: str,
    published_at: datetime | None = None,
    *,
    assign: bool = True,
    read: bool = True,
) -> Article:
    """Store a report, read (its meaning vectors are part of grouping) and by default grouped,
    as an import does. read=False: stored as before reading existed, grouped on words alone."""
    if isinstance(source, str):
        source = outlet(source)
    article = Article.objects.create(
        source=source,
        title=title,
        body_text=body,
        published_at=published_at,
        content_hash=hashlib.sha256(f"{source.pk}\n{title}\n{body}".encode()).hexdigest(),
        word_count=len(body.split()),
        analysis=read_report(title, body) if read else {},
    )
    if assign:
        assign_article(article)
        article.refresh_from_db()
    return article


def seed_texts() -> list[tuple[str, str]]:
    """(headline, body) of each demo seed: the first line is taken as the headline."""
    out = []
    for path in sorted(DEMO_DIR.glob("*.txt")):
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        out.append((lines[0].strip(), "\n\n".join(lines[1:])))
    return out
