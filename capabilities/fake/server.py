"""The service over HTTP, standard library only: a REST-JSON endpoint for any AWS SDK.

SigV4 ``Authorization`` headers are accepted and not verified: bind to a loopback address
(the default) unless every host that can reach the port may use it (docs/security.md).
"""

from __future__ import annotations

import ipaddress
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, TextIO

from ._rest import Answer, answer, error_answer
from ._service import FakeChimeSdkMeetings

__all__ = ["MAX_BODY", "FakeServer", "is_loopback", "make_server", "serve"]

#: The largest request body read (the largest valid request is far smaller).
MAX_BODY = 1 << 20


def is_loopback(host: str) -> bool:
    """True for ``localhost`` and loopback addresses (127.0.0.0/8, ::1)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class _Handler(BaseHTTPRequestHandler):
    server: FakeServer
    protocol_version = "HTTP/1.1"
    # Headers and body leave in one write (http.server flushes after each request), with
    # Nagle off: otherwise each keep-alive answer waits for the client's delayed ACK.
    wbufsize = 1 << 16
    disable_nagle_algorithm = True

    def _answer(self) -> None:
        length = self.headers.get("Content-Length", "0")
        if (
            "Transfer-Encoding" in self.headers
            or not (length.isascii() and length.isdigit())
            or int(length) > MAX_BODY
        ):
            # The body is not read: the connection closes after the answer.
            result = error_answer("BadRequestException", "the body length is refused", 400)
            self.close_connection = True
        else:
            body = self.rfile.read(int(length))
            try:
                result = answer(self.server.service, self.command, self.path, body)
            except Exception:  # never a traceback (it could hold a request's values)
                result = error_answer("ServiceFailureException", "internal error", 500)
        self._send(result)

    def _send(self, result: Answer) -> None:
        self.send_response(result.status)
        for name, value in result.headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(result.body)))
        self.end_headers()
        self.wfile.write(result.body)

    do_GET = do_POST = do_PUT = do_DELETE = _answer

    def log_message(self, format: str, *args: Any) -> None:
        """No request log: paths and queries are the callers' data."""


class FakeServer(ThreadingHTTPServer):
    """A threading HTTP server answering with one service."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], service: FakeChimeSdkMeetings) -> None:
        self.service = service
        super().__init__(address, _Handler)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host!s}:{port}"


def make_server(
    host: str = "127.0.0.1",
    port: int = 0,
    service: FakeChimeSdkMeetings | None = None,
    *,
    allow_remote: bool = False,
) -> FakeServer:
    """A bound server (``port`` 0: a free port); ``serve_forever()`` runs it."""
    if not allow_remote and not is_loopback(host):
        raise ValueError(f"refusing to listen on {host}: not a loopback address")
    return FakeServer((host, port), service or FakeChimeSdkMeetings())


def serve(server: FakeServer, stdout: TextIO) -> None:
    """Print the readiness line, answer until Ctrl-C, then close the socket."""
    stdout.write(f"listening on {server.url}\n")
    stdout.flush()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
