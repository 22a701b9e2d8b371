"""New game: scenario, country, difficulty and a seed (random by default, and shown)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import (
    Button,
    Footer,
    Header,
    Input,
    Label,
    RadioSet,
    Select,
    SelectionList,
    Static,
)
from textual.widgets.selection_list import Selection

from game.core.engine.difficulty import DIFFICULTIES, Difficulty, is_difficulty
from game.core.engine.wording import cause_words, counted, joined
from game.core.scenario.default import DEFAULT_SCENARIO
from game.core.scenario.loader import CatalogueEntry, ScenarioFile
from game.core.scenario.model import Scenario
from game.seeds import random_seed
from game.ui.screens.base import GameScreen
from game.ui.widgets.marked import ChosenRadioSet, MarkedRadioButton, TickedSelectionList

DIFFICULTY_TEXT = {
    "easy": "partners concede early",
    "normal": "partners hold out, some longer than others",
    "hard": "partners hold out to the end",
}
"""What a difficulty means, against two or more computer partners."""

ONE_PARTNER_TEXT = {
    "easy": "your partner concedes early",
    "normal": "your partner holds out a while",
    "hard": "your partner holds out to the end",
}
"""What a difficulty means against one computer partner (merida-2007, smart-border-2001)."""


def difficulty_text(level: Difficulty, partners: int) -> str:
    """What a difficulty means against this many computer partners."""
    return (ONE_PARTNER_TEXT if partners == 1 else DIFFICULTY_TEXT)[level]


def difficulty_of(text: str) -> Difficulty:
    """The difficulty a text names ('normal' for anything else)."""
    return text if is_difficulty(text) else "normal"


@dataclass(frozen=True)
class NewGameRequest:
    """What the player chose: the app starts the game from it."""

    source: ScenarioFile
    parties: tuple[str, ...]
    """The countries people play at this keyboard, in the scenario's order (two or more: a hot
    seat, taking turns)."""
    seed: int
    difficulty: Difficulty
    disabled_causes: frozenset[str] = frozenset()
    """The causes whose events this game runs without (a "what if")."""

    @property
    def party(self) -> str:
        """The first country people play."""
        return self.parties[0]


HISTORY = "history"
"""The "What if…" choice of history as it happened (no cause switched off)."""


def what_if_choices(scenario: Scenario, wanted: Iterable[str] = ()) -> list[tuple[str, str]]:
    """The "What if…" choices for a scenario: history, then each cause of its events switched
    off, in the order their first events come (and the causes asked for together, when
    several)."""
    dated = sorted(scenario.events, key=lambda e: e.date)
    causes = list(dict.fromkeys(e.cause for e in dated if e.cause))
    choices = [("History as it happened", HISTORY)]
    choices += [(f"Without {cause_words([cause])}", cause) for cause in causes]
    together = sorted(c for c in set(wanted) if c in causes)
    if len(together) > 1:
        choices.append(
            ("Without " + cause_words(together).replace(", ", " + "), ",".join(together))
        )
    return choices


class CountryList(TickedSelectionList[str]):
    """The countries people play: Enter plays the one under the cursor alone, Space ticks or
    unticks it (a second or third tick makes a hot seat). With Enter ticking too, a student who
    went down to Mexico and pressed Enter found a hot seat with the country ticked at first.
    A ticked box shows ✓, not only another colour."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "alone", "Choose", key_display="⏎"),
        Binding("space", "select", "Hot seat"),
    ]

    def action_alone(self) -> None:
        """Tick the highlighted country and untick the others."""
        if self.highlighted is None:
            return
        chosen = self.get_option_at_index(self.highlighted).value
        for value in self.selected:
            if value != chosen:
                self.deselect(value)
        self.select(chosen)


class ScenarioAbout(VerticalScroll):
    """The scenario's description, in a few lines that scroll: Tab reaches it, and ↑/↓ read
    on, when it is longer than they hold (a play-test: it was cut off mid-sentence at 80x24,
    and could not be focused or scrolled). A description that fits is not a Tab stop."""

    # The container's own scroll keys, named in the footer (Textual's are hidden there).
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "scroll_down", "Read on", key_display="↑↓"),
        Binding("up", "scroll_up", "Read on", show=False),
    ]

    def allow_focus(self) -> bool:
        """Focusable only when there is more to read."""
        return self.allow_vertical_scroll


def scenario_label(choice: ScenarioFile, choices: list[ScenarioFile]) -> str:
    """A scenario in the list of the New game screen: its title and id, and its file's name
    when another file declares the same id (the two would read alike)."""
    s = choice.scenario
    if sum(c.scenario.id == s.id for c in choices) > 1:
        return f"{s.title} ({s.id}, {choice.path.name})"
    return f"{s.title} ({s.id})"


