"""One class game shared by several processes (issue 12, point 2): "the shared game lives in
one place with atomic, ordered moves ... A team that closes its tab and reopens it continues
where it was; two teams moving at once never corrupt the game." Each browser holds its own
`ClassGame` on the same file; here two threads stand for two browsers."""

from __future__ import annotations

import re
import sqlite3
import threading
from pathlib import Path

import pytest

from game.core.classroom import INSTRUCTOR, ClassGame, JoinRefused
from game.core.engine.mechanism import start, step
from game.core.engine.moves import IllegalMove, Move, Pass, Propose
from game.core.engine.wording import possessive
from game.core.game import Game
from game.core.saves.shared import CODE_LETTERS, normal_code
from game.core.scenario.errors import LoadError
from tests.conftest import spp_file

SPP = spp_file()
EVERYONE = ("US", "MX", "CA")


def new_class(tmp_path: Path, humans: tuple[str, ...] = EVERYONE, seed: int = 11) -> ClassGame:
    """A class game of spp-2005 in a new file, held by the instructor."""
    return ClassGame.create(tmp_path / "class.sqlite", SPP, seed, humans)


def replayed_digest(game: ClassGame) -> str:
    """The digest of the state the file's moves give, replayed from the start."""
    header = game.store.header
    state = start(SPP.scenario, header.seed, dict(header.seats), frozenset(), header.difficulty)
    for row in game.store.moves_after(0):
        state = step(state, row.move)
    return state.digest()


