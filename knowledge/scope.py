"""Keyword and pattern signals on a resident's message (pure; no model).

Patterns run on the accent-free form of `normalise(text)` ("so de", "bi lua"), so they hold
for text typed with or without diacritics; a few that would be ambiguous without diacritics
("mưa" vs "mua") run on the accented form only.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from nlu.normalise import normalise, strip_accents, to_nfc

Rule = tuple[str, re.Pattern[str]]


def _rules(pairs: Sequence[tuple[str, str]]) -> tuple[Rule, ...]:
    return tuple((category, re.compile(pattern)) for category, pattern in pairs)


# A message about a scam is in scope even when it names lottery, gold or coins.
_SCAM = re.compile(r"\b(lua|gia mao|mao danh|trung thuong|canh giac|canh bao|co that khong)\b")
_MEDICAL_APP = re.compile(
    r"\b(so suc khoe|dat lich|bao hiem y te|vneid|ung dung|app|benh vien nao|kham online|"
    r"hoi ai|chatgpt|chatbot|tri tue nhan tao)\b"
)
_EMERGENCY = re.compile(
    r"\b(dau nguc|tuc nguc|kho tho|ngat xiu|bat tinh|co giat|dot quy|meo mieng|liet nua nguoi)\b"
)
_OUT_OF_SCOPE_PLAIN = _rules((
    ("weather", r"\b(thoi tiet|du bao (mua|bao|nang|ret)|nhiet do (hom nay|ngay mai|bay gio))\b"),
    ("weather", r"\b(ngay mai|hom nay|tuan nay|chieu nay|toi nay|cuoi tuan) troi\b"),
    ("weather", r"\b(ngay mai|hom nay|tuan nay|chieu nay|toi nay|dem nay|cuoi tuan)\b.{0,30}"
                r"\bco (mua|bao|nang) (khong|to)\b"),
    ("lottery", r"\b(xo so|so de|lo de|danh (de|lo)|soi cau|vietlott|xs(mb|mn|mt)|ve so)\b"),
    ("lottery", r"\b(con so may man|giai dac biet|ca do|nha cai|keo bong da|bao lo)\b"),
    ("politics", r"\b(bau cu|tong thong|ung (cu )?vien|dang phai|chinh tri)\b.*"
                 r"\b(du doan|se thang|ai thang|ung ho|nen bau|bau cho ai|quan diem|nghi sao)\b"),
    ("politics", r"\b(du doan|ung ho|quan diem|nghi sao ve)\b.*\b(bau cu|tong thong|chinh tri)\b"),
    ("medical", r"\b(bi|mac|la) benh gi\b|\b(uong|dung|mua|ke) thuoc gi\b"),
    ("medical", r"\b(chan doan|ke don|ke thuoc|chua) (giup|cho|benh)\b"),
    ("medical", r"\b(co nen|nen|duoc) (uong|dung|tiem) (them|bot|tiep|gap doi)\b|"
                r"\b(uong|dung) (them|bot) (\w+ ){0,2}(vien|thuoc|lieu)\b"),
    ("fortune", r"\b(xem boi|boi toan|tu vi|phong thuy|xem tuoi|cung hoang dao|giai mong)\b"),
    ("fortune", r"\b((ngay|gio) (gio )?hoang dao|hop tuoi|xem ngay (tot|dep|gio)|"
                r"ngay (tot|dep) (de|cho|ma) (khai truong|mo|cuoi|dong tho|xuat hanh))\b"),
    ("homework", r"\b(giai (bai tap|toan|phuong trinh|de thi)|bai tap ve nha|viet bai van)\b"),
    ("homework", r"\bgiai( \w+){1,3} (bai tap|bai toan|toan|phuong trinh|de thi)\b|"
                 r"\b(tam giac|phuong trinh|dao ham|tich phan|hinh hoc lop)\b"),
    ("finance_tips", r"\b(gia (vang|do la|usd|bitcoin|btc|xang)|ty gia|chung khoan|co phieu)\b"),
    ("finance_tips", r"\b(nen mua vang|nen dau tu|dau tu (gi|vao dau)|coin nao)\b"),
    ("others_data", r"\b(xin|tim|tra|cho|biet|lay)\b.{0,25}\b(so dien thoai|dia chi|thong tin|"
                    r"facebook|zalo|so can cuoc)\b.{0,30}\b(ca si|dien vien|nguoi noi tieng|"
                    r"nghe si|cau thu|hoa hau|idol|nguoi khac|hang xom|nguoi yeu cu)\b"),
    ("others_data", r"\b(tra|tim|dinh vi|xem)\b.{0,60}\b(no|nguoi ta|nguoi do|hang xom|"
                    r"chu no|con no)\b.{0,20}\b(dang o dau|o dau|so dien thoai (moi|la)|"
                    r"dia chi)\b"),
    ("others_data", r"\b(tra|tim|dinh vi)( giup| ho| dum)?\b.{0,40}\b(dang o dau|o dau|"
                    r"so dien thoai|dia chi)\b.{0,20}\b(cua )?(no|nguoi ta|nguoi do|hang xom)\b"),
    ("hacking", r"\b(cach|giup|day|chi|muon|lam sao|the nao)\b.{0,20}\b(hack|be khoa)\b"),
    ("hacking", r"\b(vao|xem|doc|mo|dang nhap)\b( \w+){0,2} (facebook|zalo|tai khoan|tin nhan|"
                r"dien thoai|email|gmail|nick)\b( \w+){0,2} (cua|cho) (nguoi yeu|nguoi khac|vo|"
                r"chong|ban gai|ban trai|hang xom|sep|nguoi ta|no|con dau|con re)\b"),
    ("hacking", r"\b(vao|xem|doc|mo|dang nhap)\b.{0,40}\b(facebook|zalo|tin nhan|email|nick)\b"
                r".{0,40}\bma (no|nguoi ta|vo|chong|con dau|con re|nguoi yeu) khong (biet|hay)\b"),
    ("hacking", r"\b(hack|be khoa|xam nhap|doc trom|xem trom|dinh vi|lay mat khau)\b.{0,30}"
                r"\b(nguoi khac|nguoi ta|vo|chong|nguoi yeu|ban gai|ban trai|hang xom|sep)\b"),
))
_OUT_OF_SCOPE_ACCENTED = _rules((
    ("weather", r"\b(có|trời|sẽ) (mưa|bão|nắng)\b|\bmưa (không|to|nhiều)\b"),
    ("politics", r"\bđảng (nào|dân chủ|cộng hòa|phái)\b|\bdân chủ hay cộng hòa\b"),
    ("fortune", r"\b(xem bói|bói)\b"),
))
_SCAM_SENSITIVE = frozenset({"lottery", "finance_tips"})

# Hypothetical or preventive wording: "để không bị lừa", "nếu bị hack thì".
_HYPOTHETICAL = re.compile(
    r"\b(de|sao cho|cach) (khong|tranh|khoi) bi\b|\b(tranh|phong|phong tranh|khoi) bi\b|"
    r"\bneu (bi|lo|da|chang may)\b|\bphong (chong|tranh)\b|"
    r"\bneu (?:(?!khong\b)\w+ ){0,2}(chuyen|gui|nap|dua)\b|"
    r"\b(de|sao cho|lam sao de)( \w+){1,6} (khong|khoi|tranh) bi\b"
)
# Harm already done: a "có phải lừa đảo không?" question with none of these is a check, not a case.
_DONE = re.compile(r"\b(da|roi|vua bi|mat het|mat sach|bi mat|bi lay|bi tru)\b")
_WORRIED = re.compile(r"\b(lo|sợ|ngại|phòng khi|lỡ mà) bị\b")  # accented: "lo" is also "lỡ"
_VERIFYING = re.compile(r"\b(co phai|phai khong|co that|la lua dao khong|co sao khong)\b")
_SECRET_NAME = (
    r"(otp|ma xac (thuc|nhan)|mat khau|passcode|ma pin|cvv|so the|pass|"
    r"(\d|bon|sau|tam) (chu )?so (trong|o|cua) tin nhan|ma (trong|o|cua) tin nhan)"
)
_PAST = r"\b(lo|da|vua|trot|lo tay)\b"
# Money already sent: "đã chuyển", "chuyển 30 triệu rồi", "gửi 3 triệu đặt cọc" (not "gửi hàng").
_SENT = (
    r"\b((da|vua|lo|trot) (\w+ ){0,2}(chuyen|(gui|nap)( \w+)? (tien|\d+))|"
    r"(chuyen|ck)( \w+){0,6} (roi|xong)|(gui|nap)( \w+)? (tien|\d+)( \w+){0,4} (roi|xong))\b"
)
_URGENT_PLAIN = _rules((
    ("credentials_given", _PAST + r"( \w+){0,3} (doc|dua|gui|cho|nhap|cung cap|noi|khai|chup|bam)"
                          r"\b.{0,30}\b" + _SECRET_NAME + r"\b"),
    ("credentials_given", r"\b(doc|dua|gui|nhap|cung cap|noi|khai|chup)\b.{0,30}\b" + _SECRET_NAME
                          + r"\b.{0,40}\broi\b"),
    ("money_lost", r"\b(bi lua|lua dao|ke gian|bi chiem doat)\b.{0,40}\b("
                   r"mat (het |sach )?(tien|\d)|(het|tru|rut) tien|chuyen (tien|khoan|\d)|"
                   r"\d+ (trieu|nghin|ty|dong))"),
    ("money_lost", r"\b(bi|da bi|vua bi)( \w+){0,2} (rut|tru|lay|cuom|chiem doat)( het| mat)?"
                   r" (het )?tien\b"),
    ("money_lost", r"\b(mat|bay) (het|sach|sach se)( \w+){0,2} tien\b|\bbi lua (roi|mat|het)\b"),
    ("money_lost", _PAST + r"( \w+){0,2} (chuyen|gui|nap) (tien|khoan|\d+).{0,40}"
                   r"\b(lua|ke gian|gia mao|mao danh|doi tuong)\b"),
    ("money_lost", r"\b(chuyen|gui|nap|dua)( \w+){0,3} (tien|\d+ (trieu|nghin|ty|dong))\b.{0,100}"
                   r"\b(bi chan|chan (facebook|zalo|so|sdt)|tat may|khoa may|(khong|ko) (lien lac|"
                   r"goi|nghe may|tra loi|nhac may)|lay lai (tien|duoc)|doi lai (tien|duoc)|"
                   r"(bien|lan) mat)\b"),
    ("money_lost", _SENT + r".{0,200}\b(bi chan|tat may|thue bao|(khong|ko) (lien lac|"
                   r"nghe may)|co goi (\w+ ){0,2}dau|khong phai (no|con|chau))\b"),
    ("money_lost", r"\b(xung|tu xung|gia danh|mao danh|goi video|nguoi la)\b.{0,200}" + _SENT),
    ("malware_installed", r"\b(man hinh|dien thoai|may)( \w+){0,2} tu (nhay|chay|bam|mo|thao tac|"
                          r"di chuyen)\b|\btu mo (app|ung dung)\b|\bbi dieu khien( tu xa)?\b"),
    ("malware_installed", r"\b(cai|tai) (ung dung|app|phan mem|file|apk)\b.{0,80}"
                          r"\b(cai|tai) roi\b"),
    ("malware_installed", _PAST + r"( \w+){0,3} (cai|tai)\b.{0,30}\b(app|ung dung|file|apk|"
                          r"phan mem)\b"),
    ("account_taken", r"\bbi (hack|chiem|chiem doat|mat|cuop)( mat)? (tai khoan|facebook|zalo|"
                      r"nick|acc|email|gmail|tiktok|vneid)\b"),
    ("account_taken", r"\b(tai khoan|facebook|zalo|nick|acc|email|gmail|tiktok|vneid)( \w+){0,4}"
                      r" bi (hack|chiem|chiem doat|nguoi khac dang nhap|doi mat khau)\b"),
    ("account_taken", r"\bbi hack\b"),
    ("threatened", r"\bdang bi (\w+ ){0,2}(goi|de doa|doa|ep|tong tien|khong che)\b"),
    ("threatened", r"\b(nhan tin|goi dien|goi)( \w+){0,2} (de doa|doa|tong tien)\b"),
    ("threatened", r"\b(bi|dang bi|nhan duoc)( \w+){0,4} "
                   r"(de doa|tong tien|doa (giet|tung|dang))\b"),
    ("impersonated", r"\blap (facebook|zalo|nick|tai khoan|trang)( \w+){0,2} gia\b|\bboi nho\b"),
    ("impersonated", r"\b(gia mao|mao danh) (toi|em|minh|con toi|chau|bo|me)\b|"
                     r"\b(tung|phat tan) anh\b"),
))
# "chuyển nhầm" (a mistake, not a scam), "định gửi" / "có nên gửi" (not done yet).
_NOT_URGENT = re.compile(
    r"\b(nham|co nen|dinh (gui|chup|doc|dua|cho|chuyen|cai|nhap|bam|noi))\b|"
    r"\bchuyen (\w+ ){0,3}vao (tai khoan|so tai khoan) (cua )?(toi|minh|em|ban|bac|con)\b"
)
_NEEDS_PERSON_PLAIN = _rules((
    ("asks_human", r"\b(gap|noi chuyen voi|ket noi|cho toi gap|can) (nguoi that|nhan vien|can bo|"
                   r"tong dai vien|nguoi ho tro|dai su so)\b"),
    ("asks_human", r"\b(gap|noi chuyen|ket noi|trao doi)( truc tiep)?( \w+){0,2} (voi|cho) "
                   r"(nguoi that|nhan vien|can bo|nguoi phu trach|tong dai vien|nguoi ho tro|"
                   r"dai su so)\b"),
    ("asks_human", r"\bchuyen (giup |ho |dum )?(cho|toi|den) (nguoi phu trach|can bo|nguoi that|"
                   r"dai su so|nguoi ho tro)\b"),
    ("asks_human", r"\b(muon|can|nho|xin)( \w+){0,3} nguoi (xuong|den|toi|ve|qua)( tan)? nha\b"),
    ("asks_human", r"\b(chuyen|noi|ket noi)( \w+){0,3} (ai do|nguoi nao do|ai|nguoi) "
                   r"(ben|o|cua) (xa|phuong|uy ban)\b|\bcan (nguoi|ai) (chi|huong dan|giup|lam)"
                   r"( \w+){0,2} (tan tay|tan noi|truc tiep)\b"),
    ("data_correction", r"\b(thong tin|ten|ngay sinh|nam sinh|que quan|dia chi|gioi tinh)\b.{0,40}"
                        r"\b(bi sai|sai|nham|ghi sai)\b.{0,40}\b(sua|dieu chinh|cap nhat|doi)\b"),
    ("data_correction", r"\b(sua|dieu chinh)\b.{0,20}\b(thong tin|ten|ngay sinh)\b.{0,30}\bsai\b"),
    ("slow_dossier", r"\bho so\b.{0,150}\b(chua (co|nhan duoc|thay) ket qua|qua (han|hen)|tre hen|"
                     r"lau qua|cham|cu bao (cho|doi)|khong ai nghe)\b"),
    ("tried_everything", r"\b(da |)thu\b.{0,60}\b(may|nhieu|bao nhieu) lan\b.{0,40}"
                         r"\b(van|cung) (khong|chua)\b"),
    ("tried_everything", r"\b(thu|lam) (het|moi|du) cach\b.{0,40}\b(van|cung) (khong|chua)\b"),
    ("complaint", r"\b(phan anh|khieu nai|to cao|kien nghi)\b.{0,40}\b(can bo|nhan vien|xa|"
                  r"phuong|ho so|thai do|cham)\b"),
))
_CODE_WORDS = r"otp|ma xac (thuc|nhan)|ma pin|pin|passcode|ma bao mat|ma kich hoat"
_PASSWORD_WORDS = r"mat khau|mk|pass|password|passcode"
_SECRET_DIGITS = re.compile(
    rf"\b({_CODE_WORDS})\b\D{{0,25}}(?<!\d)\d{{4,8}}(?!\d)|\bcvv\b\D{{0,15}}\d{{3,4}}\b"
)
_SECRET_VALUE = re.compile(
    rf"\b({_PASSWORD_WORDS})\b(?: (?:cua|moi|cu) \w+)?\s*(?:la|:|=)\s*(\S+)"
)
# The gateway hides secrets before the assistant sees them: "otp cua toi la ***".
_MASKED_SECRET = re.compile(
    rf"\b({_CODE_WORDS}|cvv|{_PASSWORD_WORDS})\b(?: (?:cua|moi|cu) \w+)?\s*(?:la|:|=)?\s*\*\*\*"
)
_NOT_A_VALUE = frozenset({"gi", "j", "sao", "bao", "gom", "may", "nhu", "the"})


def _plain(text: str) -> str:
    return strip_accents(normalise(text))


def _first(rules: Sequence[Rule], text: str) -> str | None:
    return next((category for category, pattern in rules if pattern.search(text)), None)


def detect_out_of_scope(text: str) -> str | None:
    """A category when the message is outside what we support: "weather", "lottery",
    "politics", "medical", "medical_emergency" (go to cấp cứu now), "fortune", "homework",
    "finance_tips", "others_data" or "hacking"."""
    plain = _plain(text)
    category = _first(_OUT_OF_SCOPE_PLAIN, plain) or _first(_OUT_OF_SCOPE_ACCENTED, normalise(text))
    if category in _SCAM_SENSITIVE and _SCAM.search(plain):
        return None
    if _EMERGENCY.search(plain) and category in (None, "medical"):
        return "medical_emergency"
    if category == "medical" and _MEDICAL_APP.search(plain):
        return None
    if category == "hacking" and re.search(r"\bbi (hack|chiem)", plain):
        return None
    return category


def detect_urgent(text: str) -> str | None:
    """"money_lost", "credentials_given", "malware_installed", "account_taken", "threatened" or
    "impersonated" when harm has happened or is happening; None for questions about prevention."""
    plain = _plain(text)
    category = _first(_URGENT_PLAIN, plain)
    if category is None or _HYPOTHETICAL.search(plain) or _WORRIED.search(normalise(text)):
        return None
    if category in ("threatened", "impersonated") and _VERIFYING.search(plain):
        return None
    if _VERIFYING.search(plain) and not _DONE.search(plain):
        return None
    if category in ("money_lost", "credentials_given", "malware_installed") and _NOT_URGENT.search(
        plain
    ):
        return None
    return category


def detect_needs_person(text: str) -> str | None:
    """Cases a person must handle: "asks_human", "data_correction", "slow_dossier", "complaint"."""
    return _first(_NEEDS_PERSON_PLAIN, _plain(text))


def mentions_secret(text: str) -> bool:
    """True when the message seems to contain an OTP, password or passcode value."""
    plain = strip_accents(to_nfc(text)).lower()
    if _SECRET_DIGITS.search(plain) or _MASKED_SECRET.search(plain):
        return True
    for match in _SECRET_VALUE.finditer(plain):
        value = match.group(2).strip(".,!?\"'")
        if value not in _NOT_A_VALUE and len(value) >= 4 and re.search(r"[\d\W_]", value):
            return True
    return False
