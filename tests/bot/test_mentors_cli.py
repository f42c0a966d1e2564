"""`python -m bot mentors add` tells the truth about the channels that exist."""

from __future__ import annotations

from bot.__main__ import build_parser
from config import Settings


def test_mentors_add_refuses_zalo_until_the_channel_exists(database_url, capsys):
    settings = Settings(DATABASE_URL=database_url)
    add = ["mentors", "add", "--name", "Chị Lan", "--channel", "zalo", "--id", "123"]
    args = build_parser().parse_args(add)
    assert args.func(settings, args) == 2
    refusal = capsys.readouterr().err
    assert "chưa có kênh Zalo" in refusal and "--channel telegram" in refusal

    listing = build_parser().parse_args(["mentors", "list", "--json"])
    assert listing.func(settings, listing) == 0
    assert capsys.readouterr().out.strip() == "[]"
