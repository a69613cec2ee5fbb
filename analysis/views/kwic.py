"""Keyword in context: every occurrence of a word in a corpus, as a right-to-left table.

A term is found as a whole written word, through the normaliser and with the clitics
Arabic writes on a word (:mod:`analysis.text.clitics`): قال finds وقال and فقال but not
مقال, زعم finds وزعم but not زعماء, لافروف finds ولافروف, موسكو finds بموسكو, and a term
with the article (الولايات) also finds it after لـ (للولايات). Inflected forms (قالت،
قالوا، يقول) are other words: search them one by one.

The table is built as HTML here, every cell escaped, so article text never becomes markup
in Jupyter, and it reads right to left: ``before`` sits to the right of the keyword and
``after`` to its left, as an Arabic reader expects.

Examples
--------
>>> import pandas as pd
>>> articles = pd.DataFrame({"article_id": ["a"], "title": [""], "body": ["وفي مقال آخر"]})
>>> kwic(articles, "قال")
no match for 'قال' in 1 article (title and body; whole words with their clitics)
"""

from __future__ import annotations

import html
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass

import pandas as pd

from analysis.text.clitics import ARTICLE, NOUN_PREFIXES, PRONOUN_SUFFIXES
from analysis.text.normalize import normalize, normalize_with_map
from analysis.views.evidence import collect_tables

__all__ = ["KwicTable", "kwic", "term_pattern"]

#: Columns of :attr:`KwicTable.data`, in display order (the first is shown rightmost).
COLUMNS = ("article_id", "part", "start", "end", "before", "keyword", "after")
#: A letter or digit (the underscore of a hashtag such as #الاتحاد_الأوروبي separates words).
_WORD_CHAR = r"[^\W_]"
#: The article after the preposition لـ loses its alef: ل + الولايات is written للولايات.
_LAM_ARTICLE = "ل" + ARTICLE[1:]
#: Ta marbuta as the normaliser writes it; before a pronoun the word spells it ت.
_TA_MARBUTA = normalize("\u0629")
#: Inline style of the context and keyword cells.
_CELL_STYLE = {
    "before": "text-align:left;white-space:pre",
    "keyword": "text-align:center;white-space:pre;font-weight:bold",
    "after": "text-align:right;white-space:pre",
}


def _style_attribute(column: str) -> str:
    """The ``style`` attribute of a cell of ``column`` ("" for a column without one)."""
    style = _CELL_STYLE.get(column)
    return f' style="{style}"' if style else ""


@dataclass
class KwicTable:
    """The rows :func:`kwic` found; Jupyter shows them as an escaped right-to-left table.

    Attributes
    ----------
    term : str
        The term as the user typed it.
    data : DataFrame
        One row per occurrence, columns :data:`COLUMNS`: ``part`` is ``title`` or
        ``body`` and ``start``/``end`` index that original string, so that
        ``keyword == text[start:end]``; ``before`` and ``after`` are the ``width``
        characters around it (line breaks shown as spaces).
    n_articles : int
        How many articles were searched.
    """

    term: str
    data: pd.DataFrame
    n_articles: int

    @property
    def message(self) -> str:
        """One line saying what was found, or that nothing was."""
        where = f"{self.n_articles} article{'' if self.n_articles == 1 else 's'}"
        if self.data.empty:
            return (f"no match for {self.term!r} in {where} "
                    "(title and body; whole words with their clitics)")
        n = len(self.data)
        return f"{n} match{'' if n == 1 else 'es'} for {self.term!r} in {where}"

    def to_html(self) -> str:
        """The table as HTML, every cell escaped; the message alone when nothing matched."""
        if self.data.empty:
            return f'<p class="framing-kwic-empty">{html.escape(self.message)}</p>'
        head = "".join(f"<th>{html.escape(column)}</th>" for column in self.data.columns)
        rows = []
        for record in self.data.itertuples(index=False):
            cells = "".join(
                f'<td class="{column}"{_style_attribute(column)}>{html.escape(str(value))}</td>'
                for column, value in zip(self.data.columns, record))
            rows.append(f"<tr>{cells}</tr>")
        return (f'<table class="framing-kwic" dir="rtl" lang="ar">'
                f'<caption dir="ltr">{html.escape(self.message)}</caption>'
                f'<thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>')

    def _repr_html_(self) -> str:
        return self.to_html()

    def __repr__(self) -> str:
        if self.data.empty:
            return self.message
        return f"{self.message}\n{self.data.to_string(index=False)}"


