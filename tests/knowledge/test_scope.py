"""Tables of messages for the out-of-scope, urgent, needs-a-person and secret signals."""

from __future__ import annotations

import pytest

from knowledge.scope import detect_needs_person, detect_out_of_scope, detect_urgent, mentions_secret
from nlu.normalise import strip_accents

IN_SCOPE = [
    "Làm tài khoản định danh điện tử có mất tiền không?",
    "lam vneid muc 2 thi phai den dau vay ad",
    "Sổ sức khỏe điện tử lưu những thông tin gì?",
    "Đặt lịch khám bệnh viện tỉnh trên điện thoại thế nào?",
    "Tin nhắn báo trúng xổ số, bảo nộp phí nhận thưởng có phải lừa đảo không?",
    "Có người rủ đầu tư chứng khoán lãi cao, có phải lừa đảo không?",
    "Làm sao để không bị hack Zalo?",
    "Tôi lỡ chuyển khoản nhầm sang tài khoản người lạ thì làm thế nào?",
    "e định chụp mã otp gửi qua zalo cho bạn, đc hông",
    "ng ta gửi file apk cho e cài, có nên cài không",
    "Có người gọi bảo con tôi đang bị điều tra, bắt con tôi tắt máy, đó có phải lừa đảo không?",
    "mã otp là gì",
    "passcode gồm mấy số",
    "quên mật khẩu vneid thì sao",
    "Cuộc gọi giả mạo công an thường nói gì?",
    "Chuyển khoản bao nhiêu tiền thì phải xác thực khuôn mặt?",
    "Nếu bị lừa mất tiền thì báo ai?",
    "đóng tiền điện trên cổng dịch vụ công",
    "tra cứu thông tin hồ sơ của tôi ở đâu",
    "Tôi lo bị hack Zalo quá, cài đặt gì cho an toàn?",
    "Làm sao để kẻ gian khó giả mặt mình trong video?",
    "Bị lừa đảo qua mạng thì báo ở đâu?",
    "Hỏi AI xem tôi bị bệnh gì có được không?",
    "Có mua được vé tàu trên mạng không?",
    "Nếu chuyển tiền mua hàng mà bị chặn Facebook thì lấy lại được không?",
    "ng lạ gửi cho mk cái mã qr, mk muốn ktra trc xem có an toàn ko",  # mk = mình, not a password
    "gửi hàng cho khách rồi mà khách không nghe máy thì làm sao",
    "gửi hồ sơ cho cán bộ xã qua mạng thế nào",
    "đại sứ số là ai, ở xã có không",
]


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Ngày mai Hà Nội có mưa không?", "weather"),
        ("thoi tiet sai gon tuan nay the nao", "weather"),
        ("ngay mai ha noi co mua khong", "weather"),
        ("cho xin con số may mắn đánh đề hôm nay", "lottery"),
        ("ket qua xo so mien bac hom nay", "lottery"),
        ("du doan ket qua bau cu nam nay ai se thang", "politics"),
        ("Bạn ủng hộ ứng cử viên nào trong cuộc bầu cử Mỹ?", "politics"),
        ("Tôi bị ho khan và sốt nhẹ 3 ngày rồi, bạn xem tôi bị bệnh gì?", "medical"),
        ("đau bụng thì uống thuốc gì", "medical"),
        ("chẩn đoán giúp tôi với", "medical"),
        ("bố tôi đột nhiên khó thở, đau ngực", "medical_emergency"),
        ("xem tu vi tuoi dan nam nay", "fortune"),
        ("giải bài tập toán lớp 5 giúp em", "homework"),
        ("giá vàng hôm nay bao nhiêu", "finance_tips"),
        ("nen dau tu vao dau bay gio", "finance_tips"),
        ("cho tôi xin số điện thọai riêng của ca sĩ Sơn Tùng", "others_data"),
        ("tìm địa chỉ nhà của người nổi tiếng", "others_data"),
        ("chỉ tôi cách hack facebook người khác", "hacking"),
        ("làm sao đọc trộm tin nhắn zalo của chồng", "hacking"),
    ],
)
def test_detect_out_of_scope_positive(text: str, category: str) -> None:
    assert detect_out_of_scope(text) == category
    assert detect_out_of_scope(strip_accents(text)) in (category, None)


