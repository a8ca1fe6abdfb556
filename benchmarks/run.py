"""How fast sgdocs is, against the bare libraries doing the same work, in one run.

    .venv/bin/python benchmarks/run.py [--quick]

Measures, on the bundled example content and on generated batches:
- one 5-page role brief to Word: sgdocs's whole build (read, check, lint, render, write)
  against docxtpl rendering and saving the same template with the same fields;
- the same brief to PDF: sgdocs's whole build against WeasyPrint's `write_pdf` of the same
  page (the same HTML, the same PDF/UA variant);
- documents and pages a second, and peak memory, building every example;
- a batch of 20 PDFs with one process and with one per core;
- an unchanged rebuild of every example against the full build;
- a cold start of `sgdocs --help`, `sgdocs check` of every example and of one file (what an
  editor checking on save waits for), and whether they load WeasyPrint or docxtpl;
- peak memory building a report of about 100 pages, and `sgdocs assess` of it and of its
  first 60 pages without bookmarks, each on one core.

It prints a table, then one figure per line: docx overhead, pdf overhead, parallel speedup,
unchanged rebuild (ratios), and the seconds to check one file.
"""

from __future__ import annotations

import argparse
import io
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml
from rich.console import Console
from rich.table import Table

from sgdocs.pipeline.jobs import available_cores

REPO = Path(__file__).resolve().parent.parent
CONTENT = REPO / "content"
BRIEF = CONTENT / "bexley/role-brief.yaml"
YEARLY = CONTENT / "eastmoor/yearly-report-2024-25.yaml"
BATCH = 20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats")
    repeats = 3 if parser.parse_args().quick else 7
    work = Path(tempfile.mkdtemp(prefix="sgdocs-bench-"))
    rows: list[tuple[str, str, str]] = []
    try:
        docx_ratio = _docx_overhead(work, repeats, rows)
        pdf_ratio = _pdf_overhead(work, repeats, rows)
        _examples(work, rows)
        speedup = _parallel(work, rows)
        unchanged = _unchanged_rebuild(work, rows)
        check_one = _cold_start(rows, repeats)
        preview = _editor_preview(work, repeats, rows)
        _long_report(work, rows)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    table = Table(title=f"sgdocs benchmarks ({available_cores()} cores)", title_justify="left")
    for column in ("Measure", "Result", "Notes"):
        table.add_column(column)
    for row in rows:
        table.add_row(*row)
    Console().print(table)
    print(f"docx overhead: {docx_ratio:.2f}")
    print(f"pdf overhead: {pdf_ratio:.2f}")
    print(f"parallel speedup: {speedup:.2f}")
    print(f"unchanged rebuild: {unchanged:.3f}")
    print(f"check one file: {check_one:.2f} s")
    print(f"editor preview: {preview:.2f} s")


def _docx_overhead(work: Path, repeats: int, rows: list[tuple[str, str, str]]) -> float:
    import jinja2
    from docxtpl import DocxTemplate

    from sgdocs.errors import Location
    from sgdocs.pipeline.build import build
    from sgdocs.pipeline.load import load_document
    from sgdocs.render.context import template_context
    from sgdocs.render.templating import find_template, listed, sentence
    from sgdocs.render.wordml import WordWriter

    document = load_document(BRIEF)
    path = find_template(document.root, "docx", "role-brief.docx")

    bare_jinja = jinja2.Environment(autoescape=True)  # with the two filters templates use
    bare_jinja.filters.update(listed=listed, sentence=sentence)

    def bare() -> float:
        template = DocxTemplate(path)
        template.init_docx()
        context = template_context(document, WordWriter(
            template.docx, Location(path), lambda: template.current_rendering_part))
        started = time.perf_counter()
        template.render(context, jinja_env=bare_jinja)
        template.save(io.BytesIO())
        return time.perf_counter() - started

    def whole() -> float:
        return _timed(lambda: build([BRIEF], Path(tempfile.mkdtemp(dir=work)), ("docx",),
                                    rebuild=True))

    library, ours = _compare(bare, whole, repeats * 3)
    rows.append(("role brief → .docx", f"{ours * 1000:.0f} ms",
                 f"docxtpl render + save alone: {library * 1000:.0f} ms"))
    return ours / library


