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


def cache_dir() -> Path:
    """Folder for downloaded corpora: ``$FRAMING_CACHE`` or the platform's user cache folder."""
    env = os.environ.get("FRAMING_CACHE")
    if env:
        return Path(env)
    import pooch  # only needed when the cache is asked for

    return Path(pooch.os_cache("framing-suite"))


def ant_corpus() -> Path | None:
    """Path of the ANT corpus JSON Lines file, or None when it is not available.

    Looked for in this order: ``$FRAMING_ANT`` (your own copy), the copy that
    ``python -m analysis fetch ant`` converted into :func:`cache_dir`, and
    ``../shared/corpora/ant`` beside the project.
    """
    env = os.environ.get("FRAMING_ANT")
    if env:
        path = Path(env)
        return path if path.is_file() else None
    for path in (cache_dir() / "ant-v2.1.jsonl.gz",
                 shared_dir() / "corpora" / "ant" / "ant-v2.1.jsonl.gz"):
        if path.is_file():
            return path
    return None
