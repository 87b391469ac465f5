"""Forms of the comparison pages."""

from django import forms

from .models import Article
from .paths import is_db_id


class ComparePickForm(forms.Form):
    """Two reports to compare, as the event page's picker sends them (?a=<id>&b=<id>)."""

    a = forms.IntegerField(min_value=1, label="First report")
    b = forms.IntegerField(min_value=1, label="Second report")

    def clean(self) -> dict:
        data = super().clean()
        ids = {data.get("a"), data.get("b")} - {None}
        if ids:
            in_range = [pk for pk in ids if is_db_id(pk)]
            found = set(Article.objects.filter(pk__in=in_range).values_list("pk", flat=True))
            for field in ("a", "b"):
                if data.get(field) is not None and data[field] not in found:
                    self.add_error(field, f"There is no report with id {data[field]}.")
        return data
