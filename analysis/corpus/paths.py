"""Where things are. Every other module asks here instead of building paths itself."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parents[1]
LEXICON_DIR = PACKAGE_DIR / "lexicons"
STYLE_DIR = PACKAGE_DIR / "figures" / "styles"

# The project root exists when the package is installed editable from a clone.
ROOT = PACKAGE_DIR.parent
DATA_DIR = ROOT / "data"
RAW_DIR = DATA_DIR / "raw"
ANNOTATIONS_DIR = DATA_DIR / "annotations"
FIGURES_DIR = ROOT / "figures"
NOTEBOOKS_DIR = ROOT / "notebooks"
EXAMPLE_ARTICLE = RAW_DIR / "2016-09-09-lavrov-kerry-geneva.txt"


def shared_dir() -> Path:
    """The shared folder beside the project root (override with FRAMING_SHARED)."""
    return Path(os.environ.get("FRAMING_SHARED", ROOT.parent / "shared")).resolve()


def ant_corpus() -> Path | None:
    """Path of the ANT corpus JSON Lines file, or None when it is not available.

    Set ``FRAMING_ANT`` to point at your own copy.
    """
    env = os.environ.get("FRAMING_ANT")
    path = Path(env) if env else shared_dir() / "corpora" / "ant" / "ant-v2.1.jsonl.gz"
    return path if path.is_file() else None
