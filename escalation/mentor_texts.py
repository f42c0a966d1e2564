"""What a Đại sứ số reads: alerts, claims, notes, "Việc của tôi", and their bubbles (pure).

Everything shown to a mentor passes through `mask_personal_data` once more here.
"""

from __future__ import annotations

from escalation.commands import control_payload
from escalation.texts import CLAIM, DONE, END, MINE, NOTE, SKIP, bubble, describe_wait
from nlu.privacy import mask_personal_data

ALERT = (
    "{flag}Yêu cầu hỗ trợ #{id}\n"
    "Người dân: {who}\n"
    "Chủ đề: {topic}\n"
    "Lý do: {reason}\n"
    "Tin nhắn gần đây (đã che số cá nhân):\n{recent}\n"
    "⏱ Anh/chị bấm “Nhận hỗ trợ” trong {wait}; sau đó yêu cầu sẽ chuyển cho người khác."
)
ALERT_NO_MESSAGES = "(chưa có)"
REASONS = {
    "asked": "Người dân muốn gặp người hỗ trợ",
    "low_confidence": "Trợ lý chưa trả lời được câu hỏi",
    "urgent:credentials_given": "Có thể đã lộ mã OTP hoặc mật khẩu",
    "urgent:money_lost": "Có thể đã bị lừa mất tiền",
    "urgent:account_taken": "Tài khoản có thể đã bị chiếm",
    "urgent:malware_installed": "Có thể đã cài ứng dụng lạ",
    "urgent:threatened": "Đang bị đe dọa",
    "urgent:threat": "Có dấu hiệu lừa đảo “bắt cóc online”",
    "urgent:impersonated": "Bị giả mạo tài khoản",
}
CLAIMED_TO_MENTOR = (
    "✅ Anh/chị đã nhận yêu cầu #{id}. Tin anh/chị gõ ở đây sẽ được chuyển cho người dân "
    "với tên “Đại sứ số {name}”. Gõ “Ghi chú: …” để ghi chú riêng (người dân không thấy). "
    "Xin đừng hỏi mã OTP hay mật khẩu."
)
WHILE_WAITING = "Người dân nhắn thêm trong lúc chờ:\n{recent}"
CLAIM_TAKEN = "Yêu cầu #{id} đã có người nhận rồi. Cảm ơn anh/chị!"
CLAIM_PASSED = (
    "Yêu cầu #{id} đã được chuyển cho người khác vì quá thời gian chờ, anh/chị không cần nhận "
    "nữa. Cảm ơn anh/chị!"
)
CLAIM_CLOSED = "Yêu cầu #{id} đã kết thúc, anh/chị không cần nhận nữa. Cảm ơn anh/chị!"
NOT_YOURS = "Yêu cầu #{id} không được gửi cho anh/chị."
PASSED_ON = "⏱ Yêu cầu #{id} đã chuyển cho người khác vì chưa có người nhận trong {wait}."
SKIPPED = "Anh/chị đã bỏ qua #{id}; tôi chuyển cho người tiếp theo. Cảm ơn anh/chị."
FROM_LEARNER = "{who} (#{id}): {text}"
LEARNER_ENDED = "Người dân đã kết thúc hỗ trợ #{id}. Cảm ơn anh/chị!"
LEARNER_CANCELLED = "Người dân đã hủy yêu cầu #{id}, anh/chị không cần nhận nữa."
RESOLVED = "Đã đóng #{id} (đã giải quyết). Cảm ơn anh/chị! Gõ “Ghi chú #{id}: …” nếu cần ghi thêm."
MENTOR_ENDED = "Đã kết thúc hỗ trợ #{id}. Gõ “Ghi chú #{id}: …” nếu cần ghi lại việc còn dở."
NOTE_HOWTO = (
    "Anh/chị gõ tin bắt đầu bằng “Ghi chú:” (ví dụ: Ghi chú: đã hướng dẫn khóa thẻ). "
    "Ghi chú chỉ lưu trong hồ sơ #{id}; người dân không thấy."
)
NOTE_SAVED = "📝 Đã lưu ghi chú cho #{id}."
NOTE_NOWHERE = "Anh/chị chưa có yêu cầu nào để ghi chú."
MINE_EMPTY = "Hiện anh/chị không có yêu cầu nào đang mở. Cảm ơn anh/chị!"
MINE_HANDLING = "Đang hỗ trợ:"
MINE_WAITING = "Đang chờ anh/chị nhận:"
MINE_LINE = "#{id}{flag} · {who} · {topic} · {age}"
MINE_MENTEES = "Người dân anh/chị kèm cặp: {count} (mục tiêu ít nhất 5)."
FOCUSED = "Từ giờ tin anh/chị gõ sẽ chuyển tới #{id}."
RATED_TO_MENTOR = "⭐ Người dân chấm lần hỗ trợ #{id}: {rating}/5. Cảm ơn anh/chị!"
NOW_URGENT = "🚨 Yêu cầu #{id} nay là KHẨN: {reason}. Anh/chị nhận sớm giúp trong {wait}."
IDLE_FOR_MENTOR = (
    "Yêu cầu #{id} đã tự đóng vì lâu không có tin nhắn; người dân được trợ lý trả lời tiếp. "
    "Nếu còn việc dang dở, anh/chị hãy liên hệ lại người dân."
)


