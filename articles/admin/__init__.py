"""Admin for every model; one module per model so features can extend their own."""

from . import articles, batches, events, feeds, near_misses, sources  # noqa: F401  (registration side effects)
