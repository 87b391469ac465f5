"""The reading layer: what a report says, read once and shared by comparison and grouping.

Plain Python, no Django. For each report it produces (see document.read_report): sentences with
offsets, entities typed person / organisation / place with every mention linked to one
canonical entity, quotes with their speakers, typed numbers, and a meaning vector per sentence.
spaCy parses and names; a sentence encoder gives the vectors; both are loaded once per process
(models.py).
"""

from .document import READING_VERSION, read_report, read_reports

__all__ = ["READING_VERSION", "read_report", "read_reports"]
