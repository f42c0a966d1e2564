"""`python -m bot run | gateway | ask | eval | chat | train | mentors … | certificates verify |
areas … | households … | report --period 2026-11`."""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import signal
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx

from config import Settings, get_settings


def _gateway_url(settings: Settings) -> str:
    return f"http://{settings.BOT_HOST}:{settings.BOT_PORT}"


def _gateway_is_up(settings: Settings) -> bool:
    try:
        url = f"{_gateway_url(settings)}/api/inbox?sender=healthcheck"
        return httpx.get(url, timeout=2).status_code == 200
    except httpx.HTTPError:
        return False


@contextlib.contextmanager
def running_stack(settings: Settings) -> Iterator[None]:
    """Use the running gateway, or start the whole stack for the duration."""
    if _gateway_is_up(settings):
        yield
        return
    from bot.launcher import Stack

    stack = Stack(settings)
    stack.start()
    try:
        yield
    finally:
        stack.stop()


def _stop_on_signals() -> None:
    """Ctrl-C and SIGTERM both stop the stack (SIGINT may be ignored in a background job)."""

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGINT, interrupt)
    signal.signal(signal.SIGTERM, interrupt)


def _print_where_to_chat(settings: Settings) -> None:
    url = _gateway_url(settings)
    telegram = "bật" if settings.TELEGRAM_TOKEN else "tắt (đặt TELEGRAM_TOKEN để bật)"
    print(
        f"\n✅ Trợ lý số đã chạy.\n   Web chat:  {url}/\n   Sức khỏe:  {url}/healthz\n"
        f'   Widget:    <script src="{url}/widget.js" defer></script>\n'
        f"   Telegram:  {telegram}\n   Bấm Ctrl-C để dừng.\n",
        flush=True,
    )


def command_run(settings: Settings, args: argparse.Namespace) -> int:
    from bot.launcher import Stack

    _stop_on_signals()
    stack = Stack(settings)
    print("Đang khởi động Trợ lý số (lần đầu mất vài phút)…", flush=True)
    try:
        stack.start()
        _print_where_to_chat(settings)
        if args.chat and sys.stdin.isatty():
            from bot.console import chat_loop

            chat_loop(_gateway_url(settings))
            return 0
        while True:
            for name in stack.restart_exited():
                print(f"⚠️  {name} đã dừng bất ngờ; đang khởi động lại.", flush=True)
            time.sleep(2)
    except KeyboardInterrupt:
        return 0
    finally:
        print("Đang dừng…", flush=True)
        stack.stop()


def command_gateway(settings: Settings, args: argparse.Namespace) -> int:
    import uvicorn

    from bot.web import create_app

    uvicorn.run(
        create_app(settings), host=settings.BOT_HOST, port=settings.BOT_PORT, log_level="warning"
    )
    return 0


def _new_sender(settings: Settings) -> str:
    """A new web conversation: the gateway issues its signed id."""
    url = f"{_gateway_url(settings)}/api/session"
    return httpx.post(url, timeout=60).json()["sender"]


def _ask(settings: Settings, sender: str, text: str) -> list[dict]:
    url = f"{_gateway_url(settings)}/api/chat"
    return httpx.post(url, json={"sender": sender, "message": text}, timeout=60).json()


def command_ask(settings: Settings, args: argparse.Namespace) -> int:
    with running_stack(settings):
        sender = args.sender or _new_sender(settings)
        bubbles = _ask(settings, sender, args.text)
    print(json.dumps(bubbles, ensure_ascii=False, indent=2))
    if not args.sender:
        print(f"(tiếp tục cuộc trò chuyện này: --sender {sender})", file=sys.stderr)
    return 0


def command_eval(settings: Settings, args: argparse.Namespace) -> int:
    from bot.evaluate import run_eval

    with running_stack(settings):
        summary, results = run_eval(
            Path(args.file),
            lambda s, q: _ask(settings, s, q),
            lambda: _new_sender(settings),
            dialogues=args.dialogues,
        )
    if args.details:
        for result in results:
            if not result["passed"]:
                print(json.dumps(result, ensure_ascii=False), file=sys.stderr)
    print(json.dumps(summary, ensure_ascii=False))
    return 0


def command_chat(settings: Settings, args: argparse.Namespace) -> int:
    from bot.console import chat_loop

    with running_stack(settings):
        chat_loop(_gateway_url(settings))
    return 0


def command_train(settings: Settings, args: argparse.Namespace) -> int:
    from bot.launcher import ensure_model

    print(ensure_model(settings))
    return 0


def command_certificates(settings: Settings, args: argparse.Namespace) -> int:
    """`certificates verify CODE`: is this a certificate we issued? (exit 1 when not)."""
    from lessons.certificate import normalise_code, pdf_path
    from lessons.model import DOMAINS
    from storage.certificates import find_certificate
    from storage.session import session_scope

    code = normalise_code(args.code)
    with session_scope(settings.database_url) as session:
        found = find_certificate(session, code=code) if code else None
        result = {"code": args.code, "valid": found is not None}
        if found is not None:
            pdf = pdf_path(settings.VAR_DIR / "certificates", found.code)
            result |= {
                "holder": found.holder_name,
                "domain": DOMAINS.get(found.domain, found.domain),
                "issued_on": found.issued_on.isoformat(),
                "lessons": found.lessons_count,
                "mean_score": found.mean_score,
                "pdf": str(pdf) if pdf.exists() else None,
            }
    print(json.dumps(result, ensure_ascii=False, indent=2))
    return 0 if found is not None else 1


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bot", description="Trợ lý số")
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="start Rasa, the action server and the gateway")
    run.add_argument("--chat", action="store_true", help="also open the terminal chat")
    run.set_defaults(func=command_run)
    sub.add_parser("gateway", help="serve the gateway only").set_defaults(func=command_gateway)
    ask = sub.add_parser("ask", help="ask one question; prints the reply bubbles as JSON")
    ask.add_argument("text")
    ask.add_argument(
        "--sender", default="", help="the id an earlier ask printed, to continue its conversation"
    )
    ask.set_defaults(func=command_ask)
    ev = sub.add_parser("eval", help="score a question file (see shared/eval/README.md)")
    ev.add_argument("file")
    ev.add_argument("--dialogues", action="store_true", help="the file holds multi-turn dialogues")
    ev.add_argument("--details", action="store_true", help="print failed items to stderr")
    ev.set_defaults(func=command_eval)
    sub.add_parser("chat", help="terminal chat").set_defaults(func=command_chat)
    sub.add_parser("train", help="train the Rasa model if nlu/ changed").set_defaults(
        func=command_train
    )
    certificates = sub.add_parser("certificates", help="certificates of completion")
    verify = certificates.add_subparsers(dest="action", required=True).add_parser(
        "verify", help="check a verification code; prints the holder, domain and date"
    )
    verify.add_argument("code")
    verify.set_defaults(func=command_certificates)
    from bot.areas_cli import add_areas_parser
    from bot.mentors_cli import add_mentors_parser
    from bot.report_cli import add_report_parser

    add_mentors_parser(sub)
    add_areas_parser(sub)
    add_report_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    for noisy in ("alembic", "httpx", "telegram.ext", "fontTools"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    args = build_parser().parse_args(argv)
    return args.func(get_settings(), args)


if __name__ == "__main__":
    sys.exit(main())
