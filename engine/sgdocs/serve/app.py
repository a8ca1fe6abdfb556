"""The editor's web application (Flask): the list of documents, the editor page, and what
the page asks of the server (a preview, a save, the file's state on disk, a build, a
picture, a Markdown field's preview). Every document is named by its path inside the
content folder, and nothing outside that folder is read or written.
"""

from __future__ import annotations

import hashlib
import os
import re
import secrets
from collections import defaultdict
from pathlib import Path
from typing import Any

from flask import (
    Flask,
    Response,
    abort,
    jsonify,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from markupsafe import Markup

from sgdocs.errors import ContentError
from sgdocs.kinds import Kind, all_kinds, find_kind
from sgdocs.pipeline.jobs import PUBLIC_FORMATS
from sgdocs.read import richtext
from sgdocs.read.discovery import discover
from sgdocs.read.images import MAX_IMAGE_BYTES, picture_problem
from sgdocs.read.partnership import content_root
from sgdocs.read.paths import PathRefused, read_contained
from sgdocs.read.yamlsource import MAX_FILE_BYTES
from sgdocs.serve import roundtrip
from sgdocs.serve.access import Access
from sgdocs.serve.conflicts import combined
from sgdocs.serve.form import document_form
from sgdocs.serve.jobs import Workers, build_job, library_job, preview_job
from sgdocs.write.files import write_atomic

FORMAT_NAMES = {"docx": "Word", "pdf": "PDF", "html": "Web page", "xlsx": "Workbook",
                "ics": "Calendar"}
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9 _.-]{0,80}")
"""A file or folder name a new document or picture may have."""


