"""The right-to-left evidence view (analysis.views.evidence).

Real data: the example article with its hand-coded gold attributions and stance units.
Constructed rows are labelled as such.
"""

from __future__ import annotations

import html
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest
from chromium import dump_dom, screenshot, write_page

from analysis.validation.gold import load_gold, read_gold_articles
from analysis.views.evidence import blank_runs, show_article

EXAMPLE_ID = "2016-09-09-lavrov-kerry-geneva"


@pytest.fixture(scope="module")
def example():
    gold = load_gold(article_ids=[EXAMPLE_ID])
    articles = read_gold_articles(gold)
    attributions = gold.attributions.assign(source_actor_id=gold.attributions["source_actor"])
    return {"articles": articles, "attributions": attributions, "stance": gold.stance}


class _Result:
    """Stands in for the pipeline's Result: tables as attributes."""

    def __init__(self, **tables):
        self.__dict__.update(tables)


def _spans(page: str, css_class: str) -> list[str]:
    return re.findall(rf'<span class="[^"]*\b{css_class}\b[^"]*"', page)


def test_example_view_is_rtl_and_highlights_every_attribution(example):
    view = show_article(_Result(**example), EXAMPLE_ID)
    page = view._repr_html_()
    assert page.startswith('<div class="framing-article" dir="rtl" lang="ar"')
    n = len(example["attributions"])
    assert n == 13
    assert sum(s.kind == "cue" for s in view.spans) == n
    assert sum(s.kind == "stance" for s in view.spans) == len(example["stance"])
    body = example["articles"].iloc[0]["body"]
    first = example["attributions"].iloc[0]
    text = (example["articles"].iloc[0]["title"] if first["part"] == "title" else body)
    cue = text[first["cue_start"]:first["cue_end"]]
    assert f'category: {first["cue_category"]}' in page
    assert html.escape(cue) in page


def test_visible_text_is_the_article_unchanged(example):
    page = show_article(example["articles"], EXAMPLE_ID, attributions=example["attributions"],
                        stance=example["stance"]).html
    visible = html.unescape(re.sub(r"<[^>]+>", "", _body_html(page)))
    body = example["articles"].iloc[0]["body"]
    # only whitespace differs (blank lines are tidied for display), never a letter
    assert re.sub(r"\s+", "", visible) == re.sub(r"\s+", "", body)
    assert visible.split() == body.split()


def test_overlapping_spans_are_split_and_nested():
    articles = pd.DataFrame({"article_id": ["c"], "title": [""],
                             "body": ["قال لافروف إن واشنطن تأخرت"]})  # constructed
    attributions = pd.DataFrame({
        "article_id": ["c"], "part": ["body"], "source_side": ["russia"],
        "source_actor_id": ["lavrov"], "source_type": ["person"], "source_start": [4],
        "source_end": [10], "cue_start": [0], "cue_end": [3], "cue_category": ["neutral"],
        "mode": ["indirect"], "content_start": [14], "content_end": [26], "content_words": [2]})
    stance = pd.DataFrame({"article_id": ["c"], "part": ["body"], "holder": ["lavrov"],
                           "holder_side": ["russia"], "target_side": ["us"], "kind": ["blame"],
                           "polarity": ["negative"], "evidence_start": [8], "evidence_end": [20]})
    page = show_article(articles, "c", attributions=attributions, stance=stance).html
    # the stance evidence crosses the speaker and the content: split into three pieces
    assert len(_spans(page, "stance")) == 3
    assert re.search(r'class="content side-russia mode-indirect"[^>]*><span class="stance', page)
    assert page.count("<span") == page.count("</span>")


def test_bad_offsets_are_reported_not_raised():
    articles = pd.DataFrame({"article_id": ["c"], "title": ["t"], "body": ["short"]})  # constructed
    mentions = pd.DataFrame({"article_id": ["c", "c", "c"], "part": ["body", "body", "title"],
                             "start": [2, 0, 0], "end": [99, 5, None], "side": ["us"] * 3})
    with pytest.warns(UserWarning, match="2 row.* of article 'c' are not highlighted"):
        view = show_article(articles, "c", mentions=mentions)
    assert view.problems == [
        "mentions row 0 (article 'c'): start/end = 2/99 lie outside the body string of length 5 "
        "(part = 'body'); the table was built from different text. Rebuild it from this article.",
        "mentions row 2 (article 'c') has no start/end",
    ]
    assert [(s.part, s.start, s.end) for s in view.spans] == [("body", 0, 5)]
    assert "2 row(s) not highlighted" in view.html and "2/99 lie outside" in view.html
    with pytest.raises(KeyError, match="'zz' is not in the articles table"):
        show_article(articles, "zz")


