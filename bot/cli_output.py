"""How the admin commands print: JSON for scripts, plain lines for people."""

from __future__ import annotations

import json


def print_result(data: object, as_json: bool, lines: list[str]) -> None:
    print(json.dumps(data, ensure_ascii=False) if as_json else "\n".join(lines))
