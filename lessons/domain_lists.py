"""The content's list of official hosts and of real sites (lessons/official_domains.yml)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

import yaml

DOMAINS_FILE = Path(__file__).parent / "official_domains.yml"


def host_of(url: str) -> str:
    """The lower-case host of a URL or of a bare "host/path" ("" when there is none)."""
    text = url.strip()
    try:
        return (urlsplit(text if "://" in text else "//" + text).hostname or "").rstrip(".")
    except ValueError:  # a malformed port or bracket: no usable host
        return ""


def host_matches(host: str, entries: tuple[str, ...]) -> bool:
    """An entry ".gov.vn" matches any host ending so; "x.vn" matches x.vn and its subdomains."""
    host = host.lower()
    return bool(host) and any(
        host.endswith(entry)
        if entry.startswith(".")
        else host == entry or host.endswith("." + entry)
        for entry in entries
    )


@dataclass(frozen=True)
class DomainLists:
    """Content's list of official hosts (lessons/official_domains.yml) and of real sites."""

    official: tuple[str, ...]
    real_sites: tuple[str, ...] = ()
    home_pages_ok: tuple[str, ...] = ()

    def is_official(self, host: str) -> bool:
        return host_matches(host, self.official)

    def is_known(self, host: str) -> bool:
        """Official or a real site lesson text may name as it is (no "[.]")."""
        return host_matches(host, self.official + self.real_sites)


def parse_domain_lists(raw: dict) -> DomainLists:
    """The official_domains.yml mapping → DomainLists (hosts lower-cased, reasons dropped)."""

    def hosts(key: str) -> tuple[str, ...]:
        return tuple(str(entry["host"]).strip().lower() for entry in raw.get(key) or ())

    return DomainLists(hosts("official"), hosts("real_sites"), hosts("home_pages_ok"))


@lru_cache(maxsize=1)
def official_domains(path: Path = DOMAINS_FILE) -> DomainLists:
    """The content's list of official hosts and real sites, read once."""
    return parse_domain_lists(yaml.safe_load(path.read_text(encoding="utf-8")) or {})