# The example of issue 12: the speaker is named in the title, the act is reported in the
# body (part = lead); source_start/end index the title. Constructed.
SOURCE_IN_TITLE = pd.DataFrame({
    "article_id": ["t"], "part": ["lead"], "source_part": ["title"], "source_side": ["russia"],
    "source_actor_id": ["lavrov"], "source_type": ["person"], "source_start": [4],
    "source_end": [10], "cue": ["أكد"], "cue_start": [1], "cue_end": [4],
    "cue_category": ["assertive"], "mode": ["indirect"], "content_start": [8],
    "content_end": [24], "content_words": [3]})
TITLE_AND_BODY = pd.DataFrame({"article_id": ["t"], "title": ["قال لافروف إن موسكو سترد"],
                               "body": ["وأكد أن الرد سيكون حازما."]})


def test_source_span_indexes_the_string_source_part_names():
    view = show_article(TITLE_AND_BODY, "t", attributions=SOURCE_IN_TITLE)
    where = {s.kind: (s.part, s.start, s.end) for s in view.spans}
    assert where == {"speaker": ("title", 4, 10), "cue": ("body", 1, 4),
                     "content": ("body", 8, 24)}
    parser = _SpanText()
    parser.feed(view.html)
    assert parser.text[("speaker side-russia", 4, 10)] == "لافروف"
    assert parser.text[("cue side-russia cat-assertive", 1, 4)] == "أكد"
    assert view.problems == []


def test_without_source_part_the_source_indexes_part():
    # Tables written before source_part existed: the source shares the cue's string.
    view = show_article(TITLE_AND_BODY, "t",
                        attributions=SOURCE_IN_TITLE.drop(columns="source_part"))
    assert [(s.part, s.start, s.end) for s in view.spans if s.kind == "speaker"] == [
        ("body", 4, 10)]
    missing = SOURCE_IN_TITLE.assign(source_part=[None])
    speaker = [s for s in show_article(TITLE_AND_BODY, "t", attributions=missing).spans
               if s.kind == "speaker"]
    assert [(s.part, s.start, s.end) for s in speaker] == [("body", 4, 10)]


def test_source_offsets_outside_their_string_are_reported():
    long_source = SOURCE_IN_TITLE.assign(source_start=[30], source_end=[36])  # constructed
    with pytest.warns(UserWarning, match="not highlighted"):
        view = show_article(TITLE_AND_BODY, "t", attributions=long_source)
    assert view.problems == [
        "attributions row 0 (article 't'): source_start/source_end = 30/36 lie outside the "
        "title string of length 24 (source_part = 'title'); the table was built from different "
        "text. Rebuild it from this article."]
    assert sorted(s.kind for s in view.spans) == ["content", "cue"]


HOSTILE_TITLE = 'عنوان <script>document.title="pwned"</script>'  # constructed
HOSTILE_BODY = ('قال لافروف <img src=x onerror="document.body.setAttribute(\'data-pwned\',1)"> '
                'إن "الهدنة" صامدة')  # constructed


def _hostile_view():
    articles = pd.DataFrame({"article_id": ["x"], "title": [HOSTILE_TITLE],
                             "body": [HOSTILE_BODY]})
    mentions = pd.DataFrame({"article_id": ["x"], "part": ["body"], "start": [4], "end": [10],
                             "actor_id": ['lavrov"><script>'], "side": ["russia"],
                             "via": ["name"]})
    return show_article(articles, "x", mentions=mentions)


def test_article_text_is_escaped():
    page = _hostile_view().html
    assert "<script" not in page and "<img" not in page
    assert "&lt;script&gt;" in page and "&lt;img src=x onerror=" in page
    assert 'title="mention: lavrov&quot;&gt;&lt;script&gt;' in page


@pytest.mark.browser
def test_chromium_renders_rtl_and_runs_no_script(tmp_path, example):
    view = show_article(_Result(**example), EXAMPLE_ID)
    hostile = _hostile_view()
    page = write_page(
        tmp_path / "view.html", "evidence",
        f"{hostile.html}{view.html}"
        "<script>document.body.setAttribute('data-dir',"
        "getComputedStyle(document.querySelector('.framing-article')).direction)</script>")
    dom = dump_dom(page, tmp_path / "profile")
    shot = screenshot(page, tmp_path / "profile", tmp_path / "view.png")
    assert 'data-dir="rtl"' in dom  # the browser computed a right-to-left direction
    assert "<title>evidence</title>" in dom and "pwned" not in dom.split("<body", 1)[0]
    assert "data-pwned" not in dom.split(">", 3)[2] and 'data-pwned="1"' not in dom
    assert len(re.findall(r'class="cue side-', dom)) >= 13
    assert 'title="cue: ' in dom
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000
    shutil.copy(shot, Path("/tmp") / "framing-evidence-view.png")


