"""A study is data: one TOML file names the corpus, the filter, the grouping, the
bootstrap and the figures; :func:`load_study` reads and checks it.

Example (``studies/ant-2018.toml`` is the paper's)::

    [study]
    name = "ant-2018"
    title = "Russia and the United States in five Arabic outlets, 2018"

    [corpus]
    fetch = "ant"                # a corpus `python -m analysis fetch` knows, or:
    # path = "my-articles.csv"   # a file or folder, relative to this study file
    section = "category"         # the input column holding the section, if any
    [corpus.columns]             # optional: articles field = your column
    # body = "text"

    [filter]
    sides = ["russia", "us"]     # every one of them an actor in the article ...
    via = ["name", "title", "metonym", "pronoun-carry"]   # ... named like this
    min_mentions = 1
    drop_duplicate_texts = true

    [grouping]
    compare = "outlet"           # the groups the figures compare
    tables = ["month", "section"]   # further groupings written as tables

    [bootstrap]
    draws = 2000
    seed = 2018
    level = 0.95

    [figures]
    labels = "both"
    periods = ["2018-02", "2018-03"]   # months of the coverage figure (default: all)

    [output]
    derived = "../data/derived/ant-2018"
    figures = "../figures"
    jobs = 2

Every path in the file is relative to the file's folder. Unknown keys are errors, so
that a misspelt setting cannot be silently ignored.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from analysis.measures.relevance import ACTOR_VIAS

__all__ = ["GROUPINGS", "PAPER_FIGURES", "Study", "StudyError", "load_study"]

#: The figures a study can draw, in the order they are drawn.
PAPER_FIGURES = ("share-of-voice", "direct-and-anonymous", "cue-profile", "stance-between-sides",
                 "coverage-by-month")
#: Groupings a study can compare or tabulate (``month`` comes from ``published``,
#: ``section`` from the column named by ``corpus.section``).
GROUPINGS = ("outlet", "month", "section")
_NAME = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")


class StudyError(ValueError):
    """A study file that cannot be run as written; the message names the file and key."""


@dataclass(frozen=True)
class Study:
    """A study, as read from its file (paths resolved against the file's folder).

    Attributes mirror the tables of the file; see the module docstring.
    """

    name: str
    title: str = ""
    source: Path | None = None
    corpus_fetch: str | None = None
    corpus_path: Path | None = None
    columns: dict[str, str | None] = field(default_factory=dict)
    section_column: str | None = None
    input_format: str | None = None
    encoding: str | None = None
    outlet: str | None = None
    sides: tuple[str, ...] = ("russia", "us")
    via: tuple[str, ...] = ACTOR_VIAS
    min_mentions: int = 1
    filter_enabled: bool = True
    drop_duplicate_texts: bool = True
    compare: str = "outlet"
    tables: tuple[str, ...] = ()
    draws: int = 2000
    seed: int = 2018
    level: float = 0.95
    labels: str = "both"
    figures: tuple[str, ...] = PAPER_FIGURES
    periods: tuple[str, ...] | None = None
    derived_dir: Path = Path("derived")
    figures_dir: Path = Path("figures")
    jobs: int = 1

    def with_output(self, out: str | Path) -> "Study":
        """The same study writing into ``out``: ``out/derived`` and ``out/figures``."""
        out = Path(out)
        return replace(self, derived_dir=out / "derived", figures_dir=out / "figures")

    def settings(self) -> dict[str, Any]:
        """What the manifest records of the study: everything that changes a number."""
        return {
            "name": self.name,
            "filter": {"enabled": self.filter_enabled, "sides": list(self.sides), "via": list(self.via),
                       "min_mentions": self.min_mentions, "drop_duplicate_texts": self.drop_duplicate_texts},
            "grouping": {"compare": self.compare, "tables": list(self.tables)},
            "bootstrap": {"draws": self.draws, "seed": self.seed, "level": self.level},
        }


_KEYS = {
    "study": {"name", "title", "description"},
    "corpus": {"fetch", "path", "columns", "section", "format", "encoding", "outlet"},
    "filter": {"enabled", "sides", "via", "min_mentions", "drop_duplicate_texts"},
    "grouping": {"compare", "tables"},
    "bootstrap": {"draws", "seed", "level"},
    "figures": {"labels", "names", "periods"},
    "output": {"derived", "figures", "jobs"},
}


def _get(table: dict, key: str, kind: type | tuple, where: str, default=None):
    value = table.get(key, default)
    if value is default:
        return value
    if isinstance(value, bool) and kind in (int, float, (int, float)):
        raise StudyError(f"{where}.{key} must be a number, not {value!r}")
    if not isinstance(value, kind):
        names = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
        raise StudyError(f"{where}.{key} must be a {names}, not {value!r}")
    return value


def _strings(table: dict, key: str, where: str, default: tuple[str, ...]) -> tuple[str, ...]:
    value = table.get(key)
    if value is None:
        return default
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise StudyError(f"{where}.{key} must be a list of names, not {value!r}")
    return tuple(value)


def load_study(path: str | Path) -> Study:
    """Read and check a study file.

    Parameters
    ----------
    path : path
        The TOML file.

    Returns
    -------
    Study

    Raises
    ------
    StudyError
        A file that is missing, not TOML, or holds an unknown table or key, a value of the
        wrong type, or a corpus that is neither fetched nor a path.

    Examples
    --------
    >>> from analysis.corpus import paths
    >>> study = load_study(paths.ROOT / "studies" / "ant-2018.toml")
    >>> study.name, study.corpus_fetch, study.sides, study.compare
    ('ant-2018', 'ant', ('russia', 'us'), 'outlet')
    """
    source = Path(path)
    if not source.is_file():
        raise StudyError(f"{source}: no such study file")
    try:
        data = tomllib.loads(source.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise StudyError(f"{source}: not a TOML file ({error})") from None
    where = source.name
    unknown = sorted(set(data) - set(_KEYS))
    if unknown:
        raise StudyError(f"{where}: unknown table(s) {unknown}; use {sorted(_KEYS)}")
    for table, keys in _KEYS.items():
        part = data.get(table, {})
        if not isinstance(part, dict):
            raise StudyError(f"{where}: [{table}] must be a table")
        extra = sorted(set(part) - keys)
        if extra:
            raise StudyError(f"{where}: unknown key(s) {extra} in [{table}]; use {sorted(keys)}")
    base = source.resolve().parent
    study, corpus = data.get("study", {}), data.get("corpus", {})
    filt, grouping = data.get("filter", {}), data.get("grouping", {})
    boot, figs, output = data.get("bootstrap", {}), data.get("figures", {}), data.get("output", {})

    name = _get(study, "name", str, f"{where} [study]") or source.stem
    if not _NAME.match(name):
        raise StudyError(f"{where}: [study] name {name!r} must be lower-case letters, digits, '-', '_' or '.'")
    fetch = _get(corpus, "fetch", str, f"{where} [corpus]")
    corpus_path = _get(corpus, "path", str, f"{where} [corpus]")
    if (fetch is None) == (corpus_path is None):
        raise StudyError(f"{where}: [corpus] needs exactly one of fetch = \"ant\" or path = \"your-file.csv\"")
    columns = _get(corpus, "columns", dict, f"{where} [corpus]", {}) or {}
    if not all(isinstance(v, str) for v in columns.values()):
        raise StudyError(f"{where}: [corpus.columns] values must be column names (\"\" for none)")
    compare = _get(grouping, "compare", str, f"{where} [grouping]", "outlet")
    tables = _strings(grouping, "tables", f"{where} [grouping]", ())
    for group in (compare, *tables):
        if group not in GROUPINGS:
            raise StudyError(f"{where}: grouping {group!r} is not one of {list(GROUPINGS)}")
    names = _strings(figs, "names", f"{where} [figures]", PAPER_FIGURES)
    bad = sorted(set(names) - set(PAPER_FIGURES))
    if bad:
        raise StudyError(f"{where}: [figures] names {bad} are not figures; choose from {list(PAPER_FIGURES)}")
    labels = _get(figs, "labels", str, f"{where} [figures]", "both")
    if labels not in ("ar", "en", "both"):
        raise StudyError(f"{where}: [figures] labels must be \"ar\", \"en\" or \"both\", not {labels!r}")
    level = float(_get(boot, "level", (int, float), f"{where} [bootstrap]", 0.95))
    draws = _get(boot, "draws", int, f"{where} [bootstrap]", 2000)
    if not 0 < level < 1 or draws < 100:
        raise StudyError(f"{where}: [bootstrap] needs 0 < level < 1 and draws >= 100")
    periods = _strings(figs, "periods", f"{where} [figures]", ()) or None
    min_mentions = _get(filt, "min_mentions", int, f"{where} [filter]", 1)
    if min_mentions < 1:
        raise StudyError(f"{where}: [filter] min_mentions must be 1 or more")
    jobs = _get(output, "jobs", int, f"{where} [output]", 1)
    if jobs == 0 or jobs < -1:
        raise StudyError(f"{where}: [output] jobs must be 1, 2, ... or -1 (all cores)")
    return Study(
        name=name,
        title=_get(study, "title", str, f"{where} [study]", ""),
        source=source.resolve(),
        corpus_fetch=fetch,
        corpus_path=(base / corpus_path).resolve() if corpus_path is not None else None,
        columns={k: (v or None) for k, v in columns.items()},
        section_column=_get(corpus, "section", str, f"{where} [corpus]"),
        input_format=_get(corpus, "format", str, f"{where} [corpus]"),
        encoding=_get(corpus, "encoding", str, f"{where} [corpus]"),
        outlet=_get(corpus, "outlet", str, f"{where} [corpus]"),
        sides=_strings(filt, "sides", f"{where} [filter]", ("russia", "us")),
        via=_strings(filt, "via", f"{where} [filter]", ACTOR_VIAS),
        min_mentions=min_mentions,
        filter_enabled=_get(filt, "enabled", bool, f"{where} [filter]", True),
        drop_duplicate_texts=_get(filt, "drop_duplicate_texts", bool, f"{where} [filter]", True),
        compare=compare,
        tables=tables,
        draws=draws,
        seed=_get(boot, "seed", int, f"{where} [bootstrap]", 2018),
        level=level,
        labels=labels,
        figures=names,
        periods=periods,
        derived_dir=(base / _get(output, "derived", str, f"{where} [output]", f"derived/{name}")).resolve(),
        figures_dir=(base / _get(output, "figures", str, f"{where} [output]", f"figures/{name}")).resolve(),
        jobs=jobs,
    )
