"""Anonymous sources who spoke *to* an outlet keep their own side (docs/codebook.md §2: the outlet
is the medium, `via`). Before this rule the outlet lent them its country: "مصادر لرويترز"
was British, "مصدر … لفرانس برس" French."""

from __future__ import annotations

import pytest

from analysis import analyze_article


def _acts(text: str) -> list[tuple[str, str, str]]:
    result = analyze_article("x", "", text, stages=("mentions", "attributions"))
    out = []
    for a in result["attributions"]:
        source = text[int(a["source_start"]):int(a["source_end"])] if a["source_start"] is not None else "-"
        out.append((a["cue"], source, a["source_side"]))
    return out


@pytest.mark.parametrize("sentence, expected", [
    # dev round 12, SK-economy-681 (shortened): sources told Reuters, Reuters as the object
    ("وفي الخامس عشر من مايو أبلغت مصادر رويترز، أن السعودية وروسيا تناقشان زيادة إنتاج النفط.",
     [("أبلغت", "مصادر", "unknown")]),
    # dev round 12, SK-economy-681 (shortened): analysts in a Reuters poll
    ("وتوقع محللون في استطلاع لرويترز هبوطا قدره 525 ألف برميل في مخزونات الخام.",
     [("توقع", "محللون", "unknown")]),
    # ANT, AL-internationalNews-146 (shortened): the outlet with لـ after the head
    ("وقال مسؤول أمني لرويترز إن الهجوم وقع فجرا.", [("قال", "مسؤول أمني", "unknown")]),
    # ANT, BB-middleEast-880 (shortened): a civil-defence source who told AFP is not French
    ("وقال مصدر في الدفاع المدني لفرانس برس إن فرق الإغاثة تمكنت من انتشال خمسة أشخاص.",
     [("قال", "مصدر", "unknown")]),
])
def test_outlet_told_is_not_the_side(sentence, expected):
    assert _acts(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # constructed: an affiliation still places the source
    ("وقال مصدر في الخارجية الروسية إن الوضع سيئ.", [("قال", "مصدر في الخارجية الروسية", "russia")]),
    ("وقال مصدر في رويترز إن الوكالة ستنشر التقرير.", [("قال", "مصدر في رويترز", "uk")]),
    ("وقال مسؤول أمريكي لرويترز إن الوضع سيئ.", [("قال", "مسؤول أمريكي", "us")]),
])
def test_affiliation_still_places(sentence, expected):
    assert _acts(sentence) == expected
