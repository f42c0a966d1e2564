"""The rows for what scam messages ask and say: secrets, remote-control apps, pressure and
threats, offers too good to be true, a "safe account", a fee before a payout, money requests.
Each row has the phrases it is for and against; `knowledge.scam_phrases` runs them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SECRET = (
    r"(ma )?otp|ma xac (thuc|nhan)|mat khau|ma pin|so the|cvv|cvc|ngay het han( the)?|"
    r"thong tin the|ma bao mat|so tai khoan va mat khau"
)
# "đừng" is "dung" too, like "ứng dụng", "sử dụng", "tín dụng", "nội dung": those are no negation.
_NEGATION = re.compile(
    r"\b(khong|chua|cam|tranh|chang)\b|(?<!ung )(?<!su )(?<!tin )(?<!noi )"
    r"\bdung\b"
)
NEGATION_WINDOW = 45  # characters before a match where a negation cancels it


def negation_before(plain: str, start: int) -> bool:
    """A negation ("không", "đừng", …) shortly before position `start` of the plain text."""
    return bool(_NEGATION.search(plain[max(0, start - NEGATION_WINDOW) : start]))


_PLACES = r"(link|duong dan|trang|website|web|tai day|duoi day|form)"
_LOCKABLE = (
    r"(tai khoan|the|sim|thue bao|so dien thoai|vneid|dinh danh|dien|apple id|icloud|"
    r"facebook|zalo|gmail|email|nick|fanpage)"
)


@dataclass(frozen=True)
class Rule:
    signal: str
    kind: str
    pattern: re.Pattern[str]
    examples_for: tuple[str, ...]
    examples_against: tuple[str, ...] = ()
    negatable: bool = True


def rule(
    signal: str,
    kind: str,
    pattern: str,
    examples_for: tuple[str, ...],
    examples_against: tuple[str, ...] = (),
    negatable: bool = True,
) -> Rule:
    return Rule(signal, kind, re.compile(pattern), examples_for, examples_against, negatable)


# fmt: off
REQUEST_RULES: tuple[Rule, ...] = (
    rule("asks_secret", "code",
         rf"\b(cung cap|gui|gui lai|doc|doc lai|bao|bao lai|chup|soan|dua|xac nhan lai)\b"
         rf"( \w+){{0,4}} ({SECRET})\b(?! (\w+ )?(ve|den|toi) (may|dien thoai|so))",
         ("Vui lòng cung cấp mã OTP để nhận quà", "doc giup em ma otp vua gui ve may nhe",
          "Quý khách cung cấp số thẻ và mã CVV để được hoàn tiền"),
         ("Tuyệt đối không cung cấp mã OTP cho bất kỳ ai",
          "Ngân hàng không bao giờ yêu cầu khách hàng cung cấp OTP",
          "Có tin nhắn gửi mã OTP về máy tôi mà tôi không làm gì")),
    rule("asks_secret", "code",
         rf"\b({SECRET})\b( \w+){{0,4}} (cho (em|toi|minh|ben em|chung toi|nhan vien|tong dai)|"
         r"de (nhan|hoan tien|hoan phi|xac minh|mo khoa|huy|giai ngan|duoc nhan))\b",
         ("Anh đọc mã OTP cho em để em hủy gói cước", "ma xac nhan gui cho ben em de mo khoa"),
         ("Mã OTP của quý khách là ***, có hiệu lực 3 phút",)),
    rule("asks_secret", "form",
         rf"\b(nhap|dien|cap nhat|khai bao|xac thuc)\b( \w+){{0,4}} ({SECRET}|thong tin "
         rf"(ca nhan|tai khoan|dang nhap|the))\b.{{0,60}}\b{_PLACES}\b|\b(truy cap|vao|bam|nhan|"
         rf"click|an) (vao )?{_PLACES}\b.{{0,80}}\b(nhap|dien|cung cap|cap nhat)\b( \w+){{0,4}} "
         rf"({SECRET}|thong tin)\b",
         ("Bấm vào link sau và nhập mật khẩu để xác thực",
          "Điền thông tin thẻ tại đường dẫn dưới đây"),
         ("Nhập mã OTP trên ứng dụng để hoàn tất giao dịch bạn vừa thực hiện",)),
    rule("remote_app", "named",
         r"\b(teamviewer|team viewer|anydesk|any desk|ultraviewer|ultra viewer|airdroid|rustdesk|"
         r"quicksupport|quick support|supremo|remote desktop)\b",
         ("Chị cài giúp em ứng dụng UltraViewer để em hỗ trợ", "tai anydesk ve may"),
         ("Đừng cài AnyDesk theo lời người lạ",)),
    rule("remote_app", "via_link",
         r"\b(tai|cai|cai dat|tai ve|cap nhat)\b( \w+){0,4} (ung dung|app|phan mem|file|ban moi)\b"
         r".{0,60}\b(link|duong dan|tai day|duoi day)\b|\b(bam|vao|truy cap) (vao )?(link|"
         r"duong dan)\b.{0,40}\b(tai|cai|cai dat)\b( \w+){0,2} (ung dung|app|phan mem)\b",
         ("Tải ứng dụng Dịch vụ công mới theo link sau để cập nhật", "cai app ho tro tai link"),
         ("Tải ứng dụng VNeID trên CH Play hoặc App Store",)),
    rule("remote_app", "screen",
         r"\b(chia se|chieu|mo) man hinh\b|\bbat (quyen )?(tro nang|accessibility)\b|"
         r"\bcai (dat )?tu nguon khong xac dinh\b|\bcho phep (cai|nguon) (\w+ ){0,3}khong xac dinh",
         ("Anh bật chia sẻ màn hình để em hướng dẫn", "bat quyen tro nang cho ung dung"),
         ("Không bật cài từ nguồn không xác định",)),
    rule("pressure", "lock",
         rf"(?<!mo )\b(khoa|tam khoa|dong bang|vo hieu hoa|dinh chi|tam ngung|ngung hoat dong|"
         rf"cat|thu hoi|phong toa)( \w+){{0,2}} {_LOCKABLE}\b|\b{_LOCKABLE}( \w+){{0,6}} (se|bi|"
         rf"da bi|sap bi|co the bi) (khoa|tam khoa|dinh chi|vo hieu hoa|cat|ngung|tam ngung|"
         rf"tam dung|thu hoi|huy|phong toa|xoa|gioi han|han che)\b",
         ("Tài khoản của quý khách sẽ bị khóa", "tk cua ban bi tam khoa", "Điện lực sẽ cắt điện",
          "Tài khoản Internet Banking của quý khách sẽ bị tạm ngưng"),
         ("Hướng dẫn mở khóa tài khoản VNeID tại công an xã",), negatable=False),
    rule("pressure", "deadline",
         r"(?<!hieu luc )(?<!han )(?<!tri )\btrong (vong )?\d+ ?(gio|h|tieng|phut)\b|"
         r"\b(ngay lap tuc|khan cap|han chot|lan cuoi|truoc \d+ ?(gio|h)|sau \d+ ?(gio|h|tieng))\b",
         ("Vui lòng xác thực trong 24 giờ", "thanh toan trong vong 2h", "Cập nhật ngay lập tức"),
         ("Mã OTP có hiệu lực trong 5 phút",), negatable=False),
    rule("pressure", "threat",
         r"\b(bat giam|tam giam|lenh bat|truy na|khoi to|truy to|truy cuu|xu ly hinh su|rua tien|"
         r"duong day (lua dao|rua tien|ma tuy|buon lau)|lien quan (den|toi) (mot )?vu an|"
         r"giay trieu tap|lenh trieu tap)\b|\b(se bi|bi) (phat|xu phat|cuong che|bat)\b",
         ("Bạn liên quan đến một vụ án rửa tiền", "ban se bi phat 5 trieu", "Lệnh bắt tạm giam"),
         ("Cảnh giác với người xưng công an gọi điện",), negatable=False),
    rule("too_good", "prize",
         r"\b(trung thuong|trung giai|nhan qua|qua tang|phan qua|nhan thuong|tri an khach hang|"
         r"qua tri an|quay so may man|khach hang may man|duoc tang|tang (ban|quy khach|anh|chi) \d|"
         r"voucher|trung (voucher|phieu|qua|giai)|goi ho tro \d|duoc chon (de )?nhan|"
         r"congratulations|you have won|you won|lottery|claim your)\b",
         ("Chúc mừng bạn đã trúng thưởng xe SH", "nhan qua tri an khach hang"),
         ("Hôm nay tôi đi chợ mua quà cho cháu",), negatable=False),
    rule("too_good", "job",
         r"\b(viec nhe luong cao|viec lam (tai nha|online)|lam them (tai nha|online)|"
         r"cong tac vien|ctv|lam nhiem vu|nhiem vu (don gian|online)|hoa hong|tha tim|"
         r"thu nhap (hap dan|cao|tu \d+|\d+))\b",
         ("Tuyển cộng tác viên việc nhẹ lương cao", "lam nhiem vu like video nhan hoa hong"),
         ("Xã triển khai nhiệm vụ chuyển đổi số năm 2026",), negatable=False),
    rule("too_good", "refund",
         r"\b(hoan tien|hoan phi|hoan thue|hoan lai tien|hoan tra tien|boi thuong)\b",
         ("Bạn được hoàn tiền 2 triệu do đơn hàng lỗi", "hoan phi bao hiem"),
         ("Tôi đã nhận hàng rồi",), negatable=False),
    rule("too_good", "money",
         r"\b(lai suat (cao|hap dan|\d+ ?%?)|loi nhuan \d+|dau tu (sinh loi|an toan|chac thang)|"
         r"vay (nhanh|online|tien nhanh)|giai ngan (ngay|nhanh|trong)|khong can the chap|"
         r"mien phi thuong nien|nang han muc|nang hang the)\b",
         ("Vay nhanh không cần thế chấp, giải ngân trong 5 phút", "nang han muc the tin dung"),
         ("Lãi suất tiết kiệm tại quầy",), negatable=False),
    rule("safe_account", "safe",
         r"\btai khoan (an toan|tam giu|tam thoi|chuyen dung|cua co quan|cua (bo )?cong an|"
         r"dieu tra|phong toa|bao mat|ngan hang nha nuoc)\b|\b(chung minh|xac minh) (tien|"
         r"tai san|nguon tien)( \w+)? (sach|hop phap)\b|\btien sach\b|\b(chuyen|gui|nop|dua)"
         r"( het| toan bo)?( \w+){0,3} (tien|tai san)( \w+){0,5} (de|cho) (co quan|cong an|"
         r"dieu tra|xac minh|kiem tra|bao ve)\b",
         ("Chuyển toàn bộ tiền vào tài khoản an toàn", "chung minh tien sach"),
         ("Công an không bao giờ yêu cầu chuyển tiền vào tài khoản an toàn",)),
    rule("fee_to_receive", "fee",
         r"\b(nop|dong|chuyen|tra|thanh toan|nap)( \w+){0,3} (phi|le phi|tien coc|tien dat coc|"
         r"tien thue|tien bao hiem|\d+ (nghin|trieu|dong))( \w+){0,5} (de|truoc khi|moi|thi moi|"
         r"roi moi) (duoc )?(nhan|rut|giai ngan|lam thu tuc|kich hoat|mo khoa)\b|"
         r"\bphi (xuat kho|nhan thuong|nhan qua|nhan tien|giai ngan|ho so vay|mo khoa|"
         r"dong bang|rut tien|kich hoat|xac minh|bao hiem khoan vay|thu tuc nhan)\b|"
         r"\b(nap|chuyen) (them )?tien( \w+){0,4} (de )?(rut|nhan) (lai )?(tien|hoa hong|"
         r"loi nhuan)\b|\b(lay lai|thu hoi|doi lai)( \w+){0,4} (tien|so tien)\b.{0,80}\b(phi|"
         r"le phi|chi phi|coc)\b",
         ("Nộp phí 500 nghìn để nhận giải thưởng", "thanh toan phi xuat kho 15k",
          "nap them tien de rut hoa hong", "Hỗ trợ thu hồi 70% số tiền bị lừa, phí hồ sơ 3 triệu"),
         ("Phí vận chuyển đơn hàng là 20 nghìn",)),
    rule("guaranteed_profit", "invest",
         r"\bcam ket (hoan von|loi nhuan|lai|thang|an toan)\b|\b(loi nhuan|lai) \d+( \w+)? "
         r"(moi |mot )?(ngay|tuan|thang)\b|\bchac chan (thang|lai|an)\b|\b(nhan|theo) tin hieu\b",
         ("Đầu tư vàng lợi nhuận 30%/tháng, cam kết hoàn vốn", "vao nhom nhan tin hieu mien phi"),
         ("Lãi suất tiết kiệm 12 tháng tại quầy",)),
    rule("paid_tasks", "tasks",
         r"\b(like|tha tim|xem|danh gia|binh luan|chot don)( \w+){0,2} (video|bai|san pham|"
         r"tiktok|youtube|fanpage)\b.{0,80}\b(\d+ (nghin|trieu|dong)|hoa hong|thu nhap|luong)\b|"
         r"\b(\d+ (nghin|trieu)|hoa hong|thu nhap|kiem tien)\b.{0,80}\b(like|tha tim|xem) (video|"
         r"bai|tiktok|youtube)\b",
         ("Chỉ cần like video TikTok, mỗi ngày 300-500k", "tha tim bai viet nhan hoa hong"),
         ("Xem video hướng dẫn cài VNeID",)),
    rule("asks_login", "link",
         r"\b(dang nhap|xac minh|xac nhan|xac thuc|khang nghi|cap nhat|gia han|dien (thong tin|"
         r"form)|nhan (tien|qua|thuong|uu dai))( \w+){0,4} (tai|o|vao|qua|theo) (day|link|"
         r"duong dan|form|duong link)\b|\b(bam|nhan|click|an|vao|truy cap) (vao )?(day|link|"
         r"duong dan|duong link)( \w+){0,3} (de|roi|va) (\w+ ){0,3}(dang nhap|xac minh|xac nhan|"
         r"nhan|khang nghi|cap nhat|huy|doi|gia han)\b",
         ("Xác thực tài khoản tại đây", "bam vao day de khang nghi",
          "Bấm link rồi đăng nhập Facebook là được"),
         ("Tra cứu kết quả tại trang chính thức",)),
    rule("vote_request", "vote",
         r"\b(binh chon|bau chon|vote)( \w+){0,2} (giup|cho|ho|dum)\b|\b(giup|nho)( \w+){0,2} "
         r"(binh chon|bau chon|vote)\b",
         ("Bình chọn giúp cháu mình với", "nho ban vote cho be"), ("Kết quả bầu cử",)),
    rule("asks_id", "id",
         r"\b(anh|chup|gui|hinh|mat truoc)( \w+){0,2} (can cuoc|chung minh nhan dan|ho chieu|"
         r"id card|passport|giay to tuy than)\b|\bid card\b",
         ("Điền thông tin và ảnh CCCD vào form sau", "gui anh chup can cuoc 2 mat"),
         ("Đừng gửi ảnh CCCD cho người lạ",)),
    rule("attachment", "file",
         r"\b(tai|mo|xem)( \w+){0,2} (file|tep|tai lieu) (dinh kem|kem theo)\b",
         ("Tải file đính kèm để xem chi tiết",), negatable=False),
    rule("contact_number", "mobile",
         r"\b(goi|lien he|lien lac|ket ban|add|nhan tin|inbox|zalo)( \w+){0,3} sodienthoai\b",
         ("Liên hệ 0896xxx123 để nhận giải", "ket ban zalo *** de nhan tien"),
         ("Tổng đài 1900 545413",), negatable=False),
    rule("money_request", "personal_account",
         r"\b(dong|nop|chuyen|gui|chuyen khoan)( \w+){0,4} (tien|phi|hoc phi|\d+ (trieu|nghin|"
         r"dong))( \w+){0,4} vao (so )?tai khoan (ca nhan|rieng)\b|\bchuyen nham\b.{0,80}\b("
         r"hoan tra|tra lai|chuyen lai|gui lai)\b",
         ("Phụ huynh đóng tiền học thêm vào tài khoản cá nhân của em",
          "TK +5,000,000. ND: chuyen nham, vui long hoan tra"),
         ("Không đóng tiền vào tài khoản cá nhân",)),
    rule("money_request", "transfer",
         r"\b(chuyen|gui|chuyen khoan|nap)( \w+){0,3} (gap|tam|giup|ho|dum)\b|"
         r"\bcho (em|con|chau|minh|toi|anh|chi) (muon|vay)\b|\b(muon|vay) (tam|gap)\b|"
         r"\b(chuyen|chuyen khoan|gui)( \w+){0,3} (\d+ (trieu|nghin|dong)|tien) (vao|qua|toi|"
         r"den) (so tai khoan|tai khoan)\b",
         ("Mẹ ơi chuyển gấp cho con 5 triệu", "cho em muon 3 trieu mai tra"),
         ("Hướng dẫn chuyển khoản bằng mã QR",
          "Không chuyển tiền vào tài khoản theo yêu cầu của người lạ")),
)
# fmt: on
