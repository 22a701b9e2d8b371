"""New game: scenario, country, difficulty and a seed (random by default, and shown)."""

from __future__ import annotations

import random
from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import (
    Button,
    Footer,
    Header,
    Input,
    Label,
    RadioButton,
    RadioSet,
    Select,
    Static,
)

from game.core.loader import (
    LoadError,
    builtin_scenarios,
    load_scenario,
    local_scenarios,
    resolve_scenario,
)
from game.core.scenario import Scenario
from game.ui.screens.base import GameScreen

DIFFICULTIES = ("easy", "normal", "hard")
DIFFICULTY_TEXT = {
    "easy": "partners concede early",
    "normal": "partners hold out, some longer than others",
    "hard": "partners hold out to the end",
}


def scenario_choices() -> list[tuple[str, Path]]:
    """Every scenario a player may start: built-in ones, then ./scenarios, valid ones only."""
    found = []
    for path in builtin_scenarios() + local_scenarios():
        try:
            scenario = load_scenario(path)
        except LoadError:
            continue
        found.append((f"{scenario.title} ({scenario.id})", path))
    return found


class NewGameScreen(GameScreen[None]):
    """Choose and start a game."""

    HELP = """\
# New game

- **Scenario**: the negotiation to play (built-in ones and any valid `./scenarios/*.yaml`).
- **Country**: the party you speak for; the computer plays the others.
- **Difficulty**: how long the computer's negotiators hold out before conceding.
- **Seed**: fixes every chance draw. Note it down: the same seed and the same moves replay the
  same game, so a class can compare groups fairly.

Tab moves between fields, arrow keys choose, Enter on **Start** (or Ctrl+S) begins.
"""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back"),
        Binding("ctrl+s", "begin", "Start"),
    ]

    def __init__(
        self,
        scenario: str | None = None,
        party: str | None = None,
        seed: int | None = None,
        difficulty: str = "normal",
    ) -> None:
        super().__init__()
        self.choices = scenario_choices()
        self.want_scenario = scenario
        self.want_party = party
        self.seed = seed if seed is not None else random.randrange(1, 1_000_000)
        self.difficulty = difficulty if difficulty in DIFFICULTIES else "normal"
        self.scenario: Scenario | None = None
        self.path: Path | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="new-game"):
            yield Label("Scenario")
            initial = self._initial_path()
            yield Select(
                [(label, str(path)) for label, path in self.choices],
                value=str(initial) if initial else Select.NULL,
                allow_blank=not self.choices,
                id="scenario",
            )
            yield Static(id="scenario-summary")
            with Horizontal(id="new-game-row"):
                with Vertical(id="country-box"):
                    yield Label("Country")
                with Vertical():
                    yield Label("Difficulty")
                    with RadioSet(id="difficulty"):
                        for level in DIFFICULTIES:
                            yield RadioButton(
                                f"{level}: {DIFFICULTY_TEXT[level]}", value=level == self.difficulty
                            )
            with Horizontal(id="seed-row"):
                yield Label("Seed ")
                yield Input(str(self.seed), type="integer", id="seed")
                yield Button("Start", id="start", variant="primary")
            yield Static(id="chosen")
            yield Static(id="new-game-error")
        yield Footer(compact=True)

    def _initial_path(self) -> Path | None:
        if self.want_scenario:
            try:
                wanted = resolve_scenario(self.want_scenario).resolve()
            except LoadError:
                wanted = None
            for _, path in self.choices:
                if path.resolve() == wanted:
                    return path
            if wanted is not None and wanted.exists():
                self.choices.append((str(wanted), wanted))
                return wanted
        return self.choices[0][1] if self.choices else None

    async def on_mount(self) -> None:
        """Fill in the countries of the first scenario."""
        initial = self._initial_path()
        if initial is not None:
            await self._show_scenario(initial)
        self.query_one("#seed", Input).cursor_blink = self.perimeter.blink
        self.query_one("#start", Button).focus()

    async def on_select_changed(self, event: Select.Changed) -> None:
        """Another scenario was chosen."""
        if isinstance(event.value, str):
            await self._show_scenario(Path(event.value))

    async def _show_scenario(self, path: Path) -> None:
        if self.path is not None and path == self.path and self.query("#country"):
            return
        try:
            self.scenario = load_scenario(path)
        except LoadError as err:
            self.query_one("#new-game-error", Static).update(
                "\n".join(str(p) for p in err.problems[:3])
            )
            return
        self.path = path
        self.query_one("#scenario-summary", Static).update(self.scenario.summary.strip())
        await self.query("#country").remove()
        ids = self.scenario.party_ids
        wanted = self.want_party if self.want_party in ids else ids[0]
        buttons = [
            RadioButton(f"{p.name} ({p.id})", value=p.id == wanted, name=p.id)
            for p in self.scenario.parties
        ]
        await self.query_one("#country-box", Vertical).mount(RadioSet(*buttons, id="country"))
        self.call_after_refresh(self._show_chosen)

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        """Say in words what is chosen (the radio buttons show it by colour only)."""
        self._show_chosen()

    def _show_chosen(self) -> None:
        if self.scenario is None:
            return
        party = self.chosen_party()
        name = self.scenario.party(party).name if party else "no country yet"
        chosen = f"You will play {name}, difficulty {self.chosen_difficulty()}."
        self.query_one("#chosen", Static).update(chosen)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Start."""
        if event.button.id == "start":
            self.action_begin()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the seed field starts the game."""
        self.action_begin()

    def action_back(self) -> None:
        """Back to the title."""
        self.app.pop_screen()

    def chosen_party(self) -> str | None:
        """The country whose radio button is on."""
        sets = self.query("#country").results(RadioSet)
        pressed = next((s.pressed_button for s in sets if s.pressed_button is not None), None)
        return pressed.name if pressed is not None else None

    def chosen_difficulty(self) -> str:
        """The difficulty whose radio button is on."""
        index = self.query_one("#difficulty", RadioSet).pressed_index
        return DIFFICULTIES[index] if index >= 0 else "normal"

    def action_begin(self) -> None:
        """Create the game and open the briefing."""
        from game.ui.screens.briefing import BriefingScreen
        from game.ui.session import Session

        error = self.query_one("#new-game-error", Static)
        party = self.chosen_party()
        if self.scenario is None or self.path is None or party is None:
            error.update("Choose a scenario and a country first.")
            return
        text = self.query_one("#seed", Input).value.strip()
        try:
            seed = int(text)
        except ValueError:
            error.update(f"The seed must be a whole number, not {text!r}.")
            return
        app = self.perimeter
        difficulty = self.chosen_difficulty()
        session = Session.new(self.scenario, self.path, party, seed, difficulty, app.saves_dir)  # type: ignore[arg-type]
        app.session = session
        app.switch_screen(BriefingScreen(session, then_play=True))
