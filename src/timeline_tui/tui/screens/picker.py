"""Pickers for a person or an outlet, with counts that follow the other filters."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from ..text import literal


class PickerScreen(ModalScreen[str | None]):
    """Choose one of ``items`` ((value, label, count)); typing narrows the list; Esc cancels."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="picker.cancel")]

    def __init__(self, title: str, items: list[tuple[str, str, int]]) -> None:
        super().__init__()
        self.title_text = title
        self.items = items

    def compose(self) -> ComposeResult:
        with Vertical(id="picker"):
            yield Input(placeholder=f"{self.title_text}: type to narrow, Enter to choose", id="picker-input")
            yield OptionList(*self._options(""), id="picker-list")

    def _options(self, query: str) -> list[Option]:
        q = query.lower()
        out = []
        for value, label, count in self.items:
            if q and q not in label.lower():
                continue
            text = Text()
            text.append(f"{count:>5}  ", style="green")
            text.append_text(literal(label))
            out.append(Option(text, id=value))
        return out

    def on_input_changed(self, message: Input.Changed) -> None:
        ol = self.query_one(OptionList)
        ol.clear_options()
        ol.add_options(self._options(message.value))
        if ol.option_count:
            ol.highlighted = 0

    def on_input_submitted(self, message: Input.Submitted) -> None:
        ol = self.query_one(OptionList)
        if ol.highlighted is not None:
            self.dismiss(ol.get_option_at_index(ol.highlighted).id)

    def on_key(self, event: object) -> None:
        key = getattr(event, "key", "")
        if key in ("down", "up"):
            ol = self.query_one(OptionList)
            if ol.option_count:
                h = ol.highlighted if ol.highlighted is not None else -1
                ol.highlighted = max(0, min(ol.option_count - 1, h + (1 if key == "down" else -1)))

    def on_option_list_option_selected(self, message: OptionList.OptionSelected) -> None:
        self.dismiss(message.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
