"""`sgdocs serve` as the browser's page talks to it: the list of documents, the editor's
form and preview, saving, two people saving at once, building, pictures, and everything
the server refuses (other sites, other hosts, files outside the content folder, no
password)."""

from __future__ import annotations

import copy
import io
import json
import re
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
import pytest
from flask.testing import FlaskClient

from conftest import CONTENT, cli
from sgdocs.serve.access import Access
from sgdocs.serve.app import create_app
from sgdocs.serve.jobs import Workers
from sgdocs.serve.roundtrip import load, plain

HOST = {"Host": "localhost:8765"}
BRIEF = "bexley/role-brief.yaml"


@pytest.fixture(scope="module")
def workers() -> Iterator[Workers]:
    pool = Workers(1)
    yield pool
    pool.close()


@pytest.fixture()
def content(tmp_path: Path) -> Path:
    shutil.copytree(CONTENT / "bexley", tmp_path / "content/bexley")
    return tmp_path / "content"


@pytest.fixture()
def client(content: Path, workers: Workers) -> FlaskClient:
    return create_app(content, Access("127.0.0.1"), workers).test_client()


def _config(client: FlaskClient, doc: str = BRIEF) -> dict[str, Any]:
    page = client.get(f"/edit/{doc}", headers=HOST)
    assert page.status_code == 200
    found = re.search(r'<script id="config" type="application/json">(.*?)</script>',
                      page.get_data(as_text=True), re.S)
    assert found
    return dict(json.loads(found.group(1)))


def _post(client: FlaskClient, config: dict[str, Any], api: str, body: dict[str, Any],
          query: str = "") -> Any:
    return client.post(config["api"][api] + query, json=body,
                       headers={**HOST, "X-CSRF-Token": config["csrf"]})


def test_the_list_shows_each_document_with_how_it_stands(client: FlaskClient) -> None:
    page = client.get("/", headers=HOST).get_data(as_text=True)
    assert '<a href="/edit/bexley/role-brief.yaml">Brief for independent scrutiny – Bexley' \
        in page
    assert "<td>Tender</td>" in page and 'class="state state-' in page
    assert '<option value="role-brief">Role brief:' in page  # to start a new one


def test_the_form_is_made_from_the_kinds_fields(client: FlaskClient) -> None:
    config = _config(client)
    fields = {field["name"]: field for field in config["fields"]}
    assert config["fields"][0]["name"] == "title"
    assert fields["purpose"]["control"] == "markdown" and fields["purpose"]["required"]
    days = {f["name"]: f for f in fields["days_and_cost"]["fields"]}
    assert days["day_rate"]["label"] == "Day rate" and days["day_rate"]["help"].startswith(
        "What is paid per day")
    assert fields["timetable"]["fields"][1]["item"]["fields"][1]["control"] == "date"
    items = fields["key_questions"]["fields"][1]
    assert (items["control"], items["help"]) == ("list", "The points.")  # not "starting with -"
    assert config["data"]["title"] == "Brief for independent scrutiny – Bexley"
    tender = _config(client, "bexley/tender.yaml")
    assert tender["references"]["role-brief"] == [
        {"path": "role-brief.yaml", "title": "Brief for independent scrutiny – Bexley"}]


def test_the_preview_shows_the_page_and_each_finding_at_its_field(
        client: FlaskClient) -> None:
    config = _config(client)
    data = copy.deepcopy(config["data"])
    data["title"] = "Brief for independent scrutiny – Bexley, revised"
    data["days_and_cost"]["day_rate"] = "TBC"
    data["timetable"]["entries"][1]["date"] = "2018-13-01"
    data["purpose"] = ""
    answer = _post(client, config, "preview", {"data": data}).get_json()
    found = {tuple(f["path"]): f["message"] for f in answer["findings"]}
    assert found[("days_and_cost", "day_rate")] == \
        "“TBC” is not an amount of money sgdocs can read"
    assert found[("timetable", "entries", 1, "date")].startswith("2018-13-01 is not a real date")
    assert found[("purpose",)] == "`purpose` is empty"
    assert answer["html"] == ""  # nothing to show until the problems are put right
    data.update(purpose="Why the brief exists.", days_and_cost=config["data"]["days_and_cost"])
    data["timetable"] = config["data"]["timetable"]
    answer = _post(client, config, "preview", {"data": data}).get_json()
    assert not [f for f in answer["findings"] if f["severity"] == "error"]
    assert "<h1>Brief for independent scrutiny – Bexley, revised</h1>" in answer["html"]
    assert "Why the brief exists." in answer["html"]


