"""Issue 12's content-truth rules: official first source, no home pages, defanged look-alike
domains, a `reviewed:` date, the stale list and the domain balance."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
import yaml

from lessons.domain_lists import DOMAINS_FILE, DomainLists, official_domains, parse_domain_lists
from lessons.lint import (
    check_balance,
    check_content,
    check_lesson,
    lessons_per_domain,
    lint_directory,
    main,
    stale_lessons,
    tappable_domains,
)
from lessons.model import DOMAINS, Source
from lessons.parse import LessonFormatError, parse_lesson_text
from tests.lessons.test_content import GOOD

TODAY = date(2026, 12, 8)
REVIEWED = GOOD.replace("updated: 2026-11-01", "updated: 2026-11-01\nreviewed: 2026-12-07")
DOMAIN_LISTS = DomainLists(
    official=(".gov.vn", "luatvietnam.vn"),
    real_sites=("tinnhiemmang.vn",),
    home_pages_ok=("thongbaorac.ais.gov.vn",),
)


def source(url: str) -> Source:
    return Source("Nguồn", url, date(2025, 1, 1))


def findings(text: str) -> list[str]:
    return check_content(parse_lesson_text(text, "x.md"), DOMAIN_LISTS)


# official detection


def test_the_official_list_in_content_loads_and_every_entry_says_why():
    raw = yaml.safe_load(DOMAINS_FILE.read_text(encoding="utf-8"))
    assert all(entry["why"].strip() for key in raw for entry in raw[key])
    lists = official_domains()
    assert ".gov.vn" in lists.official
    assert lists.is_official("thongbaorac.ais.gov.vn")
    assert not set(lists.official) & set(lists.real_sites)


@pytest.mark.parametrize(
    "url",
    [
        "https://dichvucong.gov.vn/p/home/dvc-trang-chu.html",
        "https://sbv.gov.vn/vi/web/sbv_portal/w/sbv605425",
        "https://luatvietnam.vn/tin-van-ban-moi/x-article.html",
        "https://english.luatvietnam.vn/law-no-107-2025-qh15.html",
        "https://DICHVUCONG.GOV.VN:443/x",
    ],
)
def test_state_sites_and_the_legal_text_are_official(url):
    assert source(url).official


@pytest.mark.parametrize(
    "url",
    [
        "https://dantri.com.vn/x.htm",
        "https://gov.vn.example.com/x",
        "https://dichvucong.gov.vn.info/x",
        "https://evil-luatvietnam.vn/x",
        "not a url",
    ],
)
def test_press_and_look_alike_sites_are_not_official(url):
    assert not source(url).official


def test_a_press_first_source_is_flagged_and_an_official_one_passes():
    press_first = REVIEWED.replace(
        '{title: Cổng DVC, url: "https://dichvucong.gov.vn", date: 2025-06-09}',
        '{title: Báo, url: "https://cafef.vn/bai-viet.chn", date: 2025-06-09}\n'
        '  - {title: Cổng DVC, url: "https://dichvucong.gov.vn/p/home", date: 2025-06-09}',
    )
    assert any("first source" in f for f in findings(press_first))
    official_first = REVIEWED.replace(
        '"https://dichvucong.gov.vn"', '"https://dichvucong.gov.vn/p"'
    )
    assert findings(official_first) == []


# home pages


@pytest.mark.parametrize("url", ["https://cafef.vn", "https://cafef.vn/", "https://sbv.gov.vn"])
def test_a_front_page_is_a_home_page(url):
    assert source(url).home_page


@pytest.mark.parametrize(
    "url", ["https://cafef.vn/bai-viet.chn", "https://ngonaz.com/?p=111262", "https://x.vn/a/"]
)
def test_a_page_or_a_query_is_not_a_home_page(url):
    assert not source(url).home_page


def test_home_page_sources_are_flagged_unless_the_front_page_is_the_page():
    assert any("home page" in f for f in findings(REVIEWED))  # https://dichvucong.gov.vn
    form = REVIEWED.replace("https://dichvucong.gov.vn", "https://thongbaorac.ais.gov.vn/")
    assert findings(form) == []


# defanged look-alike domains


def test_look_alike_domains_must_be_defanged():
    text = "Trang dichvucong-gov.com hay https://dichvucong.gov.vn.info/dang-nhap là trang giả."
    assert tappable_domains(text, DOMAIN_LISTS) == ["dichvucong-gov.com", "dichvucong.gov.vn.info"]


def test_defanged_official_and_real_sites_pass():
    text = (
        "Trang thật là dichvucong.gov.vn (https://dichvucong.gov.vn/p/home); trang giả "
        "dichvucong-gov[.]com, vneid-gov[.]app. Tra cứu ở tinnhiemmang.vn. Phí 1.000 đ, v.v."
    )
    assert tappable_domains(text, DOMAIN_LISTS) == []


def test_a_scam_domain_in_a_quiz_option_is_flagged_with_its_defanged_form():
    bad = REVIEWED.replace("https://dichvucong.gov.vn", "https://dichvucong.gov.vn/p").replace(
        "options: [A, B, C], answer: b", "options: [A, vneid-gov.app, C], answer: b"
    )
    assert findings(bad) == [
        "domain 'vneid-gov.app' would be a tappable link; write it 'vneid-gov[.]app'"
    ]


# reviewed date and the stale list


def test_reviewed_is_optional_in_the_model_and_defaults_to_updated():
    lesson = parse_lesson_text(GOOD, "x.md")
    assert lesson.reviewed is None and lesson.reviewed_on == date(2026, 11, 1)
    reviewed = parse_lesson_text(REVIEWED, "x.md")
    assert reviewed.reviewed == reviewed.reviewed_on == date(2026, 12, 7)


def test_reviewed_is_required_by_the_strict_rules_and_never_in_the_future():
    assert any("reviewed" in f for f in findings(GOOD))
    future = REVIEWED.replace("reviewed: 2026-12-07", "reviewed: 2027-01-01")
    assert any(
        "reviewed 2027-01-01 is in the future" in p
        for p in check_lesson(parse_lesson_text(future, "x.md"), TODAY)
    )
    with pytest.raises(LessonFormatError):
        parse_lesson_text(REVIEWED.replace("2026-12-07", "hôm qua"), "x.md")


def test_stale_lists_lessons_not_reviewed_for_that_many_days_oldest_first():
    old = parse_lesson_text(REVIEWED.replace("2026-12-07", "2026-01-02"), "old.md")
    fresh = parse_lesson_text(REVIEWED, "fresh.md")
    never = parse_lesson_text(GOOD, "never.md")  # reviewed_on = updated 2026-11-01
    assert stale_lessons([fresh, never, old], TODAY, 30) == [old, never]
    assert stale_lessons([fresh, never, old], TODAY, 400) == []


def write_lessons(folder: Path, *texts: str) -> Path:
    for number, text in enumerate(texts):
        (folder / f"bai-{number}.md").write_text(
            text.replace("id: thu-nghiem", f"id: thu-nghiem-{number}"), encoding="utf-8"
        )
    return folder


def test_stale_flag_prints_the_to_do_list_and_exits_zero(tmp_path, capsys):
    long_ago = (date.today() - timedelta(days=100)).isoformat()
    recent = (date.today() - timedelta(days=2)).isoformat()
    write_lessons(
        tmp_path, REVIEWED.replace("2026-12-07", long_ago), REVIEWED.replace("2026-12-07", recent)
    )
    assert main([str(tmp_path), "--stale", "30"]) == 0
    out = capsys.readouterr().out
    assert "bai-0.md" in out and "100 ngày trước" in out and "bai-1.md" not in out
    assert "1/2 bài" in out


# strict mode and the domain balance


def test_content_rules_fail_by_default_and_only_warn_while_drafting(tmp_path, capsys):
    write_lessons(tmp_path, GOOD)  # home-page source, no reviewed date, domains unbalanced
    assert main([str(tmp_path), "--warn-content"]) == 0
    assert "warning: bai-0.md: needs `reviewed" in capsys.readouterr().out
    assert main([str(tmp_path)]) == 1
    assert lint_directory(tmp_path, TODAY, strict=False) == []
    assert any("home page" in p for p in lint_directory(tmp_path, TODAY))


def test_domain_balance_wants_three_lessons_in_every_framework_domain():
    lesson = parse_lesson_text(GOOD, "x.md")
    per_domain = lessons_per_domain([lesson, lesson, lesson])
    assert list(per_domain) == list(DOMAINS) and per_domain["dinh_danh"] == 3
    problems = check_balance(per_domain)
    assert len(problems) == len(DOMAINS) - 1
    assert "domain thiet_bi has 0; at least 3 lessons wanted" in problems


def test_domain_lists_parse_from_yaml_mapping():
    lists = parse_domain_lists({"official": [{"host": " .GOV.VN ", "why": "state"}]})
    assert lists == DomainLists((".gov.vn",), (), ())