def describe_reason(reason: str) -> str:
    return REASONS.get(reason, REASONS["urgent:money_lost"] if reason == "urgent" else reason)


# ---- bubbles


def alert_bubbles(
    *,
    escalation_id: int,
    urgent: bool,
    reason: str,
    topic: str,
    who: str,
    recent: str,
    wait_seconds: int,
) -> list[dict]:
    """The alert a mentor gets: summary, masked recent messages, "Nhận hỗ trợ" / "Bỏ qua"."""
    text = ALERT.format(
        flag="🚨 KHẨN — " if urgent else "🙋 ",
        id=escalation_id,
        who=who,
        topic=topic or "—",
        reason=describe_reason(reason),
        recent=recent or ALERT_NO_MESSAGES,
        wait=describe_wait(wait_seconds),
    )
    buttons = [
        (CLAIM, control_payload("claim", escalation_id)),
        (SKIP, control_payload("skip", escalation_id)),
    ]
    return [bubble(mask_personal_data(text), buttons)]


def mentor_tools(escalation_id: int) -> list[tuple[str, str]]:
    return [
        (DONE, control_payload("done", escalation_id)),
        (END, control_payload("end", escalation_id)),
        (NOTE, control_payload("note", escalation_id)),
        (MINE, control_payload("mine")),
    ]


def claimed_for_mentor(escalation_id: int, mentor_name: str, waiting: str) -> list[dict]:
    bubbles = [bubble(CLAIMED_TO_MENTOR.format(id=escalation_id, name=mentor_name))]
    if waiting:
        bubbles.append(bubble(WHILE_WAITING.format(recent=waiting)))
    bubbles[-1]["buttons"] = bubble("", mentor_tools(escalation_id))["buttons"]
    return bubbles


def mine_bubbles(
    handling: list[tuple[int, str]], waiting: list[tuple[int, str]], mentees: int
) -> list[dict]:
    """'Việc của tôi': (id, line) pairs for claimed and waiting hand-offs, with buttons."""
    footer = MINE_MENTEES.format(count=mentees)
    if not handling and not waiting:
        return [bubble(f"{MINE_EMPTY}\n{footer}")]
    parts, buttons = [], []
    if handling:
        parts += [MINE_HANDLING, *(line for _, line in handling)]
        for escalation_id, _ in handling[:4]:
            buttons += [
                (f"💬 #{escalation_id}", control_payload("focus", escalation_id)),
                (f"✅ #{escalation_id}", control_payload("done", escalation_id)),
            ]
    if waiting:
        parts += [MINE_WAITING, *(line for _, line in waiting)]
        buttons += [(f"{CLAIM} #{i}", control_payload("claim", i)) for i, _ in waiting[:4]]
    return [bubble(mask_personal_data("\n".join([*parts, footer])), buttons)]
