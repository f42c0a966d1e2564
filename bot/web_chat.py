"""The web chat API: `/api/session`, `/api/chat`, `/api/inbox`, for the widget and for scripts.

    POST /api/session               → {"sender": "<token>"}   a new conversation
    POST /api/chat {sender, message} → [bubbles]               the reply
    GET  /api/inbox?sender=<token>   → [bubbles]               pushed since the last call

`sender` is a token the gateway issued (see `bot.web_identity`); it may also come from the
HttpOnly cookie the gateway sets. A missing, unknown or forged token on `/api/chat` starts a new
conversation, whose token comes back in the `X-Troly-Sender` header (and the cookie); on
`/api/inbox` it gets an empty list. Browser pages from other origins are served only when named
in `WIDGET_ALLOWED_ORIGINS` (see `bot.web_origins`).
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from bot.conversation import Conversation
from bot.web_identity import issue_token, verify_token
from bot.web_origins import EXPOSED_HEADERS, cors_headers, is_allowed_origin, origin_of
from storage.outbox import take_inbox
from storage.session import session_scope

COOKIE = "troly_sender"
MAX_BODY_BYTES = 64_000
_COOKIE_SECONDS = 365 * 86400
Handler = Callable[[Request], Awaitable[Response]]


def _own_origins(request: Request) -> frozenset[str]:
    """The gateway's own page: its public address and the address this request came to."""
    public = request.app.state.settings.public_url
    return frozenset({origin_of(public), origin_of(str(request.base_url))})


def _guarded(handler: Handler) -> Handler:
    """Answer CORS preflights, refuse pages from foreign origins, add CORS headers."""

    async def route(request: Request) -> Response:
        origin = request.headers.get("origin")
        allowed: frozenset[str] = request.app.state.allowed_origins
        if not is_allowed_origin(origin, allowed, _own_origins(request)):
            return JSONResponse({"error": "origin not allowed"}, 403, headers={"Vary": "Origin"})
        if request.method == "OPTIONS":
            response: Response = Response(status_code=204)
        else:
            response = await handler(request)
        response.headers.update(cors_headers(origin, allowed))
        return response

    return route


def _holder(request: Request, claimed: str) -> str | None:
    """The sender id behind the claimed token, or behind the cookie when none is claimed."""
    token = claimed or request.cookies.get(COOKIE, "")
    return verify_token(request.app.state.identity_key, token)


def _hand_out(request: Request, response: Response, token: str) -> None:
    """Give a new token to its holder: in a header scripts can read and an HttpOnly cookie."""
    response.headers[EXPOSED_HEADERS] = token
    response.set_cookie(
        COOKIE,
        token,
        max_age=_COOKIE_SECONDS,
        path="/api",
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https",
    )


async def new_session(request: Request) -> Response:
    """POST /api/session → {"sender": token} for a new conversation."""
    token = issue_token(request.app.state.identity_key)
    response = JSONResponse({"sender": token})
    _hand_out(request, response, token)
    return response


async def chat(request: Request) -> Response:
    """POST /api/chat {"sender", "message"} → the reply bubbles."""
    try:
        body = json.loads((await request.body())[:MAX_BODY_BYTES] or b"{}")
        claimed = str(body.get("sender") or "").strip()
        message = body.get("message")
    except (ValueError, AttributeError):
        return JSONResponse({"error": "JSON body {sender, message} expected"}, status_code=400)
    sender_id, token = _holder(request, claimed), ""
    if sender_id is None:  # no token, or one we did not issue: a new conversation
        token = issue_token(request.app.state.identity_key)
        sender_id = verify_token(request.app.state.identity_key, token) or ""
    conversation: Conversation = request.app.state.conversation
    reply = await conversation.handle(sender_id, message if isinstance(message, str) else "")
    response = JSONResponse(reply.to_json())
    if token:
        _hand_out(request, response, token)
    return response


async def inbox(request: Request) -> Response:
    """GET /api/inbox?sender=<token> → bubbles pushed to its holder since the last call."""
    sender_id = _holder(request, request.query_params.get("sender", "").strip())
    if sender_id is None:
        return JSONResponse([])

    def take() -> list[dict]:
        with session_scope(request.app.state.settings.database_url) as session:
            return take_inbox(session, recipient=sender_id)

    return JSONResponse(await asyncio.to_thread(take))


ROUTES = [
    Route("/api/session", _guarded(new_session), methods=["POST", "OPTIONS"]),
    Route("/api/chat", _guarded(chat), methods=["POST", "OPTIONS"]),
    Route("/api/inbox", _guarded(inbox), methods=["GET", "OPTIONS"]),
]
