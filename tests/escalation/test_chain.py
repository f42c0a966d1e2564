"""Who is alerted next, and the SLA."""

from __future__ import annotations

from datetime import datetime, timedelta

from escalation.chain import (
    Candidate,
    chain_step,
    choose_next,
    due_at,
    is_overdue,
    same_area,
    sla_check_every,
    sla_seconds,
)


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
