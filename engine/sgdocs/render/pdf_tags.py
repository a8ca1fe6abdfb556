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

This runs as WeasyPrint's finisher, on the PDF's objects before they are written: nothing
is parsed or written twice.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

import pydyf

_NULL = b"null"


def finisher(targets: Mapping[str, str]) -> Callable[[Any, pydyf.PDF], None]:
    """A WeasyPrint finisher completing the tags; `targets` is each anchor's text."""

    def finish(document: Any, pdf: pydyf.PDF) -> None:
        root = pdf.catalog.get("StructTreeRoot")
        if root is None:
            return
        tree = _object(pdf, root)
        reachable = {element.number for element in _elements(pdf, tree["K"])}
        _scope_header_cells(pdf, tree["K"])
        nums = _object(pdf, tree["ParentTree"])["Nums"]
        mappings = dict(zip(nums[::2], nums[1::2], strict=True))
        for number in pdf.pages["Kids"][::3]:  # pydyf lists each page as number, 0, R
            page = pdf.objects[number]
            _describe_links(pdf, page, targets)
            mapping = mappings.get(page.get("StructParents"))
            if not isinstance(mapping, pydyf.Array):
                continue
            orphans = {mcid for mcid, element in enumerate(mapping)
                       if element != _NULL and _object(pdf, element).number not in reachable}
            if orphans:
                _mark_artifacts(_object(pdf, page["Contents"]), orphans)
                for mcid in orphans:
                    mapping[mcid] = _NULL

    return finish


def _object(pdf: pydyf.PDF, item: Any) -> Any:
    """The object a reference ("12 0 R") names, or the item itself."""
    if isinstance(item, bytes) and item.endswith(b" R"):
        return pdf.objects[int(item.split()[0])]
    return item


def _elements(pdf: pydyf.PDF, kids: Any) -> Iterator[Any]:
    """The structure elements under `kids`, each once."""
    seen: set[int] = set()
    waiting = [kids]
    while waiting:
        item = _object(pdf, waiting.pop())
        if isinstance(item, pydyf.Array):
            waiting.extend(item)
        elif isinstance(item, pydyf.Dictionary) and "S" in item:
            if item.number in seen:
                continue
            seen.add(item.number)
            yield item
            if "K" in item:
                waiting.append(item["K"])


def _scope_header_cells(pdf: pydyf.PDF, kids: Any) -> None:
    waiting: list[tuple[Any, bool]] = [(kids, False)]
    while waiting:
        item, in_head = waiting.pop()
        item = _object(pdf, item)
        if isinstance(item, pydyf.Array):
            waiting.extend((child, in_head) for child in item)
        elif isinstance(item, pydyf.Dictionary) and "S" in item:
            in_head = in_head or item["S"] == "/THead"
            if item["S"] == "/TH":
                scope = "/Column" if in_head else "/Row"
                attributes = _object(pdf, item.get("A"))
                if isinstance(attributes, pydyf.Dictionary):  # keep its spans
                    attributes["Scope"] = scope
                else:
                    item["A"] = pydyf.Dictionary({"O": "/Table", "Scope": scope})
            if "K" in item:
                waiting.append((item["K"], in_head))


def _describe_links(pdf: pydyf.PDF, page: Any, targets: Mapping[str, str]) -> None:
    for reference in page.get("Annots", []):
        annotation = _object(pdf, reference)
        destination = annotation.get("Dest")
        if isinstance(destination, pydyf.String) and destination.string in targets:
            annotation["Contents"] = pydyf.String(
                f"Go to \u201c{targets[destination.string]}\u201d")


def _mark_artifacts(stream: pydyf.Stream, mcids: set[int]) -> None:
    """Re-mark the content sequences of `mcids` as pagination artifacts: `/Tag <<MCID n>>
    BDC` becomes `/Artifact <</Type /Pagination>> BDC`."""
    operations = stream.stream
    for i in range(1, len(operations) - 1):
        properties = operations[i]
        if operations[i + 1] == b"BDC" and isinstance(properties, pydyf.Dictionary) and \
                properties.get("MCID") in mcids:
            operations[i - 1] = "/Artifact"
            operations[i] = pydyf.Dictionary({"Type": "/Pagination"})
