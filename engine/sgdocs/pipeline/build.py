"""Build documents: gather and load, check every template, then render and write each.

Each document and format stands alone: one that fails is reported and the rest are still
built. Nothing is written for a document until its output is complete, and then atomically.
A document whose inputs and outputs are as the last build left them is skipped
(`build_record`); the rest are rendered by several processes at once when there are cores
to spare. Loading and rendering are imported only when there is work to do.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sgdocs.bounds import Exhausted, bounded
from sgdocs.errors import Finding, Location, Severity
from sgdocs.pipeline.jobs import Job, Outcome, Progress, check_templates, render_all, withhold
from sgdocs.read.discovery import REQUIREMENTS_FILE, discover
from sgdocs.write.record import BuildRecord

if TYPE_CHECKING:
    from sgdocs.read.documents import LoadedDocument

FORMATS = ("docx", "pdf", "html", "xlsx", "ics")


@dataclass
class BuildReport:
    outcomes: list[Outcome] = field(default_factory=list)
    notes: list[Finding] = field(default_factory=list)
    """Findings about the build itself, not one document: the machine it runs on."""

    @property
    def findings(self) -> list[Finding]:
        return list(dict.fromkeys([*self.notes, *(f for outcome in self.outcomes
                                                  for f in outcome.findings)]))

    @property
    def ok(self) -> bool:
        """Every output asked for was written, or withheld from publication on purpose."""
        return all(outcome.written or outcome.withheld for outcome in self.outcomes)


class _Silent:
    def planned(self, count: int) -> None:
        pass

    def finished(self, outcome: Outcome) -> None:
        pass


def build(paths: Iterable[Path], out_dir: Path, formats: Sequence[str] = FORMATS,
          allow_incomplete: bool = False, allow_sensitive: bool = False, *, jobs: int = 1,
          rebuild: bool = False, progress: Progress | None = None) -> BuildReport:
    """Build every document under `paths` into `out_dir`, in each of `formats` it has.

    A document missing a statutory duty is not built unless `allow_incomplete`, and then
    every page of every output is marked "DRAFT — incomplete". A document classified
    OFFICIAL-SENSITIVE is built only in formats that are not for publication (Word,
    spreadsheets, calendars) unless `allow_sensitive`. A document unchanged since the last
    build into `out_dir` is skipped unless `rebuild`; `jobs` processes render at once.
    """
    files = discover(paths)
    record = BuildRecord.open(out_dir, {"formats": sorted(formats), "allow_incomplete":
                                        allow_incomplete, "allow_sensitive": allow_sensitive})
    report, stale, uses = BuildReport(), [], set[Path]()
    for file in files:
        entry = None if rebuild else record.unchanged(file)
        replayed = _replayed(file, entry) if entry is not None else None
        if replayed is None:
            stale.append(file)
            continue
        report.outcomes += replayed[0]
        uses.update(replayed[1])
    if stale:
        built = _Build(out_dir, formats, allow_incomplete, allow_sensitive, record,
                       progress or _Silent())
        report.outcomes += built.run(stale, uses, jobs)
        report.notes = built.notes
    order = {file: place for place, file in enumerate(files)}
    report.outcomes.sort(key=lambda outcome: order.get(outcome.source, len(order)))
    if stale and out_dir.is_dir():
        try:
            record.save()
        except OSError as exc:
            report.notes.append(Finding(Location(record.path), "the record of this build "
                                        f"could not be saved ({exc.strerror})", "the next "
                                        "build makes every document again; check that the "
                                        "output folder can be written to", Severity.WARNING))
    return report


def _font_stand_ins(documents: Sequence[LoadedDocument]) -> list[Finding]:
    """The fonts PDFs ask for that this machine does not have: the house font, and each
    brand's own, told once."""
    from sgdocs.read.brand import HOUSE_FONTS
    from sgdocs.render.fonts import stand_ins

    stacks: list[tuple[tuple[str, ...], Location]] = [
        (HOUSE_FONTS, Location(Path("templates/html/_style.css")))]
    for document in documents:
        brand = document.partnership.brand
        if brand is not None and brand.font:
            stacks.append(((brand.font, *HOUSE_FONTS), document.setting.source.where(
                ("brand", "font"))))
    return stand_ins(stacks)


def _replayed(file: Path, entry: dict[str, Any]) -> tuple[list[Outcome], list[Path]] | None:
    """What the last build did with `file` (its outcomes, and the parts it used), from its
    record; None if the record cannot say (edited by hand, say)."""
    try:
        return ([Outcome.from_record(file, saved) for saved in entry["outcomes"]],
                [Path(path) for path in entry["uses"]])
    except (TypeError, KeyError, ValueError):
        return None