def create_app(root: Path, access: Access, workers: Workers | None = None) -> Flask:
    root = root.resolve()
    work = workers or Workers()
    app = Flask(__name__)
    app.secret_key = secrets.token_bytes(32)
    app.config["MAX_CONTENT_LENGTH"] = MAX_IMAGE_BYTES + 1_000_000

    @app.before_request
    def guard() -> Any:
        refused = access.refusal(request)
        if refused:
            return _problem(refused, 403)
        if access.token and not session.get("signed_in") and request.endpoint not in (
                "login", "static"):
            if request.path.startswith("/api/"):
                return _problem("sign in first", 401)
            return redirect(url_for("login", next=request.path))
        return None

    @app.after_request
    def headers(response: Response) -> Response:
        response.headers["Content-Security-Policy"] = (
            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            "script-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'")
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "same-origin"  # a form's Origin is sent
        response.headers["Cache-Control"] = "no-store"
        return response

    @app.route("/login", methods=["GET", "POST"])
    def login() -> Any:
        wrong = request.method == "POST" and not access.signed_in(request.form.get("token"))
        if request.method == "POST" and not wrong:
            session["signed_in"] = True
            target = request.args.get("next", "/")
            return redirect(target if target.startswith("/") and not target.startswith(
                "//") else "/")
        return render_template("login.html", wrong=wrong), 401 if wrong else 200

    @app.get("/")
    def index() -> Any:
        files = [str(path) for path in discover([root])]
        listed = work.run(library_job, files)
        areas: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for entry in listed:
            relative = Path(entry["file"]).relative_to(root)
            entry["path"] = relative.as_posix()
            areas[relative.parts[0] if len(relative.parts) > 1 else root.name].append(entry)
        for entries in areas.values():
            entries.sort(key=lambda entry: (entry["kind"], entry["title"]))
        folders = sorted({p.parent.relative_to(root).as_posix() for p in root.rglob("*.yaml")
                          if p.parent != root})
        roots = {content_root(root / folder) for folder in folders} | {root}
        kinds = {name: kind.summary for place in roots
                 for name, kind in all_kinds(place).items()}  # a partnership's own too
        kinds = dict(sorted(kinds.items()))
        return render_template("index.html", root=root.name, areas=dict(sorted(areas.items())),
                               kinds=kinds, folders=folders, csrf=access.csrf)

    @app.post("/new")
    def new() -> Any:
        folder, name = request.form.get("folder", ""), request.form.get("name", "").strip()
        kind_name = request.form.get("kind", "")
        if not _NAME.fullmatch(name) or ".." in name:
            return _problem("give the new document a name of letters, numbers, spaces or "
                            "hyphens", 400)
        name = name if name.endswith((".yaml", ".yml")) else f"{name}.yaml"
        target = _inside(root, f"{folder}/{name}" if folder else name, must_exist=False)
        from sgdocs.pipeline.starters import new_document

        try:
            new_document(kind_name, target)
        except ContentError as exc:
            return _problem("; ".join(f.message for f in exc.findings), 400)
        except Exception as exc:  # a usage error: an unknown kind, a file already there
            findings = getattr(exc, "findings", ())
            return _problem("; ".join(f.message for f in findings) or str(exc), 400)
        return redirect(url_for("edit", doc=target.relative_to(root).as_posix()))

    @app.get("/edit/<path:doc>")
    def edit(doc: str) -> Any:
        path = _inside(root, doc)
        text = _read(path, root)
        data = _loaded(text)
        kind = find_kind(str(data.get("kind", "")), content_root(path.parent))
        if kind is None:
            abort(404)
        config = {"document": doc, "title": str(data.get("title", path.stem)),
                  "fields": [f.as_json() for f in document_form(kind)],
                  "data": data, "version": _version(text), "csrf": access.csrf,
                  "references": _references(root, path, kind.references.values()),
                  "formats": _formats(kind, data),
                  "api": {name: url_for(name, doc=doc) for name in (
                      "preview", "save", "state", "build", "picture")} | {
                      "markdown": url_for("markdown")}}
        return render_template("editor.html", config=config,
                               kind=kind.name.replace("-", " ").capitalize())

    @app.post("/api/preview/<path:doc>")
    def preview(doc: str) -> Any:
        path = _inside(root, doc)
        return jsonify(work.run(preview_job, str(path), _read(path, root), _body("data")))

    @app.get("/api/state/<path:doc>")
    def state(doc: str) -> Any:
        text = _read(_inside(root, doc), root)
        return jsonify({"version": _version(text), "data": _loaded(text)})

    @app.post("/api/save/<path:doc>")
    def save(doc: str) -> Any:
        path = _inside(root, doc)
        text = _read(path, root)
        data = _body("data")
        theirs = _loaded(text)
        if data.get("kind") != theirs.get("kind"):
            return _problem("the kind of a document cannot be changed here", 400)
        merged = False
        if request.get_json().get("version") != _version(text):
            data, conflicts = combined(request.get_json().get("base"), data, theirs)
            if conflicts:
                return jsonify({"conflicts": [c.as_json() for c in conflicts],
                                "theirs": theirs, "version": _version(text)}), 409
            merged = True
        saved = roundtrip.edited(text, data)
        write_atomic(path, saved.encode("utf-8"))
        return jsonify({"version": _version(saved), "data": _loaded(saved), "merged": merged})

    @app.post("/api/build/<path:doc>")
    def build(doc: str) -> Any:
        path = _inside(root, doc)
        fmt = request.args.get("format", "")
        if fmt not in FORMAT_NAMES:
            return _problem(f"there is no format {fmt!r}", 400)
        made = work.run(build_job, str(path), fmt)
        if isinstance(made, list):
            return jsonify({"findings": made}), 422
        name, data = made
        return Response(data, mimetype="application/octet-stream", headers={
            "Content-Disposition": f'attachment; filename="{name}"'})

    @app.post("/api/picture/<path:doc>")
    def picture(doc: str) -> Any:
        folder = _inside(root, doc).parent / "images"
        upload = request.files.get("file")
        name = Path(upload.filename or "").name if upload else ""
        if upload is None or not _NAME.fullmatch(name) or Path(name).suffix.lower() not in (
                ".png", ".jpg", ".jpeg"):
            return _problem("choose a PNG or JPEG picture whose name is letters, numbers "
                            "and hyphens", 400)
        folder.mkdir(exist_ok=True)
        target = folder / name
        write_atomic(target, upload.read(MAX_IMAGE_BYTES + 1))
        problem = picture_problem(target, f"images/{name}", root)
        if problem:
            target.unlink()
            return jsonify({"findings": [{"path": [], "severity": "error", "line": 0,
                                          "file": name, "message": problem[0],
                                          "hint": problem[1]}]}), 422
        return jsonify({"file": f"images/{name}"})

    @app.post("/api/markdown")
    def markdown() -> Any:
        text, inline = str(_body("text", str)), bool(request.get_json().get("inline"))
        refused = richtext.refusals(text, inline=inline)
        if refused:
            return jsonify({"html": "", "problems": [r.message for r in refused]})
        return jsonify({"html": Markup(richtext.to_html(text, inline=inline))})

    @app.errorhandler(PathRefused)
    def refused_path(exc: PathRefused) -> Any:
        return _problem(str(exc), 404)

    return app