def test_previews_asked_for_while_typing_are_made_only_when_still_wanted(
        client: FlaskClient) -> None:
    config = _config(client)
    answers: list[dict[str, Any]] = []

    def typed(number: int) -> None:
        data = config["data"] | {"title": f"Brief, typed {number}"}
        answers.append(_post(client, config, "preview", {"data": data}).get_json())

    typing = [threading.Thread(target=typed, args=(n,)) for n in range(4)]
    for keystroke in typing:
        keystroke.start()
    for keystroke in typing:
        keystroke.join()
    made = [answer for answer in answers if "html" in answer]
    assert made and all(answer == {"superseded": True} for answer in answers
                        if answer not in made)
    assert all("<h1>Brief, typed " in answer["html"] for answer in made)


def test_saving_writes_what_a_hand_edit_would(client: FlaskClient, content: Path) -> None:
    config = _config(client)
    before = (content / BRIEF).read_text(encoding="utf-8")
    data = copy.deepcopy(config["data"])
    data["title"] = "Brief for independent scrutiny – Bexley, 2019"
    answer = _post(client, config, "save", {"data": data, "base": config["data"],
                                           "version": config["version"]})
    assert answer.status_code == 200 and answer.get_json()["merged"] is False
    assert (content / BRIEF).read_text(encoding="utf-8") == before.replace(
        "title: Brief for independent scrutiny – Bexley\n",
        "title: Brief for independent scrutiny – Bexley, 2019\n")
    state = client.get(config["api"]["state"], headers=HOST).get_json()
    assert state["version"] == answer.get_json()["version"] != config["version"]


def test_two_saves_of_one_document_lose_neither_edit(client: FlaskClient,
                                                     content: Path) -> None:
    first, second = _config(client), _config(client)  # two tabs
    mine = first["data"] | {"title": "Retitled in the first tab"}
    assert _post(client, first, "save", {"data": mine, "base": first["data"],
                                         "version": first["version"]}).status_code == 200
    theirs = {**second["data"], "purpose": "Changed in the second tab."}
    answer = _post(client, second, "save", {"data": theirs, "base": second["data"],
                                            "version": second["version"]})
    assert answer.status_code == 200 and answer.get_json()["merged"] is True
    saved = plain(load((content / BRIEF).read_text(encoding="utf-8")))
    assert saved["title"] == "Retitled in the first tab"
    assert saved["purpose"] == "Changed in the second tab."
    clash = {**second["data"], "title": "Retitled in the second tab"}
    answer = _post(client, second, "save", {"data": clash, "base": second["data"],
                                            "version": second["version"]})
    assert answer.status_code == 409
    assert answer.get_json()["conflicts"] == [{"path": ["title"], "mine":
                                               "Retitled in the second tab",
                                               "theirs": "Retitled in the first tab"}]
    assert plain(load((content / BRIEF).read_text(encoding="utf-8")))["title"] == \
        "Retitled in the first tab"  # nothing written until the person chooses


def test_a_file_changed_on_disk_is_seen(client: FlaskClient, content: Path) -> None:
    config = _config(client)
    path = content / BRIEF
    path.write_text(path.read_text(encoding="utf-8").replace(
        "title: Brief for independent scrutiny – Bexley", "title: Edited in a text editor"),
        encoding="utf-8")
    state = client.get(config["api"]["state"], headers=HOST).get_json()
    assert state["version"] != config["version"]
    assert state["data"]["title"] == "Edited in a text editor"


def test_building_downloads_the_word_file(client: FlaskClient) -> None:
    config = _config(client)
    answer = _post(client, config, "build", {}, "?format=docx")
    assert answer.status_code == 200
    assert answer.headers["Content-Disposition"] == "attachment; filename=role-brief.docx"
    text = [p.text for p in docx.Document(io.BytesIO(answer.data)).paragraphs]
    assert "Brief for independent scrutiny – Bexley" in text


