"""The package's house rules: imports between modules and between subpackages run one way (no
cycles), and the stages depend on each other only in the documented direction."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

from tests.conftest import ROOT

PACKAGE = ROOT / "crawler"


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _runtime_imports(tree: ast.Module) -> Iterator[ast.Import | ast.ImportFrom]:
    """Every import statement, at module level or inside functions, except those under `if
    TYPE_CHECKING:`."""
    stack: list[ast.AST] = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            stack.extend(node.orelse)
            continue
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node
        stack.extend(ast.iter_child_nodes(node))


def import_graph() -> dict[str, set[str]]:
    """{module: the crawler modules it imports}, a `from package import name` counted as an import
    of the submodule when `name` is one."""
    modules = {_module_name(p): p for p in PACKAGE.rglob("*.py") if "site" not in p.parts}
    graph: dict[str, set[str]] = {m: set() for m in modules}
    for name, path in modules.items():
        for node in _runtime_imports(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            else:
                base = node.module or ""
                targets = [
                    f"{base}.{a.name}" if f"{base}.{a.name}" in modules else base
                    for a in node.names
                ]
            graph[name] |= {t for t in targets if t in modules and t != name}
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle of the graph as a path, or None."""
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def subpackage(module: str) -> str:
    """crawler.store.articles -> store; crawler.cli -> cli."""
    return module.split(".")[1] if "." in module else module


def package_graph() -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for module, targets in import_graph().items():
        src = subpackage(module)
        out.setdefault(src, set()).update(subpackage(t) for t in targets if subpackage(t) != src)
    return out


def test_the_import_graph_of_modules_has_no_cycle() -> None:
    """No module imports, directly or through others, a module that imports it back."""
    graph = import_graph()
    assert len(graph) > 40
    assert find_cycle(graph) is None, " -> ".join(find_cycle(graph) or [])


def test_subpackages_depend_one_way() -> None:
    """Subpackages form no cycle, and the lower stages know nothing of the ones above them."""
    graph = package_graph()
    assert find_cycle(graph) is None, " -> ".join(find_cycle(graph) or [])
    assert graph["store"] == set(), "the store imports no other stage"
    assert graph["extract"] <= {"store"}, graph["extract"]
    assert graph["stories"] <= {"store", "extract"}, graph["stories"]
    for lower in ("store", "extract", "stories", "crawl", "config"):
        assert not graph[lower] & {"alerts", "daemon", "cli", "pipelines"}, (lower, graph[lower])


def test_a_cycle_is_found_when_there_is_one() -> None:
    """The cycle finder itself: a two-module loop is reported, a chain is not."""
    assert find_cycle({"a": {"b"}, "b": {"a"}}) == ["a", "b", "a"]
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": set()}) is None
