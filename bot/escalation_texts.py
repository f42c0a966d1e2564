"""Vietnamese wording of the hand-off to a Đại sứ số, and the bubbles built from it (pure).

Bubbles are plain dicts {"text", "buttons": [{"title", "payload"}]}, as the outbox stores them.
Everything shown to a mentor passes through `mask_personal_data` once more here.
"""

from __future__ import annotations

from bot.handoff import control_payload
from nlu.privacy import mask_personal_data

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

# ---- to the learner
OPENED = (
    "Tôi đã báo cho Đại sứ số của xã. Khi có người nhận (thường trong giờ hành chính), "
    "bác/anh/chị sẽ được nhắn ngay tại đây. Trong lúc chờ, bác/anh/chị vẫn có thể hỏi tôi."
)
OPENED_URGENT = (
    "Tôi đã báo KHẨN cho Đại sứ số của xã; nếu chưa ai nhận trong {wait}, tôi báo tiếp cán bộ "
    "trực. Người hỗ trợ sẽ nhắn bác/anh/chị ngay tại đây."
)
OPENED_NOBODY = (
    "Hiện chưa có Đại sứ số nào sẵn sàng. Tôi đã ghi lại yêu cầu và sẽ báo ngay khi có người "
    "nhận. Nếu cần gấp, bác/anh/chị đến bộ phận một cửa của xã gặp cán bộ trong giờ hành chính."
)
ALREADY_WAITING = (
    "Yêu cầu hỗ trợ của bác/anh/chị đã được ghi nhận và đang chờ người nhận. "
    "Bác/anh/chị cứ nhắn thêm, người hỗ trợ sẽ đọc được."
)
CLAIMED_TO_LEARNER = (
    "Đại sứ số {name} đã nhận hỗ trợ bác/anh/chị. Từ giờ tin nhắn của bác/anh/chị được chuyển "
    "thẳng tới {name}. Đại sứ số không bao giờ hỏi mã OTP hay mật khẩu. Xong việc, bấm "
    "“Kết thúc hỗ trợ” để quay lại trò chuyện với trợ lý."
)
FROM_MENTOR = "Đại sứ số {name}: {text}"
PASSED_TO_DUTY = (
    "Tôi đã chuyển yêu cầu của bác/anh/chị tới cán bộ trực của xã. Người hỗ trợ sẽ nhắn lại sớm."
)
EXPIRED = (
    "Xin lỗi bác/anh/chị, hiện chưa có Đại sứ số nào nhận được yêu cầu. Bác/anh/chị có thể đến "
    "bộ phận một cửa của xã trong giờ hành chính, hoặc bấm “Hỏi người hỗ trợ” để thử lại sau."
)
EXPIRED_URGENT = (
    "Nếu đã mất tiền hoặc lộ mã, bác/anh/chị gọi ngay tổng đài ngân hàng để khóa tài khoản, "
    "và trình báo công an xã hoặc gọi 113."
)
ENDED_BY_MENTOR = (
    "Đại sứ số {name} đã kết thúc hỗ trợ. Từ giờ tôi (trợ lý) tiếp tục trả lời bác/anh/chị."
)
ENDED_BY_LEARNER = (
    "Đã kết thúc hỗ trợ với Đại sứ số {name}. Từ giờ tôi (trợ lý) tiếp tục trả lời bác/anh/chị."
)
IDLE_FOR_LEARNER = (
    "Cuộc trò chuyện với Đại sứ số đã tạm đóng vì một thời gian không có tin nhắn. Từ giờ tôi "
    "(trợ lý) tiếp tục trả lời bác/anh/chị; cần người giúp nữa thì bấm nút dưới đây ạ."
)
IDLE_FOR_MENTOR = (
    "Yêu cầu #{id} đã tự đóng vì lâu không có tin nhắn; người dân được trợ lý trả lời tiếp. "
    "Nếu còn việc dang dở, anh/chị hãy liên hệ lại người dân."
)
CANCELLED = "Tôi đã hủy yêu cầu hỗ trợ. Khi cần, bác/anh/chị cứ bấm “Hỏi người hỗ trợ” ạ."
RATE = "Bác/anh/chị thấy lần hỗ trợ này thế nào? Xin chấm từ 1 (chưa tốt) đến 5 (rất tốt) ạ:"
RATED = "Cảm ơn bác/anh/chị đã chấm {rating}/5! Ý kiến này giúp xã hỗ trợ bà con tốt hơn."
ALREADY_RATED = "Bác/anh/chị đã chấm điểm lần hỗ trợ này rồi, cảm ơn ạ."
IN_HANDOFF = (
    "Bác/anh/chị đang trò chuyện với Đại sứ số {name}. Muốn quay lại trợ lý, "
    "bác/anh/chị bấm “Kết thúc hỗ trợ” ạ."
)
LINK_ASK = (
    "Đại sứ số {name}{area} mời bác/anh/chị kết nối. Khi bác/anh/chị cần người giúp, {name} sẽ "
    "được báo trước tiên. Tôi sẽ lưu việc kết nối này (mã OTP, mật khẩu, số giấy tờ luôn được "
    "che). Bác/anh/chị đồng ý không ạ?"
)
LINKED = (
    "Bác/anh/chị đã được kết nối với Đại sứ số {name}. Khi cần người giúp, bấm "
    "“Hỏi người hỗ trợ” hoặc gõ “gặp người hỗ trợ” ạ."
)
CODE_UNKNOWN = (
    "Mã kết nối này không đúng hoặc không còn dùng được. Bác/anh/chị kiểm tra lại mã với "
    "Đại sứ số giúp tôi ạ. Trong lúc đó, bác/anh/chị cứ gõ câu hỏi."
)
OWN_CODE = (
    "Đây là mã kết nối của chính anh/chị. Anh/chị gửi đường link hoặc mã này cho người dân "
    "mình kèm cặp nhé."
)
STALE = "Nút này thuộc tin nhắn cũ nên không còn dùng được nữa ạ."

