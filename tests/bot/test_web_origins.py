"""Origins: the setting is parsed strictly; only own and listed pages may call the chat API."""

from __future__ import annotations

import pytest

from bot.web_origins import cors_headers, is_allowed_origin, origin_of, parse_origins

OWN = frozenset({"http://127.0.0.1:8080"})


@pytest.mark.parametrize(
    ("url", "origin"),
    [
        ("https://Xa.Gov.VN/tin-tuc?id=1", "https://xa.gov.vn"),
        ("https://xa.gov.vn:443", "https://xa.gov.vn"),
        ("http://127.0.0.1:8080/", "http://127.0.0.1:8080"),
        ("ftp://xa.gov.vn", ""),
        ("xa.gov.vn", ""),
        ("null", ""),
    ],
)
def test_origin_of_keeps_scheme_host_and_a_non_default_port(url, origin):
    assert origin_of(url) == origin


def test_parse_origins_accepts_commas_and_spaces():
    parsed = parse_origins(" https://xa.gov.vn, https://www.xa.gov.vn/  http://10.0.0.5:8000 ")
    assert parsed == {"https://xa.gov.vn", "https://www.xa.gov.vn", "http://10.0.0.5:8000"}
    assert parse_origins("") == frozenset()


@pytest.mark.parametrize("bad", ["*", "xa.gov.vn", "https://xa.gov.vn/tin-tuc", "https://*.gov.vn"])
def test_parse_origins_refuses_what_is_not_an_origin(bad):
    with pytest.raises(ValueError, match="WIDGET_ALLOWED_ORIGINS"):
        parse_origins(bad)


def test_is_allowed_origin_serves_scripts_own_page_and_listed_sites_only():
    allowed = parse_origins("https://xa.gov.vn")
    assert is_allowed_origin(None, allowed, OWN)  # curl, scripts, tests
    assert is_allowed_origin("http://127.0.0.1:8080", allowed, OWN)
    assert is_allowed_origin("https://xa.gov.vn", allowed, OWN)
    assert not is_allowed_origin("https://lua-dao.example", allowed, OWN)
    assert not is_allowed_origin("null", allowed, OWN)  # sandboxed frames, file:// pages
    assert not is_allowed_origin("https://xa.gov.vn.lua-dao.example", allowed, OWN)


def test_cors_headers_only_for_listed_origins():
    allowed = parse_origins("https://xa.gov.vn")
    granted = cors_headers("https://xa.gov.vn", allowed)
    assert granted["Access-Control-Allow-Origin"] == "https://xa.gov.vn"
    assert "X-Troly-Sender" in granted["Access-Control-Expose-Headers"]
    assert cors_headers("https://lua-dao.example", allowed) == {"Vary": "Origin"}
    assert cors_headers(None, allowed) == {"Vary": "Origin"}