@pytest.mark.parametrize("text", IN_SCOPE)
def test_detect_out_of_scope_negative(text: str) -> None:
    assert detect_out_of_scope(text) is None


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("tôi lỡ đọc mã OTP cho người gọi", "credentials_given"),
        ("em vừa gửi mật khẩu cho nó rồi", "credentials_given"),
        ("toi da nhap ma otp vao trang do roi", "credentials_given"),
        ("bị lừa mất 20 triệu", "money_lost"),
        ("bi lua mat 20tr roi", "money_lost"),
        ("tài khoản ngân hàng của tôi bị rút hết tiền", "money_lost"),
        ("mẹ tôi lỡ chuyển tiền cho kẻ lừa đảo giả công an", "money_lost"),
        ("tôi lỡ cài ứng dụng lạ họ gửi", "malware_installed"),
        ("bị chiếm tài khoản facebook", "account_taken"),
        ("bị hack zalo", "account_taken"),
        ("nick zalo của tôi bị người khác đăng nhập", "account_taken"),
        ("con tôi đang bị ai đó gọi vidio bảo ko đc tắt máy, giờ phải làm sao", "threatened"),
        ("em bị người ta đe dọa tung ảnh", "threatened"),
        ("bị đứa nào lập fb giả mạo e rồi đăng ảnh bôi nhọ", "impersonated"),
        ("Zalo của tôi bị hack rồi, làm sao lấy lại", "account_taken"),
        ("tôi bị lừa rồi", "money_lost"),
    ],
)
def test_detect_urgent_positive(text: str, category: str) -> None:
    assert detect_urgent(text) == category
    assert detect_urgent(strip_accents(text)) == category


@pytest.mark.parametrize("text", IN_SCOPE)
def test_detect_urgent_negative(text: str) -> None:
    assert detect_urgent(text) is None


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("cho tôi gặp nhân viên", "asks_human"),
        ("Thông tin trên VNeID của tôi bị sai tên, ngày sinh, tôi cần sửa gấp", "data_correction"),
        ("Hồ sơ khai sinh tôi nộp online đã hơn 2 tuần chưa có kết quả", "slow_dossier"),
        ("Tôi muốn phản ánh việc cán bộ làm chậm hồ sơ của tôi.", "complaint"),
    ],
)
def test_detect_needs_person_positive(text: str, category: str) -> None:
    assert detect_needs_person(text) == category
    assert detect_needs_person(strip_accents(text)) == category


@pytest.mark.parametrize("text", IN_SCOPE)
def test_detect_needs_person_negative(text: str) -> None:
    assert detect_needs_person(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "mã otp của tôi là 123456",
        "ma otp 482913 nhe",
        "mk của em là Abc@123",
        "mat khau: hoa1975",
        "passcode là 246810",
        "số cvv 123",
        "otp của tôi là *** sao không vào được",  # as the gateway passes it on, masked
        "mat khau cua toi la *** bi sai",
    ],
)
def test_mentions_secret_positive(text: str) -> None:
    assert mentions_secret(text)


@pytest.mark.parametrize(
    "text",
    [
        "mã otp là gì",
        "mật khẩu là gì vậy",
        "passcode gồm 6 số phải không",
        "mật khẩu nên có 8 ký tự",
        "quên mk thì làm sao",
        "số tài khoản của tôi là 0123456789",
        "chuyển 500000 đồng có cần otp không",
        "chuyển *** đồng có cần otp không",
        "ma otp gui ve so ***678 ma khong thay",
    ],
)
def test_mentions_secret_negative(text: str) -> None:
    assert not mentions_secret(text)


