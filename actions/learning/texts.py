"""Vietnamese wording of the learning flow: lessons, quizzes, progress, consent and profile."""

from __future__ import annotations

OFFICIAL_SITE = "https://binhdanhocvuso.gov.vn"

# ---- consent and profile
CONSENT = (
    "Trước khi học, xin phép bác/anh/chị một việc ạ.\n"
    "Để nhớ bài đã học và điểm, tôi cần lưu: nhóm đối tượng, thôn/tổ dân phố (nếu bác/anh/chị "
    "cho biết), kết quả các bài học và câu trả lời.\n"
    "Để làm gì: gợi ý bài tiếp theo, nhắc ôn bài, cấp giấy chứng nhận.\n"
    "Ai được xem: chỉ Đại sứ số phụ trách và cán bộ xã.\n"
    'Muốn xóa lúc nào, bác/anh/chị gõ "xóa dữ liệu của tôi".\n'
    "Bác/anh/chị có đồng ý không ạ?"
)
CONSENT_SHORT = (
    "Tôi xin lưu kết quả học để gợi ý bài và cấp chứng nhận. Bác/anh/chị đồng ý không ạ?"
)
BUTTON_AGREE = "✅ Đồng ý"
BUTTON_DECLINE = "Không, chỉ học thử"
CONSENT_THANKS = "Cảm ơn bác/anh/chị ạ. Tôi sẽ lưu kết quả học."
CONSENT_DECLINED = (
    "Dạ vâng. Bác/anh/chị vẫn học và làm bài kiểm tra bình thường, tôi chỉ không lưu kết quả. "
    'Khi nào muốn lưu, bấm "Đồng ý lưu kết quả" trong phần Tiến độ.'
)
CONSENT_REPEAT = 'Bác/anh/chị bấm "Đồng ý" hoặc "Không" giúp tôi ạ.'
ASK_GROUP = "Bác/anh/chị thuộc nhóm nào ạ? (để tôi gợi ý bài phù hợp)"
GROUP_REPEAT = 'Bác/anh/chị chọn một nhóm bằng nút bên dưới, hoặc bấm "Bỏ qua" ạ.'
ASK_AREA = (
    "Bác/anh/chị ở thôn hay tổ dân phố nào ạ? Gõ tên, ví dụ: Thôn 3. "
    "(Để Đại sứ số gần nhà hỗ trợ khi cần.)"
)
AREA_REJECTED = (
    "Xin chỉ gõ tên thôn/tổ dân phố thôi ạ, không cần số điện thoại hay số giấy tờ. "
    'Hoặc bấm "Bỏ qua".'
)
BUTTON_SKIP = "Bỏ qua"
ONBOARDING_STOPPED = (
    'Dạ vâng ạ. Khi nào muốn học, bác/anh/chị gõ "Học" hoặc bấm nút dưới đây. '
    "Hỏi đáp thì cứ gõ câu hỏi bình thường."
)
BUTTON_LEARN = "📚 Học kỹ năng số"
PROFILE_SAVED = "Đã ghi nhận ạ."
PLACEMENT_OFFER = "Mới bắt đầu? Trả lời nhanh 5 câu để tôi biết nên học bài nào trước ạ."
BUTTON_PLACEMENT = "📝 Trả lời 5 câu nhanh"

