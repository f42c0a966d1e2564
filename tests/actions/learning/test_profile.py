"""Consent and profile: the onboarding form reads buttons and typed words alike."""

from __future__ import annotations

from actions.learning.profile import ValidateOnboardingForm
from storage.learners import get_learner
from storage.session import session_scope
from tests.actions.learning.trackers import (
    run,
    slots,
    tracker,
)


def test_onboarding_reads_typed_consent_and_group_and_stores_them(db):
    form = ValidateOnboardingForm()
    _, events = run(form, tracker("web:b", "đồng ý", candidates={"consent_answer": "đồng ý"}))
    assert slots(events) == {"consent_answer": "yes"}
    _, events = run(form, tracker("web:b", "sinh vien", candidates={"learner_group": "sinh vien"}))
    assert slots(events) == {"learner_group": "hoc_sinh"}
    _, events = run(form, tracker("web:b", "0912345678", candidates={"learner_area": "0912345678"}))
    assert slots(events) == {"learner_area": None}  # asked again: no phone numbers
    with session_scope(db) as session:
        learner = get_learner(session, sender_id="web:b")
        assert (
            learner.consent is True and learner.target_group == "hoc_sinh" and learner.area is None
        )


def test_declining_consent_skips_the_profile_questions(db):
    _, events = run(
        ValidateOnboardingForm(), tracker("web:c", "khong", candidates={"consent_answer": "khong"})
    )
    assert slots(events) == {
        "consent_answer": "no",
        "learner_group": "skip",
        "learner_area": "skip",
    }
    with session_scope(db) as session:
        assert get_learner(session, sender_id="web:c").consent is False
