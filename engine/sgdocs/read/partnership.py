"""The partnership (or organisation) behind a set of documents, written once.

`partnership.yaml` is found by walking up from a document's folder. The folder holding the
top-most one is the content root: restyled templates live in its `templates/` folder, and
no file a document references may lie outside it. When several are found, they are merged,
the nearer file's values winning, so a sub-area can override a county-wide file.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, computed_field

from sgdocs.errors import ContentError, Finding, Location, Severity, closest
from sgdocs.read.brand import Brand
from sgdocs.read.chair import Chair
from sgdocs.read.discovery import PARTNERSHIP_FILE
from sgdocs.read.images import find_images
from sgdocs.read.schema import Inline, Issue, Lines, Model, Text, Url
from sgdocs.read.validation import validate
from sgdocs.read.values import PartialDate, listed
from sgdocs.read.yamlsource import KeyPath, YamlFile, read_yaml

FILENAME = PARTNERSHIP_FILE
PartnerRole = Literal["local-authority", "police", "health", "education", "childrens-trust"]
ROLE_NAMES = {"local-authority": "Local authority", "police": "Police", "health": "Health",
              "education": "Education", "childrens-trust": "Children's trust"}
STATUTORY = ("local-authority", "police", "health")
"""The three safeguarding partners the law names; a partnership may add others."""


class SafeguardingPartner(Model):
    """One of the safeguarding partners."""

    role: PartnerRole
    """What kind of partner this is: local-authority, police or health (the three the law
    names), or education or childrens-trust where a partnership adds them. A pan-area
    partnership lists each of its local authorities."""
    organisation: Text
    """The organisation as it should be named, e.g. "Metropolitan Police Service"."""
    lead: Text | None = None
    """The lead safeguarding partner: the head of the organisation, by name or role."""
    delegate: Text | None = None
    """The delegated safeguarding partner, by name or role."""

    @computed_field  # type: ignore[prop-decorator]
    @property
    def role_name(self) -> str:
        """The partner's role as printed: "Local authority", "Police" or "Health"."""
        return ROLE_NAMES[self.role]


class JointBody(Model):
    """A body the partnership shares with its neighbours, above or beside it: a pan-county
    executive, a joint forum, shared procedures."""

    name: Text
    """The body, e.g. "Pan-Sussex Child Protection Procedures Group"."""
    shared_with: list[Text] = Field(min_length=1)
    """The other partnerships or areas in it, e.g. [Brighton & Hove, West Sussex]."""
    does: Text | None = None
    """What it does for the partnership, e.g. "keeps the child protection procedures the
    three partnerships follow"."""

    def line(self) -> str:
        """"Name (with A and B): what it does." as the partnership's facts list it."""
        does = f": {self.does}" if self.does else ""
        return f"{self.name} (with {listed(self.shared_with)}){does}."


