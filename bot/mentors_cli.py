"""`python -m bot mentors add|list|remove|assign|report`: manage the Đại sứ số network.

mentors add --name "Nguyễn Thị Lan" --channel telegram --id 123456 --area "Thôn Đông"
mentors add --name "Cán bộ trực" --channel web --id truc-xa --duty-officer
mentors assign --mentor tg:123456 --learner web:abc      (or --area "Thôn Đông")
mentors list | mentors remove --id tg:123456 | mentors report [--json]
"""

from __future__ import annotations

import argparse
import sys

from bot.cli_output import print_result
from bot.web_identity import load_signing_key, token_for
from config import Settings
from storage.learners import get_or_create_learner
from storage.mentors import (
    MentorFigures,
    add_mentor,
    deactivate_mentor,
    find_mentor,
    least_loaded_in_area,
    link_learner,
    list_mentors,
    mentee_counts,
    mentor_report,
)
from storage.models import Mentor
from storage.session import session_scope, upgrade_database

MENTEE_TARGET = 5
WEB_ID_MIN = 16
WEB_ID_WARNING = (
    "⚠️  Mã web của Đại sứ số dùng như mật khẩu (ai biết mã là đọc được cảnh báo): nên dùng "
    "mã dài, ngẫu nhiên, ví dụ\n"
    "   --id $(python3 -c 'import secrets; print(secrets.token_urlsafe(16))')"
)
WEB_TOKEN_LINE = (
    "   Mã web (giữ như mật khẩu): {token}\n"
    "   Đại sứ số mở trang chat của xã với #id=<mã này> ở cuối địa chỉ để nhận cảnh báo."
)
WEB_ID_UNUSABLE = (
    "⚠️  Mã web này không dùng được để đăng nhập trang chat (chỉ chữ, số, '-', '_', 3-64 ký tự);"
    " hãy thêm lại với --id khác."
)
CHANNELS = ("web", "telegram", "zalo")
ZALO_NOT_CONFIGURED = (
    "⛔ Kênh Zalo chưa được bật (cần ZALO_APP_ID, ZALO_OA_SECRET và ZALO_REFRESH_TOKEN trong "
    ".env): Đại sứ số trên Zalo sẽ không nhận được cảnh báo nào, nên chưa thể thêm. Hãy bật kênh "
    "Zalo trước, hoặc dùng --channel telegram hoặc --channel web.\n"
    "   (The Zalo channel is not configured; set the ZALO_* settings first.)"
)


def mentor_json(mentor: Mentor, mentees: int | None = None) -> dict:
    data = {
        "id": mentor.id,
        "name": mentor.name,
        "sender_id": mentor.sender_id,
        "channel": mentor.channel,
        "area": mentor.area,
        "capacity": mentor.capacity,
        "duty_officer": mentor.is_duty_officer,
        "active": mentor.active,
        "invite_code": mentor.invite_code,
        "telegram_start": f"m_{mentor.invite_code}",
    }
    if mentees is not None:
        data["mentees"] = mentees
    return data


def command_add(settings: Settings, args: argparse.Namespace) -> int:
    if args.channel == "zalo" and not settings.zalo_enabled:
        print(ZALO_NOT_CONFIGURED, file=sys.stderr)
        return 2
    with session_scope(settings.database_url) as session:
        mentor = add_mentor(
            session,
            name=args.name,
            channel=args.channel,
            user_id=args.id,
            area=args.area,
            capacity=args.capacity,
            is_duty_officer=args.duty_officer,
        )
        data = mentor_json(mentor)
    role = "Cán bộ trực" if data["duty_officer"] else "Đại sứ số"
    code = data["invite_code"]
    lines = [
        f"✅ {role} {data['name']} ({data['sender_id']}, {data['area'] or 'cả xã'}) đã được lưu.",
        f"   Mã kết nối: {code} — người dân gõ m_{code} trên web chat,",
        f"   hoặc mở https://t.me/<tên_bot>?start=m_{code} trên Telegram.",
    ]
    if data["channel"] == "web":
        key = load_signing_key(settings.WEB_IDENTITY_SECRET, settings.VAR_DIR)
        try:
            token = token_for(key, data["sender_id"].removeprefix("web:"))
        except ValueError:
            lines.append(WEB_ID_UNUSABLE)
        else:
            data["web_token"] = token
            lines.append(WEB_TOKEN_LINE.format(token=token))
        if len(data["sender_id"]) < len("web:") + WEB_ID_MIN:
            lines.append(WEB_ID_WARNING)
    print_result(data, args.json, lines)
    return 0


def command_list(settings: Settings, args: argparse.Namespace) -> int:
    with session_scope(settings.database_url) as session:
        counts = mentee_counts(session)
        rows = [
            mentor_json(m, counts.get(m.id, 0))
            for m in list_mentors(session, include_inactive=args.all)
        ]
    lines = [
        f"{'#' + str(r['id']):>4}  {r['name'][:24]:<24} {r['sender_id']:<18} "
        f"{(r['area'] or '—')[:16]:<16} {r['mentees']:>3} kèm  {r['invite_code']}"
        + ("  [trực]" if r["duty_officer"] else "")
        + ("" if r["active"] else "  [đã nghỉ]")
        for r in rows
    ] or ["Chưa có Đại sứ số nào. Thêm bằng: python -m bot mentors add --help"]
    print_result(rows, args.json, lines)
    return 0


