"""Who may use the editor, and from where.

On the person's own machine (loopback, the default) anyone at the keyboard may; served to
colleagues (`--host`), the person starting it sets a password or token, which each
browser gives once to sign in. Either way every change is refused unless it comes from
the editor's own page: it carries the page's secret (in a header, or a form's hidden
field), which another site's page cannot know; and a request naming another host (a DNS
rebinding attack) or coming from another site is refused outright.
"""

from __future__ import annotations

import hmac
import ipaddress
import secrets
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from flask import Request

CSRF_HEADER = "X-CSRF-Token"


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@dataclass
class Access:
    """The rules for one running server."""

    host: str
    token: str | None = None
    """The password or token colleagues sign in with; None on loopback without one."""
    csrf: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    """The editor page's secret, which every change must carry."""

    def signed_in(self, given: str | None) -> bool:
        return self.token is None or (given is not None and hmac.compare_digest(
            given.encode(), self.token.encode()))

    def refusal(self, request: Request) -> str | None:
        """Why `request` is refused, or None."""
        name = urlsplit(f"//{request.host}").hostname or ""
        if not self._known_host(name):
            return f"this editor does not answer to the name {name!r}"
        if request.method in ("GET", "HEAD", "OPTIONS"):
            return None
        if request.headers.get("Sec-Fetch-Site", "same-origin") not in ("same-origin",
                                                                         "none"):
            return "a request from another site is refused"
        origin = request.headers.get("Origin")
        if origin is not None and urlsplit(origin).netloc != request.host:
            return "a request from another site is refused"
        given = request.headers.get(CSRF_HEADER) or request.form.get("csrf", "")
        if request.path != "/login" and not hmac.compare_digest(given, self.csrf):
            return "the request did not come from the editor's page; reload the page"
        return None

    def _known_host(self, name: str) -> bool:
        if is_loopback(self.host):
            return is_loopback(name)
        return name == self.host or is_loopback(name) or self.host in ("0.0.0.0", "::")
