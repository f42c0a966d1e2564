"""Pure parts of understanding: typed variants, follow-ups, the answer-first pick, the head."""

from __future__ import annotations

import numpy as np
import pytest

from knowledge.answer_pick import cut_lead, question_kind, rank_sections
from knowledge.chunking import Passage
from knowledge.followup import apply_correction, is_leaning, pick_offered, read_correction
from knowledge.situation import (
    HASH_BINS,
    LABELS,
    FeatureConfig,
    SituationHead,
    Thresholds,
    decide_label,
    message_features,
    sparse_features,
)
from knowledge.variants import add_typos, make_variants, to_teencode


def test_variants_are_deterministic_and_distinct():
    text = "Tôi không đăng nhập được tài khoản ngân hàng rồi"
    first, second = make_variants(text), make_variants(text)
    assert first == second
    assert first["standard"] == text
    assert first["no_diacritics"] == "Toi khong dang nhap duoc tai khoan ngan hang roi"
    assert len({v.casefold() for v in first.values()}) == len(first)


def test_teencode_and_typos_change_the_text_but_keep_its_size():
    text = "Tôi không biết mật khẩu tài khoản của mình là gì"
    assert to_teencode(text) != text
    typo = add_typos(text)
    assert typo != text and abs(len(typo) - len(text)) <= 4


def test_message_without_diacritics_has_no_separate_no_diacritics_variant():
    assert "no_diacritics" not in make_variants("toi da chuyen tien roi")


@pytest.mark.parametrize(
    ("text", "leaning"),
    [
        ("còn iphone thì sao", True),
        ("mất bao lâu", True),
        ("có mất phí ko", True),
        ("ở đâu làm", True),
        ("Làm sao để kích hoạt tài khoản VNeID mức 2 khi tôi đã có căn cước gắn chip", False),
    ],
)
def test_is_leaning(text, leaning):
    assert is_leaning(text) is leaning


@pytest.mark.parametrize(
    ("text", "index"),
    [("cái thứ 2", 1), ("2", 1), ("cái đầu tiên", 0), ("cái cuối", 2), ("khai sinh", 1),
     ("thứ ba", 2), ("hôm nay trời đẹp quá nhỉ các cháu", None)],
)
def test_pick_offered(text, index):
    titles = ["Kích hoạt VNeID mức 2", "Đăng ký khai sinh online", "Lý lịch tư pháp"]
    assert pick_offered(text, titles) == index


def test_correction_replaces_the_wrong_words():
    wrong, meant = read_correction("không phải VNeID, ý tôi là VssID")
    assert (wrong, meant) == ("vneid", "vssid")
    assert apply_correction("cài VNeID thế nào", wrong, meant) == "cai vssid the nao"
    assert read_correction("ý tôi là làm cho con") == ("", "lam cho con")
    assert read_correction("cảm ơn nhé") is None


@pytest.mark.parametrize(
    ("question", "kind"),
    [("làm lý lịch tư pháp mất bao lâu", "how_long"), ("có mất phí ko", "how_much"),
     ("làm căn cước ở đâu", "where"), ("VNeID là gì", "what_is"),
     ("quên mật khẩu vneid thì làm sao", "how"), ("có dùng được không", "yes_no")],
)
def test_question_kind(question, kind):
    assert question_kind(question) == kind


def _passage(pid: str, kind: str, heading: str, text: str) -> Passage:
    return Passage(pid, "l1", "Bài", kind, heading, text, text, "", "", "vneid")


