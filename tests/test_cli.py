"""The command line as a user meets it: build, new, kinds, schema, and a fast start."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from conftest import BEXLEY, CONTENT, REPO, docx_text
from sgdocs.cli import main
from sgdocs.kinds import all_kinds
from sgdocs.pipeline.load import load_document
from sgdocs.read.discovery import discover
from sgdocs.read.yamlsource import read_yaml


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def test_build_defaults_to_content_and_outputs(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(CONTENT, tmp_path / "content")
    monkeypatch.chdir(tmp_path)
    code, output = run("build")
    assert code == 0, output
    expected = [Path("outputs") / content.relative_to(tmp_path / "content").parent /
                f"{content.stem}{output.name}.{fmt}"
                for content in discover([tmp_path / "content"])
                for output in load_document(content).kind.outputs for fmt in output.formats]
    withheld = [Path("outputs/eastmoor") / f"self-assessment-2024.{fmt}" for fmt in ("pdf", "html")]
    for path in expected:
        if path in withheld:  # OFFICIAL-SENSITIVE: not built in formats for publishing
            assert not (tmp_path / path).exists()
            assert f"the {path.suffix[1:]} was not built: the document is OFFICIAL-SENSITIVE" \
                in " ".join(output.split())
            continue
        assert (tmp_path / path).stat().st_size > 2000, path
        assert str(path) in output
    assert f"{len(expected) - 2} written, 2 withheld, 0 failed." in output


def test_build_without_content_folder_is_a_usage_error(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, output = run("build")
    assert code == 2 and "there is no content/ folder here" in output


def test_one_failing_document_does_not_stop_the_others(bexley_copy: Path, tmp_path: Path) -> None:
    broken = bexley_copy / "second-brief.yaml"
    broken.write_text((bexley_copy / "role-brief.yaml").read_text().replace(
        "days: Up to 15 days per year", "days: lots"))
    code, output = run("build", str(bexley_copy / "role-brief.yaml"), str(broken),
                       "--out", str(tmp_path / "out"), "--format", "docx,html")
    assert code == 1
    assert "second-brief.yaml" in output and "is not a length of time" in output
    assert "2 written, 1 failed." in output
    assert sorted(p.name for p in (tmp_path / "out/bexley").iterdir()) == [
        "role-brief.docx", "role-brief.html"]


def test_new_writes_a_starter_that_builds(tmp_path: Path) -> None:
    target = tmp_path / "my-area" / "role-brief.yaml"
    code, output = run("new", "role-brief", str(target))
    assert code == 0, output
    assert target.is_file() and (target.parent / "partnership.yaml").is_file()
    assert "# yaml-language-server" in target.read_text()
    code, output = run("check", str(target))
    assert code == 0, output
    code, output = run("build", str(target.parent), "--out", str(tmp_path / "out"),
                       "--format", "docx")
    assert code == 0, output
    assert "Example Safeguarding Partnership" in docx_text(tmp_path / "out/my-area/role-brief.docx")


@pytest.mark.parametrize("kind", list(all_kinds()))
def test_every_kind_has_a_starter_that_passes_the_check(kind: str, tmp_path: Path) -> None:
    """Every starter is valid as written; its statutory duties are not yet written, so the
    only errors it may have are the musts its starter text stands in for."""
    target = tmp_path / "area" / f"{kind}.yaml"
    assert run("new", kind, str(target))[0] == 0
    code, output = run("check", str(target))
    errors = [line for line in output.splitlines() if ": error: " in line]
    assert code == (1 if errors else 0), output
    assert all("(must, " in line for line in errors), output
    assert " ".join(output.split()).count("holds a placeholder") >= len(errors), output


def test_new_keeps_existing_files(tmp_path: Path) -> None:
    target = tmp_path / "area" / "brief.yaml"
    assert run("new", "role-brief", str(target))[0] == 0
    nested = tmp_path / "area" / "2025" / "brief.yaml"
    assert run("new", "role-brief", str(nested))[0] == 0
    assert not (nested.parent / "partnership.yaml").exists()  # the one above is used
    code, output = run("new", "role-brief", str(target))
    assert code == 2 and "this file already exists" in output
    assert run("new", "tender-brief", str(tmp_path / "x.yaml"))[0] == 2


def test_kinds_lists_every_kind() -> None:
    code, output = run("kinds")
    assert code == 0
    assert [line.split()[0] for line in output.splitlines()] == sorted(all_kinds())
    assert all(kind.summary in output for kind in all_kinds().values())


@pytest.mark.parametrize(("name", "content"), [
    ("role-brief", BEXLEY / "role-brief.yaml"), ("partnership", BEXLEY / "partnership.yaml"),
    ("layout", REPO / "engine/sgdocs/kinds/tender/layout.yaml")])
def test_schema_validates_the_example_content(name: str, content: Path) -> None:
    code, output = run("schema", name)
    assert code == 0
    schema = json.loads(output)
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(read_yaml(content).data, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**read_yaml(content).data, "purpse": "x"}, schema)


@pytest.mark.parametrize(("args", "loaded"), [
    (["--help"], []), (["kinds"], []),
    # Pictures are measured with python-docx; only restyled Word templates need docxtpl.
    (["check", "content"], ["docx"]),
])
def test_light_commands_do_not_load_the_renderers(args: list[str], loaded: list[str]) -> None:
    code = (f"import sys\nfrom sgdocs.cli import main\nsys.argv = ['sgdocs', *{args!r}]\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print(sorted({m.split('.')[0] for m in sys.modules if m.split('.')[0] in "
            "('weasyprint', 'docxtpl', 'docx')}))")
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True,
                            text=True, check=True)
    assert result.stdout.strip().splitlines()[-1] == repr(loaded)


def test_templates_and_starters_ship_inside_the_package() -> None:
    import sgdocs

    package = Path(sgdocs.__file__).resolve().parent
    if package == REPO / "engine" / "sgdocs":
        pytest.skip("sgdocs is imported from the source tree (editable install)")
    names = ["templates/html/_style.css", "kinds/partnership.yaml",
             "catalogue/wt2023.yaml"]
    for kind in all_kinds().values():
        names.append(f"kinds/{kind.folder.name}/starter.yaml")
        names += [f"templates/{fmt}/{kind.template(output)}.{fmt}" for output in kind.outputs
                  for fmt in ("docx", "html") if fmt in output.formats]
    for name in names:
        assert (package / name).is_file(), name
