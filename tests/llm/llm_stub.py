"""A stand-in for litellm.completion with zero latency: canned replies as litellm-shaped stream chunks.

For unit tests of what the brain does with a reply; the wire formats themselves are covered by cassettes.
"""

from __future__ import annotations

from collections.abc import Iterator
from types import SimpleNamespace

from agent.llm.brain import LLMBrain
from agent.llm.client import LLMClient
from agent.llm.retry import RetryPolicy


def _chunk(content: str | None = None, finish: str | None = None, usage: object = None) -> SimpleNamespace:
    delta = SimpleNamespace(content=content)
    return SimpleNamespace(choices=[SimpleNamespace(delta=delta, finish_reason=finish)], usage=usage)


class StubCompletion:
    """Each call returns the next canned reply, streamed in small pieces or whole; every request is kept."""

    def __init__(self, replies: list[str], piece: int = 7):
        self.replies = list(replies)
        self.piece = piece
        self.requests: list[dict] = []
        self.report_usage = True  # False: a server that sends no token counts

    def __call__(self, **kwargs: object) -> object:
        self.requests.append(kwargs)
        text = self.replies.pop(0)
        usage = SimpleNamespace(prompt_tokens=1000, completion_tokens=len(text) // 4) if self.report_usage else None
        if not kwargs.get("stream"):
            message = SimpleNamespace(content=text, refusal=None)
            return SimpleNamespace(choices=[SimpleNamespace(message=message, finish_reason="stop")], usage=usage)
        return self._stream(text, usage)

    def _stream(self, text: str, usage: object) -> Iterator[SimpleNamespace]:
        for i in range(0, len(text), self.piece):
            yield _chunk(text[i : i + self.piece])
        yield _chunk(finish="stop")
        yield SimpleNamespace(choices=[], usage=usage)


def stub_brain(replies: list[str], model: str = "openai/gpt-4o-mini") -> tuple[LLMBrain, StubCompletion]:
    stub = StubCompletion(replies)
    client = LLMClient(model, model.split("/")[0], api_base=None, timeout=5, retry=RetryPolicy(1, 0, 0),
                       mode="json_schema", completion=stub)
    return LLMBrain(client, source="test"), stub
