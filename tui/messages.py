"""Typed messages that workers post back to the UI thread (attributes go down, messages come up)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from pathlib import Path

    from agent.models import Transcript, Turn
    from agent.persona import Persona
    from tui.room import Room, RoomSnapshot


class HomeLoaded(Message):
    """Personas and unfinished interviews, read after the first paint. `problems`: persona files skipped."""

    def __init__(self, personas: list[Persona], unfinished: list[Transcript], problems: list[str]) -> None:
        super().__init__()
        self.personas = personas
        self.unfinished = unfinished
        self.problems = problems


class BrainReady(Message):
    """The brain is set up (`description` says which and why), or could not be (`error`)."""

    def __init__(self, description: str | None, error: str | None = None) -> None:
        super().__init__()
        self.description = description
        self.error = error


class RoomPreview(Message):
    """What the room will show, known before the engine has opened it: the first question of an interview
    being started, or the saved turns of one being resumed."""

    def __init__(self, turns: list[Turn], coach: bool) -> None:
        super().__init__()
        self.turns = turns
        self.coach = coach


class RoomOpened(Message):
    """An interview was started or resumed; the room is ready for answers."""

    def __init__(self, room: Room, snapshot: RoomSnapshot, draft: str = "") -> None:
        super().__init__()
        self.room = room
        self.snapshot = snapshot
        self.draft = draft


class RoomUpdated(Message):
    """The interviewer has finished responding (or the interview has ended)."""

    def __init__(self, snapshot: RoomSnapshot) -> None:
        super().__init__()
        self.snapshot = snapshot


class InterviewerDelta(Message):
    """A piece of the interviewer's line, as the brain produces it."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text


class RoomFailed(Message):
    """Opening the room, or the interviewer's response, failed. Anything already sent is saved by the core."""

    def __init__(self, error: str) -> None:
        super().__init__()
        self.error = error


class HistoryLoaded(Message):
    """Every saved interview, and the display name of each persona id (an id without a file keeps its id)."""

    def __init__(self, transcripts: list[Transcript], names: dict[str, str]) -> None:
        super().__init__()
        self.transcripts = transcripts
        self.names = names


class Exported(Message):
    """The verdict was written to these files."""

    def __init__(self, markdown_path: Path, html_path: Path) -> None:
        super().__init__()
        self.markdown_path = markdown_path
        self.html_path = html_path
