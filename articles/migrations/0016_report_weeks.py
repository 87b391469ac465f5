# Owned by the browsing feature: a version token per week of reports, so that the event page's
# key can name the inputs of the "not covered by" rule (articles.browsing.coverage) instead of
# running the rule on every request after a write somewhere (1.5 to 2.5 ms on PostgreSQL).
#
# The rule for event E reads the outlets of every event F whose span [first, last] meets E's
# 90-day window, and which reports those events hold. So a write can change E's result only if
# it adds, removes or moves a report of such an F (or changes its outlet), or moves F's span
# into or out of the window. Each such write changes the token of every week F's span touches
# (before and after the write), and E's key reads the tokens of every week its window touches:
# two spans that meet share a week. E's own reports, links and window are its event scope
# (0014); the reports of the events linked to it are their event scopes, which the key reads too.
#
# Scope: week:<n>, n = (Julian day number - 1) // 7 of the UTC date, which is what SQLite's
# CAST(julianday('YYYY-MM-DD') AS INTEGER) gives and PostgreSQL's to_char(..., 'J') minus one:
# positive for every date, so integer division floors alike in both and in Python
# (coverage.report_weeks). An import a second then changes only the weeks it writes in (today's),
# and an event page whose window ends weeks earlier keeps its key.
#
# The trigger names contain "_version_" so that pagecache.one_version_bump drops and restores
# them on SQLite (it then changes the epoch, which every key reads). On PostgreSQL they sort
# after the site-wide and the 0014 triggers ("_version_weeks_" after "_version_scopes_"), so
# writers take the rows' locks in the same order as before (no deadlock).
import importlib

from django.db import migrations

VendorSQL = importlib.import_module("articles.migrations.0005_browsing").VendorSQL

# SQLite: week of a stored datetime (naive UTC text, "YYYY-MM-DD HH:MM:SS[.ffffff]").
SQLITE_WEEK = "(CAST(julianday(substr({0}, 1, 10)) AS INTEGER) / 7)"


def _sqlite_weeks(first: str, last: str) -> str:
    """The week scopes from `first` to `last` (either order; none when one is NULL). SQLite
    allows no WITH in a trigger and has no generate_series built in: json_each over an array of
    as many zeros as weeks gives their offsets as its keys."""
    low = f"min({SQLITE_WEEK.format(first)}, {SQLITE_WEEK.format(last)})"
    high = f"max({SQLITE_WEEK.format(first)}, {SQLITE_WEEK.format(last)})"
    zeros = f"'[' || substr(replace(hex(zeroblob({high} - {low} + 1)), '00', ',0'), 2) || ']'"
    return f"SELECT 'week:' || ({low} + weeks.key) AS scope FROM json_each({zeros}) AS weeks"


def _sqlite_event_weeks(event_id: str) -> str:
    weeks = _sqlite_weeks("e.first_published_at", "e.last_published_at")
    return weeks.replace(" FROM json_each", " FROM articles_event e, json_each", 1) + f" WHERE e.id = {event_id}"


def _sqlite_trigger(table: str, action: str, scopes: list[str], when: str = "") -> str:
    union = " UNION ".join(scopes)
    return f"""
    CREATE TRIGGER {table}_version_weeks_{action.lower()} AFTER {action} ON {table}
    {f"WHEN {when}" if when else ""} BEGIN
        INSERT OR REPLACE INTO articles_page_version (scope, token)
        SELECT scope, lower(hex(randomblob(8))) FROM ({union}) WHERE scope IS NOT NULL;
    END
    """


# Reading, grouping and edits rewrite reports without moving them: only a report's event or
# outlet is an input of the rule, and only an event's span.
REPORT_MOVED = "old.event_id IS NOT new.event_id OR old.source_id IS NOT new.source_id"
SPAN_CHANGED = (
    "old.first_published_at IS NOT new.first_published_at OR old.last_published_at IS NOT new.last_published_at"
)

SQLITE_FORWARD = [
    _sqlite_trigger("articles_article", "INSERT", [_sqlite_event_weeks("new.event_id")]),
    _sqlite_trigger(
        "articles_article",
        "UPDATE",
        [_sqlite_event_weeks("new.event_id"), _sqlite_event_weeks("old.event_id")],
        REPORT_MOVED,
    ),
    _sqlite_trigger("articles_article", "DELETE", [_sqlite_event_weeks("old.event_id")]),
    _sqlite_trigger("articles_event", "INSERT", [_sqlite_weeks("new.first_published_at", "new.last_published_at")]),
    _sqlite_trigger(
        "articles_event",
        "UPDATE",
        [
            _sqlite_weeks("new.first_published_at", "new.last_published_at"),
            _sqlite_weeks("old.first_published_at", "old.last_published_at"),
        ],
        SPAN_CHANGED,
    ),
    _sqlite_trigger("articles_event", "DELETE", [_sqlite_weeks("old.first_published_at", "old.last_published_at")]),
]
SQLITE_BACKWARD = [
    f"DROP TRIGGER IF EXISTS {table}_version_weeks_{action}"
    for table in ("articles_article", "articles_event")
    for action in ("insert", "update", "delete")
]

