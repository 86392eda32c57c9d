"""The layering of DESIGN.md section 2: allowed imports per layer, and no import cycle in app/."""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

APP = Path(__file__).resolve().parents[2] / "app"

# Which layers each layer may import (arrows point down; DESIGN.md section 2). The package
# ``app`` itself (its __init__: name and version) may be imported by every layer.
ALLOWED: dict[str, frozenset[str]] = {
    "core": frozenset(),
    "data": frozenset({"core"}),
    # Beside connectors, letters and reports, which may use it; it reads files, knows no database.
    "reading": frozenset({"core"}),
    "connectors": frozenset({"core", "data", "reading"}),
    "letters": frozenset({"core", "data", "reading"}),
    "reports": frozenset({"core", "data", "reading"}),
    "services": frozenset({"core", "data", "reading", "connectors", "letters", "reports"}),
    "demo": frozenset({"core", "data", "reading", "connectors", "letters", "reports", "services"}),
    "ui": frozenset(
        {"core", "data", "reading", "connectors", "letters", "reports", "services", "demo"}
    ),
    "cli": frozenset(
        {"core", "data", "reading", "connectors", "letters", "reports", "services", "demo", "ui"}
    ),
}

# Modules that belong to a layer outside its folder (paths relative to app/).
OUTSIDE_THEIR_FOLDER: dict[str, str] = {"__main__.py": "cli"}

# Temporary exceptions (issue 10, for the lead to resolve and remove): importer -> imported module.
# They come with the letter-kind registry, which is not restructured by the layering work.
TEMPORARY_EDGES: dict[tuple[str, str], str] = {}

# Third-party packages (and heavy or I/O standard modules) each lower layer may import; the
# standard library is otherwise free. Upper layers (demo, ui, cli) are free but for Qt.
THIRD_PARTY: dict[str, frozenset[str]] = {
    "core": frozenset({"dateutil"}),
    "data": frozenset({"sqlalchemy", "alembic", "platformdirs", "sqlite3"}),
    # zipfile, subprocess: the child parser; PIL, subprocess: OCR
    "reading": frozenset({"pypdf", "docx", "odf", "openpyxl", "zipfile", "subprocess", "PIL"}),
    "connectors": frozenset({"sqlalchemy", "openpyxl", "imap_tools", "zipfile"}),
    "letters": frozenset({"reportlab", "pypdf", "pikepdf", "PIL"}),  # PDF/A, opaque logo
    "reports": frozenset({"reportlab", "openpyxl", "xlsxwriter", "pypdf", "sqlalchemy", "zipfile"}),
    "services": frozenset(
        {"sqlalchemy", "dateutil", "keyring", "sqlite3", "zipfile", "cryptography"}
    ),
}
# Standard modules that count like third-party ones in the lower layers (archives, databases,
# processes, the network): a layer needs them in its list above.
GUARDED_STDLIB = frozenset({"zipfile", "sqlite3", "subprocess", "socket"})
# Named by issue 10 explicitly: never in core, whatever the lists above say.
NEVER_IN_CORE = frozenset(
    {"pypdf", "openpyxl", "docx", "odf", "zipfile", "reportlab", "sqlalchemy", "PySide6"}
)


@dataclass(frozen=True)
class Import:
    source: str  # importing module, e.g. app.services.cases
    target: str  # imported name as written: app.core.enums.CaseStatus, or openpyxl.styles
    line: int
    lazy: bool  # inside a function or method (imported when it runs)


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules(root: Path) -> dict[str, Path]:
    return {module_name(p, root): p for p in sorted(root.rglob("*.py"))}


def imports_of(path: Path, root: Path) -> Iterator[Import]:
    """Every import statement anywhere in the module, module-level or inside a function."""
    source = module_name(path, root)
    package = source if path.name == "__init__.py" else source.rpartition(".")[0]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    lazy_lines = {
        node.lineno
        for func in ast.walk(tree)
        if isinstance(func, ast.FunctionDef | ast.AsyncFunctionDef)
        for node in ast.walk(func)
        if isinstance(node, ast.Import | ast.ImportFrom)
    }
    for node in ast.walk(tree):
        lazy = getattr(node, "lineno", 0) in lazy_lines
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield Import(source, alias.name, node.lineno, lazy)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                yield Import(source, f"{base}.{alias.name}", node.lineno, lazy)


def resolve(target: str, known: dict[str, Path]) -> str | None:
    """The app module an import loads: ``app.x.y.Name`` -> ``app.x.y``; None outside app."""
    name = target
    while name:
        if name in known:
            return name
        name = name.rpartition(".")[0]
    return None