class Partnership(Model):
    """The partnership, or for a national body like TASP the organisation, behind documents."""

    name: Text
    """The full name, e.g. "Bexley Safeguarding Partnership"."""
    short_name: Text | None = None
    """A short form used in running text, e.g. "Bexley"."""
    area: Text | None = None
    """The area covered, e.g. "London Borough of Bexley"."""
    website: Url | None = None
    """The public website's address."""
    address: Lines = []
    """The postal address letters are sent from, a line each, e.g. [Town Hall, High
    Street, Exampleton]."""
    phone: Text | None = None
    """The telephone number printed on letters."""
    email: Text | None = None
    """The e-mail address printed on letters, e.g. a team mailbox."""
    safeguarding_partners: list[SafeguardingPartner] = []
    """The safeguarding partners (optional for organisations that are not partnerships)."""
    relevant_agencies: list[Inline] = []
    """Other agencies the partners have named to work with them."""
    chair: Text | Chair | None = None
    """Who chairs the partnership: who, in words ("the Director of Children's Services"), or
    how: `{arrangement: co-chairs, who: [..], since: 2024-10-01}` (independent, scrutineer,
    co-chairs, rotating or partner)."""
    scrutineer: Text | None = None
    """The independent scrutineer, by name or role, as it reads on its own, e.g. "Mel
    John-Ross" or "An independent scrutineer appointed by the partners"."""
    joint_bodies: list[JointBody] = []
    """Bodies the partnership shares with neighbouring partnerships: a pan-county
    executive, a joint forum, shared procedures."""
    published_contacts: list[Text] = []
    """Phone numbers and e-mail addresses the partnership publishes (a helpline, a team
    mailbox), which `sgdocs check` does not report as likely personal data."""
    brand: Brand | None = None
    """The logo, colours and typeface of the partnership's documents (the house style if
    left out)."""

    @computed_field  # type: ignore[prop-decorator]
    @property
    def chair_sentence(self) -> str | None:
        """How the partnership is chaired, in a sentence; None when it does not say."""
        if isinstance(self.chair, Chair):
            return self.chair.sentence()
        return f"The partnership is chaired by {self.chair}." if self.chair else None

    @computed_field  # type: ignore[prop-decorator]
    @property
    def joint_sentence(self) -> str | None:
        """The bodies shared with neighbours, a sentence each; None when there are none."""
        return " ".join(body.line() for body in self.joint_bodies) or None

    def issues(self) -> Iterator[Issue]:
        seen: set[tuple[str, str]] = set()
        for i, partner in enumerate(self.safeguarding_partners):
            if (partner.role, partner.organisation) in seen:
                yield Issue(("safeguarding_partners", i), f"{partner.organisation} is listed "
                            f"twice as a {partner.role} partner", "list each partner once")
            seen.add((partner.role, partner.organisation))
        listed = {partner.role for partner in self.safeguarding_partners}
        for role in STATUTORY if listed else ():
            if role not in listed:
                yield Issue(("safeguarding_partners",), f"no {ROLE_NAMES[role].lower()} "
                            "partner is listed", "the local authority, the police and health "
                            "are the three safeguarding partners the law names: add the "
                            "missing one", Severity.WARNING)


class SignOff(Model):
    """A lead safeguarding partner's signature on a document."""

    role: PartnerRole
    """Which lead safeguarding partner signed: local-authority, police, health, education
    or childrens-trust."""
    organisation: Text | None = None
    """The partner's organisation, where two partners share a role (two councils)."""
    name: Text
    """Who signed, e.g. "Jane Doe, Chief Executive"."""
    date: PartialDate
    """When they signed."""

    @computed_field  # type: ignore[prop-decorator]
    @property
    def role_name(self) -> str:
        """The partner's role as printed: "Local authority", "Police" or "Health"."""
        return ROLE_NAMES[self.role]


def sign_off_issues(sign_off: list[SignOff], partners: list[SafeguardingPartner]
                    ) -> Iterator[Issue]:
    """A document's sign-off against the partners partnership.yaml lists: each signature
    is a listed partner's, says which where two share a role, and every partner signs."""
    if not partners or not sign_off:
        return
    for i, signature in enumerate(sign_off):
        role = [n for n, partner in enumerate(partners) if partner.role == signature.role]
        named = [n for n in role if partners[n].organisation == signature.organisation]
        names = [partners[n].organisation for n in role]
        if not role:
            yield Issue(("sign_off", i, "role"), f"partnership.yaml lists no "
                        f"{signature.role_name.lower()} partner to sign", "sign for a partner "
                        "it lists, or add the partner to partnership.yaml")
        elif signature.organisation is not None and not named:
            match = closest(signature.organisation, names)
            yield Issue(("sign_off", i, "organisation"), f"\u201c{signature.organisation}\u201d "
                        f"is not a {signature.role_name.lower()} partner in partnership.yaml",
                        f"did you mean \u201c{match}\u201d?" if match else
                        f"use one of: {', '.join(names)}")
        elif signature.organisation is None and len(role) > 1:
            yield Issue(("sign_off", i), f"partnership.yaml lists {len(role)} "
                        f"{signature.role_name.lower()} partners: the signature does not say "
                        "whose it is", f"add `organisation:`, one of: {', '.join(names)}")
    unsigned = unsigned_partners(sign_off, partners)
    if unsigned:
        yield Issue(("sign_off",), f"{listed(unsigned)} {'has' if len(unsigned) == 1 else 'have'}"
                    " not signed", "each safeguarding partner partnership.yaml lists signs "
                    "off the document", Severity.WARNING)


