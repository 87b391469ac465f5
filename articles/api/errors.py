"""JSON errors for the API: every bad request gets a 4xx with a body saying what was wrong.

Shape: {"error": "bad_request" | "not_found", "message": str, "details": [{"parameter", "message"}]}.
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
    # ninja reports locations like ["query", "filters", "limit"]; readers want "limit".
    names = [str(part) for part in location if part not in ("query", "path", "filters", "body")]
    return ".".join(names) or "request"


def install_error_handlers(api: NinjaAPI) -> None:
    @api.exception_handler(ValidationError)
    def validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        details = [
            {"parameter": _parameter_name(list(error.get("loc", []))), "message": str(error.get("msg", ""))}
            for error in exc.errors
        ]
        body = {"error": "bad_request", "message": "Some parameters are not valid.", "details": details}
        return api.create_response(request, body, status=400)

    @api.exception_handler(BadParameters)
    def bad_parameters(request: HttpRequest, exc: BadParameters) -> HttpResponse:
        body = {"error": "bad_request", "message": "Some parameters are not valid.", "details": exc.details}
        return api.create_response(request, body, status=400)

    @api.exception_handler(Http404)
    def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        body = {"error": "not_found", "message": "No such object.", "details": []}
        return api.create_response(request, body, status=404)

    @api.exception_handler(HttpError)
    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        code = "not_found" if exc.status_code == 404 else "bad_request"
        body = {"error": code, "message": str(exc), "details": []}
        return api.create_response(request, body, status=exc.status_code)
