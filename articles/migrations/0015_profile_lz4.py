# Owned by grouping: event profiles compressed with lz4 on PostgreSQL servers built with it.
#
# A profile is about 4 kB of JSON (2 kB as jsonb), over PostgreSQL's 2 kB threshold, so every
# one is compressed as it is stored: on each import that joins an event, and 34,000 at once in
# a regroup of 100,000 reports. With the default pglz, storing the regroup's profiles cost 4.1 s
# of server CPU and 154 MB of WAL; with lz4, 2.35 s and 96 MB (same rows; lz4 also reads back
# faster). Values already stored keep their compression until rewritten. A server built
# without lz4 (it is optional) keeps pglz: the migration then does nothing.
from django.db import migrations

SUPPORTED = "SELECT 'lz4' = ANY(enumvals) FROM pg_settings WHERE name = 'default_toast_compression'"


def _set_compression(method: str):
    def run(apps, schema_editor) -> None:
        connection = schema_editor.connection
        if connection.vendor != "postgresql":
            return
        with connection.cursor() as cursor:
            cursor.execute(SUPPORTED)
            row = cursor.fetchone()
            if method == "lz4" and not (row and row[0]):
                return
            cursor.execute(f"ALTER TABLE articles_eventprofile ALTER COLUMN data SET COMPRESSION {method}")

    return run


class Migration(migrations.Migration):
    dependencies = [("articles", "0014_page_versions")]

    operations = [migrations.RunPython(_set_compression("lz4"), _set_compression("pglz"))]
