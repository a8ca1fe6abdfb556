"""Likely personal data in content meant for publication, found line by line in the values
a document is made from, so each warning points at the line to look at.

What it looks for: dates of birth, NHS numbers (ten digits whose check digit is right),
UK postcodes next to a person's name, UK phone numbers, and e-mail addresses that belong
to a person (a personal mail provider's, or one shaped like first.last@). These are
warnings, not errors: a helpline or a team mailbox is meant to be published, and a
partnership lists those once, in `published_contacts` in partnership.yaml.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from sgdocs.errors import Finding, Severity
from sgdocs.read.yamlsource import YamlFile, text_lines

_DATE = (r"(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}(?:st|nd|rd|th)? "
         r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* \d{4})")
BIRTH = re.compile(rf"\b(?:d\.?o\.?b\.?|date of birth|born(?: on)?)\W{{0,3}}{_DATE}",
                   re.IGNORECASE)
NHS_NUMBER = re.compile(r"(?<![\d+])([3-9]\d{2})[ -]?(\d{3})[ -]?(\d{4})(?!\d)")
PHONE = re.compile(r"(?<![\w+])(?:\+44\s?\(?0?\)?\s?|0)(?:\d[\s-]?){9,10}(?!\d)")
EMAIL = re.compile(r"\b([\w.+-]+)@([\w-]+(?:\.[\w-]+)+)\b")
POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2}\b")
NAME = re.compile(r"\b(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.? [A-Z][a-z'-]+|[A-Z][a-z'-]+ "
                  r"[A-Z][a-z'-]+(?=,))")
NOT_NAMES = {"Council", "Partnership", "Safeguarding", "Offices", "Office", "Civic", "House",
             "Centre", "Center", "Hall", "Police", "Station", "Hospital", "Trust", "Board",
             "School", "College", "Street", "Road", "Lane", "Avenue", "Court", "Building",
             "Headquarters", "Children", "Services", "Borough", "County", "City"}
PERSONAL_MAIL = {"gmail.com", "googlemail.com", "hotmail.com", "hotmail.co.uk",
                 "outlook.com", "live.com", "live.co.uk", "yahoo.com", "yahoo.co.uk",
                 "icloud.com", "me.com", "aol.com", "aol.co.uk", "btinternet.com", "sky.com",
                 "virginmedia.com", "talktalk.net", "protonmail.com", "proton.me", "gmx.com",
                 "gmx.co.uk", "mail.com"}
HINT = ("remove it before publishing; if it is meant to be public (a helpline, a team "
        "mailbox), list it under `published_contacts` in partnership.yaml")


def personal_data(sources: Iterable[YamlFile], published: Iterable[str] = ()
                  ) -> list[Finding]:
    """A warning at each line of the values in `sources` holding likely personal data;
    contacts listed in `published` are not reported."""
    allowed = {_key(contact) for contact in published}
    return [Finding(where, f"this may be personal data ({what}: \u201c{text}\u201d)", HINT,
                    Severity.WARNING)
            for source in sources for where, line in text_lines(source)
            for what, text in _suspects(line) if _key(text) not in allowed]


def _suspects(line: str) -> Iterator[tuple[str, str]]:
    for match in BIRTH.finditer(line):
        yield "a date of birth", match.group(0)
    nhs_numbers: set[int] = set()  # the characters they cover
    for match in NHS_NUMBER.finditer(line):
        if _nhs_check_digit_holds("".join(match.groups())):
            nhs_numbers.update(range(*match.span()))
            yield "an NHS number", match.group(0)
    for match in PHONE.finditer(line):
        number = match.group(0).strip()
        if not nhs_numbers.intersection(range(*match.span())):
            mobile = re.sub(r"\D", "", number).removeprefix("44").lstrip("0").startswith("7")
            yield ("a mobile phone number" if mobile else "a phone number"), number
    for match in EMAIL.finditer(line):
        local, domain = match.group(1), match.group(2).lower()
        if domain in PERSONAL_MAIL:
            yield "a personal e-mail address", match.group(0)
        elif re.fullmatch(r"[A-Za-z]+[._-][A-Za-z]+", local):
            yield "a named person's e-mail address", match.group(0)
    for match in POSTCODE.finditer(line):
        before = line[max(match.start() - 80, 0):match.start()]
        names = [name for name in NAME.findall(before) if not set(name.split()) & NOT_NAMES]
        if names:
            yield "a postcode next to a name", f"{names[-1]} \u2026 {match.group(0)}"


def _nhs_check_digit_holds(digits: str) -> bool:
    """The NHS number's modulus 11 check: weights 10 to 2 on the first nine digits."""
    total = sum(int(digit) * weight for digit, weight in zip(digits[:9], range(10, 1, -1),
                                                             strict=True))
    check = 11 - total % 11
    return check != 10 and (check % 11) == int(digits[9])


def _key(contact: str) -> str:
    """A contact as compared with the published ones: digits alone for a phone number
    (with +44 as 0), lower case for anything else."""
    digits = re.sub(r"\D", "", contact)
    if "@" not in contact and len(digits) >= 10:
        return "0" + digits.removeprefix("44").lstrip("0")
    return contact.strip().lower()
