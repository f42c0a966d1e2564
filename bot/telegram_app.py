"""Telegram channel (python-telegram-bot 22): polling, or webhook when a URL is set."""

from __future__ import annotations

import asyncio
import logging

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import (
    Application,
    ApplicationBuilder,
    ApplicationHandlerStop,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot import texts
from bot.conversation import Conversation
from bot.reply import Bubble, Reply
from storage.session import session_scope
from storage.updates import claim_update

log = logging.getLogger(__name__)
CALLBACK_LIMIT = 64
TELEGRAM_TEXT_LIMIT = 4000
COMMANDS = {
    "start": "xin chào",
    "help": "trợ giúp",
    "learn": "/start_lesson",
    "progress": "/my_progress",
    "human": "/request_human",
}


def keyboard_for(bubble: Bubble) -> InlineKeyboardMarkup | None:
    """Buttons as an inline keyboard: short titles two per row, long ones alone."""
    rows: list[list[InlineKeyboardButton]] = []
    for button in bubble.buttons:
        if len(button.payload.encode()) > CALLBACK_LIMIT:
            log.warning("button payload over 64 bytes dropped: %s", button.payload)
            continue
        item = InlineKeyboardButton(button.title[:60], callback_data=button.payload)
        if rows and len(rows[-1]) == 1 and len(button.title) <= 16 and len(rows[-1][0].text) <= 16:
            rows[-1].append(item)
        else:
            rows.append([item])
    return InlineKeyboardMarkup(rows) if rows else None


def sender_of(update: Update) -> str:
    return f"tg:{update.effective_user.id if update.effective_user else update.effective_chat.id}"


async def send_reply(application: Application, chat_id: int | str, reply: Reply) -> None:
    """Send every bubble of a reply to one chat."""
    for bubble in reply.bubbles:
        await application.bot.send_message(
            chat_id=chat_id,
            text=bubble.text[:TELEGRAM_TEXT_LIMIT] or "…",
            reply_markup=keyboard_for(bubble),
        )


def _conversation(context: ContextTypes.DEFAULT_TYPE) -> Conversation:
    return context.application.bot_data["conversation"]


async def drop_duplicates(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A delivery already handled (Telegram retries a webhook) stops here."""
    database_url = _conversation(context).database_url

    def claim() -> bool:
        with session_scope(database_url) as session:
            return claim_update(session, channel="tg", update_key=str(update.update_id))

    if not await asyncio.to_thread(claim):
        raise ApplicationHandlerStop


async def text_message(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A typed message goes the common path."""
    reply = await _conversation(context).handle(sender_of(update), update.effective_message.text)
    await send_reply(context.application, update.effective_chat.id, reply)


async def command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/start, /help, /learn, /progress, /human (a deep-link argument rides along)."""
    name = (update.effective_message.text or "/start").split()[0].lstrip("/").split("@")[0]
    text = COMMANDS.get(name, "trợ giúp")
    if context.args and name == "start":
        text = f'/start_code{{"code":"{context.args[0][:32]}"}}'
    reply = await _conversation(context).handle(sender_of(update), text)
    await send_reply(context.application, update.effective_chat.id, reply)


async def button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A pressed inline button: answer the query first, then handle its payload."""
    query = update.callback_query
    await query.answer()
    reply = await _conversation(context).handle(sender_of(update), query.data or "")
    await send_reply(context.application, update.effective_chat.id, reply)


async def not_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Stickers, photos, voice, files: say kindly that only text is read."""
    await update.effective_chat.send_message(texts.NOT_TEXT)


async def error_handler(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log first; then tell the person something went wrong, if we know who."""
    log.error("telegram handler failed", exc_info=context.error)
    if isinstance(update, Update) and update.effective_chat:
        await update.effective_chat.send_message(texts.UNAVAILABLE)


def build_application(
    token: str, base_url: str, conversation: Conversation, *, webhook: bool
) -> Application:
    """The PTB application, wired; polling unless `webhook` (then updates come from our route)."""
    builder = ApplicationBuilder().token(token).base_url(base_url)
    builder = builder.base_file_url(base_url.replace("/bot", "/file/bot"))
    if webhook:
        builder = builder.updater(None)
    application = builder.build()
    application.bot_data["conversation"] = conversation
    application.add_handler(TypeHandler(Update, drop_duplicates), group=-1)
    application.add_handler(CommandHandler(list(COMMANDS), command))
    application.add_handler(CallbackQueryHandler(button))
    application.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, text_message))
    application.add_handler(MessageHandler(~filters.TEXT & ~filters.StatusUpdate.ALL, not_text))
    application.add_error_handler(error_handler)
    return application
