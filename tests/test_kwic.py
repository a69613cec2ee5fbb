"""Keyword in context (analysis.views.kwic): whole words with clitics, exact offsets, escaped HTML.

Real sentences: the example article (data/raw) and sentences of the ANT corpus, each named
by its article id. Constructed text is labelled as such.
"""

from __future__ import annotations

import html
import re

import pandas as pd
import pytest
from chromium import dump_dom, write_page

from analysis.corpus import paths
from analysis.corpus.io import read_articles
from analysis.text.clitics import VERB_PREFIXES
from analysis.views.kwic import COLUMNS, KwicTable, kwic, term_pattern

# ANT corpus v2.1 sentences (article id: text as printed, leading space included).
ANT = {
    "AL-economy-604-20180517": "وأطلع زعماء بريطانيا وفرنسا وألمانيا نظراءهم بشأن المسألة.",
    "AL-internationalNews-1099-20180510": (
        " وزعم الموقعون على الرسالة، ومن بينهم الرئيس السابق #نيكولا_ساركوزي، أن هذه الآيات "
        "\"تنشر أفكارا عنيفة ومعادية للسامية\"."),
    "AL-economy-1047-20180718": (
        "وأوضح في مقال نشر على الموقع الرسمي للصندوق بعنوان \"مصر تتقدم: أهم التحديات والفرص\"، "
        "أنه على مدار الخمس سنوات القادمة، يتوقع انضمام 3."),
    "AL-culture-272-20180503": (
        "أما الفنان السوري أسامة القس فقال إنه شارك في العمل لأنه يطرح فكرة درامية جديدة ويسلّط "
        "الضوء على المناطق المضطربة والمتضررة من الفيضانات والمجاعات لحشد التعاطف العربي مع سكان "
        "تلك المناطق."),
    "AL-internationalNews-410-20180309": (
        " ونفى الكرملين أي ضلوع له في الحادث، وقال إن هوس معاداة روسيا يجتاح الإعلام البريطاني."),
    "CN-middleEast-536-20180409": " ولافروف: لا أدلة على استخدام مواد كيماوية بدوما",
    "AL-internationalNews-1807-20180629": "احتجاز رجل في مطار بموسكو بعد تهديد بوجود قنبلة",
    "AL-culture-486-20180611": (
        "وهاجم مستشارو ترمب رئيس الوزراء الكندي أيضا، وقالوا إنه وجه للولايات المتحدة طعنة في "
        "الظهر."),
    "AL-economy-584-20180515": (
        "قال مسؤول كبير إن زعماء #الاتحاد_الأوروبي سيناقشون غداً الأربعاء حماية الشركات الأوروبية "
        "التي لها أنشطة مع #إيران من العقوبات الأميركية، في وقت يعكف الاتحاد على الحد من الأضرار "
        "عقب انسحاب واشطن من الاتفاق النووي المبرم مع طهران."),
}


def _articles(article_id: str, text: str) -> pd.DataFrame:
    return pd.DataFrame({"article_id": [article_id], "title": [""], "body": [text]})


@pytest.mark.parametrize(
    ("article_id", "term", "keywords"),
    [
        ("AL-economy-604-20180517", "زعم", []),  # زعماء (leaders) is another word
        ("AL-economy-584-20180515", "زعم", []),
        ("AL-internationalNews-1099-20180510", "زعم", ["وزعم"]),
        ("AL-economy-1047-20180718", "قال", []),  # مقال (an article) holds قال
        ("AL-culture-272-20180503", "قال", ["فقال"]),
        ("AL-internationalNews-410-20180309", "قال", ["وقال"]),
        ("AL-economy-584-20180515", "قال", ["قال"]),
        ("AL-culture-486-20180611", "قال", []),  # وقالوا is an inflected form, not a clitic
        ("CN-middleEast-536-20180409", "لافروف", ["ولافروف"]),
        ("AL-internationalNews-1807-20180629", "موسكو", ["بموسكو"]),
        ("AL-culture-486-20180611", "الولايات المتحدة", ["للولايات المتحدة"]),  # ل + ال → لل
        ("AL-economy-584-20180515", "الاتحاد", ["الاتحاد", "الاتحاد"]),  # one in a hashtag
        ("AL-economy-584-20180515", "العقوبات", ["العقوبات"]),
        ("AL-economy-584-20180515", "الامريكيه", []),  # الأميركية is spelt with ي
        ("AL-economy-584-20180515", "الأميركية", ["الأميركية"]),
        ("AL-economy-1047-20180718", "مصر", ["مصر"]),
    ],
)
def test_whole_words_with_clitics(article_id, term, keywords):
    text = ANT[article_id]
    data = kwic(_articles(article_id, text), term, width=10).data
    assert data["keyword"].tolist() == keywords
    for row in data.itertuples():
        assert text[row.start:row.end] == row.keyword
        assert text[max(0, row.start - 10):row.start] == row.before
        assert text[row.end:row.end + 10] == row.after


@pytest.mark.parametrize(
    ("text", "term", "keywords"),
    [
        ("اتهمها لافروف وحكومتنا", "اتهم", ["اتهمها"]),  # constructed: pronoun suffix
        ("اتهمها لافروف وحكومتنا", "حكومه", ["وحكومتنا"]),  # constructed
        ("وقال بقال", "قال", ["وقال", "بقال"]),  # constructed: بقال (grocer) reads ب + قال
    ],
)
def test_pronoun_suffixes_and_prefixes(text, term, keywords):
    assert kwic(_articles("c", text), term).data["keyword"].tolist() == keywords


