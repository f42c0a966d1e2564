"""`python -m knowledge.scam_bench FILE…`: how well the scam check tells scams from real notices.

Each line: {"text", "label": "scam" | "careful" | "legit"} (or the older `expect`: clear |
careful | none | not_clear). Prints, per file: recall of "có dấu hiệu" (clear or careful) and
of "rõ" on the scams, and the share of legitimate notices given any sign (false alarms).
Offline, pure reading.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from knowledge.scam_signals import detect_signals, unreal_hosts
from knowledge.scam_verdict import CLEAR, NONE, judge
from lessons.brand_domains import brand_lists

# The development table's `expect`: "not_clear" marks a genuine notice that may get "cần cẩn
# thận" but must never be called "rõ"; it counts as legitimate here.
LABEL_OF_EXPECT = {"clear": "scam", "careful": "careful", "none": "legit", "not_clear": "legit"}


def measure(rows: list[dict]) -> dict[str, float | int]:
    lists = brand_lists()
    levels = [judge(detect_signals(r["text"], lists), tuple(unreal_hosts(r["text"], lists))).level
              for r in rows]
    labels = [r.get("label") or LABEL_OF_EXPECT[r["expect"]] for r in rows]
    scams = [lv for lb, lv in zip(labels, levels, strict=True) if lb == "scam"]
    legit = [lv for lb, lv in zip(labels, levels, strict=True) if lb == "legit"]

    def share(values: list[bool]) -> float:
        return round(sum(values) / len(values), 3) if values else 0.0

    return {
        "scams": len(scams),
        "legit": len(legit),
        "scam_any_sign_recall": share([lv != NONE for lv in scams]),
        "scam_clear_recall": share([lv == CLEAR for lv in scams]),
        "legit_flagged": share([lv != NONE for lv in legit]),
        "legit_called_clear": share([lv == CLEAR for lv in legit]),
    }


def main(argv: list[str]) -> int:
    for name in argv:
        rows = [json.loads(line) for line in Path(name).read_text(encoding="utf-8").splitlines()
                if line.strip()]
        print(name, json.dumps(measure(rows)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
