"""`python -m knowledge.answer_bench FILE…`: how often the answer comes first.

For each `answer` item of the eval files: retrieval picks the lesson, then either the old way
(the fused hits of that lesson, joined) or `answer_pick` (the best section, cut to a lead)
makes the first 300 characters; prints the share holding a `must_mention_any` phrase and the
lead's median length. Offline: no Rasa, no gateway.
"""

from __future__ import annotations

import json
import statistics
import sys
import unicodedata
from pathlib import Path

from knowledge.answer_pick import LEAD_CHARS, PickWeights, cut_lead, rank_sections
from knowledge.retriever import Retriever


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold()


def has_phrase(text: str, phrases: list[str]) -> bool:
    folded = _fold(text)
    return any(_fold(p) in folded for p in phrases)


def old_lead(hits: list) -> str:
    lesson = hits[0].passage.lesson_id
    return "\n".join(h.passage.text for h in hits[:3] if h.passage.lesson_id == lesson)


def new_lead(retriever: Retriever, question: str, hits: list,
             weights: PickWeights | None = None) -> str:
    lesson = hits[0].passage.lesson_id
    sections = [p for p in retriever.passages if p.lesson_id == lesson]
    fused = {h.passage.id: h.score for h in hits if h.passage.lesson_id == lesson}
    best = rank_sections(question, sections, fused, weights)[0][0]
    return cut_lead(best.text)


def measure(retriever: Retriever, items: list[dict],
            weights: PickWeights | None = None) -> dict:
    old, new, lengths = [], [], []
    for item in items:
        hits = retriever.assess(item["question"], k=10).hits
        if not hits:
            continue
        old.append(has_phrase(old_lead(list(hits))[:LEAD_CHARS], item["must_mention_any"]))
        lead = new_lead(retriever, item["question"], list(hits), weights)
        lengths.append(len(lead))
        new.append(has_phrase(lead, item["must_mention_any"]))
    return {"items": len(old), "old_lead": round(sum(old) / len(old), 3),
            "new_lead": round(sum(new) / len(new), 3),
            "new_median_chars": statistics.median(lengths)}


def main(argv: list[str]) -> int:
    from config import get_settings
    from knowledge.embed import make_embedder
    from lessons.parse import load_lessons

    settings = get_settings()
    retriever = Retriever.build(load_lessons(), make_embedder(settings.EMBEDDING_MODEL),
                                settings.index_dir)
    for name in argv:
        items = [json.loads(line) for line in Path(name).read_text().splitlines() if line.strip()]
        items = [i for i in items if i.get("expect") == "answer" and i.get("must_mention_any")]
        print(name, json.dumps(measure(retriever, items)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