def test_a_picture_is_checked_as_check_checks_it(client: FlaskClient, content: Path) -> None:
    config = _config(client)
    upload = client.post(config["api"]["picture"], data={"file": (io.BytesIO(
        b"<svg onload=alert(1)>"), "logo.png")}, headers={**HOST, "X-CSRF-Token":
                                                          config["csrf"]})
    assert upload.status_code == 422
    assert upload.get_json()["findings"][0]["message"] == \
        "`images/logo.png` is not a PNG or JPEG picture"
    assert not (content / "bexley/images/logo.png").exists()
    logo = (CONTENT / "eastmoor/images/logo.png").read_bytes()
    for expected in ("images/logo.png", "images/logo-2.png"):  # never over another picture
        upload = client.post(config["api"]["picture"], data={"file": (io.BytesIO(logo),
                                                                      "logo.png")},
                             headers={**HOST, "X-CSRF-Token": config["csrf"]})
        assert upload.get_json() == {"file": expected}
        assert (content / "bexley" / expected).read_bytes() == logo


def test_a_picture_is_never_written_outside_the_content_folder(client: FlaskClient,
                                                                content: Path) -> None:
    outside = content.parent / "elsewhere"
    outside.mkdir()
    (outside / "victim.png").write_bytes(b"kept")
    (content / "bexley/images").symlink_to(outside)
    config = _config(client)
    logo = (CONTENT / "eastmoor/images/logo.png").read_bytes()
    upload = client.post(config["api"]["picture"], data={"file": (io.BytesIO(logo),
                                                                  "victim.png")},
                         headers={**HOST, "X-CSRF-Token": config["csrf"]})
    assert upload.status_code == 422
    assert (outside / "victim.png").read_bytes() == b"kept"
    assert [p.name for p in outside.iterdir()] == ["victim.png"]


def test_a_new_document_starts_from_its_kinds_starter(client: FlaskClient,
                                                      content: Path) -> None:
    csrf = _config(client)["csrf"]
    answer = client.post("/new", data={"kind": "meeting-notes", "folder": "bexley",
                                       "name": "board-2026-01", "csrf": csrf}, headers=HOST)
    assert answer.status_code == 302
    assert answer.headers["Location"] == "/edit/bexley/board-2026-01.yaml"
    assert (content / "bexley/board-2026-01.yaml").read_text(encoding="utf-8").count(
        "kind: meeting-notes") == 1


@pytest.mark.parametrize("headers", [
    {},  # no page secret: another site's form or script
    {"X-CSRF-Token": "guessed"},
    {"Origin": "https://evil.example"},
    {"Sec-Fetch-Site": "cross-site"},
])
def test_changes_from_anywhere_but_the_page_are_refused(client: FlaskClient, content: Path,
                                                        headers: dict[str, str]) -> None:
    config = _config(client)
    before = (content / BRIEF).read_bytes()
    sent = {"X-CSRF-Token": config["csrf"], **headers} if "X-CSRF-Token" not in headers \
        and headers else headers
    answer = client.post(config["api"]["save"], json={
        "data": config["data"] | {"title": "Hijacked"}, "base": config["data"],
        "version": config["version"]}, headers={**HOST, **sent})
    assert answer.status_code == 403
    assert (content / BRIEF).read_bytes() == before


@pytest.mark.parametrize("doc", ["../secret.yaml", "bexley/../../secret.yaml",
                                 "/etc/passwd", "bexley/partnership.yaml/../../x.yaml",
                                 "linked.yaml"])
def test_nothing_outside_the_content_folder_is_read(client: FlaskClient, content: Path,
                                                    doc: str) -> None:
    (content.parent / "secret.yaml").write_text("kind: role-brief\ntitle: Secret\n")
    (content / "linked.yaml").symlink_to(content.parent / "secret.yaml")
    page = client.get(f"/edit/{doc}", headers=HOST, follow_redirects=True)
    assert page.status_code == 404 and b"Secret" not in page.data
    state = client.get(f"/api/state/{doc}", headers=HOST, follow_redirects=True)
    assert state.status_code == 404 and b"Secret" not in state.data


def test_only_documents_are_edited(client: FlaskClient, content: Path) -> None:
    config = _config(client)
    before = (content / "bexley/partnership.yaml").read_bytes()
    answer = client.post("/api/save/bexley/partnership.yaml", json={
        "data": {"name": "Hijacked"}, "base": {}, "version": ""},
        headers={**HOST, "X-CSRF-Token": config["csrf"]})
    assert answer.status_code == 404
    assert (content / "bexley/partnership.yaml").read_bytes() == before


