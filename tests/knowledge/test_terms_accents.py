"""BM25 terms and the corpus-vocabulary accent restorer."""

from __future__ import annotations

from knowledge.accents import AccentRestorer
from knowledge.terms import accented_terms, diacritic_ratio, plain_terms

CORPUS = [
    "Bạn đăng ký tài khoản ngân hàng tại quầy giao dịch.",
    "Mở ứng dụng ngân hàng để chuyển khoản cho người thân.",
    "Thẻ căn cước còn hạn thì làm thế nào để đăng ký?",
    "kich hoat vneid, muc 2",  # accent-free keywords are not learned from
]


def test_accented_terms_drop_stopwords_keep_bigrams() -> None:
    terms = accented_terms("Tôi muốn làm thẻ căn cước")
    assert "tôi" not in terms and "căn" in terms and "thẻ_căn" in terms
    assert "tôi_muốn" not in terms  # both words are stop words


def test_plain_terms_are_accent_free_and_keep_ambiguous_forms() -> None:
    terms = plain_terms("Thẻ căn cước của tôi")
    assert "the" in terms and "can" in terms and "the_can" in terms  # thẻ / thế, căn / cần


def test_terms_split_dates_into_parts() -> None:
    assert {"1/7/2025", "7", "2025"} <= set(accented_terms("từ 1/7/2025"))


def test_diacritic_ratio() -> None:
    assert diacritic_ratio("lam the nao") == 0.0
    assert diacritic_ratio("làm thế nào") == 1.0


def test_restorer_uses_context() -> None:
    restorer = AccentRestorer.from_texts(CORPUS)
    assert restorer.restore("chuyen khoan ngan hang") == "chuyển khoản ngân hàng"
    assert restorer.restore("the can cuoc con han") == "thẻ căn cước còn hạn"
    assert restorer.restore("lam the nao") == "làm thế nào"


def test_restorer_keeps_typed_diacritics_and_unknown_words() -> None:
    restorer = AccentRestorer.from_texts(CORPUS)
    assert restorer.restore("tài khoan zalo") == "tài khoản zalo"
    assert restorer.candidates("kich") == ["kich"]  # learned only from accent-free keywords