def _formats(kind: Kind, data: dict[str, Any]) -> list[str]:
    """The formats the document is made in; for an OFFICIAL-SENSITIVE one, not those made
    for publishing (a build withholds them)."""
    control = data.get("document_control")
    sensitive = isinstance(control, dict) and control.get("classification") == \
        "OFFICIAL-SENSITIVE"
    return [f for f in FORMAT_NAMES if any(f in output.formats for output in kind.outputs)
            and not (sensitive and f in PUBLIC_FORMATS)]


def _problem(message: str, status: int) -> Any:
    if request.path.startswith("/api/") or request.method != "GET":
        return jsonify({"error": message}), status
    return render_template("problem.html", message=message), status


def _inside(root: Path, doc: str, must_exist: bool = True) -> Path:
    """The content file `doc` names, refused (PathRefused) unless it lies in `root`."""
    if os.path.isabs(doc) or "\\" in doc or any(part in ("..", "") for part in
                                                doc.split("/")):
        raise PathRefused(f"{doc!r} is not a file in the content folder")
    path = (root / doc).resolve()
    if not path.is_relative_to(root) or path.suffix not in (".yaml", ".yml") or (
            must_exist and not path.is_file()):
        raise PathRefused(f"{doc!r} is not a document in the content folder")
    return path


def _read(path: Path, root: Path) -> str:
    return read_contained(path, root, MAX_FILE_BYTES, "a content file").decode("utf-8-sig")


def _loaded(text: str) -> dict[str, Any]:
    try:
        data = roundtrip.plain(roundtrip.load(text))
    except roundtrip.NotYaml:
        abort(422)
    if not isinstance(data, dict):
        abort(422)
    return data


def _version(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _body(key: str, kind: type = dict) -> Any:
    body = request.get_json(silent=True)
    if not isinstance(body, dict) or not isinstance(body.get(key), kind):
        abort(400)
    return body[key]


def _references(root: Path, path: Path, kinds: Any) -> dict[str, list[dict[str, str]]]:
    """For each kind a field may name, the documents of that kind beside or below the
    document, as the field writes them (relative to the document's folder)."""
    wanted = set(kinds)
    found: dict[str, list[dict[str, str]]] = {kind: [] for kind in wanted}
    if not wanted:
        return found
    for other in sorted(path.parent.rglob("*.yaml")):
        if other == path or not other.resolve().is_relative_to(root):
            continue
        try:
            data = roundtrip.plain(roundtrip.load(_read(other, root)))
        except (roundtrip.NotYaml, PathRefused, OSError, UnicodeDecodeError):
            continue
        if isinstance(data, dict) and data.get("kind") in wanted:
            found[data["kind"]].append({"path": other.relative_to(path.parent).as_posix(),
                                        "title": str(data.get("title", other.stem))})
    return found