class NewGameScreen(GameScreen[NewGameRequest | None]):
    """Choose and start a game; dismissed with the choice, or None for back."""

    HELP = """\
# New game

- **Scenario**: the negotiation to play (built-in ones and any valid `./scenarios/*.yaml`).
  Its description follows; when it is longer than its lines, Tab to it and ↑/↓ scroll it.
- **Countries at this keyboard**: go to the country you speak for (↑/↓) and press Enter to
  choose it (its box shows ✓); the computer plays the others. Space ticks or unticks a
  country instead: tick two or more for a **hot seat**, where teams share the keyboard and take
  turns, and between turns a hand-off screen hides one team's numbers from the next. The line
  under the form says whom you play.
- **Difficulty**: how readily the computer's negotiators concede, how long they hold out, and
  how much they know of you; ↑/↓ go to a level, Enter or Space chooses it.
- **Seed**: fixes every chance draw. Note it down: the same seed, difficulty and What if…
  choice, with the same moves, replay the same game, so a class can compare groups fairly.
- **What if…**: play history as it happened, or the world without one of the causes of the
  scenario's events (its leader changes, a visa, opposition at home...), the counterfactual that
  `simulate --without` measures over many computer games. `play --without CAUSE` chooses it
  from the command line.

The form opens on the scenario choice (Enter opens its list). Tab moves to the next field,
Shift+Tab back; choosing changes the line under the form; Ctrl+S (or Enter on **Start**)
begins the game.
"""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back"),
        Binding("ctrl+s", "begin", "Start"),
        # Textual's own Tab is hidden from the footer: a student did not know how to move on.
        Binding("tab", "app.focus_next", "Next field", key_display="Tab"),
        Binding("shift+tab", "app.focus_previous", "Previous field", show=False),
    ]

    def __init__(
        self,
        catalogue: list[CatalogueEntry],
        scenario: ScenarioFile | None = None,
        party: str | Iterable[str] | None = None,
        seed: int | None = None,
        difficulty: str = "normal",
        blink: bool = True,
        without: Iterable[str] = (),
    ) -> None:
        super().__init__()
        self.want_without = tuple(without)
        self.choices = [entry.file for entry in catalogue if entry.file is not None]
        if scenario is not None:
            # The file given on the command line, as it was read there: in place of its entry in
            # the lists, or after them when it lies elsewhere.
            same = [
                n for n, c in enumerate(self.choices) if c.path.resolve() == scenario.path.resolve()
            ]
            if same:
                self.choices[same[0]] = scenario
            else:
                self.choices.append(scenario)
        self.want_scenario = scenario
        self.want_parties = (party,) if isinstance(party, str) else tuple(party or ())
        self.seed = seed if seed is not None else random_seed()
        self.difficulty = difficulty_of(difficulty)
        self.blink = blink
        self.chosen_file: ScenarioFile | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="new-game"):
            yield Label("Scenario", id="scenario-label")
            initial = self._initial()
            yield Select(
                [(scenario_label(c, self.choices), str(n)) for n, c in enumerate(self.choices)],
                value=str(initial) if initial is not None else Select.NULL,
                allow_blank=not self.choices,
                id="scenario",
            )
            with ScenarioAbout(id="scenario-about"):
                yield Static(id="scenario-summary")
            with Horizontal(id="new-game-row"):
                with Vertical(id="country-box"):
                    yield Label("Countries at this keyboard")
                with Vertical():
                    yield Label("Difficulty")
                    with ChosenRadioSet(id="difficulty"):
                        for level in DIFFICULTIES:
                            # The level's name only: what it means is said in full below.
                            yield MarkedRadioButton(level, value=level == self.difficulty)
            with Horizontal(id="seed-row"):
                yield Label("Seed ")
                yield Input(str(self.seed), type="integer", id="seed")
                yield Label(" What if… ")
                yield Select([("History as it happened", HISTORY)], allow_blank=False, id="what-if")
                yield Button("Start", id="start", variant="primary")
            yield Static(id="chosen")
            yield Static(id="new-game-error")
        yield Footer(compact=True)

    def _initial(self) -> int | None:
        """The position of the scenario to show first: the one asked for, else the built-in
        default (the SPP replay the title promises), else the first."""
        if not self.choices:
            return None
        if self.want_scenario is not None:
            wanted = self.want_scenario.path.resolve()
            for n, choice in enumerate(self.choices):
                if choice.path.resolve() == wanted:
                    return n
        # The catalogue lists the built-in scenarios first, so this finds the built-in one.
        ids = [choice.scenario.id for choice in self.choices]
        return ids.index(DEFAULT_SCENARIO) if DEFAULT_SCENARIO in ids else 0

    async def on_mount(self) -> None:
        """Fill in the countries of the first scenario."""
        initial = self._initial()
        if initial is not None:
            await self._show_scenario(self.choices[initial])
        self.query_one("#seed", Input).cursor_blink = self.blink
        # The form opens on its first field: with Start focused, a student's Enter, meant to
        # open the Scenario list, started the default game at once (Ctrl+S starts it).
        self.query_one("#scenario", Select).focus()

    async def on_select_changed(self, event: Select.Changed) -> None:
        """Another scenario (or another "what if") was chosen."""
        if event.select.id == "what-if":
            self._show_chosen()
        elif isinstance(event.value, str):
            await self._show_scenario(self.choices[int(event.value)])

    async def _show_scenario(self, choice: ScenarioFile) -> None:
        if choice is self.chosen_file and self.query("#country"):
            return
        self.chosen_file = choice
        scenario = choice.scenario
        # As written (a Text, not markup): its section pointers are in square brackets.
        self.query_one("#scenario-summary", Static).update(Text(scenario.summary.strip()))
        await self.query("#country").remove()
        ids = scenario.party_ids
        people = [p for p in self.want_parties if p in ids] or [ids[0]]
        countries = CountryList(
            *(
                Selection(_country(p.name, p.id, p.id in people), p.id, p.id in people)
                for p in scenario.parties
            ),
            id="country",
        )
        await self.query_one("#country-box", Vertical).mount(countries)
        what_if = self.query_one("#what-if", Select)
        choices = what_if_choices(scenario, self.want_without)
        what_if.set_options(choices)
        wanted = ",".join(sorted(self.want_without))
        values = [value for _, value in choices]
        what_if.value = wanted if wanted in values else HISTORY
        self.call_after_refresh(self._show_chosen)

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        """Say in words what is chosen (the radio buttons show it by colour only)."""
        self._show_chosen()

    def on_selection_list_selected_changed(self, event: SelectionList.SelectedChanged[str]) -> None:
        """A country ticked or unticked: say so in the list's words too (not by colour alone),
        and in the sentence below."""
        if self.chosen_file is None:
            return
        chosen = set(event.selection_list.selected)
        for n, p in enumerate(self.chosen_file.scenario.parties):
            event.selection_list.replace_option_prompt_at_index(
                n, _country(p.name, p.id, p.id in chosen)
            )
        self._show_chosen()

    def _show_chosen(self) -> None:
        if self.chosen_file is None:
            return
        scenario = self.chosen_file.scenario
        parties = self.chosen_parties()
        names = joined([scenario.party(p).name for p in parties])
        level = self.chosen_difficulty()
        if not parties:
            chosen = "Choose a country to play (Enter on it)."
        elif len(parties) == 1:
            partners = len(scenario.parties) - 1
            chosen = (
                f"You will play {names}, difficulty {level}: {difficulty_text(level, partners)}."
            )
        else:
            computer = [q.name for q in scenario.parties if q.id not in parties]
            chosen = f"Hot seat: {names} take turns at this keyboard"
            # The difficulty is the computer players': with none, it changes nothing.
            if computer:
                chosen += f"; the computer plays {joined(computer)}. Difficulty {level}."
            else:
                chosen += ", with no computer players."
        off = self.chosen_causes()
        if off:
            n = sum(1 for e in scenario.events if e.cause in off)
            chosen += f" What if: {counted(n, 'event')} will not happen."
        self.query_one("#chosen", Static).update(Text(chosen))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Start."""
        if event.button.id == "start":
            self.action_begin()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the seed field starts the game."""
        self.action_begin()

    def action_back(self) -> None:
        """Back to the title."""
        self.dismiss(None)

    def chosen_parties(self) -> tuple[str, ...]:
        """The countries ticked, in the scenario's order."""
        lists = self.query("#country").results(SelectionList)
        ticked = {p for found in lists for p in found.selected}
        if self.chosen_file is None:
            return ()
        return tuple(p for p in self.chosen_file.scenario.party_ids if p in ticked)

    def chosen_difficulty(self) -> Difficulty:
        """The difficulty whose radio button is on."""
        index = self.query_one("#difficulty", RadioSet).pressed_index
        return DIFFICULTIES[index] if index >= 0 else "normal"

    def chosen_causes(self) -> frozenset[str]:
        """The causes the "What if…" choice switches off (none for history)."""
        value = self.query_one("#what-if", Select).value
        if not isinstance(value, str) or value == HISTORY:
            return frozenset()
        return frozenset(value.split(","))

    def action_begin(self) -> None:
        """Hand the choice to the app, which starts the game."""
        error = self.query_one("#new-game-error", Static)
        parties = self.chosen_parties()
        if self.chosen_file is None or not parties:
            error.update("Choose a scenario and tick a country first (Space).")
            return
        text = self.query_one("#seed", Input).value.strip()
        if not text:
            error.update("The seed is empty: type a whole number (any, such as 42).")
            return
        try:
            seed = int(text)
        except ValueError:
            error.update(Text(f"The seed must be a whole number, not {text!r}."))
            return
        self.dismiss(
            NewGameRequest(
                self.chosen_file, parties, seed, self.chosen_difficulty(), self.chosen_causes()
            )
        )


def _country(name: str, party: str, person: bool) -> str:
    """A country in the list, saying in words who plays it (the tick is not colour alone)."""
    return f"{name} ({party}): {'people' if person else 'computer'}"
