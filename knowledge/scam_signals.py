"""The signs of a scam in a pasted or forwarded message (pure: text and lists in, signals out).

Two kinds of sign: what is wrong with its links (`knowledge.scam_links`: an address that imitates
a brand's, a shortened one, one that installs an app, an unusual ending, punycode, a bare IP)
and what it asks or says (`knowledge.scam_phrases`: an OTP or password, a remote-control app,
threats and deadlines, prizes and easy money, a "safe account", a fee before a payout, and who
it claims to be). Nothing here opens a link or keeps the text.
"""

from __future__ import annotations

from dataclasses import dataclass

from knowledge.scam_links import (
    Link,
    ending,
    find_links,
    imitated_brand,
    is_installable,
    is_ip_address,
    is_punycode,
)
from knowledge.scam_phrases import asks_if_scam, find_phrases, plain_text, points_at_something
from lessons.brand_domains import BrandLists


@dataclass(frozen=True)
class Signal:
    name: str  # lookalike_domain, short_link, installable_link, unusual_ending, punycode,
    #            ip_link, asks_secret, remote_app, pressure, too_good, safe_account,
    #            fee_to_receive, money_request, impersonation
    kind: str = ""  # which one: "hyphen", "threat", "police", …
    host: str = ""  # the link's host as written (a reply shows it defanged, never as is)
    brand: str = ""  # the brand or body imitated


def link_endings(lists: BrandLists) -> frozenset[str]:
    """Endings a bare host may have besides the common ones (so "bit.ly/x" is a link)."""
    return lists.unusual_tlds | {ending(host) for host in lists.shorteners}


def links_in(text: str, lists: BrandLists) -> list[Link]:
    return find_links(text, link_endings(lists))


def link_signals(link: Link, lists: BrandLists) -> list[Signal]:
    """What is wrong with one link; nothing for a brand's real host or a state body's."""
    host = link.host
    found: list[Signal] = []
    if is_installable(link, lists.installable):
        found.append(Signal("installable_link", link.path.rsplit(".", 1)[-1].lower(), host))
    if lists.is_real(host):
        return found
    imitation = imitated_brand(host, lists)
    if imitation is not None:
        found.append(Signal("lookalike_domain", imitation.how, host, imitation.brand.brand))
    if lists.is_shortener(host):
        found.append(Signal("short_link", "", host))
    if is_ip_address(host):
        found.append(Signal("ip_link", "", host))
    elif ending(host) in lists.unusual_tlds:
        found.append(Signal("unusual_ending", ending(host), host))
    if is_punycode(host) and imitation is None:
        found.append(Signal("punycode", "", host))
    return found


def without_links(text: str, links: list[Link], lists: BrandLists) -> str:
    """The text with each unknown address replaced by the word "link" (rules read "bấm vào
    link") and each real one by "trang chính thức"."""
    for link in links:
        real = lists.is_real(link.host)
        text = text.replace(link.text, " trang chinh thuc " if real else " link ")
    return text


def text_signals(text: str, links: list[Link], lists: BrandLists) -> list[Signal]:
    plain = plain_text(without_links(text, links, lists))
    return [Signal(name, kind) for name, kind in find_phrases(plain)]


def detect_signals(text: str, lists: BrandLists) -> list[Signal]:
    """Every sign of a scam in `text`: link signs first (in link order), then phrase signs."""
    links = links_in(text, lists)
    found = [signal for link in links for signal in link_signals(link, lists)]
    return [*dict.fromkeys(found), *text_signals(text, links, lists)]


def unreal_hosts(text: str, lists: BrandLists) -> list[str]:
    """Hosts in the text that are neither a brand's real one nor a state body's."""
    return list(
        dict.fromkeys(link.host for link in links_in(text, lists) if not lists.is_real(link.host))
    )


def defang(host: str) -> str:
    """A host that no chat app turns into a link: "vietcombank-hotro[.]com"."""
    return host.replace(".", "[.]")


def asks_to_check(text: str) -> bool:
    """The writer asks whether something they have is a scam ("tin này có lừa không")."""
    plain = plain_text(text)
    return asks_if_scam(plain) and points_at_something(plain)