def import_graph(root: Path) -> dict[str, set[str]]:
    known = modules(root)
    graph: dict[str, set[str]] = {name: set() for name in known}
    for name, path in known.items():
        for imp in imports_of(path, root):
            target = resolve(imp.target, known)
            if target is not None and target != name:
                graph[name].add(target)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle path (first module repeated at the end) per strongly connected group."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[set[str]] = []

    def visit(node: str) -> None:  # Tarjan; the graph is small enough for recursion
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.add(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(group)

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return [_path_within(group, graph) for group in groups]


def _path_within(group: set[str], graph: dict[str, set[str]]) -> list[str]:
    """The shortest way from the group's first module back to itself, inside the group."""
    start = min(group)
    previous: dict[str, str] = {}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for nxt in sorted(graph[node] & group):
                if nxt == start:
                    path = [node]
                    while path[-1] != start:
                        path.append(previous[path[-1]])
                    return [start, *reversed(path[:-1]), start]
                if nxt not in previous:
                    previous[nxt] = node
                    following.append(nxt)
        frontier = following
    raise AssertionError(f"no cycle in {sorted(group)}")


def layer_of(path: Path) -> str | None:
    relative = path.relative_to(APP).as_posix()
    if relative in OUTSIDE_THEIR_FOLDER:
        return OUTSIDE_THEIR_FOLDER[relative]
    if relative == "__init__.py":
        return None  # the package: name and version, importable by everyone
    first = relative.split("/")[0]
    return first if first in ALLOWED else f"<unknown: {relative}>"


def _app_files() -> list[Path]:
    return sorted(APP.rglob("*.py"))


def test_every_module_belongs_to_a_known_layer() -> None:
    unknown = [str(layer_of(p)) for p in _app_files() if str(layer_of(p)).startswith("<")]
    assert unknown == [], "add the folder to ALLOWED (and DESIGN.md section 2)"


def test_app_root_holds_only_the_entry_modules() -> None:
    assert sorted(p.name for p in APP.glob("*.py")) == ["__init__.py", "__main__.py"]


def test_the_app_package_itself_imports_nothing_of_app() -> None:
    own = [i.target for i in imports_of(APP / "__init__.py", APP) if i.target.startswith("app.")]
    assert own == []


def test_layers_import_only_downwards() -> None:
    known = modules(APP)
    offenders = []
    for path in _app_files():
        layer = layer_of(path)
        if layer is None:
            continue
        for imp in imports_of(path, APP):
            target = resolve(imp.target, known)
            if target is None or target == "app":
                continue
            target_layer = layer_of(known[target])
            if target_layer in (None, layer) or target_layer in ALLOWED[layer]:
                continue
            if (module_name(path, APP), target) in TEMPORARY_EDGES:
                continue
            how = "lazy " if imp.lazy else ""
            offenders.append(
                f"{path.relative_to(APP)}:{imp.line} ({layer}) {how}imports {target}"
                f" ({target_layer})"
            )
    assert offenders == [], "\n".join(offenders)


def _third_party(imp: Import) -> str | None:
    top = imp.target.split(".")[0]
    if top in ("app", "__future__"):
        return None
    if top in sys.stdlib_module_names and top not in GUARDED_STDLIB:
        return None
    return top


def test_third_party_imports_per_layer() -> None:
    offenders = []
    for path in _app_files():
        layer = layer_of(path)
        for imp in imports_of(path, APP):
            package = _third_party(imp)
            if package is None:
                continue
            where = f"{path.relative_to(APP)}:{imp.line} ({layer}) imports {package}"
            if package == "PySide6" and layer != "ui":
                offenders.append(where + ": Qt only in app/ui")
            elif layer == "core" and package in NEVER_IN_CORE:
                offenders.append(where + ": core stays pure")
            elif layer in THIRD_PARTY and package not in THIRD_PARTY[layer]:
                offenders.append(where + ": not in THIRD_PARTY for this layer")
    assert offenders == [], "\n".join(offenders)


def test_no_import_cycle_in_app_counting_lazy_imports() -> None:
    graph = import_graph(APP)
    for source, target in TEMPORARY_EDGES:
        graph[source].discard(target)
    found = cycles(graph)
    assert found == [], "import cycles:\n" + "\n".join(" -> ".join(c) for c in found)


def test_every_temporary_exception_is_still_needed() -> None:
    graph = import_graph(APP)
    stale = [edge for edge in TEMPORARY_EDGES if edge[1] not in graph.get(edge[0], set())]
    assert stale == [], "remove these from TEMPORARY_EDGES"


def test_a_lazy_import_cycle_is_found_and_its_path_reported(tmp_path: Path) -> None:
    root = tmp_path / "app"
    (root / "services").mkdir(parents=True)
    (root / "__init__.py").write_text("")
    (root / "services" / "__init__.py").write_text("")
    (root / "services" / "a.py").write_text("from app.services.b import B\nA = 1\n")
    (root / "services" / "b.py").write_text("B = 2\n\ndef later():\n    from .c import C\n")
    (root / "services" / "c.py").write_text("def f():\n    import app.services.a\n")
    (root / "services" / "d.py").write_text("from app.services import a\n")  # into, not part of
    graph = import_graph(root)
    assert graph["app.services.d"] == {"app.services.a"}
    assert cycles(graph) == [
        ["app.services.a", "app.services.b", "app.services.c", "app.services.a"]
    ]
    lazy = [i for i in imports_of(root / "services" / "b.py", root)]
    assert [(i.target, i.lazy) for i in lazy] == [("app.services.c.C", True)]