# ---- menu and lessons
MENU = "Bác/anh/chị muốn học chủ đề nào ạ? Chọn một mục dưới đây."
MENU_DOMAIN = "{title}\nĐã xong {passed}/{total} bài. Chọn bài muốn học:"
DOMAIN_BUTTON = "{mark}{title} ({passed}/{total})"
LESSON_BUTTON = "{mark}{title}"
DONE_MARK = "✅ "
BUTTON_ALL_DOMAINS = "📚 Các chủ đề"
BUTTON_SUGGESTED = "⭐ Gợi ý: {title}"
DUE_REVIEWS = "🔁 Hôm nay có {count} câu cần ôn lại (những câu lần trước chưa đúng)."
DUE_REVIEWS_SHORT = "🔁 Có câu cần ôn lại hôm nay. Ôn vài phút cho nhớ lâu nhé."
BUTTON_REVIEW = "🔁 Ôn lại ngay"
IN_PROGRESS = "▶️ Bác/anh/chị đang học dở bài: {title}."
QUIZ_IN_PROGRESS = "▶️ Bác/anh/chị đang làm dở bài kiểm tra: {title} (câu {number}/{total})."
BUTTON_CONTINUE = "▶️ Học tiếp"
BUTTON_CONTINUE_QUIZ = "▶️ Làm tiếp bài kiểm tra"
LESSON_INTRO = "📘 {title}\n{summary}"
STEP = "Bước {number}/{total} {bar}\n{title}\n\n{body}"
STEP_SHORT = "Bước {number}/{total} {bar}\n{title}"
BUTTON_NEXT = "Tiếp ▶️"
BUTTON_BACK = "⬅️ Quay lại"
BUTTON_STOP = "⏹ Dừng"
BUTTON_QUIZ = "📝 Làm bài kiểm tra ({count} câu)"
LESSON_GONE = "Xin lỗi, bài này không còn nữa. Bác/anh/chị chọn bài khác giúp tôi ạ."
STOPPED = "Dạ, tạm dừng ở đây ạ. Khi nào rảnh, bác/anh/chị bấm Học tiếp là tôi mở lại đúng chỗ."
NOTHING_TO_CONTINUE = "Bác/anh/chị chưa có bài nào đang học dở ạ."

# ---- quiz
QUESTION = "📝 Câu {number}/{total} {bar}\n{text}\n\n{options}"
QUESTION_HINT = "\n\n{hint}"
QUESTION_SHORT = "📝 Câu {number}/{total} {bar}\n{text}"
OPTION_LINE = "{letter}. {text}"
HINT_LETTERS = "(Bấm nút, hoặc gõ chữ {letters})"
REVIEW_TITLE = "🔁 Ôn lại: {title}"
PLACEMENT_TITLE = "Câu hỏi nhanh để xếp bài ({title})"
RIGHT = "✅ Đúng rồi! {why}"
WRONG = "❌ Chưa đúng ạ. Đáp án đúng là {letter}: {answer}.\n💡 {why}"
SKIPPED = "Không sao ạ. Đáp án đúng là {letter}: {answer}.\n💡 {why}"
NOT_AN_ANSWER = "Tôi chưa nhận ra đáp án ạ. Bác/anh/chị bấm một nút, hoặc gõ chữ {letters}."
OUT_OF_RANGE = "Câu này chỉ có các đáp án {letters} thôi ạ."
STALE_QUESTION = "Câu này đã qua rồi ạ. Mời bác/anh/chị trả lời câu đang làm:"
STALE_QUIZ = "Bài kiểm tra này đã xong rồi ạ (đúng {correct}/{total} câu)."
NO_QUIZ = "Hiện không có bài kiểm tra nào đang làm ạ."
QUIZ_PAUSED = (
    "⏸ Đã tạm dừng bài kiểm tra ở câu {number}/{total}. Khi nào muốn, bác/anh/chị bấm "
    '"Làm tiếp" là làm tiếp đúng câu đó.'
)
QUIZ_PAUSED_SHORT = "⏸ Bài kiểm tra tạm dừng (câu {number}/{total})."
RESULT_PASSED = (
    "🎉 Xong bài kiểm tra: đúng {correct}/{total} câu. Bác/anh/chị đã đạt bài «{title}»!"
)
RESULT_FAILED = (
    "Xong bài kiểm tra: đúng {correct}/{total} câu. Cần đúng {needed} câu để đạt. "
    "Bác/anh/chị xem lại bài rồi làm lại nhé, không sao đâu ạ."
)
RESULT_REVIEW = "🔁 Ôn xong: đúng {correct}/{total} câu."
RESULT_NOT_KEPT = "(Kết quả không được lưu vì bác/anh/chị chưa đồng ý lưu.)"
REVIEW_SCHEDULED = "Tôi sẽ nhắc ôn lại {count} câu chưa đúng vào ngày mai."
PLACEMENT_RESULT = "Cảm ơn bác/anh/chị! Đúng {correct}/{total} câu."
PLACEMENT_KNOWN = "Đã biết khá: {domains}."
PLACEMENT_TO_LEARN = "Nên học trước: {domains}."
NO_REVIEWS = "Hôm nay chưa có câu nào cần ôn ạ. Bác/anh/chị học bài mới nhé!"
BUTTON_RETRY = "🔄 Làm lại bài kiểm tra"
BUTTON_REREAD = "📖 Đọc lại bài"
BUTTON_RESUME = "▶️ Làm tiếp"
BUTTON_OTHER = "📚 Chọn bài khác"
BUTTON_PROGRESS = "📊 Tiến độ của tôi"

