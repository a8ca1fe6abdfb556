"""Whether what a section says addresses a requirement: a sentence on each of its parts.

A requirement in the catalogue may list its parts (`evidence:`), each with the words a
sentence on it uses ("what was done, including child safeguarding practice reviews" has two
parts; the first, what a "What we did" section is about, needs no words of its own). A
section addresses the requirement when, for every part, one of its sentences says
something on it; the first such sentence is quoted, so the reader sees what was relied
on. A sentence counts only if it says something: one that only points elsewhere ("see
section 4", "covered in the scrutineer's report") or is too short to say anything ("Reviews:
yes.") does not. This weighs what is said, not whether it is true or good enough.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sgdocs.read.schema import Model, Text
from sgdocs.read.yamlsource import KeyPath

SAYS_SOMETHING = 6
"""Words a sentence needs to say something on its own."""
_POINTS_ELSEWHERE = re.compile(
    r"\b(?:see (?:above|below|section|the|our|appendix|annex|part)|(?:is|are) (?:covered|set "
    r"out|described|addressed|dealt with) (?:in|elsewhere|separately)|will be (?:set out|"
    r"added|confirmed|agreed|decided|written)|to follow|in due course|to be confirmed|tbc)\b",
    re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+|\n\s*\n\s*|\n(?=\s*(?:[-*+]|\d+[.)])\s)")
"""Where a sentence ends: after its stop, at a blank line, or where a list's item starts."""
_LIST_MARK = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_MARKUP = re.compile(r"!?\[([^\]]*)\]\([^)]*\)|[*_`#>|]+")


class Part(Model):
    """One thing a requirement asks a document to say."""

    part: Text
    """What must be said, as the finding names it when it is not, e.g. "child safeguarding
    practice reviews"."""
    words: list[Text] = []
    """Words or phrases a sentence on it uses, e.g. [rapid review, practice review]; one
    ending in `*` stands for any ending (`effective*` is effective, effectively,
    effectiveness). None for what a section given to the requirement is about (an
    `effectiveness` section need not say "effective"): any sentence in it that says
    something says it."""


@dataclass(frozen=True)
class Sentence:
    at: KeyPath
    """Where the passage it is from stands."""
    text: str


@dataclass(frozen=True)
class Weighed:
    """What the sentences say on a requirement's parts."""

    quotes: tuple[Sentence, ...]
    """For each part said, the first sentence that says it."""
    unsaid: tuple[str, ...]
    """The parts nothing says."""

    @property
    def status(self) -> str:
        return "addressed" if not self.unsaid else "partly" if self.quotes else "unsaid"


def sentences(passages: Iterable[tuple[KeyPath, str]], markdown: bool = True
              ) -> list[Sentence]:
    """The sentences (and list items and table cells) of each passage, its Markdown markup
    taken out; a published report's text (not `markdown`) is quoted as it is written."""
    return [Sentence(at, piece) for at, text in passages for piece in _pieces(text, markdown)]


@functools.cache
def _pieces(text: str, markdown: bool) -> tuple[str, ...]:
    plain = _MARKUP.sub(lambda match: match.group(1) or " ", text) if markdown else text
    return tuple(" ".join(_LIST_MARK.sub("", piece).split())
                 for piece in _SENTENCE_END.split(plain) if piece and piece.strip())


def weigh(parts: Sequence[Part], said: Sequence[Sentence]) -> Weighed:
    """For each part, the first sentence that says something on it."""
    quotes, unsaid = [], []
    for part in parts:
        pattern = words_pattern(tuple(part.words)) if part.words else None
        quote = next((sentence for sentence in said if _says_something(sentence.text)
                      and (pattern is None or pattern.search(sentence.text))), None)
        if quote is None:
            unsaid.append(part.part)
        elif quote not in quotes:
            quotes.append(quote)
    return Weighed(tuple(quotes), tuple(unsaid))


def _says_something(sentence: str) -> bool:
    return len(sentence.split()) >= SAYS_SOMETHING and not _POINTS_ELSEWHERE.search(sentence)


@functools.cache
def words_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """Any of `words` as whole words, case aside; one ending in `*` with any ending."""
    alternatives = [re.escape(word.removesuffix("*")) + (r"\w*" if word.endswith("*") else "")
                    for word in words]
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b", re.IGNORECASE)
