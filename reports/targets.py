"""The commune's yearly targets, read from a YAML file (reports/targets.yml): data, not code."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

TARGETS_FILE = Path(__file__).with_name("targets.yml")
MEASURES = ("basic_level", "vneid")


@dataclass(frozen=True)
class Rate:
    id: str
    label: str
    measure: str  # basic_level | vneid
    target: float  # 0..1
    groups: tuple[str, ...] = ()  # only these target groups (empty: everyone)
    exclude_groups: tuple[str, ...] = ()
    adults: bool = False  # denominator: the adult population of the area or commune

    def counts(self, target_group: str | None) -> bool:
        """Does a learner of this target group count towards this rate?"""
        if self.groups and target_group not in self.groups:
            return False
        return target_group not in self.exclude_groups


@dataclass(frozen=True)
class Targets:
    year: int
    commune: str
    office: str
    basic_level_domains: int
    rates: tuple[Rate, ...]
    gia_dinh_so: float
    dai_su_so_min_mentees: int
    population: dict[str, int] = field(default_factory=dict)  # commune-wide, per target group


def _rate(raw: dict) -> Rate:
    rate = Rate(
        id=str(raw["id"]),
        label=str(raw["label"]),
        measure=str(raw["measure"]),
        target=float(raw["target"]),
        groups=tuple(raw.get("groups") or ()),
        exclude_groups=tuple(raw.get("exclude_groups") or ()),
        adults=bool(raw.get("adults", False)),
    )
    if rate.measure not in MEASURES or not 0 <= rate.target <= 1:
        raise ValueError(f"rate {rate.id}: measure in {MEASURES}, target in 0..1")
    return rate


def parse_targets(data: dict, year: int) -> Targets:
    """The targets of `year` (or of the latest earlier year that has some)."""
    years = {int(y): v for y, v in (data.get("years") or {}).items()}
    known = sorted(y for y in years if y <= year)
    if not known:
        raise ValueError(f"no targets for {year} or earlier in the targets file")
    chosen = years[known[-1]]
    population = {k: int(v) for k, v in (chosen.get("population") or {}).items() if v}
    return Targets(
        year=year,
        commune=str(data.get("commune") or "UBND xã"),
        office=str(data.get("office") or "Văn hóa - Xã hội"),
        basic_level_domains=int(data.get("basic_level_domains", 3)),
        rates=tuple(_rate(r) for r in chosen.get("rates") or ()),
        gia_dinh_so=float(chosen.get("gia_dinh_so", 1.0)),
        dai_su_so_min_mentees=int(chosen.get("dai_su_so_min_mentees", 5)),
        population=population,
    )


def load_targets(year: int, path: Path = TARGETS_FILE) -> Targets:
    return parse_targets(yaml.safe_load(path.read_text(encoding="utf-8")) or {}, year)
