"""The web chat API: identities the gateway issued, inboxes for their holders only, origins."""

from __future__ import annotations

from starlette.testclient import TestClient

from bot.web_identity import verify_token
from storage.outbox import enqueue
from storage.session import session_scope
from tests.bot.test_web_routes import make_client

SITE = "https://xa.gov.vn"


def push(client: TestClient, sender_id: str, text: str) -> None:
    with session_scope(client.app.state.settings.database_url) as session:
        enqueue(session, recipient=sender_id, bubbles=[{"text": text, "buttons": []}])


def sender_of(client: TestClient, token: str) -> str:
    return verify_token(client.app.state.identity_key, token) or ""


def test_session_issues_a_signed_token_and_an_httponly_cookie(tmp_path):
    with make_client(tmp_path) as client:
        response = client.post("/api/session")
        token = response.json()["sender"]
        assert sender_of(client, token).startswith("web:")
        assert client.post("/api/session").json()["sender"] != token
    cookie = response.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie and "path=/api" in cookie


def test_inbox_answers_only_the_holder_of_the_token(tmp_path):
    with make_client(tmp_path) as client:
        token = client.post("/api/session").json()["sender"]
        sender_id = sender_of(client, token)
        push(client, sender_id, "Đại sứ số đã trả lời bác.")
        forged = [
            sender_id,
            sender_id.removeprefix("web:"),
            token[:-2] + "xx",
            "healthcheck",
        ]
        stolen = [client.get("/api/inbox", params={"sender": f}).json() for f in forged]
        client.cookies.clear()
        assert stolen == [[], [], [], []]
        mine = client.get("/api/inbox", params={"sender": token}).json()
        assert [b["text"] for b in mine] == ["Đại sứ số đã trả lời bác."]
        assert client.get("/api/inbox", params={"sender": token}).json() == []


def test_inbox_reads_the_cookie_when_no_token_is_given(tmp_path):
    with make_client(tmp_path) as client:
        token = client.post("/api/session").json()["sender"]
        push(client, sender_of(client, token), "Có tin mới ạ.")
        assert [b["text"] for b in client.get("/api/inbox").json()] == ["Có tin mới ạ."]


def test_chat_with_a_forged_or_missing_sender_starts_a_new_conversation(tmp_path):
    with make_client(tmp_path) as client:
        victim = client.post("/api/session").json()["sender"]
        client.cookies.clear()
        for claimed in ("web:" + victim.partition(".")[0], victim[:-1] + "Z", None):
            body = {"message": "xin chào"} | ({"sender": claimed} if claimed else {})
            response = client.post("/api/chat", json=body)
            client.cookies.clear()
            issued = response.headers["X-Troly-Sender"]
            assert response.status_code == 200 and issued != victim
            assert sender_of(client, issued) not in ("", sender_of(client, victim))


def test_pages_from_listed_origins_get_cors_headers_and_others_are_refused(tmp_path):
    with make_client(tmp_path, WIDGET_ALLOWED_ORIGINS=SITE) as client:
        preflight = client.options(
            "/api/chat",
            headers={"Origin": SITE, "Access-Control-Request-Method": "POST"},
        )
        listed = client.post("/api/session", headers={"Origin": SITE})
        own = client.post("/api/session", headers={"Origin": "http://testserver"})
        foreign = client.post("/api/session", headers={"Origin": "https://lua-dao.example"})
        foreign_inbox = client.get("/api/inbox", headers={"Origin": "https://lua-dao.example"})
    assert preflight.status_code == 204
    assert preflight.headers["access-control-allow-origin"] == SITE
    assert listed.status_code == 200 and listed.headers["access-control-allow-origin"] == SITE
    assert "X-Troly-Sender" in listed.headers["access-control-expose-headers"]
    assert own.status_code == 200 and "access-control-allow-origin" not in own.headers
    assert foreign.status_code == 403 and foreign_inbox.status_code == 403


def test_widget_script_is_served_as_javascript(tmp_path):
    with make_client(tmp_path) as client:
        response = client.get("/widget.js")
        page = client.get("/")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/javascript")
    assert "api/chat" in response.text and "aria-live" in response.text
    assert "widget.js" in page.text
