"""An office the corpus places on one side takes that side when nothing places it
(codebook note 70; ``titles.csv`` ``default_side``, mined by ``office_sides``).

Sentences marked "real" are from ANT 2018 (shortened where said); the others are
constructed to isolate one condition.
"""

from __future__ import annotations

import pandas as pd

from analysis.coding.actors import find_mentions, load_actor_lexicon
from analysis.coding.attribution import find_attributions
from analysis.coding.mining import office_sides
from analysis.text.segment import make_doc


def _sources(body: str) -> list[tuple[str, str]]:
    doc = make_doc("c", "", body)
    rows = find_attributions(doc, find_mentions(doc))
    return [(r["cue"], r["source_side"]) for r in rows]


def test_shipped_titles_give_the_senator_titles_the_us_side():
    defaults = load_actor_lexicon().title_defaults
    assert defaults["السيناتور"] == ("senator", "us")
    assert defaults["السناتور"] == ("senator", "us")
    assert defaults["سيناتور"] == ("senator", "us")
    assert "الرئيس" not in defaults and "المستشاره" not in defaults  # not placed on one side


def test_real_unplaced_senator_in_a_us_story_is_american():
    # real: FR-internationalNews-1330 (France 24, 19 May 2018), the last three sentences
    body = ("وهو آخر حادث إطلاق نار في مدرسة في الولايات المتحدة. ويحيي الحادث لدى سكان تكساس ذكرى "
            "مقتل 25 شخصا بينهم امرأة حامل بالرصاص في كنيسة في جنوب الولاية في تشرين الثاني/نوفمبر "
            "الماضي.\nوصرح السناتور تيد كروز الجمعة \"مرة جديدة رأت تكساس وجه الشيطان\".")
    assert _sources(body) == [("صرح", "us")]


def test_constructed_bare_senator_in_a_us_story_is_american():
    body = "وانتقد ترامب الكونغرس. وقال السيناتور إن واشنطن أخطأت."  # constructed
    assert ("قال", "us") in _sources(body)


def test_constructed_senator_in_a_story_about_another_country_stays_a_third_party():
    # constructed after BB-economy-218: Uruguay's former president, now a senator
    body = "وقال رئيس أوروغواي السابق إن البلاد بخير. وأضاف السيناتور أن أوروغواي والأرجنتين شريكتان."
    assert ("أضاف", "other") in _sources(body)


def test_constructed_senator_placed_on_another_side_in_the_part_blocks_the_default():
    # constructed: a US-heavy part that names an Australian senator first
    body = ("وانتقدت واشنطن والولايات المتحدة وترامب القرار. وقال السيناتور الأسترالي فريزر أنينغ إن "
            "الهجرة خطر. وأضاف السناتور أن الحدود مفتوحة.")
    sources = _sources(body)
    assert ("قال", "other") in sources and ("أضاف", "other") in sources


def test_office_sides_counts_placements_and_unplaced_uses():
    articles = pd.DataFrame({  # constructed
        "article_id": ["a0", "a1", "a2", "a3"],
        "title": ["", "", "", ""],
        "body": ["وقال السيناتور الجمهوري جون كورنين إن القرار خاطئ.",
                 "وقال السيناتور الأمريكي إن القرار خاطئ.",
                 "وقال السيناتور الأسترالي إن القرار خاطئ.",
                 "وقال السيناتور إن القرار خاطئ. وقال الرئيس الروسي إن القرار صائب."],
    })
    table = office_sides(articles).set_index("office")
    senator = table.loc["senator"]
    assert (senator["placed"], senator["side"], senator["share"], senator["unplaced"]) == (3, "us", 0.667, 1)
    assert senator["articles"] == 3 and senator["default_side"] == "us"
    president = table.loc["president"]
    assert (president["placed"], president["side"], president["share"]) == (1, "russia", 1.0)


def test_mining_command_line_writes_every_table_with_office_sides(tmp_path, capsys):
    # constructed corpus (JSON Lines, as read_articles reads it); the run writes all nine tables
    from analysis.coding.mining import main
    import json
    corpus = tmp_path / "corpus.jsonl"
    bodies = ["وقال السيناتور الجمهوري جون كورنين إن القرار خاطئ.", "وقال السيناتور الأمريكي إن القرار خاطئ.",
              "وقال السيناتور إن القرار خاطئ."]
    corpus.write_text("".join(json.dumps({"article_id": f"a{i}", "title": "", "body": b}, ensure_ascii=False) + "\n"
                              for i, b in enumerate(bodies)), encoding="utf-8")
    main([str(corpus), "--out", str(tmp_path / "out")])
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert written == ["actor_name_candidates.csv", "clitic_name_candidates.csv", "cue_candidates.csv",
                       "inflection_candidates.csv", "name_candidates.csv", "office_sides.csv", "outlet_candidates.csv",
                       "stance_candidates.csv", "title_candidates.csv"]
    table = pd.read_csv(tmp_path / "out" / "office_sides.csv").set_index("office")
    assert (int(table.loc["senator", "placed"]), table.loc["senator", "side"], int(table.loc["senator", "unplaced"])) \
        == (2, "us", 1)
    assert "office sides: " in capsys.readouterr().out


def test_party_plurals_and_plural_lawmakers_are_placed():
    # codebook note 134 (titles.csv 1.7.0). Constructed after BB-internationalNews-1110 (ANT,
    # outside the splits): a party plural as the speaker in a US story
    assert load_actor_lexicon().title_defaults["الديمقراطيون"] == ("democrats", "us")
    body = ("وقالت اللجنة القضائية بمجلس الشيوخ الأمريكي إنها ستصوت. واتهم الديمقراطيون "
            "الجمهوريين في اللجنة بأنهم يستعجلون التصويت على ترشيح كافانو.")
    assert ("اتهم", "us") in _sources(body)
    # constructed: a party adjective places a plural lawmakers' title, a nisba another side's
    assert _sources("وقال النواب الجمهوريون إن التحقيق انتهى.") == [("قال", "us")]
    assert _sources("وأعرب مشرعون جمهوريون عن قلقهم من القرار.") == [("أعرب", "us")]
    assert _sources("وقال نواب روس إن العقوبات ظالمة.") == [("قال", "russia")]
    # constructed: Sweden's party, placed by its nisba, in a Swedish story stays a third party
    assert _sources("وقال الديمقراطيون السويديون إن الهجرة خطر. وأضافت ستوكهولم أن الأمر صعب.") == [
        ("قال", "other"), ("أضافت", "other")]
