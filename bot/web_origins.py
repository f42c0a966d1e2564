"""Which web pages may use the chat API: the gateway's own origin and `WIDGET_ALLOWED_ORIGINS`.

A browser names the page that calls us in the `Origin` header. A call with no `Origin` (a
script, `curl`, the tests) or from the gateway's own origin is served as before; a call from an
origin in the setting is served with the CORS headers that let the page read the answer; any
other origin is refused, so another site cannot drive a resident's conversation.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

EXPOSED_HEADERS = "X-Troly-Sender"
_HOST = re.compile(r"[a-z0-9.-]+|[0-9a-f:.]+")  # a name, IPv4 or IPv6; no wildcards


def origin_of(url: str) -> str:
    """`https://Xa.example:443/path` → `https://xa.example`; empty when it is not a web URL."""
    parts = urlsplit(url.strip())
    host = parts.hostname or ""
    if parts.scheme not in ("http", "https") or not host or not _HOST.fullmatch(host):
        return ""
    default = {"http": 80, "https": 443}[parts.scheme]
    try:
        port = parts.port
    except ValueError:
        return ""
    suffix = f":{port}" if port and port != default else ""
    host = f"[{host}]" if ":" in host else host
    return f"{parts.scheme}://{host}{suffix}"


def parse_origins(setting: str) -> frozenset[str]:
    """The setting's comma- or space-separated origins, normalised; wrong entries raise."""
    origins = set()
    for entry in setting.replace(",", " ").split():
        origin = origin_of(entry)
        if not origin or origin != entry.rstrip("/").lower():
            raise ValueError(
                f"WIDGET_ALLOWED_ORIGINS: {entry!r} không phải một origin như https://xa.gov.vn "
                "(scheme and host only, no path)"
            )
        origins.add(origin)
    return frozenset(origins)


def is_allowed_origin(origin: str | None, allowed: frozenset[str], own: frozenset[str]) -> bool:
    """May a page from `origin` call the API? No `Origin` header means not a browser page."""
    if origin is None:
        return True
    normalised = origin_of(origin)
    return bool(normalised) and (normalised in own or normalised in allowed)


def cors_headers(origin: str | None, allowed: frozenset[str]) -> dict[str, str]:
    """The headers that let an allowed page read our answers (none for other callers)."""
    normalised = origin_of(origin or "")
    if normalised not in allowed:
        return {"Vary": "Origin"}
    return {
        "Access-Control-Allow-Origin": origin or "",
        "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
        "Access-Control-Allow-Headers": "Content-Type",
        "Access-Control-Expose-Headers": EXPOSED_HEADERS,
        "Access-Control-Max-Age": "600",
        "Vary": "Origin",
    }
