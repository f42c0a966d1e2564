"""Score a question file the way ../shared/eval/README.md says (pure scoring + a runner)."""

from __future__ import annotations

import json
import statistics
import time
import unicodedata
import uuid
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

DECISIONS = ("answer", "escalate", "refuse")


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold()


def reply_text(bubbles: list[dict]) -> str:
    """All bubbles joined, buttons included."""
    parts = []
    for bubble in bubbles:
        parts.append(bubble.get("text") or "")
        parts.extend(b.get("title", "") for b in bubble.get("buttons") or ())
    return "\n".join(parts)


def reply_decision(bubbles: list[dict]) -> str:
    for bubble in reversed(bubbles):
        if bubble.get("decision"):
            return str(bubble["decision"])
    return "answer"


def score_item(item: dict, bubbles: list[dict]) -> dict:
    """Pass/fail of one item with the reasons."""
    text = _fold(reply_text(bubbles))
    wanted = item.get("must_mention_any") or []
    has_wanted = not wanted or any(_fold(p) in text for p in wanted)
    forbidden = [p for p in item.get("must_not_mention") or [] if _fold(p) in text]
    decision = reply_decision(bubbles)
    passed = has_wanted and not forbidden and decision == item["expect"]
    return {
        "id": item["id"],
        "passed": passed,
        "decision": decision,
        "has_wanted": has_wanted,
        "forbidden": forbidden,
    }


def _percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def summarise(items: list[dict], results: list[dict], latencies_ms: list[float]) -> dict:
    """Pass rates overall and by variant/topic/expect, the decision confusion, latency, failures."""
    groups: dict[str, dict[str, list[bool]]] = {
        "variant": defaultdict(list),
        "topic": defaultdict(list),
        "expect": defaultdict(list),
    }
    confusion: dict[str, dict[str, int]] = {e: dict.fromkeys(DECISIONS, 0) for e in DECISIONS}
    for item, result in zip(items, results, strict=True):
        for key, bucket in groups.items():
            bucket[item[key]].append(result["passed"])
        confusion[item["expect"]][result["decision"]] = (
            confusion[item["expect"]].get(result["decision"], 0) + 1
        )

    def rate(values: list[bool]) -> float:
        return round(sum(values) / len(values), 3) if values else 0.0

    return {
        "items": len(items),
        "pass_rate": rate([r["passed"] for r in results]),
        "by_variant": {k: rate(v) for k, v in sorted(groups["variant"].items())},
        "by_topic": {k: rate(v) for k, v in sorted(groups["topic"].items())},
        "by_expect": {k: rate(v) for k, v in sorted(groups["expect"].items())},
        "decision_confusion": confusion,
        "p50_ms": round(statistics.median(latencies_ms), 1) if latencies_ms else 0.0,
        "p95_ms": round(_percentile(latencies_ms, 0.95), 1),
        "failed": [r["id"] for r in results if not r["passed"]],
    }


def run_eval(path: Path, ask: Callable[[str, str], list[dict]]) -> tuple[dict, list[dict]]:
    """Ask every question as a fresh conversation; return the summary and per-item results."""
    items = [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    results, latencies = [], []
    for item in items:
        sender = f"web:eval-{uuid.uuid4().hex[:12]}"
        started = time.perf_counter()
        bubbles = ask(sender, item["question"])
        latencies.append((time.perf_counter() - started) * 1000)
        results.append({**score_item(item, bubbles), "reply": reply_text(bubbles)[:600]})
    return summarise(items, results, latencies), results
