"""The checks of a document's content once it has been read: how it stands against the
statutory requirements for its kind, ratings shown by colour alone, and likely personal data
in what it would publish."""

from __future__ import annotations

from dataclasses import replace

from sgdocs.check.accessibility import colour_only_ratings
from sgdocs.check.catalogue import load_catalogue
from sgdocs.check.edition import edition_findings
from sgdocs.check.personal_data import personal_data
from sgdocs.check.placeholders import placeholder_findings, prose
from sgdocs.check.requirements import assess, written_earlier
from sgdocs.errors import Finding
from sgdocs.read.documents import LoadedDocument, drawn_in


def check_content(document: LoadedDocument) -> tuple[LoadedDocument, list[Finding]]:
    """The document with its requirement assessments, and what the checks found."""
    setting, source = document.setting, document.source
    starter = document.kind.starter
    assessments, problems = assess(document.kind.name, document.model, source,
                                   setting.partnership, setting.source,
                                   load_catalogue(setting.root), starter, setting.root)
    passages, control = set(prose(document.model)), document.model.document_control
    problems += placeholder_findings(source, passages, starter,
                                     issued=control is not None and control.issued)
    problems += edition_findings(source, passages, current=not written_earlier(document.model))
    problems += colour_only_ratings(source)
    if document.kind.home:  # a partnership's own kind: its layout is checked with it
        from sgdocs.check.layouts import own_kind_problems  # Jinja, only for such kinds

        problems += own_kind_problems(document.kind)
    if not document.sensitive:  # for publication
        sources = {other.path: other.source for other in drawn_in(document.references)}
        problems += personal_data([source, *sources.values()],
                                  setting.partnership.published_contacts)
    return replace(document, assessments=tuple(assessments)), problems
