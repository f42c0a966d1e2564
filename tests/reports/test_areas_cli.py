"""`python -m bot areas …` and `households …`."""

from __future__ import annotations

import json

from bot.__main__ import build_parser
from config import Settings
from storage.learners import get_or_create_learner
from storage.session import session_scope


def _run(settings: Settings, *argv: str) -> int:
    args = build_parser().parse_args(list(argv))
    return args.func(settings, args)


def test_areas_import_list_and_households(database_url, tmp_path, capsys):
    settings = Settings(DATABASE_URL=database_url, VAR_DIR=tmp_path)
    csv = tmp_path / "thon.csv"
    csv.write_text("Tên thôn;Số người trưởng thành;Số hộ\nThôn Đông;420;160\n", encoding="utf-8")
    assert _run(settings, "areas", "import", str(csv)) == 0
    assert _run(settings, "areas", "add", "--name", "Tổ 3", "--adults", "90") == 0
    capsys.readouterr()
    assert _run(settings, "areas", "list", "--json") == 0
    names = [a["name"] for a in json.loads(capsys.readouterr().out)]
    assert names == ["Thôn Đông", "Tổ 3"]
    assert _run(settings, "households", "add", "--area", "thon dong", "--label", "Số 12") == 0
    with session_scope(database_url) as session:
        get_or_create_learner(session, sender_id="tg:5")
    assert _run(settings, "households", "join", "--learner", "tg:5", "--household", "1") == 0
    capsys.readouterr()
    assert _run(settings, "households", "list", "--json") == 0
    assert json.loads(capsys.readouterr().out)[0]["learners"] == 1
    assert _run(settings, "households", "add", "--area", "Không có", "--label", "x") == 1