def term_pattern(term: str, prefixes: Collection[str] = NOUN_PREFIXES,
                 suffixes: Collection[str] = PRONOUN_SUFFIXES) -> re.Pattern:
    """The regular expression that finds ``term`` as a written word in normalised text.

    The first word of the term may carry one of ``prefixes`` and the last one of
    ``suffixes``; nothing else may be glued to either end. Two spelling rules of the
    clitics apply: the article after لـ loses its alef (للولايات is ل + الولايات) and a
    final ta marbuta is written ت before a pronoun (حكومتنا is حكومة + نا). Words inside a
    phrase may be separated by any whitespace.

    Parameters
    ----------
    term : str
        A word or phrase, in any spelling (it is normalised).
    prefixes : collection of str
        Written prefixes allowed on the first word, normalised (``""`` stands for none).
    suffixes : collection of str
        Pronoun endings allowed on the last word, normalised.

    Returns
    -------
    re.Pattern

    Examples
    --------
    >>> pattern = term_pattern("قال")
    >>> [bool(pattern.search(w)) for w in ("وقال", "فقال", "مقال", "قالت")]
    [True, True, False, False]
    >>> [bool(term_pattern("الولايات").search(w)) for w in ("للولايات", "والولايات")]
    [True, True]
    >>> bool(term_pattern("حكومة").search("وحكومتنا"))
    True
    """
    words = normalize(term).split()
    if not words:
        raise ValueError(f"kwic needs a non-empty search term, got {term!r}")
    first, last = words[0], words[-1]
    pieces = [re.escape(w) for w in words]
    pieces[-1] = _with_ending(last, suffixes)
    lead = ""
    if re.match(_WORD_CHAR, first):
        before = _alternation(prefixes)
        heads = [f"(?:{before})?{pieces[0]}" if before else pieces[0]]
        stem = first[len(ARTICLE):]
        lam = _alternation(p for p in prefixes if p.endswith(_LAM_ARTICLE))
        if first.startswith(ARTICLE) and len(stem) >= 2 and lam:
            heads.append(f"(?:{lam})" + (_with_ending(stem, suffixes) if len(words) == 1
                                          else re.escape(stem)))
        pieces[0] = "(?:" + "|".join(heads) + ")"
        lead = f"(?<!{_WORD_CHAR})"
    trail = f"(?!{_WORD_CHAR})" if re.search(f"{_WORD_CHAR}$", last) else ""
    return re.compile(lead + r"\s+".join(pieces) + trail)


def _alternation(forms: Iterable[str]) -> str:
    """The non-empty ``forms`` as one regex alternation, longest first ("" when none)."""
    return "|".join(re.escape(f) for f in sorted(set(forms) - {""}, key=lambda f: (-len(f), f)))


def _with_ending(word: str, suffixes: Collection[str]) -> str:
    """Regex of the last word of a term with an optional pronoun ending."""
    ends = _alternation(suffixes)
    if not ends or not re.search(f"{_WORD_CHAR}$", word):
        return re.escape(word)
    if word.endswith(_TA_MARBUTA) and len(word) > 2:
        return f"{re.escape(word[:-1])}(?:{_TA_MARBUTA}(?:{ends})?|ت(?:{ends}))"
    return f"{re.escape(word)}(?:{ends})?"


def kwic(result, term: str, width: int = 40, *, articles: pd.DataFrame | None = None,
         prefixes: Collection[str] = NOUN_PREFIXES,
         suffixes: Collection[str] = PRONOUN_SUFFIXES) -> KwicTable:
    """Keyword in context over every article title and body, as a right-to-left table.

    The term and the text are compared after :func:`analysis.text.normalize.normalize`
    (alef, ya, ta marbuta, diacritics, tatweel folded), as whole written words with
    their clitics (:func:`term_pattern`); every offset is mapped back to the original
    string, so the columns show the article exactly as printed.

    Parameters
    ----------
    result : object, dict or DataFrame
        Anything :func:`analysis.views.evidence.show_article` accepts, or the articles
        DataFrame.
    term : str
        Word or phrase to find.
    width : int
        Characters of context on each side.
    articles : DataFrame, optional
        The articles table, replacing the one ``result`` holds.
    prefixes : collection of str
        Prefixes allowed on the first word: conjunctions, prepositions and the article
        by default; :data:`analysis.text.clitics.VERB_PREFIXES` for a verb (و، ف only);
        ``{""}`` for none.
    suffixes : collection of str
        Pronoun endings allowed on the last word; ``()`` for none (a name, or a word
        whose nisba adjective would otherwise match: مصر + ي is مصري).

    Returns
    -------
    KwicTable
        ``.data`` (article_id, part, start, end, before, keyword, after; ``keyword`` is
        the whole written word, clitics included) and an escaped HTML rendering; when
        nothing matches, its repr and HTML say so.

    Examples
    --------
    >>> import pandas as pd
    >>> articles = pd.DataFrame({"article_id": ["a"], "title": ["t"], "body": ["وقال لافروف إن"]})
    >>> kwic(articles, "قال", width=4).data[["start", "end", "keyword", "after"]].values.tolist()
    [[0, 4, 'وقال', ' لاف']]
    """
    if not isinstance(term, str):
        raise TypeError(f"kwic needs the search term as a str, got {type(term).__name__}")
    if width < 0:
        raise ValueError(f"width must be >= 0, got {width}")
    pattern = term_pattern(term, prefixes, suffixes)
    found = collect_tables(result, {"articles": articles})
    if "articles" not in found:
        raise ValueError("kwic needs the articles table (title and body strings)")
    frame = found["articles"]
    rows = []
    for record in frame[["article_id", "title", "body"]].to_dict("records"):
        for part in ("title", "body"):
            original = "" if pd.isna(record[part]) else str(record[part])
            mapped = normalize_with_map(original)
            for match in pattern.finditer(mapped.text):
                start, end = mapped.to_original(*match.span())
                rows.append({
                    "article_id": record["article_id"], "part": part, "start": start, "end": end,
                    "before": original[max(0, start - width):start].replace("\n", " "),
                    "keyword": original[start:end],
                    "after": original[end:end + width].replace("\n", " "),
                })
    table = pd.DataFrame(rows, columns=list(COLUMNS)).astype(
        {"article_id": "string", "part": "string", "before": "string", "keyword": "string",
         "after": "string", "start": "int64", "end": "int64"})
    return KwicTable(term=term, data=table, n_articles=len(frame))
