"""Check a template's field names against the kind's schema before anything is rendered.

A restyled template that says `{{ purpse }}` should be caught with a pointed message, not
discovered halfway through a build as a Jinja error. We walk the parsed template, follow
each name through loops (`{% for q in key_questions.items %}` makes `q` an item) and
assignments, and look every field up in the shape of the template's context, which is
derived from the kind's schema.
"""

from __future__ import annotations

import typing
from dataclasses import dataclass

from jinja2 import Environment, nodes

from sgdocs.errors import did_you_mean
from sgdocs.kinds import Kind, get_kind
from sgdocs.read.partnership import Partnership
from sgdocs.read.schema import FreeSection
from sgdocs.read.shapes import ANYTHING, Fields, ListOf, Shape, returned_shape, shape_of


@dataclass(frozen=True)
class Problem:
    template: str
    line: int
    message: str
    hint: str = ""


_ALWAYS = {"loop", "self", "super", "varargs", "kwargs", "caller"}


class TemplateChecker:
    """Finds field names a template uses that its context will not have."""

    def __init__(self, env: Environment, context: Fields) -> None:
        self.env = env
        self.context = context
        self.problems: list[Problem] = []
        self._seen: set[str] = set()

    def check_source(self, source: str, name: str, filename: str | None = None
                     ) -> list[Problem]:
        """Check template text (the text is parsed here; syntax errors are the caller's)."""
        tree = self.env.parse(source, name, filename)
        self._check(tree, name, dict(self.context.names))
        return self.problems

    def _check_named(self, name: str, scope: dict[str, Shape]) -> None:
        if name in self._seen or self.env.loader is None:
            return
        self._seen.add(name)
        source, filename, _ = self.env.loader.get_source(self.env, name)
        self._check(self.env.parse(source, name, filename), name, scope)

    def _check(self, tree: nodes.Template, name: str, scope: dict[str, Shape]) -> None:
        walker = _Walker(self, name)
        walker.statements(tree.body, scope)


class _Walker:
    def __init__(self, checker: TemplateChecker, template: str) -> None:
        self.checker = checker
        self.template = template

    def statements(self, body: list[nodes.Node], scope: dict[str, Shape]) -> None:
        for node in body:
            self.statement(node, scope)

    def statement(self, node: nodes.Node, scope: dict[str, Shape]) -> None:
        if isinstance(node, nodes.For):
            self.expression(node.iter, scope)
            inner = {**scope, "loop": ANYTHING}
            self.bind(node.target, self.item_of(self.resolve(node.iter, scope)), inner)
            if node.test is not None:
                self.expression(node.test, inner)
            self.statements(node.body, inner)
            self.statements(node.else_, scope)
        elif isinstance(node, nodes.Macro | nodes.CallBlock):
            inner = {**scope, **{arg.name: ANYTHING for arg in node.args}, "caller": ANYTHING}
            for default in node.defaults:
                self.expression(default, scope)
            if isinstance(node, nodes.CallBlock):
                self.expression(node.call, scope)
            else:
                scope[node.name] = ANYTHING
            self.statements(node.body, inner)
        elif isinstance(node, nodes.Assign):
            self.expression(node.node, scope)
            self.bind(node.target, self.resolve(node.node, scope), scope)
        elif isinstance(node, nodes.AssignBlock):
            self.statements(node.body, scope)
            self.bind(node.target, ANYTHING, scope)
        elif isinstance(node, nodes.With):
            inner = dict(scope)
            for target, value in zip(node.targets, node.values, strict=True):
                self.bind(target, self.resolve(value, scope), inner)
            self.statements(node.body, inner)
        elif isinstance(node, nodes.Import | nodes.FromImport):
            names = [node.target] if isinstance(node, nodes.Import) else [
                alias if isinstance(alias, str) else alias[1] for alias in node.names]
            scope.update({name: ANYTHING for name in names})
            self.included(node.template, {})
        elif isinstance(node, nodes.Include | nodes.Extends):
            self.included(node.template, scope)
        else:
            for child in node.iter_child_nodes():
                if isinstance(child, nodes.Expr):
                    self.expression(child, scope)
                else:
                    self.statement(child, scope)

    def included(self, template: nodes.Expr, scope: dict[str, Shape]) -> None:
        if isinstance(template, nodes.Const) and isinstance(template.value, str):
            self.checker._check_named(template.value, dict(scope))

    def bind(self, target: nodes.Node, shape: Shape, scope: dict[str, Shape]) -> None:
        if isinstance(target, nodes.Name):
            scope[target.name] = shape
        else:
            for name in target.find_all(nodes.Name):
                scope[name.name] = ANYTHING

    def expression(self, node: nodes.Node, scope: dict[str, Shape]) -> None:
        if isinstance(node, nodes.Name | nodes.Getattr | nodes.Getitem):
            self.resolve(node, scope)
            return
        for child in node.iter_child_nodes():
            self.expression(child, scope)

    def item_of(self, shape: Shape) -> Shape:
        return shape.item if isinstance(shape, ListOf) else ANYTHING

    def resolve(self, node: nodes.Node, scope: dict[str, Shape]) -> Shape:
        if isinstance(node, nodes.Name):
            if node.name in scope:
                return scope[node.name]
            if node.name not in self.checker.env.globals and node.name not in _ALWAYS:
                self.report(node, f"the template uses `{node.name}`, which "
                            f"{self.checker.context.label} does not have",
                            self.suggest(node.name, scope))
            return ANYTHING
        if isinstance(node, nodes.Getattr):
            return self.member(node, self.resolve(node.node, scope), node.attr, scope)
        if isinstance(node, nodes.Getitem):
            base = self.resolve(node.node, scope)
            self.expression(node.arg, scope)
            key = node.arg.value if isinstance(node.arg, nodes.Const) else None
            if isinstance(key, str):
                return self.member(node, base, key, scope)
            return self.item_of(base) if isinstance(key, int) else ANYTHING
        if isinstance(node, nodes.Filter) and node.name in ("first", "last") and node.node:
            for arg in (*node.args, *node.kwargs):
                self.expression(arg, scope)
            return self.item_of(self.resolve(node.node, scope))
        self.expression(node, scope)
        return ANYTHING

    def member(self, node: nodes.Node, base: Shape, name: str,
               scope: dict[str, Shape]) -> Shape:
        if name.startswith("_"):  # Python's insides: the sandbox refuses them when rendering
            self.report(node, f"the template reaches for `{name}`, which templates may not "
                        "use", "templates may only print fields and loop over lists")
            return ANYTHING
        if not isinstance(base, Fields):
            return ANYTHING
        if name in base.names:
            return base.names[name]
        self.report(node, f"the template uses `{_dotted(node)}`, but {base.label} has no "
                    f"field `{name}`", self.suggest(name, base.names))
        return ANYTHING

    @staticmethod
    def suggest(name: str, known: dict[str, Shape]) -> str:
        return did_you_mean(name, [k for k in known if k not in _ALWAYS],
                            "`sgdocs schema` lists the fields")

    def report(self, node: nodes.Node, message: str, hint: str) -> None:
        self.checker.problems.append(Problem(self.template, node.lineno, message, hint))