def test_saves_at_the_same_moment_keep_both_edits_and_the_files_permissions(
        client: FlaskClient, content: Path) -> None:
    config = _config(client)
    (content / BRIEF).chmod(0o600)  # kept from other users of the machine

    def save(field: str, value: str) -> None:
        body = {"data": config["data"] | {field: value}, "base": config["data"],
                "version": config["version"]}
        assert _post(client, config, "save", body).status_code == 200

    edits = [threading.Thread(target=save, args=pair) for pair in (
        ("title", "Retitled"), ("purpose", "Repurposed."))]
    for edit in edits:
        edit.start()
    for edit in edits:
        edit.join()
    saved = plain(load((content / BRIEF).read_text(encoding="utf-8")))
    assert (saved["title"], saved["purpose"]) == ("Retitled", "Repurposed.")
    assert (content / BRIEF).stat().st_mode & 0o777 == 0o600


def test_a_broken_file_is_told_plainly(client: FlaskClient, content: Path) -> None:
    config = _config(client)
    (content / "bexley/broken.yaml").write_text("kind: role-brief\ntitle: [unclosed\n")
    page = client.get("/edit/bexley/broken.yaml", headers=HOST)
    assert page.status_code == 422 and b"broken.yaml:2" not in page.data
    assert b"That cannot be done" in page.data
    answer = client.get("/api/state/bexley/broken.yaml", headers=HOST)
    assert answer.status_code == 422 and answer.get_json()["findings"][0]["file"] == "broken.yaml"
    assert _post(client, config, "preview", {"nothing": 1}).get_json() == {
        "error": "the request should carry `data`"}
    assert client.get("/edit/bexley/tender.yaml", headers=HOST).status_code == 200


def test_signing_in_returns_only_to_a_page_of_the_editor(content: Path,
                                                         workers: Workers) -> None:
    client = create_app(content, Access("0.0.0.0", "correct horse battery"),
                        workers).test_client()
    for target in ("/%09/evil.example", "//evil.example", "https://evil.example/"):
        answer = client.post(f"/login?next={target}", data={"token": "correct horse battery"},
                             headers={"Host": "sgdocs.example:8765"})
        assert answer.headers["Location"] == "/"


def test_a_request_naming_another_host_is_refused(client: FlaskClient) -> None:
    assert client.get("/", headers={"Host": "attacker.example:8765"}).status_code == 403


def test_served_to_colleagues_it_asks_for_the_password(content: Path,
                                                       workers: Workers) -> None:
    app = create_app(content, Access("0.0.0.0", "correct horse battery"), workers)
    client = app.test_client()
    headers = {"Host": "sgdocs.council.example:8765"}
    assert client.get("/", headers=headers).status_code == 302
    assert client.get(f"/api/state/{BRIEF}", headers=headers).status_code == 401
    assert client.post("/login", data={"token": "wrong"}, headers=headers).status_code == 401
    assert client.post("/login", data={"token": "correct horse battery"},
                       headers=headers).status_code == 302
    assert client.get(f"/api/state/{BRIEF}", headers=headers).status_code == 200
    page = client.get("/", headers=headers).get_data(as_text=True)
    csrf = re.search(r'name="csrf" value="([^"]+)"', page)
    assert csrf and "Sign out" in page
    client.post("/logout", data={"csrf": csrf.group(1)}, headers=headers)
    assert client.get(f"/api/state/{BRIEF}", headers=headers).status_code == 401


def test_serving_beyond_this_machine_without_a_password_is_refused(content: Path) -> None:
    result = cli("serve", str(content), "--host", "0.0.0.0", "--no-browser")
    assert result.exit_code == 2
    assert "serving to other machines (0.0.0.0) needs a password" in result.output
    assert "SGDOCS_PASSWORD" in result.output


def test_a_partnerships_own_kind_opens_and_a_sensitive_one_is_not_published(
        tmp_path: Path, workers: Workers) -> None:
    for area in ("westvale", "eastmoor"):
        shutil.copytree(CONTENT / area, tmp_path / area)
    client = create_app(tmp_path, Access("127.0.0.1"), workers).test_client()
    own = _config(client, "westvale/chair-role-2025.yaml")
    assert own["data"]["kind"] == "chair-role" and own["fields"][0]["name"] == "title"
    sensitive = _config(client, "eastmoor/self-assessment-2024.yaml")
    assert sensitive["formats"] == ["docx", "xlsx"]  # no PDF or web page to publish by mistake
    page = client.get("/", headers=HOST).get_data(as_text=True)
    assert '<option value="chair-role">' in page  # new documents of it too
