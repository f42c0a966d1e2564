"""Send composed bubbles through Rasa's dispatcher, with the reply's decision as metadata."""

from __future__ import annotations

from rasa_sdk.executor import CollectingDispatcher


def send_bubbles(dispatcher: CollectingDispatcher, bubbles: list[dict], *, decision: str) -> None:
    """Each bubble as one message; then a custom message carrying the decision for channels/eval."""
    for item in bubbles:
        dispatcher.utter_message(text=item["text"], buttons=item.get("buttons") or [])
    dispatcher.utter_message(json_message={"decision": decision})


def send_answer(dispatcher: CollectingDispatcher, bubbles: list[dict]) -> None:
    """Bubbles that answer the learner (decision "answer"); nothing at all when there are none."""
    if bubbles:
        send_bubbles(dispatcher, bubbles, decision="answer")


def is_button_payload(text: str) -> bool:
    return text.startswith("/")
