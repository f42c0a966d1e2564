"""From the signs of a scam to a verdict and its reasons (pure; the wording of each reason is a
row of REASONS, one plain Vietnamese sentence).

Three verdicts, never "an toàn": a strong sign alone (a look-alike address, an installable file,
a request for an OTP or password, a remote-control app, a "safe account", a fee before a payout)
or two different medium ones, or a medium one with a claim that fits it (a threat from "the
police", money for "a relative in trouble", any pressure with an unknown link from "the bank"),
make it clear; one medium sign, or a claimed sender with an unknown link, asks for care.
"""

from __future__ import annotations

from dataclasses import dataclass

from knowledge.scam_signals import Signal, defang

CLEAR, CAREFUL, NONE = "clear", "careful", "none"
LABELS = {CLEAR: "có dấu hiệu lừa đảo rõ", CAREFUL: "cần cẩn thận", NONE: "chưa thấy dấu hiệu"}
# fmt: off
STRONG = frozenset({"lookalike_domain", "installable_link", "asks_secret", "remote_app",
                    "safe_account", "fee_to_receive", "guaranteed_profit", "paid_tasks"})
MEDIUM = frozenset({"short_link", "unusual_ending", "punycode", "ip_link", "pressure",
                    "too_good", "money_request", "asks_login", "vote_request", "asks_id",
                    "attachment", "contact_number"})
# fmt: on
# Bodies that do not deal with people by message or phone (SAF-04): any other sign is enough.
NO_MESSAGES_FROM = frozenset({"police", "court"})
# (sign, its kind or "" for any) with the claimed senders that make it clear.
CLEAR_WITH_CLAIM = (
    (("pressure", "threat"), frozenset({"police", "court", "tax"})),
    (("money_request", ""), frozenset({"relative_trouble", "police", "court"})),
)
MAX_REASONS = 4

HOW = {
    "hyphen": "thêm dấu gạch và chữ",
    "extra_words": "thêm chữ",
    "wrong_ending": "đổi đuôi",
    "typo": "sai một chữ",
    "digit": "thay chữ bằng số",
    "letters": "ghép chữ cho trông giống",
    "homoglyph": "dùng chữ nước ngoài trông giống hệt",
}
WHO = {
    "police": "công an",
    "court": "tòa án, viện kiểm sát",
    "bank": "ngân hàng",
    "power": "điện lực",
    "tax": "cơ quan thuế",
    "delivery": "bên giao hàng",
    "carrier": "nhà mạng",
    "government": "cơ quan nhà nước",
    "relative_trouble": "người thân",
    "relative": "người quen",
    "school": "nhà trường, giáo viên",
    "platform": "một ứng dụng hay trang mạng",
}
REASONS = {
    "lookalike_domain": "Đường link {host} bắt chước tên {brand} ({how}) nhưng không phải trang "
    "thật của {brand}.",
    "fake_gov": "Đường link {host} giả làm trang cơ quan nhà nước, trong khi trang thật của cơ "
    "quan nhà nước luôn kết thúc bằng .gov.vn.",
    "installable_link": "Tin gửi tệp cài đặt (.{kind}) ngoài CH Play, App Store: cài vào là kẻ "
    "gian có thể chiếm điện thoại.",
    "asks_secret": "Tin đòi mã OTP, mật khẩu hay thông tin thẻ, điều ngân hàng và cơ quan nhà "
    "nước không bao giờ hỏi.",
    "remote_app": "Tin bảo cài ứng dụng lạ hoặc mở quyền điều khiển điện thoại, cách kẻ gian "
    "dùng để thao tác và rút tiền.",
    "safe_account": 'Tin bảo chuyển tiền vào "tài khoản an toàn" hay "chứng minh tiền sạch", '
    "điều công an không bao giờ yêu cầu.",
    "fee_to_receive": "Tin đòi nộp phí trước rồi mới được nhận tiền, nhận quà hay nhận hàng.",
    "short_link": "Đường link {host} là link rút gọn, giấu địa chỉ thật phía sau.",
    "unusual_ending": "Đường link {host} có đuôi lạ (.{kind}) mà ngân hàng, cơ quan nhà nước "
    "không dùng.",
    "punycode": "Đường link {host} dùng chữ nước ngoài trông giống chữ thường, mẹo quen của "
    "trang giả.",
    "ip_link": "Đường link chỉ là một dãy số ({host}), không có tên trang đàng hoàng.",
    "pressure/lock": "Tin dọa khóa tài khoản, thẻ, SIM hay cắt dịch vụ để ép làm theo ngay.",
    "pressure/deadline": "Tin hối thúc làm trong thời hạn rất gấp để mình không kịp hỏi ai.",
    "pressure/threat": "Tin dọa phạt, bắt hay khởi tố, trong khi công an, tòa án không làm việc "
    "qua tin nhắn hay điện thoại.",
    "too_good/prize": "Tin báo trúng thưởng, tặng quà bất ngờ, một mồi nhử quen thuộc.",
    "too_good/job": "Tin mời việc nhẹ lương cao, làm nhiệm vụ ăn hoa hồng, một mồi nhử quen thuộc.",
    "too_good/refund": "Tin hứa hoàn tiền, bồi thường, lời hứa kẻ gian hay dùng để lấy thông tin.",
    "too_good/money": "Tin hứa vay dễ, lãi cao hay ưu đãi thẻ, lời mời kẻ gian hay dùng.",
    "money_request": "Tin hỏi vay hay nhờ chuyển tiền gấp: hãy gọi lại đúng người đó bằng số "
    "mình vẫn biết trước khi chuyển.",
    "guaranteed_profit": "Tin hứa lợi nhuận cao, chắc thắng hay cam kết hoàn vốn: không khoản "
    "đầu tư thật nào hứa như vậy.",
    "paid_tasks": "Tin trả tiền cho việc bấm thích, xem video hay làm nhiệm vụ: đây là chiêu "
    "dụ nạp tiền quen thuộc.",
    "asks_login": 'Tin bảo bấm vào link hay "tại đây" để đăng nhập, xác minh hoặc nhận tiền.',
    "vote_request": "Tin nhờ bình chọn qua link, chiêu hay dùng để chiếm tài khoản Zalo, Facebook.",
    "asks_id": "Tin đòi ảnh căn cước hay giấy tờ tùy thân, thứ không nên gửi cho ai qua mạng.",
    "attachment": "Tin bảo tải hay mở tệp đính kèm, cách kẻ gian cài phần mềm độc vào máy.",
    "contact_number": "Tin bảo gọi hay kết bạn Zalo với một số lạ thay vì tổng đài chính thức.",
    "money_request/personal_account": "Tin bảo nộp tiền vào tài khoản cá nhân hoặc trả lại "
    'khoản "chuyển nhầm": hãy tự hỏi ngân hàng trước.',
    "impersonation": "Tin xưng là {who}, nhưng ai cũng có thể xưng như vậy.",
    "unknown_link": "Đường link {host} không phải địa chỉ chính thức nào tôi biết.",
}


