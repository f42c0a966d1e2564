"""One reply model for every channel: bubbles of text with buttons, plus the reply's decision."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Button:
    title: str
    payload: str


@dataclass(frozen=True)
class Bubble:
    text: str
    buttons: tuple[Button, ...] = ()

    def to_json(self) -> dict:
        return {
            "text": self.text,
            "buttons": [{"title": b.title, "payload": b.payload} for b in self.buttons],
        }

    @classmethod
    def from_json(cls, data: dict) -> Bubble:
        buttons = tuple(Button(b["title"], b["payload"]) for b in data.get("buttons") or ())
        return cls(text=str(data.get("text") or ""), buttons=buttons)


@dataclass(frozen=True)
class Reply:
    bubbles: tuple[Bubble, ...]
    decision: str = ""
    meta: dict = field(default_factory=dict)

    def to_json(self) -> list[dict]:
        """The web channel's bubbles; the decision rides on the last bubble."""
        items = [b.to_json() for b in self.bubbles]
        if items and self.decision:
            items[-1]["decision"] = self.decision
        return items

    @property
    def text(self) -> str:
        return "\n".join(b.text for b in self.bubbles)


def reply_from_rasa(messages: list[dict]) -> Reply:
    """Rasa REST output → Reply: text/buttons become bubbles, `custom` carries the decision."""
    bubbles: list[Bubble] = []
    decision = ""
    for message in messages:
        custom = message.get("custom")
        if isinstance(custom, dict):
            decision = str(custom.get("decision") or decision)
            continue
        if message.get("text") or message.get("buttons"):
            bubbles.append(Bubble.from_json(message))
    return Reply(tuple(bubbles), decision)


def text_reply(text: str, decision: str = "") -> Reply:
    return Reply((Bubble(text),), decision)
