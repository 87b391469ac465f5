# Owned by grouping: the candidate index (EventKey) holds each key's weight per member of the
# event, not summed over its members (engine.index_keys). Summed, a big related event (a saga's
# earlier happening) outranks a report's own smaller event and takes its candidate place.
# Postings written before this would keep their sums, and old events would outrank new ones
# until each is next saved: divide them once by the member count their profile keeps.
from collections import defaultdict

from django.db import migrations

CHUNK = 500


def _scale(inverse: bool):
    def run(apps, schema_editor) -> None:
        EventKey = apps.get_model("articles", "EventKey")
        EventProfile = apps.get_model("articles", "EventProfile")
        by_members: dict[int, list[int]] = defaultdict(list)
        for event_id, data in EventProfile.objects.values_list("event_id", "data").iterator():
            members = (data or {}).get("m", 0)
            if members > 1:
                by_members[members].append(event_id)
        table = schema_editor.connection.ops.quote_name(EventKey._meta.db_table)
        with schema_editor.connection.cursor() as cursor:
            for members, event_ids in by_members.items():
                factor = float(members) if inverse else 1.0 / members
                for start in range(0, len(event_ids), CHUNK):
                    chunk = event_ids[start : start + CHUNK]
                    cursor.execute(
                        f"UPDATE {table} SET weight = weight * %s WHERE event_id IN ("
                        + ", ".join(["%s"] * len(chunk))
                        + ")",
                        [factor, *chunk],
                    )

    return run


class Migration(migrations.Migration):
    dependencies = [("articles", "0016_report_weeks")]

    operations = [migrations.RunPython(_scale(inverse=False), _scale(inverse=True))]
