"""Areas, households, VNeID confirmation and the anonymous tombstone left by a deletion."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from storage.areas import (
    add_household,
    find_area,
    household_of,
    join_household,
    list_households,
    save_area,
)
from storage.learners import get_or_create_learner, record_vneid_confirmation
from storage.models import LessonProgress
from storage.privacy import delete_learner_data
from storage.report_models import ReportTombstone, TombstoneEvent
from storage.session import session_scope


def test_areas_are_matched_without_accents_and_updated_in_place(database_url):
    with session_scope(database_url) as session:
        first = save_area(session, name="Thôn  Đông", adult_population=10, households=4)
        again = save_area(session, name="thon dong", adult_population=12, households=5)
        assert first.id == again.id and again.adult_population == 12
        assert find_area(session, name="THÔN ĐÔNG").id == first.id
        with pytest.raises(ValueError):
            save_area(session, name=" ")


def test_households_one_per_learner_and_counted(database_url):
    with session_scope(database_url) as session:
        area = save_area(session, name="Thôn Tây")
        one, two = (
            add_household(session, area=area, label="Số 1"),
            add_household(session, area=area, label="Số 2"),
        )
        learner = get_or_create_learner(session, sender_id="web:a")
        join_household(session, learner=learner, household=one, recorded_by="learner")
        join_household(session, learner=learner, household=two, recorded_by="tg:9")
        assert household_of(session, learner=learner).id == two.id
        assert learner.area == "Thôn Tây"  # taken from the household when unknown
        assert [(h.label, n) for h, n in list_households(session, area=area)] == [
            ("Số 1", 0),
            ("Số 2", 1),
        ]


def test_vneid_confirmation_is_dated_and_says_who_reported_it(database_url):
    with session_scope(database_url) as session:
        learner = get_or_create_learner(session, sender_id="web:b")
        record_vneid_confirmation(session, learner=learner, reported_by="mentor")
        assert learner.vneid_confirmed_at is not None and learner.vneid_reported_by == "mentor"
        with pytest.raises(ValueError):
            record_vneid_confirmation(session, learner=learner, reported_by="someone")


def test_deletion_leaves_an_unlinked_tombstone_once(database_url):
    with session_scope(database_url) as session:
        area = save_area(session, name="Thôn Nam")
        learner = get_or_create_learner(session, sender_id="web:c")
        learner.area, learner.target_group = "Thôn Nam", "cbccvc"
        join_household(
            session,
            learner=learner,
            household=add_household(session, area=area, label="1"),
            recorded_by="learner",
        )
        record_vneid_confirmation(session, learner=learner, reported_by="learner")
        session.add(
            LessonProgress(
                learner_id=learner.id, lesson_id="l1", domain="ai", passed_at=learner.created_at
            )
        )
        session.flush()
        delete_learner_data(session, learner=learner)
        assert household_of(session, learner=learner) is None
        assert learner.vneid_confirmed_at is None
        delete_learner_data(session, learner=learner)  # twice: still one tombstone
    with session_scope(database_url) as session:
        (tomb,) = session.scalars(select(ReportTombstone)).all()
        assert (tomb.area, tomb.target_group) == ("Thôn Nam", "cbccvc")
        assert tomb.vneid_confirmed_at is not None and tomb.household_id is not None
        kinds = sorted(e.kind for e in session.scalars(select(TombstoneEvent)))
        assert kinds == ["active", "lesson"]
        assert len(tomb.token) == 32 and "web:c" not in tomb.token  # nothing links it back