class _SpanText(HTMLParser):
    """Collects, per highlighted span (class, data-start, data-end), the text shown in it."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, int, int] | None] = []
        self.text: dict[tuple[str, int, int], str] = {}

    def handle_starttag(self, tag, attrs):
        if tag != "span":
            return
        attrs = dict(attrs)
        key = ((attrs["class"], int(attrs["data-start"]), int(attrs["data-end"]))
               if "data-start" in attrs else None)
        self.stack.append(key)

    def handle_endtag(self, tag):
        if tag == "span":
            self.stack.pop()

    def handle_data(self, data):
        for key in set(self.stack):  # a speaker of two attributions is wrapped twice
            if key is not None:
                self.text[key] = self.text.get(key, "") + data


def _body_html(page: str) -> str:
    return page.split('<div class="body"', 1)[1].split(">", 1)[1]


def test_leading_blank_lines_of_the_example_are_not_shown(example):
    body = example["articles"].iloc[0]["body"]
    assert body.startswith("\n\xa0\n\n")  # the gap the view used to show
    page = show_article(_Result(**example), EXAMPLE_ID).html
    visible = html.unescape(re.sub(r"<[^>]+>", "", _body_html(page)))
    assert visible.startswith("لمّح وزير الخارجية الروسي")
    # one blank line between paragraphs, no whitespace around them
    assert visible.split("\n\n") == [p.strip() for p in body.strip().split("\n\n")]
    assert visible.count("\n\n") == body.count("\n\n") - 1 == 11


def test_highlighted_spans_keep_their_offsets(example):
    view = show_article(_Result(**example), EXAMPLE_ID)
    body = example["articles"].iloc[0]["body"]
    title = example["articles"].iloc[0]["title"]
    parser = _SpanText()
    parser.feed(view.html)
    assert len(parser.text) == len({(s.classes, s.start, s.end) for s in view.spans}) > 20
    for span in view.spans:
        text = title if span.part == "title" else body
        assert parser.text[(span.classes, span.start, span.end)] == text[span.start:span.end]


def test_blank_runs_inside_a_span_show_as_one_break():
    body = "\n\n \nقال لافروف\n\xa0\n\n\nإن واشنطن\n \n"  # constructed
    articles = pd.DataFrame({"article_id": ["b"], "title": [""], "body": [body]})
    start = body.index("لافروف")
    end = body.index("واشنطن") + len("واشنطن")
    mentions = pd.DataFrame({"article_id": ["b"], "part": ["body"], "start": [start],
                             "end": [end], "actor_id": ["x"], "side": ["russia"], "via": ["name"]})
    assert blank_runs(body) == [(0, 4, ""), (14, 19, "\n\n"), (28, 31, "")]
    view = show_article(articles, "b", mentions=mentions)
    visible = html.unescape(re.sub(r"<[^>]+>", "", _body_html(view.html)))
    assert visible == "قال لافروف\n\nإن واشنطن"
    parser = _SpanText()
    parser.feed(view.html)
    assert parser.text == {("mention side-russia", 8, 28): "لافروف\n\nإن واشنطن"}
    assert view.spans[0].start == 8 and body[8:28] == "لافروف\n\xa0\n\n\nإن واشنطن"


def test_single_line_breaks_stay():
    assert blank_runs("قال\nإن") == []  # constructed
    assert blank_runs("") == [] and blank_runs(" \n ") == [(0, 3, "")]


def test_units_of_the_learned_stance_pass_are_labelled():
    articles = pd.DataFrame({"article_id": ["c"], "title": [""],
                             "body": ["اتهمت موسكو واشنطن. ورحبت باريس ببرلين."]})  # constructed
    stance = pd.DataFrame({"article_id": ["c", "c"], "part": ["body", "body"], "holder": ["russia", "france"],
                           "holder_side": ["russia", "france"], "target_side": ["us", "eu"],
                           "kind": ["blame", "praise"], "polarity": ["negative", "positive"],
                           "evidence_start": [0, 20], "evidence_end": [5, 38], "cue": ["اتهمت", ""]})
    spans = [s for s in show_article(articles, "c", stance=stance).spans if s.kind == "stance"]
    labels = {s.start: s.title for s in spans}
    assert "learned pass" not in labels[0]  # a rule unit with its cue word
    assert labels[20].endswith("· learned pass (no cue word)")
