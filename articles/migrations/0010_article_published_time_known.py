# Article.published_time_known: False when the source gave only the day.
#
# Added with plain ALTER TABLE, as 0006 did, rather than AddField + AddConstraint: on SQLite
# both rebuild the table, which silently drops what 0005 created on it by hand (the FTS
# triggers, the content-version triggers, the partial list index). ADD COLUMN with a constant
# default and its CHECK keeps them, on both databases.
from django.db import migrations, models

BATCH = 2000
FIELD = models.BooleanField(default=True, help_text="The source gave a time of day, not only the date")
CONSTRAINT = models.CheckConstraint(
    condition=models.Q(published_time_known=True) | models.Q(published_at__isnull=False),
    name="article_day_only_needs_date",
)


def mark_midnights_day_only(apps, schema_editor):
    """Reports stored before the flag: a publication at exactly midnight UTC came from a date
    alone (bare dates and date lines without a time were stored so) far more often than from a
    report filed at 00:00:00. Marking them shows their day instead of "00:00"."""
    Article = apps.get_model("articles", "Article")
    rows = Article.objects.filter(published_at__isnull=False).values_list("id", "published_at")
    midnights = [
        pk
        for pk, moment in rows.iterator(chunk_size=BATCH)
        if (moment.hour, moment.minute, moment.second, moment.microsecond) == (0, 0, 0, 0)
    ]
    for start in range(0, len(midnights), BATCH):
        Article.objects.filter(id__in=midnights[start : start + BATCH]).update(published_time_known=False)


class Migration(migrations.Migration):
    dependencies = [("articles", "0009_feeds")]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.RunSQL(
                    "ALTER TABLE articles_article ADD COLUMN published_time_known boolean NOT NULL DEFAULT TRUE"
                    " CONSTRAINT article_day_only_needs_date"
                    " CHECK (published_time_known OR published_at IS NOT NULL)",
                    "ALTER TABLE articles_article DROP COLUMN published_time_known",
                )
            ],
            state_operations=[
                migrations.AddField(model_name="article", name="published_time_known", field=FIELD),
                migrations.AddConstraint(model_name="article", constraint=CONSTRAINT),
            ],
        ),
        migrations.RunPython(mark_midnights_day_only, migrations.RunPython.noop),
    ]
