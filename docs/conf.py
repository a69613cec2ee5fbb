"""Sphinx configuration of the documentation site (built by ``make docs``, see docs/build.py).

Sphinx reads a staged copy of the sources (``out/docs/src``): the pages of ``docs/``, the
lexicon and annotation READMEs, and the notebooks already executed by docs/build.py, which
myst-nb renders without running them again. The API reference comes from the numpydoc
docstrings of ``analysis``. Everything is offline: no intersphinx, no assets from the web.

Arabic text: after Sphinx has rendered a page, every block whose letters are mostly Arabic
and that is not already inside an element with a ``dir`` attribute gets ``dir="rtl"``
(``dir="auto"`` when Arabic and Latin letters are mixed), so browsers order it right to left.
"""

from __future__ import annotations

import importlib
import re
import warnings

import analysis
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

project = "Framing the sides"
author = "The framing notebook suite developers"
copyright = "2026, " + author  # noqa: A001 (Sphinx's name)
release = version = analysis.__version__
language = "en"

extensions = [
    "myst_nb",
    "sphinx.ext.autodoc",
    "sphinx.ext.autosummary",
    "numpydoc",
]

root_doc = "index"
templates_path = ["api/_templates"]
exclude_patterns = ["**/.ipynb_checkpoints", "api/_templates"]

# -- MyST and notebooks ---------------------------------------------------------------
myst_enable_extensions: list[str] = []  # plain CommonMark, as JupyterLab shows it
myst_heading_anchors = 3
nb_execution_mode = "off"          # docs/build.py executed them (with a cache)
nb_output_stderr = "show"
nb_merge_streams = True

# -- API reference ----------------------------------------------------------------------
autosummary_generate = True
autosummary_imported_members = False
autodoc_default_options = {"members": True, "show-inheritance": True}
autodoc_typehints = "none"          # numpydoc's Parameters sections carry the types
autodoc_member_order = "bysource"
numpydoc_show_class_members = False
numpydoc_class_members_toctree = False
numpydoc_xref_param_type = False
numpydoc_validation_checks: set[str] = set()

# -- HTML ---------------------------------------------------------------------------------
html_theme = "sphinx_book_theme"
html_title = "Framing the sides"
html_static_path: list[str] = []
html_theme_options = {
    # the whole table of contents on the left, with the index page's captions
    "home_page_in_toc": True,
    "show_navbar_depth": 1,
    "show_toc_level": 2,
    "use_download_button": False,
    "use_fullscreen_button": False,
    "navigation_with_keys": False,
}
html_show_sourcelink = False
html_copy_source = False
html_last_updated_fmt = None

# -- Right to left ----------------------------------------------------------------------------
logger = logging.getLogger("analysis-docs")

_ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")
_LETTER = re.compile(r"[^\W\d_]")
#: Blocks whose direction is set: the innermost text blocks of a page.
_BLOCKS = ("p", "li", "td", "th", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6",
           "caption", "figcaption", "blockquote", "pre")
#: At least this share of the letters Arabic: the block is Arabic prose (dir="rtl").
RTL_SHARE = 0.8
#: At least this share: mixed; dir="auto" lets the browser decide from the first letter.
AUTO_SHARE = 0.5


def arabic_share(text: str) -> float:
    """Share of the letters of ``text`` that are Arabic script (0 when it has none).

    Examples
    --------
    >>> arabic_share("قال لافروف")
    1.0
    >>> arabic_share("Lavrov said")
    0.0
    """
    letters = _LETTER.findall(text)
    return sum(1 for c in letters if _ARABIC.match(c)) / len(letters) if letters else 0.0


def set_direction(body: str) -> str:
    """``body`` (HTML) with ``dir`` set on each mostly Arabic block that has no direction yet."""
    if not _ARABIC.search(body):
        return body
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(body, "html.parser")
    changed = False
    for element in soup.find_all(_BLOCKS):
        if element.find(_BLOCKS) is not None and element.name not in ("li", "td", "th", "dd"):
            continue  # only the innermost blocks (list items and cells as a whole)
        if element.has_attr("dir") or any(parent.has_attr("dir") for parent in element.parents):
            continue
        share = arabic_share(element.get_text())
        if share >= RTL_SHARE:
            element["dir"], element["lang"] = "rtl", "ar"
            changed = True
        elif share >= AUTO_SHARE:
            element["dir"] = "auto"
            changed = True
    return str(soup) if changed else body


def _page_direction(app, pagename, templatename, context, doctree):
    if "body" in context:
        context["body"] = set_direction(context["body"])


class PublicAPIDirective(SphinxDirective):
    """``public-api``: a summary table of ``analysis.__all__``.

    Each name links to the module that defines it (``analysis.read_articles`` is documented
    as ``analysis.corpus.io.read_articles``), so nothing is documented twice.
    """

    has_content = False

    def run(self):
        names = []
        for name in analysis.__all__:
            try:
                module = getattr(getattr(analysis, name), "__module__", "") or ""
            except Exception as exc:  # a name in __all__ that does not import: say which
                logger.warning("analysis.%s (in analysis.__all__) cannot be imported: %s: %s",
                               name, type(exc).__name__, exc, location=self.get_location())
                continue
            if module.startswith("analysis."):
                names.append(f"~{module}.{name}")
        return self.parse_text_to_nodes("\n".join([".. autosummary::", "", *(f"   {n}" for n in names)]))


def _python_warnings_as_sphinx_warnings() -> None:
    """Report numpydoc's and autodoc's Python warnings (unknown sections, ...) as Sphinx
    warnings, each one, so that ``-W`` fails on a docstring that renders incompletely."""
    show = warnings.showwarning

    def showwarning(message, category, filename, lineno, file=None, line=None):
        if "numpydoc" in filename or "sphinx" in filename:
            logger.warning("%s (%s:%s)", message, filename, lineno)
        else:
            show(message, category, filename, lineno, file, line)

    warnings.filterwarnings("always", category=UserWarning, module="numpydoc")
    warnings.showwarning = showwarning


def _site_direction(app, exception):
    """After the build: the same rule on whole pages, for the navigation and the page
    contents, which the theme renders outside ``body`` (Arabic headings appear there)."""
    if exception is not None or app.builder.format != "html":
        return
    from pathlib import Path

    for page in sorted(Path(app.outdir).rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        fixed = set_direction(html)
        if fixed != html:
            page.write_text(fixed, encoding="utf-8")


def setup(app):
    _python_warnings_as_sphinx_warnings()
    importlib.import_module("bs4")  # fail early with a clear ImportError
    app.add_directive("public-api", PublicAPIDirective)
    app.connect("html-page-context", _page_direction)
    app.connect("build-finished", _site_direction)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
