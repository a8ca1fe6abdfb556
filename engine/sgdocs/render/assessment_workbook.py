"""An assessment as the scrutineer's working copy: a row per requirement with what sgdocs
found (the sentence, where, what is not yet said) and shaded columns for the person's own
verdict and notes, since sgdocs finds evidence and a person judges it."""

from __future__ import annotations

import datetime as dt

from openpyxl import Workbook
from openpyxl.worksheet.datavalidation import DataValidation

from sgdocs.check.assess import Assessed
from sgdocs.check.catalogue import Requirement
from sgdocs.render.xlsx import body_cell, fit_rows, header, title, workbook_bytes

VERDICTS = ("Met", "Partly met", "Not met", "Not applicable")
COLUMNS = (("Requirement", 16), ("What Working Together 2023 asks", 40), ("Level", 9),
           ("Evidence found", 12), ("The sentence relied on", 48), ("Where", 24),
           ("Not yet said", 30), ("Your verdict", 14), ("Your notes", 40))


def assessment_workbook(assessed: Assessed) -> bytes:
    """The workbook's bytes: the same assessment always gives the same bytes."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Assessment"
    title(sheet, f"{assessed.document.path.name} as a {assessed.kind}", "sgdocs looked for "
          "evidence of each requirement and quotes what it found; the shaded columns are for "
          "your own verdict and notes. It is not a judgement of compliance.")
    header(sheet, 4, [label for label, _ in COLUMNS], [width for _, width in COLUMNS])
    verdicts = DataValidation(type="list", formula1='"' + ",".join(VERDICTS) + '"',
                              allow_blank=True, showErrorMessage=True, errorTitle="Verdict",
                              error="Choose " + ", ".join(VERDICTS) + ".")
    sheet.add_data_validation(verdicts)
    rows: list[tuple[Requirement, str, str, str, str]] = [
            (a.requirement, "no evidence found" if a.status == "missing" else a.status,
             a.quotes[0] if a.quotes else "", a.section, "; ".join(a.unsaid))
            for a in assessed.assessments]
    rows += [(requirement, "not looked for", "", "find it in the report yourself", "")
             for requirement in assessed.not_looked_for]
    for row, (requirement, found, quote, where, unsaid) in enumerate(rows, start=5):
        for column, value in enumerate((requirement.id, requirement.summary,
                                        requirement.level, found, quote, where, unsaid),
                                       start=1):
            body_cell(sheet, row, column, value or None)
        body_cell(sheet, row, 8, None, editable=True)
        body_cell(sheet, row, 9, None, editable=True)
        verdicts.add(sheet.cell(row=row, column=8))
    fit_rows(sheet, 5, 4 + len(rows))
    sheet.freeze_panes = "B5"
    stamped = dt.datetime.fromtimestamp(int(assessed.document.path.stat().st_mtime), dt.UTC)
    return workbook_bytes(workbook, stamped)
