"""`python -m bot mentors …` (the contract in DESIGN.md) on a real database."""

from __future__ import annotations

import json
import subprocess
import sys

from bot.__main__ import build_parser
from config import ROOT, Settings


def mentors(database_url: str, capsys, *argv: str) -> tuple[int, object]:
    args = build_parser().parse_args(["mentors", *argv, "--json"])
    code = args.func(Settings(DATABASE_URL=database_url), args)
    out = capsys.readouterr().out.strip().splitlines()
    return code, json.loads(out[-1]) if code == 0 else out


def test_mentors_cli_add_assign_list_report_remove(database_url, capsys):
    add = ["add", "--name", "Nguyễn Thị Lan", "--channel", "telegram", "--id", "123"]
    code, lan = mentors(database_url, capsys, *add, "--area", "Thôn Đông", "--capacity", "4")
    assert code == 0 and lan["sender_id"] == "tg:123" and lan["capacity"] == 4
    assert lan["telegram_start"] == f"m_{lan['invite_code']}"
    duty = ["add", "--name", "Cán bộ trực", "--channel", "web", "--id", "truc", "--duty-officer"]
    assert mentors(database_url, capsys, *duty)[1]["duty_officer"] is True

    assign = ["assign", "--mentor", "tg:123", "--learner", "web:abc"]
    assert mentors(database_url, capsys, *assign)[1]["mentor"] == "tg:123"
    by_area = ["assign", "--area", "thon dong", "--learner", "tg:777"]
    assert mentors(database_url, capsys, *by_area)[1]["mentor"] == "tg:123"
    assert mentors(database_url, capsys, "assign", "--area", "nowhere", "--learner", "x")[0] == 1

    listed = mentors(database_url, capsys, "list")[1]
    assert {(m["sender_id"], m["mentees"]) for m in listed} == {("tg:123", 2), ("web:truc", 0)}
    [row] = [r for r in mentors(database_url, capsys, "report")[1] if r["sender_id"] == "tg:123"]
    assert (row["mentees"], row["mentee_target_met"], row["handled"]) == (2, False, 0)

    assert mentors(database_url, capsys, "remove", "--id", "tg:123")[1]["mentees_unlinked"] == 2
    assert [m["sender_id"] for m in mentors(database_url, capsys, "list")[1]] == ["web:truc"]
    assert mentors(database_url, capsys, "remove", "--id", "tg:999")[0] == 1


def test_mentors_cli_runs_as_a_module_and_migrates_a_new_database(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "VAR_DIR": str(tmp_path), "DATABASE_URL": ""}
    add = ["add", "--name", "Lan", "--channel", "web", "--id", "lan", "--json"]
    done = subprocess.run(
        [sys.executable, "-m", "bot", "mentors", *add],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.splitlines()[-1])["sender_id"] == "web:lan"
    assert (tmp_path / "troly.db").exists()
