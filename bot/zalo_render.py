"""The Zalo OA protocol as pure functions: the webhook signature, reading an event, and one
reply rendered as customer-service messages (text ≤ 2,000 characters, buttons, typed choices).
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass

from bot.reply import Bubble, Reply

TEXT_LIMIT = 2000  # characters of one OA message
MAX_BUTTONS = 5  # per message; more choices go on in further messages
MORE_CHOICES = "Các lựa chọn khác:"
TITLE_LIMIT = 100
SIGNATURE_HEADER = "X-ZEvent-Signature"
NOT_TEXT_EVENTS = {
    "user_send_image",
    "user_send_sticker",
    "user_send_gif",
    "user_send_audio",
    "user_send_video",
    "user_send_file",
    "user_send_location",
    "user_send_link",
    "user_send_business_card",
}


def expected_signature(app_id: str, raw_body: bytes, timestamp: str, oa_secret: str) -> str:
    """ "mac=" + hex SHA-256 (a plain hash, not an HMAC) of app id + body + timestamp + secret."""
    digest = hashlib.sha256(app_id.encode() + raw_body + timestamp.encode() + oa_secret.encode())
    return f"mac={digest.hexdigest()}"


def is_signed(raw_body: bytes, header: str, *, app_id: str, oa_secret: str) -> bool:
    """The header matches the body (compared in constant time); False on any malformed body."""
    try:
        body = json.loads(raw_body)
        timestamp = str(body["timestamp"])
    except (ValueError, KeyError, TypeError):
        return False
    if not header or not app_id or not oa_secret:
        return False
    expected = expected_signature(app_id, raw_body, timestamp, oa_secret)
    return hmac.compare_digest(expected.encode(), header.strip().encode())


@dataclass(frozen=True)
class ZaloEvent:
    kind: str  # text | not_text | follow | unfollow | admin | other
    user_id: str
    key: str  # what makes a delivery unique (msg_id, or the event and its timestamp)
    text: str = ""
    admin_id: str = ""


def read_event(body: dict) -> ZaloEvent:
    """The parts of a webhook body the channel acts on."""
    name = str(body.get("event_name") or "")
    message = body.get("message") if isinstance(body.get("message"), dict) else {}
    sender = body.get("sender") if isinstance(body.get("sender"), dict) else {}
    recipient = body.get("recipient") if isinstance(body.get("recipient"), dict) else {}
    key = str(message.get("msg_id") or f"{name}:{body.get('timestamp')}")
    if name in ("follow", "unfollow"):
        follower = body.get("follower") if isinstance(body.get("follower"), dict) else {}
        user_id = str(follower.get("id") or "")
        return ZaloEvent(name, user_id, f"{name}:{user_id}:{body.get('timestamp')}")
    if name.startswith("oa_send_"):
        admin_id = str(sender.get("admin_id") or "")
        kind = "admin" if admin_id else "other"  # OA messages sent by the API are ours
        text = str(message.get("text") or "")
        return ZaloEvent(kind, str(recipient.get("id") or ""), key, text, admin_id)
    user_id = str(sender.get("id") or "")
    if name == "user_send_text":
        return ZaloEvent("text", user_id, key, str(message.get("text") or ""))
    return ZaloEvent("not_text" if name in NOT_TEXT_EVENTS else "other", user_id, key)


def split_text(text: str, limit: int = TEXT_LIMIT) -> list[str]:
    """Pieces of at most `limit` characters, cut at a paragraph, line, sentence or space."""
    pieces: list[str] = []
    rest = text.strip()
    while len(rest) > limit:
        window = rest[:limit]
        cut = max(window.rfind(sep) for sep in ("\n\n", "\n", ". ", " "))
        cut = cut + 1 if cut > limit // 2 else limit
        pieces.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    return [*pieces, rest] if rest or not pieces else pieces


def is_link(payload: str) -> bool:
    return payload.startswith(("https://", "http://"))


def typed_choices_line(count: int) -> str:
    """ "(Gõ 1, 2 hoặc 3 để chọn.)" for the numbered choices."""
    if count == 1:
        return "(Gõ 1 để chọn.)"
    numbers = ", ".join(str(n) for n in range(1, count))
    return f"(Gõ {numbers} hoặc {count} để chọn.)"


def _button(title: str, payload: str) -> dict:
    if is_link(payload):
        return {"title": title[:TITLE_LIMIT], "type": "oa.open.url", "payload": {"url": payload}}
    return {"title": title[:TITLE_LIMIT], "type": "oa.query.hide", "payload": payload}


def render_bubble(bubble: Bubble) -> tuple[list[dict], list[str]]:
    """One bubble → OA messages and the payloads a typed 1, 2, 3 … stands for.

    Choices are numbered in the text as well, so a resident whose Zalo shows no buttons can
    type the number; links become "open URL" buttons and are not numbered. A message carries
    at most MAX_BUTTONS buttons; the others follow in "Các lựa chọn khác:" messages.
    """
    choices = [b for b in bubble.buttons if not is_link(b.payload)]
    text = bubble.text.strip() or "…"
    if choices:
        lines = [f"{n}. {b.title}" for n, b in enumerate(choices, 1)]
        text = f"{text}\n\n" + "\n".join(lines) + "\n" + typed_choices_line(len(choices))
    pieces = split_text(text)
    messages: list[dict] = [{"text": piece} for piece in pieces]
    buttons = [_button(b.title, b.payload) for b in bubble.buttons]
    groups = [buttons[i : i + MAX_BUTTONS] for i in range(0, len(buttons), MAX_BUTTONS)]
    for n, group in enumerate(groups):
        if n:  # over MAX_BUTTONS: the rest ride on short follow-up messages, none is lost
            messages.append({"text": MORE_CHOICES})
        messages[-1]["attachment"] = {"type": "template", "payload": {"buttons": group}}
    return messages, [b.payload for b in choices]


def render_reply(reply: Reply) -> tuple[list[dict], list[str]]:
    """Every bubble's messages, and the typed choices of the last bubble that had some."""
    messages: list[dict] = []
    choices: list[str] = []
    for bubble in reply.bubbles:
        rendered, offered = render_bubble(bubble)
        messages.extend(rendered)
        choices = offered or choices
    return messages, choices


def typed_choice(text: str, choices: list[str] | None) -> str | None:
    """A typed "2" (or "số 2") → the payload of the second choice offered; None otherwise."""
    digits = text.strip().lower().removeprefix("số").strip().rstrip(".")
    if not choices or not digits.isdigit():
        return None
    index = int(digits) - 1
    return choices[index] if 0 <= index < len(choices) else None
