"""Event grouping."""