def unsigned_partners(sign_off: list[SignOff], partners: list[SafeguardingPartner]
                      ) -> list[str]:
    """The partners partnership.yaml lists that no signature is clearly theirs."""
    signed: set[int] = set()
    for signature in sign_off:
        role = [n for n, partner in enumerate(partners) if partner.role == signature.role]
        named = [n for n in role if partners[n].organisation == signature.organisation]
        if named or (signature.organisation is None and len(role) == 1):
            signed.update(named or role)
    return [partners[n].organisation for n in range(len(partners)) if n not in signed]


@dataclass(frozen=True)
class Setting:
    """Where a document stands: its partnership and its content root."""

    partnership: Partnership
    root: Path
    source: YamlFile
    """The merged values of the partnership files, with where each one stands."""
    files: tuple[Path, ...] = ()
    """The partnership files, top-most first."""


def find_setting(folder: Path) -> Setting:
    """The partnership for documents in `folder`, merged from every partnership.yaml above."""
    files = list(_files_above(folder.resolve()))
    if not files:
        raise ContentError([Finding(
            Location(folder), f"no {FILENAME} was found in this folder or any folder above it",
            "create one beside the document (`sgdocs new` writes a starter); it names the "
            "partnership and its partners")])
    merged = _merge([read_yaml(path) for path in files])
    partnership, findings = validate(Partnership, merged, what="partnership")
    if partnership is not None and not any(f.is_error for f in findings):
        findings += find_images(partnership, merged, files[0].parent)
    if partnership is None or any(f.is_error for f in findings):
        raise ContentError(findings)
    return Setting(partnership, files[0].parent, merged, tuple(files))


def content_root(folder: Path) -> Path | None:
    """The folder holding the top-most partnership.yaml above `folder` (not read), if any."""
    top = next(_files_above(folder.resolve()), None)
    return top.parent if top else None


def places(folder: Path) -> list[Path]:
    """Where partnership.yaml files are looked for, for documents in `folder`: in it and
    every folder above it, the top-most first."""
    return [parent / FILENAME for parent in reversed((folder, *folder.parents))]


def _files_above(folder: Path) -> Iterator[Path]:
    """partnership.yaml files from the top-most down to `folder`."""
    yield from (candidate for candidate in places(folder) if candidate.is_file())


def _merge(layers: list[YamlFile]) -> YamlFile:
    """One view of several files, each later (nearer) file's values winning."""
    for layer in layers:
        if not isinstance(layer.data, dict):
            raise ContentError([Finding(layer.where(), f"{FILENAME} should be a group of "
                                        "keys such as `name:`", "see `sgdocs schema "
                                        "partnership`")])
    merged = YamlFile(layers[-1].path, {}, {})
    for layer in layers:
        _overlay(merged.data, layer.data, (), merged.locations, layer)
    return merged


def _overlay(target: dict[str, Any], layer: dict[str, Any], at: KeyPath,
             locations: dict[KeyPath, Location], source: YamlFile) -> None:
    for key, value in layer.items():
        path = (*at, key)
        if isinstance(value, dict) and isinstance(target.get(key), dict):
            _overlay(target[key], value, path, locations, source)
            continue
        target[key] = value
        for known in [p for p in locations if p[:len(path)] == path]:
            del locations[known]
        locations.update({p: loc for p, loc in source.locations.items()
                          if p[:len(path)] == path})
    locations.setdefault(at, source.where(at))
