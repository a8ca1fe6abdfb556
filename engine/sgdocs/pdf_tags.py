"""The PDF's tags finished where WeasyPrint leaves gaps that PDF/UA does not allow.

- Page furniture: PDF/UA asks that everything on a page be either tagged content, reachable
  from the structure tree, or an artifact that assistive technology skips. WeasyPrint tags
  the page margins (running headers, footers, page numbers, classification) as marked
  content whose structure elements hang from nothing: neither read in order nor skipped.
  That content (its structure element is not reachable from the root) is re-marked as a
  pagination artifact.
- Table header cells get the Scope PDF/UA asks of them: a header in the table's head
  heads its column, any other heads its row (the shipped templates' `scope` attributes
  follow the same rule).
- A link within the document is described by where it goes (WeasyPrint gives the target's
  id, such as "period"), from `targets`: each anchor's text.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from typing import Any

import pikepdf

_PAGINATION = pikepdf.Dictionary(Type=pikepdf.Name.Pagination)


def finish_tags(data: bytes, targets: Mapping[str, str]) -> bytes:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        tree = pdf.Root.get("/StructTreeRoot")
        if tree is None:
            return data
        reachable = _reachable(tree.K)
        _scope_header_cells(tree.K)
        _describe_links(pdf, targets)
        parent_tree = tree.ParentTree.Nums
        for page in pdf.pages:
            mapping = _page_mapping(parent_tree, page)
            if mapping is None:
                continue
            orphans = {mcid for mcid, element in enumerate(mapping)
                       if isinstance(element, pikepdf.Dictionary)
                       and element.objgen not in reachable}
            if orphans:
                _mark_artifacts(pdf, page, orphans)
                for mcid in orphans:
                    mapping[mcid] = None
        out = io.BytesIO()
        pdf.save(out, deterministic_id=True, compress_streams=True)
    return out.getvalue()


def _reachable(kids: pikepdf.Object) -> set[tuple[int, int]]:
    """The structure elements under `kids` (object numbers; each element is an object)."""
    found: set[tuple[int, int]] = set()
    waiting = [kids]
    while waiting:
        item = waiting.pop()
        if isinstance(item, pikepdf.Array):
            waiting.extend(item)
        elif isinstance(item, pikepdf.Dictionary) and item.get("/S") is not None:
            if item.objgen in found:
                continue
            found.add(item.objgen)
            if item.get("/K") is not None:
                waiting.append(item.K)
    return found


def _scope_header_cells(kids: pikepdf.Object) -> None:
    waiting: list[tuple[pikepdf.Object, bool]] = [(kids, False)]
    while waiting:
        item, in_head = waiting.pop()
        if isinstance(item, pikepdf.Array):
            waiting.extend((child, in_head) for child in item)
        elif isinstance(item, pikepdf.Dictionary) and item.get("/S") is not None:
            in_head = in_head or item.S == "/THead"
            if item.S == "/TH":
                scope = pikepdf.Name.Column if in_head else pikepdf.Name.Row
                attributes = item.get("/A")
                if isinstance(attributes, pikepdf.Dictionary):  # keep its spans
                    attributes.Scope = scope
                else:
                    item.A = pikepdf.Dictionary(O=pikepdf.Name.Table, Scope=scope)
            if item.get("/K") is not None:
                waiting.append((item.K, in_head))


def _describe_links(pdf: pikepdf.Pdf, targets: Mapping[str, str]) -> None:
    for page in pdf.pages:
        for annotation in page.obj.get("/Annots", []):
            destination = annotation.get("/Dest")
            if isinstance(destination, pikepdf.String) and str(destination) in targets:
                annotation.Contents = pikepdf.String(
                    f"Go to “{targets[str(destination)]}”")


def _page_mapping(nums: pikepdf.Object, page: pikepdf.Page) -> pikepdf.Object | None:
    """The page's entry in the parent tree: its structure element for each MCID."""
    key = page.obj.get("/StructParents")
    if key is None:
        return None
    for i in range(0, len(nums), 2):
        if int(nums[i]) == int(key) and isinstance(nums[i + 1], pikepdf.Array):
            return nums[i + 1]
    return None


def _mark_artifacts(pdf: pikepdf.Pdf, page: pikepdf.Page, mcids: set[int]) -> None:
    instructions: list[Any] = []
    for instruction in pikepdf.parse_content_stream(page):
        if str(instruction.operator) == "BDC" and _mcid(instruction.operands) in mcids:
            instruction = pikepdf.ContentStreamInstruction(
                [pikepdf.Name.Artifact, _PAGINATION], instruction.operator)
        instructions.append(instruction)
    page.obj.Contents = pdf.make_stream(pikepdf.unparse_content_stream(instructions))


def _mcid(operands: Any) -> int | None:
    properties = operands[1] if len(operands) > 1 else None
    if isinstance(properties, pikepdf.Dictionary) and properties.get("/MCID") is not None:
        return int(properties.MCID)
    return None
