"""The figure font and the house style, both shipped with the package.

The Arabic font comes from the PyPI package ``fontpkg-ibm-plex-sans-arabic`` (OFL, static
weights, Latin and digits included). Its TTF files are registered with matplotlib the
first time a figure is drawn; the style file ``styles/framing.mplstyle`` then names the
family first and DejaVu Sans as the per-glyph fallback.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

import matplotlib as mpl
from matplotlib import font_manager

from analysis.corpus.paths import STYLE_DIR

__all__ = [
    "COLUMN_WIDTH",
    "DOUBLE_COLUMN_WIDTH",
    "FONT_FAMILY",
    "FONT_FAMILIES",
    "STYLE_FILE",
    "font_files",
    "regular_font_file",
    "register_fonts",
    "style_context",
]

#: Family name of the Arabic figure font.
FONT_FAMILY = "IBM Plex Sans Arabic"
#: Family list handed to matplotlib: any glyph missing from the first falls back.
FONT_FAMILIES = [FONT_FAMILY, "DejaVu Sans"]
#: The house style file.
STYLE_FILE = STYLE_DIR / "framing.mplstyle"
#: Width of a single journal column, in inches.
COLUMN_WIDTH = 3.4
#: Width of a double (full page) journal column, in inches.
DOUBLE_COLUMN_WIDTH = 7.0


def font_files() -> list[Path]:
    """The static TTF files of the figure font, sorted by name.

    Returns
    -------
    list of Path

    Raises
    ------
    RuntimeError
        If ``fontpkg-ibm-plex-sans-arabic`` is not installed or holds no TTF file.

    Examples
    --------
    >>> any(p.name == "IBMPlexSansArabic-Regular.ttf" for p in font_files())
    True
    """
    try:
        import fontpkg_ibm_plex_sans_arabic as package
    except ImportError as err:  # pragma: no cover - the dependency is pinned
        raise RuntimeError(
            "The figure font is missing: install fontpkg-ibm-plex-sans-arabic "
            "(pip install -e . installs it with the package)."
        ) from err
    files = sorted(Path(package.__file__).resolve().parent.rglob("*.ttf"))
    if not files:
        raise RuntimeError(
            f"No .ttf file under {Path(package.__file__).parent}: reinstall "
            "fontpkg-ibm-plex-sans-arabic."
        )
    return files


def regular_font_file() -> Path:
    """The Regular weight, the file matplotlib picks for normal text.

    Examples
    --------
    >>> regular_font_file().name
    'IBMPlexSansArabic-Regular.ttf'
    """
    for path in font_files():
        if path.stem.endswith("-Regular"):
            return path
    raise RuntimeError(f"No Regular weight among {[p.name for p in font_files()]}")


@lru_cache(maxsize=1)
def register_fonts() -> tuple[Path, ...]:
    """Register the figure font's TTF files with matplotlib (once per process).

    Returns
    -------
    tuple of Path
        The registered files.

    Examples
    --------
    >>> files = register_fonts()
    >>> from matplotlib import font_manager
    >>> font_manager.findfont(FONT_FAMILY, fallback_to_default=False).endswith(".ttf")
    True
    """
    files = tuple(font_files())
    for path in files:
        font_manager.fontManager.addfont(str(path))
    return files


@contextlib.contextmanager
def style_context(**overrides: object) -> Iterator[None]:
    """Draw within the house style (font registered first), restoring rcParams after.

    Parameters
    ----------
    **overrides
        rcParams to set on top of the style, with dots written as in matplotlib,
        passed as a mapping, e.g. ``style_context(**{"font.size": 10})``.

    Examples
    --------
    >>> import matplotlib as mpl
    >>> with style_context():
    ...     mpl.rcParams["svg.fonttype"]
    'path'
    """
    register_fonts()
    with mpl.rc_context(fname=str(STYLE_FILE), rc=dict(overrides)):
        yield
