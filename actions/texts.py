"""Vietnamese wording of the replies the actions compose (wording lives here, logic elsewhere)."""

from __future__ import annotations

ANSWER_SOURCE = "📘 Bài: {title}\n🔗 Nguồn chính thức: {url}"
ANSWER_SOURCE_PRESS = "📘 Bài: {title}\n🔗 Nguồn tham khảo: {url}"
ANSWER_CHANGED = "⚠️ {changed}"  # each lesson's note says what changed, when, and where to check
BUTTON_LEARN = "📖 Học bài này"
BUTTON_HUMAN = "🙋 Hỏi người hỗ trợ"
BUTTON_YES_HUMAN = "Có, nối giúp tôi"
BUTTON_NO_HUMAN = "Không cần"
CLARIFY = "Tôi tìm thấy vài bài gần với câu hỏi. Ý bác/anh/chị là:"
CLARIFY_AFTER_ANSWER = "Nếu bác/anh/chị muốn hỏi việc khác, có phải là:"
UNSURE = (
    "Xin lỗi, tôi chưa chắc câu trả lời cho câu hỏi này, nên không muốn trả lời sai ạ. "
    "Bác/anh/chị có thể chọn một chủ đề gần nhất dưới đây, hỏi lại bằng cách khác, "
    "hoặc để tôi nối với Đại sứ số của xã."
)
REFUSE_GENERIC = (
    "Xin lỗi, câu này nằm ngoài phạm vi tôi hỗ trợ ạ. Tôi chỉ hỗ trợ về kỹ năng số: VNeID, "
    "dịch vụ công trực tuyến, thanh toán không dùng tiền mặt, an toàn trên mạng, y tế số "
    "và bán hàng online."
)
REFUSE_BY_CATEGORY = {
    "medical": (
        "Xin lỗi, tôi không thể chẩn đoán bệnh hay kê thuốc. Bác/anh/chị nên đi khám bác sĩ "
        "hoặc đến cơ sở y tế gần nhất; nếu đau ngực, khó thở thì đến cấp cứu ngay. "
        "Tôi có thể hướng dẫn đặt lịch khám hoặc dùng thẻ BHYT trên VNeID."
    ),
    "others_data": (
        "Xin lỗi, tôi không thể cung cấp thông tin cá nhân của người khác hay giúp vào tài khoản "
        "của người khác: thông tin cá nhân được pháp luật bảo vệ và làm vậy là vi phạm pháp luật."
    ),
    "medical_emergency": (
        "Đau ngực, khó thở, ngất hay méo miệng là dấu hiệu nguy hiểm: bác/anh/chị gọi cấp cứu 115 "
        "hoặc đến cơ sở y tế gần nhất NGAY. Tôi không thể chẩn đoán bệnh qua tin nhắn."
    ),
    "hacking": (
        "Xin lỗi, tôi không thể giúp vào tài khoản hay xem thông tin của người khác: làm vậy là "
        "vi phạm pháp luật. Nếu chính tài khoản của bác/anh/chị bị chiếm, hãy nói để tôi hướng dẫn."
    ),
    "politics": (
        "Xin lỗi, tôi không hỗ trợ bình luận chính trị hay dự đoán bầu cử; câu này ngoài phạm vi của tôi."
    ),
}
STEER_BACK = "Bác/anh/chị muốn hỏi về chủ đề nào ạ?"
SECRET_WARNING = (
    "⚠️ Bác/anh/chị tuyệt đối không gửi mã OTP, mật khẩu hay mã PIN cho bất kỳ ai, kể cả tôi, "
    "ngân hàng hay công an: không ai chính đáng lại hỏi những mã này. Tôi không lưu mã đó. "
    "Nếu đã lỡ đưa cho người khác, hãy đổi mật khẩu ngay và gọi tổng đài ngân hàng để khóa tài khoản."
)
URGENT_STEPS = (
    "🚨 Bác/anh/chị làm ngay các việc sau:\n"
    "1. Dừng chuyển tiền, không làm theo người gọi nữa; tắt máy.\n"
    "2. Gọi ngay tổng đài (hotline) ngân hàng hoặc ra chi nhánh gần nhất: yêu cầu khóa thẻ, "
    "khóa tài khoản, tra soát và phong tỏa tài khoản nhận tiền.\n"
    "3. Đổi mật khẩu các tài khoản (ngân hàng, VNeID, Zalo, Facebook) nếu đã lỡ đưa mã.\n"
    "4. Lưu lại bằng chứng: tin nhắn, số điện thoại, biên lai chuyển tiền, ảnh chụp màn hình.\n"
    "5. Trình báo công an xã/phường nơi gần nhất; báo số lừa đảo miễn phí tới 156."
)
URGENT_THREAT_STEPS = (
    '🚨 Đây là dấu hiệu lừa đảo "bắt cóc online". Công an không làm việc qua điện thoại, '
    "không bao giờ bắt ai rời khỏi nhà, thuê khách sạn hay chuyển tiền.\n"
    "1. Gọi ngay cho người thân bằng số quen, bảo họ tắt máy với kẻ gọi.\n"
    "2. Không chuyển tiền; báo ngay công an xã/phường hoặc gọi 113.\n"
    "3. Lưu lại số gọi đến và tin nhắn làm bằng chứng."
)
OFFER_HUMAN = "Bác/anh/chị có muốn tôi nối với Đại sứ số (người hỗ trợ của xã) không ạ?"
DECLINED_HUMAN = 'Dạ vâng. Khi cần, bác/anh/chị cứ bấm "Hỏi người hỗ trợ" hoặc gõ câu hỏi khác ạ.'
TOPIC_MENU = "Bác/anh/chị muốn hỏi gì về {topic}? Các bài hay được hỏi:"
TOPIC_NAMES = {
    "vneid": "VNeID",
    "dvc": "dịch vụ công trực tuyến",
    "payment": "thanh toán, chuyển khoản",
    "safety": "an toàn trên mạng, chống lừa đảo",
    "health": "y tế số",
    "ecommerce": "bán hàng online",
    "smartphone": "điện thoại thông minh",
    "framework": "phong trào Bình dân học vụ số",
    "ai": "trí tuệ nhân tạo (AI)",
}
LESSON_NOT_FOUND = "Xin lỗi, bài này không còn nữa. Bác/anh/chị chọn bài khác giúp tôi ạ."
EMPTY_MESSAGE = (
    "Bác/anh/chị chưa gõ gì ạ. Bác/anh/chị cứ gõ câu hỏi, có dấu hay không dấu đều được."
)
BUTTON_STEPS = "📋 Xem các bước"
STEPS_HEADER = "Các bước của bài «{title}»:"
SMALL_TALK = {
    "thanks": "Dạ không có gì ạ. Khi cần, bác/anh/chị cứ gõ câu hỏi cho tôi.",
    "bye": "Dạ, chúc bác/anh/chị một ngày tốt lành. Khi cần cứ nhắn cho tôi ạ.",
    "who_are_you": (
        "Tôi là Trợ lý số của xã, một trợ lý tự động (AI), không phải người thật. Tôi giúp bà "
        "con dùng VNeID, dịch vụ công trực tuyến, thanh toán và giữ an toàn trên mạng; khi cần, "
        "tôi nối bác/anh/chị với Đại sứ số của xã."
    ),
}
SMALL_TALK_DEFAULT = (
    "Dạ, tôi là trợ lý tự động của xã. Bác/anh/chị cần hỏi gì về VNeID, dịch vụ công, "
    "thanh toán hay chống lừa đảo ạ?"
)
REFERRAL_INTRO = "Việc này nằm ngoài các bài của tôi, nhưng tôi có thể chỉ nơi hỏi đúng chỗ:"
REFERRAL_INTRO_LEGAL = (
    "Xin lỗi, tôi là trợ lý tự động nên không thể tư vấn pháp luật (tranh chấp, thừa kế, ly hôn, "
    "kiện tụng). Bác/anh/chị nên hỏi đúng nơi:"
)
REFERRAL_SOURCE_OFFICIAL = "🔗 Nguồn chính thức: {title} – {url}"
REFERRAL_SOURCE_PRESS = "🔗 Nguồn tham khảo (báo): {title} – {url}"
MEDICAL_REFUSAL = (
    "Xin lỗi, tôi là trợ lý tự động nên không thể tư vấn bệnh hay thuốc. Bác/anh/chị nên hỏi "
    "bác sĩ hoặc đến trạm y tế, cơ sở y tế gần nhất; khi cấp cứu (đau ngực, khó thở, ngất) hãy "
    "gọi 115 ngay. Tôi có thể hướng dẫn đặt lịch khám online hoặc xem sổ sức khỏe điện tử trên VNeID."
)
BUTTON_BOOKING = "📅 Đặt lịch khám online"
BUTTON_HEALTH_BOOK = "📗 Sổ sức khỏe trên VNeID"
AI_DISCLOSURE = (
    "🤖 Tôi là trợ lý tự động (AI) của xã, không phải người thật; khi cần, tôi nối "
    "bác/anh/chị với Đại sứ số."
)