# ---- next step
NEXT = "👉 Bài nên học tiếp: «{title}»\n{reason}"
BUTTON_START_NEXT = "📖 Học bài này"
REASONS = {
    "review": "Vì có câu lần trước chưa đúng, ôn lại giúp nhớ lâu.",
    "quiz": "Vì bác/anh/chị đang làm dở bài kiểm tra này.",
    "continue": "Vì bác/anh/chị đang học dở bài này.",
    "weak_domain": "Vì đây là phần bác/anh/chị nên củng cố thêm.",
    "retry": "Vì lần trước bài này chưa đạt, làm lại sẽ nhớ hơn.",
    "finish_domain": "Để hoàn thành trọn chủ đề và nhận giấy chứng nhận.",
    "group": "Vì bài này hợp với nhóm của bác/anh/chị.",
    "start": "Đây là kỹ năng cơ bản, hữu ích hằng ngày.",
}
ALL_DONE = "🎉 Bác/anh/chị đã học xong tất cả các bài! Thật đáng khen."

# ---- progress
PROGRESS_HEADER = "📊 Tiến độ của bác/anh/chị:"
PROGRESS_LESSONS = "• Đã đạt {passed}/{total} bài; điểm trung bình {score}%."
PROGRESS_DOMAIN = "• {title}: {passed}/{total} bài{mark}"
PROGRESS_REACHED = " ✅"
PROGRESS_REVIEWS = "• Câu cần ôn hôm nay: {count}."
PROGRESS_CERTIFICATES = "🏅 Giấy chứng nhận: {domains}."
PROGRESS_NONE = "Bác/anh/chị chưa làm bài kiểm tra nào. Bắt đầu bài đầu tiên nhé!"
PROGRESS_NOT_KEPT = (
    "Bác/anh/chị chưa đồng ý lưu kết quả, nên tôi không có tiến độ để xem ạ. "
    "Muốn lưu từ nay, bấm nút dưới đây."
)
BUTTON_AGREE_KEEP = "✅ Đồng ý lưu kết quả"
OFFICIAL_NOTE = (
    "ℹ️ Xác nhận chính thức mức phổ cập kỹ năng số: học và làm bài kiểm tra trên "
    f"{OFFICIAL_SITE} (đăng nhập bằng VNeID); kết quả được ghi nhận trên VNeID."
)

