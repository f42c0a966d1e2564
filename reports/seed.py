"""A large made-up commune to time the report on:
`python -m reports.seed --learners 10000 --events 200000 DATABASE_URL`.

Areas, households, mentors and learners, then `--events` rows of activity spread over
September to December 2026: messages (three in four), lesson progress, finished lesson quizzes
and requests for help (no certificates: they carry a person's name). Fixed random seed, bulk
inserts; nothing real in it.

Measured on these 2 cores (SQLite, 2026-12): seeding 10,000 learners and 200,000 events takes
4.2 s; `python -m bot report --period 2026-11` on it 2.8 s (rows 0.5 s, figures 0.9 s, DOCX 0.6 s,
PDF 0.8 s, XLSX 0.2 s; 333 Đại sứ số rows), `--period 2026-Q4` 3.8 s.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import datetime, timedelta

from sqlalchemy import insert, select

from lessons.model import GROUPS
from lessons.parse import load_lessons
from storage.models import (
    Escalation,
    Learner,
    LessonProgress,
    Mentor,
    MessageLog,
    QuizRun,
)
from storage.report_models import Area, Household, HouseholdMember
from storage.session import get_engine, upgrade_database

SPAN_START = datetime(2026, 9, 1)
SPAN_DAYS = 120


def _moment(rng: random.Random) -> datetime:
    return SPAN_START + timedelta(seconds=rng.randrange(SPAN_DAYS * 86400))


def _people(rng: random.Random, learners: int) -> dict[str, list[dict]]:
    areas = [
        {"id": i + 1, "name": f"Thôn {i + 1}", "key": f"thon {i + 1}"}
        | {"adult_population": learners // 8, "households": learners // 20}
        for i in range(12)
    ]
    households = [
        {"id": n + 1, "area_id": a["id"], "label": f"Hộ số {n + 1}", "created_at": SPAN_START}
        for n, a in enumerate(a for a in areas for _ in range(a["households"]))
    ]
    mentors = [
        {"id": i + 1, "name": f"Đại sứ số {i + 1}", "sender_id": f"tg:m{i}", "channel": "tg"}
        | {"area": areas[i % 12]["name"], "capacity": 10, "is_duty_officer": False}
        | {"invite_code": f"S{i:05d}", "active": True, "created_at": SPAN_START}
        for i in range(max(1, learners // 30))
    ]
    people = []
    for i in range(learners):
        area = areas[i % 12]
        joined = _moment(rng)
        people.append(
            {"id": i + 1, "sender_id": f"web:seed{i}", "channel": "web", "created_at": joined}
            | {"last_seen_at": joined, "consent": True, "area": area["name"]}
            | {"target_group": rng.choice([*GROUPS, *["nguoi_dan"] * 5])}
            | {"mentor_id": rng.choice(mentors)["id"] if rng.random() < 0.6 else None}
            | {"vneid_confirmed_at": joined + timedelta(days=20) if rng.random() < 0.3 else None}
        )
    by_area = {a["id"]: [h["id"] for h in households if h["area_id"] == a["id"]] for a in areas}
    members = [
        {"learner_id": p["id"], "household_id": rng.choice(by_area[i % 12 + 1]), "recorded_by": ""}
        | {"created_at": p["created_at"]}
        for i, p in enumerate(people)
        if by_area[i % 12 + 1] and rng.random() < 0.4
    ]
    return {"areas": areas, "households": households, "mentors": mentors, "people": people} | {
        "members": members
    }


def _events(rng: random.Random, people: list[dict], mentors: list[dict], events: int) -> dict:
    lessons = [(lesson.id, lesson.domain) for lesson in load_lessons()]
    progress: dict[tuple[int, str], dict] = {}
    rows: dict[str, list[dict]] = {"messages": [], "runs": [], "escalations": []}
    for _ in range(events):
        person = rng.choice(people)
        at = max(_moment(rng), person["created_at"])
        roll = rng.random()
        if roll < 0.75:
            rows["messages"].append(
                {
                    "learner_id": person["id"],
                    "direction": "in",
                    "text_masked": "…",
                    "created_at": at,
                }
            )
        elif roll < 0.98 and lessons:
            lesson_id, domain = rng.choice(lessons)
            correct = rng.randint(0, 3)
            rows["runs"].append(
                {"learner_id": person["id"], "kind": "lesson", "lesson_id": lesson_id}
                | {"items": ["x:0", "x:1", "x:2"], "position": 3, "correct": correct}
                | {"status": "finished", "keep_record": True, "started_at": at}
                | {"updated_at": at, "finished_at": at}
            )
            row = progress.setdefault(
                (person["id"], lesson_id),
                {"learner_id": person["id"], "lesson_id": lesson_id, "domain": domain}
                | {"step": 3, "quiz_count": 0, "quiz_total": 3, "best_correct": 0}
                | {"passed_at": None, "started_at": at, "updated_at": at},
            )
            row["quiz_count"] += 1
            row["best_correct"] = max(row["best_correct"], correct)
            row["updated_at"] = max(row["updated_at"], at)
            if correct >= 2:
                row["passed_at"] = min(row["passed_at"] or at, at)
        else:
            claimed = at + timedelta(minutes=rng.randint(1, 240)) if rng.random() < 0.8 else None
            rows["escalations"].append(
                {"learner_id": person["id"], "status": "resolved" if claimed else "expired"}
                | {"urgent": False, "reason": "asked", "summary_masked": "", "created_at": at}
                | {"claimed_by_id": rng.choice(mentors)["id"] if claimed else None}
                | {"claimed_at": claimed, "closed_at": claimed and claimed + timedelta(hours=1)}
                | {"rating": rng.randint(3, 5) if claimed and rng.random() < 0.5 else None}
                | {"topic": ""}
            )
    rows["progress"] = list(progress.values())
    return rows


def seed(url: str, learners: int, events: int, rng_seed: int = 14) -> None:
    """Fill an empty database at `url` (migrated here) with the made-up commune."""
    upgrade_database(url)
    rng = random.Random(rng_seed)
    made = _people(rng, learners)
    activity = _events(rng, made["people"], made["mentors"], events)
    engine = get_engine(url)
    with engine.begin() as connection:
        if connection.execute(select(Learner.id).limit(1)).first() is not None:
            raise SystemExit("Cơ sở dữ liệu này đã có người học; hãy dùng một tệp mới.")
        for model, rows in (
            (Area, made["areas"]),
            (Household, made["households"]),
            (Mentor, made["mentors"]),
            (Learner, made["people"]),
            (HouseholdMember, made["members"]),
            (MessageLog, activity["messages"]),
            (QuizRun, activity["runs"]),
            (LessonProgress, activity["progress"]),
            (Escalation, activity["escalations"]),
        ):
            for chunk in range(0, len(rows), 5000):
                connection.execute(insert(model), rows[chunk : chunk + 5000])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m reports.seed", description=__doc__)
    parser.add_argument("--learners", type=int, default=10000)
    parser.add_argument("--events", type=int, default=200000)
    parser.add_argument("database_url", help="e.g. sqlite:///var/seed.db (a new, empty database)")
    args = parser.parse_args(argv)
    began = time.perf_counter()
    seed(args.database_url, args.learners, args.events)
    print(f"{args.learners} người học, {args.events} sự kiện: {time.perf_counter() - began:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
