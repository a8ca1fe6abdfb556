"""The self-assessment workbook partners fill in, and reading it back into content.

An "About" tab says what the workbook is and who completes it; a tab per step holds the
questions, with the rating as a drop-down (Green, Amber, Red) coloured by conditional
formatting, evidence, action, owner, due date and status; the "Action tracker" tab pulls
every action through from the step tabs by formula. A hidden tab keeps the rest of the
document (title, document control, introduction) so that content → workbook → content gives
the same data.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import yaml
from openpyxl import Workbook
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

from sgdocs.errors import ContentError, Finding, Location
from sgdocs.kinds.self_assessment import RAG_ORDER, SelfAssessment
from sgdocs.read.workbooks import START_AGAIN, ReadBack, open_workbook, rows, typed, worksheet
from sgdocs.read.yamlsource import MAX_FILE_BYTES, KeyPath, parse_yaml
from sgdocs.render.xlsx import FONT, Formula, body_cell, fit_rows, header, put, row_height, title

DATA_SHEET = "_sgdocs"
ABOUT_SHEET = "About"
TRACKER_SHEET = "Action tracker"
FIRST_ROW = 4
COLUMNS = ("No.", "Question", "Rating", "Evidence", "Action", "Owner", "Due date", "Status")
WIDTHS = (6, 48, 12, 40, 36, 22, 16, 14)
FILLS = {"Green": ("C8E6C9", "1B5E20"), "Amber": ("FFE0B2", "7A4A00"),
         "Red": ("FFCDD2", "B71C1C")}
RAG_WORDS = tuple(FILLS)
DATE_FORMAT = "d mmmm yyyy"
MONTH_FORMAT = "mmmm yyyy"
"""A due date given as a month: a real date (its first day), shown as the month."""
STATUSES = ("Not started", "In progress", "Done")
ROOM = 10
"""Empty rows under each step's questions, with their drop-downs, for partners to add
questions of their own: the tracker pulls them through as it does the rest, and they are
read back with the rest."""


def step_sheet(number: int) -> str:
    return f"Step {number}"


def workbook(document: SelfAssessment) -> Workbook:
    book = Workbook()
    about = book.active
    about.title = ABOUT_SHEET
    _about(about, document)
    for step in document.steps:
        sheet = book.create_sheet(step_sheet(step.number))
        title(sheet, f"Step {step.number}: {step.title}", "Rate each question Green, Amber or "
              "Red and give the evidence. Every answer needs an action, an owner and a due "
              "date.")
        header(sheet, FIRST_ROW - 1, COLUMNS, WIDTHS)
        rows = len(step.questions) + ROOM
        _rating_colours(sheet, "C", rows)
        _choice(sheet, f"C{FIRST_ROW}:C{FIRST_ROW + rows - 1}", "Rating", RAG_WORDS)
        _choice(sheet, f"H{FIRST_ROW}:H{FIRST_ROW + rows - 1}", "Status", STATUSES)
        for offset in range(rows):
            answer = step.questions[offset] if offset < len(step.questions) else None
            values = (offset + 1, str(answer.question), answer.rag and answer.rag.capitalize(),
                      answer.evidence, answer.action, answer.owner, _date(answer.due),
                      answer.status.capitalize()) if answer else (None,) * len(COLUMNS)
            due_format = _date_format(answer.due if answer else None)
            for column, value in enumerate(values, start=1):
                body_cell(sheet, FIRST_ROW + offset, column, value,
                          due_format if column == 7 else "",
                          editable=column > 2 or (answer is None and column == 2))
        fit_rows(sheet, FIRST_ROW, FIRST_ROW + len(step.questions) - 1)
        sheet.freeze_panes = f"C{FIRST_ROW}"
    _tracker(book.create_sheet(TRACKER_SHEET), document)
    data = book.create_sheet(DATA_SHEET)
    data.sheet_state = "hidden"
    put(data["A1"], yaml.safe_dump(_kept(document), sort_keys=False, allow_unicode=True))
    return book


def _about(sheet: Any, document: SelfAssessment) -> None:
    title(sheet, document.title, "Complete the step tabs; the Action tracker fills itself. "
          "Then return the workbook: it is read back into the partnership's records.")
    rows = (("Completed by", document.completed_by), ("Completed on", _date(document.completed_on)),
            ("Version", document.document_control.version or "–"))
    header(sheet, 3, ("About this assessment", ""), (28, 80))
    for row, (label, value) in enumerate(rows, start=4):
        body_cell(sheet, row, 1, label, bold=True)
        body_cell(sheet, row, 2, value, _date_format(document.completed_on)
                  if label == "Completed on" else "",
                  editable=label != "Version")


def _choice(sheet: Any, cells: str, what: str, words: Sequence[str]) -> None:
    """A drop-down of `words` on cells people type in (never on a formula's)."""
    listed = ", ".join(words[:-1]) + " or " + words[-1]
    choice = DataValidation(type="list", formula1='"' + ",".join(words) + '"',
                            allow_blank=True, showErrorMessage=True, errorTitle=what,
                            error=f"Choose {listed}.")
    sheet.add_data_validation(choice)
    choice.add(cells)


def _rating_colours(sheet: Any, column: str, count: int) -> None:
    """Each rating word in its colour: never colour alone."""
    cells = f"{column}{FIRST_ROW}:{column}{FIRST_ROW + max(count, 1) - 1}"
    first = f"{column}{FIRST_ROW}"
    for word, (fill, text) in FILLS.items():
        sheet.conditional_formatting.add(cells, FormulaRule(
            formula=[f'EXACT(PROPER({first}),"{word}")'],
            fill=PatternFill("solid", bgColor=fill),
            font=Font(name=FONT, bold=True, color=text)))


def _tracker(sheet: Any, document: SelfAssessment) -> None:
    title(sheet, "Action tracker", "Every action, pulled through from the step tabs. Change "
          "actions in the step tabs.")
    labels = ("Step", "Question", "Rating", "Action", "Owner", "Due date", "Status")
    header(sheet, FIRST_ROW - 1, labels, (8, 48, 12, 40, 22, 16, 14))
    row = FIRST_ROW
    for step in document.steps:
        source = quote_sheetname(step_sheet(step.number))
        for offset in range(len(step.questions) + ROOM):
            at = FIRST_ROW + offset
            question = f"{source}!B{at}"
            body_cell(sheet, row, 1, step.number if offset < len(step.questions) else
                      Formula(f'=IF({question}="","",{step.number})'))
            for column, letter in ((2, "B"), (3, "C"), (4, "E"), (5, "F"), (6, "G"), (7, "H")):
                reference = f"{source}!{letter}{at}"
                body_cell(sheet, row, column, Formula(f'=IF({reference}="","",{reference})'),
                          DATE_FORMAT if column == 6 else "")
            if offset < len(step.questions):
                answer = step.questions[offset]
                sheet.row_dimensions[row].height = row_height(
                    sheet, [("B", str(answer.question)), ("D", str(answer.action or ""))])
            row += 1
    _rating_colours(sheet, "C", row - FIRST_ROW)
    sheet.auto_filter.ref = f"A{FIRST_ROW - 1}:G{row - 1}"
    sheet.freeze_panes = f"A{FIRST_ROW}"


def _kept(document: SelfAssessment) -> dict[str, Any]:
    """What the tabs do not show, kept whole for reading back."""
    data = document.model_dump(mode="json", exclude_defaults=True,
                               exclude={"steps", "completed_by", "completed_on",
                                        *type(document).model_computed_fields})
    data["kind"] = document.kind
    data["steps"] = [{"number": s.number, "title": s.title} for s in document.steps]
    return data


def _date(value: Any) -> dt.date | None:
    """A real date, so that spreadsheets sort it: a month as its first day (shown as the
    month, `_date_format`)."""
    if value is None:
        return None
    return dt.date(value.year, value.month, value.day or 1)


def _date_format(value: Any) -> str:
    return MONTH_FORMAT if value is not None and not value.day else DATE_FORMAT


def read_workbook(path: Path) -> ReadBack:
    """The content of a filled-in self-assessment workbook, with the tab and row each answer
    was read from."""
    book = open_workbook(path)
    try:
        return _read(book, path)
    finally:
        book.close()


def _read(book: Any, path: Path) -> ReadBack:
    where = Location(path)
    hidden = worksheet(book, DATA_SHEET)
    if hidden is None:
        raise ContentError([Finding(where, "this is not a self-assessment workbook made by "
                                    "sgdocs (its hidden data tab is missing)",
                                    "start from the workbook `sgdocs build` makes")])
    data = _kept_data(hidden, path)
    problems: list[Finding] = []
    places: dict[KeyPath, str] = {(key,): f"the hidden tab \u201c{DATA_SHEET}\u201d"
                                  for key in data}
    about = worksheet(book, ABOUT_SHEET)
    if about is None:
        problems.append(_missing(path, ABOUT_SHEET))
    else:
        data.update(_completed(about, path, problems, places))
    for index, step in enumerate(data["steps"]):
        sheet = worksheet(book, step_sheet(step["number"]))
        if sheet is None:
            problems.append(_missing(path, step_sheet(step["number"])))
            continue
        places[("steps", index)] = sheet.title
        step["questions"] = list(_answers(sheet, ("steps", index), path, problems, places))
    if problems:
        raise ContentError(problems)
    return ReadBack(data, places)


def _completed(sheet: Any, path: Path, problems: list[Finding],
               places: dict[KeyPath, str]) -> dict[str, str]:
    """Who completed the assessment and when, from the About tab."""
    values = {}
    for number, cells in rows(sheet, path, 2):
        if number > max(_ABOUT):
            break
        if number in _ABOUT:
            key, what = _ABOUT[number]
            place = f"{ABOUT_SHEET}, row {number}"
            value = _text(typed(cells[1], place, what, problems, path), cells[1])
            if value is not None:
                values[key] = value
                places[(key,)] = place
    return values


def _missing(path: Path, name: str) -> Finding:
    return Finding(Location(path), f"the tab \u201c{name}\u201d is missing",
                   "put it back as it was: do not delete or rename the tabs")


_ABOUT = {4: ("completed_by", "completed-by"), 5: ("completed_on", "completed-on")}
"""Rows of the About tab people fill in: the key in content, and what the cell is called."""
_READ = (("question", "question"), ("rag", "rating"), ("evidence", "evidence"),
         ("action", "action"), ("owner", "owner"), ("due", "due date"), ("status", "status"))
"""Columns B to H of a step tab: each answer's key in content, and the column's name."""


def _answers(sheet: Any, at: KeyPath, path: Path, problems: list[Finding],
             places: dict[KeyPath, str]) -> Iterator[dict[str, Any]]:
    """The answers, a row each from FIRST_ROW to the first row with no question."""
    for number, cells in rows(sheet, path, len(COLUMNS)):
        if number < FIRST_ROW:
            continue
        if cells[1].value in (None, ""):
            return
        place = f"{sheet.title}, row {number}"
        answer: dict[str, Any] = {}
        for (key, what), cell in zip(_READ, cells[1:], strict=True):
            text = _text(typed(cell, place, what, problems, path), cell)
            if key in ("rag", "status") and text is not None:
                text = text.lower()
            if key == "rag" and text is not None and text not in RAG_ORDER:
                problems.append(Finding(Location(path), f"{place}: the rating "
                                        f"\u201c{cell.value}\u201d is not Green, Amber or Red",
                                        "choose from the drop-down"))
            if text is not None or key == "question":
                answer[key] = text
        places[(*at, "questions", number - FIRST_ROW)] = place
        yield answer


def _kept_data(sheet: Any, path: Path) -> dict[str, Any]:
    """What sgdocs kept in the hidden tab, read by sgdocs's own YAML rules and limits (the
    tab is as untrusted as the rest of the file), in the shape sgdocs wrote it."""
    cell = next((cells[0] for _, cells in rows(sheet, path, 1)), None)
    text = cell.value if cell is not None and cell.data_type == "s" else None
    if not isinstance(text, str) or not text.strip():
        raise ContentError([_damaged(path, "it holds no text")])
    if len(text.encode("utf-8")) > MAX_FILE_BYTES:
        raise ContentError([_damaged(path, f"it holds more than {MAX_FILE_BYTES:,} bytes of "
                                     "text, the limit for a content file")])
    try:
        data = parse_yaml(text, path).data
    except ContentError as exc:
        raise ContentError([_damaged(path, f"{f.message} (line {f.where.line} of its text)")
                            for f in exc.findings]) from None
    if not isinstance(data, dict):
        raise ContentError([_damaged(path, "it should hold a group of keys")])
    steps = data.get("steps")
    if not isinstance(steps, list) or not all(isinstance(step, dict) for step in steps):
        raise ContentError([_damaged(path, "`steps` should be a list of steps, each a group "
                                     "of keys")])
    for position, step in enumerate(steps, start=1):
        number = step.get("number")
        if isinstance(number, bool) or not isinstance(number, int) or number < 1:
            raise ContentError([_damaged(path, f"step {position} has no `number` (a whole "
                                         "number from 1)")])
    return data


def _damaged(path: Path, problem: str) -> Finding:
    return Finding(Location(path), f"the hidden tab \u201c{DATA_SHEET}\u201d is damaged: "
                   f"{problem}", "the hidden tab must not be changed: " + START_AGAIN)


def _text(value: Any, cell: Any) -> str | None:
    """A cell as content writes it: text as typed, dates as ISO (a month shown as a month,
    as 2025-09), blanks as nothing."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.date):
        day = value.date() if isinstance(value, dt.datetime) else value
        return day.isoformat()[:7] if cell.number_format == MONTH_FORMAT else day.isoformat()
    return str(value).strip() if not isinstance(value, str) else value
