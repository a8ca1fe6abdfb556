"""The editor's web application (Flask): the list of documents, the editor page, and what
the page asks of the server (a preview, a save, the file's state on disk, a build, a
picture, a Markdown field's preview). Every document is named by its path inside the
content folder (`folder.ContentFolder`), which is all the server reads or writes.
"""

from __future__ import annotations

import io
import re
import secrets
import threading
import time
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
    send_file,
    session,
    url_for,
)
from markupsafe import Markup
from werkzeug.exceptions import HTTPException

from sgdocs.errors import ContentError, SgdocsError
from sgdocs.kinds import Kind, all_kinds, find_kind
from sgdocs.pipeline.jobs import PUBLIC_FORMATS
from sgdocs.read import richtext
from sgdocs.read.discovery import discover
from sgdocs.read.partnership import content_root
from sgdocs.read.paths import PathRefused
from sgdocs.serve.access import Access
from sgdocs.serve.folder import MAX_UPLOAD, Clash, ContentFolder, values, version_of
from sgdocs.serve.form import document_form
from sgdocs.serve.jobs import WorkerLost, Workers, build_job, library_job, preview_job
from sgdocs.serve.preview import finding_json

FORMAT_NAMES = {"docx": "Word", "pdf": "PDF", "html": "Web page", "xlsx": "Workbook",
                "ics": "Calendar"}
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9 _.-]{0,80}")
"""A file name a new document or picture may have."""
_PLACE = re.compile(r"/[A-Za-z0-9/_.-]*")
"""Where signing in may return to: a page of this editor."""
WRONG_PASSWORD_PAUSE = 1.0
"""Seconds a wrong password waits, so that guessing one takes too long to be worth it."""


