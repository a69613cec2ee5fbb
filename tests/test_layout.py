"""The package layout shows the pipeline: sub-packages by stage, imports one way only.

A module may import modules of its own stage and of earlier stages, never of a later one
(docs/architecture.md). The rule is read from the source (every ``import`` statement,
including those inside functions), so a lazy import cannot hide a backward edge.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
from pathlib import Path

import pytest

import analysis

#: The stages in pipeline order; top-level modules are listed by their own name.
STAGES = (
    "corpus", "text", "coding", "measures", "pipeline", "figures", "views", "validation",
    "models", "teaching", "study", "cli", "__main__",
)
PACKAGE_DIR = Path(analysis.__file__).parent
MODULES = sorted(
    name for _, name, _ in pkgutil.walk_packages(analysis.__path__, "analysis.")
)


def stage_of(module: str) -> str:
    """``analysis.coding.stance`` -> ``coding``; ``analysis.cli`` -> ``cli``."""
    parts = module.split(".")
    assert parts[0] == "analysis" and len(parts) >= 2, module
    return parts[1]


def imported_modules(path: Path, module: str) -> list[tuple[int, str]]:
    """(line, imported module) for every import of an ``analysis`` module in a file."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names if a.name.startswith("analysis.")]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                target = f"{base}.{node.module}" if node.module else base
            else:
                target = node.module or ""
            if target == "analysis":
                # from analysis import x: x is a module of the package or a re-exported name
                for alias in node.names:
                    name = analysis._EXPORTS.get(alias.name) or analysis._SUBMODULES.get(alias.name)
                    if name is None and alias.name != "__version__":
                        raise AssertionError(f"{path}:{node.lineno}: unknown name analysis.{alias.name}")
                    if name is not None:
                        found.append((node.lineno, f"analysis.{name}"))
            elif target.startswith("analysis."):
                found.append((node.lineno, target))
    return found


def test_every_module_is_in_a_known_stage():
    assert {stage_of(m) for m in MODULES} <= set(STAGES)
    assert {"corpus", "text", "coding", "measures", "pipeline", "figures", "views", "validation"} <= {
        stage_of(m) for m in MODULES
    }


@pytest.mark.parametrize("module", MODULES)
def test_module_imports(module):
    importlib.import_module(module)


@pytest.mark.parametrize("module", MODULES)
def test_no_module_imports_a_later_stage(module):
    spec = importlib.util.find_spec(module)
    path = Path(spec.origin)
    own = STAGES.index(stage_of(module))
    backward = [
        f"line {line}: {target}" for line, target in imported_modules(path, module)
        if STAGES.index(stage_of(target)) > own
    ]
    assert backward == [], f"{module} imports later stages: {backward}"


def test_the_rule_catches_a_backward_import(tmp_path):
    source = tmp_path / "fake.py"
    source.write_text("def f():\n    from analysis.figures.labels import arabic_label\n", encoding="utf-8")
    (line, target), = imported_modules(source, "analysis.coding.fake")
    assert (line, target) == (2, "analysis.figures.labels")
    assert STAGES.index(stage_of(target)) > STAGES.index("coding")


def test_public_names_resolve():
    missing = [name for name in analysis.__all__ if getattr(analysis, name, None) is None]
    assert missing == []
    assert analysis.analyze.__module__ == "analysis.pipeline.batch"
    assert analysis.paths.__name__ == "analysis.corpus.paths"
