# Owned by search: on PostgreSQL, a log of the reports whose search vector a transaction wrote, so
# that a kept ranking (articles/search/standing.py) reads the reports written since its snapshot
# by index instead of visiting every report that matches its query. SQLite keeps no log: its
# engine ranks from the FTS5 table at each search.
#
# articles_search_change   one row per report a statement inserted, deleted, or updated with a
#                          different vector (an edit of the title or body; grouping and analysis
#                          writes leave the vector as it was and are not logged), with the
#                          writer's transaction id (xid8: 64 bits, never wraps around)
# articles_search_state    one row: `generation`, a random token that a TRUNCATE and each apply
#                          of this migration replace (the log says nothing of what came before);
#                          `complete_from`, below which log rows may have been pruned; `prunes`,
#                          how many prunes deleted rows; and when the log was last pruned.
#
# A prune deletes committed rows only, so a snapshot taken after the prune committed saw every
# write the deleted rows stood for. A kept ranking can therefore be brought up to date when no
# prune deleted rows since its snapshot (`prunes` as it saw it), or when every deleted row is older
# than the oldest transaction its snapshot saw running (`complete_from`).
#
# Pruning is done by the writers, at most once a minute, in the trigger: the log then stays short
# with no worker or schedule to deploy, and the cost (a DELETE of a minute's rows from a table of
# twenty minutes' writes) falls on a write, never on a reader. Rows are kept 1,200 s, twice the
# longest a ranking is kept in the cache (standing.KEEP_SECONDS), so a kept ranking almost never
# finds rows it needs pruned; when it might, the state row says so and it ranks afresh.
#
# The triggers are named to fire after "articles_article_version" and the "_version_scopes_" ones
# (PostgreSQL fires them in name order): like those, a writer takes the site-wide token's row lock
# first. The pruner takes the state row with SKIP LOCKED, so a writer never waits for another's
# pruning.
import importlib

from django.db import migrations

VendorSQL = importlib.import_module("articles.migrations.0005_browsing").VendorSQL

KEEP_LOG = "interval '1200 seconds'"
PRUNE_EVERY = "interval '60 seconds'"

POSTGRES_FORWARD = [
    """
    CREATE TABLE articles_search_change (
        xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
        article_id bigint NOT NULL,
        written_at timestamptz NOT NULL DEFAULT statement_timestamp()
    )
    """,
    "CREATE INDEX articles_search_change_xid_idx ON articles_search_change (xid)",
    """
    CREATE TABLE articles_search_state (
        id integer PRIMARY KEY CHECK (id = 1),
        generation text NOT NULL,
        complete_from xid8 NOT NULL,
        prunes bigint NOT NULL,
        pruned_at timestamptz NOT NULL
    )
    """,
    # Nothing before this migration is logged. No ranking kept before it can be brought up to
    # date (its generation is not this one); any taken after it saw every earlier write, because
    # CREATE TRIGGER waits for the transactions writing the table to end, and its lock keeps new
    # writers out until the trigger is there.
    "INSERT INTO articles_search_state VALUES (1, gen_random_uuid()::text, '0'::xid8, 0, statement_timestamp())",
    """
    CREATE FUNCTION articles_prune_search_changes(keep interval) RETURNS bigint LANGUAGE plpgsql AS $$
    DECLARE
        newest_gone bigint;
        gone bigint;
    BEGIN
        PERFORM 1 FROM articles_search_state WHERE id = 1 FOR UPDATE SKIP LOCKED;
        IF NOT FOUND THEN
            RETURN 0;  -- another transaction is pruning
        END IF;
        WITH deleted AS (
            DELETE FROM articles_search_change WHERE written_at < statement_timestamp() - keep RETURNING xid
        )
        SELECT max(xid::text::bigint), count(*) INTO newest_gone, gone FROM deleted;
        -- Every row at or above complete_from is still there.
        UPDATE articles_search_state
        SET pruned_at = statement_timestamp(),
            complete_from = greatest(complete_from, coalesce((newest_gone + 1)::text::xid8, complete_from)),
            prunes = prunes + (CASE WHEN gone > 0 THEN 1 ELSE 0 END)
        WHERE id = 1;
        RETURN gone;
    END $$
    """,
    f"""
    CREATE FUNCTION articles_log_search_changes() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'INSERT' THEN
            INSERT INTO articles_search_change (article_id) SELECT id FROM new_rows;
        ELSIF TG_OP = 'UPDATE' THEN
            -- Only rows whose vector changed: it alone decides whether and how a report matches.
            -- A full join, so that a row whose id changed logs both ids.
            INSERT INTO articles_search_change (article_id)
            SELECT coalesce(n.id, o.id) FROM new_rows n FULL JOIN old_rows o ON o.id = n.id
            WHERE n.search_vector IS DISTINCT FROM o.search_vector;
        ELSIF TG_OP = 'DELETE' THEN
            INSERT INTO articles_search_change (article_id) SELECT id FROM old_rows;
        ELSE
            -- TRUNCATE: no row trigger fires; every kept ranking starts over.
            UPDATE articles_search_state SET generation = gen_random_uuid()::text WHERE id = 1;
            RETURN NULL;
        END IF;
        IF (SELECT pruned_at FROM articles_search_state WHERE id = 1) < statement_timestamp() - {PRUNE_EVERY} THEN
            PERFORM articles_prune_search_changes({KEEP_LOG});
        END IF;
        RETURN NULL;
    END $$
    """,
    *[
        f"""
        CREATE TRIGGER articles_article_written_search_{action.lower()} AFTER {action} ON articles_article
        {references} FOR EACH STATEMENT EXECUTE FUNCTION articles_log_search_changes()
        """
        for action, references in (
            ("INSERT", "REFERENCING NEW TABLE AS new_rows"),
            ("UPDATE", "REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows"),
            ("DELETE", "REFERENCING OLD TABLE AS old_rows"),
            ("TRUNCATE", ""),
        )
    ],
]
POSTGRES_BACKWARD = [
    *[
        f"DROP TRIGGER IF EXISTS articles_article_written_search_{action} ON articles_article"
        for action in ("insert", "update", "delete", "truncate")
    ],
    "DROP FUNCTION IF EXISTS articles_log_search_changes()",
    "DROP FUNCTION IF EXISTS articles_prune_search_changes(interval)",
    "DROP TABLE IF EXISTS articles_search_state",
    "DROP TABLE IF EXISTS articles_search_change",
]


class Migration(migrations.Migration):
    dependencies = [("articles", "0017_eventkey_weight_per_member")]

    operations = [VendorSQL("postgresql", POSTGRES_FORWARD, POSTGRES_BACKWARD)]
