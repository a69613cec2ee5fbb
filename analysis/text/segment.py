"""Split an article into its title, sub-headings, lead and body sentences.

Offsets always index the original strings: the title string for part ``title``, the body
string for ``heading``, ``lead`` and ``body`` (CODEBOOK §5 and DESIGN.md).

Rules
-----
* The body is read line by line; a line break always ends a sentence.
* A **sub-heading** is a short line (at most :data:`HEADING_MAX_WORDS` words, one
  sentence) that does not end in final punctuation (``. ! ? ؟ ؛ …`` or a colon); trailing spaces do not count.
* The **lead** is the first paragraph of the body that is not a sub-heading.
* A block of **site teasers** at the end of the body (:func:`teaser_start`) is boilerplate:
  it gives no sentences, so no stage codes it (CODEBOOK §2); so is a line that links to
  another story ("للمزيد: …", "اقرأ أيضا: …", "شاهد.. …").
* Inside a paragraph, a sentence ends at ``. ! ? ؟ ؛ …`` (with any closing quotes or
  brackets that follow) when the next character is a space, the end of the line or an
  Arabic letter; never inside quotation marks, never at a decimal or date point
  (``2.5``, ``9.9.2016``) and never after a single Latin capital (``U.S.``). A colon never
  ends a sentence, so "قال لافروف:" stays with the quotation that follows.

Examples
--------
>>> sents = split_article("عنوان الخبر", "\\nقال لافروف: \\"لن نقبل. أبدا\\". وأضاف أنه متفائل.")
>>> [(s.part, s.text) for s in sents]
[('title', 'عنوان الخبر'), ('lead', 'قال لافروف: "لن نقبل. أبدا".'), ('lead', 'وأضاف أنه متفائل.')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import partial
from typing import NamedTuple

from analysis.text.normalize import NormalizedText, acronym_dot, normalize_with_map

__all__ = ["Sentence", "Doc", "split_article", "split_paragraph", "make_doc", "teaser_start", "link_block_lines",
           "HEADING_MAX_WORDS", "TEASER_MIN_CHARS", "TEASER_NEXT_MIN_CHARS"]

HEADING_MAX_WORDS = 20
#: A paragraph at least this long that ends in a letter (no final punctuation: cut off
#: mid-sentence) starts a block of site teasers when the paragraphs after it look like
#: teasers too (TEASER_NEXT_MIN_CHARS, no continuation word); CODEBOOK §2 boilerplate.
TEASER_MIN_CHARS = 150
#: Every paragraph after the cut one is a teaser of its own story: at least this long.
TEASER_NEXT_MIN_CHARS = 60
#: A closing run of at least this many one-sentence leads of other stories is teasers too.
TEASER_RUN_MIN = 3
#: Each lead of such a run is at least this long.
TEASER_LEAD_MIN_CHARS = 60
#: ... and has at most this many full stops before its last (a lead is one or two sentences).
TEASER_LEAD_MAX_STOPS = 1
#: The dateline of CNN Arabic, whose bodies end with leads of other stories.
_CNN_DATELINE_RE = re.compile(r"\(\s*CNN\s*\)")
#: Openers that tie a paragraph to the story before it (من جانبه، بدوره، إلى ذلك …): never a lead.
_CONNECTOR_RE = re.compile(
    r"(?:من جانب|بدور|إلى ذلك|الى ذلك|في المقابل|بالمقابل|في غضون|في سياق|في الأثناء|في هذا|على صعيد|"
    r"من ناحية|من جهت|كذلك|أيضا|علاوة|فضلا|غير أن|إلا أن|بيد أن|يشار|تجدر|مع ذلك|رغم ذلك|لاحقا|"
    r"في وقت|وسط|يأتي ذلك|جاء ذلك|وذلك|هذا و|إلى جانب|بالإضافة|في الوقت)")
# A paragraph that continues the story (و، ف، كما، يذكر، لكن، إلا، ثم) or a separator line.
_CONTINUATION_RE = re.compile(r"(?:و|ف|كما|يذكر|يُذكر|لكن|إلا|ثم|[-ـ_=*])")
# The same for a closing run of leads, where a lead may open with في (في أحدث تطورات …).
_LEAD_CONTINUATION_RE = re.compile(r"(?:و|ف(?!ي\s)|كما|يذكر|يُذكر|لكن|إلا|ثم|[-ـ_=*])")
TERMINATORS = frozenset(".!?؟؛…")
FINAL_PUNCT = TERMINATORS | {":", "\u061b"}
CLOSERS = frozenset("\"'»”’)]}›")
OPEN_TO_CLOSE = {"«": "»", "“": "”", "„": "”", "‹": "›"}
_CANDIDATE_RE = re.compile(r"[.!?؟؛…]")
_LINE_RE = re.compile(r"[^\n]+")
#: A line that links to another story of the site ("للمزيد: …", "اقرأ أيضا: …", "شاهد.. …",
#: CNN Arabic's "قد يهمك: …" / "قد يهمك| …"):
#: boilerplate, like the teasers (CODEBOOK §2). The bare verbs need a mark after them, so
#: that "شاهد آلاف الأشخاص …" and "للمزيد سألنا …" stay sentences.
_LINK_LINE_RE = re.compile(
    r"[ \t\u00a0]*(?:(?:[اإ]قرأ|شاهد|طالع)[ \u00a0]+(?:أيضا|ايضا|أيضاً|ايضاً|المزيد)[ \u00a0]*[:\-–|.…]*"
    r"|(?:للمزيد|[اإ]قرأ|شاهد|طالع)[ \u00a0]*[:\-–|.…]+"
    r"|قد يهمك(?:[ \u00a0]+(?:أيضا|أيضاً|ايضا))?[ \u00a0]*[:\-–|./…]+)"
)
_OPENER_RE = re.compile('[«“„‹"]')
#: Site furniture lines (CODEBOOK §2 boilerplate), as printed on ANT: Al Arabiya's reprint
#: credit and disclaimer under opinion columns ("*نقلاً عن الأهرام المصرية"، "** جميع
#: المقالات المنشورة تمثل رأي كتابها فقط."), BBC Arabic's app notice, CNN Arabic's
#: disclaimers ("والآراء الواردة أدناه تعبر عن رأي الكاتبة، ولا تعكس بالضرورة وجهة نظر
#: شبكة CNN"، "لا يمكنه التأكد بشكل مستقل من الأنباء").
_SITE_LINE_OPENERS = (
    r"\*+[ \u00a0]*(?:نقلا|نقلاً|نقلًا)[ \u00a0]+عن[ \u00a0]"
    r"|\*+[ \u00a0]*جميع المقالات المنشورة"
    r"|يمكنكم (?:استلام|تسلم|تسلّم) إشعارات"
)
#: The CNN disclaimers: a line that holds "CNN" within its first characters.
_SITE_LINE_CNN = (
    r"[^\n]{0,120}(?:لا تعكس بالضرورة (?:وجهة نظر|رأي) (?:شبكة )?CNN"
    r"|موقع CNN بالعربية لا يمكنه التأكد)"
)
_SITE_LINE_RE = re.compile(rf"[ \t\u00a0]*(?:{_SITE_LINE_OPENERS}|{_SITE_LINE_CNN})")
#: The same test for a body without "CNN", where the disclaimer branch cannot match (it
#: would otherwise try up to 120 starting points on every line of every article).
_SITE_LINE_NO_CNN_RE = re.compile(rf"[ \t\u00a0]*(?:{_SITE_LINE_OPENERS})")


class Sentence(NamedTuple):
    """One sentence or heading; ``start``/``end`` index the original title or body."""

    sent_id: int
    part: str
    start: int
    end: int
    text: str


#: ``Sentence(*fields)`` without the Python-level ``__new__`` of a named tuple (one per sentence).
_new_sentence = partial(tuple.__new__, Sentence)


@dataclass
class Doc:
    """Everything the extraction stages need about one article."""

    article_id: str
    title: str
    body: str
    norm_title: NormalizedText
    norm_body: NormalizedText
    sentences: list[Sentence]
    _norm_spans: tuple | None = field(default=None, init=False, repr=False, compare=False)

    def sentence_norm_spans(self) -> list[tuple[int, int]]:
        """``(start, end)`` of each sentence in the normalised text of its part.

        Computed once per article and shared by the stages (it maps every sentence
        boundary through :meth:`NormalizedText.to_normalized`); recomputed when
        :attr:`sentences` is replaced.

        Examples
        --------
        >>> make_doc("x", "", "قال بوتــين. ثم مضى").sentence_norm_spans()
        [(0, 10), (11, 17)]
        """
        cached = self._norm_spans
        if cached is not None and cached[0] is self.sentences:
            return cached[1]
        spans = []
        for sent in self.sentences:
            norm = self.norm_title if sent.part == "title" else self.norm_body
            spans.append((norm.to_normalized(sent.start), norm.to_normalized(sent.end)))
        self._norm_spans = (self.sentences, spans)
        return spans

    def source(self, part: str) -> str:
        """The original string that offsets of ``part`` index."""
        return self.title if part == "title" else self.body

    def normalized(self, part: str) -> NormalizedText:
        """The normalised form of the string that offsets of ``part`` index."""
        return self.norm_title if part == "title" else self.norm_body


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _quote_mask_ends(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans ``[a, b)`` of ``text[start:end]`` that lie inside quotation marks.

    Directional marks pair with their closer; ASCII double quotes toggle. An unclosed
    mark protects nothing (so a stray quote cannot swallow a paragraph).
    """
    spans = []
    pos = start
    while True:
        m = _OPENER_RE.search(text, pos, end)
        if m is None:
            return spans
        i = m.start()
        ch = text[i]
        closer = OPEN_TO_CLOSE.get(ch, '"')
        j = text.find(closer, i + 1, end)
        if closer == "”" and j < 0:  # „…“ (German style) and “…“ are both seen in the wild
            j = text.find("“", i + 1, end)
        if j < 0:
            pos = i + 1
            continue
        spans.append((i, j + 1))
        pos = j + 1


