"""The rows for who a message claims to be (police, court, bank, power, tax office, delivery,
carrier, a state body, a relative): a claim alone proves nothing, it only makes other signs
weigh more (`knowledge.scam_verdict`)."""

from __future__ import annotations

from knowledge.scam_rules import Rule, rule

# fmt: off
CLAIM_RULES: tuple[Rule, ...] = (
    rule("impersonation", "police",
         r"\b(cong an|canh sat|bo cong an|co quan dieu tra|dieu tra vien|csgt|phat nguoi)\b",
         ("Tôi là cán bộ công an phường", "canh sat khu vuc thong bao"), ("Tôi đi chợ",), False),
    rule("impersonation", "court",
         r"\b(toa an|vien kiem sat|tham phan|kiem sat vien)\b",
         ("Tòa án nhân dân thông báo", "vien kiem sat goi"), negatable=False),
    rule("impersonation", "bank",
         r"\b(ngan hang|vietcombank|vcb|bidv|vietinbank|agribank|techcombank|mbbank|vpbank|acb|"
         r"sacombank|tpbank|hdbank|shb|vib|seabank|lpbank|eximbank|scb|momo|zalopay|vnpay|"
         r"viettel money|vi dien tu)\b",
         ("Vietcombank thông báo", "ngan hang xin thong bao"), negatable=False),
    rule("impersonation", "power",
         r"\b(dien luc|evn|cong ty dien|tien dien|cat dien)\b",
         ("Điện lực thông báo cắt điện", "no tien dien"), negatable=False),
    rule("impersonation", "tax",
         r"\b(co quan thue|cuc thue|chi cuc thue|tong cuc thue|thue thu nhap|quyet toan thue|"
         r"ma so thue|no thue)\b",
         ("Cục Thuế thông báo nợ thuế", "quyet toan thue thu nhap ca nhan"), negatable=False),
    rule("impersonation", "delivery",
         r"\b(shipper|giao hang|buu dien|buu chinh|buu ta|vnpost|viettel post|viettelpost|ghn|"
         r"ghtk|j t express|jt express|don hang|kien hang)\b",
         ("Shipper báo đơn hàng của bạn", "buu dien thong bao kien hang"), negatable=False),
    rule("impersonation", "carrier",
         r"\b(nha mang|viettel|vinaphone|mobifone|vietnamobile|goi cuoc)\b",
         ("Nhà mạng Viettel thông báo", "goi cuoc cua ban"), negatable=False),
    rule("impersonation", "government",
         r"\b(vneid|dinh danh dien tu|muc 2|bao hiem xa hoi|bhxh|uy ban nhan dan|co quan nha nuoc|"
         r"can bo (xa|phuong)|dich vu cong)\b",
         ("Cán bộ phường hướng dẫn cập nhật VNeID", "dinh danh dien tu muc 2"), negatable=False),
    rule("impersonation", "relative_trouble",
         r"\b(con|chau|em|anh|chi|me|bo|ba)( \w+){0,2} (dang|bi) (cap cuu|tai nan|nhap vien|"
         r"o benh vien|cong an bat|bat)\b|\b(doi|moi doi|day la|dung) (so|sim|so dien thoai|zalo|"
         r"facebook|nick) (moi|khac)\b",
         ("Con bị tai nạn đang cấp cứu", "me oi con doi so moi"), negatable=False),
    rule("impersonation", "school",
         r"\b(giao vien|co giao|thay giao|nha truong|chu nhiem|hoc phi)\b",
         ("Em là giáo viên chủ nhiệm mới",), negatable=False),
    rule("impersonation", "platform",
         r"\b(apple|icloud|google|gmail|facebook|zalo|san tmdt|san thuong mai dien tu|shopee|"
         r"lazada|tiki|tiktok)\b",
         ("Tài khoản Facebook của bạn vi phạm", "apple id cua ban"), negatable=False),
    rule("impersonation", "relative",
         r"\b(me|bo|ba|ong|co|chu|bac|anh|chi|em|con|chau) oi\b",
         ("Mẹ ơi", "chi oi cho em hoi"), ("Ôi trời",), negatable=False),
)
# fmt: on