# ---- to the mentor
ALERT = (
    "{flag}Yêu cầu hỗ trợ #{id}\n"
    "Người dân: {who}\n"
    "Chủ đề: {topic}\n"
    "Lý do: {reason}\n"
    "Tin nhắn gần đây (đã che số cá nhân):\n{recent}\n"
    "⏱ Anh/chị bấm “Nhận hỗ trợ” trong {wait}; sau đó yêu cầu sẽ chuyển cho người khác."
)
ALERT_NO_MESSAGES = "(chưa có)"
OWN_MENTEE = " — người anh/chị kèm cặp"
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
LEARNER_FALLBACK = "Người dân"
UNNAMED = "chưa rõ tên"
CHANNEL_NAMES = {"tg": "Telegram", "web": "web chat", "zalo": "Zalo"}


def bubble(text: str, buttons: list[tuple[str, str]] | None = None) -> dict:
    return {"text": text, "buttons": [{"title": t, "payload": p} for t, p in buttons or []]}


def describe_wait(seconds: int) -> str:
    """600 → '10 phút', 7200 → '2 giờ', 4 → '4 giây'."""
    if seconds % 3600 == 0 and seconds >= 3600:
        return f"{seconds // 3600} giờ"
    if seconds >= 60:
        return f"{round(seconds / 60)} phút"
    return f"{seconds} giây"


def describe_reason(reason: str) -> str:
    return REASONS.get(reason, REASONS["urgent:money_lost"] if reason == "urgent" else reason)


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


def learner_label(display_name: str | None, channel: str, area: str | None, own: bool) -> str:
    """'Hoa (Telegram, Thôn Đông) — người anh/chị kèm cặp'."""
    details = ", ".join(x for x in (CHANNEL_NAMES.get(channel, channel), area or "") if x)
    name = display_name or UNNAMED
    return f"{name} ({details})" + (OWN_MENTEE if own else "")


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


def claimed_for_learner(escalation_id: int, mentor_name: str) -> list[dict]:
    end = [(END, control_payload("end", escalation_id))]
    return [bubble(CLAIMED_TO_LEARNER.format(name=mentor_name), end)]


def in_handoff(escalation_id: int, mentor_name: str) -> list[dict]:
    end = [(END, control_payload("end", escalation_id))]
    return [bubble(IN_HANDOFF.format(name=mentor_name), end)]


def opened_for_learner(escalation_id: int, *, alerted: bool, urgent: bool, wait: int) -> list[dict]:
    """What the learner is told right after asking: honest about who was told and what next."""
    if not alerted:
        text = OPENED_NOBODY
    else:
        text = OPENED_URGENT.format(wait=describe_wait(wait)) if urgent else OPENED
    return [bubble(text, [(CANCEL, control_payload("end", escalation_id))])]


def rate_bubble(escalation_id: int) -> dict:
    buttons = [(f"{r} ⭐", control_payload("rate", escalation_id, r=r)) for r in range(1, 6)]
    return bubble(RATE, buttons)


def ended_for_learner(escalation_id: int, mentor_name: str, *, by_learner: bool) -> list[dict]:
    text = ENDED_BY_LEARNER if by_learner else ENDED_BY_MENTOR
    return [bubble(text.format(name=mentor_name)), rate_bubble(escalation_id)]


def idle_for_learner(escalation_id: int) -> list[dict]:
    return [bubble(IDLE_FOR_LEARNER, [(ASK_AGAIN, "/request_human")]), rate_bubble(escalation_id)]


def expired_for_learner(urgent: bool) -> list[dict]:
    text = EXPIRED + ("\n" + EXPIRED_URGENT if urgent else "")
    return [bubble(text, [(ASK_AGAIN, "/request_human")])]


def link_ask(mentor_name: str, area: str, code: str) -> list[dict]:
    buttons = [(AGREE, control_payload("link", c=code)), (LATER, "/deny")]
    where = f" ({area})" if area else ""
    return [bubble(LINK_ASK.format(name=mentor_name, area=where), buttons)]


def linked(mentor_name: str) -> list[dict]:
    return [bubble(LINKED.format(name=mentor_name), [(ASK_AGAIN, "/request_human")])]


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
