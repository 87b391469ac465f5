"""JSON errors for the whole API: every bad request gets a 4xx with a body saying what was wrong.

The shape keeps django-ninja's "detail" key, which the compare endpoints use too:
- 400: {"detail": [{"parameter": "limit", "message": "..."}, ...]}  (bad or contradictory parameters)
- 404: {"detail": "No such event."}
"""

from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import HttpError, ValidationError


class BadParameters(Exception):
    """Parameters that parsed but do not make sense (an unknown outlet, say)."""

    def __init__(self, details: list[dict[str, str]]) -> None:
        self.details = details
        super().__init__(details)


def _parameter_name(location: list[object]) -> str:
    # ninja reports locations like ["query", "params", "limit"]; readers want "limit".
    names = [str(part) for part in location if part not in ("query", "path", "params", "body")]
    return ".".join(names) or "request"


def install_error_handlers(api: NinjaAPI) -> None:
    @api.exception_handler(ValidationError)
    def validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        details = [
            {"parameter": _parameter_name(list(error.get("loc", []))), "message": str(error.get("msg", ""))}
            for error in exc.errors
        ]
        return api.create_response(request, {"detail": details}, status=400)

    @api.exception_handler(BadParameters)
    def bad_parameters(request: HttpRequest, exc: BadParameters) -> HttpResponse:
        return api.create_response(request, {"detail": exc.details}, status=400)

    @api.exception_handler(Http404)
    def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        message = str(exc) if str(exc) else "Not found."
        return api.create_response(request, {"detail": message}, status=404)

    @api.exception_handler(HttpError)
    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        return api.create_response(request, {"detail": str(exc)}, status=exc.status_code)
