"""A static host for a built site under a sub-path (``/kb/``, as on GitHub Pages),
which answers a missing address with the site's root ``404.html`` (as GitHub Pages
does) and can lose its network."""

from __future__ import annotations

import http.server
import threading
from pathlib import Path

PREFIX = "/kb/"


class Host:
    """A static server for a site folder under ``/kb/`` that can lose its network."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.down = False
        host = self

        class Handler(http.server.SimpleHTTPRequestHandler):
            def __init__(self, *args: object, **kwargs: object) -> None:
                super().__init__(*args, directory=str(host.folder), **kwargs)  # type: ignore[arg-type]

            def handle_one_request(self) -> None:
                if host.down:
                    # No network: the connection closes without an answer.
                    self.close_connection = True
                    self.rfile.readline(65537)
                    return
                super().handle_one_request()

            def send_error(
                self, code: int, message: str | None = None, explain: str | None = None
            ) -> None:
                page = host.folder / "404.html"
                if code != 404 or not page.is_file():
                    super().send_error(code, message, explain)
                    return
                body = page.read_bytes()
                self.send_response(404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def translate_path(self, path: str) -> str:
                if not path.startswith(PREFIX):
                    return str(host.folder / "missing")
                return super().translate_path("/" + path[len(PREFIX) :])

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}{PREFIX}"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