def _is_boundary(text: str, i: int, end: int) -> bool:
    """Whether the terminator at ``text[i]`` can end a sentence."""
    ch = text[i]
    nxt = text[i + 1] if i + 1 < end else ""
    prev = text[i - 1] if i > 0 else ""
    if ch == ".":
        if prev.isdigit() and nxt.isdigit():
            return False  # 2.5, 9.9.2016
        if prev.isascii() and prev.isupper() and (i < 2 or not text[i - 2].isalpha()):
            return False  # U.S.  A.
    if nxt == "" or nxt.isspace():
        return True
    if ch == "." and acronym_dot(text, i):
        return False  # إف.بي.آي، د.ب.أ: a letter follows the stop at once
    return "\u0600" <= nxt <= "\u06ff" and not nxt.isdigit()


def split_paragraph(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans (stripped of surrounding spaces) of ``text[start:end]``."""
    quoted = _quote_mask_ends(text, start, end)
    spans = []
    cur = start
    q = 0
    for m in _CANDIDATE_RE.finditer(text, start, end):
        i = m.start()
        while q < len(quoted) and quoted[q][1] <= i:
            q += 1
        if q < len(quoted) and quoted[q][0] < i < quoted[q][1]:
            continue  # inside a quotation
        if i + 1 < end and text[i + 1] in TERMINATORS:
            continue  # the last of a run (.. ... ?!) decides
        if not _is_boundary(text, i, end):
            continue
        j = i + 1
        while j < end and text[j] in CLOSERS:
            j += 1
        s, e = _strip_span(text, cur, j)
        if e > s:
            spans.append((s, e))
        cur = j
    s, e = _strip_span(text, cur, end)
    if e > s:
        spans.append((s, e))
    return spans


def _is_heading(text: str, start: int, end: int) -> bool:
    line = text[start:end].rstrip()
    if not line or line[-1] in FINAL_PUNCT:
        return False
    return len(line.split()) <= HEADING_MAX_WORDS


def teaser_start(body: str) -> int:
    """Offset in ``body`` where a block of site teasers starts, else ``len(body)``.

    CNN Arabic bodies end with teaser paragraphs of unrelated stories, the first cut off
    mid-word ("… أخذوا رهائ"): a paragraph after the first one, of at least
    :data:`TEASER_MIN_CHARS` characters, that ends in a letter starts the block when at
    least one paragraph follows and every following paragraph has at least
    :data:`TEASER_NEXT_MIN_CHARS` characters and does not continue the story (و، كما،
    يذكر … or a separator line). Boilerplate is not coded (CODEBOOK §2).

    Examples
    --------
    >>> body = "خبر أول.\\n" + "أ" * 160 + "\\nأعلن الوزير أن " + "ب" * 60 + "."
    >>> teaser_start(body) == body.index("أأ")
    True
    >>> teaser_start("خبر أول.\\n" + "أ" * 160 + "\\nوقال الوزير " + "ب" * 60 + ".") > 100
    True
    """
    lines = [m.span() for m in _LINE_RE.finditer(body) if not m.group().isspace()]
    for k in range(1, len(lines) - 1):
        a, b = _strip_span(body, *lines[k])
        if b - a < TEASER_MIN_CHARS or not body[b - 1].isalpha():
            continue
        rest = [_strip_span(body, *span) for span in lines[k + 1:]]
        if all(e - s >= TEASER_NEXT_MIN_CHARS and not _CONTINUATION_RE.match(body, s)
               for s, e in rest):
            return a
        break
    return _lead_run_start(body, lines)


def _lead_run_start(body: str, lines: list[tuple[int, int]]) -> int:
    """Start of a closing run of other stories' leads, else ``len(body)``.

    CNN Arabic also appends whole lead sentences of other stories, uncut ("قال الرئيس
    التركي …، اليوم السبت، إن …."): at least :data:`TEASER_RUN_MIN` closing paragraphs,
    each one or two sentences of at least :data:`TEASER_LEAD_MIN_CHARS` characters that
    ends with a full stop (or is cut off mid-word, like the first teaser of the block
    above) and opens with neither a continuation word (و، ف، كما …) nor a connector
    (من جانبه، بدوره …), after a first paragraph that is not part of the run. Only in bodies whose first paragraph carries
    the site's dateline "(CNN)": elsewhere such runs are the story's own paragraphs (on
    ANT 155 bodies of the other four outlets end so, against 652 of CNN Arabic's 3,499;
    632 of these carry the dateline).
    """
    if not lines or not _CNN_DATELINE_RE.search(body, *lines[0]):
        return len(body)
    run = len(lines)
    for k in range(len(lines) - 1, 0, -1):
        s, e = _strip_span(body, *lines[k])
        text = body[s:e].rstrip("".join(CLOSERS))
        ends = bool(text) and (text[-1] in TERMINATORS or (text[-1].isalpha() and e - s >= TEASER_MIN_CHARS))
        if (e - s < TEASER_LEAD_MIN_CHARS or not ends or _LEAD_CONTINUATION_RE.match(text)
                or _CONNECTOR_RE.match(text) or _OPENER_RE.match(text)
                or sum(text.count(c) for c in ".!?؟") - (text[-1] in ".!?؟") > TEASER_LEAD_MAX_STOPS):
            break
        run = k
    if len(lines) - run >= TEASER_RUN_MIN:
        return _strip_span(body, *lines[run])[0]
    return len(body)


#: Most words of a question line that may stand in a block of links (من هو روبرت مولر؟).
LINK_QUESTION_MAX_WORDS = 14
#: Fewest words of a line in such a block: a story's title, not a label or a list item.
LINK_MIN_WORDS = 4
#: A block of links has this many lines at least and at most; longer runs of such lines
#: are the story's own lists (days in history, a decree's appointments, live updates).
LINK_RUN_MIN = 2
LINK_RUN_MAX = 4
#: Words that open a label line with a colon (تأليف: د. علي عفيفي علي غازي، الناشر: …): no link.
#: A link may open with a name and a colon itself (روسيا: بريطانيا "تلعب بالنار" …).
_LABEL_WORDS = frozenset(("تأليف", "الناشر", "ترجمة", "إعداد", "اعداد", "تصوير", "المصدر", "الكاتب", "المؤلف",
                          "الموقع", "التاريخ", "المكان", "النتيجة", "الهدف", "الأهداف", "الحكم"))
#: A question of at most this many words that ends a run before a fresh paragraph is the
#: paragraph's sub-heading (ماذا قال ولي العهد السعودي؟), not a link.
SUBHEADING_QUESTION_WORDS = 7
#: Words a sub-heading shares with the paragraph it introduces, at least.
SUBHEADING_SHARED_WORDS = 3
_ARABIC_WORD_RE = re.compile(r"[\u0621-\u064a]+")
_ARABIC_LETTER_RE = re.compile(r"[\u0621-\u064a]")


def _headline_like(body: str, a: int, b: int) -> tuple[bool, bool]:
    """Whether the stripped line ``body[a:b]`` may be a link to another story, and whether
    it is heading-shaped: a heading (no final punctuation, at most
    :data:`HEADING_MAX_WORDS` words) or a short question, that does not continue the story
    (و، ف، كما …) nor open with a quotation mark or a separator."""
    if a == b:
        return False, False
    z = b
    while z > a and body[z - 1] in CLOSERS:
        z -= 1
    if z == a or (body[z - 1] in FINAL_PUNCT and body[z - 1] != "؟"):
        return False, False  # a sentence of the story (most lines): no need to read on
    words = body[a:b].split()
    if (_CONTINUATION_RE.match(body, a) or _OPENER_RE.match(body, a)
            or not body[a].isalpha() or not _ARABIC_LETTER_RE.match(body, a)
            or len(words) < LINK_MIN_WORDS or any(ch.isdigit() for ch in words[0])
            or (len(words) > 1 and words[0] == "د" and words[1][:1].isdigit())
            or (words[0].endswith(":") and words[0].rstrip(":") in _LABEL_WORDS)):
        # a list item (15- ألمانيا، ملعب روستوف), a live update (د 80: …) or a label (الناشر: …)
        return False, False
    if _is_heading(body, a, b):
        return True, True
    return body[z - 1] == "؟" and len(body[a:z].split()) <= LINK_QUESTION_MAX_WORDS, False


def link_block_lines(body: str, end: int | None = None) -> frozenset[int]:
    """Starts of the lines that form a block of links to other stories inside a body.

    BBC Arabic bodies carry the site's related-story links as bare lines between two
    paragraphs of the story ("ترامب يهاجم نيويورك تايمز: تقرير مولر قصة وهمية" /
    "من هو روبرت مولر؟"), without the "اقرأ أيضا" that :data:`_LINK_LINE_RE` reads: two
    to four such lines in a row, each heading-shaped or a short question
    (:func:`_headline_like`), at least one of them a heading, with a paragraph of the story
    (:func:`_paragraph`) right before and right after them that the last of them does not
    introduce (:func:`_introduces`). A single heading
    line is left alone: sub-headings of the story (France 24's "باريس تدعو إلى تجنب التصعيد
    في غزة") have the same shape. Boilerplate is not coded (CODEBOOK §2).

    Examples
    --------
    >>> body = "خبر أول.\\nترامب يهاجم صحيفة نيويورك تايمز\\nمن هو روبرت مولر؟\\nوقال مولر إن التحقيق مستمر."
    >>> sorted(body[i:i + 5] for i in link_block_lines(body))
    ['ترامب', 'من هو']
    >>> link_block_lines("خبر أول.\\nباريس تدعو إلى التهدئة\\nدعت فرنسا إلى التهدئة.")
    frozenset()
    """
    end = len(body) if end is None else end
    if body.count("\n", 0, end) < LINK_RUN_MIN + 1 or not _open_line(body, end):
        # a run needs a paragraph before it, two lines and one after, and a line that ends
        # without final punctuation (most bodies have none: no need to split them into lines)
        return frozenset()
    lines = [_strip_span(body, *m.span()) for m in _LINE_RE.finditer(body, 0, end)]
    lines = [(a, b) for a, b in lines if b > a and not _LINK_LINE_RE.match(body, a, b)]
    found: set[int] = set()
    run: list[int] = []
    heading = False
    for k, (a, b) in enumerate(lines):
        linky, shaped = _headline_like(body, a, b) if k > 0 else (False, False)
        if linky:
            run.append(k)
            heading = heading or shaped
            continue
        if run and not _CONTINUATION_RE.match(body, a) and _short_question(body, *lines[run[-1]]):
            run = run[:-1]  # ماذا قال ولي العهد السعودي؟ before a fresh paragraph: its sub-heading
            heading = any(_is_heading(body, *lines[j]) for j in run)
        if heading and LINK_RUN_MIN <= len(run) <= LINK_RUN_MAX and _paragraph(body, *lines[run[0] - 1]) \
                and _paragraph(body, a, b) and not _introduces(body, lines[run[-1]], (a, b)):
            found.update(lines[j][0] for j in run)
        run, heading = [], False
    return frozenset(found)


def _open_line(body: str, end: int) -> bool:
    """Whether a line of ``body[:end]`` other than the last ends without final punctuation,
    as a heading does (a cheap test before the lines are read one by one)."""
    i = body.find("\n", 0, end)
    while i != -1:
        j = i
        while j > 0 and body[j - 1] in " \t\u00a0\r":
            j -= 1
        if j > 0 and body[j - 1] not in FINAL_PUNCT and body[j - 1] != "\n":
            return True
        i = body.find("\n", i + 1, end)
    return False


def _content_words(text: str) -> set[str]:
    """The words of ``text`` of at least four letters, without و and ال before them."""
    words = set()
    for w in _ARABIC_WORD_RE.findall(text):
        w = w[1:] if w.startswith("و") and len(w) > 4 else w
        w = w[2:] if w.startswith("ال") and len(w) > 5 else w
        if len(w) >= 4:
            words.add(w)
    return words


def _introduces(body: str, heading: tuple[int, int], paragraph: tuple[int, int]) -> bool:
    """The heading line introduces the paragraph after it, as a sub-heading does: the
    paragraph opens afresh (no و، ف، كما …) and they share at least
    :data:`SUBHEADING_SHARED_WORDS` words ("قائد الأركان الأمريكي يعلن انتهاء الضربات" /
    "أعلن قائد الأركان الأمريكي … انتهاء الضربات"); a link to another story does not
    introduce the paragraph that goes on with this one, though it may share its topic."""
    if _CONTINUATION_RE.match(body, paragraph[0]):
        return False  # وقال …، وكانت …: the paragraph goes on with the story before the lines
    return len(_content_words(body[heading[0]:heading[1]]) & _content_words(body[paragraph[0]:paragraph[1]])) \
        >= SUBHEADING_SHARED_WORDS


def _short_question(body: str, a: int, b: int) -> bool:
    """The stripped line ``body[a:b]`` is a question of at most
    :data:`SUBHEADING_QUESTION_WORDS` words (ما صعوبة عمليات الإنقاذ؟)."""
    line = body[a:b].rstrip("".join(CLOSERS))
    return bool(line) and line[-1] == "؟" and len(line.split()) <= SUBHEADING_QUESTION_WORDS


def _paragraph(body: str, a: int, b: int) -> bool:
    """The stripped line ``body[a:b]`` is a paragraph of the story: it ends a sentence (not
    with a colon that opens a list)."""
    line = body[a:b].rstrip("".join(CLOSERS))
    return bool(line) and line[-1] in TERMINATORS


def split_article(title: str, body: str) -> list[Sentence]:
    """Split an article into title, sub-headings, lead and body sentences.

    Parameters
    ----------
    title, body : str
        The original strings; offsets in the result index them.

    Returns
    -------
    list of Sentence
        In reading order; ``sent_id`` counts from 0 (the title, when not blank).
    """
    out: list[Sentence] = []
    s, e = _strip_span(title, 0, len(title))
    if e > s:
        out.append(_new_sentence((0, "title", s, e, title[s:e])))
    lead_done = False
    teasers = teaser_start(body)
    site_line = _SITE_LINE_RE if "CNN" in body else _SITE_LINE_NO_CNN_RE
    links = link_block_lines(body, teasers)
    for m in _LINE_RE.finditer(body, 0, teasers):
        a, b = _strip_span(body, m.start(), m.end())
        if a == b or _LINK_LINE_RE.match(body, a, b) or site_line.match(body, a, b) or a in links:
            continue
        spans = split_paragraph(body, a, b)
        if len(spans) == 1 and _is_heading(body, a, b):
            out.append(_new_sentence((len(out), "heading", a, b, body[a:b])))
            continue
        part = "body" if lead_done else "lead"
        lead_done = True
        for s, e in spans:
            out.append(_new_sentence((len(out), part, s, e, body[s:e])))
    return out


def make_doc(article_id: str, title: str, body: str) -> Doc:
    """Normalise and segment one article (what every extraction stage starts from).

    Examples
    --------
    >>> doc = make_doc("x", "لافروف: لن نقبل", "")
    >>> doc.norm_title.text, [s.part for s in doc.sentences]
    ('لافروف: لن نقبل', ['title'])
    """
    title = "" if title is None else title
    body = "" if body is None else body
    return Doc(
        article_id=article_id,
        title=title,
        body=body,
        norm_title=normalize_with_map(title),
        norm_body=normalize_with_map(body),
        sentences=split_article(title, body),
    )
