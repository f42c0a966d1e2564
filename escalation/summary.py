"""Who the learner is and what they wrote, as a mentor is shown it: masked, short (pure)."""

from __future__ import annotations

from nlu.privacy import mask_personal_data

OWN_MENTEE = " — người anh/chị kèm cặp"
LEARNER_FALLBACK = "Người dân"
UNNAMED = "chưa rõ tên"
CHANNEL_NAMES = {"tg": "Telegram", "web": "web chat", "zalo": "Zalo"}


def short_name(name: str | None, fallback: str) -> str:
    """'Nguyễn Thị Lan' → 'Lan' (Vietnamese people are called by the given name)."""
    words = (name or "").split()
    return words[-1] if words else fallback


def learner_label(display_name: str | None, channel: str, area: str | None, own: bool) -> str:
    """'Hoa (Telegram, Thôn Đông) — người anh/chị kèm cặp'."""
    details = ", ".join(x for x in (CHANNEL_NAMES.get(channel, channel), area or "") if x)
    name = display_name or UNNAMED
    return f"{name} ({details})" + (OWN_MENTEE if own else "")


def recent_lines(messages: list[tuple[str, str]], limit: int = 6, width: int = 160) -> str:
    """(direction, text) pairs → '👤 …' / '🤖 …' lines, masked, payloads left out."""
    lines = []
    for direction, text in messages:
        if not text or text.startswith("/"):
            continue
        short = " ".join(text.split())
        short = short if len(short) <= width else short[: width - 1] + "…"
        lines.append(("👤 " if direction == "in" else "🤖 ") + mask_personal_data(short))
    return "\n".join(lines[-limit:])
