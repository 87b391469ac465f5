"""Reads behind the reader pages: coverage strips, timelines, "not covered by", outlet profiles.

Each function runs a fixed number of queries whatever the number of rows, so that every page's
query count stays bounded.
"""