def _pdf_overhead(work: Path, repeats: int, rows: list[tuple[str, str, str]]) -> float:
    from weasyprint import HTML

    from sgdocs.pipeline.build import build
    from sgdocs.pipeline.load import load_document
    from sgdocs.render import html as render_html
    from sgdocs.render import pdf as render_pdf

    document = load_document(BRIEF)
    output = document.kind.outputs[0]
    page = render_html.pages(document, output, "print")
    html = page(render_html.headings(page(())))

    def bare() -> float:
        return _timed(lambda: HTML(string=html, base_url=str(document.root)).write_pdf(
            pdf_variant=render_pdf.VARIANT))

    def whole() -> float:
        return _timed(lambda: build([BRIEF], Path(tempfile.mkdtemp(dir=work)), ("pdf",),
                                    rebuild=True))

    library, ours = _compare(bare, whole, repeats)
    rows.append(("role brief → PDF", f"{ours * 1000:.0f} ms",
                 f"WeasyPrint write_pdf alone: {library * 1000:.0f} ms"))
    return ours / library


def _examples(work: Path, rows: list[tuple[str, str, str]]) -> None:
    out = work / "examples"
    seconds, memory = _run("build", str(CONTENT), "--out", str(out), "--allow-sensitive",
                           "--jobs", "1")
    from sgdocs.read.discovery import discover

    outputs = [path for path in out.rglob("*.*") if not path.name.startswith(".")]
    documents = len(discover([CONTENT]))
    pages = sum(_pages(path) for path in outputs if path.suffix == ".pdf")
    rows.append(("every example, one process", f"{seconds:.1f} s",
                 f"{documents} documents, {len(outputs)} files: "
                 f"{documents / seconds:.1f} documents/s, {pages / seconds:.1f} PDF pages/s, "
                 f"peak {memory} MB"))


def _parallel(work: Path, rows: list[tuple[str, str, str]]) -> float:
    batch = work / "batch"
    batch.mkdir()
    shutil.copy(BRIEF.parent / "partnership.yaml", batch)
    text = BRIEF.read_text()
    for number in range(1, BATCH + 1):
        (batch / f"brief-{number:02}.yaml").write_text(
            text.replace("title:", f"title: Brief {number} —", 1))
    one, _ = _run("build", str(batch), "--out", str(work / "one"), "--format", "pdf",
                  "--jobs", "1")
    many, memory = _run("build", str(batch), "--out", str(work / "many"), "--format", "pdf",
                        "--jobs", str(available_cores()))
    rows.append((f"{BATCH} PDFs, one process", f"{one:.1f} s", f"{BATCH / one:.1f} PDFs/s"))
    rows.append((f"{BATCH} PDFs, {available_cores()} processes", f"{many:.1f} s",
                 f"{BATCH / many:.1f} PDFs/s, peak {memory} MB per process"))
    return one / many


def _unchanged_rebuild(work: Path, rows: list[tuple[str, str, str]]) -> float:
    out = work / "again"
    full, _ = _run("build", str(CONTENT), "--out", str(out), "--allow-sensitive")
    again, _ = _run("build", str(CONTENT), "--out", str(out), "--allow-sensitive")
    rows.append(("every example, full build", f"{full:.1f} s", f"{available_cores()} processes"))
    rows.append(("every example, unchanged", f"{again * 1000:.0f} ms",
                 "every document skipped"))
    return again / full


def _cold_start(rows: list[tuple[str, str, str]], repeats: int) -> float:
    """Each command started afresh, the median of `repeats` runs; returns the time to check
    one file, which an editor checking on save waits for."""
    timed = {}
    for label, command in (("--help", ("--help",)), ("check content/", ("check", str(CONTENT))),
                           ("check one file", ("check", str(BRIEF)))):
        timed[label] = statistics.median(_run(*command)[0] for _ in range(repeats))
        heavy = _imports_heavy(*command)
        rows.append((f"sgdocs {label} (cold start)", f"{timed[label] * 1000:.0f} ms",
                     "loads " + (", ".join(heavy) if heavy else "neither WeasyPrint nor docxtpl")))
    return timed["check one file"]


def _editor_preview(work: Path, repeats: int, rows: list[tuple[str, str, str]]) -> float:
    """What the editor waits for after a pause in typing in the brief: the form's values
    sent to `sgdocs serve`, laid into the file, checked and rendered as the web page in a
    worker process, and back; against reading and rendering the same page in-process."""
    from sgdocs.pipeline.load import load_document
    from sgdocs.render import html
    from sgdocs.serve.access import Access
    from sgdocs.serve.app import create_app
    from sgdocs.serve.jobs import Workers
    from sgdocs.serve.roundtrip import load, plain

    content = work / "editor"
    shutil.copytree(BRIEF.parent, content / BRIEF.parent.name)
    document = f"{BRIEF.parent.name}/{BRIEF.name}"
    data = plain(load(BRIEF.read_text(encoding="utf-8")))
    workers = Workers(1)
    access = Access("127.0.0.1")
    client = create_app(content, access, workers).test_client()
    headers = {"Host": "localhost:8765", "X-CSRF-Token": access.csrf}

    def typed(number: int) -> None:
        answer = client.post(f"/api/preview/{document}", headers=headers, json={
            "data": data | {"title": f"Brief for independent scrutiny – Bexley ({number})"}})
        assert answer.status_code == 200 and answer.get_json()["html"]

    def bare() -> None:
        loaded = load_document(BRIEF)
        html.page(loaded, loaded.kind.outputs[0], "web")

    try:
        typed(0)  # the worker's first start
        ours = statistics.median(_timed(lambda n=n: typed(n)) for n in range(repeats))
    finally:
        workers.close()
    theirs = statistics.median(_timed(bare) for _ in range(repeats))
    rows.append(("editor preview of the brief, after a pause", f"{ours * 1000:.0f} ms",
                 f"{ours / theirs:.1f}× reading and rendering it in-process"))
    return ours


