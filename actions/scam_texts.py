"""Vietnamese wording of the scam-check reply (issue 15); the reasons themselves are rows of
knowledge.scam_verdict.REASONS. Only official addresses from facts.md appear here (SAF-12,
SAF-19, REF-04); a suspicious address is only ever echoed defanged ("abc[.]com")."""

from __future__ import annotations

HEADER = {
    "clear": "⚠️ Tin này có dấu hiệu lừa đảo rõ:",
    "careful": "⚠️ Tin này cần cẩn thận:",
    "none": (
        "🔎 Tôi chưa thấy dấu hiệu lừa đảo trong tin này, nhưng tôi không thể khẳng định tin "
        "là thật."
    ),
}
REASON_LINE = "• {reason}"
WHAT_TO_DO = (
    "Bác/anh/chị nên làm ngay:\n"
    "1. Không bấm link, không trả lời, không gọi lại số trong tin; không gửi mã OTP, mật khẩu.\n"
    "2. Muốn hỏi cho chắc, tự gọi tổng đài in trên thẻ, hóa đơn hoặc giấy tờ chính thức.\n"
    "3. Báo tin lừa đảo miễn phí: nhắn tới 156 hoặc 5656, hoặc báo trên trang "
    "thongbaorac.ais.gov.vn."
)
HOW_TO_LOOK_UP = (
    "🔍 Trước khi chuyển tiền, tự tra cứu (tôi không mở link nào):\n"
    "• Số tài khoản, số điện thoại, đường link, mã QR: tải ứng dụng nTrust miễn phí từ CH Play "
    "hoặc App Store, nhập số hay dán link vào để kiểm tra.\n"
    "• Trang web: xem danh sách trang lừa đảo đã biết trên tinnhiemmang.vn."
)
ASK_TO_PASTE = (
    "Bác/anh/chị dán (hoặc chuyển tiếp) nguyên văn tin nhắn hay đường link cần kiểm tra vào "
    "đây, tôi sẽ xem giúp các dấu hiệu lừa đảo. Tôi không mở link nên cứ yên tâm dán; trong lúc "
    "chờ, đừng bấm vào link và đừng gửi mã OTP cho ai."
)
BUTTON_FAKE_LINKS = "📖 Nhận biết link giả"
BUTTON_REPORT = "📣 Cách báo lừa đảo"
