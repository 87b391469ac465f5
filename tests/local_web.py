"""A small threaded web server on 127.0.0.1 serving the pages and feeds a test writes.

Tests never reach the internet: they route paths to answers, fetch from `web.url(path)`,
and read `web.requests` to see what was asked for (and with which headers).
"""

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Answer:
    status: int = 200
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds to stall before answering (the server's, not the test's, clock)


Route = Answer | Callable[[dict[str, str]], Answer]


class LocalWeb:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        self._stop = threading.Event()
        web = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                headers = {k.lower(): v for k, v in self.headers.items()}
                web.requests.append((self.path, headers))
                route = web.routes.get(self.path)
                answer = route(headers) if callable(route) else route
                if answer is None:
                    answer = Answer(status=404, body=b"<html><body>Not found</body></html>")
                if answer.delay:
                    web._stop.wait(answer.delay)
                try:
                    self.send_response(answer.status)
                    if answer.content_type:
                        self.send_header("Content-Type", answer.content_type)
                    for name, value in answer.headers.items():
                        self.send_header(name, value)
                    self.send_header("Content-Length", str(len(answer.body)))
                    self.end_headers()
                    self.wfile.write(answer.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a timeout test)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.server.block_on_close = False
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server.server_port}{path}"

    def page(self, path: str, body: str | bytes, content_type: str = "text/html; charset=utf-8", **kw) -> str:
        self.routes[path] = Answer(
            body=body.encode() if isinstance(body, str) else body, content_type=content_type, **kw
        )
        return self.url(path)

    def paths_requested(self) -> list[str]:
        return [path for path, _ in self.requests]

    def start(self) -> "LocalWeb":
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()  # releases stalled answers at once
        self.server.shutdown()
        self.server.server_close()


def article_page(
    title: str,
    paragraphs: list[str],
    *,
    outlet: str = "",
    canonical: str = "",
    author: str = "Jane Doe",
    published: str = "2026-03-05T10:00:00+00:00",
    charset_meta: str = "utf-8",
) -> str:
    """An outlet-style article page: navigation, the article, a footer."""
    meta = [f'<meta charset="{charset_meta}">'] if charset_meta else []
    if outlet:
        meta.append(f'<meta property="og:site_name" content="{outlet}">')
    if canonical:
        meta.append(f'<link rel="canonical" href="{canonical}">')
    if author:
        meta.append(f'<meta name="author" content="{author}">')
    if published:
        meta.append(f'<meta property="article:published_time" content="{published}">')
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    suffix = f" | {outlet}" if outlet else ""
    return (
        f"<!DOCTYPE html><html><head>{''.join(meta)}<title>{title}{suffix}</title></head><body>"
        '<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>'
        f"<main><article><h1>{title}</h1>{body}</article></main>"
        "<footer>Contact us. Terms and conditions. Cookie policy.</footer></body></html>"
    )