# PostgreSQL: statement triggers with transition tables, as in 0014.
PG_WEEK = "((to_char({0} AT TIME ZONE 'UTC', 'J'))::int - 1) / 7"


def _pg_weeks(rows: str) -> str:
    """The week scopes of the spans of the event rows `rows` (a table, or a parenthesised
    SELECT, of the event's columns)."""
    first, last = PG_WEEK.format("e.first_published_at"), PG_WEEK.format("e.last_published_at")
    return (
        f"SELECT 'week:' || w AS scope FROM {rows} e,"
        f" generate_series(LEAST({first}, {last}), GREATEST({first}, {last})) AS w"
    )


def _pg_function(name: str, insert: str, update: str, delete: str) -> str:
    def upsert(scopes: str) -> str:
        return f"""
        INSERT INTO articles_page_version (scope, token)
        SELECT scope, gen_random_uuid()::text FROM (SELECT DISTINCT scope FROM ({scopes}) AS s) AS touched
        WHERE scope IS NOT NULL ORDER BY scope
        ON CONFLICT (scope) DO UPDATE SET token = excluded.token;"""

    return f"""
    CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'INSERT' THEN{upsert(insert)}
        ELSIF TG_OP = 'UPDATE' THEN{upsert(update)}
        ELSE{upsert(delete)}
        END IF;
        RETURN NULL;
    END $$
    """


def _pg_triggers(table: str, function: str) -> list[str]:
    return [
        f"""
        CREATE TRIGGER {table}_version_weeks_{action.lower()} AFTER {action} ON {table}
        REFERENCING {references} FOR EACH STATEMENT EXECUTE FUNCTION {function}()
        """
        for action, references in (
            ("INSERT", "NEW TABLE AS new_rows"),
            ("UPDATE", "NEW TABLE AS new_rows OLD TABLE AS old_rows"),
            ("DELETE", "OLD TABLE AS old_rows"),
        )
    ]


def _pg_report_weeks(event_ids: str) -> str:
    """The week scopes of the spans of the events `event_ids` (a SELECT of one column)."""
    return _pg_weeks(f"(SELECT ev.* FROM articles_event ev WHERE ev.id IN ({event_ids}))")


MOVED = (
    "SELECT {side}.event_id FROM new_rows n JOIN old_rows o ON o.id = n.id"
    " WHERE n.event_id IS DISTINCT FROM o.event_id OR n.source_id IS DISTINCT FROM o.source_id"
)
SPAN_MOVED = (
    "SELECT {side}.* FROM new_rows n JOIN old_rows o ON o.id = n.id"
    " WHERE n.first_published_at IS DISTINCT FROM o.first_published_at"
    " OR n.last_published_at IS DISTINCT FROM o.last_published_at"
)

POSTGRES_FORWARD = [
    _pg_function(
        "articles_article_bump_weeks",
        _pg_report_weeks("SELECT event_id FROM new_rows"),
        _pg_report_weeks(f"{MOVED.format(side='n')} UNION {MOVED.format(side='o')}"),
        _pg_report_weeks("SELECT event_id FROM old_rows"),
    ),
    _pg_function(
        "articles_event_bump_weeks",
        _pg_weeks("new_rows"),
        f"{_pg_weeks(f'({SPAN_MOVED.format(side="n")})')} UNION {_pg_weeks(f'({SPAN_MOVED.format(side="o")})')}",
        _pg_weeks("old_rows"),
    ),
    *_pg_triggers("articles_article", "articles_article_bump_weeks"),
    *_pg_triggers("articles_event", "articles_event_bump_weeks"),
]
POSTGRES_BACKWARD = [
    *[
        f"DROP TRIGGER IF EXISTS {table}_version_weeks_{action} ON {table}"
        for table in ("articles_article", "articles_event")
        for action in ("insert", "update", "delete")
    ],
    "DROP FUNCTION IF EXISTS articles_article_bump_weeks()",
    "DROP FUNCTION IF EXISTS articles_event_bump_weeks()",
]


class Migration(migrations.Migration):
    dependencies = [("articles", "0015_profile_lz4")]

    operations = [
        VendorSQL("sqlite", SQLITE_FORWARD, SQLITE_BACKWARD),
        VendorSQL("postgresql", POSTGRES_FORWARD, POSTGRES_BACKWARD),
    ]
