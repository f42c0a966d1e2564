"""Links in a message and look-alike addresses (knowledge.scam_links), on a small brand list."""

from __future__ import annotations

import pytest

from knowledge.scam_links import (
    Link,
    decode_host,
    find_links,
    imitated_brand,
    is_installable,
    is_punycode,
    skeleton,
    split_host,
)
from lessons.brand_domains import Brand, BrandLists, brand_lists

LISTS = BrandLists(
    brands=(
        Brand("Vietcombank", "bank", ("vietcombank", "vcb"), ("vietcombank.com.vn",)),
        Brand("BIDV", "bank", ("bidv",), ("bidv.com.vn",)),
        Brand("VNeID", "government", ("vneid",), ("vneid.gov.vn",)),
        Brand("Cổng Dịch vụ công quốc gia", "government", ("dichvucong",), ("dichvucong.gov.vn",)),
        Brand("Viettel", "carrier", ("viettel",), ("viettel.vn",)),
        Brand("Viettel Post", "delivery", ("viettelpost",), ("viettelpost.com.vn",)),
        Brand("Shopee", "delivery", ("shopee",), ("shopee.vn",)),
    ),
    shorteners=("bit.ly",),
    unusual_tlds=frozenset({"xyz", "top"}),
    installable=frozenset({"apk"}),
    also_real=(".gov.vn",),
)


def hosts(text: str) -> list[str]:
    return [link.host for link in find_links(text, frozenset({"ly", "xyz", "top"}))]


def test_find_links_reads_schemes_www_bare_and_defanged_addresses():
    text = (
        "Truy cập https://vietcombank-hotro.com/xac-thuc?id=1, www.vneid-xacthuc.com hoặc "
        "bit.ly/3abC. Xem thêm dichvucong[.]gov[.]vn.xyz nhé"
    )
    assert hosts(text) == [
        "vietcombank-hotro.com",
        "vneid-xacthuc.com",
        "bit.ly",
        "dichvucong.gov.vn.xyz",
    ]


def test_find_links_ignores_money_abbreviations_and_sentence_dots():
    assert hosts("Giá 1.500.000đ tại TP.HCM, v.v. Xin cảm ơn.Vui lòng gọi lại") == []


def test_find_links_reads_an_email_domain_and_strips_trailing_punctuation():
    assert hosts("Gửi về hotro@bidv-online.com.") == ["bidv-online.com"]
    assert find_links("vào http://a-b.com/x).")[0].text == "http://a-b.com/x"


def test_find_links_keeps_unicode_hosts():
    assert hosts("vào vietcоmbank.com ngay") == ["vietcоmbank.com"]  # a Cyrillic "о"


def test_split_host_knows_two_level_vietnamese_endings():
    assert split_host("a.b.com.vn") == (["a", "b"], "com.vn")
    assert split_host("vneid.com") == (["vneid"], "com")


def test_punycode_is_decoded_and_homoglyphs_mapped():
    encoded = "vietcоmbank".encode("idna").decode()  # Cyrillic "о"
    assert decode_host(encoded + ".com") == "vietcоmbank.com"
    assert skeleton(encoded + ".com") == "vietcombank.com"
    assert is_punycode(encoded + ".com") and is_punycode("vietcоmbank.com")
    assert not is_punycode("vietcombank.com.vn")


@pytest.mark.parametrize(
    ("host", "brand", "how"),
    [
        ("vietcombank-hotro.com", "Vietcombank", "hyphen"),
        ("vietcombankonline.net", "Vietcombank", "extra_words"),
        ("vietcombank.com.vn.secure.top", "Vietcombank", "extra_words"),
        ("vneid.com", "VNeID", "wrong_ending"),
        ("vietconbank.com", "Vietcombank", "typo"),  # a letter changed
        ("vietcombnak.com", "Vietcombank", "typo"),  # two letters swapped
        ("vietcombbank.com", "Vietcombank", "typo"),  # a letter doubled
        ("vietc0mbank.vn", "Vietcombank", "digit"),
        ("vietcornbank.com", "Vietcombank", "letters"),  # "rn" for "m"
        ("vietcоmbank.com", "Vietcombank", "homoglyph"),
        ("vietcоmbank".encode("idna").decode() + ".com", "Vietcombank", "homoglyph"),
        ("vcb-digibank.xyz", "Vietcombank", "hyphen"),  # a short name as a whole word
        ("bidvonline.net", "BIDV", "extra_words"),  # four letters at the start of a word
        ("viettelpost-giaohang.com", "Viettel Post", "hyphen"),  # the longest name wins
        ("dichvucong.gov.vn.cc", "Cổng Dịch vụ công quốc gia", "extra_words"),
        ("govvn-xacthuc.com", "cơ quan nhà nước", "fake_gov"),
        ("shoppe.vn", "Shopee", "typo"),
    ],
)
def test_imitated_brand_finds_each_trick(host: str, brand: str, how: str):
    found = imitated_brand(host, LISTS)
    assert found is not None and (found.brand.brand, found.how) == (brand, how)


@pytest.mark.parametrize(
    "host",
    [
        "vietcombank.com.vn",
        "digibank.vietcombank.com.vn",
        "vneid.gov.vn",
        "dichvucong.gov.vn",
        "hanoi.gov.vn",
        "viettelpost.com.vn",
        "shopee.vn",
        "cafef.vn",
        "vcbs.com",
        "bit.ly",
        "1.2.3.4",
        "acbd.com",
    ],
)
def test_imitated_brand_leaves_real_and_unrelated_hosts_alone(host: str):
    assert imitated_brand(host, LISTS) is None


def test_is_installable_reads_the_file_ending_of_the_path():
    assert is_installable(Link("x", "a.com", "/app/VNeID.apk?v=2"), frozenset({"apk"}))
    assert not is_installable(Link("x", "a.com", "/apk/info"), frozenset({"apk"}))


def test_the_content_list_parses_and_knows_real_hosts():
    lists = brand_lists()
    assert len(lists.brands) >= 30 and all(b.names and b.hosts for b in lists.brands)
    assert lists.is_real("vietcombank.com.vn") and lists.is_real("thongbaorac.ais.gov.vn")
    assert lists.is_shortener("bit.ly") and "xyz" in lists.unusual_tlds
    assert not lists.is_real("vietcombank-hotro.com")
