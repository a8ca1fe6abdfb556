"""An assessment as the scrutineer's working copy: a row per requirement with what sgdocs
found (the sentence, where, what is not yet said) and shaded columns for the person's own
verdict and notes, since sgdocs finds evidence and a person judges it. Many reports: a row
per requirement with how many address it, partly or not at all, and a chart of it."""

from __future__ import annotations

import datetime as dt

from openpyxl import Workbook
from openpyxl.worksheet.datavalidation import DataValidation

from sgdocs.check.assess import Assessed
from sgdocs.check.catalogue import Requirement
from sgdocs.render.assessment_pages import Page, Table
from sgdocs.render.xlsx import body_cell, fit_rows, header, title, workbook_bytes

VERDICTS = ("Met", "Partly met", "Not met", "Not applicable")
COLUMNS = (("Requirement", 16), ("What Working Together 2023 asks", 40), ("Level", 9),
           ("Evidence found", 12), ("The sentence relied on", 48), ("Where", 24),
           ("Not yet said", 30), ("Your verdict", 14), ("Your notes", 40))


def assessment_workbook(assessed: Assessed, when: dt.datetime) -> bytes:
    """The workbook's bytes, stamped `when`: the same assessment gives the same bytes."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Assessment"
    workbook.properties.creator = "sgdocs"
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
    return workbook_bytes(workbook, when)


def summary_workbook(page: Page, when: dt.datetime) -> bytes:
    """The summary across reports: its tables, the first charted as stacked bars."""
    from openpyxl.chart import BarChart, Reference

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Across the reports"
    workbook.properties.creator = "sgdocs"
    title(sheet, page.title, page.subtitle)
    row = 4
    for number, table in enumerate(b for b in page.blocks if isinstance(b, Table)):
        header(sheet, row, table.header, [44, 60, 16, 16, 16][:len(table.header)])
        for offset, cells in enumerate(table.rows, start=1):
            for column, value in enumerate(cells, start=1):
                numeric = column > len(cells) - table.numbers
                body_cell(sheet, row + offset, column, int(value) if numeric else value)
        fit_rows(sheet, row + 1, row + len(table.rows))
        if number == 0:
            chart = BarChart()
            chart.type, chart.grouping, chart.overlap = "bar", "stacked", 100
            chart.title = "Reports with evidence of each requirement"
            first = len(table.header) - table.numbers + 1
            chart.add_data(Reference(sheet, min_col=first, max_col=len(table.header),
                                     min_row=row, max_row=row + len(table.rows)),
                           titles_from_data=True)
            chart.set_categories(Reference(sheet, min_col=1, min_row=row + 1,
                                           max_row=row + len(table.rows)))
            for series, colour in zip(chart.series, ("2E7D32", "B26A00", "B71C1C"),
                                      strict=False):
                series.graphicalProperties.solidFill = colour
            chart.height, chart.width = 2 + 0.8 * len(table.rows), 24
            sheet.add_chart(chart, f"G{row}")
        row += len(table.rows) + 3
    return workbook_bytes(workbook, when)
