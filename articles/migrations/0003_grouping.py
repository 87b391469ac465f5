# Grouping: per-report features, event profiles, the candidate index (EventKey) and
# document frequencies (KeyFrequency).
import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("articles", "0002_importing")]

    operations = [
        migrations.CreateModel(
            name='EventProfile',
            fields=[
                ('event', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name='grouping_profile', serialize=False, to='articles.event')),
                ('data', models.JSONField()),
            ],
        ),
        migrations.CreateModel(
            name='KeyFrequency',
            fields=[
                ('key', models.CharField(max_length=120, primary_key=True, serialize=False)),
                ('reports', models.PositiveIntegerField(default=0)),
            ],
        ),
        migrations.CreateModel(
            name='ReportFeatures',
            fields=[
                ('article', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name='grouping_features', serialize=False, to='articles.article')),
                ('data', models.JSONField()),
            ],
            options={
                'verbose_name_plural': 'report features',
            },
        ),
        migrations.CreateModel(
            name='EventKey',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('key', models.CharField(max_length=120)),
                ('weight', models.FloatField()),
                ('last_published_at', models.DateTimeField(blank=True, null=True)),
                ('event', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='grouping_keys', to='articles.event')),
            ],
            options={
                'indexes': [models.Index(fields=['key', '-event'], name='eventkey_key_event_idx')],
                'constraints': [models.UniqueConstraint(fields=('event', 'key'), name='eventkey_event_key_unique')],
            },
        ),
    ]
