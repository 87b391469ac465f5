"""The read-only JSON API under /api/v1/, with its OpenAPI schema at /api/v1/openapi.json."""

from ninja import NinjaAPI

api = NinjaAPI(
    title="Coverage API",
    version="1.0.0",
    description="Read-only access to outlets, events, articles and comparisons.",
    urls_namespace="api",
)

from .catalogue import router as catalogue_router  # noqa: E402
from .compare import router as compare_router  # noqa: E402
from .errors import install_error_handlers  # noqa: E402

install_error_handlers(api)
api.add_router("", catalogue_router)
api.add_router("", compare_router)
