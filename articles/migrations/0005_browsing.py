# Owned by the browsing and search feature: the full-text search index, one per database vendor.
# SQLite gets an FTS5 table kept in sync by triggers; PostgreSQL a stored tsvector column with a GIN
# index. Django's model state does not know about either: only articles/search/ queries them.
from django.db import migrations

SQLITE_FORWARD = [
    # External-content FTS5 table: the text lives once, in articles_article; the index holds tokens.
    # Porter stemming brings "summits" and "summit" together, as PostgreSQL's english config does.
    """
    CREATE VIRTUAL TABLE articles_article_fts USING fts5(
        title, body_text,
        content='articles_article', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2'
    )
    """,
    """
    CREATE TRIGGER articles_article_fts_insert AFTER INSERT ON articles_article BEGIN
        INSERT INTO articles_article_fts(rowid, title, body_text)
        VALUES (new.id, new.title, new.body_text);
    END
    """,
    """
    CREATE TRIGGER articles_article_fts_delete AFTER DELETE ON articles_article BEGIN
        INSERT INTO articles_article_fts(articles_article_fts, rowid, title, body_text)
        VALUES ('delete', old.id, old.title, old.body_text);
    END
    """,
    """
    CREATE TRIGGER articles_article_fts_update AFTER UPDATE OF title, body_text ON articles_article BEGIN
        INSERT INTO articles_article_fts(articles_article_fts, rowid, title, body_text)
        VALUES ('delete', old.id, old.title, old.body_text);
        INSERT INTO articles_article_fts(rowid, title, body_text)
        VALUES (new.id, new.title, new.body_text);
    END
    """,
    "INSERT INTO articles_article_fts(articles_article_fts) VALUES ('rebuild')",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS articles_article_fts_update",
    "DROP TRIGGER IF EXISTS articles_article_fts_delete",
    "DROP TRIGGER IF EXISTS articles_article_fts_insert",
    "DROP TABLE IF EXISTS articles_article_fts",
]

POSTGRES_FORWARD = [
    # A stored generated column rather than an expression index: ranking reads the vector of every
    # matching row, and recomputing to_tsvector over long bodies at query time is the slow part.
    # Headlines weigh more than bodies (A against B).
    """
    ALTER TABLE articles_article ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A')
        || setweight(to_tsvector('english'::regconfig, coalesce(body_text, '')), 'B')
    ) STORED
    """,
    "CREATE INDEX article_search_vector_idx ON articles_article USING GIN (search_vector)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS article_search_vector_idx",
    "ALTER TABLE articles_article DROP COLUMN IF EXISTS search_vector",
]

# Indexes in the exact order the lists ask for: newest first with undated rows last. PostgreSQL
# sorts NULLs first in a DESC index unless told otherwise, so the model's plain DESC indexes cannot
# serve "published_at DESC NULLS LAST"; SQLite's DESC order already puts NULLs last.
SQLITE_LIST_INDEXES = [
    "CREATE INDEX article_unassigned_latest_idx ON articles_article (published_at DESC, id DESC) "
    "WHERE event_id IS NULL",
    "CREATE INDEX event_reported_latest_idx ON articles_event "
    "(last_published_at DESC, updated_at DESC, id DESC) WHERE article_count > 0",
]
POSTGRES_LIST_INDEXES = [
    "CREATE INDEX article_unassigned_latest_idx ON articles_article "
    "(published_at DESC NULLS LAST, id DESC) WHERE event_id IS NULL",
    "CREATE INDEX event_reported_latest_idx ON articles_event "
    "(last_published_at DESC NULLS LAST, updated_at DESC, id DESC) WHERE article_count > 0",
    "CREATE INDEX article_latest_nulls_last_idx ON articles_article (published_at DESC NULLS LAST, id DESC)",
    "CREATE INDEX article_source_latest_nulls_last_idx ON articles_article "
    "(source_id, published_at DESC NULLS LAST, id DESC)",
]
LIST_INDEXES_BACKWARD = [
    "DROP INDEX IF EXISTS article_unassigned_latest_idx",
    "DROP INDEX IF EXISTS event_reported_latest_idx",
    "DROP INDEX IF EXISTS article_latest_nulls_last_idx",
    "DROP INDEX IF EXISTS article_source_latest_nulls_last_idx",
]


