"""Where to ask about a public matter our lessons do not cover (pure lookup over
`lessons/referrals.yml`, fact sheet section 11)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from lessons.domain_lists import host_of, official_domains
from nlu.normalise import normalise, strip_accents

REFERRALS_FILE = Path(__file__).resolve().parent / "referrals.yml"
DEFAULT_ID = "commune"


@dataclass(frozen=True)
class Referral:
    id: str
    words: tuple[str, ...]
    text: str
    source_title: str
    source_url: str
    official: bool


def parse_referrals(raw: list[dict]) -> tuple[Referral, ...]:
    return tuple(
        Referral(
            id=entry["id"],
            words=tuple(entry["words"]),
            text=" ".join(entry["text"].split()),
            source_title=entry["source"]["title"],
            source_url=entry["source"]["url"],
            official=official_domains().is_official(host_of(entry["source"]["url"])),
        )
        for entry in raw
    )


@lru_cache(maxsize=1)
def load_referrals(path: Path = REFERRALS_FILE) -> tuple[Referral, ...]:
    return parse_referrals(yaml.safe_load(path.read_text(encoding="utf-8")))


def _plain(text: str) -> str:
    return " " + " ".join(strip_accents(normalise(text)).lower().split()) + " "


def find_referral(text: str, referrals: tuple[Referral, ...] | None = None) -> Referral:
    """The entry whose words the message uses most (longer words weigh more); the commune
    centre when none matches."""
    referrals = referrals or load_referrals()
    plain = _plain(text)

    def weight(referral: Referral) -> int:
        return sum(len(w.split()) for w in referral.words if f" {w} " in plain)

    best = max(referrals, key=weight)
    if weight(best) == 0:
        return next(r for r in referrals if r.id == DEFAULT_ID)
    return best