def test_rank_sections_prefers_the_faq_that_asks_the_same_and_the_kind_asked_for():
    sections = [
        _passage("l1#summary", "summary", "", "VNeID là ứng dụng định danh."),
        _passage("l1#faq1", "faq", "Đổi mật khẩu VNeID ở đâu?", "Vào Cá nhân → Đổi mật khẩu."),
        _passage("l1#faq2", "faq", "Quên mật khẩu VNeID thì làm sao?",
                 "Bấm \"Quên mật khẩu\" ở màn hình đăng nhập."),
        _passage("l1#faq3", "faq", "Mã xác thực để được bao lâu?", "Khoảng 3 phút."),
    ]
    # retrieval's order leads; near ties go to the FAQ that asks the same and the kind asked
    fused = {"l1#faq1": 1.0, "l1#faq2": 0.9, "l1#summary": 0.95, "l1#faq3": 0.8}
    assert rank_sections("quên mật khẩu vneid", sections, fused)[0][0].id == "l1#faq2"
    assert rank_sections("mã xác thực mất bao lâu", sections, fused)[0][0].id == "l1#faq3"
    far = {"l1#faq1": 1.0, "l1#faq2": 0.2}
    assert rank_sections("quên mật khẩu vneid", sections, far)[0][0].id == "l1#faq1"


def test_cut_lead_keeps_whole_sentences_under_the_limit():
    text = "Câu một ngắn. " + "Câu hai dài " * 30 + "."
    assert cut_lead(text, 50) == "Câu một ngắn."
    assert cut_lead("x " * 200, 20).endswith("…") and len(cut_lead("x " * 200, 20)) <= 20


def test_sparse_features_hash_the_accent_free_words():
    same = sparse_features("Tôi đã chuyển tiền rồi")
    assert same.shape == (HASH_BINS,)
    assert np.allclose(same, sparse_features("toi da chuyen tien roi"))
    assert np.isclose(np.linalg.norm(same), 1.0)


def test_decide_label_puts_harm_first_and_lowers_its_bar_in_context():
    probs = dict.fromkeys(LABELS, 0.0) | {"question": 0.55, "harm": 0.4, "out_of_scope": 0.05}
    thresholds = Thresholds(harm=0.5, harm_in_context=0.3)
    assert decide_label(probs, thresholds, in_context=False) == "question"
    assert decide_label(probs, thresholds, in_context=True) == "harm"


def test_head_round_trips_through_npz(tmp_path):
    classes = ["harm/money_lost", "question/vneid"]
    dim = 4 + HASH_BINS + 6
    coef = np.zeros((2, dim), dtype=np.float32)
    coef[0, :4] = 5.0  # dense direction (1,1,1,1) means harm
    head = SituationHead(classes, coef, np.zeros(2), Thresholds(), FeatureConfig(), "e", "h1")
    head.save(tmp_path / "head.npz")
    loaded = SituationHead.load(tmp_path / "head.npz")
    assert loaded.classes == classes and loaded.data_hash == "h1"
    harm = loaded.read("abc", np.full(4, 0.5, dtype=np.float32))
    calm = loaded.read("abc", np.full(4, -0.5, dtype=np.float32))
    assert (harm.label, harm.kind) == ("harm", "money_lost")
    assert calm.label == "question"
    row = message_features("abc", np.zeros(4), FeatureConfig())
    assert row.shape == (dim,)


def test_a_repair_of_the_last_question_gives_what_was_meant():
    from knowledge.followup import read_correction

    assert read_correction("à xin lỗi, tôi hỏi mức 2 cơ") == ("", "muc 2 co")
    assert read_correction("nhầm, ý em là làm khai tử") == ("", "lam khai tu")
    assert read_correction("À không, cho tôi hỏi phiếu số 2") == ("", "phieu so 2")
    assert read_correction("không đăng nhập được vneid") is None  # a question, not a repair


def test_scoring_with_rules_counts_what_the_kept_rules_catch():
    from knowledge.situation_train import with_rules

    rows = [{"text": "tôi bị lừa chuyển khoản mất 5 triệu rồi", "label": "harm"},
            {"text": "vneid là gì", "label": "question"}]
    assert with_rules(rows, ["question", "question"])["trouble_recall"] == 1.0  # the rule
    assert with_rules(rows, ["harm", "question"]) == {"trouble_recall": 1.0,
                                                      "questions_alarmed": 0.0}
