"""Lexicon mining (analysis.coding.mining) on constructed sentences (labelled as such)."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.coding.mining import (
    MiningWindows, clitic_name_candidates, cue_candidates, inflection_candidates, inflections, lexicon_forms,
    name_candidates, outlet_candidates,
    stance_candidates, title_candidates, tokens,
)

LOW = MiningWindows(min_count=2, min_articles=2)


def _articles(bodies):
    return pd.DataFrame({"article_id": [f"a{i}" for i in range(len(bodies))],
                         "title": [""] * len(bodies), "body": bodies})


def test_tokens_keep_original_offsets_through_normalisation():
    body = "وأكّد لافروف: «سنردّ»."
    (sentence,) = list(tokens("body", body))
    assert [(t.text, body[t.start:t.end]) for t in sentence] == [
        ("واكد", "وأكّد"), ("لافروف", "لافروف"), (":", ":"), ("«", "«"), ("سنرد", "سنردّ"),
    ]


def test_a_verb_before_subject_and_complementizer_is_a_cue_candidate():
    # Constructed sentences: a new verb (استدرك) in verb-subject-complementizer order.
    bodies = ["استدرك لافروف الأربعاء أن موسكو سترد.", "واستدرك وزير الخارجية الروسي إن العقوبات ظالمة.",
              "استدرك المحلل في مقاله.", "قال بوتين إن روسيا مستعدة."]
    table = cue_candidates(_articles(bodies), LOW).set_index("candidate")
    row = table.loc["استدرك"]
    assert (row.introducing, row.total, row.articles, bool(row.in_lexicon)) == (2, 3, 2, False)
    assert (row.example_article, row.example_part, row.example_start, row.example_end) == ("a0", "body", 0, 6)
    assert "لافروف" not in table.index and "الاربعاء" not in table.index  # actor and time words are not cues


def test_title_candidates_head_a_nisba_adjective():
    bodies = ["قال المدعي العام الروسي إن التحقيق مستمر.", "وأعلن المدعي العام الأمريكي فتح تحقيق.",
              "حذر المدعي العام الروسي من العواقب."]
    table = title_candidates(_articles(bodies), LOW).set_index("candidate")
    assert table.loc["المدعي العام", "count"] == 3 and table.loc["المدعي العام", "side"] == "russia"
    assert table.loc["العام", "words"] == 1


def test_stance_candidates_rank_words_of_two_sided_sentences_first():
    two_sided = ["اتهمت موسكو واشنطن بالعدوان السافر على سوريا."] * 3
    background = ["افتتح المعرض الدولي للكتاب في الرياض اليوم."] * 30
    table = stance_candidates(_articles(two_sided + background), LOW)
    assert table.iloc[0]["candidate"] in {"العدوان", "السافر", "اتهمت", "سوريا"}
    assert "المعرض" not in set(table["candidate"])
    assert table["z"].is_monotonic_decreasing


def test_lexicon_forms_are_normalised():
    forms = lexicon_forms()
    assert "قال" in forms["cues"] and forms["nisba"]["الروسي"] == "russia"
    assert forms["actors"]["لافروف"] == "russia"


def test_name_candidates_take_the_side_of_the_title_that_introduces_them():
    # Constructed sentences: a US senator (a made-up name) introduced after "title nisba" and before
    # "، title nisba", then named alone (counted in ``total``).
    bodies = ["قال السيناتور الأمريكي مارك فالنتاين إن العقوبات ضرورية.",
              "وقال مارك فالنتاين، رئيس لجنة العلاقات الخارجية الأمريكية، إن موسكو تتدخل.",
              "وأكد السيناتور الأمريكي مارك فالنتاين أن التحقيق مستمر.",
              "رد مارك فالنتاين على الانتقادات."]
    table = name_candidates(_articles(bodies), min_count=3).set_index("candidate")
    row = table.loc["مارك فالنتاين"]
    assert (row.side, row["count"], row.agreement, row.articles, row.total) == ("us", 3, 1.0, 3, 4)
    assert (row.example_article, bodies[0][row.example_start:row.example_end]) == ("a0", "مارك")
    assert not bool(row.in_lexicon)
    # the first name alone is nearly always followed by the family name: not a whole name
    assert "مارك" not in table.index


def test_name_candidates_stop_at_particles_and_lexicon_words():
    # Constructed: the word after the name is a preposition or a cue, never part of it.
    bodies = ["وقال وزير الخارجية الروسي سيرغي لافروف في موسكو إن الحوار ممكن."] * 3
    forms = lexicon_forms()
    table = name_candidates(_articles(bodies), forms=forms, min_count=3)
    assert list(table["candidate"]) == ["سيرغي لافروف"]
    assert table.loc[0, "side"] == "russia" and bool(table.loc[0, "in_lexicon"])


def test_inflections_follow_the_regular_suffixes_and_weak_final_letters():
    assert inflections("قال", "past") == {"past_fem": ["قالت"], "past_dual": ["قالا", "قالتا"],
                                          "past_plural": ["قالوا"]}
    assert inflections("نفى", "past") == {"past_fem": ["نفت"], "past_dual": ["نفيا", "نفتا"],
                                          "past_plural": ["نفوا"]}
    assert inflections("دعا", "past")["past_dual"] == ["دعوا", "دعتا"]
    assert inflections("أعرب عن", "past")["past_dual"] == ["أعربا عن", "أعربتا عن"]  # only the verb inflects
    assert inflections("ينفي", "imperfect") == {"imperfect_fem": ["تنفي"], "imperfect_dual": ["ينفيان", "تنفيان"],
                                                "imperfect_plural": ["ينفون"]}
    assert inflections("يدعو", "imperfect")["imperfect_plural"] == ["يدعون"]
    assert inflections("يرى", "imperfect")["imperfect_dual"] == ["يريان", "تريان"]
    assert inflections("لم يستبعد", "past") == {}  # a particle is not the verb
    assert inflections("قائلا", "participle") == {}


def test_inflection_candidates_are_the_forms_the_cue_lexicon_lacks_with_counts(tmp_path):
    # Constructed sentences and a two-lemma cue lexicon written like cues.csv: قالا is
    # listed, so it is no candidate; يعربان عن is made from يعرب عن and counted as a phrase.
    (tmp_path / "cues.csv").write_text(
        "# version: test\nlemma,form,form_type,category,gloss,voice,requires,max_gap\n"
        "قال,قال,past,neutral,say,active,,\nقال,قالا,past_dual,neutral,say,active,,\n"
        "أعرب عن,يعرب عن,imperfect,affect,express,active,,\n", encoding="utf-8")
    bodies = ["ميركل وترامب يعربان عن قلقهما.", "وقالا إن الاتفاق مهم ويعربان عن الأمل.", "يعربان فقط."]
    table = inflection_candidates(_articles(bodies), tmp_path).set_index("form")
    assert sorted(table.index) == sorted(["قالت", "قالتا", "قالوا", "تعرب عن", "يعربان عن", "تعربان عن",
                                          "يعربون عن"])
    row = table.loc["يعربان عن"]
    assert (row.lemma, row.form_type, row.category, int(row["count"]), int(row.articles)) == (
        "أعرب عن", "imperfect_dual", "affect", 2, 2)  # يعربان فقط is no phrase match
    assert (row.example_article, row.example_start, row.example_end) == ("a0", 13, 19)
    assert int(table.loc["قالت", "count"]) == 0


def test_actor_name_candidates_take_the_side_of_the_actor_a_relation_names():
    # Constructed sentences: names described by their relation to a lexicon actor (a made-up lawyer
    # of Trump, the Kremlin's spokesman), in both frames, once with لـ on the actor; then alone.
    from analysis.coding.mining import actor_name_candidates
    bodies = ["وقال محامي ترامب ديفيد مورلاند إن الرئيس لم يدفع شيئا.",
              "ونفى ديفيد مورلاند، المحامي الشخصي لترامب، التقرير.",
              "وقال المتحدث باسم الكرملين ديمتري بيسكوف إن موسكو ترفض.",
              "وأكد ديفيد مورلاند أن الاتفاق قانوني.",
              "وقال المتحدث باسم الكرملين ديمتري بيسكوف للصحفيين.",
              "وقال المتحدث باسم الكرملين ديمتري بيسكوف أمس."]
    table = actor_name_candidates(_articles(bodies), min_count=2).set_index("candidate")
    assert sorted(table.index) == ["ديفيد مورلاند", "ديمتري بيسكوف"]
    lawyer = table.loc["ديفيد مورلاند"]
    assert (lawyer.side, lawyer["count"], lawyer.agreement, lawyer.articles, lawyer.total) == ("us", 2, 1.0, 2, 3)
    assert not bool(lawyer.in_lexicon) and bool(table.loc["ديمتري بيسكوف", "in_lexicon"])
    assert table.loc["ديمتري بيسكوف", "side"] == "russia"
    # the nisba miner does not see these frames at all
    assert name_candidates(_articles(bodies), min_count=2).empty


def test_actor_name_candidates_need_a_title_or_relation_before_the_actor():
    # Constructed: "ترامب" followed by a name with no describing noun before it is no frame
    # (التقى ترامب كيم: an object), and a side-less actor (other) anchors nothing.
    from analysis.coding.mining import actor_name_candidates
    bodies = ["والتقى ترامب كيم جونغ أون في سنغافورة."] * 3 + ["وقال سفير الكويت خالد الجارالله إن الحل سياسي."] * 3
    assert actor_name_candidates(_articles(bodies), min_count=2).empty


def test_actor_name_candidates_read_an_envoy_to_a_country_as_posted_there():
    # Constructed: the US envoy "to Iran" (لإيران) is not Iranian; Trump's envoy (لترامب) is Trump's side.
    from analysis.coding.mining import actor_name_candidates
    bodies = ["وقال المبعوث الخاص لإيران براين هوك إن العقوبات مستمرة."] * 2 + \
             ["وقال المبعوث الخاص لترامب جيسون غرينبلات إن الخطة جاهزة."] * 2
    table = actor_name_candidates(_articles(bodies), min_count=2)
    assert list(table["candidate"]) == ["جيسون غرينبلات"] and table.loc[0, "side"] == "us"


@pytest.mark.parametrize("body, expected", [
    # constructed, from an independent review: feminine and ة-final relation words are normalised
    ("وقال مدير حملة ترامب براد بارسكال إن الحملة جاهزة.", [("براد بارسكال", "us")]),
    ("وقالت المبعوثة الخاصة لروسيا جين دو إن الحل قريب.", []),  # the host country, not the sender
    ("وقال المتحدث الرسمي للكرملين ديمتري بيسكوف إن الحل قريب.", [("ديمتري بيسكوف", "russia")]),  # لل + alias
    ("والتقى السيناتور ليندسي غراهام كيم جونغ أون في سيول.", []),  # an alias that starts with ل
    ("وقدم الرئيس بوتين لترامب كرة القدم خلال القمة.", []),  # an indirect object, no describing noun
    ("وقال المبعوث الخاص لدونالد ترامب جيسون غرينبلات إن الخطة جاهزة.", [("جيسون غرينبلات", "us")]),
    ("وقال المحامي الشخصي للرئيس ترامب رودي جولياني إن الخطة جاهزة.", [("رودي جولياني", "us")]),
    ("وقال مبعوث ترامب للمنطقة جيسون غرينبلات إن الخطة جاهزة.", [("جيسون غرينبلات", "us")]),  # لل word trimmed
])
def test_actor_name_candidates_frames_found_in_review(body, expected):
    from analysis.coding.mining import actor_name_candidates
    table = actor_name_candidates(_articles([body, body]), min_count=2)
    assert list(zip(table["candidate"], table["side"])) == expected


def test_clitic_name_candidates_keep_names_and_drop_preposition_phrases():
    # constructed sentences (codebook note 92): بيل after a nisba, with a surname after it, is a
    # name (its remainder يل never stands alone); بشكل fits the frame too but شكل is a common word
    bodies = ["وقال الملياردير الأمريكي بيل غيتس إن الاقتصاد قوي."] * 3 + [
        "وتحدث الرئيس الفرنسي بشكل واضح عن الأزمة."] * 2 + ["وتغير شكل العالم كثيرا. للعالم شكل جديد."] * 2
    table = clitic_name_candidates(_articles(bodies))
    assert list(table["candidate"]) == ["بيل"]
    row = table.iloc[0]
    assert (row["count"], row["frequency"], row["stem_frequency"], bool(row["in_lexicon"])) == (3, 3, 0, True)
    # the example points at the word in the original text
    assert bodies[0][row["example_start"]:row["example_end"]] == "بيل"


def test_outlet_candidates_take_the_side_of_the_nisba_after_the_name():
    # Constructed sentences in the style of ANT press reviews: a head noun, the name (quoted
    # or bare) and the outlet's nisba; the bare use counts as one the lexicon would place.
    bodies = ['وقالت صحيفة "لوفيغارو" الفرنسية إن الحكومة مستعدة.',
              "وكتبت صحيفة وول ستريت جورنال الأمريكية أن الإدارة منقسمة.",
              "وذكرت صحيفة لاتريبون الفرنسية أن الأسواق هادئة.",
              "ورأت صحيفة لاتريبون الفرنسية أن الاتفاق صعب.",
              "وقالت صحيفة لاتريبون إن اليورو ارتفع.",
              "وقالت صحيفة الحياة اللندنية إن الوفد وصل.",
              "وقالت صحيفة وول ستريت جورنال إن الإدارة منقسمة."]
    table = outlet_candidates(_articles(bodies), min_count=1).set_index("candidate")
    row = table.loc["لاتريبون"]
    assert (row.side, row.country_id, row["count"], row.agreement, row.articles, row.bare, bool(row.in_lexicon)) == (
        "france", "france", 2, 1.0, 2, 1, False)
    assert table.loc["لوفيغارو", "in_lexicon"] and table.loc["لوفيغارو", "surface"] == "لوفيغارو"
    # a name of several words counts its bare uses too (here one, without the nisba)
    assert (table.loc["وول ستريت جورنال", "side"], table.loc["وول ستريت جورنال", "bare"]) == ("us", 1)
    assert "الحياه" not in table.index  # اللندنية is a city's adjective, no nisba of nisba.csv
    # the example points at the frame in the original text
    first = table.loc["لاتريبون"]
    assert bodies[2][first.example_start:first.example_end] == "صحيفة لاتريبون الفرنسية"


def test_unplaced_speakers_rank_unknown_persons_and_leave_heads_out():
    # constructed tables: two articles quote an unlisted name, one a noun head, one a listed actor
    import importlib.util
    from analysis.corpus.paths import ROOT
    spec = importlib.util.spec_from_file_location("unplaced", ROOT / "data/lexicon-mining/tools/unplaced_speakers.py")
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    bodies = ["وقال كارل روف إن ترامب سيفوز على روسيا.", "وأكد كارل روف أن واشنطن وموسكو ستتفاوضان.",
              "وقال رئيس اللجنة إن القرار نهائي.", "وقال بوتين إن روسيا مستعدة."]
    articles = _articles(bodies)
    att = pd.DataFrame({
        "article_id": ["a0", "a1", "a2", "a3"], "source_part": ["body"] * 4,
        "source_side": ["other", "other", "other", "russia"], "source_type": ["person"] * 4,
        "source_actor_id": [None, None, None, "putin"],
        "source_start": [5, 5, 5, 5], "source_end": [13, 13, 9, 10]})
    mentions = pd.DataFrame({"article_id": ["a0", "a0", "a1", "a1"], "side": ["us", "russia", "us", "russia"]})
    table = tool.unplaced_speakers(articles, att, mentions, exclude={"a3"})
    assert table[["candidate", "articles", "acts", "share_us_ru_articles"]].values.tolist() == [["كارل روف", 2, 2, 1.0]]
    assert (table.loc[0, "example_article"], table.loc[0, "example_start"], table.loc[0, "example_end"]) == ("a0", 5, 13)
