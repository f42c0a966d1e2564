"""Confidence and decision rules, and the logistic fit."""

from __future__ import annotations

from types import SimpleNamespace

from knowledge.assess import Calibration, assess_hits, decide, fit_calibration


def _hits(*lessons: str, scores: tuple[float, ...] = (1.0, 0.5, 0.4)) -> list[SimpleNamespace]:
    return [SimpleNamespace(passage=SimpleNamespace(lesson_id=lesson), score=score)
            for lesson, score in zip(lessons, scores, strict=False)]


def test_confidence_grows_with_every_feature() -> None:
    calibration = Calibration()
    low = calibration.confidence({"dense": 0.84, "agreement": 0.33, "coverage": 0.0})
    high = calibration.confidence({"dense": 0.93, "agreement": 1.0, "coverage": 0.5})
    assert 0.0 <= low < 0.3 < 0.6 < high <= 1.0


def test_decide_bands() -> None:
    calibration = Calibration(answer_at=0.6, clarify_at=0.3)
    two = _hits("a", "b")
    assert decide(0.9, two, calibration) == "answer"
    assert decide(0.45, two, calibration) == "clarify"
    assert decide(0.45, _hits("a"), calibration) == "unsure"
    assert decide(0.1, two, calibration) == "unsure"
    assert decide(0.9, _hits("a", "b", scores=(1.0, 0.97)), calibration) == "clarify"


def test_assess_hits_without_hits_is_unsure() -> None:
    assessment = assess_hits("?", [], [], {"dense": 0.99})
    assert (assessment.decision, assessment.confidence, assessment.best) == ("unsure", 0.0, None)


def test_fit_calibration_separates_a_toy_set() -> None:
    good = [{"dense": 0.92 + i / 1000, "agreement": 1.0, "coverage": 0.5} for i in range(20)]
    bad = [{"dense": 0.83 + i / 1000, "agreement": 0.33, "coverage": 0.0} for i in range(20)]
    fitted = fit_calibration(good + bad, [1] * 20 + [0] * 20)
    assert fitted.weights["dense"] > 0
    assert fitted.confidence(good[0]) > 0.8 > 0.2 > fitted.confidence(bad[0])