def test_two_teams_moving_at_once_get_one_total_order_and_no_move_is_lost(
    tmp_path: Path,
) -> None:
    """ "Two teams moving at once never corrupt the game": two browsers (threads, each with its
    own hold on the file) move as soon as they can: after each accepted move both try at once,
    the one that moved (its turn is over) and the other. Every accepted move is in the file
    exactly once, in the order it was accepted; the file's order has no gaps; and it replays to
    the same game as a plain `Game` fed the same moves."""
    instructor = new_class(tmp_path, ("US", "MX"))
    codes = instructor.codes()
    wanted = 6
    accepted: dict[str, list[Move]] = {"US": [], "MX": []}
    refusals: dict[str, list[str]] = {"US": [], "MX": []}
    errors: list[BaseException] = []
    together = threading.Barrier(2)
    moved = threading.Condition()
    made = [0]  # moves accepted so far, by either browser

    def wait_for_a_move_after(seen: int) -> None:
        with moved:
            moved.wait_for(lambda: made[0] != seen, timeout=30)

    def browser(party: str) -> None:
        try:
            game = ClassGame.join(instructor.store.path, codes[party])
            together.wait(timeout=30)
            just_pass = False
            for n in range(20 * wanted):  # bounded: each try moves, or waits for the other
                if len(accepted[party]) >= wanted or game.finished:
                    break
                seen = made[0]
                view = game.view(party)
                move: Move = Pass(party=party)
                if view.legal().propose and not just_pass:
                    package = list(view.status_quo)
                    package[n % len(package)] = 1
                    move = Propose(party=party, package=tuple(package), scope=EVERYONE)
                try:
                    game.play(move)
                except IllegalMove as err:
                    refusals[party].append(str(err))
                    # Refused on its turn (a package it may not table): it passes next. Out of
                    # turn: it waits until the other browser has moved.
                    just_pass = game.to_move == party
                    if not just_pass:
                        wait_for_a_move_after(seen)
                    continue
                accepted[party].append(move)
                just_pass = False
                with moved:
                    made[0] += 1
                    moved.notify_all()
            game.close()
        except BaseException as err:  # reported below, not lost in the thread
            errors.append(err)

    threads = [threading.Thread(target=browser, args=(p,)) for p in ("US", "MX")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    instructor.refresh()
    assert all(len(moves) == wanted for moves in accepted.values()) or instructor.finished
    rows = instructor.store.moves_after(0)
    assert [r.seq for r in rows] == list(range(1, len(rows) + 1))
    for party in ("US", "MX"):
        assert [r.move for r in rows if r.move.party == party] == accepted[party]
        assert all(r and "\n" not in r for r in refusals[party])
    assert sum(len(r) for r in refusals.values()) > 0  # they did collide
    assert instructor.state.digest() == replayed_digest(instructor) == rows[-1].digest
    plain = Game.new(SPP, 11, ["US", "MX"])
    for row in rows:
        if row.move.party in ("US", "MX"):
            plain.play(row.move)
    assert plain.state.moves == instructor.state.moves
    assert plain.state.digest() == instructor.state.digest()


def test_a_tab_behind_the_game_is_checked_against_the_latest_game_not_its_own(
    tmp_path: Path,
) -> None:
    """Two tabs of one team, both at its turn: the first tables a package; the second, not yet
    refreshed, tries too and is refused because the game has moved on, and the file holds
    one move."""
    instructor = new_class(tmp_path)
    due = instructor.to_move
    assert due is not None
    code = instructor.codes()[due]
    first, second = (
        ClassGame.join(instructor.store.path, code),
        ClassGame.join(instructor.store.path, code),
    )
    package = tuple(1 for _ in SPP.scenario.issues)
    first.play(Propose(party=due, package=package, scope=EVERYONE))
    before = len(instructor.store.moves_after(0))
    with pytest.raises(IllegalMove, match="turn, not yours"):
        second.play(Propose(party=due, package=package, scope=EVERYONE))
    assert len(instructor.store.moves_after(0)) == before
    assert second.state.digest() == first.state.digest()


def test_a_move_by_the_wrong_team_or_out_of_turn_is_refused_with_a_clear_message(
    tmp_path: Path,
) -> None:
    """A team moves only for its own country, only on its turn; the instructor plays none."""
    instructor = new_class(tmp_path)
    codes = instructor.codes()
    due = instructor.to_move
    waiting = next(p for p in EVERYONE if p != due)
    team = ClassGame.join(instructor.store.path, codes[waiting])
    with pytest.raises(IllegalMove, match=r"this seat plays .*, not "):
        team.play(Pass(party=str(due)))
    name = possessive(instructor.scenario.party(str(due)).name)  # "United States'"
    with pytest.raises(IllegalMove, match=re.escape(f"it is {name} turn, not yours")):
        team.play(Pass(party=waiting))
    with pytest.raises(IllegalMove, match="the instructor does not play"):
        instructor.play(Pass(party=str(due)))
    assert instructor.store.moves_after(instructor.seq) == []


def test_a_team_sees_only_its_own_private_numbers(tmp_path: Path) -> None:
    """ "So a team cannot take another's seat or see its numbers": a team's process gives a
    view of its own country only (the same SeatView as solo play, which offers no other
    party's private numbers), and neither the join codes nor the instructor's view of every
    party's numbers."""
    instructor = new_class(tmp_path)
    team = ClassGame.join(instructor.store.path, instructor.codes()["MX"])
    view = team.view("MX")
    solo = Game.new(SPP, 11, ["MX"]).view("MX")
    assert {n for n in dir(view) if not n.startswith("_")} == {
        n for n in dir(solo) if not n.startswith("_")
    }
    for other in ("US", "CA"):
        with pytest.raises(ValueError, match="this seat plays MX"):
            team.view(other)
    with pytest.raises(PermissionError):
        team.standing()
    with pytest.raises(PermissionError):
        team.codes()
    with pytest.raises(PermissionError):
        team.end_round()
    with pytest.raises(PermissionError):
        team.set_paused(True)
    assert team.humans == ("MX",)
    assert team.teams == EVERYONE


def test_the_instructor_sees_every_partys_numbers_and_the_zone(tmp_path: Path) -> None:
    """Point 3: "every party's scores, the zone of agreement and where the table stands"."""
    instructor = new_class(tmp_path)
    due = str(instructor.to_move)
    team = ClassGame.join(instructor.store.path, instructor.codes()[due])
    package = tuple(1 for _ in SPP.scenario.issues)
    team.play(Propose(party=due, package=package, scope=EVERYONE))
    instructor.refresh()
    standing = instructor.standing()
    state = instructor.state
    assert [p.party for p in standing.parties] == list(EVERYONE)
    for party in standing.parties:
        assert party.score == state.scorer.score(party.party, package, EVERYONE).total
        assert party.needed > 0 and party.support is not None
    assert standing.offer is not None and standing.offer.proposer == due
    assert standing.zone_now >= 0 and len(standing.zone_by_round) == state.round + 1
    assert standing.round == state.round + 1 and standing.log


def test_while_the_game_is_paused_no_move_is_accepted(tmp_path: Path) -> None:
    """Point 3: the instructor "can pause the game"."""
    instructor = new_class(tmp_path)
    due = str(instructor.to_move)
    team = ClassGame.join(instructor.store.path, instructor.codes()[due])
    instructor.set_paused(True)
    with pytest.raises(IllegalMove, match="paused"):
        team.play(Pass(party=due))
    assert team.paused and team.seq == instructor.seq
    assert not team.refresh()  # the pause was read while refusing
    instructor.set_paused(False)
    assert team.refresh() and not team.paused
    team.play(Pass(party=due))
    assert instructor.refresh()


def test_advancing_the_clock_ends_the_round_and_replays_the_same(tmp_path: Path) -> None:
    """Point 3: the instructor can "advance the clock": every seat still to move this round
    passes, the computer seats then move until a team is due; two class games advanced alike
    are the same game, and the file replays to it."""
    games = []
    for folder in ("a", "b"):
        instructor = new_class(tmp_path / folder, ("MX",), seed=4)
        round_ = instructor.state.round
        moves = len(instructor.state.moves)
        passed = instructor.end_round()
        assert instructor.state.round == round_ + 1 and passed >= 1
        passes = instructor.state.moves[moves : moves + passed]
        assert all(isinstance(m, Pass) for m in passes)
        assert instructor.to_move == "MX"
        games.append(instructor)
    a, b = games
    assert a.state.digest() == b.state.digest() == replayed_digest(a)


def test_a_team_reopening_its_page_with_its_code_continues_where_it_was(tmp_path: Path) -> None:
    """ "A team that closes its tab and reopens it continues where it was": the state comes
    from the file, not from the closed page."""
    instructor = new_class(tmp_path)
    due = str(instructor.to_move)
    code = instructor.codes()[due]
    team = ClassGame.join(instructor.store.path, code)
    team.play(Pass(party=due))
    digest, seq = team.state.digest(), team.seq
    team.close()
    again = ClassGame.join(instructor.store.path, code.lower().replace("-", " "))
    assert again.seat == due
    assert again.state.digest() == digest and again.seq == seq


def test_a_code_of_no_seat_opens_nothing(tmp_path: Path) -> None:
    """A join code is one of about a trillion (the instructor's, of far more); a wrong one is
    refused in one line."""
    instructor = new_class(tmp_path)
    codes = instructor.codes()
    assert set(codes) == {*EVERYONE, INSTRUCTOR}
    assert len(set(codes.values())) == len(codes)
    for code in codes.values():
        assert set(normal_code(code)) <= set(CODE_LETTERS)
        assert len(normal_code(code)) >= 8
    with pytest.raises(JoinRefused, match="no seat has that code") as err:
        ClassGame.join(instructor.store.path, "AAAA-AAAA")
    assert "\n" not in str(err.value)


@pytest.mark.parametrize(
    "damage",
    ["not sqlite", "missing", "edited move", "bad header", "other rules"],
)
def test_a_file_that_is_not_a_usable_class_game_is_named_in_one_line(
    tmp_path: Path, damage: str
) -> None:
    """Untrusted input: a store file gets a clear one-line error, never a traceback."""
    instructor = new_class(tmp_path)
    due = str(instructor.to_move)
    ClassGame.join(instructor.store.path, instructor.codes()[due]).play(Pass(party=due))
    path = instructor.store.path
    code = instructor.codes()[INSTRUCTOR]
    instructor.close()
    if damage == "not sqlite":
        path.write_text("format_version: 2\nmoves: []\n", encoding="utf-8")
    elif damage == "missing":
        path = tmp_path / "nowhere.sqlite"
    else:
        sql = {
            "edited move": 'UPDATE moves SET move = \'{"type": "wave"}\' WHERE seq = '
            "(SELECT max(seq) FROM moves)",
            "bad header": "UPDATE game SET seed = 'x'",
            "other rules": "UPDATE moves SET digest = 'f' WHERE seq = (SELECT max(seq) FROM moves)",
        }[damage]
        with sqlite3.connect(path) as db:
            db.execute(sql)
        db.close()
    with pytest.raises(LoadError) as err:
        ClassGame.join(path, code)
    assert len(err.value.problems) == 1
    assert str(path) in str(err.value) and "\n" not in str(err.value)


def test_the_log_says_the_instructor_ended_the_round_for_a_team_that_did_not_move(
    tmp_path: Path,
) -> None:
    """A class in browsers: after the instructor's `n`, every page and the debrief read
    "Mexico passes.", as if the team had chosen to. The pass says why."""
    instructor = new_class(tmp_path, ("MX",), seed=4)
    moves = len(instructor.state.log)
    instructor.end_round()
    passes = [e for e in instructor.state.log[moves:] if e.kind == "pass" and e.party == "MX"]
    assert passes and passes[0].reasons == ("the instructor ended the round",)


def test_a_finished_class_game_cannot_be_paused(tmp_path: Path) -> None:
    """A class in browsers: `p` paused a game that was over ("Paused: no team can move until
    you press p again"). A finished game takes no pause, as it takes no `n`."""
    instructor = new_class(tmp_path, ("MX",), seed=4)
    while not instructor.finished:
        instructor.end_round()
    with pytest.raises(IllegalMove, match="the game is over"):
        instructor.set_paused(True)
    assert not instructor.paused


def class_on_a_copy(tmp_path: Path) -> tuple[ClassGame, Path]:
    """A class game of a copy of spp-2005 (so that the test may edit it), four moves in."""
    from game.core.scenario.loader import open_scenario

    copy = tmp_path / "spp-copy.yaml"
    # An id of its own: the game would otherwise find the built-in file by its id.
    text = SPP.path.read_text("utf-8")
    copy.write_text(text.replace("\nid: spp-2005\n", "\nid: spp-class-copy\n", 1), "utf-8")
    instructor = ClassGame.create(tmp_path / "class.sqlite", open_scenario(copy), 11, ("MX",))
    while len(instructor.state.moves) < 4:
        instructor.end_round()
    instructor.close()
    return instructor, copy


def test_a_class_game_outlives_a_correction_to_its_scenario_s_wording(tmp_path: Path) -> None:
    """As a save does (README: "A save outlives corrections to its scenario's wording"): a
    class game went on refusing to open after any byte of its scenario changed, a comment
    too. It opens when its moves still replay to the game played, with a note saying so; a
    change of rules that departs from the game played is refused, naming the file."""
    from game.core.scenario.errors import LoadError

    instructor, copy = class_on_a_copy(tmp_path)
    copy.write_text(copy.read_text("utf-8") + "\n# a comment added after the class began\n")
    again = ClassGame.open_as_instructor(instructor.store.path)
    assert again.state.digest() == instructor.state.digest()
    assert again.note is not None and "has changed since this class game started" in again.note
    again.close()
    text = copy.read_text("utf-8")
    assert text.count("trust: 80   # design") == 1
    copy.write_text(text.replace("trust: 80   # design", "trust: 20   # design"))
    with pytest.raises(LoadError, match="restore it as it was"):
        ClassGame.open_as_instructor(instructor.store.path)
