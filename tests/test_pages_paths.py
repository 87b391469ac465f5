"""Links built by articles.paths are exactly what reverse() gives, under any script prefix."""

import pytest
from django.urls import clear_script_prefix, reverse, set_script_prefix

from articles.paths import path_for


@pytest.mark.parametrize("prefix", ["/", "/news/"])
@pytest.mark.parametrize(
    ("name", "kwarg", "value"),
    [
        ("articles:article-detail", "pk", 1),
        ("articles:event-detail", "pk", 9081726354),  # the placeholder itself as a value
        ("articles:source-detail", "slug", "alpha-news_2"),
    ],
)
def test_path_matches_reverse(prefix, name, kwarg, value):
    set_script_prefix(prefix)
    try:
        assert path_for(name, kwarg, value) == reverse(name, kwargs={kwarg: value})
    finally:
        clear_script_prefix()


def test_a_value_that_needs_quoting_goes_through_reverse():
    # Not a valid slug: reverse() refuses it rather than building a wrong link.
    with pytest.raises(Exception, match="Reverse for 'source-detail'"):
        path_for("articles:source-detail", "slug", "a b")
