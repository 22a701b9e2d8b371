"""`python main.py serve` (issue 12, point 2): "serves the game to browsers (textual-serve) on
127.0.0.1:8000 by default (`--host`, `--port`); binding to a non-loopback address needs an
explicit flag and prints a warning." Point 5: "a server test that starts `serve` on a free
loopback port, fetches the page over HTTP and opens its websocket"."""

from __future__ import annotations

import queue
import re
import socket
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import aiohttp
import pytest

from game.cli import main
from game.cli_serve import banner_text
from game.core.classroom import ClassGame
from game.serve_web import listening_line
from tests.conftest import ROOT, spp_file

STARTING = 60.0
"""Seconds the server, and then the game in the first browser, may take to start: a guard
against a hang on a shared, noisy machine, never a measure."""


def free_port() -> int:
    """A loopback port nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


class Served(NamedTuple):
    """A `serve` that listens, and what it printed until then."""

    port: int
    store: Path
    process: subprocess.Popen[str]
    banner: str


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Served]:
    """`serve` on a free loopback port with its game in a temporary file, once it says it
    listens; stopped as Ctrl+C would stop it, however the test ends."""
    port, store = free_port(), tmp_path / "class.sqlite"
    command = [sys.executable, "main.py", "serve", "spp-2005", "--seed", "7"]
    command += ["--port", str(port), "--store", str(store)]
    process = subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        banner = until_listening(process, listening_line("127.0.0.1", port))
        yield Served(port, store, process, banner)
    finally:
        if process.poll() is None:
            process.terminate()
            try:
                process.communicate(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.communicate()


def until_listening(process: subprocess.Popen[str], ready: str) -> str:
    """What the process prints up to and with the line `ready`, read as it comes (by a thread,
    so that a process that hangs fails the test after STARTING seconds instead of hanging it);
    an AssertionError with its stderr if it ends or hangs before."""
    lines: queue.Queue[str] = queue.Queue()

    def read() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            lines.put(line)
            if line.rstrip("\n") == ready:
                return  # the rest is left to process.communicate
        lines.put("")  # the end of its output

    threading.Thread(target=read, daemon=True).start()
    seen: list[str] = []
    while not seen or seen[-1].rstrip("\n") != ready:
        try:
            line = lines.get(timeout=STARTING)
        except queue.Empty:
            raise AssertionError(f"serve hangs, {ready!r} unsaid: {stopped(process)}") from None
        if not line:
            raise AssertionError(f"serve ended before it listened: {stopped(process)}")
        seen.append(line)
    return "".join(seen)


def stopped(process: subprocess.Popen[str]) -> str:
    """What a process said on stderr, once it is stopped."""
    if process.poll() is None:
        process.kill()
    return process.communicate(timeout=30)[1]


def get(port: int, host: str | None = None) -> tuple[int, str]:
    request = urllib.request.Request(f"http://127.0.0.1:{port}/")
    if host is not None:
        request.add_header("Host", host)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode("utf-8")


async def test_serve_answers_with_the_page_and_its_websocket_runs_the_game(
    server: Served,
) -> None:
    """The page comes over HTTP, names its websocket, and the websocket relays the game's
    first screen; the server then stops cleanly on SIGTERM (as on Ctrl+C) and the game stays
    in its file."""
    port, store, process, banner = server
    status, page = get(port)
    assert status == 200
    assert "textual" in page and f"ws://127.0.0.1:{port}/ws" in page
    async with (
        aiohttp.ClientSession() as session,
        session.ws_connect(f"ws://127.0.0.1:{port}/ws?width=80&height=24") as websocket,
    ):
        first = await websocket.receive(timeout=STARTING)
        assert first.type == aiohttp.WSMsgType.BINARY and first.data
    process.terminate()
    out, err = process.communicate(timeout=30)
    assert process.returncode == 0, err
    assert "Join codes" in banner and "instructor" in banner
    assert ClassGame.open_as_instructor(store).codes()["MX"] in banner
    assert f"serve --store {store} continues it" in out


def test_the_page_asks_nothing_of_the_internet(server: Served) -> None:
    """A class in browsers: every page asked fonts.googleapis.com for a font, which a school
    network without the internet may leave hanging, and a stylesheet in the page's head
    holds its drawing until it comes. The page asks only the server it came from (the
    terminal's own monospaced font is used)."""
    port, _, _, _ = server
    status, page = get(port)
    assert status == 200 and "textual" in page
    assert "googleapis" not in page and "xterm.css" in page
    addresses = re.findall(r"""(?:href|src)=["'](https?://[^"']*)""", page)
    assert addresses and all(a.startswith(f"http://127.0.0.1:{port}/") for a in addresses)


async def test_serve_refuses_another_hosts_name_and_another_sites_websocket(
    server: Served,
) -> None:
    """Served on this computer only, a request naming another host is refused (a page
    elsewhere that points its name at 127.0.0.1 cannot reach the game), and so is a websocket
    opened from another site's page."""
    port = server[0]
    assert get(port, host=f"localhost:{port}")[0] == 200
    assert get(port, host=f"evil.example:{port}")[0] == 403
    async with aiohttp.ClientSession() as session:
        with pytest.raises(aiohttp.WSServerHandshakeError) as err:
            await session.ws_connect(
                f"ws://127.0.0.1:{port}/ws", headers={"Origin": "http://evil.example"}
            )
        assert err.value.status == 403


def test_a_host_other_computers_can_reach_needs_public(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """ "Binding to a non-loopback address needs an explicit flag": without --public it is a
    usage error saying why, before anything is created."""
    store = tmp_path / "class.sqlite"
    assert main(["serve", "--host", "0.0.0.0", "--store", str(store)]) == 2
    err = capsys.readouterr().err
    assert "--public" in err and len(err.strip().splitlines()) == 1
    assert not store.exists()


def test_with_public_the_banner_warns_that_anyone_on_the_network_can_open_the_page(
    tmp_path: Path,
) -> None:
    """ "... and prints a warning" (the banner, without opening a port to the network here)."""
    game = ClassGame.create(tmp_path / "class.sqlite", spp_file(), 1, ["MX"])
    banner = banner_text(game, "0.0.0.0", 8000, elsewhere=True)
    assert "warning" in banner and "anyone" in banner
    assert "warning" not in banner_text(game, "127.0.0.1", 8000, elsewhere=False)


def test_serve_refuses_unknown_countries_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = tmp_path / "class.sqlite"
    assert main(["serve", "--humans", "US,ZZ", "--store", str(store)]) == 2
    err = capsys.readouterr().err
    assert "ZZ" in err and len(err.strip().splitlines()) == 1
    assert not store.exists()


def test_join_names_a_file_that_is_not_a_class_game_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "notes.sqlite"
    bad.write_text("not a database\n" * 200, encoding="utf-8")
    assert main(["join", str(bad)]) == 1
    err = capsys.readouterr().err
    assert str(bad) in err and len(err.strip().splitlines()) == 1


def test_the_banner_counts_the_moves_so_far_in_english(tmp_path: Path) -> None:
    """A class game whose one computer seat has moved before the first team's turn: the
    banner said "1 moves so far"."""
    game = ClassGame.create(tmp_path / "class.sqlite", spp_file(), 1, ["MX"])
    assert len(game.state.moves) == 1
    assert "  round 1, 1 move so far\n" in banner_text(game, "127.0.0.1", 8000, elsewhere=False)


def test_continuing_a_class_game_notes_every_option_given_seed_0_included(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`serve --store` of an existing game keeps what it was started with, and says so of each
    option given: a `--seed 0` was left out of the note (0 read as no seed). A taken port stops
    the command before it serves."""
    store = tmp_path / "class.sqlite"
    ClassGame.create(store, spp_file(), 1, ["MX"]).close()
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = str(taken.getsockname()[1])
        assert main(["serve", "--store", str(store), "--seed", "0", "--port", port]) == 1
    note = capsys.readouterr().err.splitlines()[0]
    assert note.startswith("note: continuing the class game") and "--seed" in note
