"""Saving a figure: PDF, PNG and SVG with the CSV of exactly what it draws, byte-stable.

The only module of :mod:`analysis.figures` that writes files. Metadata are fixed per
format (:data:`SAVE_METADATA`) and every file is written atomically
(:func:`analysis.corpus.files.write_bytes_atomic`), so a rerun changes no byte and a
crash never leaves half a figure.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pandas as pd
from matplotlib.figure import Figure

from analysis.corpus.files import write_bytes_atomic, write_text_atomic
from analysis.corpus.paths import FIGURES_DIR
from analysis.figures.fonts import style_context

__all__ = ["SAVE_METADATA", "save_figure"]

#: Fixed metadata per format, so that a rerun changes no byte (whatever SOURCE_DATE_EPOCH).
SAVE_METADATA: dict[str, dict[str, str | None]] = {
    "pdf": {"Creator": "analysis framing figures", "Producer": None,
            "CreationDate": None, "ModDate": None},
    "png": {"Software": None},
    "svg": {"Date": None, "Creator": "analysis framing figures"},
}
_NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


def save_figure(
    fig: Figure, name: str, data: pd.DataFrame, out_dir: str | Path = FIGURES_DIR
) -> dict[str, Path]:
    """Write ``name``.pdf, .png, .svg and the .csv of exactly what the figure draws.

    Every file is written to a temporary file in ``out_dir`` and renamed into place, so a
    crash never leaves half a figure. Metadata are fixed (no creation date, fixed
    creator, fixed SVG hash salt), so the same figure gives the same bytes on every run.

    Parameters
    ----------
    fig : Figure
        The figure (``ax.figure`` of any ``plot_*`` result).
    name : str
        File stem: letters, digits, ``_``, ``-`` and ``.``; no folders.
    data : DataFrame
        The numbers drawn, usually the matching ``build_*_table`` result.
    out_dir : path
        Target folder, created when missing.

    Returns
    -------
    dict
        ``{"pdf": Path, "png": Path, "svg": Path, "csv": Path}``

    Examples
    --------
    >>> import pandas as pd, tempfile
    >>> attributions = pd.DataFrame({"source_side": ["us"], "content_words": [3]})
    >>> from analysis.figures.plots import plot_share_of_voice
    >>> from analysis.figures.tables import build_share_of_voice_table
    >>> ax = plot_share_of_voice(attributions)
    >>> paths = save_figure(ax.figure, "sov", build_share_of_voice_table(attributions),
    ...                     tempfile.mkdtemp())
    >>> sorted(paths)
    ['csv', 'pdf', 'png', 'svg']
    """
    if not isinstance(name, str) or not _NAME_RE.match(name):
        raise ValueError(f"figure name {name!r} must be a plain file stem such as "
                         "'share_of_voice' (letters, digits, _ - .), without folders")
    if not isinstance(data, pd.DataFrame):
        raise TypeError(f"save_figure needs the drawn numbers as a DataFrame, got "
                        f"{type(data).__name__}; pass the matching build_*_table result")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths: dict[str, Path] = {}
    with style_context():
        for fmt, metadata in SAVE_METADATA.items():
            buffer = io.BytesIO()
            fig.savefig(buffer, format=fmt, metadata=metadata)
            paths[fmt] = out / f"{name}.{fmt}"
            write_bytes_atomic(paths[fmt], buffer.getvalue())
    paths["csv"] = out / f"{name}.csv"
    write_text_atomic(paths["csv"], data.to_csv(index=False, lineterminator="\n"))
    return paths

