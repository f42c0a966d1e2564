"""Button payloads and typed words that control a hand-off."""

from __future__ import annotations

import pytest

from escalation.commands import (
    control_payload,
    is_end_request,
    is_mine_request,
    parse_control,
    parse_note,
)
from escalation.summary import short_name


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
