"""Score a question file the way ../shared/eval/README.md says (pure scoring + a runner)."""

from __future__ import annotations

import json
import statistics
import time
import unicodedata
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

DECISIONS = ("answer", "escalate", "refuse")
LEAD_CHARS = 300  # the answer must come first: a key phrase within this many characters


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold()


def reply_text(bubbles: list[dict]) -> str:
    """All bubbles joined, buttons included."""
    parts = []
    for bubble in bubbles:
        parts.append(bubble.get("text") or "")
        parts.extend(b.get("title", "") for b in bubble.get("buttons") or ())
    return "\n".join(parts)


def reply_body(bubbles: list[dict]) -> str:
    """The text the person reads, bubble after bubble (no button titles)."""
    return "\n".join(bubble.get("text") or "" for bubble in bubbles)


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
    body = reply_body(bubbles)
    head = _fold(body[:LEAD_CHARS])
    return {
        "id": item["id"],
        "passed": passed,
        "decision": decision,
        "has_wanted": has_wanted,
        "forbidden": forbidden,
        "lead": bool(wanted) and any(_fold(p) in head for p in wanted),
        "chars": len(body),
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

    answers = [
        (item, result)
        for item, result in zip(items, results, strict=True)
        if item["expect"] == "answer"
    ]
    scored_lead = [r.get("lead", False) for item, r in answers if item.get("must_mention_any")]
    lengths = [r["chars"] for _, r in answers if "chars" in r]

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
        "lead": rate(scored_lead),
        "median_chars": round(statistics.median(lengths)) if lengths else 0,
    }


def read_items(path: Path) -> list[dict]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def dialogue_as_item(dialogue: dict) -> dict:
    """A dialogue scored like a question: its last turn, with the dialogue's kind as topic."""
    return {
        "id": dialogue["id"],
        "topic": dialogue.get("kind", "dialogue"),
        "variant": dialogue.get("kind", "dialogue"),
        "question": dialogue["turns"][-1],
        "context": dialogue["turns"][:-1],
        "must_mention_any": dialogue.get("final_must_mention_any") or [],
        "must_not_mention": dialogue.get("final_must_not_mention") or [],
        "expect": dialogue["final_expect"],
    }


def run_eval(
    path: Path,
    ask: Callable[[str, str], list[dict]],
    new_sender: Callable[[], str],
    *,
    dialogues: bool = False,
) -> tuple[dict, list[dict]]:
    """Ask every item as a fresh conversation (`new_sender()`, a dialogue's earlier turns first);
    only the reply to the last message is scored and timed. Returns the summary and results."""
    items = read_items(path)
    if dialogues:
        items = [dialogue_as_item(d) for d in items]
    results, latencies = [], []
    for item in items:
        sender = new_sender()
        ask(sender, "/greet")  # a conversation opens as on Telegram's Start: greeting, AI notice
        for turn in item.get("context", ()):
            ask(sender, turn)
        started = time.perf_counter()
        bubbles = ask(sender, item["question"])
        latencies.append((time.perf_counter() - started) * 1000)
        results.append({**score_item(item, bubbles), "reply": reply_text(bubbles)[:600]})
    return summarise(items, results, latencies), results
