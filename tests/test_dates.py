"""Dates as people write them, and spreadsheets as people save them (analysis.corpus.dates,
the xlsx reader). The articles in the files here are constructed from the example
article's sentences; the date strings are forms seen in Arabic news exports."""

from __future__ import annotations

import datetime as dt
import warnings

import pytest

from analysis.corpus.dates import parse_date
from analysis.corpus.errors import CorpusReadError, CorpusReadWarning
from analysis.corpus.readers import read_articles


@pytest.mark.parametrize("text, expected", [
    ("09/09/2016", "2016-09-09"),
    ("23/09/2016", "2016-09-23"),            # day first, as in most Arab countries
    ("03/04/2018", "2018-04-03"),            # ambiguous: read day first
    ("09/23/2016", "2016-09-23"),            # the second number cannot be a month: US order
    ("23-09-2016", "2016-09-23"),
    ("23.09.2016", "2016-09-23"),
    ("2016/09/23", "2016-09-23"),
    ("٢٣/٠٩/٢٠١٦", "2016-09-23"),            # Arabic-Indic digits
    ("۲۳/۰۹/۲۰۱۶", "2016-09-23"),            # Persian digits
    ("9 سبتمبر 2016", "2016-09-09"),
    ("الجمعة 9 أيلول 2016", "2016-09-09"),    # Levantine month, weekday in front
    ("9 تشرين الأول 2018", "2018-10-09"),     # two-word month
    ("9 تشرين الثاني 2018", "2018-11-09"),
    ("1 كانون الثاني 2018", "2018-01-01"),
    ("الخميس، 3 مايو، 2018", "2018-05-03"),  # Arabic commas
    ("3 ماي 2018", "2018-05-03"),             # Maghreb name; not the start of مايو
    ("14 جويلية 2018", "2018-07-14"),
    ("5 إبريل 2018", "2018-04-05"), ("5 ابريل 2018", "2018-04-05"),
    ("نشر في: 9 سبتمبر 2016 - 10:30 م", "2016-09-09T22:30"),  # م = evening
    ("9 September 2016", "2016-09-09"),
    ("September 9, 2016", "2016-09-09"),
    ("Sep 9, 2016 3:04 pm", "2016-09-09T15:04"),
    ("09/09/2016 18:05:07", "2016-09-09T18:05:07"),
])
def test_common_forms_are_read(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", [
    "yesterday", "", "   ", "منذ ساعتين", "31/02/2018", "13/13/2018", "1/2/18", "2018",
    "9 mayo 2018",
])
def test_other_text_is_not_a_date(text):
    assert parse_date(text) is None


def test_undated_rows_are_kept_with_one_warning(tmp_path):
    path = tmp_path / "news.csv"
    path.write_text("text,date\n"
                    "قال لافروف,09/09/2016\n"
                    "قالت واشنطن,منذ ساعتين\n"
                    "أكد كيري,9 أيلول 2016\n"
                    "نفى المتحدث,أمس\n", encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        df = read_articles(path)
    assert df["published"].tolist() == ["2016-09-09", "", "2016-09-09", ""]
    assert len(df) == 4
    messages = [str(w.message) for w in caught if issubclass(w.category, CorpusReadWarning)]
    assert len(messages) == 1 and messages[0].startswith("2 article(s) have a date in no known form")
    assert [u["article_id"] for u in df.attrs["undated"]] == ["news-2", "news-4"]


# -- xlsx ---------------------------------------------------------------------------------
def _workbook(path, rows):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    for cells in sheet.iter_rows():
        for cell in cells:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # a text cell, even when it starts with '='
    book.save(path)
    return path


def test_xlsx_is_read_with_types_and_arabic_headers(tmp_path):
    path = _workbook(tmp_path / "articles.xlsx", [
        ["المعرف", "العنوان", "النص", "التاريخ", "الوسيلة"],
        [101, "لافروف: لن نقبل", "قال لافروف إن موسكو لن تقبل", dt.datetime(2018, 4, 14, 9, 30), "صحيفة أ"],
        [None, None, None, None, None],  # a blank row is no article
        ["x2", "=عنوان", "نفت واشنطن ذلك", "15/04/2018", "صحيفة ب"],
    ])
    df = read_articles(path)
    assert df["article_id"].tolist() == ["101", "x2"]
    assert df["title"].tolist() == ["لافروف: لن نقبل", "=عنوان"]   # text stays text
    assert df["published"].tolist() == ["2018-04-14T09:30:00", "2018-04-15"]
    assert df["outlet"].tolist() == ["صحيفة أ", "صحيفة ب"]


def test_xlsx_column_mapping_and_errors(tmp_path):
    path = _workbook(tmp_path / "a.xlsx", [["headline", "story"], ["عنوان", "قال لافروف"]])
    df = read_articles(path, columns={"title": "headline", "body": "story"})
    assert (df.loc[0, "title"], df.loc[0, "body"]) == ("عنوان", "قال لافروف")
    with pytest.raises(CorpusReadError, match="names a column that is not in the file"):
        read_articles(path, columns={"body": "text"})
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"not a zip")
    with pytest.raises(CorpusReadError, match=r"bad\.xlsx: not a readable \.xlsx workbook"):
        read_articles(bad)
    twice = _workbook(tmp_path / "twice.xlsx", [["text", "text"], ["a", "b"]])
    with pytest.raises(CorpusReadError, match=r"repeated: \['text'\]"):
        read_articles(twice)
