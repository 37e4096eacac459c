"""The house rules a reader relies on, read from the code itself (no app runs):
routes never import routes, reads never write, pure rules never import Flask,
and the imports between modules run one way (no circle)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "wsdialog"
WRITES = {"commit", "add", "add_all", "delete", "flush", "merge"}


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        if "translations" in parts:
            continue
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


MODULES = _modules()


def _imports(name: str, path: Path) -> set[str]:
    """The wsdialog modules ``name`` imports, inside functions too (``from . import
    x`` resolved)."""
    tree = ast.parse(path.read_text())
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("wsdialog"))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - node.level + 1]
                source = ".".join(base + ([node.module] if node.module else []))
            else:
                source = node.module or ""
            if not source.startswith("wsdialog"):
                continue
            for alias in node.names:
                candidate = f"{source}.{alias.name}"
                found.add(candidate if candidate in MODULES else source)
    return found & MODULES.keys()


def _is_routes(name: str) -> bool:
    return name.rpartition(".")[2].endswith("routes")


@pytest.mark.parametrize("name", [n for n in MODULES if _is_routes(n)])
def test_a_routes_module_never_imports_another(name):
    others = {m for m in _imports(name, MODULES[name]) if _is_routes(m)}
    assert not others, f"{name} imports {others}: move what they share to a plain module"


@pytest.mark.parametrize("name", [n for n in MODULES if n.endswith(".queries")])
def test_queries_modules_never_write(name):
    tree = ast.parse(MODULES[name].read_text())
    writes = [node.lineno for node in ast.walk(tree)
              if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
              and node.func.attr in WRITES and "session" in ast.unparse(node.func.value)]
    assert not writes, f"{name} writes on lines {writes}: that belongs in operations.py"


@pytest.mark.parametrize("name", [n for n, p in MODULES.items()
                                  if "No Flask" in (ast.get_docstring(ast.parse(p.read_text()))
                                                    or "")])
def test_modules_that_say_no_flask_import_no_flask(name):
    tree = ast.parse(MODULES[name].read_text())
    flask = [node.lineno for node in ast.walk(tree)
             if isinstance(node, ast.Import | ast.ImportFrom)
             and any((getattr(node, "module", None) or alias.name).split(".")[0]
                     .startswith("flask") for alias in node.names)]
    assert not flask, f"{name} says 'No Flask' but imports it on lines {flask}"


def test_imports_between_modules_form_no_circle():
    # Imports inside functions count too: they hide a circle, they do not remove
    # it. A package's __init__ importing its own modules (the blueprint pattern:
    # the routes register on the package's ``bp``) is how Flask packages are
    # made, not a circle between capabilities.
    graph = {}
    for name, path in MODULES.items():
        edges = _imports(name, path) - {name}
        if path.name == "__init__.py":
            edges = {m for m in edges if not m.startswith(name + ".")}
        graph[name] = edges
    circles, state = [], {}

    def visit(node, trail):
        state[node] = "open"
        for nxt in sorted(graph[node]):
            if state.get(nxt) == "open":
                circles.append(trail[trail.index(nxt):] + [nxt])
            elif nxt not in state:
                visit(nxt, trail + [nxt])
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    assert not circles, circles
