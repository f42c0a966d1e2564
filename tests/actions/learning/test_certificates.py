"""Certificates: a completed domain, a name, a code that checks out on the command line."""

from __future__ import annotations

import json

from actions.learning.certificates import ActionGetCertificate
from actions.learning.messages import parse_name
from actions.runtime import lessons_by_id
from config import get_settings
from storage.learners import get_learner
from storage.lesson_progress import record_quiz_result
from storage.session import session_scope
from tests.actions.learning.trackers import (
    agree,
    followups,
    run,
    texts,
    tracker,
)


def test_certificate_needs_a_completed_domain_then_a_name(db):
    agree(db, "web:i")
    messages, _ = run(ActionGetCertificate(), tracker("web:i", "/get_certificate"))
    assert "chưa hoàn thành trọn chủ đề" in texts(messages)
    with session_scope(db) as session:
        learner = get_learner(session, sender_id="web:i")
        for lesson in (x for x in lessons_by_id().values() if x.domain == "ai"):
            record_quiz_result(session, learner=learner, lesson=lesson, correct=3, total=3)
    _, events = run(ActionGetCertificate(), tracker("web:i", "/get_certificate"))
    assert followups(events) == ["certificate_form"]
    with session_scope(db) as session:
        get_learner(session, sender_id="web:i").display_name = "Nguyễn Văn An"
    messages, _ = run(
        ActionGetCertificate(), tracker("web:i", '/get_certificate{"domain_key":"ai"}')
    )
    text = texts(messages)
    assert "Mã xác minh:" in text and "Nguyễn Văn An" in text and "binhdanhocvuso.gov.vn" in text
    code = text.split("Mã xác minh: ")[1].split()[0]
    assert f"/certificates/{code}" in text
    assert (get_settings().VAR_DIR / "certificates" / f"{code}.pdf").is_file()


def test_parse_name_keeps_letters_only():
    assert parse_name("nguyễn  văn an") == "Nguyễn Văn An"
    assert parse_name("0912345678") is None and parse_name("a") is None


def test_certificate_code_checks_out_on_the_command_line(db, capsys):
    from bot.__main__ import main
    from lessons.certificate import new_code
    from storage.certificates import issue_certificate

    code = new_code()
    agree(db, "web:m")
    with session_scope(db) as session:
        learner = get_learner(session, sender_id="web:m")
        issue_certificate(
            session,
            learner=learner,
            domain="ai",
            holder_name="Trần Thị Bình",
            lessons_count=4,
            mean_score=92,
            issued_on=local_today_for_tests(),
            code=code,
        )
    assert main(["certificates", "verify", code.lower().replace("-", " ")]) == 0
    out = json.loads(capsys.readouterr().out)
    assert (
        out["valid"]
        and out["holder"] == "Trần Thị Bình"
        and out["domain"] == "Trí tuệ nhân tạo (AI)"
    )
    assert main(["certificates", "verify", "ABCD-EFGH"]) == 1


def local_today_for_tests():
    from actions.learning.state import local_today

    return local_today()
