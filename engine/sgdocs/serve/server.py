"""Starting the editor: on this machine only unless told otherwise, and then only with a
password; served by waitress, a production WSGI server that runs on Windows as on Linux."""

from __future__ import annotations

import signal
import socket
import threading
import webbrowser
from collections.abc import Callable
from pathlib import Path

from sgdocs.errors import usage_error
from sgdocs.serve.access import Access, is_loopback

PASSWORD_VARIABLE = "SGDOCS_PASSWORD"
MIN_PASSWORD = 12


def start(content: Path, host: str, port: int, password: str | None, browser: bool,
          say: Callable[[str], object] = print) -> None:
    """Serve the editor for `content` until stopped (Ctrl+C)."""
    if not content.is_dir():
        raise usage_error(f"{content} is not a folder", "name the content folder, e.g. "
                          "`sgdocs serve content`")
    if not is_loopback(host) and not password:
        raise usage_error(f"serving to other machines ({host}) needs a password",
                          f"set one in the {PASSWORD_VARIABLE} environment variable, "
                          f"at least {MIN_PASSWORD} characters, and give it to colleagues")
    if password is not None and len(password) < MIN_PASSWORD:
        raise usage_error(f"the password is shorter than {MIN_PASSWORD} characters",
                          "choose a longer one: a few unrelated words will do")
    if not _free(host, port):
        raise usage_error(f"port {port} is in use on {host}", "choose another with "
                          "--port, or stop what is using it")
    from waitress import serve

    from sgdocs.serve.app import create_app
    from sgdocs.serve.jobs import Workers

    workers = Workers()
    app = create_app(content, Access(host, password), workers)
    shown = f"[{host}]" if ":" in host else host
    address = f"http://{'localhost' if is_loopback(host) else shown}:{port}/"
    say(f"sgdocs is serving {content} at {address}"
        + ("" if is_loopback(host) else " (colleagues sign in with the password)")
        + "\nPress Ctrl+C to stop.")
    if browser:
        threading.Timer(1.0, webbrowser.open, (address,)).start()
    signal.signal(signal.SIGTERM, _stopped)  # a service manager's stop, as Ctrl+C
    try:
        serve(app, host=host, port=port, threads=8, ident="sgdocs")
    finally:
        workers.close()


def _stopped(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _free(host: str, port: int) -> bool:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        try:
            probe.bind((host, port))
        except OSError:
            return False
    return True
