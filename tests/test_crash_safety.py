"""A build killed part-way, or two builds writing into the same folder at once, never leave
a damaged output: each file is the previous good version or the new complete one."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from conftest import BEXLEY
from sgdocs.pipeline.build import build
from yamledit import set_value

FORMATS = ("docx", "pdf", "html")


def _outputs(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.rglob("role-brief.*"))}


def _sgdocs(*args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "sgdocs", *args],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _kill_when(running: subprocess.Popen[bytes], moment: Callable[[], bool]) -> None:
    """Kill the build the moment `moment()` holds (or leave it if it ends first)."""
    while running.poll() is None and not moment():
        time.sleep(0.001)
    running.send_signal(signal.SIGKILL)
    running.wait()


def test_a_killed_build_leaves_old_or_new_outputs_never_half(tmp_path: Path) -> None:
    content = tmp_path / "bexley"
    shutil.copytree(BEXLEY, content)
    brief = content / "role-brief.yaml"
    out = tmp_path / "outputs"
    assert build([brief], out, FORMATS).ok
    old = _outputs(out)
    set_value(brief, "title", "Brief for independent scrutiny, revised")
    assert build([brief], tmp_path / "expected", FORMATS).ok
    new = _outputs(tmp_path / "expected")
    assert old.keys() == new.keys() and all(old[name] != new[name] for name in old)
    moments = {  # killed while a file is half written, and once one is replaced
        "writing": lambda: any(p.name.endswith(".part") for p in out.rglob(".*")),
        "replaced": lambda: any(data == new[name] for name, data in _outputs(out).items()),
    }
    seen_new = False
    for moment in moments.values():
        _kill_when(_sgdocs("build", str(brief), "--out", str(out), "--format",
                           ",".join(FORMATS), "--jobs", "1"), moment)
        now = _outputs(out)
        assert now.keys() == old.keys()
        for name, data in now.items():
            assert data in (old[name], new[name]), f"{name} is damaged"
            seen_new |= data == new[name]
        for name in old:  # start each round from the old versions again
            next(out.rglob(name)).write_bytes(old[name])
    assert seen_new


def test_two_builds_into_one_folder_at_once_corrupt_nothing(tmp_path: Path) -> None:
    out = tmp_path / "outputs"
    assert build([BEXLEY / "role-brief.yaml"], tmp_path / "expected", FORMATS).ok
    expected = _outputs(tmp_path / "expected")
    builds = [_sgdocs("build", str(BEXLEY / "role-brief.yaml"), "--out", str(out),
                      "--format", ",".join(FORMATS)) for _ in range(2)]
    assert [running.wait(timeout=300) for running in builds] == [0, 0]
    assert _outputs(out) == expected
    assert not [p for p in out.rglob("*") if p.name.endswith(".part")]
