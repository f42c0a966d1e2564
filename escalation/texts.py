"""Wording both sides of a hand-off share: button labels, the bubble shape, waits (pure).

Bubbles are plain dicts {"text", "buttons": [{"title", "payload"}]}, as the outbox stores them.
What the learner reads is in `learner_texts`, what a mentor reads in `mentor_texts`.
"""

from __future__ import annotations

# ---- buttons
CLAIM = "Nhận hỗ trợ"
SKIP = "Bỏ qua"
DONE = "✅ Đã giải quyết"
END = "Kết thúc hỗ trợ"
NOTE = "📝 Ghi chú"
MINE = "📋 Việc của tôi"
CANCEL = "Hủy yêu cầu"
AGREE = "Đồng ý"
LATER = "Để sau"
ASK_AGAIN = "🙋 Hỏi người hỗ trợ"

STALE = "Nút này thuộc tin nhắn cũ nên không còn dùng được nữa ạ."


def bubble(text: str, buttons: list[tuple[str, str]] | None = None) -> dict:
    return {"text": text, "buttons": [{"title": t, "payload": p} for t, p in buttons or []]}


def describe_wait(seconds: int) -> str:
    """600 → '10 phút', 7200 → '2 giờ', 4 → '4 giây'."""
    if seconds % 3600 == 0 and seconds >= 3600:
        return f"{seconds // 3600} giờ"
    if seconds >= 60:
        return f"{round(seconds / 60)} phút"
    return f"{seconds} giây"
