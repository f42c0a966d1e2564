"""`python -m knowledge.understanding_bench [FILE]`: what reading the situation costs.

Times, on the same questions in the same run, retrieval's `assess` alone (what every reply
already computed before the situation head) and `assess` followed by the head's reading (which
reuses the query vector: no second model call). Prints medians in milliseconds and the ratio.
Run it on a quiet machine; the numbers are medians of several rounds.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

ROUNDS = 3


def main(argv: list[str]) -> int:
    from config import get_settings
    from knowledge.embed import make_embedder
    from knowledge.retriever import Retriever
    from knowledge.situation import SituationHead
    from knowledge.situation_train import HEAD_FILE
    from lessons.parse import load_lessons

    settings = get_settings()
    default = Path(__file__).resolve().parents[1] / "tests/data/holdout.jsonl"
    path = Path(argv[0]) if argv else default
    questions = [json.loads(line)["question"] for line in path.read_text().splitlines() if line]
    retriever = Retriever.build(load_lessons(), make_embedder(settings.EMBEDDING_MODEL),
                                settings.index_dir)
    head = SituationHead.load(settings.index_dir / HEAD_FILE)
    retriever.assess("khởi động")  # warm up
    baseline, with_head, head_only = [], [], []
    for _ in range(ROUNDS):
        for question in questions:
            started = time.perf_counter()
            assessment = retriever.assess(question)
            middle = time.perf_counter()
            head.read(question, assessment.vector)
            ended = time.perf_counter()
            baseline.append((middle - started) * 1000)
            with_head.append((ended - started) * 1000)
            head_only.append((ended - middle) * 1000)
    result = {
        "questions": len(questions),
        "rounds": ROUNDS,
        "assess_p50_ms": round(statistics.median(baseline), 2),
        "assess_and_head_p50_ms": round(statistics.median(with_head), 2),
        "head_p50_ms": round(statistics.median(head_only), 3),
        "ratio": round(statistics.median(with_head) / statistics.median(baseline), 3),
    }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
