"""Where templates come from, and the one Jinja environment every renderer uses.

Templates ship inside the package. A partnership restyles by copying them out
(`sgdocs templates export`) into `templates/docx/` or `templates/html/` under its content
root; a file there wins over the shipped one of the same name.

The environment is sandboxed (a template cannot reach Python internals), autoescaped (so
`<`, `&` and `{{ }}` in content print as themselves in HTML and in Word's XML) and strict (a
field a template names that the content lacks is an error, never a silent blank).
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from jinja2 import (
    BaseLoader,
    ChoiceLoader,
    FileSystemLoader,
    StrictUndefined,
    Template,
    TemplateError,
    TemplateNotFound,
    TemplateRuntimeError,
    TemplateSyntaxError,
    nodes,
)
from jinja2.exceptions import SecurityError
from jinja2.loaders import split_template_path
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from sgdocs.errors import Finding, Location, TemplateProblem
from sgdocs.read.addresses import shown
from sgdocs.read.paths import PathRefused, contained, read_contained, shipped_templates
from sgdocs.read.values import listed

MAX_TEMPLATE_BYTES = 2_000_000
"""An HTML template or stylesheet; the shipped ones are a few kilobytes."""


def template_folders(root: Path, fmt: str) -> list[Path]:
    """Folders searched for `fmt` templates, the partnership's own first."""
    return [folder for folder in (root / "templates" / fmt, shipped_templates() / fmt)
            if folder.is_dir()]


def restyled(root: Path, fmt: str) -> bool:
    """Whether the partnership has templates of its own for `fmt`. Only those need checking
    before a build: the shipped templates are checked when sgdocs itself is tested."""
    return (root / "templates" / fmt).is_dir()


def _boundary(folder: Path, root: Path) -> Path:
    """The folder a template in `folder` may not lead out of: sgdocs's own, or the content
    root (a partnership's `templates/` that is itself a link elsewhere leads out of it)."""
    shipped = shipped_templates()
    return shipped if folder.is_relative_to(shipped) else root


def find_template(root: Path, fmt: str, name: str) -> Path:
    """The template file `name` for content under `root`: the partnership's own if it has
    one (which must be an ordinary file inside the content root), else the shipped one."""
    for folder in template_folders(root, fmt):
        path = folder / name
        if os.path.lexists(path):
            try:
                contained(path, _boundary(folder, root), "a template")
            except PathRefused as exc:
                raise TemplateProblem([Finding(Location(path), str(exc), exc.hint)]) from None
            return path
    raise TemplateProblem([Finding(Location(root / "templates" / fmt / name),
                                   f"there is no {fmt} template `{name}`",
                                   "`sgdocs templates export` copies out the shipped ones")])


class _ContainedLoader(FileSystemLoader):
    """A folder of templates none of which may lead out of `boundary` (by a symbolic link),
    be anything but an ordinary file, or be larger than MAX_TEMPLATE_BYTES: an `include`
    in a restyled template must not publish a file from elsewhere on the machine."""

    def __init__(self, folder: Path, boundary: Path) -> None:
        super().__init__(folder)
        self.folder, self.boundary = folder, boundary

    def get_source(self, environment: Any, template: str
                   ) -> tuple[str, str, Callable[[], bool]]:
        path = self.folder.joinpath(*split_template_path(template))
        if not os.path.lexists(path):
            raise TemplateNotFound(template)
        try:
            data = read_contained(path, self.boundary, MAX_TEMPLATE_BYTES, "a template")
        except PathRefused as exc:
            raise TemplateProblem([Finding(Location(path), str(exc), exc.hint)]) from None
        written = path.stat().st_mtime_ns
        return data.decode("utf-8"), str(path), lambda: _mtime(path) == written


def _mtime(path: Path) -> int | None:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return None


Made = tuple[tuple[str, str, Path], ...]
"""Templates made in memory from a partnership's own kinds' layouts: name, text, layout."""


class _MadeLoader(BaseLoader):
    """Templates made from layouts, each told as the layout it is made from."""

    def __init__(self, made: Made) -> None:
        self.made = {name: (text, path) for name, text, path in made}

    def get_source(self, environment: Any, template: str
                   ) -> tuple[str, str, Callable[[], bool]]:
        if template not in self.made:
            raise TemplateNotFound(template)
        text, path = self.made[template]
        return text, str(path), lambda: True  # a changed layout makes a new environment


def html_loader(folders: Sequence[Path], root: Path, made: Made = ()) -> ChoiceLoader:
    """The HTML templates in `folders`, first found wins, none leading out of `root` (or,
    for the shipped ones, out of sgdocs's own folder); those `made` from a partnership's
    own layouts after the partnership's restyled ones."""
    loaders: list[BaseLoader] = [_ContainedLoader(folder, _boundary(folder, root))
                                 for folder in folders]
    if made:
        loaders.insert(1 if restyled(root, "html") else 0, _MadeLoader(made))
    return ChoiceLoader(loaders)


_OPTIONS: dict[str, Any] = {"undefined": StrictUndefined, "autoescape": True,
                            "trim_blocks": True, "lstrip_blocks": True,
                            "keep_trailing_newline": True}


MAX_RESULT = 1_000_000
"""Characters, list items or digits one template expression may make: `title * 100000000`
and `7 ** 300000000` would exhaust memory or run for hours."""


class TooLarge(TemplateRuntimeError):
    """A template expression whose result no page could hold."""


