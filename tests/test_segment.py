"""Segmentation into title, sub-headings, lead and body sentences."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.text.segment import make_doc, split_article

# Every sentence of the example article, written out by hand from reading it:
# (part, start, end, how it begins, how it ends). Offsets index the title for the title
# and the body (everything after the first line break) for the rest.
EXAMPLE_SENTENCES = [
    ("title", 0, 159, "لمح وزير الخارجية الروسي", "لقاء إضافي بينهما الأسبوع القادم."),
    ("lead", 4, 101, "لمّح وزير الخارجية الروسي", "سوريا الى الأسبوع المقبل."),
    ("lead", 102, 276, "وفي تصريح صحفي أدلى به لافروف،", "في المحادثات حول سوريا في جنيف."),
    ("body", 278, 470, 'وأوضح لافروف: "لقد احتاج', 'أن نعمل شيئا في هذه الحالة".'),
    ("heading", 472, 547, "دي ميستورا: المحادثات", "لكنني لا أزال متفائلا"),
    ("body", 550, 772, "من جانبه، قال المبعوث الأممي", 'إلى أنه لا يزال "متفائلا".'),
    ("body", 774, 857, "وكان دي ميستورا قد أجرى", "مع كل من لافروف وكيري."),
    ("heading", 863, 911, "مصدر: محادثات لافروف وكيري", "طالت بسبب موقف واشنطن"),
    ("body", 913, 1069, "وحمل مصدر في الوفد الروسي", "جون كيري حول الشأن السوري."),
    ("body", 1071, 1221, 'وفي حديث لوكالة "إنترفاكس" قال المصدر،', 'السلطة التنفيذية في واشنطن".'),
    ("body", 1223, 1344, "وذكر المصدر أن المحادثات", 'وهو مدة لقائهما في موسكو".'),
    ("body", 1346, 1517, "من جهتها نفت وزارة الخارجية الأمريكية", 'لا تزال عملية التوافق متواصلة في واشنطن".'),
    ("body", 1519, 1756, 'وكان اللقاء بين الوزيرين بدأ في فندق "President Wilson"', "التسوية السياسية في سوريا."),
    ("body", 1758, 1998, "وتجري روسيا مشاورات مع الولايات المتحدة", "المجموعات الإرهابية في البلاد."),
]


def test_example_article_every_boundary(example_title_body):
    title, body = example_title_body
    got = split_article(title, body)
    assert [(s.part, s.start, s.end) for s in got] == [e[:3] for e in EXAMPLE_SENTENCES]
    for sent, (part, start, end, first, last) in zip(got, EXAMPLE_SENTENCES):
        source = title if part == "title" else body
        assert sent.text == source[start:end]
        assert sent.text.startswith(first), sent.text[:40]
        assert sent.text.endswith(last), sent.text[-40:]
    assert [s.sent_id for s in got] == list(range(len(EXAMPLE_SENTENCES)))


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # Constructed: the quotation stays with "قال لافروف:" and is never split inside.
        ('قال لافروف: "لن نقبل. أبدا". ثم غادر.', ['قال لافروف: "لن نقبل. أبدا".', "ثم غادر."]),
        ("قال لافروف: «لن نقبل. أبدا» ثم غادر.", ["قال لافروف: «لن نقبل. أبدا» ثم غادر."]),
        # Constructed: decimals, dates and U.S. do not end a sentence.
        ("ارتفع بنسبة 2.5 في المئة يوم 9.9.2016 في U.S. وغيرها.", ["ارتفع بنسبة 2.5 في المئة يوم 9.9.2016 في U.S. وغيرها."]),
        ("التقى الوزيران يوم 9 سبتمبر/أيلول. وتحدثا.", ["التقى الوزيران يوم 9 سبتمبر/أيلول.", "وتحدثا."]),
        # Constructed: Arabic question mark, semicolon, an ellipsis run and no space after a point.
        ("هل تنجح المحادثات؟ ربما؛ لا أحد يعرف... انتهى.وقال آخر", ["هل تنجح المحادثات؟", "ربما؛", "لا أحد يعرف...", "انتهى.", "وقال آخر"]),
        # Constructed: an unbalanced quotation mark protects nothing.
        ('قال "لن نقبل. ثم غادر.', ['قال "لن نقبل.', "ثم غادر."]),
    ],
)
def test_sentence_rules(body, expected):
    got = split_article("", "\n" + body)
    assert [s.text for s in got] == expected


def test_headings_and_lead():
    # Constructed: a short line without final punctuation is a sub-heading.
    body = "الفقرة الأولى هنا.\n\nلافروف: لن نسمح بذلك\nالفقرة الثانية. جملة أخرى."
    got = split_article("عنوان", body)
    assert [(s.part, s.text) for s in got] == [
        ("title", "عنوان"),
        ("lead", "الفقرة الأولى هنا."),
        ("heading", "لافروف: لن نسمح بذلك"),
        ("body", "الفقرة الثانية."),
        ("body", "جملة أخرى."),
    ]


def test_blank_input_gives_no_sentences():
    assert split_article("", "") == []
    assert split_article("  ", "\n \n\t") == []


def test_make_doc_keeps_originals(example_title_body):
    title, body = example_title_body
    doc = make_doc("ex", title, body)
    assert doc.body == body and doc.title == title
    assert doc.normalized("lead") is doc.norm_body
    assert doc.source("title") is title
    assert "لمح وزير الخارجيه الروسي" in doc.norm_body.text


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40), st.text(alphabet=st.sampled_from(list("قال لافروف.؟!\"«» :\n\r5")), max_size=120))
def test_spans_in_bounds_ordered_and_stripped(title, body):
    sents = split_article(title, body)
    last_end = -1
    for s in sents:
        source = title if s.part == "title" else body
        assert 0 <= s.start < s.end <= len(source)
        assert s.text == source[s.start:s.end]
        assert s.text == s.text.strip()
        if s.part != "title":
            assert s.start >= last_end
            last_end = s.end


# ------------------------------------------------------- site teasers (CODEBOOK §2 boilerplate)
def test_cnn_teaser_block_gives_no_sentences():
    # dev CN-internationalNews-734-20181019: the body ends with teasers of other stories,
    # the first cut off mid-word ("أخذوا رهائ"); none of them is coded (gold re-check).
    import gzip
    import json

    from analysis.corpus.paths import ant_corpus
    from analysis.text.segment import teaser_start
    path = ant_corpus()
    if path is None:
        pytest.skip("ANT corpus not found")
    with gzip.open(path, "rt", encoding="utf-8") as f:
        row = next(r for r in map(json.loads, f)
                   if r["article_id"] == "CN-internationalNews-734-20181019")
    body = row["body"]
    start = teaser_start(body)
    assert body[start:].startswith("لـCNN إن الولايات المتحدة") or "رهائ\n" in body[start:]
    assert "أعلن متحدث باسم القوات الأمريكية في أفغانستان" in body[start:]
    sents = split_article(row["title"], body)
    assert sents and all(s.end <= start for s in sents if s.part != "title")


def test_unpunctuated_paragraph_followed_by_the_story_is_not_a_teaser():
    from analysis.text.segment import teaser_start
    # the story goes on after a paragraph without a final point (و، كما …): no teaser block
    body = "خبر أول.\n" + "كلمة " * 40 + "أخيرة\n" + "وأضاف الوزير أن " + "كلمة " * 15 + "."
    assert teaser_start(body) == len(body)
    # nothing after the cut paragraph: an article whose last paragraph has no final point
    body = "خبر أول.\n" + "كلمة " * 40 + "أخيرة"
    assert teaser_start(body) == len(body)
    # the lead itself never starts a teaser block
    body = "كلمة " * 40 + "أخيرة\n" + "أعلن الوزير أن " + "كلمة " * 15 + "."
    assert teaser_start(body) == len(body)


def test_a_line_that_links_to_another_story_gives_no_sentence():
    # link lines as France 24, CNN Arabic and BBC Arabic print them in ANT (e.g.
    # FR-middleEast-247-20180414, CN-middleEast-463-20180414); the first line and the
    # last two are constructed
    body = ("قال الوزير إن الضربات فشلت.\n"
            "للمزيد: ضربات جوية تستهدف مطار التيفور العسكري السوري وواشنطن تنفي تنفيذها\n"
            "اقرأ.. رأي: سوريا من دون الأمريكيين تقلق دول المنطقة\n"
            "اقرأ أيضا: ترامب يصف تفتيش مكتب محاميه بأنه \"اعتداء على الوطن\"\n"
            "شاهد آلاف الأشخاص الفيلم في يومه الأول.\n"
            "للمزيد سألنا الدكتور مروان قبلان.")
    texts = [s.text for s in split_article("", body)]
    # a verb or للمزيد with no mark after it begins a sentence of the story
    assert texts == ["قال الوزير إن الضربات فشلت.", "شاهد آلاف الأشخاص الفيلم في يومه الأول.",
                     "للمزيد سألنا الدكتور مروان قبلان."]


def test_a_block_of_bare_link_lines_between_paragraphs_gives_no_sentence():
    # codebook note 115, ANT BB-internationalNews-469-20180504 (dev round 38; shortened): BBC
    # Arabic's related-story links stand as bare lines between two paragraphs of the story
    body = ("ويكرر ترامب نفيه لأي تواطؤ مع الروس خلال حملته الانتخابية.\n"
            "ترامب يهاجم نيويورك تايمز: تقرير مولر قصة وهمية\n"
            "حرب تغريدات بين ترامب ومنتقديه بسبب التحقيقات في \"التواطوء\" مع الروس\n"
            "من هو روبرت مولر؟\n"
            "وكان مولر قد أشار في وقت سابق إلى امكانية استدعاء الرئيس الأمريكي.")
    texts = [s.text for s in split_article("", body)]
    assert texts == ["ويكرر ترامب نفيه لأي تواطؤ مع الروس خلال حملته الانتخابية.",
                     "وكان مولر قد أشار في وقت سابق إلى امكانية استدعاء الرئيس الأمريكي."]
    # the review of note 115 (ANT BBC Arabic outside the splits; shortened): a short question
    # that ends the run before a fresh paragraph is that paragraph's sub-heading, and a live
    # update or a label line is no link
    body = ("وقال الوزير إن المفاوضات مستمرة.\n"
            "ترامب يهاجم نيويورك تايمز: تقرير مولر قصة وهمية\n"
            "حرب تغريدات بين ترامب ومنتقديه بسبب التحقيقات\n"
            "ماذا قال ولي العهد السعودي؟\n"
            "قال ولي العهد إن المملكة ستواصل الإصلاح.")
    assert [s.text for s in split_article("", body)] == [
        "وقال الوزير إن المفاوضات مستمرة.", "ماذا قال ولي العهد السعودي؟", "قال ولي العهد إن المملكة ستواصل الإصلاح."]
    body = "بدأت المباراة بقوة.\nد 80: فرصة خطيرة لفرنسا من ركنية\nد 71: تسديدة قوية من ميسي\nوانتهت المباراة."
    assert len(split_article("", body)) == 4
    # the second review: a link may open with a name and a colon, or hold a number after its
    # first word (ANT BB-middleEast-705-20180708, BB-middleEast-1055-20181002; shortened)
    body = ("وقال المسؤول إن المحادثات مستمرة.\nإيران: لن نتفاوض على برنامجنا الصاروخي أبدا\n"
            "انتشال 2300 مهاجر من البحر المتوسط خلال يومين\nوأضاف أن الوضع صعب.")
    assert len(split_article("", body)) == 2
    # CNN Arabic marks its links "قد يهمك" (ANT CN-middleEast-1469-20181010, 118 lines in ANT)
    body = ("وقالت المتحدثة إن الرئيس تحدث مع ولي العهد.\n"
            "قد يهمك|\u00a0مسؤول سعودي لـCNN: المملكة لم تتورط في اختفاء خاشقجي\n"
            "قد يهمك الأمر إن كنت مسافرا.")
    assert [s.text for s in split_article("", body)] == [
        "وقالت المتحدثة إن الرئيس تحدث مع ولي العهد.", "قد يهمك الأمر إن كنت مسافرا."]
    # a single sub-heading stays (France 24, FR-internationalNews-1243-20180514; shortened)
    body = ("وذكر بأن لندن لا تزال ملتزمة بحل الدولتين.\n"
            "باريس تدعو إلى تجنب التصعيد في غزة\n"
            "دعت فرنسا الاثنين جميع الأفرقاء إلى تجنب تصعيد جديد في الشرق الأوسط.")
    assert [s.part for s in split_article("", body)] == ["lead", "heading", "body"]
    # sub-headings that introduce the paragraph after them stay (FR-middleEast-276-20180414;
    # shortened), and so do a list after a colon and a run of five or more lines (constructed)
    body = ("وقال مدير المرصد إن القصف استهدف مراكز البحوث العلمية.\n"
            "المرصد السوري يقول إن ثلاثة مراكز للأبحاث قصفت في الهجوم\n"
            "قائد الأركان الأمريكي يعلن انتهاء الضربات في سوريا\n"
            "أعلن قائد الأركان الأمريكي الجنرال جو دانفورد انتهاء الضربات في سوريا.")
    assert len(split_article("", body)) == 4
    items = "\n".join(f"وزير الخارجية يعلن إعفاء المسؤول رقم {n} من منصبه" for n in "ABCDE")
    assert len(split_article("", "صدرت أوامر ملكية جديدة اليوم.\n" + items + "\nوتأتي الأوامر بعد التحقيق.")) == 7
    assert len(split_article("", "صدرت الأوامر التالية:\n" + items.split("\n")[0] + "\n"
                             + items.split("\n")[1] + "\nوتأتي الأوامر بعد التحقيق.")) == 4


def test_cnn_closing_run_of_whole_leads_is_teasers():
    # ANT CN-economy-169-20180812: after the story, five leads of other CNN stories, uncut
    # (the gold codes none of them; before, "قال الرئيس التركي …" there was a false act)
    import gzip
    import json

    from analysis.corpus.paths import ant_corpus
    from analysis.text.segment import teaser_start
    path = ant_corpus()
    if path is None:
        pytest.skip("ANT corpus not found")
    with gzip.open(path, "rt", encoding="utf-8") as f:
        row = next(r for r in map(json.loads, f) if r["article_id"] == "CN-economy-169-20180812")
    body = row["body"]
    start = teaser_start(body)
    assert body[start:].startswith("حذرت السعودية من التعامل")
    assert body[:start].rstrip().endswith("منذ مطلع أغسطس/آب فقط.")
    assert body[start:].count("\n") == 4  # five leads


def test_a_run_of_leads_is_teasers_only_after_the_cnn_dateline_and_without_connectors():
    from analysis.text.segment import teaser_start
    # constructed: three one-sentence leads of other stories after a CNN story
    lead = "أعلنت وزارة الخارجية، الأحد، أن " + "كلمة " * 20 + "نهاية."
    # ANT CN-middleEast-1495: a lead may open with في, unlike a story's continuation with ف
    in_lead = "في أحدث تغريدة على حسابه، أكد الوزير أن " + "كلمة " * 10 + "نهاية."
    story = "دبي، الإمارات العربية المتحدة (CNN) -- قال الوزير إن " + "كلمة " * 20 + ".\nوأضاف أن الأمر خطير.\n"
    body = story + "\n".join([lead] * 3)
    assert teaser_start(body) == len(story)
    assert teaser_start(story + "\n".join([lead] * 2)) == len(story) + len(lead) * 2 + 1  # two are too few
    assert teaser_start(story + "\n".join([lead, in_lead, lead])) == len(story)
    body = story + "\n".join([lead, "فأكد " + lead, lead])
    assert teaser_start(body) == len(body)  # ف opens a continuation
    # the same run without the dateline is the story's own (other outlets end so too)
    plain = story.replace("(CNN) -- ", "")
    assert teaser_start(plain + "\n".join([lead] * 3)) == len(plain + "\n".join([lead] * 3))
    # a paragraph tied to the story (من جانبه، بدوره …) breaks the run
    tied = "من جانبه، قال السفير إن " + "كلمة " * 20 + "نهاية."
    body = story + "\n".join([lead, tied, lead, lead])
    assert teaser_start(body) == len(body)


@pytest.mark.parametrize("line", [
    "*نقلاً عن الأهرام المصرية",  # ANT: 37 Al Arabiya columns end so (and 56 الرؤية الإماراتية …)
    "** جميع المقالات المنشورة تمثل رأي كتابها فقط.",  # ANT: 458 Al Arabiya columns
    "يمكنكم تسلم إشعارات بأهم الموضوعات بعد تحميل أحدث نسخة من تطبيق بي بي سي عربي على هاتفكم المحمول.",
    "هذا المقال بقلم كاملیا انتخابی فرد، والآراء الواردة أدناه تعبر عن رأي الكاتبة، ولا تعكس بالضرورة وجهة نظر شبكة CNN.",
    "ويشار إلى أن موقع CNN بالعربية لا يمكنه التأكد بشكل مستقل من الأنباء والمعلومات التي يتم تناقلها.",
])
def test_site_furniture_lines_are_boilerplate(line):
    # the lines as printed on ANT (CODEBOOK §2): no sentence is made of them
    body = "وقال الوزير إن الأمر خطير.\n" + line + "\nوأضاف أن الحل قريب."
    assert [s.text for s in split_article("", body)] == ["وقال الوزير إن الأمر خطير.", "وأضاف أن الحل قريب."]


def test_a_sentence_that_quotes_with_naqlan_an_is_no_furniture():
    # constructed: نقلا عن inside a sentence, and a line that only mentions CNN, stay
    body = "وقال نقلا عن مصادر إن الأمر خطير.\nوقالت شبكة CNN إن الأمر خطير."
    assert len(split_article("", body)) == 2
