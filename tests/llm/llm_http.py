"""The reply plumbing shared by the tests' local stand-ins for a provider (on 127.0.0.1 only)."""

from __future__ import annotations

from http.server import BaseHTTPRequestHandler


class StandInHandler(BaseHTTPRequestHandler):
    """A quiet request handler with one way to answer: status, headers, body, and its length."""

    def reply(self, status: int, headers: dict[str, str], body: str | bytes) -> None:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("content-length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:
        return
