"""`python -m bot areas import|add|list` and `python -m bot households add|list|join`.

areas import thon.csv                 (Tên thôn, Số người trưởng thành, Số hộ)
areas add --name "Thôn Đông" --adults 420 --households 160
households add --area "Thôn Đông" --label "Số 12, xóm Giữa"
households join --learner tg:123 --household 7 [--by tg:456]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from bot.cli_output import print_result
from config import Settings
from reports.areas_csv import parse_areas_csv
from storage.areas import (
    add_household,
    find_area,
    join_household,
    list_areas,
    list_households,
    save_area,
)
from storage.learners import get_learner
from storage.report_models import Household
from storage.session import session_scope, upgrade_database


def command_import(settings: Settings, args: argparse.Namespace) -> int:
    try:
        lines = parse_areas_csv(Path(args.file).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as error:
        print(f"Không đọc được tệp {args.file}: {error}")
        return 1
    with session_scope(settings.database_url) as session:
        for line in lines:
            save_area(
                session,
                name=line.name,
                adult_population=line.adult_population,
                households=line.households,
            )
    print_result({"imported": len(lines)}, args.json, [f"Đã lưu {len(lines)} thôn, tổ dân phố."])
    return 0


def command_add(settings: Settings, args: argparse.Namespace) -> int:
    with session_scope(settings.database_url) as session:
        area = save_area(
            session, name=args.name, adult_population=args.adults, households=args.households
        )
        data = {"id": area.id, "name": area.name}
    print_result(data, args.json, [f"Đã lưu {data['name']}."])
    return 0


def command_list(settings: Settings, args: argparse.Namespace) -> int:
    with session_scope(settings.database_url) as session:
        rows = [
            {"id": a.id, "name": a.name, "adults": a.adult_population, "households": a.households}
            for a in list_areas(session)
        ]
    lines = [
        f"{'#' + str(r['id']):>4}  {r['name'][:30]:<30} {r['adults']:>6} người lớn"
        f" {r['households']:>5} hộ"
        for r in rows
    ] or ["Chưa có thôn nào. Thêm bằng: python -m bot areas import thon.csv"]
    print_result(rows, args.json, lines)
    return 0


def command_household_add(settings: Settings, args: argparse.Namespace) -> int:
    with session_scope(settings.database_url) as session:
        area = find_area(session, name=args.area)
        if area is None:
            print(f"Chưa có thôn {args.area!r}; thêm bằng: python -m bot areas add --name …")
            return 1
        household = add_household(session, area=area, label=args.label)
        data = {"id": household.id, "area": area.name, "label": household.label}
    print_result(data, args.json, [f"Đã thêm hộ #{data['id']} ({data['label']}, {data['area']})."])
    return 0


def command_household_list(settings: Settings, args: argparse.Namespace) -> int:
    with session_scope(settings.database_url) as session:
        area = find_area(session, name=args.area) if args.area else None
        if args.area and area is None:
            print(f"Chưa có thôn {args.area!r}.")
            return 1
        names = {a.id: a.name for a in list_areas(session)}
        rows = [
            {"id": h.id, "area": names[h.area_id], "label": h.label, "learners": n}
            for h, n in list_households(session, area=area)
        ]
    lines = [
        f"{'#' + str(r['id']):>5}  {r['area'][:20]:<20} {r['label'][:30]:<30}"
        f" {r['learners']:>3} người học"
        for r in rows
    ] or ["Chưa có hộ nào."]
    print_result(rows, args.json, lines)
    return 0


def command_household_join(settings: Settings, args: argparse.Namespace) -> int:
    with session_scope(settings.database_url) as session:
        learner = get_learner(session, sender_id=args.learner)
        household = session.get(Household, args.household)
        if learner is None or household is None:
            print("Không tìm thấy người học hoặc hộ này.")
            return 1
        join_household(session, learner=learner, household=household, recorded_by=args.by)
    data = {"learner": args.learner, "household": args.household}
    print_result(data, args.json, ["Đã ghi nhận."])
    return 0


def run(settings: Settings, args: argparse.Namespace) -> int:
    upgrade_database(settings.database_url)
    return args.areas_func(settings, args)


def add_areas_parser(sub: argparse._SubParsersAction) -> None:
    """Register `areas …` and `households …` on the main CLI."""
    areas = sub.add_parser("areas", help="thôn / tổ dân phố: adults and households")
    areas.set_defaults(func=run)
    group = areas.add_subparsers(dest="areas_command", required=True)
    load = group.add_parser("import", help="add or update areas from a CSV file")
    load.add_argument("file")
    load.set_defaults(areas_func=command_import)
    add = group.add_parser("add", help="add or update one area")
    add.add_argument("--name", required=True)
    add.add_argument("--adults", type=int, default=0, help="adult population")
    add.add_argument("--households", type=int, default=0, help="number of households")
    add.set_defaults(areas_func=command_add)
    group.add_parser("list", help="list areas").set_defaults(areas_func=command_list)
    homes = sub.add_parser("households", help="households, and which one a learner belongs to")
    homes.set_defaults(func=run)
    actions = homes.add_subparsers(dest="households_command", required=True)
    new = actions.add_parser("add", help="add a household (address or number, not a name)")
    new.add_argument("--area", required=True)
    new.add_argument("--label", required=True)
    new.set_defaults(areas_func=command_household_add)
    listing = actions.add_parser("list", help="households and their learners")
    listing.add_argument("--area", default="")
    listing.set_defaults(areas_func=command_household_list)
    join = actions.add_parser("join", help="record the household a learner belongs to")
    join.add_argument("--learner", required=True, help="sender id, e.g. tg:123")
    join.add_argument("--household", required=True, type=int, help="the household's #id")
    join.add_argument("--by", default="mentor", help="who says so: learner, or the mentor's id")
    join.set_defaults(areas_func=command_household_join)
    for command in (*group.choices.values(), *actions.choices.values()):
        command.add_argument("--json", action="store_true", help="print JSON")
