# Owned by the browsing feature: version tokens per event, per report and for the outlets, so
# that a cached event, report or comparison page survives writes to other events. The site-wide
# token of 0005 changes with every write anywhere; with an import a second, it left the page
# cache serving 4 to 11% of a realistic mix. These tokens change, in the same transaction, only
# when something one page shows changes (articles.browsing.pagecache reads them).
#
# Scopes (one row each, created on the first write that touches it):
#   event:<id>    the event's row, any report in it (joined, left, edited, deleted), its links to
#                 events possibly the same story, and those linked events' rows (title, counts)
#   article:<id>  the report's row (which event it is in included)
#   outlets       any outlet (names and slugs appear on every page)
#   epoch         bulk writes that bypass the row triggers (one_version_bump on SQLite, TRUNCATE)
# A random token, not a counter, for the reason 0005 gives: a rolled-back write restores the old
# token with the old data, and no two states of a scope ever share a token.
#
# The trigger names contain "_version_" so that pagecache.one_version_bump drops and restores
# them with the site-wide ones on SQLite (it then changes the epoch). On PostgreSQL they sort
# after the site-wide "<table>_version" triggers, which fire first in name order: every writing
# statement takes the site-wide token's row lock before any scope row, so two writers never lock
# scope rows in opposite orders (no deadlock).
import importlib

from django.db import migrations

VendorSQL = importlib.import_module("articles.migrations.0005_browsing").VendorSQL

TABLE = "CREATE TABLE articles_page_version (scope varchar(40) PRIMARY KEY, token varchar(40) NOT NULL)"
SQLITE_TOKEN = "lower(hex(randomblob(8)))"


def _sqlite_trigger(table: str, action: str, scopes: list[str]) -> str:
    """A row trigger writing a fresh token into each scope that `scopes` (SELECTs of one
    column, the scope name) yields; NULL scopes (a report in no event) are skipped."""
    union = " UNION ".join(scopes)
    return f"""
    CREATE TRIGGER {table}_version_scopes_{action.lower()} AFTER {action} ON {table} BEGIN
        INSERT OR REPLACE INTO articles_page_version (scope, token)
        SELECT scope, {SQLITE_TOKEN} FROM ({union}) WHERE scope IS NOT NULL;
    END
    """


def _linked(row: str) -> list[str]:
    """The events linked to event `row` as possibly the same story: their pages show its title
    and counts."""
    return [
        f"SELECT 'event:' || event_b_id AS scope FROM articles_possiblysame WHERE event_a_id = {row}.id",
        f"SELECT 'event:' || event_a_id AS scope FROM articles_possiblysame WHERE event_b_id = {row}.id",
    ]


SQLITE_FORWARD = [
    TABLE,
    _sqlite_trigger(
        "articles_article",
        "INSERT",
        ["SELECT 'article:' || new.id AS scope", "SELECT 'event:' || new.event_id"],
    ),
    _sqlite_trigger(
        "articles_article",
        "UPDATE",
        [
            "SELECT 'article:' || new.id AS scope",
            "SELECT 'event:' || new.event_id",
            "SELECT 'event:' || old.event_id",
        ],
    ),
    _sqlite_trigger(
        "articles_article",
        "DELETE",
        ["SELECT 'article:' || old.id AS scope", "SELECT 'event:' || old.event_id"],
    ),
    _sqlite_trigger("articles_event", "INSERT", ["SELECT 'event:' || new.id AS scope"]),
    _sqlite_trigger("articles_event", "UPDATE", ["SELECT 'event:' || new.id AS scope", *_linked("new")]),
    _sqlite_trigger("articles_event", "DELETE", ["SELECT 'event:' || old.id AS scope", *_linked("old")]),
    _sqlite_trigger("articles_source", "INSERT", ["SELECT 'outlets' AS scope"]),
    _sqlite_trigger("articles_source", "UPDATE", ["SELECT 'outlets' AS scope"]),
    _sqlite_trigger("articles_source", "DELETE", ["SELECT 'outlets' AS scope"]),
    *[
        _sqlite_trigger(
            "articles_possiblysame",
            action,
            [f"SELECT 'event:' || {row}.event_a_id AS scope", f"SELECT 'event:' || {row}.event_b_id"],
        )
        for action, row in (("INSERT", "new"), ("UPDATE", "new"), ("DELETE", "old"))
    ],
    # The links show on event pages, which look themselves up under the site-wide token first
    # (pagecache.cached_page's site_version_first), so links change that token too.
    *[
        f"""
        CREATE TRIGGER articles_possiblysame_version_{action.lower()} AFTER {action} ON articles_possiblysame BEGIN
            UPDATE articles_content_version SET token = lower(hex(randomblob(8))) WHERE id = 1;
        END
        """
        for action in ("INSERT", "UPDATE", "DELETE")
    ],
    # A link moved from one pair to another (never done, but possible) changes the old pair too.
    """
    CREATE TRIGGER articles_possiblysame_version_scopes_update_old AFTER UPDATE ON articles_possiblysame BEGIN
        INSERT OR REPLACE INTO articles_page_version (scope, token)
        SELECT 'event:' || old.event_a_id, lower(hex(randomblob(8)))
        UNION ALL SELECT 'event:' || old.event_b_id, lower(hex(randomblob(8)));
    END
    """,
]
SQLITE_BACKWARD = [
    *[
        f"DROP TRIGGER IF EXISTS {table}_version_scopes_{action}"
        for table in ("articles_article", "articles_event", "articles_source", "articles_possiblysame")
        for action in ("insert", "update", "delete")
    ],
    "DROP TRIGGER IF EXISTS articles_possiblysame_version_scopes_update_old",
    *[f"DROP TRIGGER IF EXISTS articles_possiblysame_version_{action}" for action in ("insert", "update", "delete")],
    "DROP TABLE IF EXISTS articles_page_version",
]

