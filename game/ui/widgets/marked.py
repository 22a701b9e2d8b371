"""Lists, radio buttons and tick boxes that show the selected line with a mark, not by colour
alone."""

from __future__ import annotations

from typing import Any, TypeVar

from rich.segment import Segment
from rich.text import Text
from textual.strip import Strip
from textual.widgets import Checkbox, OptionList, RadioButton, RadioSet, SelectionList
from textual.widgets.option_list import Option, OptionDoesNotExist

T = TypeVar("T")

MARK = "▸ "
NO_MARK = "  "

TICK = "✓"
"""The glyph inside a ticked box (an unticked one is empty)."""


def _as_text(prompt: object) -> Text:
    """An option's prompt as rich Text (the game's prompts are plain strings or Text)."""
    return prompt.copy() if isinstance(prompt, Text) else Text(str(prompt))


class MarkedOptionList(OptionList):
    """An option list whose highlighted line starts with ▸ as well as being coloured."""

    def __init__(self, *content: Option, **kwargs: Any) -> None:
        self._prompts = [_as_text(option.prompt) for option in content]
        unmarked = [
            Option(Text(NO_MARK) + prompt, id=option.id, disabled=option.disabled)
            for option, prompt in zip(content, self._prompts, strict=True)
        ]
        super().__init__(*unmarked, **kwargs)

    def on_mount(self) -> None:
        """Mark the line highlighted at the start."""
        self._mark(self.highlighted)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """Move the mark to the newly highlighted line (the message goes on to the screen)."""
        self._mark(event.option_index)

    def _mark(self, index: int | None) -> None:
        for n, prompt in enumerate(self._prompts):
            self.replace_option_prompt_at_index(n, Text(MARK if n == index else NO_MARK) + prompt)


class MarkedRadioButton(RadioButton):
    """A radio button drawn ● when on and empty when off, so the choice is not colour alone."""

    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]
        """The character inside the button: ● when chosen."""
        return "●" if self.value else " "


class ChosenRadioSet(RadioSet):
    """A radio set whose cursor opens on the button that is on: Textual's opens on the first,
    so Enter on a set just tabbed into would choose that one instead of confirming the choice
    shown."""

    def on_mount(self) -> None:
        """Once Textual's own mount handler has put the cursor on the first button (Textual
        runs every class's handler, so this one cannot simply come after it)."""
        self.call_after_refresh(self._to_pressed)

    def _to_pressed(self) -> None:
        if self.pressed_index >= 0:
            # Textual keeps the cursor in this private reactive; there is no public setter.
            self._selected = self.pressed_index


class TickedSelectionList(SelectionList[T]):
    """A selection list whose boxes show ✓ when ticked and nothing when not. Textual draws the
    same X in every box and tells ticked from unticked by colour alone (a play-test: that fails
    a colour-blind student, or a monochrome terminal)."""

    def render_line(self, y: int) -> Strip:
        """Textual's line, with the box's X replaced by what the box holds."""
        line = super().render_line(y)
        # Which option the line shows, found as Textual's own render_line finds it.
        try:
            selection = self.get_option_at_index(self.scroll_offset.y + y)
        except OptionDoesNotExist:
            return line
        segments = list(line)
        # Textual draws every box with its toggle buttons' X (Checkbox shares it).
        if len(segments) < 2 or segments[1].text != Checkbox.BUTTON_INNER:
            return line
        inner = TICK if selection.value in self.selected else " "
        segments[1] = Segment(inner, segments[1].style)
        return Strip(segments, line.cell_length)
