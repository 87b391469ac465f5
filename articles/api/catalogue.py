"""API endpoints for outlets, events and articles."""

from ninja import Router

router = Router(tags=["catalogue"])
