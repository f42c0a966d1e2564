"""The gateway's ASGI app: web chat API, health, webhooks, the chat page; runs Telegram too."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
from collections.abc import AsyncIterator
from functools import partial
from pathlib import Path

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Route
from telegram import Update

from bot.conversation import Conversation
from bot.health import check_health
from bot.outbox import Sender
from bot.rasa_client import RasaClient
from bot.rasa_history import forget_conversation
from bot.reply import Reply
from bot.scheduler import Job, start_jobs
from bot.telegram_app import build_application, send_reply
from bot.web_chat import ROUTES as CHAT_ROUTES
from bot.web_identity import load_signing_key
from bot.web_origins import parse_origins
from bot.wiring import build_interceptors, build_jobs
from bot.zalo_api import ZaloClient
from bot.zalo_app import ZaloChannel
from config import Settings
from storage.session import upgrade_database

log = logging.getLogger(__name__)
STATIC = Path(__file__).parent / "static"


async def healthz(request: Request) -> Response:
    settings: Settings = request.app.state.settings
    states = await check_health(
        rasa_url=settings.RASA_URL,
        actions_port=settings.ACTIONS_PORT,
        database_url=settings.database_url,
        index_dir=settings.index_dir,
    )
    zalo: ZaloChannel | None = request.app.state.zalo
    if zalo is not None:
        states["zalo"] = "ok" if zalo.client.healthy else "down"
    healthy = all(state == "ok" for state in states.values())
    return JSONResponse(states, status_code=200 if healthy else 503)


async def telegram_webhook(request: Request) -> Response:
    """POST /webhooks/telegram: check the secret token header, queue the update."""
    application = request.app.state.telegram
    settings: Settings = request.app.state.settings
    if application is None:
        return Response(status_code=404)
    token = request.headers.get("X-Telegram-Bot-Api-Secret-Token", "")
    if not settings.TELEGRAM_SECRET_TOKEN or token != settings.TELEGRAM_SECRET_TOKEN:
        return Response(status_code=401)
    await application.update_queue.put(Update.de_json(await request.json(), application.bot))
    return Response(status_code=200)


async def zalo_webhook(request: Request) -> Response:
    """POST /webhooks/zalo: signed events from the Zalo OA (bot/zalo_app.py)."""
    channel: ZaloChannel | None = request.app.state.zalo
    if channel is None:
        return Response(status_code=404)
    return await channel.webhook(request)


_CERTIFICATE_CODE = re.compile(r"^[A-Z0-9]{4}-[A-Z0-9]{4}$")


async def certificate(request: Request) -> Response:
    """GET /certificates/<code>: the PDF of a certificate of completion, by its code."""
    code = request.path_params["code"].upper().removesuffix(".PDF")
    path = request.app.state.settings.VAR_DIR / "certificates" / f"{code}.pdf"
    if not _CERTIFICATE_CODE.match(code) or not path.is_file():
        return JSONResponse({"error": "Không tìm thấy giấy chứng nhận với mã này."}, 404)
    return FileResponse(path, media_type="application/pdf", filename=f"chung-nhan-{code}.pdf")


async def page(request: Request) -> Response:
    return FileResponse(STATIC / "index.html")


async def widget(request: Request) -> Response:
    """GET /widget.js: the chat bubble any page adds with one <script> tag."""
    response = FileResponse(STATIC / "widget.js", media_type="application/javascript")
    response.headers["Cache-Control"] = "public, max-age=300"
    return response


async def _start_telegram(app: Starlette, settings: Settings) -> None:
    webhook = bool(settings.TELEGRAM_WEBHOOK_URL)
    application = build_application(
        settings.TELEGRAM_TOKEN, settings.TELEGRAM_BASE_URL, app.state.conversation, webhook=webhook
    )
    await application.initialize()
    await application.start()
    if webhook:
        await application.bot.set_webhook(
            settings.TELEGRAM_WEBHOOK_URL, secret_token=settings.TELEGRAM_SECRET_TOKEN or None
        )
    else:
        await application.updater.start_polling(poll_interval=0.2, timeout=5)
    app.state.telegram = application

    async def send(user_id: str, reply: Reply) -> None:
        await send_reply(application, int(user_id), reply)

    app.state.senders["tg"] = send


def _start_zalo(app: Starlette, settings: Settings, outbox_wake: asyncio.Event) -> Job:
    """The Zalo OA channel: its API client, the outbox sender and the event queue's job."""
    client = ZaloClient(
        app_id=settings.ZALO_APP_ID,
        secret_key=settings.zalo_renewal_secret,
        seed_refresh_token=settings.ZALO_REFRESH_TOKEN,
        api_base_url=settings.ZALO_API_BASE_URL,
        oauth_base_url=settings.ZALO_OAUTH_BASE_URL,
        database_url=settings.database_url,
    )
    channel = ZaloChannel(
        client,
        app.state.conversation,
        app_id=settings.ZALO_APP_ID,
        oa_secret=settings.ZALO_OA_SECRET,
        quiet_seconds=settings.HANDOFF_IDLE_SECONDS,
        outbox_wake=outbox_wake,
        paid_window=settings.ZALO_PAID_WINDOW,
    )
    app.state.zalo = channel
    app.state.senders["zalo"] = channel.push
    return Job("zalo_events", 5.0, channel.process_queued, wake=channel.wake)


async def _stop_telegram(app: Starlette) -> None:
    application = app.state.telegram
    if application is None:
        return
    if application.updater and application.updater.running:
        await application.updater.stop()
    await application.stop()
    await application.shutdown()


def create_app(settings: Settings) -> Starlette:
    """The gateway app; channels start in its lifespan."""

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        await asyncio.to_thread(upgrade_database, settings.database_url)
        rasa = RasaClient(settings.RASA_URL)
        app.state.settings = settings
        app.state.allowed_origins = parse_origins(settings.WIDGET_ALLOWED_ORIGINS)
        app.state.identity_key = await asyncio.to_thread(
            load_signing_key, settings.WEB_IDENTITY_SECRET, settings.VAR_DIR
        )
        outbox_wake = asyncio.Event()
        app.state.conversation = Conversation(
            rasa,
            settings.database_url,
            settings.MAX_MESSAGE_CHARS,
            build_interceptors(settings),
            after_reply=outbox_wake.set,
            forget_history=partial(forget_conversation, settings.rasa_tracker_db),
        )
        app.state.telegram = None
        app.state.senders: dict[str, Sender] = {}
        app.state.zalo = None
        if settings.TELEGRAM_TOKEN:
            await _start_telegram(app, settings)
        jobs = build_jobs(settings, app.state.senders, outbox_wake)
        if settings.zalo_enabled:
            jobs.append(_start_zalo(app, settings, outbox_wake))
        tasks = start_jobs(jobs)
        try:
            yield
        finally:
            for task in tasks:
                task.cancel()
            await _stop_telegram(app)
            if app.state.zalo is not None:
                await app.state.zalo.client.close()
            await rasa.close()

    routes = [
        Route("/", page),
        Route("/widget.js", widget),
        Route("/certificates/{code}", certificate),
        Route("/healthz", healthz),
        *CHAT_ROUTES,
        Route("/webhooks/telegram", telegram_webhook, methods=["POST"]),
        Route("/webhooks/zalo", zalo_webhook, methods=["POST"]),
    ]
    return Starlette(routes=routes, lifespan=lifespan)
