"""A small commune with known answers (times are naive UTC; November 2026 local = the period).

Thôn Đông: 5 learners, all mentored by Lan (5 mentees: a Đại sứ số); d0 passed every lesson (two
domains mastered: the basic level), confirmed on VNeID, and asked for help once (claimed after
30 minutes, resolved, rated 5); d0 and d1 share a household, d2 has another.
Thôn Tây: 4 learners of Minh (4 mentees: not yet); w3 passed lesson l1, wrote twice, then deleted
their data. Thôn Bắc: no one. Nothing at all happened in September.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from storage.areas import add_household, join_household, save_area
from storage.learners import record_vneid_confirmation
from storage.mentors import add_mentor
from storage.models import Escalation, Learner, LessonProgress, MessageLog, QuizRun
from storage.privacy import delete_learner_data
from storage.session import session_scope

CATALOGUE = {"l1": "thiet_bi", "l2": "thiet_bi", "l3": "an_toan"}
JOINED = datetime(2026, 10, 1, 3)
NOV = datetime(2026, 11, 10, 3)


def _learner(session, sender: str, area: str, mentor, group: str = "nguoi_dan") -> Learner:
    learner = Learner(
        sender_id=sender,
        channel="web",
        created_at=JOINED,
        area=area,
        target_group=group,
        mentor_id=mentor.id,
    )
    session.add(learner)
    session.flush()
    return learner


def _passed(session, learner: Learner, lesson: str, at: datetime) -> None:
    session.add(
        LessonProgress(
            learner_id=learner.id,
            lesson_id=lesson,
            domain=CATALOGUE[lesson],
            quiz_count=1,
            quiz_total=3,
            best_correct=3,
            passed_at=at,
            started_at=at,
            updated_at=at,
        )
    )
    session.add(
        QuizRun(
            learner_id=learner.id,
            kind="lesson",
            lesson_id=lesson,
            items=[f"{lesson}:0", f"{lesson}:1", f"{lesson}:2"],
            position=3,
            correct=3,
            status="finished",
            started_at=at,
            updated_at=at,
            finished_at=at,
        )
    )


def _wrote(session, learner: Learner, at: datetime) -> None:
    session.add(MessageLog(learner_id=learner.id, direction="in", text_masked="…", created_at=at))


@pytest.fixture
def commune(database_url: str) -> str:
    with session_scope(database_url) as session:
        dong = save_area(session, name="Thôn Đông", adult_population=100, households=40)
        save_area(session, name="Thôn Tây", adult_population=50, households=20)
        save_area(session, name="Thôn Bắc", adult_population=30, households=10)
        lan = add_mentor(session, name="Lan", channel="telegram", user_id="1", area="Thôn Đông")
        minh = add_mentor(session, name="Minh", channel="telegram", user_id="2", area="thon tay")
        east = [_learner(session, f"web:d{i}", "Thôn Đông", lan) for i in range(5)]
        west = [_learner(session, f"web:w{i}", "Thôn Tây", minh) for i in range(4)]
        for i, lesson in enumerate(CATALOGUE):
            _passed(session, east[0], lesson, datetime(2026, 11, 3 + i, 2))
        record_vneid_confirmation(
            session, learner=east[0], reported_by="mentor", at=datetime(2026, 11, 20)
        )
        first, second = (
            add_household(session, area=dong, label="Số 1"),
            add_household(session, area=dong, label="Số 2"),
        )
        join_household(session, learner=east[0], household=first, recorded_by="learner")
        join_household(session, learner=east[1], household=first, recorded_by="tg:1")
        join_household(session, learner=east[2], household=second, recorded_by="tg:1")
        for learner in (east[0], east[1], west[0]):
            _wrote(session, learner, NOV)
        _wrote(session, west[3], NOV)
        _wrote(session, west[3], datetime(2026, 11, 11, 3))
        _passed(session, west[3], "l1", NOV)
        session.add_all(
            [
                Escalation(
                    learner_id=east[0].id,
                    status="resolved",
                    reason="asked",
                    created_at=datetime(2026, 11, 2, 3),
                    claimed_by_id=lan.id,
                    claimed_at=datetime(2026, 11, 2, 3, 30),
                    closed_at=datetime(2026, 11, 2, 4),
                    rating=5,
                ),
                Escalation(
                    learner_id=west[1].id,
                    status="resolved",
                    reason="asked",
                    created_at=datetime(2026, 10, 5),
                    claimed_by_id=minh.id,
                    claimed_at=datetime(2026, 10, 5, 1),
                    closed_at=datetime(2026, 10, 5, 2),
                ),
            ]
        )
    with session_scope(database_url) as session:
        gone = session.query(Learner).filter_by(sender_id="web:w3").one()
        delete_learner_data(session, learner=gone)
    return database_url