@pytest.mark.parametrize("text, out_of_scope, urgent, needs_person", [
    ("co nhom zalo bao dam bao trung lo de, nap tien la co so, co phai lua dao khong",
     None, None, None),
    ("Làm sao để bố mẹ già ở nhà không bị lừa mất tiền trong tài khoản?", None, None, None),
    ("Tôi lỡ chuyển 5 triệu rồi, có phải bị lừa không?", None, "money_lost", None),
    ("Bạn thấy đảng nào ở Mỹ tốt hơn, Dân chủ hay Cộng hòa?", "politics", None, None),
    ("chỉ e cách vào fb của ny e mà ko cần mk", "hacking", None, None),
    ("Giải giúp em bài toán hình: tam giác ABC vuông tại A, tính BC", "homework", None, None),
    ("gioi tinh tren vneid cua me toi bi ghi sai, muon sua thi lam o dau",
     None, None, "data_correction"),
    ("nộp hồ sơ đất từ tháng trước, giấy hẹn 15 ngày mà giờ quá hẹn gần một tháng rồi",
     None, None, "slow_dossier"),
    ("Tôi đã thử quét NFC mấy lần rồi mà vẫn không đăng nhập được VNeID",
     None, None, "tried_everything"),
    # Money sent, then the other side vanished: no "lừa" word, still urgent.
    ("mk vừa ck 5tr cho 1 shop online mua hàng mà h bị chặn fb r, có cách nào lấy lại tiền ko",
     None, "money_lost", None),
    ("người gọi xưng công an bắt bác chứng minh tiền sạch, bác chuyển 30 triệu rồi, giờ họ tắt máy",
     None, "money_lost", None),
    ("Tôi muốn nói chuyện trực tiếp với cán bộ, nhờ bạn chuyển giúp cho người phụ trách",
     None, None, "asks_human"),
    ("mắt bác kém, bác muốn có người xuống tận nhà chỉ cho bác cài VNeID",
     None, None, "asks_human"),
    ("hàng xóm nợ tiền bỏ đi, cháu tra giúp bác xem giờ nó ở đâu, số điện thoại mới là số nào",
     "others_data", None, None),
    ("bác muốn mở Facebook của con dâu mà nó không biết", "hacking", None, None),
    ("có đứa nhắn tin đe dọa tung ảnh riêng tư của tôi nếu ko chuyễn tiền cho nó",
     None, "threatened", None),
    # Harm described without the words "lừa" or "OTP".
    ("người xưng bên thuế bảo nộp phạt, tôi chuyển 8 triệu rồi", None, "money_lost", None),
    ("tôi vừa gửi 3 triệu đặt cọc, giờ số đó thuê bao không liên lạc được",
     None, "money_lost", None),
    ("mẹ tôi lỡ đọc 6 số trong tin nhắn ngân hàng cho người gọi đến", None, "credentials_given",
     None),
    ("từ hôm cài cái app họ gửi, điện thoại tự bấm, tự mở ứng dụng ngân hàng", None,
     "malware_installed", None),
    ("người lạ chuyển nhầm 2 triệu vào tài khoản của tôi rồi gọi đòi lại", None, None, None),
    ("bạn nối giúp tôi với ai đó bên phường nhé", None, None, "asks_human"),
    ("tôi cần người hướng dẫn tận tay chứ đọc không hiểu", None, None, "asks_human"),
    ("xem giúp tôi ngày hoàng đạo tháng này để khai trương cửa hàng online", "fortune", None, None),
    ("đường huyết cao, có nên uống thêm thuốc không", "medical", None, None),
])
def test_scope_signals_on_held_out_style_messages(text, out_of_scope, urgent, needs_person):
    assert detect_out_of_scope(text) == out_of_scope
    assert detect_urgent(text) == urgent
    assert detect_needs_person(text) == needs_person
