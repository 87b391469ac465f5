# Owned by the browsing and search feature. Kept in a fixed chain so that features developed in
# parallel never produce two leaf migrations; empty until that feature needs schema.
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("articles", "0004_analysis")]

    operations: list = []
