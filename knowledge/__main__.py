"""`python -m knowledge build|bench`: build the index, or measure retrieval on an eval file.

The index directory and the embedding model come from the settings (INDEX_DIR, EMBEDDING_MODEL),
so this builds the index the bot reads; `--index-dir` / `--model` override them for one run.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from config import Settings, get_settings
from knowledge import bench
from knowledge.embed import make_embedder
from knowledge.retriever import Retriever
from lessons.parse import load_lessons

DEFAULT_EVAL = Path("/work/shared/eval/dev.jsonl")
_TEST_DATA = Path(__file__).resolve().parents[1] / "tests" / "data"
DEFAULT_EXTRA = [_TEST_DATA / "retrieval_eval.jsonl", _TEST_DATA / "retrieval_holdout.jsonl"]
DEFAULT_NEGATIVES = _TEST_DATA / "unanswerable.jsonl"


def build_command(args: argparse.Namespace) -> None:
    """Build (or load, when unchanged) the index and say what is in it."""
    start = time.perf_counter()
    retriever = Retriever.build(load_lessons(), make_embedder(args.model), args.index_dir)
    elapsed = time.perf_counter() - start
    print(
        json.dumps(
            {
                "model": retriever.embedder.name,
                "passages": len(retriever.passages),
                "index_dir": str(args.index_dir),
                "seconds": round(elapsed, 2),
            }
        )
    )


def _answer_items(path: Path) -> list[dict]:
    return [i for i in bench.load_items(path) if i.get("expect", "answer") == "answer"]


def _print_methods(label: str, methods: dict[str, dict]) -> None:
    for name, result in methods.items():
        print(
            f"{label} {name:15} top1 {result['pass_rate']:.3f}  hit@3 {result['hit_at_3']:.3f}"
            f"  lesson_top3 {result['lesson_top3']:.3f}  {result['by_variant']}"
        )
    print(f"{label} hybrid failed:", " ".join(methods["hybrid"]["failed"]) or "-")


def _no_failed(methods: dict[str, dict]) -> dict[str, dict]:
    return {m: {k: v for k, v in r.items() if k != "failed"} for m, r in methods.items()}


def _score_extra(retriever: Retriever, extra: dict[str, list[dict]]) -> dict[str, dict]:
    results = {}
    for stem, items in extra.items():
        methods = bench.score_methods(retriever, items)
        _print_methods(stem, methods)
        results[stem] = {
            "items": len(items),
            "methods": _no_failed(methods),
            "hybrid_failed": methods["hybrid"]["failed"],
        }
    return results


def bench_command(args: argparse.Namespace) -> None:
    """Pass rates per method and variant, decisions, latency, build time and size, memory."""
    lessons, embedder = load_lessons(), make_embedder(args.model)
    items = _answer_items(args.eval)
    extra = {path.stem: _answer_items(path) for path in args.extra_eval}
    every_item = items + [i for extra_items in extra.values() for i in extra_items]
    refuse = [i for i in bench.load_items(args.eval) if i.get("expect") == "refuse"]
    build = bench.time_real_build(lessons, embedder)
    retriever = Retriever.build(lessons, embedder, args.index_dir)
    methods = bench.score_methods(retriever, items)
    _print_methods(args.eval.stem, methods)
    extra_results = _score_extra(retriever, extra)
    negatives = refuse + bench.load_items(args.negatives)
    decisions = bench.score_decisions(retriever, every_item, negatives)
    print("decisions:", json.dumps(decisions, ensure_ascii=False))
    queries = [i["question"] for i in every_item]
    p50, p95 = bench.percentiles_ms(bench.time_calls(retriever.search, queries))
    synthetic = bench.time_synthetic([p.search_text for p in retriever.passages])
    summary = {
        "model": embedder.name,
        "lessons": len(lessons),
        "eval": str(args.eval),
        "answer_items": len(items),
        "methods": _no_failed(methods),
        "hybrid_failed": methods["hybrid"]["failed"],
        "extra_eval": extra_results,
        "decisions": decisions,
        "search_p50_ms": p50,
        "search_p95_ms": p95,
        "search_queries_timed": len(queries) * 3,
        "real_index": build,
        "synthetic_10k": {**synthetic, "note": "random unit vectors, resampled corpus terms"},
        **bench.rss_mb(),
    }
    print(json.dumps(summary, ensure_ascii=False))


def build_parser(settings: Settings) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m knowledge")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, handler in (("build", build_command), ("bench", bench_command)):
        command = sub.add_parser(name)
        command.add_argument("--model", default=settings.EMBEDDING_MODEL)
        command.add_argument("--index-dir", type=Path, default=settings.index_dir)
        command.set_defaults(handler=handler)
        if name == "bench":
            command.add_argument("--eval", type=Path, default=DEFAULT_EVAL)
            command.add_argument("--extra-eval", type=Path, nargs="*", default=DEFAULT_EXTRA)
            command.add_argument("--negatives", type=Path, default=DEFAULT_NEGATIVES)
    return parser


def main(argv: list[str] | None = None) -> None:
    args = build_parser(get_settings()).parse_args(argv)
    args.handler(args)


if __name__ == "__main__":
    main()
