"""API endpoint for comparing two reports."""

from ninja import Router

router = Router(tags=["compare"])
