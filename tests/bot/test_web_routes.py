"""Gateway routes that need no Rasa: health reporting, certificate download, input checks."""

from __future__ import annotations

from starlette.testclient import TestClient

from bot.web import create_app
from config import Settings


def make_client(tmp_path, **values: object) -> TestClient:
    settings = Settings(
        VAR_DIR=tmp_path,
        INDEX_DIR=tmp_path / "index",
        RASA_URL="http://127.0.0.1:9",
        ACTIONS_PORT=9,
        **values,
    )
    return TestClient(create_app(settings))


def test_healthz_names_each_dependency_and_fails_when_one_is_down(tmp_path):
    with make_client(tmp_path) as client:
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"rasa": "down", "actions": "down", "db": "ok", "index": "down"}


def test_certificate_pdf_is_served_by_its_code_only(tmp_path):
    (tmp_path / "certificates").mkdir()
    (tmp_path / "certificates" / "7KQ2-M9XD.pdf").write_bytes(b"%PDF-1.4 test")
    with make_client(tmp_path) as client:
        found = client.get("/certificates/7kq2-m9xd")
        missing = client.get("/certificates/AAAA-BBBB")
        sneaky = client.get("/certificates/..%2F..%2Fetc%2Fpasswd")
    assert found.status_code == 200 and found.headers["content-type"] == "application/pdf"
    assert missing.status_code == 404 and sneaky.status_code == 404


def test_chat_rejects_a_body_that_is_not_json_and_says_so_when_rasa_is_down(tmp_path):
    with make_client(tmp_path) as client:
        assert client.post("/api/chat", content=b"not json").status_code == 400
        assert client.post("/api/chat", json=["sender"]).status_code == 400
        token = client.post("/api/session").json()["sender"]
        reply = client.post("/api/chat", json={"sender": token, "message": "xin chào"})
    assert "hệ thống đang bận" in reply.json()[0]["text"]
    assert "X-Troly-Sender" not in reply.headers  # a valid token keeps its conversation
