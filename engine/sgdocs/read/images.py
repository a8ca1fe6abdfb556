"""Pictures named in content (a newsletter's photographs, a partnership's logo): each found
inside the content folder, a PNG or JPEG of sensible size, with a text alternative that
says something. The folder a picture's path starts from is the folder of the file that
names it."""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import BaseModel

from sgdocs.errors import Finding
from sgdocs.read.paths import PathRefused, read_contained, resolve_inside
from sgdocs.read.schema import Image, parts
from sgdocs.read.yamlsource import YamlFile

IMAGE_TYPES = {b"\x89PNG\r\n\x1a\n": "PNG", b"\xff\xd8\xff": "JPEG"}
MAX_IMAGE_BYTES = 10_000_000
MAX_PIXELS = 25_000_000
"""A 24-megapixel camera's photograph fits; every pixel costs memory in each PDF made."""
EMPTY_ALT = {"image", "picture", "photo", "photograph", "logo", "chart", "graph", "graphic",
             "icon", "img", "diagram", "figure", "alt", "alt text", "todo", "tbc"}
"""Words that, on their own, tell someone who cannot see the picture nothing."""


def find_images(model: BaseModel, source: YamlFile, root: Path) -> list[Finding]:
    """Find each image's file, and make sure its alt text describes it."""
    problems = []
    for at, part in parts(model):
        if not isinstance(part, Image):
            continue
        problems += _alt_problems(part, source, at)
        where = source.where((*at, "file"))
        try:
            found = resolve_inside(part.file, where.file.parent, root)
        except PathRefused as exc:
            problems.append(Finding(where, str(exc)))
            continue
        if not found.is_file():
            problems.append(Finding(where, f"there is no picture `{part.file}`",
                                    "give its path from this file, e.g. images/plan.png"))
            continue
        problem = picture_problem(found, part.file, root)
        if problem:
            problems.append(Finding(where, *problem))
        else:
            part._path = found
    return problems


def picture_problem(path: Path, written: str, root: Path) -> tuple[str, str] | None:
    """What stops `path` being used as a picture (message, hint), if anything."""
    try:
        data = read_contained(path, root, MAX_IMAGE_BYTES, "a picture")
    except PathRefused as exc:
        return f"`{written}`: {exc}", exc.hint
    except OSError as exc:
        return f"`{written}` cannot be read ({exc.strerror})", "check the file's permissions"
    return picture_data_problem(data, written)


def picture_data_problem(data: bytes, written: str) -> tuple[str, str] | None:
    """What stops `data` being used as a picture (message, hint), if anything."""
    if len(data) > MAX_IMAGE_BYTES:
        return (f"`{written}`: the file is {len(data):,} bytes, over the "
                f"{MAX_IMAGE_BYTES:,}-byte limit for a picture", "make the picture smaller "
                "(fewer pixels, or more compression) and save it again")
    if not any(data.startswith(magic) for magic in IMAGE_TYPES):
        return f"`{written}` is not a PNG or JPEG picture", "save the picture as .png or .jpg"
    from docx.image.image import Image as DocxImage

    try:  # the size and resolution Word and PDF lay it out by
        size = DocxImage.from_blob(data)
    except Exception:  # the image parser raises several types for a damaged file
        return (f"`{written}` is a damaged picture", "open it in an image editor and save "
                "it again as .png or .jpg")
    if size.px_width * size.px_height > MAX_PIXELS:
        return (f"`{written}` is {size.px_width:,} \u00d7 {size.px_height:,} pixels, more than "
                f"the {MAX_PIXELS // 1_000_000} million a picture may have",
                "scale it down in an image editor: 2,000 pixels across is plenty for a page")
    return None


def _alt_problems(image: Image, source: YamlFile, at: tuple[str | int, ...]
                  ) -> list[Finding]:
    alt = image.alt.strip()
    words = re.sub(r"[^a-z ]", "", alt.lower()).strip()
    if words in EMPTY_ALT or alt == image.file or re.fullmatch(r"[\w.-]+\.(png|jpe?g)", alt,
                                                                re.IGNORECASE):
        return [Finding(source.where((*at, "alt")), f"the alt text \u201c{alt}\u201d does not "
                        "say what the picture shows",
                        "describe it for someone who cannot see it, e.g. \u201cEastmoor "
                        "Safeguarding Children Partnership logo\u201d")]
    return []