def test_prefix_and_suffix_sets_can_be_narrowed():
    text = "وقال بقال"  # constructed
    assert kwic(_articles("c", text), "قال", prefixes=VERB_PREFIXES).data["keyword"].tolist() == [
        "وقال"]
    egypt = ANT["AL-economy-1047-20180718"] + " وقال مصري"  # constructed ending: a nisba
    assert kwic(_articles("c", egypt), "مصر").data["keyword"].tolist() == ["مصر", "مصري"]
    assert kwic(_articles("c", egypt), "مصر", suffixes=()).data["keyword"].tolist() == ["مصر"]


def test_offsets_map_back_through_the_normaliser():
    articles = read_articles(paths.EXAMPLE_ARTICLE)
    row = articles.iloc[0]
    data = kwic(articles, "لمح", width=6).data
    assert data[["part", "keyword"]].values.tolist() == [["title", "لمح"], ["body", "لمّح"]]
    for found in data.itertuples():
        text = row["title"] if found.part == "title" else row["body"]
        assert text[found.start:found.end] == found.keyword
    body = data[data["part"] == "body"].iloc[0]
    assert body["end"] - body["start"] == 4  # the shadda belongs to the word


def test_phrase_and_whitespace():
    text = "قال وزير\nالخارجية الروسي"  # constructed: a line break inside the phrase
    data = kwic(_articles("c", text), "وزير الخارجية", width=4).data
    assert data[["start", "end", "keyword", "before", "after"]].values.tolist() == [
        [4, 17, "وزير\nالخارجية", "قال ", " الر"]]


def test_no_match_says_so():
    articles = _articles("AL-economy-604-20180517", ANT["AL-economy-604-20180517"])
    table = kwic(articles, "زعم")
    assert isinstance(table, KwicTable) and table.data.empty
    assert list(table.data.columns) == list(COLUMNS)
    message = "no match for 'زعم' in 1 article (title and body; whole words with their clitics)"
    assert repr(table) == message
    assert table._repr_html_() == f'<p class="framing-kwic-empty">{html.escape(message)}</p>'


def test_matches_are_counted_in_the_repr():
    articles = _articles("AL-economy-584-20180515", ANT["AL-economy-584-20180515"])
    assert repr(kwic(articles, "الاتحاد", width=3)).splitlines()[0] == (
        "2 matches for 'الاتحاد' in 1 article")


def test_bad_terms_are_refused():
    with pytest.raises(ValueError, match="non-empty search term"):
        kwic(_articles("c", "قال"), "  ")
    with pytest.raises(ValueError, match="width must be >= 0"):
        kwic(_articles("c", "قال"), "قال", width=-1)


def test_term_pattern_boundaries():
    pattern = term_pattern("قال")
    assert [bool(pattern.search(w)) for w in ("وقال", "فقال", "مقال", "قالت", "قالها")] == [
        True, True, False, False, True]
    assert term_pattern(":").findall("لافروف: نعم") == [":"]  # punctuation needs no boundary


HOSTILE_ID = 'x"><script>window.kwicPwned=3</script>'  # constructed
HOSTILE_BODY = ('قال لافروف <img src=x onerror="window.kwicPwned=1;document.title=\'pwned\'"> '
                'إن <script>window.kwicPwned=2;document.title="pwned"</script> الهدنة صامدة')  # constructed


def _hostile_table() -> KwicTable:
    articles = pd.DataFrame({"article_id": [HOSTILE_ID], "title": ["لافروف <b>يحذر</b>"],
                             "body": [HOSTILE_BODY]})
    return kwic(articles, "لافروف", width=160)


def test_every_cell_is_escaped():
    page = _hostile_table().to_html()
    assert page.startswith('<table class="framing-kwic" dir="rtl" lang="ar">')
    assert "<script" not in page and "<img" not in page and "<b>" not in page
    assert "&lt;img src=x onerror=&quot;window.kwicPwned=1" in page
    assert "&lt;script&gt;window.kwicPwned=2" in page
    assert "x&quot;&gt;&lt;script&gt;window.kwicPwned=3" in page


@pytest.mark.browser
def test_chromium_runs_no_script_from_article_text(tmp_path):
    table = _hostile_table()
    page = write_page(
        tmp_path / "kwic.html", "kwic",
        table._repr_html_()
        + "<script>window.addEventListener('load', () => {"
          "document.body.setAttribute('data-pwned', String(window.kwicPwned));"
          "const t = document.querySelector('.framing-kwic');"
          "document.body.setAttribute('data-dir', getComputedStyle(t).direction);"
          "document.body.setAttribute('data-cells', t.querySelectorAll('tbody td.after').length);"
          "});</script>")
    dom = dump_dom(page, tmp_path / "profile")
    assert 'data-pwned="undefined"' in dom  # no payload ran
    assert "<title>kwic</title>" in dom
    assert 'data-dir="rtl"' in dom and 'data-cells="2"' in dom
    assert not re.search(r"<(img|b)\b", dom)
    assert dom.count("<script") == 1  # only the page's own
    # the payloads are displayed as text
    assert "&lt;img src=x onerror=\"window.kwicPwned=1;document.title='pwned'\"&gt;" in dom
    assert '&lt;script&gt;window.kwicPwned=2;document.title="pwned"&lt;/script&gt;' in dom
    assert "&lt;b&gt;يحذر&lt;/b&gt;" in dom
