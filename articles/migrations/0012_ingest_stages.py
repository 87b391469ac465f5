# Two-stage imports: Article.ingest_stage / claimed_until (stage two's queue and claims) and
# the batch's stage-two progress.
#
# The article columns are added with plain ALTER TABLE, as 0006 and 0010 did: on SQLite,
# AddField with a default and AddConstraint rebuild the table, which silently drops what 0005
# created on it by hand (the FTS triggers, the content-version triggers). ADD COLUMN with a
# constant default and its CHECK keeps them, on both databases. Existing reports are "done".

from django.conf import settings
from django.db import migrations, models


def add_claimed_until(apps, schema_editor):
    kind = "timestamp with time zone" if schema_editor.connection.vendor == "postgresql" else "datetime"
    schema_editor.execute(f"ALTER TABLE articles_article ADD COLUMN claimed_until {kind} NULL")


def drop_claimed_until(apps, schema_editor):
    schema_editor.execute("ALTER TABLE articles_article DROP COLUMN claimed_until")


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0011_merged_event"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.RunSQL(
                    "ALTER TABLE articles_article ADD COLUMN ingest_stage varchar(10) NOT NULL DEFAULT 'done'"
                    " CONSTRAINT article_ingest_stage_valid"
                    " CHECK (ingest_stage IN ('stored', 'read', 'done'))",
                    "ALTER TABLE articles_article DROP COLUMN ingest_stage",
                ),
                migrations.RunPython(add_claimed_until, drop_claimed_until),
            ],
            state_operations=[
                migrations.AddField(
                    model_name="article",
                    name="ingest_stage",
                    field=models.CharField(
                        choices=[
                            ("stored", "Stored; waiting to be read"),
                            ("read", "Read; waiting to be grouped"),
                            ("done", "Read and grouped"),
                        ],
                        default="done",
                        max_length=10,
                    ),
                ),
                migrations.AddField(
                    model_name="article",
                    name="claimed_until",
                    field=models.DateTimeField(blank=True, null=True),
                ),
                migrations.AddConstraint(
                    model_name="article",
                    constraint=models.CheckConstraint(
                        condition=models.Q(ingest_stage__in=["stored", "read", "done"]),
                        name="article_ingest_stage_valid",
                    ),
                ),
            ],
        ),
        migrations.AddField(
            model_name="importbatch",
            name="analysis_failures",
            field=models.JSONField(blank=True, default=list),
        ),
        migrations.AddField(
            model_name="importbatch",
            name="analysis_finished_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="importbatch",
            name="analysis_lease_expires_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="importbatch",
            name="analysis_message",
            field=models.TextField(blank=True),
        ),
        migrations.AddField(
            model_name="importbatch",
            name="analysis_status",
            field=models.CharField(
                blank=True,
                choices=[
                    ("queued", "Queued"),
                    ("running", "Running"),
                    ("done", "Done"),
                    ("failed", "Failed"),
                ],
                max_length=10,
            ),
        ),
        migrations.AddField(
            model_name="importbatch",
            name="analysis_total",
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.AddField(
            model_name="importbatch",
            name="grouped_count",
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.AddField(
            model_name="importbatch",
            name="read_count",
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(
                condition=models.Q(("ingest_stage", "done"), _negated=True),
                fields=["batch", "id"],
                name="article_ingest_queue_idx",
            ),
        ),
        migrations.AddConstraint(
            model_name="importbatch",
            constraint=models.CheckConstraint(
                condition=models.Q(("analysis_status__in", ["", "queued", "running", "done", "failed"])),
                name="batch_analysis_status_valid",
            ),
        ),
        migrations.AddConstraint(
            model_name="importbatch",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("read_count__lte", models.F("analysis_total")),
                    ("grouped_count__lte", models.F("analysis_total")),
                ),
                name="batch_analysed_le_total",
            ),
        ),
    ]
