"""The web chat's identity: a random id the gateway issues, signed so nobody can guess or forge it.

A token is `<id>.<signature>`: 16 random bytes (URL-safe base64) and an HMAC-SHA256 of
`web:<id>` under the server's secret. The conversation behind it is `web:<id>` — the sender id
Rasa, the outbox and the learner tables see. Only the token's holder can chat as that sender or
read its inbox; the bare sender id (it appears in logs and transcripts) is worth nothing alone.

The secret is the `WEB_IDENTITY_SECRET` setting; when unset, one is generated once and kept in
`VAR_DIR/web_identity.key` (readable by the owner only), so tokens outlive a restart. Several
gateway replicas must share the setting.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
import secrets
from pathlib import Path

SECRET_FILE = "web_identity.key"
MIN_SECRET_CHARS = 32
PREFIX = "web:"
_ID_BYTES = 16
_ID_CHARS = 22  # 16 bytes in URL-safe base64 without padding
_SIGNATURE_CHARS = 43  # 32 bytes in URL-safe base64 without padding
_ID = re.compile(r"[A-Za-z0-9_-]{3,64}")  # issued ids are 22 random characters
_MAX_TOKEN_CHARS = 64 + 1 + _SIGNATURE_CHARS


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def _signature(key: bytes, random_id: str) -> str:
    return _b64(hmac.new(key, (PREFIX + random_id).encode("ascii"), hashlib.sha256).digest())


def issue_token(key: bytes) -> str:
    """A new identity: `<random id>.<signature>`."""
    random_id = _b64(secrets.token_bytes(_ID_BYTES))
    return f"{random_id}.{_signature(key, random_id)}"


def token_for(key: bytes, user_id: str) -> str:
    """The token of a chosen id (a web mentor's, issued by `python -m bot mentors add`)."""
    if not _ID.fullmatch(user_id):
        raise ValueError("a web id is 3-64 letters, digits, '-' or '_'")
    return f"{user_id}.{_signature(key, user_id)}"


def verify_token(key: bytes, token: object) -> str | None:
    """The sender id (`web:<id>`) of a token we issued; None for anything else."""
    if not isinstance(token, str) or len(token) > _MAX_TOKEN_CHARS:
        return None
    random_id, dot, signature = token.partition(".")
    if not dot or not _ID.fullmatch(random_id) or len(signature) != _SIGNATURE_CHARS:
        return None
    if not hmac.compare_digest(
        signature.encode("ascii", "replace"), _signature(key, random_id).encode("ascii")
    ):
        return None
    return PREFIX + random_id


def load_signing_key(secret: str, var_dir: Path) -> bytes:
    """The key from the setting, or from the key file under `var_dir` (created on first use)."""
    if secret:
        if len(secret) < MIN_SECRET_CHARS:
            raise ValueError(
                f"WEB_IDENTITY_SECRET phải dài ít nhất {MIN_SECRET_CHARS} ký tự "
                "(a long random string)."
            )
        return secret.encode("utf-8")
    path = var_dir / SECRET_FILE
    if not path.exists():
        _write_new_key(path)
    key = path.read_text(encoding="ascii").strip()
    if len(key) < MIN_SECRET_CHARS:
        raise ValueError(f"{path} is shorter than {MIN_SECRET_CHARS} characters; delete it")
    return key.encode("ascii")


def _write_new_key(path: Path) -> None:
    """Write a random key, owner-only; linked into place so a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    draft = path.with_name(f".{path.name}.{secrets.token_hex(4)}")
    descriptor = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="ascii") as file:
        file.write(secrets.token_urlsafe(48))
    try:
        os.link(draft, path)
    except FileExistsError:  # another process won the race: its key stands
        pass
    finally:
        draft.unlink()