# ---- settings: short messages, reminders
BUTTON_ELDERLY_ON = "👵 Tin nhắn ngắn, nút to"
BUTTON_ELDERLY_OFF = "Tin nhắn đầy đủ"
ELDERLY_ON = "Dạ, từ giờ tôi nhắn ngắn, mỗi tin một ý, nút bấm to ạ."
ELDERLY_OFF = "Dạ, tôi trở lại nhắn đầy đủ ạ."
ASK_REMINDER = (
    "Bác/anh/chị muốn tôi nhắc học mỗi ngày lúc mấy giờ ạ? (Tôi không bao giờ nhắn vào ban đêm.)"
)
REMINDER_HOURS = (7, 9, 15, 19)
BUTTON_REMINDER_HOUR = "{hour} giờ"
BUTTON_REMINDER_OFF = "Không cần nhắc"
REMINDER_SET = "Dạ, tôi sẽ nhắc bác/anh/chị học lúc {hour} giờ mỗi ngày ạ."
REMINDER_OFF = "Dạ, tôi sẽ không nhắc nữa ạ."
REMINDER_NEEDS_CONSENT = "Để nhắc học, tôi cần bác/anh/chị đồng ý lưu kết quả học trước ạ."
BUTTON_REMINDER = "🔔 Nhắc tôi học mỗi ngày"

# ---- certificates
CERTIFICATE_EARNED = "🏅 Chúc mừng! Bác/anh/chị đã hoàn thành chủ đề «{title}»."
BUTTON_CERTIFICATE = "🏅 Nhận giấy chứng nhận"
ASK_NAME = "Bác/anh/chị muốn in tên nào trên giấy chứng nhận ạ? Gõ họ và tên, ví dụ: Nguyễn Văn An."
NAME_REJECTED = "Xin gõ họ và tên bằng chữ (2-60 ký tự), không có số ạ."
CERTIFICATE_ISSUED = (
    "🏅 Đã cấp giấy chứng nhận hoàn thành chủ đề «{title}» cho {name}.\n"
    "Mã xác minh: {code}\n"
    "Tải bản PDF: {url}\n"
    "Đại sứ số của xã có thể in giấy này và kiểm tra mã cho bác/anh/chị."
)
NO_CERTIFICATE_YET = (
    "Bác/anh/chị chưa hoàn thành trọn chủ đề nào. Học đạt tất cả các bài của một chủ đề "
    "là được giấy chứng nhận ạ."
)
CERTIFICATE_NOT_KEPT = "Để cấp giấy chứng nhận, tôi cần bác/anh/chị đồng ý lưu kết quả học ạ."
CERTIFICATE_FAILED = "Xin lỗi, tôi chưa in được giấy chứng nhận lúc này. Mã xác minh vẫn dùng được."

# ---- personal data
ASK_DELETE = (
    "Tôi sẽ xóa: tiến độ và điểm các bài, câu trả lời, lịch ôn, giấy chứng nhận, cài đặt nhắc học, "
    "nhóm và thôn/tổ dân phố, tên, và nhật ký tin nhắn của bác/anh/chị. Không khôi phục lại được. "
    "Bác/anh/chị chắc chắn muốn xóa chứ ạ?"
)
BUTTON_DELETE = "🗑 Xóa hết"
BUTTON_KEEP = "Không xóa"
DELETED = (
    "Đã xóa dữ liệu của bác/anh/chị: {messages} tin nhắn, {lessons} bài đã học, {answers} câu "
    "trả lời, {reviews} câu ôn, {certificates} giấy chứng nhận, cài đặt và hồ sơ (tên, nhóm, "
    "thôn/tổ). Các yêu cầu hỗ trợ cũ chỉ còn ngày giờ, không còn nội dung."
)
NOT_DELETED = "Dạ, tôi giữ nguyên, không xóa gì ạ."
DELETE_BUTTON_OLD = (
    "Nút xóa này thuộc tin nhắn cũ nên tôi chưa xóa gì ạ. Nếu vẫn muốn xóa, bấm nút dưới đây "
    'hoặc gõ "xóa dữ liệu của tôi".'
)
BUTTON_ASK_DELETE = "🗑 Xóa dữ liệu của tôi"

GROUP_TITLES = {
    "nguoi_dan": "👨‍🌾 Người dân",
    "hoc_sinh": "🎒 Học sinh, sinh viên",
    "cbccvc": "🏛 Cán bộ, công chức",
    "nguoi_lao_dong": "🏭 Người lao động",
}
