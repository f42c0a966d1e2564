"""The hand-off rules (pure): transitions, the chain, SLA, payloads, typed words, alert masking."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from bot import escalation_texts as t
from bot.handoff import (
    EVENTS,
    STATUSES,
    TRANSITIONS,
    Candidate,
    IllegalTransition,
    chain_step,
    choose_next,
    claim_refusal,
    control_payload,
    due_at,
    is_end_request,
    is_mine_request,
    is_overdue,
    parse_control,
    parse_note,
    same_area,
    short_name,
    sla_check_every,
    sla_seconds,
    transition,
)

LEGAL = [
    ("open", "alert", "alerted"),
    ("open", "expire", "expired"),
    ("open", "end", "resolved"),
    ("alerted", "timeout", "alerted"),
    ("alerted", "skip", "alerted"),
    ("alerted", "claim", "claimed"),
    ("alerted", "expire", "expired"),
    ("alerted", "end", "resolved"),
    ("claimed", "relay", "claimed"),
    ("claimed", "note", "claimed"),
    ("claimed", "focus", "claimed"),
    ("claimed", "resolve", "resolved"),
    ("claimed", "end", "resolved"),
    ("claimed", "idle", "resolved"),
    ("resolved", "rate", "resolved"),
    ("resolved", "note", "resolved"),
]
ILLEGAL = [
    (status, event)
    for status in STATUSES
    for event in EVENTS
    if (status, event) not in {(s, e) for s, e, _ in LEGAL}
]


@pytest.mark.parametrize("status, event, after", LEGAL)
def test_handoff_legal_transition(status, event, after):
    assert transition(status, event) == after


def test_handoff_table_is_exactly_the_legal_list():
    assert {(s, e): a for s, e, a in LEGAL} == TRANSITIONS


@pytest.mark.parametrize("status, event", ILLEGAL)
def test_handoff_rejects_illegal_pair(status, event):
    with pytest.raises(IllegalTransition):
        transition(status, event)


@pytest.mark.parametrize(
    "status, event",
    [
        ("open", "claim"),  # nobody was alerted yet
        ("claimed", "claim"),  # a second claim
        ("expired", "claim"),  # the late claim
        ("resolved", "relay"),  # messages after the end go to the assistant
        ("claimed", "rate"),  # rating only once it is over
        ("expired", "rate"),
        ("resolved", "end"),
        ("alerted", "relay"),
        ("alerted", "idle"),  # only a claimed hand-off can go quiet
        ("nonsense", "alert"),
    ],
)
def test_handoff_rejects_the_pairs_that_matter(status, event):
    with pytest.raises(IllegalTransition, match=event):
        transition(status, event)


def mentor(id, area="Thôn Đông", load=0, capacity=3, duty=False, active=True) -> Candidate:
    return Candidate(id, area, capacity, load, duty, active)


CHAIN = [
    mentor(1, load=2),  # the learner's own mentor
    mentor(2, load=1),
    mentor(3, load=0),
    mentor(4, area="Thôn Tây", load=0),
    mentor(9, area="", load=5, capacity=1, duty=True),
]


def next_after(offered: set[int], own: int | None = 1, area: str | None = "thon dong"):
    found = choose_next(CHAIN, own_mentor_id=own, area=area, already_offered=offered)
    return found.id if found else None


def test_chain_starts_with_the_learners_own_mentor():
    assert next_after(set()) == 1


def test_chain_then_area_mentors_least_busy_first_then_duty_officer_then_nothing():
    assert [
        next_after({1}),
        next_after({1, 3}),
        next_after({1, 2, 3}),
        next_after({1, 2, 3, 9}),
    ] == [
        3,
        2,
        9,
        None,
    ]


def test_chain_skips_mentors_at_capacity_and_inactive_but_never_the_duty_officer():
    full = [mentor(1, load=3), mentor(2, active=False), mentor(9, load=7, capacity=1, duty=True)]
    found = choose_next(full, own_mentor_id=1, area="Thôn Đông", already_offered=set())
    assert found.id == 9


def test_chain_without_mentor_or_area_goes_to_the_duty_officer():
    assert next_after(set(), own=None, area=None) == 9
    assert next_after(set(), own=None, area="Thôn Tây") == 4


def test_chain_step_names_how_the_person_was_reached():
    assert chain_step(CHAIN[0], own_mentor_id=1) == "own"
    assert chain_step(CHAIN[2], own_mentor_id=1) == "area"
    assert chain_step(CHAIN[4], own_mentor_id=1) == "duty"


def test_same_area_ignores_case_accents_and_spaces_but_not_emptiness():
    assert same_area("Thôn Đông", "thon  dong")
    assert not same_area("", "")
    assert not same_area("Thôn Đông", "Thôn Tây")


def test_sla_is_shorter_when_urgent_and_checked_often_enough():
    assert sla_seconds(urgent=True, urgent_seconds=600, normal_seconds=7200) == 600
    assert sla_seconds(urgent=False, urgent_seconds=600, normal_seconds=7200) == 7200
    now = datetime(2026, 1, 1, 8, 0)
    assert due_at(now, 600) == now + timedelta(minutes=10)
    assert is_overdue(now, now) and is_overdue(None, now)
    assert not is_overdue(now + timedelta(seconds=1), now)
    assert sla_check_every(600, 7200) == 15.0
    assert sla_check_every(4, 4) == 1.0


@pytest.mark.parametrize(
    "kind, kwargs",
    [
        ("claim", {"escalation_id": 2_147_483_647}),
        ("rate", {"escalation_id": 2_147_483_647, "r": 5}),
        ("link", {"c": "K7QD2P"}),
        ("mine", {}),
    ],
)
def test_payloads_fit_telegram_and_round_trip(kind, kwargs):
    payload = control_payload(kind, kwargs.pop("escalation_id", None), **kwargs)
    assert len(payload.encode()) <= 64 and payload.startswith("/esc_")
    control = parse_control(payload)
    assert control.kind == kind


def test_payload_parsing_refuses_what_it_does_not_know():
    assert parse_control('/esc_claim{"e":12}').escalation_id == 12
    assert parse_control('/esc_rate{"e":12,"r":4}').rating == 4
    assert parse_control('/esc_link{"c":"K7QD2P"}').code == "K7QD2P"
    for bad in ('/esc_hack{"e":1}', '/esc_claim{"e":', "/esc_claim[1]", '/esc_claim{"e":true}'):
        control = parse_control(bad)
        assert control is None or control.escalation_id is None
    with pytest.raises(ValueError):
        control_payload("explode", 1)


def test_claim_refusal_explains_why_politely():
    base = dict(alerted_mentor_id=1, claimed_by_id=None, mentor_id=1, was_offered=True)
    assert claim_refusal(status="alerted", **base) is None
    assert claim_refusal(status="expired", **base) == "closed"
    assert claim_refusal(status="claimed", **{**base, "claimed_by_id": 2}) == "taken"
    assert claim_refusal(status="claimed", **{**base, "claimed_by_id": 1}) == "yours"
    assert claim_refusal(status="alerted", **{**base, "alerted_mentor_id": 2}) == "passed"
    other = {**base, "alerted_mentor_id": 2, "was_offered": False}
    assert claim_refusal(status="alerted", **other) == "not_yours"


def test_typed_control_words():
    assert parse_note("Ghi chú: đã hướng dẫn khóa thẻ") == (None, "đã hướng dẫn khóa thẻ")
    assert parse_note("ghi chu #12 - goi lai chieu nay") == (12, "goi lai chieu nay")
    assert parse_note("ghi chú gì đây") is None
    assert is_end_request("Kết thúc hỗ trợ") and is_end_request("ket thuc.")
    assert not is_end_request("kết thúc rồi mà tiền vẫn mất")
    assert is_mine_request("Việc của tôi") and is_mine_request("viec cua toi")
    assert (
        short_name("Nguyễn Thị Lan", "x") == "Lan" and short_name(None, "Người dân") == "Người dân"
    )


def test_alert_masks_numbers_and_offers_claim_and_skip():
    recent = t.recent_lines(
        [
            ("in", "tôi lỡ đọc mã OTP 482913 cho người gọi"),
            ("out", "🚨 Bác/anh/chị làm ngay các việc sau"),
            ("in", "/request_human"),
            ("in", "số thẻ 4111 1111 1111 1111, cccd 001203004567, mật khẩu là Abc@123"),
        ]
    )
    [alert] = t.alert_bubbles(
        escalation_id=12,
        urgent=True,
        reason="urgent:credentials_given",
        topic="",
        who=t.learner_label("Hoa", "web", "Thôn Đông", own=True),
        recent=recent + "\nsđt 0912345678",
        wait_seconds=600,
    )
    text = alert["text"]
    for secret in ("482913", "4111 1111 1111 1111", "001203004567", "Abc@123", "0912345678"):
        assert secret not in text
    assert "KHẨN" in text and "#12" in text and "10 phút" in text and "/request_human" not in text
    assert "lộ mã OTP" in text and "người anh/chị kèm cặp" in text
    titles = [b["title"] for b in alert["buttons"]]
    payloads = [b["payload"] for b in alert["buttons"]]
    assert titles == ["Nhận hỗ trợ", "Bỏ qua"]
    assert payloads == ['/esc_claim{"e":12}', '/esc_skip{"e":12}']


def test_waits_read_naturally():
    assert [t.describe_wait(s) for s in (4, 600, 7200, 5400)] == [
        "4 giây",
        "10 phút",
        "2 giờ",
        "90 phút",
    ]


def test_learner_bubbles_offer_a_way_out_and_a_rating():
    [opened] = t.opened_for_learner(7, alerted=True, urgent=False, wait=7200)
    assert opened["buttons"][0]["payload"] == '/esc_end{"e":7}'
    ended = t.ended_for_learner(7, "Lan", by_learner=False)
    assert "Lan" in ended[0]["text"]
    assert [b["payload"] for b in ended[1]["buttons"]][-1] == '/esc_rate{"e":7,"r":5}'
    [expired] = t.expired_for_learner(urgent=True)
    assert "113" in expired["text"] and "Xin lỗi" in expired["text"]
