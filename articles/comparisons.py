"""Django-side glue for comparisons (event fact table). Placeholder until the comparison feature lands."""

from .models import Event


def event_fact_table(event: Event) -> None:
    return None
