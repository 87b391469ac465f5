# Article.outlet_assumed: the report named no outlet and the import's default was used.
#
# Added with plain ALTER TABLE rather than Django's AddField: on SQLite, AddField of a NOT NULL
# column rebuilds the table, which silently drops what 0005 created on it by hand (the FTS
# triggers, the content-version triggers, the partial list index). ADD COLUMN with a constant
# default keeps them, on both databases.
from django.db import migrations, models

FIELD = models.BooleanField(
    default=False, help_text="The report named no outlet; the one chosen for its import was used"
)


class Migration(migrations.Migration):
    dependencies = [("articles", "0005_browsing")]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.RunSQL(
                    "ALTER TABLE articles_article ADD COLUMN outlet_assumed boolean NOT NULL DEFAULT FALSE",
                    "ALTER TABLE articles_article DROP COLUMN outlet_assumed",
                )
            ],
            state_operations=[migrations.AddField(model_name="article", name="outlet_assumed", field=FIELD)],
        )
    ]
