"""The Zalo channel against the fake OA API and a real database: webhook, queue, tokens,
window, officer take-over (the conversation is a stub; the real stack is in tests/e2e)."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Iterator
from datetime import timedelta

import httpx
import pytest
from starlette.applications import Starlette
from starlette.routing import Route

from bot import zalo_api
from bot.outbox import Undeliverable, deliver_due
from bot.reply import Bubble, Button, Reply
from bot.zalo_api import ZaloClient, ZaloError
from bot.zalo_app import ZaloChannel
from config import Settings
from storage.models import OutboxMessage, utcnow
from storage.outbox import enqueue
from storage.session import session_scope
from storage.zalo import load_tokens, note_user_wrote
from storage.zalo_models import InboundEvent
from tests.fakes.zalo_api import (
    APP_ID,
    OA_SECRET,
    SEED_REFRESH_TOKEN,
    FakeZalo,
    event_body,
    signed_event,
)

CHOICES = (Button("Xem các bước", "/show_steps"), Button("Học bài này", "/start_lesson"))


class StubConversation:
    """Answers every message with its text and two buttons; records what it was given."""

    def __init__(self, database_url: str) -> None:
        self.database_url = database_url
        self.seen: list[tuple[str, str]] = []

    async def handle(self, sender_id: str, text: str | None) -> Reply:
        self.seen.append((sender_id, text or ""))
        return Reply((Bubble(f"Trả lời: {text}", CHOICES),))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def fake() -> Iterator[FakeZalo]:
    server = FakeZalo(free_port()).start()
    yield server
    server.stop()


def make_channel(database_url: str, fake: FakeZalo) -> tuple[ZaloChannel, StubConversation]:
    client = ZaloClient(
        app_id=APP_ID,
        secret_key=OA_SECRET,
        seed_refresh_token=SEED_REFRESH_TOKEN,
        api_base_url=fake.base_url,
        oauth_base_url=fake.base_url,
        database_url=database_url,
    )
    conversation = StubConversation(database_url)
    channel = ZaloChannel(
        client, conversation, app_id=APP_ID, oa_secret=OA_SECRET, quiet_seconds=3600
    )
    return channel, conversation


async def post(channel: ZaloChannel, body: dict, *, secret: str = OA_SECRET) -> int:
    app = Starlette(routes=[Route("/webhooks/zalo", channel.webhook, methods=["POST"])])
    raw, headers = signed_event(body, secret=secret)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://gw") as http:
        return (await http.post("/webhooks/zalo", content=raw, headers=headers)).status_code


def queued(database_url: str) -> int:
    with session_scope(database_url) as session:
        return session.query(InboundEvent).count()


def test_zalo_wrong_signature_is_refused_and_nothing_is_stored(database_url, fake):
    channel, _ = make_channel(database_url, fake)
    body = event_body("user_send_text", "u1", text="xin chào")
    assert asyncio.run(post(channel, body, secret="guessed")) == 401
    assert queued(database_url) == 0


def test_zalo_text_is_answered_with_buttons_and_a_typed_digit_picks_one(database_url, fake):
    channel, conversation = make_channel(database_url, fake)

    async def scenario() -> None:
        first = event_body("user_send_text", "u1", text="kích hoạt vneid")
        assert await post(channel, first) == 200
        assert await post(channel, first) == 200  # Zalo retried: the same msg_id
        assert await channel.process_queued() == 1
        assert await post(channel, event_body("user_send_text", "u1", text="2")) == 200
        await channel.process_queued()
        await channel.client.close()

    asyncio.run(scenario())
    assert conversation.seen == [("zalo:u1", "kích hoạt vneid"), ("zalo:u1", "/start_lesson")]
    sent = fake.messages_to("u1")
    assert len(sent) == 2
    buttons = sent[0]["attachment"]["payload"]["buttons"]
    assert buttons[0] == {
        "title": "Xem các bước",
        "type": "oa.query.hide",
        "payload": "/show_steps",
    }
    with session_scope(database_url) as session:
        assert all(e.body == {} and e.done_at for e in session.query(InboundEvent))


def test_zalo_tokens_refresh_early_once_and_are_stored_together(database_url, fake):
    channel, _ = make_channel(database_url, fake)

    async def scenario() -> None:
        await channel.client.send_message("u1", {"text": "một"})
        await channel.client.send_message("u1", {"text": "hai"})  # the stored token is reused
        fake.expire_token()  # -216 → refresh once → retry
        await channel.client.send_message("u1", {"text": "ba"})
        await channel.client.close()

    asyncio.run(scenario())
    assert [m["text"] for m in fake.messages_to("u1")] == ["một", "hai", "ba"]
    assert [r["refresh_token"] for r in fake.refreshes] == [SEED_REFRESH_TOKEN, "refresh-1"]
    with session_scope(database_url) as session:
        row = load_tokens(session)
        assert (row.access_token, row.refresh_token) == ("access-2", "refresh-2")
    assert channel.client.healthy


def test_zalo_refused_refresh_makes_the_channel_unhealthy(database_url, fake):
    channel, _ = make_channel(database_url, fake)
    fake.refuse_refresh = True

    async def scenario() -> None:
        with pytest.raises(ZaloError) as refused:
            await channel.client.send_message("u1", {"text": "một"})
        assert SEED_REFRESH_TOKEN not in str(refused.value)  # tokens never reach a message
        await channel.client.close()

    asyncio.run(scenario())
    assert not channel.client.healthy and fake.messages_to("u1") == []


def test_zalo_rate_limit_backs_off_and_retries(database_url, fake, monkeypatch):
    monkeypatch.setattr(zalo_api, "RATE_BACKOFF_SECONDS", (0.01, 0.01, 0.01))
    channel, _ = make_channel(database_url, fake)
    fake.rate_limited = 2

    async def scenario() -> None:
        await channel.client.send_message("u1", {"text": "một"})
        await channel.client.close()

    asyncio.run(scenario())
    assert [e for _, e in fake.refused] == [-32, -32] and len(fake.messages_to("u1")) == 1


def test_zalo_push_outside_the_window_is_held_and_sent_when_the_resident_writes(database_url, fake):
    channel, _ = make_channel(database_url, fake)
    senders = {"zalo": channel.push}

    async def scenario() -> None:
        await post(channel, event_body("user_send_text", "u1", text="chào"))
        await channel.process_queued()  # the reply goes: the resident just wrote
        fake.closed_windows.add("u1")
        with session_scope(database_url) as session:
            enqueue(session, recipient="zalo:u1", bubbles=[{"text": "Chị Lan: bác khỏe không?"}])
        assert await deliver_due(database_url, senders) == 0  # -230: held
        assert await deliver_due(database_url, senders) == 0  # held: not tried again
        fake.closed_windows.discard("u1")
        await post(channel, event_body("user_send_text", "u1", text="tôi đây"))
        await channel.process_queued()
        assert await deliver_due(database_url, senders) == 1
        await channel.client.close()

    asyncio.run(scenario())
    texts = [m["text"] for m in fake.messages_to("u1")]
    assert texts[-1] == "Chị Lan: bác khỏe không?"
    assert sum(1 for _, e in fake.refused if e == -230) == 1
    with session_scope(database_url) as session:
        message = session.query(OutboxMessage).one()
        assert message.sent_at is not None and message.held is None


def test_zalo_officer_reply_quiets_the_assistant_until_bot_is_typed(database_url, fake):
    channel, conversation = make_channel(database_url, fake)

    async def scenario() -> None:
        await post(
            channel, event_body("oa_send_text", "u1", text="Chào bác, tôi ở xã", admin_id="ad7")
        )
        await post(channel, event_body("user_send_text", "u1", text="cảm ơn cán bộ"))
        await channel.process_queued()
        assert fake.messages_to("u1") == [] and conversation.seen == []
        await post(channel, event_body("oa_send_text", "u1", text="#bot", admin_id="ad7"))
        await post(channel, event_body("user_send_text", "u1", text="hỏi tiếp"))
        await channel.process_queued()
        await channel.client.close()

    asyncio.run(scenario())
    assert conversation.seen == [("zalo:u1", "hỏi tiếp")]
    assert len(fake.messages_to("u1")) == 1


def test_zalo_follow_is_welcomed_and_unfollow_sends_nothing(database_url, fake):
    channel, conversation = make_channel(database_url, fake)

    async def scenario() -> None:
        assert await post(channel, event_body("unfollow", "u9")) == 200
        assert await channel.process_queued() == 0
        assert await post(channel, event_body("follow", "u9")) == 200
        assert await channel.process_queued() == 1
        await channel.client.close()

    asyncio.run(scenario())
    assert conversation.seen == [("zalo:u9", "xin chào")] and len(fake.messages_to("u9")) == 1


def test_zalo_paid_window_setting_lets_a_reminder_go_after_48_hours(database_url, fake):
    reminder = Reply((Bubble("🔔 Đến giờ học rồi ạ!", (Button("Tắt", "/set_reminder"),)),))
    free, _ = make_channel(database_url, fake)
    paid, _ = make_channel(database_url, fake)
    paid.paid_window = Settings(_env_file=None, ZALO_PAID_WINDOW="true").ZALO_PAID_WINDOW
    with session_scope(database_url) as session:
        note_user_wrote(session, user_id="u1", now=utcnow() - timedelta(hours=50))

    async def scenario() -> None:
        with pytest.raises(Undeliverable, match="zalo_window_paid"):
            await free.push("u1", reminder)
        await paid.push("u1", reminder)
        await free.client.close()
        await paid.client.close()

    asyncio.run(scenario())
    assert [m["text"].splitlines()[0] for m in fake.messages_to("u1")] == ["🔔 Đến giờ học rồi ạ!"]
    assert Settings.model_fields["ZALO_PAID_WINDOW"].default is False