class _Sandbox(SandboxedEnvironment):
    """Jinja's sandbox, with repetition and powers kept to a size a page can hold. (Loops
    and everything else a template does are bounded by the time and memory each document
    may use: `bounds`.)"""

    intercepted_binops = frozenset({"*", "**"})

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.filters["sentence"] = sentence
        self.filters["listed"] = listed
        self.filters["web_address"] = shown

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and isinstance(left, int) and isinstance(right, int) and \
                right > 0 and abs(left) > 1 and abs(left).bit_length() * right > MAX_RESULT:
            raise TooLarge(f"{left} ** {right} is too large a number to work out")
        if operator == "*":
            sized, times = (left, right) if isinstance(right, int) else (right, left)
            if isinstance(sized, str | list | tuple) and isinstance(times, int) and \
                    len(sized) * times > MAX_RESULT:
                raise TooLarge(f"repeating something {times:,} times would make "
                                           f"more than {MAX_RESULT:,} characters or items")
        return super().call_binop(context, operator, left, right)


def sentence(value: Any) -> Any:
    """Words made to start a sentence: the first letter a capital, the rest as written
    (Jinja's `capitalize` lowers the rest, and so a name: "the Devon SCP scrutineer"). Rich
    text is left as it is."""
    if isinstance(value, Markup):
        return value
    text = str(value)
    return text[:1].upper() + text[1:]


def environment(loader: BaseLoader | None = None) -> SandboxedEnvironment:
    return _Sandbox(loader=loader, **_OPTIONS)


def html_environment(root: Path, made: Made = ()) -> SandboxedEnvironment:
    """The HTML templates for content under `root`, with those `made` from its own kinds'
    layouts."""
    return _html_environment(tuple(template_folders(root, "html")), root, made)


@functools.lru_cache(maxsize=16)
def _html_environment(folders: tuple[Path, ...], root: Path, made: Made
                      ) -> SandboxedEnvironment:
    """One environment per set of folders and made templates, so each template is
    compiled once (and again only when its file changes)."""
    return environment(html_loader(folders, root, made))


class _CompilingOnce(_Sandbox):
    """Compiles each template text once. docxtpl hands over the same Word XML for every
    document made from one template, and compiling it costs more than rendering it."""

    def from_string(self, source: str | nodes.Template, globals: Any = None,
                    template_class: Any = None) -> Template:
        if isinstance(source, str) and globals is None and template_class is None:
            return self._compiled(source)
        return super().from_string(source, globals, template_class)

    @functools.lru_cache(maxsize=64)  # noqa: B019 (one environment serves the whole process)
    def _compiled(self, source: str) -> Template:
        return super().from_string(source)


@functools.cache
def word_environment() -> SandboxedEnvironment:
    """The environment Word templates are rendered in, shared by every document, with the
    filter that sets rich text as a quotation."""
    from sgdocs.render.wordml import quoted

    env = _CompilingOnce(**_OPTIONS)
    env.filters["quoted"] = quoted
    return env


def _is_template(filename: str) -> bool:
    """Jinja shows templates in tracebacks as if they were Python files: an HTML template
    by its path, a template compiled from text (as docxtpl compiles Word's XML) as
    "<template>"."""
    return filename.endswith(".html") or filename == "<template>"


def raised_in_template(exc: BaseException) -> bool:
    """Whether `exc` was raised by a template's own expression, not by code it called."""
    trace = exc.__traceback__
    while trace is not None and trace.tb_next is not None:
        trace = trace.tb_next
    return trace is not None and _is_template(trace.tb_frame.f_code.co_filename)


def template_line(exc: BaseException) -> tuple[str, int] | None:
    """The template (its file name) and line being filled in when `exc` was raised."""
    found = None
    trace = exc.__traceback__
    while trace is not None:
        if _is_template(trace.tb_frame.f_code.co_filename):
            found = (trace.tb_frame.f_code.co_filename, trace.tb_lineno)
        trace = trace.tb_next
    return found


def template_failure(exc: Exception, template: Path) -> TemplateProblem:
    """A Jinja error raised while rendering `template`, told as a finding."""
    where = _template_frame(exc) or Location(template)
    if isinstance(exc, TemplateSyntaxError):
        if exc.filename:
            where = Location(Path(exc.filename), exc.lineno)
        return TemplateProblem([Finding(where, f"template syntax error: {exc.message}",
                                        "check that every {{ has its }} and every "
                                        "{% if %} or {% for %} its end tag")])
    if isinstance(exc, SecurityError):
        return TemplateProblem([Finding(where, "the template tried to reach something "
                                        f"templates may not use ({exc.message})",
                                        "templates may only print fields and loop over "
                                        "lists")])
    if isinstance(exc, TooLarge):
        return TemplateProblem([Finding(where, f"the template could not be filled: {exc}",
                                        "a page holds far less: correct the expression on "
                                        "that line")])
    if not isinstance(exc, TemplateError):  # the template's own arithmetic or the like
        return TemplateProblem([Finding(where, f"the template could not be filled: {exc}",
                                        "correct the expression on that line")])
    return TemplateProblem([Finding(where, f"the template could not be filled: {exc.message}",
                                    "`sgdocs schema` lists the fields a template can use")])


def _template_frame(exc: BaseException) -> Location | None:
    """The HTML template line being rendered when `exc` was raised."""
    found = template_line(exc)
    return Location(Path(found[0]), found[1]) if found and found[0] != "<template>" else None