def create_app(root: Path, access: Access, workers: Workers | None = None) -> Flask:
    folder = ContentFolder(root)
    root = folder.root
    work = workers or Workers()
    app = Flask(__name__)
    app.secret_key = secrets.token_bytes(32)
    app.config.update(MAX_CONTENT_LENGTH=MAX_UPLOAD + 1_000_000,
                      SESSION_COOKIE_NAME="sgdocs_session", SESSION_COOKIE_SAMESITE="Strict")

    asked: dict[Path, int] = defaultdict(int)
    previewing: dict[Path, threading.Lock] = defaultdict(threading.Lock)
    latest_lock = threading.Lock()

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
        if wrong:
            time.sleep(WRONG_PASSWORD_PAUSE)
        elif request.method == "POST":
            session["signed_in"] = True
            target = request.args.get("next", "/")
            return redirect(target if _PLACE.fullmatch(target) and not target.startswith(
                "//") else "/")
        return render_template("login.html", wrong=wrong), 401 if wrong else 200

    @app.post("/logout")
    def logout() -> Any:
        session.clear()
        return redirect(url_for("login"))

    @app.get("/")
    def index() -> Any:
        listed = work.run(library_job, [str(path) for path in discover([root])])
        areas: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for entry in listed:
            relative = Path(entry["file"]).relative_to(root)
            entry["path"] = relative.as_posix()
            areas[relative.parts[0] if len(relative.parts) > 1 else root.name].append(entry)
        for entries in areas.values():
            entries.sort(key=lambda entry: (entry["kind"], entry["title"]))
        folders = sorted({path.parent.relative_to(root).as_posix()
                          for path in root.rglob("*.yaml")})
        return render_template("index.html", root=root.name, areas=dict(sorted(areas.items())),
                               kinds=_kinds(root, folders), folders=folders, csrf=access.csrf)

    @app.post("/new")
    def new() -> Any:
        place, name = request.form.get("folder", "."), request.form.get("name", "").strip()
        if not _NAME.fullmatch(name):
            return _problem("give the new document a name of letters, numbers, spaces or "
                            "hyphens", 400)
        name = name if name.endswith((".yaml", ".yml")) else f"{name}.yaml"
        target = folder.document(name if place in ("", ".") else f"{place}/{name}",
                                 must_exist=False)
        from sgdocs.pipeline.starters import new_document

        new_document(request.form.get("kind", ""), target)
        return redirect(url_for("edit", doc=target.relative_to(root).as_posix()))

    @app.get("/edit/<path:doc>")
    def edit(doc: str) -> Any:
        path = folder.document(doc)
        text = folder.text(path)
        data = values(text, path)
        kind = find_kind(str(data.get("kind", "")), folder.content_root(path))
        if kind is None:
            abort(404)
        config = {"document": doc, "title": str(data.get("title", path.stem)),
                  "fields": [f.as_json() for f in document_form(kind)],
                  "data": data, "version": version_of(text), "csrf": access.csrf,
                  "references": folder.references(path, kind.references.values()),
                  "formats": _formats(kind, data),
                  "api": {name: url_for(name, doc=doc) for name in (
                      "preview", "save", "state", "build", "picture")} | {
                      "markdown": url_for("markdown")}}
        return render_template("editor.html", config=config,
                               kind=kind.name.replace("-", " ").capitalize())

    @app.post("/api/preview/<path:doc>")
    def preview(doc: str) -> Any:
        """One preview of a document at a time; one asked for while another is made is
        made only if no later one has been asked for meanwhile (typing goes on)."""
        path = folder.document(doc)
        data = _body("data")
        with latest_lock:
            asked[path] += 1
            mine, one_at_a_time = asked[path], previewing[path]
        with one_at_a_time:
            if asked[path] != mine:
                return jsonify({"superseded": True})
            return jsonify(work.run(preview_job, str(path), folder.text(path), data))

    @app.get("/api/state/<path:doc>")
    def state(doc: str) -> Any:
        path = folder.document(doc)
        text = folder.text(path)
        return jsonify({"version": version_of(text), "data": values(text, path)})

    @app.post("/api/save/<path:doc>")
    def save(doc: str) -> Any:
        path = folder.document(doc)
        data = _body("data")
        if find_kind(str(data.get("kind", "")), folder.content_root(path)) is None:
            return _problem("only a document of a known kind can be saved here", 400)
        body = request.get_json()
        done = folder.save(path, data, body.get("base"), str(body.get("version", "")))
        if isinstance(done, Clash):
            return jsonify({"conflicts": [c.as_json() for c in done.conflicts],
                            "theirs": done.theirs, "version": done.version}), 409
        return jsonify({"version": done.version, "data": done.data, "merged": done.merged})

    @app.post("/api/build/<path:doc>")
    def build(doc: str) -> Any:
        path = folder.document(doc)
        fmt = request.args.get("format", "")
        if fmt not in FORMAT_NAMES:
            return _problem(f"there is no format {fmt!r}", 400)
        made = work.run(build_job, str(path), fmt)
        if isinstance(made, list):
            return jsonify({"findings": made}), 422
        name, data = made
        return send_file(io.BytesIO(data), mimetype="application/octet-stream",
                         as_attachment=True, download_name=name)

    @app.post("/api/picture/<path:doc>")
    def picture(doc: str) -> Any:
        path = folder.document(doc)
        upload = request.files.get("file")
        name = Path(upload.filename or "").name if upload else ""
        if upload is None or not _NAME.fullmatch(name) or Path(name).suffix.lower() not in (
                ".png", ".jpg", ".jpeg"):
            return _problem("choose a PNG or JPEG picture whose name is letters, numbers, "
                            "spaces or hyphens", 400)
        added = folder.add_picture(path, name, upload.read(MAX_UPLOAD))
        if not isinstance(added, str):
            return jsonify({"findings": [finding_json(added)]}), 422
        return jsonify({"file": added})

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

    @app.errorhandler(SgdocsError)
    def unusable(exc: SgdocsError) -> Any:
        """A file that does not read, a kind that does not exist, a name already taken."""
        if request.path.startswith("/api/"):
            return jsonify({"findings": [finding_json(f) for f in exc.findings]}), 422
        return _problem("; ".join(f.message for f in exc.findings), 422)

    @app.errorhandler(WorkerLost)
    def lost(exc: WorkerLost) -> Any:
        return _problem(f"{exc}; try again, and if it happens again the document may be "
                        "too large or its template may loop", 503)

    @app.errorhandler(HTTPException)
    def http(exc: HTTPException) -> Any:
        return _problem(str(exc.description or exc.name).rstrip("."), exc.code or 500)

    return app


def _kinds(root: Path, folders: list[str]) -> dict[str, str]:
    """The kinds a new document may be, with what each is for: those sgdocs ships and each
    partnership's own (one whose declaration does not read is left out: check tells it)."""
    kinds = {name: kind.summary for name, kind in all_kinds().items()}
    for place in {content_root(root / name) for name in folders} - {None}:
        try:
            kinds |= {name: kind.summary for name, kind in all_kinds(place).items()}
        except ContentError:
            continue
    return dict(sorted(kinds.items()))


def _formats(kind: Kind, data: dict[str, Any]) -> list[str]:
    """The formats the document is made in; for an OFFICIAL-SENSITIVE one, not those made
    for publishing (a build withholds them)."""
    control = data.get("document_control")
    sensitive = isinstance(control, dict) and control.get("classification") == \
        "OFFICIAL-SENSITIVE"
    return [f for f in FORMAT_NAMES if any(f in output.formats for output in kind.outputs)
            and not (sensitive and f in PUBLIC_FORMATS)]


def _problem(message: str, status: int) -> Any:
    if request.path.startswith("/api/"):
        return jsonify({"error": message}), status
    return render_template("problem.html", message=message), status


def _body(key: str, kind: type = dict) -> Any:
    body = request.get_json(silent=True)
    if not isinstance(body, dict) or not isinstance(body.get(key), kind):
        abort(400, f"the request should carry `{key}`")
    return body[key]
