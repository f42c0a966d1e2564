"""Web identities: issued tokens verify, anything else does not; the key outlives a restart."""

from __future__ import annotations

import stat

import pytest

from bot.web_identity import SECRET_FILE, issue_token, load_signing_key, verify_token

KEY = b"k" * 40


def test_web_identity_issued_token_verifies_to_a_web_sender():
    token = issue_token(KEY)
    sender = verify_token(KEY, token)
    assert sender == "web:" + token.partition(".")[0]
    assert issue_token(KEY) != token  # random each time


@pytest.mark.parametrize(
    "forge",
    [
        lambda t: t[:-1] + ("A" if t[-1] != "A" else "B"),  # signature changed
        lambda t: ("A" if t[0] != "A" else "B") + t[1:],  # id changed
        lambda t: t.partition(".")[0],  # id alone
        lambda t: "web:" + t.partition(".")[0],  # the sender id itself
        lambda t: t + "x",
        lambda t: "",
        lambda t: None,
        lambda t: 42,
        lambda t: "é" * len(t),
    ],
)
def test_web_identity_rejects_forged_or_malformed_tokens(forge):
    assert verify_token(KEY, forge(issue_token(KEY))) is None


def test_web_identity_token_of_another_key_is_rejected():
    assert verify_token(b"o" * 40, issue_token(KEY)) is None


def test_web_identity_key_is_generated_once_private_and_kept(tmp_path):
    key = load_signing_key("", tmp_path / "var")
    path = tmp_path / "var" / SECRET_FILE
    assert len(key) >= 32 and stat.S_IMODE(path.stat().st_mode) == 0o600
    assert load_signing_key("", tmp_path / "var") == key
    assert [p.name for p in path.parent.iterdir()] == [SECRET_FILE]  # no draft left behind


def test_web_identity_setting_wins_and_must_be_long(tmp_path):
    secret = "s" * 32
    assert load_signing_key(secret, tmp_path) == secret.encode()
    assert not (tmp_path / SECRET_FILE).exists()
    with pytest.raises(ValueError, match="WEB_IDENTITY_SECRET"):
        load_signing_key("short", tmp_path)


def test_a_web_mentors_chosen_id_gets_a_token_only_we_can_issue():
    from bot.web_identity import token_for, verify_token

    key, other = b"k" * 32, b"o" * 32
    token = token_for(key, "truc-xa")
    assert verify_token(key, token) == "web:truc-xa"
    assert verify_token(other, token) is None
    assert verify_token(key, "truc-xa." + "A" * 43) is None
