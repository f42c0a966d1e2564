"""Vietnamese wording used by the gateway itself (not by the dialogue)."""

EMPTY = "Bác/anh/chị chưa gõ gì ạ. Bác/anh/chị cứ gõ câu hỏi, có dấu hay không dấu đều được."
TOO_LONG = (
    "Tin nhắn khá dài nên tôi chỉ đọc {limit} ký tự đầu ạ. Lần sau bác/anh/chị gửi câu hỏi "
    "ngắn gọn, mỗi tin một ý, tôi sẽ trả lời chính xác hơn."
)
NOT_TEXT = (
    "Xin lỗi, tôi chỉ đọc được chữ, chưa xem được ảnh, nhãn dán, tin nhắn thoại hay tệp. "
    "Bác/anh/chị gõ câu hỏi bằng chữ giúp tôi ạ (có dấu hay không dấu đều được)."
)
UNAVAILABLE = (
    "Xin lỗi, hệ thống đang bận hoặc khởi động lại. Bác/anh/chị vui lòng gửi lại sau ít phút ạ."
)
NO_REPLY = (
    "Xin lỗi, tôi gặp trục trặc khi trả lời câu này. Bác/anh/chị gửi lại hoặc hỏi cách khác giúp "
    "tôi; cần người giúp thì gõ \"gặp người hỗ trợ\" ạ."
)
AI_NOTICE = (
    "🤖 Tôi là trợ lý tự động (AI) của xã, không phải người thật. Khi cần, tôi nối "
    "bác/anh/chị với Đại sứ số (người hỗ trợ của xã)."
)