# The content version: one row whose token changes in the same transaction as any write to the
# tables the reader pages show. Cached pages are keyed by it (articles.browsing.pagecache), so a
# page is never served for data it was not rendered from, whoever writes (admin, import, grouping,
# bulk updates, raw SQL). A random token rather than a counter: a rolled-back write restores the
# old token together with the old data, and no two data states ever share a token.
VERSIONED_TABLES = ["articles_article", "articles_event", "articles_source"]
SQLITE_VERSION = [
    "CREATE TABLE articles_content_version (id integer PRIMARY KEY CHECK (id = 1), token text NOT NULL)",
    "INSERT INTO articles_content_version (id, token) VALUES (1, lower(hex(randomblob(8))))",
] + [
    f"""
    CREATE TRIGGER {table}_version_{action.lower()} AFTER {action} ON {table} BEGIN
        UPDATE articles_content_version SET token = lower(hex(randomblob(8))) WHERE id = 1;
    END
    """
    for table in VERSIONED_TABLES
    for action in ("INSERT", "UPDATE", "DELETE")
]
SQLITE_VERSION_BACKWARD = [
    f"DROP TRIGGER IF EXISTS {table}_version_{action.lower()}"
    for table in VERSIONED_TABLES
    for action in ("INSERT", "UPDATE", "DELETE")
] + ["DROP TABLE IF EXISTS articles_content_version"]
POSTGRES_VERSION = [
    "CREATE TABLE articles_content_version (id integer PRIMARY KEY CHECK (id = 1), token text NOT NULL)",
    "INSERT INTO articles_content_version (id, token) VALUES (1, gen_random_uuid()::text)",
    """
    CREATE FUNCTION articles_bump_content_version() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        UPDATE articles_content_version SET token = gen_random_uuid()::text WHERE id = 1;
        RETURN NULL;
    END $$
    """,
] + [
    # Once per statement (a bulk insert bumps once); TRUNCATE too, which row triggers miss.
    f"""
    CREATE TRIGGER {table}_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table}
    FOR EACH STATEMENT EXECUTE FUNCTION articles_bump_content_version()
    """
    for table in VERSIONED_TABLES
]
POSTGRES_VERSION_BACKWARD = [f"DROP TRIGGER IF EXISTS {table}_version ON {table}" for table in VERSIONED_TABLES] + [
    "DROP FUNCTION IF EXISTS articles_bump_content_version()",
    "DROP TABLE IF EXISTS articles_content_version",
]


class VendorSQL(migrations.RunSQL):
    """RunSQL that runs only on one database vendor (the search index differs per vendor)."""

    def __init__(self, vendor: str, sql: list[str], reverse_sql: list[str]) -> None:
        super().__init__(sql, reverse_sql)
        self.vendor = vendor

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == self.vendor:
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == self.vendor:
            super().database_backwards(app_label, schema_editor, from_state, to_state)

    def describe(self) -> str:
        return f"Raw SQL for {self.vendor} only"


class Migration(migrations.Migration):
    dependencies = [("articles", "0004_analysis")]

    operations = [
        VendorSQL("sqlite", SQLITE_FORWARD, SQLITE_BACKWARD),
        VendorSQL("postgresql", POSTGRES_FORWARD, POSTGRES_BACKWARD),
        VendorSQL("sqlite", SQLITE_LIST_INDEXES, LIST_INDEXES_BACKWARD),
        VendorSQL("postgresql", POSTGRES_LIST_INDEXES, LIST_INDEXES_BACKWARD),
        VendorSQL("sqlite", SQLITE_VERSION, SQLITE_VERSION_BACKWARD),
        VendorSQL("postgresql", POSTGRES_VERSION, POSTGRES_VERSION_BACKWARD),
    ]