# PostgreSQL: statement triggers with transition tables, so a bulk update of 100,000 reports
# writes each touched scope once. A transition table cannot serve two kinds of statement, hence
# one trigger per kind, all calling one function per table that reads the tables its kind has.
PG_UPSERT = """
        INSERT INTO articles_page_version (scope, token)
        SELECT scope, gen_random_uuid()::text FROM ({scopes}) AS touched
        WHERE scope IS NOT NULL ORDER BY scope
        ON CONFLICT (scope) DO UPDATE SET token = excluded.token;"""


def _pg_function(name: str, new_scopes: str, old_scopes: str) -> str:
    both = f"{new_scopes} UNION {old_scopes}"
    return f"""
    CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'INSERT' THEN{PG_UPSERT.format(scopes=new_scopes)}
        ELSIF TG_OP = 'UPDATE' THEN{PG_UPSERT.format(scopes=both)}
        ELSE{PG_UPSERT.format(scopes=old_scopes)}
        END IF;
        RETURN NULL;
    END $$
    """


def _pg_triggers(table: str, function: str) -> list[str]:
    return [
        f"""
        CREATE TRIGGER {table}_version_scopes_{action.lower()} AFTER {action} ON {table}
        REFERENCING {references} FOR EACH STATEMENT EXECUTE FUNCTION {function}()
        """
        for action, references in (
            ("INSERT", "NEW TABLE AS new_rows"),
            ("UPDATE", "NEW TABLE AS new_rows OLD TABLE AS old_rows"),
            ("DELETE", "OLD TABLE AS old_rows"),
        )
    ] + [
        f"""
        CREATE TRIGGER {table}_version_scopes_truncate AFTER TRUNCATE ON {table}
        FOR EACH STATEMENT EXECUTE FUNCTION articles_bump_page_epoch()
        """
    ]


def _pg_event_scopes(rows: str) -> str:
    return (
        f"SELECT 'event:' || id AS scope FROM {rows}"
        f" UNION SELECT 'event:' || p.event_b_id FROM articles_possiblysame p JOIN {rows} r ON p.event_a_id = r.id"
        f" UNION SELECT 'event:' || p.event_a_id FROM articles_possiblysame p JOIN {rows} r ON p.event_b_id = r.id"
    )


POSTGRES_FORWARD = [
    TABLE,
    """
    CREATE FUNCTION articles_bump_page_epoch() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        -- The site-wide token too: the links table has no trigger of its own for it.
        UPDATE articles_content_version SET token = gen_random_uuid()::text WHERE id = 1;
        INSERT INTO articles_page_version (scope, token) VALUES ('epoch', gen_random_uuid()::text)
        ON CONFLICT (scope) DO UPDATE SET token = excluded.token;
        RETURN NULL;
    END $$
    """,
    _pg_function(
        "articles_article_bump_scopes",
        "SELECT 'article:' || id AS scope FROM new_rows UNION SELECT 'event:' || event_id FROM new_rows",
        "SELECT 'article:' || id AS scope FROM old_rows UNION SELECT 'event:' || event_id FROM old_rows",
    ),
    _pg_function("articles_event_bump_scopes", _pg_event_scopes("new_rows"), _pg_event_scopes("old_rows")),
    _pg_function("articles_source_bump_scopes", "SELECT 'outlets' AS scope", "SELECT 'outlets' AS scope"),
    # The links table has no site-wide trigger of its own: this one changes that token first, so
    # that its writers too take that row's lock before any scope row's (see the top), and so
    # that event pages, looked up under the site-wide token first, show new links at once.
    _pg_function(
        "articles_possiblysame_bump_scopes",
        "SELECT 'event:' || event_a_id AS scope FROM new_rows UNION SELECT 'event:' || event_b_id FROM new_rows",
        "SELECT 'event:' || event_a_id AS scope FROM old_rows UNION SELECT 'event:' || event_b_id FROM old_rows",
    ).replace(
        "BEGIN\n", "BEGIN\n        UPDATE articles_content_version SET token = gen_random_uuid()::text WHERE id = 1;\n", 1
    ),
    *_pg_triggers("articles_article", "articles_article_bump_scopes"),
    *_pg_triggers("articles_event", "articles_event_bump_scopes"),
    *_pg_triggers("articles_source", "articles_source_bump_scopes"),
    *_pg_triggers("articles_possiblysame", "articles_possiblysame_bump_scopes"),
]
POSTGRES_BACKWARD = [
    *[
        f"DROP TRIGGER IF EXISTS {table}_version_scopes_{action} ON {table}"
        for table in ("articles_article", "articles_event", "articles_source", "articles_possiblysame")
        for action in ("insert", "update", "delete", "truncate")
    ],
    *[
        f"DROP FUNCTION IF EXISTS articles_{table}_bump_scopes()"
        for table in ("article", "event", "source", "possiblysame")
    ],
    "DROP FUNCTION IF EXISTS articles_bump_page_epoch()",
    "DROP TABLE IF EXISTS articles_page_version",
]


class Migration(migrations.Migration):
    dependencies = [("articles", "0013_possibly_same")]

    operations = [
        VendorSQL("sqlite", SQLITE_FORWARD, SQLITE_BACKWARD),
        VendorSQL("postgresql", POSTGRES_FORWARD, POSTGRES_BACKWARD),
    ]
