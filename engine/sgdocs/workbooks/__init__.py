"""Spreadsheet layouts of the kinds that have one, imported only when a workbook is built or
read (they need openpyxl, which `sgdocs check` should not load)."""
