"""The pins in pyproject.toml, requirements/lock.txt and environment.yml agree."""

from __future__ import annotations

import re
import tomllib
from importlib import metadata

from analysis.corpus import paths

# conda-forge spells a few packages differently from PyPI.
CONDA_NAMES = {"arabic_reshaper": "arabic-reshaper", "cairosvg": "cairosvg"}


def _canon(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _pyproject_pins() -> dict[str, str]:
    data = tomllib.loads((paths.ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    reqs = list(data["project"]["dependencies"])
    for extra in data["project"]["optional-dependencies"].values():  # test, docs, ...
        reqs += extra
    pins = {}
    for req in reqs:
        name, version = req.split("==")
        pins[_canon(name)] = version
    return pins


def _environment_pins() -> dict[str, str]:
    pins = {}
    for line in (paths.ROOT / "environment.yml").read_text(encoding="utf-8").splitlines():
        m = re.match(r"^\s*-\s+([A-Za-z0-9_.\-]+)\s*(==|=)\s*([0-9][^\s#]*)", line)
        if m and m.group(1) != "python":
            name = CONDA_NAMES.get(m.group(1), m.group(1))
            pins[_canon(name)] = m.group(3)
    return pins


def test_every_dependency_is_pinned_exactly():
    pins = _pyproject_pins()
    assert len(pins) >= 20
    assert all(re.fullmatch(r"\d+(\.\d+)+", v) for v in pins.values()), pins


def test_environment_yml_matches_pyproject():
    assert _environment_pins() == _pyproject_pins()


def test_lock_file_agrees_with_pyproject():
    lock = {}
    for line in (paths.ROOT / "requirements" / "lock.txt").read_text(encoding="utf-8").splitlines():
        if "==" in line:
            name, version = line.strip().split("==")
            lock[_canon(name)] = version
    for name, version in _pyproject_pins().items():
        assert lock.get(name) == version, f"{name}: pyproject {version}, lock {lock.get(name)}"


def test_installed_versions_are_the_pinned_ones():
    for name, version in _pyproject_pins().items():
        assert metadata.version(name) == version, name
