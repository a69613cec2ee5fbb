"""Dotted acronyms (إف.بي.آي، سي.إن.إن، د.ب.أ): one token for matching, no sentence boundary.

Arabic news spells Latin acronyms letter by letter, often joined by full stops with no
space. On ANT (31,485 articles) there are 918 of them; before this rule each of their
full stops ended a sentence, so "وقال مكتب إف.بي.آي إن …" lost its speaker and a relay
"ونقلت (سي.إن.إن) عن مصدر قوله" took the speaker of an earlier sentence.
"""

from __future__ import annotations

import pytest

from analysis import analyze_article
from analysis.text.normalize import acronym_dot, normalize, normalize_with_map, space_acronym_dots
from analysis.text.segment import split_article


def _dots(text: str) -> list[bool]:
    return [acronym_dot(text, i) for i, ch in enumerate(text) if ch == "."]


@pytest.mark.parametrize("text, expected", [
    ("وقال مكتب إف.بي.آي إن التحقيق مستمر.", [True, True, False]),   # FBI, then the sentence's end
    ("ونقلت وكالة د.ب.أ عن مسؤول", [True, True]),                      # dpa: single Arabic letters
    ("موقع بيت.كوم للتوظيف", [True]),                                  # a web address
    ("قالت شبكة سي.إن.بي.سي.", [True, True, True, False]),
    ("انتهى الاجتماع.وقال الوزير", [False]),                           # a sentence end without a space
    ("وصل إلى في.وقال", [False]),                                      # في is a letter name, وقال is not
    ("بلغ 2.5 في المئة.", [False, False]),
    ("في عام 2014 م.في اليوم التالي", [False]),                       # a single letter joins only letters
    ("وقال مكتب إفْ.بي.آي إن", [True, True]),                          # a mark before the stop
    ("مكتب دبليـــو.بي", [True]),                                      # tatweel inside a name
    ("U.S. officials", [False, False]),
])
def test_acronym_dot(text, expected):
    assert _dots(text) == expected


def test_space_acronym_dots_keeps_every_offset():
    text = "قالت قناة إن.بي.سي إن التحقيق انتهى.وأضافت"
    out = space_acronym_dots(text)
    assert out == "قالت قناة إن بي سي إن التحقيق انتهى.وأضافت"
    assert len(out) == len(text)
    nt = normalize_with_map(text)
    assert nt.text == normalize(text) == "قالت قناه ان بي سي ان التحقيق انتهي.واضافت"
    start = nt.text.index("ان بي سي")
    assert nt.to_original(start, start + 8) == (10, 18)
    assert text[10:18] == "إن.بي.سي"


@pytest.mark.parametrize("text", ["وقال مكتب إفْ.بي.آي إن التحقيق مستمر.", "شبكة بی.بی.سی إن",
                                  "مكتب دبليـــو.بي", "الساعة 10 ص.وَقال", "عام 2014 م.في اليوم",
                                  "مكتب إف\u061c.بي.آي إن", "شبكة سي.إن\ufeff.إن قالت"])
def test_splitter_and_normaliser_read_each_stop_alike(text):
    # the splitter reads the original text, the normaliser the folded one: a stop is a
    # sentence end for one exactly when it stays a stop for the other
    ends = {s.end - 1 for s in split_article("", text) if text[s.end - 1] == "."}
    nt = normalize_with_map(text)
    kept = {nt.to_original(i, i + 1)[0] for i, ch in enumerate(nt.text) if ch == "."}
    spaced = {i for i, ch in enumerate(text) if ch == "."} - kept
    assert ends <= kept and not spaced & ends


def test_acronym_does_not_split_the_sentence():
    body = "وقال مكتب إف.بي.آي إن التحقيق مستمر. ونقلت وكالة د.ب.أ عن مسؤول قوله إن الوضع سيئ.انتهى."
    texts = [s.text for s in split_article("", body)]
    assert texts == ["وقال مكتب إف.بي.آي إن التحقيق مستمر.",
                     "ونقلت وكالة د.ب.أ عن مسؤول قوله إن الوضع سيئ.", "انتهى."]


@pytest.mark.parametrize("sentence, surface, actor, side", [
    # ANT, AL-internationalNews-863 (shortened): BBC spelled with stops
    ('وأشارت شبكة بي.بي.سي إلى أن التحقيق مستمر.', "بي.بي.سي", "bbc", "uk"),
    # constructed
    ('وقال مكتب إف.بي.آي إن التحقيق مستمر.', "إف.بي.آي", "fbi", "us"),
    ('قالت قناة "إن.بي.سي" إن المحققين سألوا الشهود.', "إن.بي.سي", "nbc", "us"),
])
def test_dotted_outlet_is_the_speaker(sentence, surface, actor, side):
    result = analyze_article("x", "", sentence, stages=("mentions", "attributions"))
    (act,) = result["attributions"]
    assert sentence[int(act["source_start"]):int(act["source_end"])] == surface
    assert (act["source_actor_id"], act["source_side"]) == (actor, side)


def test_relay_after_dotted_outlet_keeps_its_sentence():
    # ANT, SK-internationalNews-1993 (shortened): the relay names a source of its own
    body = ("وقال ماكرون إن الاتصال كان صريحا.\n"
            'ونقلت (سي.إن.إن)، عن مصدر لم تحدده قوله: "الاتصال كان سيئا تماما".')
    result = analyze_article("x", "", body, stages=("mentions", "attributions"))
    acts = [(a["cue"], a["source_side"]) for a in result["attributions"]]
    assert acts == [("قال", "france"), ("نقلت", "unknown")]
