"""The admin index's warning about feeds that have been failing for a day."""

from django import template

from ..admin.feeds import FAILING_FLAG_AFTER
from ..models import Feed

register = template.Library()


@register.simple_tag
def failing_feeds() -> list[Feed]:
    return list(Feed.objects.failing_for(FAILING_FLAG_AFTER).select_related("source")[:20])
