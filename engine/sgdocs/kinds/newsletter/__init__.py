"""newsletter: an issue assembled from articles that contributors write in files of their own.

The issue file gives the title, season and editor, and lists the article files in the order
they appear; each article says which section it belongs in. The newsletter has a table of
contents by section, lists events the British way, and reports a missing article file (and,
when its folder is checked, an article file no issue lists).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any, Literal

from pydantic import Field, PositiveInt

from sgdocs.kinds import Kind
from sgdocs.kinds.article import Article, Link
from sgdocs.read import richtext
from sgdocs.read.schema import Document, Inline, Issue, Model, Text


class Section(Model):
    """A section of the issue, as printed: its title, anchor and articles in order."""

    title: str
    anchor: str
    link: Inline
    """The title as a link to the section, for the contents."""
    articles: list[Article]


class Newsletter(Document):
    """A newsletter issue."""

    kind: Literal["newsletter"]
    season: Text
    """The issue, e.g. "Autumn 2023"."""
    issue_number: PositiveInt | None = None
    """The issue's number, e.g. 12."""
    strapline: Text | None = None
    """A line under the masthead's title, e.g. "News for safeguarding partnerships"."""
    masthead_links: list[Link] = []
    """Links in the masthead, e.g. the website or how to subscribe."""
    editor: Text | None = None
    """Who edits it."""
    articles: list[Text] = Field(min_length=1)
    """The article files, in the order they appear, as paths from this file."""

    def issues_with(self, references: Mapping[str, Any]) -> Iterator[Issue]:
        finished: set[str] = set()
        current = None
        for i, article in enumerate(references.get("articles", [])):
            if article.section != current and article.section in finished:
                yield Issue(("articles", i), f"this article is in \u201c{article.section}"
                            "\u201d, which other sections have already interrupted",
                            "keep each section's articles together in the list")
            if current is not None:
                finished.add(current)
            current = article.section


def contents(newsletter: Any, references: dict[str, Any]) -> list[Section]:
    """The articles grouped into sections, in the order the issue lists them."""
    sections: list[Section] = []
    for article in references.get("articles", []):
        if not sections or sections[-1].title != article.section:
            anchor = "section_" + (re.sub(r"[^a-z0-9]+", "_", article.section.lower())
                                   .strip("_") or str(len(sections) + 1))
            sections.append(Section(title=article.section, anchor=anchor, articles=[],
                                    link=f"[{richtext.escape(article.section)}](#{anchor})"))
        sections[-1].articles.append(article)
    return sections


KIND = Kind(
    name="newsletter",
    model=Newsletter,
    summary="A newsletter issue assembled from article files, with contents and events",
    references={"articles": "article"},
    derived={"contents": contents},
)
