"""letter: a letter on the partnership's letterhead, to one addressee.

The sender is the partnership: its name, logo, postal address and contacts come from
partnership.yaml, so a letter holds only the addressee and what it says. The salutation
follows from the addressee's name and the sign-off from the salutation, as a British letter
expects ("Dear Sir or Madam" ends "Yours faithfully", a name "Yours sincerely"), so a
mail-merge to many members sets only each addressee's fields and, if it likes, a salutation.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Literal

from pydantic import model_validator

from sgdocs.kinds import Kind
from sgdocs.read.schema import Document, Issue, Lines, Markdown, Model, Text
from sgdocs.read.values import PartialDate

UNNAMED = ("dear sir or madam", "dear sir/madam", "dear sir", "dear madam", "dear sirs")
"""Salutations to a reader not named, which British letters close "Yours faithfully"."""


class Addressee(Model):
    """Who the letter goes to, as the address block prints them."""

    name: Text
    """The person, e.g. "Priya Shah", or the post, e.g. "The Business Manager"."""
    role: Text | None = None
    """Their role, e.g. "Partnership Business Manager"."""
    organisation: Text | None = None
    """Their organisation, e.g. "Barnsley Safeguarding Children Partnership"."""
    address: Lines = []
    """The postal address, a line each (a list, or a block of lines)."""


class Signatory(Model):
    """Who signs the letter."""

    name: Text
    """Their name, printed under the space for the signature."""
    role: Text | None = None
    """Their role, e.g. "Chair"."""


class Letter(Document):
    """A letter."""

    kind: Literal["letter"]
    title: Text = ""
    """The letter's name in the window title, the file's properties and the page footer;
    left out, the subject."""
    date: PartialDate
    """The date the letter is sent, e.g. 2026-09-14."""
    reference: Text | None = None
    """Our reference, e.g. "TASP/AGM/2026"."""
    your_reference: Text | None = None
    """The addressee's reference, when replying to them."""
    addressee: Addressee
    """Who the letter goes to: name, role, organisation and address."""
    salutation: Text = ""
    """How the letter opens, e.g. "Dear Priya"; left out, "Dear" and the addressee's name
    ("Dear Business Manager" for "The Business Manager")."""
    subject: Text
    """What the letter is about, printed in bold after the salutation."""
    body: Markdown
    """What the letter says."""
    sign_off: Text = ""
    """How the letter closes; left out, "Yours faithfully" after "Dear Sir or Madam" and
    "Yours sincerely" after a name."""
    signatory: Signatory
    """Who signs the letter."""
    enclosures: list[Text] = []
    """What is sent with the letter, e.g. "Agenda"."""
    cc: list[Text] = []
    """Who else receives a copy."""

    @model_validator(mode="before")
    @classmethod
    def _written_once(cls, data: Any) -> Any:
        """What follows from other fields is not written again: the title from the subject,
        the salutation from the addressee's name, the sign-off from the salutation."""
        if not isinstance(data, dict):
            return data
        data = dict(data)
        subject = data.get("subject")
        if _blank(data.get("title")) and isinstance(subject, str | int | float) and not _blank(
                subject):
            data["title"] = subject
        addressee = data.get("addressee")
        name = addressee.get("name") if isinstance(addressee, dict) else None
        if _blank(data.get("salutation")) and isinstance(name, str) and name.strip():
            data["salutation"] = "Dear " + name.strip().removeprefix("The ")
        salutation = data.get("salutation")
        if _blank(data.get("sign_off")) and isinstance(salutation, str):
            unnamed = " ".join(salutation.lower().rstrip(",").split()) in UNNAMED
            data["sign_off"] = "Yours faithfully" if unnamed else "Yours sincerely"
        return data

    def issues(self) -> Iterator[Issue]:
        yield from super().issues()
        if self.date.day is None:
            yield Issue(("date",), f"a letter is dated with the day, but {self.date} has none",
                        "write the date as YYYY-MM-DD, e.g. 2026-09-14")


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


KIND = Kind(
    name="letter",
    model=Letter,
    summary="A letter on the partnership's letterhead: addressee, date, subject, body and "
            "signatory",
)
