"""The web server of `serve`: textual-serve runs `join STORE` for each browser that opens the
page and relays its terminal over a websocket; this adds what a class needs on top of it."""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import logging
import re
import signal
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from aiohttp import web
from textual_serve.server import Server

FORBIDDEN_HOST = (
    "This class game answers only at this computer's own address (127.0.0.1 or localhost); "
    "the instructor can open it to the network with serve --public."
)
FORBIDDEN_ORIGIN = "The game's websocket answers only its own page."


def is_loopback(host: str) -> bool:
    """Whether a host name or address is this computer's own (reachable from nowhere else)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def listening_line(host: str, port: int) -> str:
    """What `serve` prints once its server listens (after the banner): a browser may open the
    page from then on, and a script driving `serve` may wait for this line."""
    shown = f"[{host}]" if ":" in host else host
    return f"Listening on {shown}:{port}: the teams may open the page now."


PAGE = "app_index.html"
"""textual-serve's page template, in its templates folder."""


def offline(page: str) -> str:
    """A page without its links to stylesheets on other sites (the browser then uses its own
    monospaced font, which textual-serve names as the fallback)."""
    return re.sub(r"""\s*<link\b[^>]*\bhref=["']https?://[^>]*>""", "", page)


class ClassServer(Server):
    """textual-serve's server, with the page's websocket address taken from the address the
    browser used, and two refusals: a request naming another host when the game is served on
    this computer only (a web page elsewhere that points a name at 127.0.0.1 cannot reach
    it), and a websocket opened from another site's page."""

    def __init__(self, command: str, host: str, port: int, banner: str, public: bool) -> None:
        super().__init__(command, host=host, port=port, title="Perimeter")
        # textual-serve's page, less what it would fetch from the internet (a web font, whose
        # stylesheet in the page's head holds its drawing, for as long as a school network
        # without the internet leaves the request hanging): kept for as long as the server.
        self._page_folder = tempfile.TemporaryDirectory(prefix="perimeter-page-")
        page = (self.templates_path / PAGE).read_text(encoding="utf-8")
        (Path(self._page_folder.name) / PAGE).write_text(offline(page), encoding="utf-8")
        self.templates_path = Path(self._page_folder.name)
        self.banner = banner
        """What the terminal shows once the server starts: the address and the codes."""
        self.public = public
        """Whether the page may be reached from other computers (serve --public)."""

    def initialize_logging(self) -> None:
        """Warnings and errors only: the instructor's terminal keeps the codes in view."""
        logging.basicConfig(level=logging.WARNING, format="%(message)s")

    async def on_startup(self, app: web.Application) -> None:
        """Print the banner (in place of textual-serve's)."""
        print(self.banner, flush=True)

    def serve(self, debug: bool = False) -> None:
        """Serve until Ctrl+C (or SIGTERM), as textual-serve's `serve` does, and print
        `listening_line` once the server listens: the banner comes as it starts, before."""
        self.debug = debug
        self.initialize_logging()
        loop = asyncio.new_event_loop()
        with contextlib.suppress(NotImplementedError):  # no signal handlers on Windows
            loop.add_signal_handler(signal.SIGINT, self.request_exit)
            loop.add_signal_handler(signal.SIGTERM, self.request_exit)
        web.run_app(
            self._make_app(),
            host=self.host,
            port=self.port,
            handle_signals=False,
            loop=loop,
            # aiohttp calls this once every address listens, in place of its own line.
            print=lambda *_: print(listening_line(self.host, self.port), flush=True),
        )

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        """The page, whose websocket address is the one the browser used for the page (a
        class reaches the instructor's computer by its network address, not by `0.0.0.0`)."""
        self._check_host(request)
        # Read by the page's template before anything else can run: no other request can
        # change it in between.
        self.public_url = f"{request.scheme}://{request.host}"
        response: web.StreamResponse = await super().handle_index(request)
        return response

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """The websocket that runs one browser's game, opened only from the game's page."""
        self._check_host(request)
        origin = request.headers.get("Origin")
        if origin is not None and urlsplit(origin).netloc != request.host:
            raise web.HTTPForbidden(text=FORBIDDEN_ORIGIN)
        return await super().handle_websocket(request)

    def _check_host(self, request: web.Request) -> None:
        if self.public:
            return
        host = urlsplit(f"//{request.host}").hostname or ""
        if not is_loopback(host):
            raise web.HTTPForbidden(text=FORBIDDEN_HOST)
