"""A unilateral act is taken "without telling" its target: a browser play-test saw "United
States: Act unilaterally, without telling Mexico." and "US reservation +4" on Mexico's screen the
moment the act was taken. The chapter's unilateral operations (Casa Blanca, "Fast and Furious")
came to light later and then cost trust [Policies B) US-MX]; the game's act says so with its
delayed trust effect."""

from __future__ import annotations

from game.core.engine.moves import Act, Pass
from game.core.engine.state import evolve
from game.core.game import Game
from tests.conftest import spp_file

ACT = "United States: Act unilaterally, without telling Mexico."


def texts(game: Game, party: str) -> list[str]:
    return [e.text for e in game.view(party).log]


def test_a_unilateral_act_stays_out_of_the_others_log_until_it_comes_to_light() -> None:
    """Policies B) US-MX: U.S. agencies acted in Mexico without informing it; Mexico learned of
    it later. The act is in the actor's log at once, in the others' only when its delayed
    consequence lands (or when the game is over)."""
    game = Game.new(spp_file(), 11, ["US", "MX", "CA"])
    assert game.to_move == "US"
    game.play(Act(party="US", action="unilateral_act", target="MX"))
    assert ACT in texts(game, "US")
    assert ACT not in texts(game, "MX") and ACT not in texts(game, "CA")
    assert len(game.view("MX").log) == len(game.state.log) - 1
    round_taken = game.state.round
    while game.state.round == round_taken:
        game.play(Pass(party=game.to_move or ""))
    # The round after: the delayed trust effect lands and the act comes to light.
    landed = [t for t in texts(game, "MX") if t.startswith("Delayed consequence")]
    assert landed and ACT in texts(game, "MX") and ACT in texts(game, "CA")


def test_every_act_is_told_once_the_game_is_over() -> None:
    """The end screen, the debrief and the replay tell the whole game."""
    game = Game.new(spp_file(), 11, ["US", "MX", "CA"])
    game.play(Act(party="US", action="unilateral_act", target="MX"))
    game.state = evolve(game.state, finished=True)
    assert ACT in texts(game, "MX")
