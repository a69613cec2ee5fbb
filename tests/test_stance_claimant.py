"""A denial targets the side that made the claim, not the side the claim charges
(docs/stance-notes.md, round 10; lexicon rows with ``target=claimant`` and ``claim_marker``).

Sentences marked "real" are from ANT articles of the dev split (shortened where said);
the others are constructed to isolate one rule. Every case runs the whole rule chain:
mentions, attributions, stance.
"""

from __future__ import annotations

import pytest

from analysis.coding.actors import find_mentions
from analysis.coding.attribution import find_attributions
from analysis.coding.stance import TARGET_RULES, find_stance, load_stance_lexicon
from analysis.text.segment import make_doc


def _units(body: str) -> set[tuple[str, str, str, str]]:
    doc = make_doc("c", "", body)
    mentions = find_mentions(doc)
    return {(u["holder"], u["holder_side"], u["target_side"], u["kind"])
            for u in find_stance(doc, mentions, find_attributions(doc, mentions))}


def _denials(body: str) -> set[tuple[str, str, str]]:
    return {(h, hs, ts) for h, hs, ts, kind in _units(body) if kind == "denial"}


def test_lexicon_marks_claim_denials_and_claim_nouns():
    lexicon = load_stance_lexicon()
    assert "claimant" in TARGET_RULES
    claimant = {e.form for e in lexicon.entries if e.target == "claimant"}
    # the نفى family and the negated evidence nouns reject a claim; رفض rejects an offer
    assert {"نفى", "نفت", "تنفي", "نفي", "دحض", "فند", "دليل", "أدلة"} <= claimant
    assert not {"رفض", "رفضت", "يرفض"} & claimant
    assert {"اتهامات", "الاتهامات", "مزاعم", "خبر"} <= lexicon.markers("claim_marker")


def test_real_denial_of_collusion_rejects_the_us_agencies_not_moscow():
    # real: AL-internationalNews-412 (dev), one sentence
    body = ("وكانت وكالات الاستخبارات الأميركية نددت بالتدخل الروسي في الحملة الانتخابية، "
            "إلا أن الرئيس الأميركي ترمب نفى باستمرار أي تواطؤ مع موسكو.")
    units = _units(body)
    assert ("us_intelligence", "us", "russia", "criticism") in units
    # the charge the agencies made in the same sentence is what Trump rejects: a same-side unit
    assert _denials(body) == {("trump", "us", "us")}


def test_real_denial_of_the_syrian_governments_use_targets_its_accuser():
    # real: CN-middleEast-651 (dev), the denial sentence; the accusation before it is constructed
    body = ("واتهمت فرنسا النظام السوري باستخدام أسلحة كيماوية في دوما. بالمقابل، نفت روسيا أن تكون "
            "الحكومة السورية قد استخدمت أسلحة محظورة في المدينة.")
    assert _denials(body) == {("russia", "russia", "france")}


@pytest.mark.parametrize("body", [
    "ونفت موسكو الاتهامات البريطانية بالتورط في الهجوم.",   # constructed: a nisba on the claim noun
    "ونفت موسكو اتهامات لندن لها بتسميم سكريبال.",           # constructed: the claim noun's genitive
])
def test_constructed_side_after_a_claim_noun_made_the_claim(body):
    assert _denials(body) == {("russia", "russia", "uk")}


def test_constructed_sides_joined_to_a_claimant_are_claimants_too():
    # constructed: Washington is joined to London by و after the claim noun, so it made the
    # claim with London and is no accused
    assert _denials("ونفت موسكو اتهامات لندن وواشنطن لها بتسميم سكريبال.") == {
        ("russia", "russia", "uk"), ("russia", "russia", "us")}


def test_real_evidence_from_a_side_names_the_claimant():
    # real: CN-internationalNews-158 (dev), shortened: Peskov quoted on London's claims
    body = ("وقال بيسكوف إن موسكو لم تر أي دليل من لندن لدعم ادعاءاتها بأن روسيا كانت وراء محاولة "
            "اغتيال جاسوس روسي سابق.")
    assert _denials(body) == {("peskov", "russia", "uk")}


def test_real_side_after_a_preposition_is_the_victim_not_the_accused():
    # real: an ANT title (CN-middleEast-1003): the UAE is charged; the US elections are where
    body = "قرقاش ينفي تدخل الإمارات في الانتخابات الأمريكية 2016"
    assert _denials(body) == {("uae", "other", "us")}


def test_real_holders_own_act_keeps_the_sides_it_names_as_targets():
    # real: BB-technology-331 (dev): تورطها is Russia's own act, the US networks its object
    body = "ولطالما نفت روسيا تورطها في شن أي هجمات إلكترونية لاختراق شبكات البنية التحتية الأمريكية."
    assert _denials(body) == {("russia", "russia", "us")}


def test_constructed_claimants_of_the_latest_charge_only():
    # constructed: "تلك الاتهامات" are the charges of the sentence before (Washington's and
    # Paris's), not London's older charge against Moscow
    body = ("واتهمت بريطانيا روسيا بالهجوم. واتهمت واشنطن وباريس دمشق بشن الهجوم الكيماوي. "
            "ونفت دمشق تلك الاتهامات.")
    assert _denials(body) == {("syria", "syria_government", "us"), ("syria", "syria_government", "france")}


def test_real_charge_inside_denied_words_is_not_the_deniers_charge():
    # real: BB-internationalNews-979 (dev): Trump does not blame Russia by denying the claims
    body = "ونفى ترامب مرارا مزاعم ضلوع روسيا في الانتخابات الأمريكية."
    assert not {u for u in _units(body) if u[0] == "trump" and u[3] == "blame"}
    # with no accuser earlier in the article and Russia the accused, there is no target
    assert _denials(body) == set()


def test_constructed_rejection_of_an_offer_still_targets_its_owner():
    # constructed: رفض is no claim denial; Moscow's conditions are the thing rejected
    # (a side right after the rejected words is their owner, as before this rule)
    assert _units("ورفض الوفد الأمريكي شروط موسكو.") == {("us_delegation", "us", "russia", "denial")}


def test_the_sources_of_the_denied_warnings_are_the_claimants():
    # real (dev round 22, SK-internationalNews-975, shortened): the Kremlin rejects the
    # warnings of two states; each warns Russia and each is a target of the denial
    units = _units("نفى الكرملين، الثلاثاء، تحذيرات أميركية وبريطانية من عمل قراصنة برعاية الحكومة الروسية.")
    assert units == {("kremlin", "russia", "us", "denial"), ("kremlin", "russia", "uk", "denial"),
                     ("us", "us", "russia", "threat"), ("uk", "uk", "russia", "threat")}


def test_two_nisbas_side_by_side_after_a_claim_noun_both_made_it():
    # real (dev round 22, SK-internationalNews-975, the title)
    assert _denials("الكرملين ينفي اتهامات بريطانية أميركية برعاية قراصنة") == {
        ("kremlin", "russia", "uk"), ("kremlin", "russia", "us")}


def test_a_nisba_joined_to_the_holders_is_no_target():
    # constructed after ANT BB-middleEast-69 (review of note 87): the Iranian politicians
    # condemn with the Iraqi Kurds; the target is Turkey
    assert _units("كما دان ساسة أكراد عراقيون وإيرانيون التدخل التركي.") == {
        ("kurds", "other", "turkey", "criticism"), ("kurds", "other", "turkey", "blame")}

