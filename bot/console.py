"""Terminal chat against a running gateway: type a question, or a button's number."""

from __future__ import annotations

import httpx


def render(bubbles: list[dict]) -> tuple[str, list[str]]:
    """Bubbles as terminal text, with numbered buttons; returns the text and the payloads."""
    lines, payloads = [], []
    for bubble in bubbles:
        lines.append(f"🤖 {bubble.get('text', '')}")
        for button in bubble.get("buttons") or ():
            payloads.append(button["payload"])
            lines.append(f"   [{len(payloads)}] {button['title']}")
    return "\n".join(lines), payloads


def chat_loop(base_url: str) -> None:
    payloads: list[str] = []
    print("Trợ lý số — gõ câu hỏi, hoặc số của nút để bấm. Gõ 'thoát' để dừng.")
    with httpx.Client(base_url=base_url, timeout=60) as client:
        sender = client.post("/api/session").json()["sender"]  # the gateway issues the id
        while True:
            try:
                line = input("Bạn: ").strip()
            except (EOFError, KeyboardInterrupt):
                print()
                return
            if line.lower() in ("thoát", "thoat", "exit", "quit"):
                return
            if line.isdigit() and 1 <= int(line) <= len(payloads):
                line = payloads[int(line) - 1]
            bubbles = client.post("/api/chat", json={"sender": sender, "message": line}).json()
            bubbles += client.get("/api/inbox", params={"sender": sender}).json()
            text, payloads = render(bubbles)
            print(text)