def _dotted(node: nodes.Node) -> str:
    names: list[str] = []
    while True:
        if isinstance(node, nodes.Getattr):
            names.append(node.attr)
            node = node.node
        elif isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const):
            names.append(str(node.arg.value))
            node = node.node
        else:
            break
    if isinstance(node, nodes.Name):
        names.append(node.name)
    return ".".join(reversed(names))


def expression_shape(env: Environment, context: Fields, expression: str,
                     scope: dict[str, Shape]) -> Shape:
    """What `expression` (a Jinja expression) gives, as far as the shapes tell: the shape of
    the field it names, or that of the value an `or` or `if … else` falls back from."""
    output = env.parse(f"{{{{ {expression} }}}}").body[0]
    assert isinstance(output, nodes.Output)
    node = output.nodes[0]
    while isinstance(node, nodes.Or | nodes.CondExpr):
        node = node.left if isinstance(node, nodes.Or) else node.expr1
    return _Walker(TemplateChecker(env, context), "").resolve(node, {**context.names, **scope})


_REQUIREMENT_FIELDS = ("id", "summary", "reference", "level", "confidence", "status",
                       "where", "reason")
TEMPLATE_EXTRAS = ("mode", "provenance", "toc")
"""What HTML templates see beside the content: web or print, provenance, contents."""


def context_shape(kind: Kind, *extras: str) -> Fields:
    """The fields `template_context` gives templates, for checking templates before use."""
    shape = shape_of(kind.model, f"{kind.name} content")
    for name, wanted in kind.references.items():
        other = shape_of(get_kind(wanted, kind.root).model, f"the {wanted}")
        listed = typing.get_origin(kind.model.model_fields[name].annotation) is list
        shape.names[name] = ListOf(other) if listed else other
    shape.names["partnership"] = shape_of(Partnership, "the partnership")
    shape.names.update({name: returned_shape(derive, f"`{name}`")
                        for name, derive in kind.derived.items()})
    shape.names["requirements"] = ListOf(Fields("each requirement", dict.fromkeys(
        _REQUIREMENT_FIELDS, ANYTHING)))
    shape.names["headings"] = Fields(f"the {kind.name} headings",
                                     dict.fromkeys(kind.sections, ANYTHING))
    if kind.places:
        shape.names["placed"] = ListOf(Fields("each section in the document's order", {
            "name": ANYTHING, "own": shape_of(FreeSection, "an own section")}))
    shape.names["brand"] = Fields("the brand", dict.fromkeys(
        ("primary", "accent", "fonts", "logo"), ANYTHING))
    shape.names.update(dict.fromkeys(
        ("incomplete", "made", "classification", "link", *extras), ANYTHING))
    return shape
