"""The transition table: every legal pair, every illegal one, and why a claim is refused."""

from __future__ import annotations

import pytest

from escalation.states import (
    EVENTS,
    STATUSES,
    TRANSITIONS,
    IllegalTransition,
    claim_refusal,
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


def test_claim_refusal_explains_why_politely():
    base = dict(alerted_mentor_id=1, claimed_by_id=None, mentor_id=1, was_offered=True)
    assert claim_refusal(status="alerted", **base) is None
    assert claim_refusal(status="expired", **base) == "closed"
    assert claim_refusal(status="claimed", **{**base, "claimed_by_id": 2}) == "taken"
    assert claim_refusal(status="claimed", **{**base, "claimed_by_id": 1}) == "yours"
    assert claim_refusal(status="alerted", **{**base, "alerted_mentor_id": 2}) == "passed"
    other = {**base, "alerted_mentor_id": 2, "was_offered": False}
    assert claim_refusal(status="alerted", **other) == "not_yours"
