"""Mentors, offers and conditional status changes on a real database (SQLite; PostgreSQL too)."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from sqlalchemy import inspect

from storage.escalations import (
    claim,
    close,
    get_escalation,
    list_due,
    list_offers,
    offer,
    offered_mentor_ids,
    open_escalation,
    rate,
)
from storage.learners import get_or_create_learner
from storage.mentors import (
    add_mentor,
    code_from_text,
    deactivate_mentor,
    find_mentor,
    get_mentor,
    get_mentor_by_code,
    least_loaded_in_area,
    link_learner,
    mentee_counts,
    mentor_loads,
    mentor_report,
    mentor_sender_id,
)
from storage.models import Learner, utcnow
from storage.session import get_engine, session_scope


def make_mentor(session, user_id: str, **kwargs):
    defaults = dict(name=f"Đại sứ {user_id}", channel="telegram", area="Thôn Đông")
    return add_mentor(session, user_id=user_id, **{**defaults, **kwargs})


def open_for(session, sender_id: str, **kwargs):
    learner = get_or_create_learner(session, sender_id=sender_id)
    defaults = dict(reason="asked", urgent=False, summary="")
    escalation, _ = open_escalation(session, learner=learner, **{**defaults, **kwargs})
    return escalation


def test_migration_adds_offers_topic_and_focus(database_url):
    inspector = inspect(get_engine(database_url))
    assert "escalation_offers" in inspector.get_table_names()
    columns = {c["name"] for c in inspector.get_columns("escalations")}
    assert {"topic", "focus_at"} <= columns


def test_mentor_sender_ids_and_codes():
    assert mentor_sender_id("telegram", "123") == "tg:123"
    assert mentor_sender_id("web", "web:lan") == "web:lan"
    with pytest.raises(ValueError):
        mentor_sender_id("sms", "1")
    assert code_from_text("m_k7qd2p") == "K7QD2P"
    assert code_from_text("mã kết nối của tôi là M-K7QD2P nhé") == "K7QD2P"
    assert code_from_text("K7QD2P") == "K7QD2P"
    assert code_from_text("vneid muc 2") is None and code_from_text("thanks") is None


def test_add_mentor_is_idempotent_and_gives_a_unique_code(database_url):
    with session_scope(database_url) as session:
        first = make_mentor(session, "1")
        again = make_mentor(session, "tg:1", name="Chị Lan", capacity=4)
        other = make_mentor(session, "2")
        assert first.id == again.id and again.name == "Chị Lan" and again.capacity == 4
        assert first.invite_code != other.invite_code and len(first.invite_code) == 6
        assert get_mentor_by_code(session, code=first.invite_code.lower()).id == first.id
        assert find_mentor(session, key="1").id == first.id
        assert find_mentor(session, key=f"#{other.id}").id == other.id
        with pytest.raises(ValueError):
            make_mentor(session, "3", capacity=0)


def test_link_by_code_records_consent_but_cli_assignment_does_not(database_url):
    with session_scope(database_url) as session:
        lan = make_mentor(session, "1")
        chatting = get_or_create_learner(session, sender_id="web:a")
        registered = get_or_create_learner(session, sender_id="web:b")
        link_learner(session, learner=chatting, mentor=lan)
        link_learner(session, learner=registered, mentor=lan, agreed=False)
        assert chatting.consent is True and chatting.consent_at is not None
        assert registered.consent is None
        assert mentee_counts(session) == {lan.id: 2}


def test_area_assignment_picks_the_mentor_with_fewest_mentees(database_url):
    with session_scope(database_url) as session:
        busy = make_mentor(session, "1")
        free = make_mentor(session, "2", area="thon dong")
        make_mentor(session, "9", area="", is_duty_officer=True)
        link_learner(
            session, learner=get_or_create_learner(session, sender_id="web:x"), mentor=busy
        )
        assert least_loaded_in_area(session, area="Thôn Đông").id == free.id
        assert least_loaded_in_area(session, area="Thôn Tây") is None


def test_removing_a_mentor_unlinks_mentees_and_stops_alerts(database_url):
    with session_scope(database_url) as session:
        lan = make_mentor(session, "1")
        learner = get_or_create_learner(session, sender_id="web:a")
        link_learner(session, learner=learner, mentor=lan)
        assert deactivate_mentor(session, mentor=lan) == 1
        assert get_mentor(session, sender_id="tg:1") is None
        assert session.get(Learner, learner.id).mentor_id is None


def test_offer_claim_close_rate_are_conditional(database_url):
    with session_scope(database_url) as session:
        lan, binh = make_mentor(session, "1"), make_mentor(session, "2")
        escalation = open_for(session, "web:a")
        due = utcnow() + timedelta(minutes=10)
        assert offer(session, escalation=escalation, mentor_id=lan.id, status="alerted", due_at=due)
        stale = get_escalation(session, escalation.id)
        assert mentor_loads(session) == {lan.id: 1}
        # the SLA job passes it on: the offer to Lan is closed as timed out
        assert offer(
            session, escalation=escalation, mentor_id=binh.id, status="alerted", due_at=due
        )
        assert [o.outcome for o in list_offers(session, escalation=escalation)] == [
            "timed_out",
            "offered",
        ]
        assert offered_mentor_ids(session, escalation=escalation) == {lan.id, binh.id}
        assert not claim(session, escalation=escalation, mentor_id=lan.id, status="claimed")
        assert claim(session, escalation=stale, mentor_id=binh.id, status="claimed")
        assert not claim(session, escalation=stale, mentor_id=binh.id, status="claimed")
        assert mentor_loads(session) == {binh.id: 1}
        assert not rate(session, escalation=escalation, rating=5)  # not over yet
        assert close(session, escalation=escalation, status="resolved")
        assert rate(session, escalation=escalation, rating=5)
        assert not rate(session, escalation=escalation, rating=1)
        assert get_escalation(session, escalation.id).rating == 5


def test_expiry_does_not_undo_a_re_alert_made_meanwhile(database_url):
    with session_scope(database_url) as session:
        lan, binh = make_mentor(session, "1"), make_mentor(session, "2")
        escalation = open_for(session, "web:a")
        due = utcnow()
        offer(session, escalation=escalation, mentor_id=lan.id, status="alerted", due_at=due)
        escalation_id = escalation.id
    with session_scope(database_url) as session:
        seen_by_job = get_escalation(session, escalation_id)  # still offered to Lan here
        with session_scope(database_url) as other:  # another gateway passes it on first
            fresh = get_escalation(other, escalation_id)
            offer(other, escalation=fresh, mentor_id=binh.id, status="alerted", due_at=due)
        assert seen_by_job.alerted_mentor_id == lan.id
        assert not close(session, escalation=seen_by_job, status="expired", same_offer=True)
    with session_scope(database_url) as session:
        assert get_escalation(session, escalation_id).status == "alerted"


def test_only_one_of_two_simultaneous_claims_wins(database_url):
    """Two mentors' sessions press at the same moment; the conditional UPDATE lets one win."""
    with session_scope(database_url) as session:
        lan = make_mentor(session, "1")
        escalation = open_for(session, "web:race")
        due = utcnow() + timedelta(minutes=10)
        offer(session, escalation=escalation, mentor_id=lan.id, status="alerted", due_at=due)
        escalation_id = escalation.id
    barrier = threading.Barrier(4)
    results: list[bool] = []

    def press() -> None:
        with session_scope(database_url) as session:
            seen = get_escalation(session, escalation_id)
            assert seen.status == "alerted"
            barrier.wait(timeout=10)
            results.append(claim(session, escalation=seen, mentor_id=lan.id, status="claimed"))

    threads = [threading.Thread(target=press) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert sorted(results) == [False, False, False, True]


def test_due_list_holds_overdue_and_open_escalations(database_url):
    with session_scope(database_url) as session:
        lan = make_mentor(session, "1")
        waiting = open_for(session, "web:a")
        overdue = open_for(session, "web:b")
        still_open = open_for(session, "web:c")
        now = utcnow()
        later, earlier = now + timedelta(minutes=5), now - timedelta(seconds=1)
        offer(session, escalation=waiting, mentor_id=lan.id, status="alerted", due_at=later)
        offer(session, escalation=overdue, mentor_id=lan.id, status="alerted", due_at=earlier)
        assert list_due(session, now=now) == [overdue.id, still_open.id]


def test_report_counts_mentees_handled_time_to_claim_and_ratings(database_url):
    with session_scope(database_url) as session:
        lan = make_mentor(session, "1")
        for n in range(5):
            learner = get_or_create_learner(session, sender_id=f"web:m{n}")
            link_learner(session, learner=learner, mentor=lan)
        for n, stars in ((0, 5), (1, 3)):
            escalation = open_for(session, f"web:m{n}")
            due = utcnow() + timedelta(minutes=10)
            offer(session, escalation=escalation, mentor_id=lan.id, status="alerted", due_at=due)
            claim(session, escalation=escalation, mentor_id=lan.id, status="claimed")
            close(session, escalation=escalation, status="resolved")
            rate(session, escalation=escalation, rating=stars)
        [figures] = mentor_report(session)
        assert (figures.mentees, figures.offered, figures.handled, figures.resolved) == (5, 2, 2, 2)
        assert figures.rating_avg == 4.0 and figures.ratings == 2
        assert figures.median_claim_seconds is not None and figures.median_claim_seconds < 5
