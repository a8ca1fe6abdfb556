"""The evaluators' scoring workbook for a tender: a row per bidder, the tender's criteria and
weightings, weighted totals by formula, and the scoring scale."""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from sgdocs.kinds.tender import SCORING_SCALE, Tender
from sgdocs.render.xlsx import Formula, body_cell, fit_rows, header, title

BLANK_BIDDER_ROWS = 8


def workbook(tender: Tender) -> Workbook:
    """The evaluators' workbook: a row per bidder; quality scored 0 to 5 and weighted; price
    scored as lowest price ÷ bidder's price × weighting; weighted totals by formula."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Scoring"
    reference = f"Reference {tender.reference}. " if tender.reference else ""
    title(sheet, f"Scoring: {tender.title}", f"{reference}Type each "
          "quality score (0 to 5, see Criteria) and each bidder's total price in the shaded "
          "cells; the weighted scores and totals are worked out.")
    quality = [c for c in tender.evaluation if c.type == "quality"]
    price = [c for c in tender.evaluation if c.type == "price"]
    labels = ["Bidder"] + [f"{c.name}: score (0 to 5)" for c in quality]
    labels += [f"{c.name}: price (£)" for c in price]
    labels += [f"{c.name}: weighted ({c.weighting}%)" for c in (*quality, *price)]
    labels.append("Weighted total (100%)")
    first, header_row = 5, 4
    header(sheet, header_row, labels, [28] + [16] * (len(labels) - 1))
    bidders = tender.bidders or [""] * BLANK_BIDDER_ROWS
    last = first + len(bidders) - 1
    scores = DataValidation(type="whole", operator="between", formula1="0", formula2="5",
                            showErrorMessage=True, error="Scores are whole numbers from 0 to 5.",
                            errorTitle="Score")
    sheet.add_data_validation(scores)
    for offset, bidder in enumerate(bidders):
        row = first + offset
        body_cell(sheet, row, 1, bidder or None, editable=not bidder)
        weighted = []
        for i, criterion in enumerate(quality, start=2):
            body_cell(sheet, row, i, None, "0", editable=True)
            scores.add(sheet.cell(row=row, column=i))
            weighted.append(f"IF(ISNUMBER({get_column_letter(i)}{row}),"
                            f"{get_column_letter(i)}{row}/5*{criterion.weighting},0)")
        for i, criterion in enumerate(price, start=2 + len(quality)):
            body_cell(sheet, row, i, None, "£#,##0.00", editable=True)
            column = get_column_letter(i)
            weighted.append(f"IF(N({column}{row})>0,MIN({column}${first}:{column}${last})/"
                            f"{column}{row}*{criterion.weighting},0)")
        start = 2 + len(quality) + len(price)
        for i, formula in enumerate(weighted, start=start):
            body_cell(sheet, row, i, Formula(f"={formula}"), "0.00")
        body_cell(sheet, row, start + len(weighted),
                  Formula(f"=SUM({get_column_letter(start)}{row}:"
                          f"{get_column_letter(start + len(weighted) - 1)}{row})"), "0.00",
                  bold=True)
    sheet.freeze_panes = f"B{first}"

    criteria = workbook.create_sheet("Criteria")
    title(criteria, "Evaluation criteria and scoring scale")
    header(criteria, 3, ["Criterion", "Type", "Weighting (%)", "What evaluators look for"],
           [34, 10, 14, 70])
    for row, criterion in enumerate(tender.evaluation, start=4):
        for column, value in enumerate((criterion.name, criterion.type, criterion.weighting,
                                        criterion.description or ""), start=1):
            body_cell(criteria, row, column, value)
    fit_rows(criteria, 4, 3 + len(tender.evaluation))
    total_row = 4 + len(tender.evaluation)
    body_cell(criteria, total_row, 1, "Total")
    body_cell(criteria, total_row, 3, Formula(f"=SUM(C4:C{total_row - 1})"))
    scale_row = total_row + 2
    header(criteria, scale_row, ["Score", "Meaning", "", "Description"], [34, 10, 14, 70])
    for row, (score, meaning, description) in enumerate(SCORING_SCALE, start=scale_row + 1):
        for column, value in ((1, score), (2, meaning), (4, description)):
            body_cell(criteria, row, column, value)
    return workbook
