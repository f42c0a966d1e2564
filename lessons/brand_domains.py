"""The content's list of brands scam messages imitate (lessons/brand_domains.yml): their names,
real hosts and sources; link shorteners; unusual top-level domains; installable file endings."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from lessons.domain_lists import host_matches, official_domains

BRANDS_FILE = Path(__file__).parent / "brand_domains.yml"


@dataclass(frozen=True)
class Brand:
    brand: str  # how a resident knows it: "Vietcombank", "Bộ Công an"
    kind: str  # government | police | tax | bank | power | carrier | delivery | social
    names: tuple[str, ...]  # what a fake address copies: "vietcombank", "vcb"
    hosts: tuple[str, ...]  # its real hosts
    source: str = ""


@dataclass(frozen=True)
class BrandLists:
    brands: tuple[Brand, ...]
    shorteners: tuple[str, ...] = ()
    unusual_tlds: frozenset[str] = frozenset()
    installable: frozenset[str] = frozenset()
    also_real: tuple[str, ...] = ()  # official and real sites from official_domains.yml

    def is_real(self, host: str) -> bool:
        """A brand's own host, a state body's (.gov.vn) or a real site the lessons name."""
        real = tuple(h for b in self.brands for h in b.hosts) + self.also_real
        return host_matches(host, real)

    def is_shortener(self, host: str) -> bool:
        return host_matches(host, self.shorteners)


def parse_brand_lists(raw: dict, also_real: tuple[str, ...] = ()) -> BrandLists:
    """The brand_domains.yml mapping → BrandLists (names and hosts lower-cased)."""

    def lower(values: list | None) -> tuple[str, ...]:
        return tuple(str(v).strip().lower() for v in values or ())

    brands = tuple(
        Brand(
            str(e["brand"]),
            str(e["kind"]),
            lower(e["names"]),
            lower(e["hosts"]),
            str(e.get("source") or ""),
        )
        for e in raw.get("brands") or ()
    )
    return BrandLists(
        brands,
        lower(raw.get("shorteners")),
        frozenset(lower(raw.get("unusual_tlds"))),
        frozenset(lower(raw.get("installable"))),
        also_real,
    )


@lru_cache(maxsize=1)
def brand_lists(path: Path = BRANDS_FILE) -> BrandLists:
    """The content's brand list, with official_domains.yml's hosts as real too; read once."""
    lists = official_domains()
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return parse_brand_lists(raw, lists.official + lists.real_sites)