def command_remove(settings: Settings, args: argparse.Namespace) -> int:
    with session_scope(settings.database_url) as session:
        mentor = find_mentor(session, key=args.id)
        if mentor is None:
            print(f"Không tìm thấy Đại sứ số {args.id!r}.")
            return 1
        freed = deactivate_mentor(session, mentor=mentor)
        name = mentor.name
    print_result(
        {"removed": args.id, "mentees_unlinked": freed},
        args.json,
        [f"Đã cho {name} nghỉ; {freed} người dân được gỡ kết nối (lịch sử vẫn giữ)."],
    )
    return 0


def command_assign(settings: Settings, args: argparse.Namespace) -> int:
    with session_scope(settings.database_url) as session:
        if args.mentor:
            mentor = find_mentor(session, key=args.mentor)
        else:
            mentor = least_loaded_in_area(session, area=args.area)
        if mentor is None or not mentor.active:
            print(f"Không tìm thấy Đại sứ số {args.mentor or args.area!r}.")
            return 1
        learner = get_or_create_learner(session, sender_id=args.learner)
        link_learner(session, learner=learner, mentor=mentor, agreed=False)
        data = {"learner": learner.sender_id, "mentor": mentor.sender_id, "name": mentor.name}
    print_result(data, args.json, [f"Đã kết nối {data['learner']} với {data['name']}."])
    return 0


def report_json(figures: MentorFigures) -> dict:
    wait = figures.median_claim_seconds
    return {
        **mentor_json(figures.mentor, figures.mentees),
        "mentee_target_met": figures.mentees >= MENTEE_TARGET,
        "offered": figures.offered,
        "handled": figures.handled,
        "resolved": figures.resolved,
        "median_claim_seconds": round(wait, 1) if wait is not None else None,
        "rating_avg": figures.rating_avg,
        "ratings": figures.ratings,
    }


def command_report(settings: Settings, args: argparse.Namespace) -> int:
    with session_scope(settings.database_url) as session:
        rows = [report_json(f) for f in mentor_report(session)]
    header = "Đại sứ số                 kèm  được báo  đã nhận  xong  nhận sau (trung vị)  đánh giá"
    lines = [header] + [
        f"{r['name'][:24]:<24} {r['mentees']:>4}{'' if r['mentee_target_met'] else '*'}"
        f"{r['offered']:>9} {r['handled']:>8} {r['resolved']:>5}  "
        f"{_minutes(r['median_claim_seconds']):>19}  "
        f"{(str(r['rating_avg']) + '/5 (' + str(r['ratings']) + ')') if r['ratings'] else '—'}"
        for r in rows
    ]
    lines.append(f"* dưới mục tiêu {MENTEE_TARGET} người kèm cặp")
    print_result(rows, args.json, lines)
    return 0


def _minutes(seconds: float | None) -> str:
    return "—" if seconds is None else f"{seconds / 60:.1f} phút"


def run(settings: Settings, args: argparse.Namespace) -> int:
    upgrade_database(settings.database_url)
    return args.mentors_func(settings, args)


def add_mentors_parser(sub: argparse._SubParsersAction) -> None:
    """Register `mentors …` on the main CLI."""
    parser = sub.add_parser("mentors", help="manage Đại sứ số (mentors) and the duty officer")
    parser.set_defaults(func=run)
    group = parser.add_subparsers(dest="mentors_command", required=True)
    add = group.add_parser("add", help="register (or update) a mentor")
    add.add_argument("--name", required=True)
    add.add_argument(
        "--channel", required=True, choices=CHANNELS, help="zalo: needs the ZALO_* settings"
    )
    add.add_argument("--id", required=True, help="the channel's user id, e.g. 123456 or tg:123456")
    add.add_argument("--area", default="", help="thôn / tổ dân phố")
    add.add_argument("--capacity", type=int, default=10, help="hand-offs at the same time")
    add.add_argument("--duty-officer", action="store_true", help="the commune's duty officer")
    add.set_defaults(mentors_func=command_add)
    listing = group.add_parser("list", help="list mentors with invite codes and mentee counts")
    listing.add_argument("--all", action="store_true", help="include removed mentors")
    listing.set_defaults(mentors_func=command_list)
    remove = group.add_parser("remove", help="stop alerting a mentor (history is kept)")
    remove.add_argument("--id", required=True, help="sender id (tg:123), channel id or #row")
    remove.set_defaults(mentors_func=command_remove)
    assign = group.add_parser("assign", help="link a learner to a mentor (or to an area's)")
    who = assign.add_mutually_exclusive_group(required=True)
    who.add_argument("--mentor", help="the mentor's sender id, e.g. tg:123456")
    who.add_argument("--area", help="the least busy mentor of this area")
    assign.add_argument("--learner", required=True, help="the learner's sender id, e.g. web:abc")
    assign.set_defaults(mentors_func=command_assign)
    report = group.add_parser("report", help="per mentor: mentees, hand-offs, time to claim")
    report.set_defaults(mentors_func=command_report)
    for command in (add, listing, remove, assign, report):
        command.add_argument("--json", action="store_true", help="print JSON")
