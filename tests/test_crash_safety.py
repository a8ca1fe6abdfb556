"""A build killed part-way, or two builds writing into the same folder at once, never leave
a damaged output: each file is the previous good version or the new complete one."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from conftest import BEXLEY
from sgdocs.build import build
from yamledit import set_value

FORMATS = ("docx", "pdf", "html")


def _outputs(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.rglob("role-brief.*"))}


def _sgdocs(*args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "sgdocs", *args],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


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
    seen = set()
    for delay in (0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 4.0):
        running = _sgdocs("build", str(brief), "--out", str(out), "--format", ",".join(FORMATS))
        time.sleep(delay)
        running.send_signal(signal.SIGKILL)
        running.wait()
        now = _outputs(out)
        assert now.keys() == old.keys()
        for name, data in now.items():
            assert data in (old[name], new[name]), f"{name} is damaged after {delay}s"
            seen.add((name, data == new[name]))
        for name in old:  # start each round from the old versions again
            next(out.rglob(name)).write_bytes(old[name])
    assert any(is_new for _, is_new in seen) or os.cpu_count() == 1


def test_two_builds_into_one_folder_at_once_corrupt_nothing(tmp_path: Path) -> None:
    out = tmp_path / "outputs"
    assert build([BEXLEY / "role-brief.yaml"], tmp_path / "expected", FORMATS).ok
    expected = _outputs(tmp_path / "expected")
    builds = [_sgdocs("build", str(BEXLEY / "role-brief.yaml"), "--out", str(out),
                      "--format", ",".join(FORMATS)) for _ in range(2)]
    assert [running.wait(timeout=300) for running in builds] == [0, 0]
    assert _outputs(out) == expected
    assert not [p for p in out.rglob("*") if p.name.endswith(".part")]