def build_each(path: Path, table: Path, out_dir: Path, formats: Sequence[str] = FORMATS,
               allow_incomplete: bool = False, allow_sensitive: bool = False, *,
               name_column: str = "file", jobs: int = 1, progress: Progress | None = None
               ) -> BuildReport:
    """Mail-merge: one document per row of `table` (CSV or YAML), the content file at
    `path` with the row's fields filled in, its outputs in a folder named after the file
    and named by the row's `name_column`. A row that fails is reported at its line and the
    rest are still built. Each is built afresh."""
    from sgdocs.errors import ContentError
    from sgdocs.pipeline.load import load_document
    from sgdocs.read.merge import merged, read_rows
    from sgdocs.read.yamlsource import read_yaml

    rows = read_rows(table, name_column)
    source = read_yaml(path)
    documents, failed = [], []
    for row in rows:
        try:
            with bounded():
                documents.append(replace(load_document(path, source=merged(source, row)),
                                         row=row.name))
        except ContentError as exc:
            failed.append(Outcome(path, "all", findings=exc.findings, row=row.name))
        except Exhausted as exc:
            failed.append(Outcome(path, "all", row=row.name, findings=(
                exc.finding(row.where, "the row's document was not loaded"),)))
    built = _Build(out_dir, formats, allow_incomplete, allow_sensitive, None,
                   progress or _Silent())
    order = {row.name: place for place, row in enumerate(rows)}
    outcomes = sorted(built.render(documents, failed, jobs), key=lambda o: order[o.row or ""])
    return BuildReport(outcomes, built.notes)


@dataclass
class _Build:
    """The documents that have to be built: loaded, their templates checked, rendered."""

    out_dir: Path
    formats: Sequence[str]
    allow_incomplete: bool
    allow_sensitive: bool
    record: BuildRecord | None
    """What was built before; None to build everything and record nothing."""
    progress: Progress
    notes: list[Finding] = field(default_factory=list)

    def run(self, files: list[Path], used_elsewhere: set[Path], jobs: int) -> list[Outcome]:
        from sgdocs.pipeline.load import load_documents

        documents, failures = load_documents(files, used_elsewhere)
        for path in failures:
            assert self.record is not None  # files are built with a record; rows without
            self.record.forget(path)
        return self.render(documents, [Outcome(path, "all", findings=tuple(problems))
                                       for path, problems in failures.items()], jobs)

    def render(self, documents: list[LoadedDocument], failed: list[Outcome], jobs: int
               ) -> list[Outcome]:
        """Render every output of `documents`; `failed` are those that did not load."""
        from sgdocs.render.formats import machine_problems

        work = [Job(document, output, fmt) for document in documents
                for output in document.kind.outputs for fmt in output.formats
                if fmt in self.formats]
        self.progress.planned(len(work))
        for fmt in dict.fromkeys(job.format for job in work):
            self.notes += machine_problems(fmt)
        if any(job.format == "pdf" for job in work):
            self.notes += _font_stand_ins(documents)
        template_problems = check_templates(work)
        done: list[Outcome] = list(failed)
        waiting = []
        for job in work:
            if job.withheld and not self.allow_sensitive:
                done.append(withhold(job, self.out_dir))
                self.progress.finished(done[-1])
            else:
                waiting.append((job, self._blocking(job, template_problems[job.template_key])))
        rendered = list(render_all(waiting, self.out_dir, jobs, self.progress))
        for document in documents if self.record else ():
            self._remember(document, [j for j in work if j.document is document],
                           [o for o in (*done, *rendered) if o.source == document.path])
        return [*done, *rendered]

    def _blocking(self, job: Job, template_problems: list[Finding]) -> list[Finding]:
        blocking = list(template_problems)
        if job.document.incomplete and not self.allow_incomplete:
            blocking.append(Finding(Location(job.document.path), f"the {job.format} was not "
                                    "built: a statutory duty (a must) is not addressed",
                                    "address it, or build a draft marked \"DRAFT — incomplete\""
                                    " with --allow-incomplete"))
        return blocking

    def _remember(self, document: LoadedDocument, work: list[Job],
                  outcomes: list[Outcome]) -> None:
        """Record a document all of whose outputs were made (or withheld on purpose)."""
        assert self.record is not None
        if not all(outcome.written or outcome.withheld for outcome in outcomes):
            self.record.forget(document.path)
            return
        withheld = [job.target(self.out_dir) for job in work
                    if job.withheld and not self.allow_sensitive]
        self.record.remember(
            document.path, _depends_on(document),
            [*(outcome.output for outcome in outcomes if outcome.output), *withheld],
            {"outcomes": [outcome.as_record() for outcome in outcomes],
             "uses": [str(other.path.resolve()) for other in _drawn_in(document)]})


def _depends_on(document: LoadedDocument) -> list[Path]:
    """Every file a document's outputs are made from, and every place where a file added
    would change them: a partnership.yaml further up, the partnership's own templates,
    its requirements file, the folders of its own kinds."""
    from sgdocs.read.partnership import places
    from sgdocs.write.provenance import sources

    own_kinds = [other.kind.folder for other in (document, *_drawn_in(document))
                 if other.kind.home]  # a partnership's own kind: its definition and layout
    return [*sources(document), document.root / "templates", document.root / REQUIREMENTS_FILE,
            *places(document.path.resolve().parent), *dict.fromkeys(own_kinds)]


def _drawn_in(document: LoadedDocument) -> Iterator[LoadedDocument]:
    from sgdocs.read.documents import drawn_in

    return drawn_in(document.references)


