"""What the learner reads about their hand-off to a Đại sứ số, and its bubbles (pure)."""

from __future__ import annotations

from escalation.commands import control_payload
from escalation.texts import AGREE, ASK_AGAIN, CANCEL, END, LATER, bubble, describe_wait

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
    "Đại sứ số {name} đã nhận hỗ trợ bác/anh/chị; {name} là người thật của xã, không phải trợ lý tự động. Từ giờ tin nhắn của bác/anh/chị được chuyển "
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
    "Đại sứ số {name} đã kết thúc hỗ trợ. Từ giờ tôi (trợ lý tự động, AI) tiếp tục trả lời bác/anh/chị."
)
ENDED_BY_LEARNER = (
    "Đã kết thúc hỗ trợ với Đại sứ số {name}. Từ giờ tôi (trợ lý tự động, AI) tiếp tục trả lời bác/anh/chị."
)
IDLE_FOR_LEARNER = (
    "Cuộc trò chuyện với Đại sứ số đã tạm đóng vì một thời gian không có tin nhắn. Từ giờ tôi "
    "(trợ lý tự động, AI) tiếp tục trả lời bác/anh/chị; cần người giúp nữa thì bấm nút dưới đây ạ."
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