@dataclass(frozen=True)
class Verdict:
    level: str  # clear | careful | none
    reasons: tuple[str, ...]  # one sentence each; any host in them is defanged

    @property
    def label(self) -> str:
        return LABELS[self.level]


def judge_level(signals: list[Signal], unreal_hosts: tuple[str, ...] = ()) -> str:
    """clear, careful or none; `unreal_hosts` are the message's links that are no brand's own."""
    names = {s.name for s in signals}
    claims = {s.kind for s in signals if s.name == "impersonation"}
    mediums = names & MEDIUM
    pressures = {s.kind for s in signals if s.name == "pressure"}
    count = len(mediums) + (1 if {"lock", "deadline"} <= pressures else 0)
    if names & STRONG or count >= 2 or (mediums and claims & NO_MESSAGES_FROM):
        return CLEAR
    for (name, kind), senders in CLEAR_WITH_CLAIM:
        if claims & senders and any(s.name == name and kind in ("", s.kind) for s in signals):
            return CLEAR
    if mediums and claims and unreal_hosts:
        return CLEAR
    if mediums or (claims and unreal_hosts):
        return CAREFUL
    return NONE


def reason_for(signal: Signal, claims: list[str]) -> str:
    """The one sentence a signal gives; hosts are defanged."""
    host = defang(signal.host)
    if signal.name == "lookalike_domain" and signal.kind == "fake_gov":
        return REASONS["fake_gov"].format(host=host)
    if signal.name == "impersonation":
        who = ", ".join(dict.fromkeys(WHO.get(kind, kind) for kind in claims))
        return REASONS["impersonation"].format(who=who)
    template = REASONS.get(f"{signal.name}/{signal.kind}") or REASONS[signal.name]
    return template.format(
        host=host, kind=signal.kind, brand=signal.brand, how=HOW.get(signal.kind, "")
    )


def judge(signals: list[Signal], unreal_hosts: tuple[str, ...] = ()) -> Verdict:
    """The verdict and up to MAX_REASONS reasons, strongest first; a claimed sender is a reason
    only when something else is wrong."""
    level = judge_level(signals, unreal_hosts)
    claims = [s.kind for s in signals if s.name == "impersonation"]
    ordered = sorted(signals, key=lambda s: (s.name not in STRONG, s.name not in MEDIUM))
    reasons: list[str] = []
    for signal in ordered:
        if signal.name == "impersonation" and level == NONE:
            continue
        reason = reason_for(signal, claims)
        if reason not in reasons:
            reasons.append(reason)
    flagged = {s.host for s in signals if s.host}
    if level != NONE:
        reasons += [
            REASONS["unknown_link"].format(host=defang(host))
            for host in unreal_hosts
            if host not in flagged
        ]
    return Verdict(level, tuple(reasons[:MAX_REASONS]))