def _long_report(work: Path, rows: list[tuple[str, str, str]]) -> None:
    """The Eastmoor yearly report with its written sections repeated until it runs to
    about a hundred pages."""
    folder = work / "long"
    shutil.copytree(YEARLY.parent, folder)
    data = yaml.safe_load(YEARLY.read_text())
    for section in ("what_we_did", "effectiveness", "impact", "learning", "voice"):
        data[section] = "\n\n".join([data[section].strip()] * 180)
    (folder / YEARLY.name).write_text(yaml.safe_dump(data, allow_unicode=True,
                                                     sort_keys=False))
    seconds, memory = _run("build", str(folder / YEARLY.name), "--out", str(work / "long-out"),
                           "--format", "pdf")
    pdf = work / "long-out/long" / YEARLY.with_suffix(".pdf").name
    pages = _pages(pdf)
    rows.append((f"{pages}-page yearly report → PDF", f"{seconds:.1f} s",
                 f"peak {memory} MB"))
    seconds, memory = _run("assess", str(pdf), one_core=True)
    rows.append((f"`sgdocs assess` of that {pages}-page PDF", f"{seconds:.1f} s",
                 f"peak {memory} MB"))
    sixty = work / "sixty.pdf"
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(pdf).pages[:60]:
        writer.add_page(page)  # without its bookmarks: headings are told by their type
    writer.write(sixty)
    seconds, memory = _run("assess", str(sixty), one_core=True)
    rows.append(("`sgdocs assess` of its first 60 pages, without bookmarks", f"{seconds:.1f} s",
                 f"peak {memory} MB (aim: under 10 s on one core)"))


def _run(*arguments: str, one_core: bool = False) -> tuple[float, int]:
    """Run the sgdocs command (on one core only, with `one_core`); its wall time and peak
    memory (MB)."""
    pin = "os.sched_setaffinity(0, {min(os.sched_getaffinity(0))}); " if one_core else ""
    wrapper = ("import os, resource, subprocess, sys, time; " + pin +
               "started = time.perf_counter(); "
               "done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, "
               "stderr=subprocess.PIPE); print(time.perf_counter() - started, "
               "resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024, done.returncode);"
               "sys.stderr.write(done.stderr.decode()[-2000:] if done.returncode else '')")
    result = subprocess.run([sys.executable, "-c", wrapper, sys.executable, "-m", "sgdocs",
                             *arguments, *(["--quiet"] if arguments[0] == "build" else [])],
                            capture_output=True, text=True, check=True)
    seconds, memory, code = result.stdout.split()
    if code not in ("0", "1") or (arguments[0] == "build" and code != "0"):
        sys.exit(f"sgdocs {' '.join(arguments)} failed:\n{result.stderr}")
    return float(seconds), int(memory)


def _imports_heavy(*arguments: str) -> list[str]:
    probe = ("import runpy, sys; sys.argv = ['sgdocs', *sys.argv[1:]]\n"
             "try:\n    runpy.run_module('sgdocs', run_name='__main__')\n"
             "except SystemExit:\n    pass\n"
             "print(*[m for m in ('weasyprint', 'docxtpl') if m in sys.modules], "
             "file=sys.stderr)")
    result = subprocess.run([sys.executable, "-c", probe, *arguments], capture_output=True,
                            text=True)
    return result.stderr.split("\n")[-2].split() if result.stderr.strip() else []


def _pages(pdf: Path) -> int:
    import pikepdf

    with pikepdf.open(pdf) as opened:
        return len(opened.pages)


def _timed(work: Callable[[], object]) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def _compare(bare: Callable[[], float], ours: Callable[[], float], repeats: int
             ) -> tuple[float, float]:
    """The median time of each, measured in turn (so both meet the same machine)."""
    bare(), ours()  # warm: imports, font caches
    pairs = [(bare(), ours()) for _ in range(repeats)]
    return statistics.median(p[0] for p in pairs), statistics.median(p[1] for p in pairs)


if __name__ == "__main__":
    main()
