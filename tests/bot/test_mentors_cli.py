"""`python -m bot mentors add` tells the truth about the channels that exist."""

from __future__ import annotations

import json

from bot.__main__ import build_parser
from config import Settings

ZALO = {"ZALO_APP_ID": "app", "ZALO_OA_SECRET": "secret", "ZALO_REFRESH_TOKEN": "refresh"}


def test_mentors_add_refuses_zalo_while_the_channel_is_not_configured(database_url, capsys):
    settings = Settings(_env_file=None, DATABASE_URL=database_url)
    add = ["mentors", "add", "--name", "Chị Lan", "--channel", "zalo", "--id", "123"]
    args = build_parser().parse_args(add)
    assert args.func(settings, args) == 2
    refusal = capsys.readouterr().err
    assert "Kênh Zalo chưa được bật" in refusal and "ZALO_APP_ID" in refusal

    listing = build_parser().parse_args(["mentors", "list", "--json"])
    assert listing.func(settings, listing) == 0
    assert capsys.readouterr().out.strip() == "[]"


def test_mentors_add_accepts_zalo_once_the_channel_is_configured(database_url, capsys):
    settings = Settings(_env_file=None, DATABASE_URL=database_url, **ZALO)
    add = ["mentors", "add", "--name", "Chị Lan", "--channel", "zalo", "--id", "987", "--json"]
    args = build_parser().parse_args(add)
    assert args.func(settings, args) == 0
    added = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert added["sender_id"] == "zalo:987" and added["channel"] == "zalo"


def test_a_web_mentor_gets_a_signed_token_for_the_chat_page(database_url, tmp_path, capsys):
    from bot.web_identity import load_signing_key, verify_token

    settings = Settings(_env_file=None, DATABASE_URL=database_url, VAR_DIR=tmp_path)
    add = ["mentors", "add", "--name", "Cán bộ trực", "--channel", "web", "--id", "truc-xa",
           "--json"]
    args = build_parser().parse_args(add)
    assert args.func(settings, args) == 0
    added = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    key = load_signing_key(settings.WEB_IDENTITY_SECRET, settings.VAR_DIR)
    assert verify_token(key, added["web_token"]) == added["sender_id"] == "web:truc-xa"
