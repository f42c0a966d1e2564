"""The hand-off to a Đại sứ số through the real stack: web learners, Telegram mentors on the
fake Bot API, mentors registered with the real CLI, the gateway's SLA job with a 4 s SLA."""

from __future__ import annotations

import json
import os
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Callable

import pytest

from config import ROOT
from storage.escalations import get_escalation, list_events, list_offers
from storage.learners import get_learner, get_or_create_learner
from storage.mentors import get_mentor, link_learner
from storage.session import session_scope

pytestmark = [pytest.mark.e2e, pytest.mark.slow]
ASK = "cho toi gap nguoi that"
_KEPT: dict[str, list[dict]] = {}  # web bubbles fetched from /api/inbox but not yet looked at


def mentors_cli(stack, *args: str) -> dict | list:
    """`python -m bot mentors … --json` against the stack's database."""
    env = {
        **os.environ,
        "VAR_DIR": str(stack.settings.VAR_DIR),
        "DATABASE_URL": stack.settings.DATABASE_URL,
    }
    done = subprocess.run(
        [sys.executable, "-m", "bot", "mentors", *args, "--json"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def add_mentor(stack, name: str, user_id: int, *extra: str) -> dict:
    return mentors_cli(
        stack, "add", "--name", name, "--channel", "telegram", "--id", str(user_id), *extra
    )


def poll(find: Callable[[], object], what: str, timeout: float = 30) -> object:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = find()
        if found:
            return found
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def buttons(message: dict) -> dict[str, str]:
    """Telegram message or web bubble → {title: payload}."""
    if "reply_markup" in message:
        rows = message["reply_markup"]["inline_keyboard"]
        return {b["text"]: b["callback_data"] for row in rows for b in row}
    return {b["title"]: b["payload"] for b in message.get("buttons", [])}


def telegram_to(stack, user: int, needle: str, *, after: int = 0, timeout: float = 30) -> dict:
    """The first message sent to `user` (from index `after`) whose text or buttons hold needle."""

    def find() -> dict | None:
        sent = stack.telegram.sent_messages(user)[after:]
        return next((m for m in sent if needle in m["text"] or needle in buttons(m)), None)

    return poll(find, f"{needle!r} to {user}", timeout)


def inbox_to(stack, sender: str, needle: str, timeout: float = 30) -> dict:
    """Collect the web user's pushed bubbles until one holds needle (others are kept)."""
    kept = _KEPT.setdefault(sender, [])

    def find() -> dict | None:
        kept.extend(stack.inbox(sender))
        found = next((b for b in kept if needle in b["text"]), None)
        if found is not None:
            kept.remove(found)
        return found

    return poll(find, f"{needle!r} for {sender}", timeout)


def escalation_id_in(text: str) -> int:
    return int(re.search(r"#(\d+)", text).group(1))


def press_on_telegram(stack, user: int, payload: str, needle: str) -> dict:
    """Press an inline button as `user`; the first new message holding needle."""
    before = len(stack.telegram.sent_messages(user))
    stack.telegram.push_button(user, payload)
    return telegram_to(stack, user, needle, after=before)


def test_web_learner_and_telegram_mentor_whole_hand_off(stack):
    lan = add_mentor(stack, "Nguyễn Thị Lan", 880001, "--area", "Thôn E2E Một")
    learner = "web:e2e-esc-1"
    typed = stack.chat(learner, f"m_{lan['invite_code']}")  # the code the mentor handed out
    agree = buttons(typed[0])["Đồng ý"]
    assert "Lan" in typed[0]["text"] and agree.startswith("/esc_link")
    assert "đã được kết nối" in stack.chat(learner, agree)[0]["text"]

    stack.chat(learner, "sdt cua toi 0912345678, cccd 001203004567, vneid bao sai mat khau")
    asked = stack.chat(learner, ASK)
    assert asked[-1]["decision"] == "escalate" and "Đại sứ số" in asked[0]["text"]
    alert = telegram_to(stack, 880001, "Yêu cầu hỗ trợ #")
    escalation_id = escalation_id_in(alert["text"])
    assert "0912345678" not in alert["text"] and "001203004567" not in alert["text"]
    assert "***" in alert["text"] and "người anh/chị kèm cặp" in alert["text"]

    tools = press_on_telegram(stack, 880001, buttons(alert)["Nhận hỗ trợ"], "✅ Đã giải quyết")
    claimed = inbox_to(stack, learner, "đã nhận hỗ trợ")
    assert "Đại sứ số Lan" in claimed["text"] and "Kết thúc hỗ trợ" in buttons(claimed)

    add_mentor(stack, "Phạm Văn Sơn", 880002, "--area", "Thôn E2E Một")
    taken = press_on_telegram(stack, 880002, f'/esc_claim{{"e":{escalation_id}}}', "#")
    assert "đã có người nhận" in taken["text"]

    assert stack.chat(learner, "toi bam quen mat khau roi ma khong thay ma otp 551234") == []
    relayed = telegram_to(stack, 880001, "quen mat khau")
    assert relayed["text"].startswith(f"Người dân (#{escalation_id}): ")
    assert "551234" not in relayed["text"]
    stack.telegram.push_text(880001, "Bác kiểm tra sóng điện thoại rồi bấm Gửi lại mã nhé")
    assert inbox_to(stack, learner, "Gửi lại mã")["text"].startswith("Đại sứ số Lan: ")

    assert "📋 Việc của tôi" in buttons(tools)
    done = press_on_telegram(stack, 880001, buttons(tools)["✅ Đã giải quyết"], "Đã đóng")
    assert f"#{escalation_id}" in done["text"]
    rate = inbox_to(stack, learner, "chấm từ 1")
    thanks = stack.chat(learner, buttons(rate)["5 ⭐"])
    assert "5/5" in thanks[0]["text"]
    telegram_to(stack, 880001, "5/5")

    with session_scope(stack.settings.database_url) as session:
        escalation = get_escalation(session, escalation_id)
        assert (escalation.status, escalation.rating) == ("resolved", 5)
        events = list_events(session, escalation=escalation)
    kinds = [e.kind for e in events]
    assert kinds[:3] == ["opened", "alerted", "claimed"]
    assert {"claim_refused", "message", "resolved", "rated"} <= set(kinds)
    recorded = "\n".join(e.detail_masked for e in events)
    assert "551234" not in recorded and "0912345678" not in recorded


def test_sla_passes_to_next_mentor_then_duty_officer_then_expires(stack):
    add_mentor(stack, "Lê Thị Mai", 880011, "--area", "Thôn E2E Hai")
    add_mentor(stack, "Đỗ Văn Hùng", 880012, "--area", "thon e2e hai")
    add_mentor(stack, "Cán bộ trực Ngọc", 880019, "--duty-officer")
    learner = "web:e2e-esc-2"
    mentors_cli(stack, "assign", "--mentor", "tg:880011", "--learner", stack.sender_id(learner))

    stack.chat(learner, ASK)
    first = telegram_to(stack, 880011, "Yêu cầu hỗ trợ #")
    escalation_id = escalation_id_in(first["text"])
    second = telegram_to(stack, 880012, f"Yêu cầu hỗ trợ #{escalation_id}", timeout=20)
    assert "4 giây" in second["text"]
    telegram_to(stack, 880011, f"#{escalation_id} đã chuyển cho người khác")

    late = press_on_telegram(stack, 880011, buttons(first)["Nhận hỗ trợ"], "chuyển cho người khác")
    assert "không cần nhận nữa" in late["text"] and "Cảm ơn" in late["text"]

    duty = telegram_to(stack, 880019, f"Yêu cầu hỗ trợ #{escalation_id}", timeout=20)
    inbox_to(stack, learner, "cán bộ trực")
    told = inbox_to(stack, learner, "Xin lỗi", timeout=20)
    assert "chưa có Đại sứ số nào nhận" in told["text"] and "🙋 Hỏi người hỗ trợ" in buttons(told)
    too_late = press_on_telegram(stack, 880019, buttons(duty)["Nhận hỗ trợ"], "đã kết thúc")
    assert "Cảm ơn" in too_late["text"]

    with session_scope(stack.settings.database_url) as session:
        escalation = get_escalation(session, escalation_id)
        offers = [o.outcome for o in list_offers(session, escalation=escalation)]
        kinds = [e.kind for e in list_events(session, escalation=escalation)]
    assert escalation.status == "expired"
    assert offers == ["timed_out", "timed_out", "closed"]
    assert kinds.count("alerted") == 3 and "expired" in kinds and "claim_refused" in kinds


def test_urgent_otp_case_gets_safety_steps_first_and_an_urgent_alert(stack):
    add_mentor(stack, "Vũ Thị Hạnh", 880021, "--area", "Thôn E2E Ba")
    learner = "web:e2e-esc-3"
    mentors_cli(stack, "assign", "--mentor", "tg:880021", "--learner", stack.sender_id(learner))
    bubbles = stack.chat(learner, "tôi lỡ đọc mã OTP cho người gọi tự xưng công an")
    assert "ngân hàng" in bubbles[0]["text"] and "khóa" in bubbles[0]["text"]
    assert bubbles[-1]["decision"] == "escalate" and "KHẨN" in bubbles[-1]["text"]
    alert = telegram_to(stack, 880021, "KHẨN")
    assert "lộ mã OTP" in alert["text"] and "Nhận hỗ trợ" in buttons(alert)
    cancelled = stack.chat(learner, buttons(bubbles[-1])["Hủy yêu cầu"])
    assert "hủy yêu cầu" in cancelled[0]["text"]
    telegram_to(stack, 880021, "đã hủy yêu cầu")


def test_telegram_deep_link_links_learner_to_mentor(stack):
    mai = add_mentor(stack, "Hoàng Thị Mai", 880031, "--area", "Thôn E2E Bốn")
    user = 880032
    command = f"/start m_{mai['invite_code']}"  # what Telegram sends for t.me/<bot>?start=m_…
    entities = [{"type": "bot_command", "offset": 0, "length": len("/start")}]
    stack.telegram.push_update(
        {"message": stack.telegram.message(user, text=command, entities=entities)}
    )
    ask = telegram_to(stack, user, "mời bạn kết nối")
    linked = press_on_telegram(stack, user, buttons(ask)["Đồng ý"], "đã được kết nối")
    assert "Mai" in linked["text"]
    with session_scope(stack.settings.database_url) as session:
        learner = get_learner(session, sender_id=f"tg:{user}")
        assert learner.mentor_id == mai["id"] and learner.consent is True
    report = mentors_cli(stack, "report")
    assert next(r for r in report if r["id"] == mai["id"])["mentees"] == 1


def test_bench_request_to_mentor_alert_sent(stack):
    """Time from a web learner's request to the mentor's alert reaching the Telegram API."""
    runs = int(os.environ.get("ESCALATION_BENCH_N", "12"))
    add_mentor(stack, "Bench Mentor", 880041, "--area", "Thôn Bench", "--capacity", "3")
    times, replies = [], []
    for n in range(runs):
        learner = f"web:e2e-bench-{n}"
        with session_scope(stack.settings.database_url) as session:
            link_learner(
                session,
                learner=get_or_create_learner(session, sender_id=stack.sender_id(learner)),
                mentor=get_mentor(session, sender_id="tg:880041"),
            )
        before = len(stack.telegram.sent_messages(880041))
        started = time.monotonic()
        bubbles = stack.chat(learner, ASK)
        replied = time.monotonic()
        stack.telegram.wait_for_messages(880041, before + 1, timeout=30)
        times.append(time.monotonic() - started)
        replies.append(replied - started)
        stack.chat(learner, buttons(bubbles[-1])["Hủy yêu cầu"])  # keep the mentor free
    p50, p95 = statistics.median(times), sorted(times)[max(0, round(0.95 * runs) - 1)]
    summary = {
        "runs": runs,
        "alert_p50_ms": round(p50 * 1000),
        "alert_p95_ms": round(p95 * 1000),
        "reply_p50_ms": round(statistics.median(replies) * 1000),
        "outbox_poll_seconds": stack.settings.OUTBOX_POLL_SECONDS,
    }
    print("\nescalation alert latency:", json.dumps(summary))
    (stack.settings.VAR_DIR / "escalation_bench.json").write_text(json.dumps(summary))
    assert p95 < 10
