"""Mine a corpus for lexicon candidates: reporting cues, speaker titles, evaluative words.

The lexicons of this suite were first written by hand from a few articles. This module
turns a corpus into ranked *candidates* for each of them, with counts and the place of
one example of each (article id, part, offsets into the original text, so a reviewer can
read it in context). Candidates are never added automatically: a person reads them and
moves the good ones into the lexicon (``analysis/lexicons/README.md`` says how, and
``data/lexicon-mining/README.md`` records each review).

Nine miners, all on normalised text (``analysis.text.normalize``):

* :func:`cue_candidates` — words that *introduce content*: followed within a few words by
  a complementizer (أن/إن), a colon or an opening quotation mark, with an actor (a
  lexicon alias or a nisba adjective) within a few words. Scored by how often the word
  introduces content out of all its occurrences.
* :func:`title_candidates` — one- and two-word phrases that stand right before a nisba
  adjective of a side (وزير الدفاع الأمريكي, المدعي العام الروسي): the heads of speaker
  noun phrases.
* :func:`name_candidates` — person names introduced by a title of a side: the one to
  three words right after "title … nisba" (السيناتور الأمريكي بوب كوركر) or right before
  "، title … nisba" (بول راين، رئيس مجلس النواب الأمريكي). Each name gets the side most
  often written next to it across the corpus and the share of its side-marked
  occurrences that agree, so that a name introduced once in one article can be placed
  when it stands alone in another.
* :func:`actor_name_candidates` — the same for names introduced by their relation to an
  actor of the lexicon rather than by a nisba (محامي ترامب مايكل كوهين، المتحدث باسم الكرملين
  دميتري بيسكوف، جاريد كوشنر، صهر ترامب): the name takes the named actor's side.
* :func:`clitic_name_candidates` — name words that begin with ب or ل (بيل، لويس), which a
  nisba or a person's noun introduces: after a verb they open a speaker's name, not a
  preposition phrase.
* :func:`inflection_candidates` — the person and number forms a verb cue of the cue lexicon
  lacks (dual and plural, feminine), made from its listed past and imperfect forms by the
  regular suffixes of Arabic verbs, with their corpus counts, for review: an unvowelled
  past dual (وصفا، ردا) is often an accusative noun, which only reading decides.
* :func:`stance_candidates` — words over-represented in sentences that name both a
  Russian and a US actor, against all sentences of the corpus, by the log-odds ratio with
  an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008, "Fightin' Words",
  *Political Analysis* 16(4)), reported as a z-score.
* :func:`outlet_candidates` — outlets named with a head noun and a nisba (صحيفة "لوفيغارو"
  الفرنسية، مجلة فوربس الأمريكية): the side the corpus gives each name, so that its bare
  uses in a press review (صحيفة ليبراسيون قالت، وقالت الصحيفة) speak for its country.
* :func:`office_sides` — for each office of the title lexicon, the sides of the adjectives
  written after its titles across the corpus: an office placed on one side nearly always
  (the senators: American) may take that side when nothing places it (``default_side``).

Run on a corpus (any format ``analysis.read_articles`` reads)::

    python -m analysis.coding.mining path/to/corpus --out data/lexicon-mining/ant-2018
"""

from __future__ import annotations

import argparse
import math
import re
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis.corpus.files import atomic_path
from analysis.corpus.paths import LEXICON_DIR
from analysis.text import clitics
from analysis.text.normalize import normalize, normalize_with_map

__all__ = [
    "MiningWindows", "OUTLET_HEADS", "RELATION_WORDS", "Token", "actor_name_candidates", "clitic_name_candidates", "cue_candidates", "inflection_candidates", "inflections", "lexicon_forms", "name_candidates", "outlet_candidates", "stance_candidates",
    "title_candidates", "tokens",
]

# A word, or one of the punctuation marks that open reported words.
_TOKEN_RE = re.compile(r"\w+|[:«“\"]")
_SENTENCE_END_RE = re.compile(r"[.!?؟\n]+")
#: Normalised complementizers that open reported content (أن، إن, also with a pronoun).
COMPLEMENTIZERS = frozenset({"ان", "انه", "انها", "انهم", "انهما", "اننا", "انني", "بان", "بانه", "بانها"})
OPENERS = frozenset({":", "«", "“", '"'})
#: Time words that stand between a reporting verb and its content (قال الأربعاء إن), normalised.
TIME_WORDS = frozenset({
    "الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "السبت", "اليوم", "امس",
    "الليله", "صباح", "مساء", "الماضي", "الجاري", "يوم", "ليل", "لاحق", "وقت", "في", "اليوم",
})


@dataclass(frozen=True)
class MiningWindows:
    """How near things must be, in words.

    Attributes
    ----------
    content : int
        A cue candidate is followed by a complementizer, colon or quote within this many
        words, with only actor, title and time words between them.
    actor : int
        An actor must stand within this many words of the candidate (before or after).
    min_count : int
        Candidates seen fewer times than this are not reported.
    min_articles : int
        Candidates seen in fewer articles than this are not reported.
    """

    content: int = 6
    actor: int = 5
    min_count: int = 10
    min_articles: int = 5


@dataclass(frozen=True)
class Token:
    """A word of normalised text with the original (part, start, end) it came from."""

    text: str
    part: str
    start: int
    end: int


def tokens(part: str, original: str) -> Iterator[list[Token]]:
    """The sentences of one string as lists of tokens with original offsets."""
    mapped = normalize_with_map(original)
    text = mapped.text
    start = 0
    bounds = [m.start() for m in _SENTENCE_END_RE.finditer(text)] + [len(text)]
    for stop in bounds:
        sentence = []
        for match in _TOKEN_RE.finditer(text, start, stop):
            o_start, o_end = mapped.to_original(match.start(), match.end())
            sentence.append(Token(match.group(), part, o_start, o_end))
        if sentence:
            yield sentence
        start = stop + 1


def _csv_rows(path: Path) -> pd.DataFrame:
    lines = [line for line in path.read_text(encoding="utf-8-sig").splitlines()
             if line.strip() and not line.startswith("#")]
    from io import StringIO

    return pd.read_csv(StringIO("\n".join(lines)), dtype=str, keep_default_na=False)


def lexicon_forms(lexicon_dir: Path = LEXICON_DIR) -> dict[str, frozenset[str] | dict[str, str]]:
    """Normalised forms of the shipped lexicons that the miners need.

    Returns a dict with ``cues`` (every cue form and the first word of each), ``titles``,
    ``stance`` (every stance form and its first word), ``actors`` (alias -> side),
    ``actor_types`` (alias -> actor type) and ``nisba`` (adjective -> side).
    """
    cues = _csv_rows(lexicon_dir / "cues.csv")["form"].map(normalize)
    stance = _csv_rows(lexicon_dir / "stance.csv")["form"].map(normalize)
    actors = _csv_rows(lexicon_dir / "actors.csv")
    nisba = _csv_rows(lexicon_dir / "nisba.csv")
    nisba = nisba[nisba["places"] == "any"]  # party adjectives place only a person title
    titles = _csv_rows(lexicon_dir / "titles.csv")["title"].map(normalize)
    first = lambda forms: {f.split()[0] for f in forms if f.split()}  # noqa: E731
    return {
        "cues": frozenset(set(cues) | first(cues)),
        "stance": frozenset(set(stance) | first(stance)),
        "titles": frozenset(titles),
        "actors": {normalize(a): s for a, s in zip(actors["alias"], actors["side"])},
        "actor_types": {normalize(a): t for a, t in zip(actors["alias"], actors["actor_type"])},
        "nisba": {normalize(a): s for a, s in zip(nisba["adjective"], nisba["side"])},
    }


def _bare(word: str, prefixes: frozenset[str]) -> str:
    """The word without a clitic prefix (the longest that leaves three letters)."""
    for prefix in sorted(prefixes, key=len, reverse=True):
        if prefix and word.startswith(prefix) and len(word) - len(prefix) >= 3:
            return word[len(prefix):]
    return word


def _actor_positions(sentence: list[Token], forms: dict) -> dict[int, str]:
    """Token index -> side for tokens that are (the last word of) an actor alias or a nisba."""
    found = {}
    words = [t.text for t in sentence]
    aliases, nisba = forms["actors"], forms["nisba"]
    for i, word in enumerate(words):
        for span in (1, 2, 3):
            if i - span + 1 < 0:
                break
            first = words[i - span + 1]
            # the phrase as written, or with a clitic prefix taken off its first word
            for lead in dict.fromkeys([first, *clitics.strip_prefix(first, min_stem=3)]):
                phrase = " ".join([lead, *words[i - span + 2:i + 1]])
                if phrase in aliases:
                    found[i] = aliases[phrase]
        for form in dict.fromkeys([word, *clitics.strip_prefix(word, min_stem=3)]):
            if form in nisba:
                found[i] = nisba[form]
    return found


def _articles(articles: pd.DataFrame) -> Iterator[tuple[str, list[list[Token]]]]:
    for record in articles[["article_id", "title", "body"]].itertuples(index=False):
        sentences = list(tokens("title", record.title or ""))
        sentences += list(tokens("body", record.body or ""))
        yield str(record.article_id), sentences


def _example(article_id: str, token: Token) -> dict:
    return {"example_article": article_id, "example_part": token.part,
            "example_start": token.start, "example_end": token.end}


def _naming_words(forms: dict) -> frozenset[str]:
    """Words that name or describe a speaker: alias words, nisba adjectives, titles."""
    words = {w for alias in forms["actors"] for w in alias.split()}
    return frozenset(words | set(forms["nisba"]) | set(forms["titles"]))


def _reaches_content(words: list[str], i: int, actors: dict[int, str], naming: frozenset[str],
                     limit: int) -> int | None:
    """Actor words passed when the word at ``i`` reaches a complementizer, colon or quote.

    Walks right from ``i``: actor, title and time words may stand between (the subject
    and a time phrase of a reporting verb); any other word ends the walk. Returns the
    number of actor tokens passed, or None when no content opener is reached within
    ``limit`` words.
    """
    passed = 0
    for j in range(i + 1, min(len(words), i + 1 + limit)):
        word = words[j]
        if word in COMPLEMENTIZERS or word in OPENERS:
            return passed
        bare = _bare(word, clitics.NOUN_PREFIXES)
        if j in actors:
            passed += 1
        elif not (word in naming or bare in naming or word in TIME_WORDS or bare in TIME_WORDS):
            return None
    return None


def _merge_prefixed(total: Counter, introducing: Counter, seen_in: dict, example: dict) -> None:
    """Count و/ف + word under the word, when the word occurs on its own too.

    Stripping و or ف from every word would cut real letters (وزير, فلاديمير); a prefixed
    form is merged only into a bare form that the corpus also has, at least a tenth as
    often (قال for وقال; no word زير for وزير).
    """
    for form in sorted(introducing):
        for prefix in clitics.CONJUNCTIONS:
            bare = form[len(prefix):]
            if form.startswith(prefix) and len(bare) >= 3 and 10 * total[bare] >= total[form]:
                total[bare] += total.pop(form)
                introducing[bare] += introducing.pop(form)
                seen_in[bare] |= seen_in.pop(form)
                example.setdefault(bare, example.pop(form))
                break


def cue_candidates(articles: pd.DataFrame, windows: MiningWindows = MiningWindows(),
                   forms: dict | None = None) -> pd.DataFrame:
    """Words that introduce reported content near an actor, ranked by how reliably they do.

    Returns
    -------
    pandas.DataFrame
        ``candidate`` (normalised, clitic prefix removed), ``introducing`` (occurrences
        followed by a complementizer, colon or quote with an actor near), ``total``
        (all occurrences), ``share`` (introducing / total), ``articles`` (articles with an
        introducing occurrence), ``in_lexicon``, and the place of the first example.
        Sorted by ``introducing × share``, best first.
    """
    forms = forms or lexicon_forms()
    total, introducing, seen_in = Counter(), Counter(), defaultdict(set)
    example = {}
    naming = _naming_words(forms)
    for article_id, sentences in _articles(articles):
        for sentence in sentences:
            actors = _actor_positions(sentence, forms)
            words = [t.text for t in sentence]
            for i, token in enumerate(sentence):
                text = token.text
                if text in OPENERS or text in COMPLEMENTIZERS or len(text) < 3 or i in actors:
                    continue
                word = text
                if word in naming or _bare(text, clitics.NOUN_PREFIXES) in naming or word in TIME_WORDS:
                    continue
                total[word] += 1
                reaches = _reaches_content(words, i, actors, naming, windows.content)
                if reaches is None:
                    continue
                actor_near = reaches > 0 or any(i - windows.actor <= j < i for j in actors)
                if not actor_near:
                    continue
                introducing[word] += 1
                seen_in[word].add(article_id)
                example.setdefault(word, _example(article_id, token))
    _merge_prefixed(total, introducing, seen_in, example)
    rows = []
    for word, n in introducing.items():
        if n < windows.min_count or len(seen_in[word]) < windows.min_articles:
            continue
        rows.append({"candidate": word, "introducing": n, "total": total[word],
                     "share": round(n / total[word], 4), "articles": len(seen_in[word]),
                     "in_lexicon": word in forms["cues"] or _bare(word, clitics.VERB_PREFIXES) in forms["cues"],
                     **example[word]})
    frame = pd.DataFrame(rows, columns=["candidate", "introducing", "total", "share", "articles",
                                        "in_lexicon", "example_article", "example_part",
                                        "example_start", "example_end"])
    order = (frame["introducing"] * frame["share"]).rank(method="first", ascending=False)
    return frame.assign(_order=order).sort_values(["_order", "candidate"]).drop(columns="_order").reset_index(drop=True)


def title_candidates(articles: pd.DataFrame, windows: MiningWindows = MiningWindows(),
                     forms: dict | None = None) -> pd.DataFrame:
    """One- and two-word phrases right before a nisba adjective of a side, by frequency.

    Returns
    -------
    pandas.DataFrame
        ``candidate`` (the phrase), ``words`` (1 or 2), ``side`` (the most frequent side
        of the nisba after it), ``count``, ``articles``, ``in_lexicon`` (its first word is
        a title of ``titles.csv``), and the place of the first example.
    """
    forms = forms or lexicon_forms()
    count, sides, seen_in, example = Counter(), defaultdict(Counter), defaultdict(set), {}
    for article_id, sentences in _articles(articles):
        for sentence in sentences:
            words = [t.text for t in sentence]
            for i, word in enumerate(words):
                side = forms["nisba"].get(word)
                if side is None or side in ("other", "unknown"):
                    continue
                for span in (1, 2):
                    if i - span < 0:
                        break
                    phrase = " ".join(words[i - span:i])
                    if any(w in OPENERS for w in words[i - span:i]):
                        break
                    count[phrase] += 1
                    sides[phrase][side] += 1
                    seen_in[phrase].add(article_id)
                    example.setdefault(phrase, _example(article_id, sentence[i - span]))
    rows = [{"candidate": p, "words": len(p.split()), "side": sides[p].most_common(1)[0][0],
             "count": n, "articles": len(seen_in[p]),
             "in_lexicon": _bare(p.split()[0], clitics.NOUN_PREFIXES) in forms["titles"]
             or p.split()[0] in forms["titles"], **example[p]}
            for p, n in count.items() if n >= windows.min_count and len(seen_in[p]) >= windows.min_articles]
    frame = pd.DataFrame(rows, columns=["candidate", "words", "side", "count", "articles", "in_lexicon",
                                        "example_article", "example_part", "example_start", "example_end"])
    return frame.sort_values(["count", "candidate"], ascending=[False, True]).reset_index(drop=True)


def office_sides(articles: pd.DataFrame, lexicon_dir: Path = LEXICON_DIR, reach: int = 2) -> pd.DataFrame:
    """How the corpus places each office of ``titles.csv``: the sides of the nisba or party
    adjectives within ``reach`` words after its titles (السيناتور الجمهوري، المستشارة
    الألمانية), and how often a title stands with none.

    An office placed on one side nearly always is a candidate for the title rows'
    ``default_side`` (the side an unplaced title then takes); the shipped rows give it to the
    senator titles (ANT 2018: 99 of 101 placed senators are American). Read the unplaced
    uses before adopting one: a story about another country's senate names its senators
    without a nisba, which is why the attribution stage applies the default only in a part
    whose mentions are mostly of that side.

    Returns
    -------
    pandas.DataFrame
        ``office``, ``titles`` (its one-word title forms, normalised), ``placed``, ``side`` (the side of
        most placements), ``share`` (of the placements), ``unplaced`` (title uses with no
        adjective within reach), ``articles`` (with a placement) and ``default_side`` (as
        shipped). Sorted by placements, most first.
    """
    titles = _csv_rows(lexicon_dir / "titles.csv")
    titles = titles[~titles["title"].str.contains(" ")]
    office_of = {normalize(t): o for t, o in zip(titles["title"], titles["office"]) if o}
    default = {o: d for o, d in zip(titles["office"], titles["default_side"]) if o and d}
    nisba = _csv_rows(lexicon_dir / "nisba.csv")  # party adjectives too: they place person titles
    side_of = {normalize(a): s for a, s in zip(nisba["adjective"], nisba["side"])}
    placed, unplaced, seen_in = defaultdict(Counter), Counter(), defaultdict(set)
    forms: dict[str, set[str]] = defaultdict(set)
    for article_id, sentences in _articles(articles):
        for sentence in sentences:
            words = [t.text for t in sentence]
            for i, word in enumerate(words):
                title = word if word in office_of else _bare(word, clitics.CONJUNCTIONS)
                office = office_of.get(title)
                if office is None:
                    continue
                forms[office].add(title)
                side = next((side_of[w] for w in words[i + 1:i + 1 + reach] if w in side_of), None)
                if side is None:
                    unplaced[office] += 1
                else:
                    placed[office][side] += 1
                    seen_in[office].add(article_id)
    rows = []
    for office in sorted(set(placed) | set(unplaced)):
        n = sum(placed[office].values())
        side, k = sorted(placed[office].items(), key=lambda kv: (-kv[1], kv[0]))[0] if n else ("", 0)
        rows.append({"office": office, "titles": "، ".join(sorted(forms[office])), "placed": n, "side": side,
                     "share": round(k / n, 3) if n else 0.0, "unplaced": unplaced[office],
                     "articles": len(seen_in[office]), "default_side": default.get(office, "")})
    frame = pd.DataFrame(rows, columns=["office", "titles", "placed", "side", "share", "unplaced", "articles",
                                        "default_side"])
    return frame.sort_values(["placed", "office"], ascending=[False, True]).reset_index(drop=True)


#: Normalised words that never stand inside a person's name: particles, prepositions,
#: pronouns and the like (the lexicons' cue, stance, title, nisba and time words are
#: excluded as well).
NAME_STOP = frozenset({
    "في", "من", "على", "الى", "عن", "مع", "ان", "او", "ام", "ثم", "قد", "لقد", "لا", "لم", "لن", "ما",
    "هذا", "هذه", "ذلك", "تلك", "التي", "الذي", "الذين", "هو", "هي", "هم", "كما", "بعد", "قبل", "خلال",
    "حول", "بين", "عند", "منذ", "حتي", "الا", "غير", "كل", "بعض", "اي", "انه", "انها", "يوم", "امس",
    "اليوم", "وقال", "قال", "قالت", "وقالت", "فيما", "بينما", "حيث", "اذ", "اذا", "لدي", "لدى", "عبر",
    "ضد", "نحو", "دون", "بان", "لان", "كان", "كانت", "يكون", "تكون", "وكان", "وكانت", "السابق",
    "السابقة", "الحالي", "الجديد", "الجديدة", "المقبل", "الماضي", "العام", "الخاص", "الخاصة",
    "الاعلى", "الاسبق", "بلاده", "نفسه", "ايضا", "وهو", "وهي", "الدولي", "الدولية", "المتحدة",
})
#: Most words a name is taken to have.
NAME_MAX_WORDS = 3


def _name_word(word: str, stop: frozenset[str], first: bool) -> bool:
    """Whether a normalised word can be part of a person's name.

    Names are written without the article in foreign names; an Arab family name may carry
    it (بشار الاسد), so ال is allowed after the first word only.
    """
    if len(word) < 2 or not word.isalpha():
        return False
    # the word itself or with و/ف taken off (واكد) is a lexicon or stop word
    if any(reading in stop for reading in clitics.strip_prefix(word, clitics.VERB_PREFIXES, min_stem=2)):
        return False
    return not (first and word.startswith("ال"))


def _name_after(words: list[str], i: int, stop: frozenset[str]) -> tuple[str, ...]:
    """The name words right after index ``i`` (none when the next word is no name word)."""
    name = []
    for j in range(i + 1, min(len(words), i + 1 + NAME_MAX_WORDS)):
        if not _name_word(words[j], stop, first=not name):
            break
        name.append(words[j])
    return tuple(name)


def _title_before(words: list[str], i: int, titles: frozenset[str], reach: int = 4) -> bool:
    """Whether a title word stands within ``reach`` words before index ``i``."""
    for j in range(max(0, i - reach), i):
        word = words[j]
        if word in titles or _bare(word, clitics.NOUN_PREFIXES) in titles:
            return True
    return False


def _name_stop(forms: dict) -> frozenset[str]:
    lexical = set(forms["cues"]) | set(forms["stance"]) | set(forms["titles"]) | set(forms["nisba"])
    return frozenset(NAME_STOP | lexical | TIME_WORDS | {w for t in forms["titles"] for w in t.split()})


def name_candidates(articles: pd.DataFrame, windows: MiningWindows = MiningWindows(),
                    forms: dict | None = None, min_count: int = 3) -> pd.DataFrame:
    """Person names that a title of a side introduces, with the side the corpus gives them.

    Two frames introduce a name: "title … nisba NAME" (a title word within four words
    before a nisba adjective, the name right after it) and "NAME ، title … nisba" (the
    name right before a comma that opens a title phrase with a nisba within five words).
    A name is one to three words that are not particles, lexicon words or time words.

    Returns
    -------
    pandas.DataFrame
        ``candidate`` (the name, normalised), ``words``, ``side`` (the side of most of its
        introductions), ``count`` (introductions with that side), ``agreement`` (that
        count over all its introductions), ``articles``, ``total`` (occurrences of the
        name anywhere in the corpus), ``in_lexicon`` (an actor alias already), and the
        place of the first example. Sorted by count, best first; only names introduced
        at least ``min_count`` times in at least two articles. ``windows`` is not used (the
        frames are fixed); it is taken so that every miner is called the same way.
    """
    forms = forms or lexicon_forms()
    nisba = {w: s for w, s in forms["nisba"].items() if s not in ("other", "unknown")}

    def anchors(words: list[str]) -> Iterator[tuple[int, int, str]]:
        for i, word in enumerate(words):
            side = nisba.get(word) or nisba.get(_bare(word, clitics.NOUN_PREFIXES))
            if side is not None:
                yield i, i + 1, side

    titles = forms["titles"] | frozenset(t.split()[0] for t in forms["titles"])
    return _introduced_names(articles, forms, anchors, titles, min_count)


#: Nouns of persons that a name may follow right away (المدرب بيب غوارديولا، الممثل بيل كوسبي),
#: beside the nisba adjectives; normalised.
_NAME_HEADS = frozenset(normalize(w) for w in (
    "الرئيس", "الوزير", "السيناتور", "السناتور", "النائب", "المدرب", "اللاعب", "الممثل", "الممثلة",
    "المغني", "المغنية", "الكاتب", "الكاتبة", "الصحفي", "الصحفية", "المحلل", "الباحث", "الأستاذ",
    "الدكتور", "الجنرال", "السفير", "المتحدث", "المدير", "المستشار"))


def clitic_name_candidates(articles: pd.DataFrame, windows: MiningWindows = MiningWindows(),
                           forms: dict | None = None, min_count: int = 2) -> pd.DataFrame:
    """Name words that begin with ب or ل, as a nisba or a person's noun introduces them.

    After a verb, a word with an attached ب or ل opens a preposition phrase, never the
    subject (بالقرار، لوكالة) — except a name that happens to begin with the letter (وقال بيل
    غيتس، وأكد لويس سواريز). The frame: a nisba adjective or a person's noun (الأمريكي، المدرب)
    right before the word, which has no article after the letter, and a word after it that
    has none either (the surname). A preposition phrase fits the frame too (الاتحاد الأوروبي
    بشأن صفقة), so each candidate also gets its corpus frequency and that of the word without
    its first letter: a preposition phrase's noun stands alone often (شأن، شكل), a name's
    remainder (يل، ويس) hardly ever.

    Returns
    -------
    pandas.DataFrame
        ``candidate`` (normalised), ``count`` (times in the frame), ``frequency`` (times in the
        corpus), ``stem_frequency`` (the word without its first letter), ``share`` (count
        over frequency), ``in_lexicon`` (a ``name`` word of attribution_words.csv already)
        and the place of the first example; only words in the frame at least ``min_count``
        times, in at least 5 % of their uses, and at least twice as frequent as their
        remainder. Sorted by count. ``windows`` is not used (the frame is fixed).
    """
    forms = forms or lexicon_forms()
    heads = set(forms["nisba"]) | _NAME_HEADS
    framed: Counter = Counter()
    frequency: Counter = Counter()
    example: dict[str, dict] = {}
    for article_id, sentences in _articles(articles):
        for sentence in sentences:
            words = [t.text for t in sentence]
            frequency.update(words)
            for i in range(1, len(words) - 1):
                word, after = words[i], words[i + 1]
                if (word[:1] in ("ب", "ل") and len(word) >= 3 and word[1:3] != "ال" and not word.startswith("لل")
                        and words[i - 1] in heads and after.isalpha() and not after.startswith("ال")):
                    framed[word] += 1
                    example.setdefault(word, _example(article_id, sentence[i]))
    known = frozenset(normalize(w) for w, role in zip(*_attribution_names()) if role == "name")
    rows = []
    for word, count in framed.items():
        total, stem = frequency[word], frequency[word[1:]]
        if count >= min_count and count >= 0.05 * total and 2 * stem < total:
            rows.append({"candidate": word, "count": count, "frequency": total, "stem_frequency": stem,
                         "share": round(count / total, 3), "in_lexicon": word in known, **example[word]})
    columns = ["candidate", "count", "frequency", "stem_frequency", "share", "in_lexicon",
               "example_article", "example_part", "example_start", "example_end"]
    table = pd.DataFrame(rows, columns=columns)
    return table.sort_values(["count", "candidate"], ascending=[False, True], ignore_index=True)


def _attribution_names(lexicon_dir: Path = LEXICON_DIR) -> tuple[list[str], list[str]]:
    rows = _csv_rows(lexicon_dir / "attribution_words.csv")
    return list(rows["word"]), list(rows["role"])


#: Nouns that describe a person by a relation to someone named after them, in the construct
#: state or with لـ (محامي ترامب، المحامي الشخصي لترامب، صهر ترامب، مساعد وزير الخارجية): a
#: person so described belongs, nearly always, to the side of the one named. Normalised.
RELATION_WORDS = frozenset(normalize(w) for w in (
    "محامي", "المحامي", "محاميه", "محامية", "المحامية", "مستشار", "المستشار", "مستشاره", "مستشارة",
    "المستشارة", "مساعد", "المساعد", "مساعدة", "المساعدة", "صهر", "نجل", "ابن", "ابنة", "زوجة", "شقيق",
    "شقيقة", "حملة", "مدير", "مديرة", "رئيس", "رئيسة", "موظف", "موظفة", "الموظف", "عضو", "العضو",
    "سفير", "سفيرة", "مبعوث", "المبعوث", "مسؤول", "المسؤول", "متحدث", "المتحدث", "متحدثة", "المتحدثة",
    "باسم", "المدير", "مندوب", "المندوب", "وزير", "وزيرة", "نائب", "قائد", "القائد",
))

#: Nouns of people posted abroad: a country after them with لـ is the host. Normalised.
_POSTED_WORDS = frozenset(normalize(w) for w in (
    "مبعوث", "المبعوث", "سفير", "السفير", "سفيرة", "مندوب", "المندوب", "ممثل", "الممثل", "مبعوثة",
    "المبعوثة", "موفد", "الموفد"))

#: Adjectives that may stand between a describing noun and its لـ-object (المحامي الشخصي لترامب).
_RELATION_ADJECTIVES = frozenset(normalize(w) for w in (
    "الشخصي", "الخاص", "السابق", "الرسمي", "الاعلى", "الشخصية", "الخاصة", "السابقة", "الرسمية"))


def actor_name_candidates(articles: pd.DataFrame, windows: MiningWindows = MiningWindows(),
                          forms: dict | None = None, min_count: int = 3) -> pd.DataFrame:
    """Person names that a description naming an actor of a side introduces.

    :func:`name_candidates` places a name by the nisba adjective of its title (الرئيس
    الأمريكي). Many people of a story are introduced instead by their relation to an actor
    the lexicon knows: "محامي ترامب مايكل كوهين", "المتحدث باسم الكرملين دميتري بيسكوف",
    "جاريد كوشنر، صهر ترامب"; the side is the named actor's. The same two frames, with a
    lexicon alias of a side (one to three words) in place of the nisba, when the alias is
    governed by a describing noun: the genitive of an indefinite title or relation word
    (:data:`RELATION_WORDS`; محامي ترامب), the word after باسم, or an object with لـ right
    after a describing noun and at most two adjectives (المحامي الشخصي لترامب، المبعوث الخاص
    للرئيس ترامب). An indirect object (قدم الرئيس بوتين لترامب …) or a title in apposition to
    its own holder (الرئيس ترامب كيم …) is no frame, and a country after an envoy or
    ambassador with لـ is the host, not the sender (المبعوث الخاص لإيران براين هوك). The
    columns are those of :func:`name_candidates`; a leading word with لل is no part of a name.

    The anchor's side is the side of the person *named after* the relation, which is not
    always the described person's (a lawyer can defend a foreigner): ``agreement`` and
    the review, reading examples, decide.
    """
    forms = forms or lexicon_forms()
    aliases = {a: s for a, s in forms["actors"].items() if s not in ("other", "unknown")}
    types = forms.get("actor_types", {})
    longest = max((len(a.split()) for a in aliases), default=1)
    titles = forms["titles"] | frozenset(t.split()[0] for t in forms["titles"]) | RELATION_WORDS

    def readings(word: str) -> list[tuple[str, bool]]:
        """(reading, with a prefix taken off) of an anchor's first word."""
        out = [(word, False)] + [(f, True) for f in clitics.strip_prefix(word, min_stem=3) if f != word]
        if word.startswith("لل") and len(word) > 4:
            out.append(("ال" + word[2:], True))  # للكرملين -> الكرملين
        return out

    def anchors(words: list[str]) -> Iterator[tuple[int, int, str]]:
        i = 0
        while i < len(words):
            leads = readings(words[i])
            for span in range(min(longest, len(words) - i), 0, -1):
                rest = words[i + 1:i + span]
                found = next(((" ".join([lead, *rest]), prefixed) for lead, prefixed in leads
                              if " ".join([lead, *rest]) in aliases), None)
                if found is not None:
                    alias, prefixed = found
                    if governed(words, i, alias, prefixed and words[i].startswith("ل")):
                        yield i, i + span, aliases[alias]
                    i += span
                    break
            else:
                i += 1

    def describing_noun_before(words: list[str], i: int) -> int | None:
        """Index of the describing noun right before word ``i``, past at most two adjectives."""
        k = i - 1
        while k >= 0 and i - k <= 3 and words[k] in _RELATION_ADJECTIVES:
            k -= 1
        return k if k >= 0 and words[k] in titles else None

    def governed(words: list[str], i: int, alias: str, with_lam: bool) -> bool:
        if i == 0:
            return False
        before = words[i - 1]
        if before == "باسم" or (before in titles and not before.startswith("ال") and not with_lam):
            return True  # محامي ترامب، المتحدث باسم الكرملين
        if with_lam:  # المحامي الشخصي لترامب، المبعوث الخاص لإيران
            k = describing_noun_before(words, i)
            if k is None:
                return False  # an indirect object: قدم الرئيس بوتين لترامب …
            return types.get(alias) == "person" or not any(w in _POSTED_WORDS for w in words[max(0, k - 1):i])
        if before.startswith("لل") and "ال" + before[2:] in titles:  # المحامي الشخصي للرئيس ترامب
            return describing_noun_before(words, i - 1) is not None
        return False

    return _introduced_names(articles, forms, anchors, titles, min_count, trim_lam=True)


def _introduced_names(articles: pd.DataFrame, forms: dict, anchors, titles: frozenset[str],
                      min_count: int, trim_lam: bool = False) -> pd.DataFrame:
    """The names right after "title … anchor" or right before "، title … anchor", counted by
    the anchor's side; ``anchors(words)`` yields (start, end, side) of each anchor. With
    ``trim_lam``, leading words with لل (للمنطقة جيسون غرينبلات) are no part of a name."""
    stop = _name_stop(forms)
    sides, seen_in, example = defaultdict(Counter), defaultdict(set), {}
    total = Counter()
    # every sentence again below, to count each kept name anywhere: as word numbers (4
    # bytes a word), not as lists of strings, so a large corpus fits in memory
    vocabulary: dict[str, int] = {}
    encoded: list[array] = []
    for article_id, part, original, sentence in _sentences_with_text(articles):
        words = [t.text for t in sentence]
        encoded.append(array("I", [vocabulary.setdefault(w, len(vocabulary)) for w in words]))
        for start, end, side in anchors(words):
            if not _title_before(words, start, titles):
                continue
            found = [(_name_after(words, end - 1, stop), end)]
            # "NAME ، title … anchor": the title phrase opens right after a comma
            for j in range(max(1, start - 5), start):
                if words[j] in titles or _bare(words[j], clitics.NOUN_PREFIXES) in titles:
                    gap = original[sentence[j - 1].end:sentence[j].start]
                    if ("،" in gap or "," in gap) and j >= 1:
                        found.append((_name_before(words, j, stop), None))
                    break
            for name, at in found:
                while trim_lam and name and name[0].startswith("لل"):
                    name = name[1:]
                    at = at + 1 if at is not None else None
                if not name:
                    continue
                first = sentence[at if at is not None else j - len(name)]
                # every leading part of the run counts: where the name ends is decided below
                for n in range(1, len(name) + 1):
                    phrase = " ".join(name[:n])
                    sides[phrase][side] += 1
                    seen_in[phrase].add(article_id)
                    example.setdefault(phrase, _example(article_id, first))
    counts = {p: sum(c.values()) for p, c in sides.items()}
    extended = Counter()
    for phrase, n in counts.items():
        if " " in phrase:
            extended[phrase.rsplit(" ", 1)[0]] += n
    wanted = {p for p, n in counts.items() if _name_closed(p, n, counts, extended, min_count)
              and len(seen_in[p]) >= 2}
    wanted_ids: dict[tuple[int, ...], str] = {}
    for phrase in wanted:
        ids = tuple(vocabulary.get(w, -1) for w in phrase.split(" "))
        if -1 not in ids:
            wanted_ids[ids] = phrase
    lengths = sorted({len(ids) for ids in wanted_ids})
    for sentence_ids in encoded:
        seq = sentence_ids.tolist()
        for n in lengths:
            for k in range(len(seq) - n + 1):
                found = wanted_ids.get(tuple(seq[k:k + n]))
                if found is not None:
                    total[found] += 1
    aliases = forms["actors"]
    rows = []
    for phrase in wanted:
        side, n = sorted(sides[phrase].items(), key=lambda kv: (-kv[1], kv[0]))[0]
        rows.append({"candidate": phrase, "words": len(phrase.split()), "side": side, "count": n,
                     "agreement": round(n / sum(sides[phrase].values()), 3),
                     "articles": len(seen_in[phrase]), "total": total[phrase],
                     "in_lexicon": phrase in aliases, **example[phrase]})
    frame = pd.DataFrame(rows, columns=["candidate", "words", "side", "count", "agreement", "articles", "total",
                                        "in_lexicon", "example_article", "example_part", "example_start",
                                        "example_end"])
    return frame.sort_values(["count", "candidate"], ascending=[False, True]).reset_index(drop=True)


def _name_closed(phrase: str, n: int, counts: dict[str, int], extended: Counter, min_count: int) -> bool:
    """Whether a run of name words is a whole name rather than a part or a name + a word.

    A run is a whole name when it is seen often enough, mostly *not* followed by a further
    name word (a first name such as جيمس is nearly always followed by a family name), and,
    for three words or more, not much rarer than its first words (دونالد ترامب followed by
    a word that happens to pass the filter, علي "on", is a tenth as frequent as the name).
    """
    if n < min_count or n - extended[phrase] < n / 2:
        return False
    words = phrase.split()
    if len(words) >= 3 and 3 * n < counts.get(" ".join(words[:-1]), 0):
        return False
    return True


def _sentences_with_text(articles: pd.DataFrame) -> Iterator[tuple[str, str, str, list[Token]]]:
    """(article id, part, the part's original text, sentence tokens) for every sentence."""
    for record in articles[["article_id", "title", "body"]].itertuples(index=False):
        for part in ("title", "body"):
            original = getattr(record, part) or ""
            for sentence in tokens(part, original):
                yield str(record.article_id), part, original, sentence


def _name_before(words: list[str], j: int, stop: frozenset[str]) -> tuple[str, ...]:
    """The name words that end at index ``j - 1``, right before the comma that opens the title
    phrase at ``j`` (at most ``NAME_MAX_WORDS``; a definite first word is dropped)."""
    name: list[str] = []
    k = j - 1
    while k >= 0 and len(name) < NAME_MAX_WORDS:
        if not _name_word(words[k], stop, first=False):
            break
        name.insert(0, words[k])
        k -= 1
    while name and not _name_word(name[0], stop, first=True):
        name.pop(0)
    return tuple(name)


def _merge_clitic_forms(focus: Counter, background: Counter, seen_in: dict, example: dict) -> None:
    """Count a word written with a clitic prefix under its bare form, where the corpus has it.

    A prefix is taken off only when the remaining form occurs on its own at least a tenth
    as often (العقوبات → عقوبات; but بوتين keeps its ب, there being no word وتين).
    """
    for form in sorted(focus, key=len, reverse=True):
        for bare in clitics.strip_prefix(form, min_stem=3)[:-1]:  # the last reading is the form itself
            if 10 * background[bare] >= background[form]:
                focus[bare] += focus.pop(form)
                background[bare] += background.pop(form)
                seen_in[bare] |= seen_in.pop(form)
                example.setdefault(bare, example.pop(form))
                break


def _log_odds(focus: Counter, background: Counter) -> dict[str, float]:
    """z-scores of the log-odds ratio of each word in focus vs background (informative prior)."""
    prior = background
    a0 = sum(prior.values())
    n_focus, n_back = sum(focus.values()), sum(background.values())
    scores = {}
    for word, y_i in focus.items():
        a_i = prior[word]
        b_i = background[word]
        delta = (math.log((y_i + a_i) / (n_focus + a0 - y_i - a_i))
                 - math.log((b_i + a_i) / (n_back + a0 - b_i - a_i)))
        variance = 1 / (y_i + a_i) + 1 / (b_i + a_i)
        scores[word] = delta / math.sqrt(variance)
    return scores


def stance_candidates(articles: pd.DataFrame, windows: MiningWindows = MiningWindows(),
                      forms: dict | None = None, top: int = 500) -> pd.DataFrame:
    """Words over-represented in sentences that name both a Russian and a US actor.

    Returns
    -------
    pandas.DataFrame
        ``candidate``, ``z`` (log-odds z-score, two-sided sentences vs all sentences),
        ``in_two_sided`` and ``in_all`` (counts), ``articles``, ``in_lexicon``, and the
        place of the first example in a two-sided sentence; the ``top`` best, z first.
    """
    forms = forms or lexicon_forms()
    focus, background, seen_in, example = Counter(), Counter(), defaultdict(set), {}
    for article_id, sentences in _articles(articles):
        for sentence in sentences:
            words = [t.text for t in sentence]
            background.update(w for w in words if len(w) >= 3)
            sides = set(_actor_positions(sentence, forms).values())
            if {"russia", "us"} <= sides:
                for token in sentence:
                    if len(token.text) >= 3:
                        focus[token.text] += 1
                        seen_in[token.text].add(article_id)
                        example.setdefault(token.text, _example(article_id, token))
    _merge_clitic_forms(focus, background, seen_in, example)
    scores = _log_odds(focus, background)
    actor_words = {w for alias in forms["actors"] for w in alias.split()} | set(forms["nisba"])
    rows = [{"candidate": w, "z": round(z, 3), "in_two_sided": focus[w], "in_all": background[w],
             "articles": len(seen_in[w]), "in_lexicon": w in forms["stance"], **example[w]}
            for w, z in scores.items()
            if focus[w] >= windows.min_count and len(seen_in[w]) >= windows.min_articles
            and w not in actor_words]
    frame = pd.DataFrame(rows, columns=["candidate", "z", "in_two_sided", "in_all", "articles", "in_lexicon",
                                        "example_article", "example_part", "example_start", "example_end"])
    return frame.sort_values(["z", "candidate"], ascending=[False, True]).head(top).reset_index(drop=True)


#: Particles that may open a cue form before its verb (normalised).
_PARTICLES = frozenset({"لم", "لن", "ما", "قد", "لا", "لقد"})
#: Slots a verb cue can fill, made from its past (3rd person masculine singular) form.
_PAST_SLOTS = ("past_fem", "past_dual", "past_plural")
#: Slots made from its imperfect (يفعل) form.
_IMPERFECT_SLOTS = ("imperfect_fem", "imperfect_dual", "imperfect_plural")


def inflections(form: str, form_type: str) -> dict[str, list[str]]:
    """The other person/number forms of a verb cue, by the regular suffixes (unvowelled).

    ``form`` is a past (قال، نفى، دعا) or imperfect (يقول، ينفي، يدعو) third person
    masculine singular, as written in the lexicon or normalised, possibly followed by
    words (أعرب عن); only the first word is inflected. Returns ``{form_type: [forms]}`` for the slots of that tense: feminine
    (قالت؛ تقول), dual (قالا قالتا؛ يقولان تقولان) and masculine plural (قالوا؛ يقولون).
    Verbs whose last letter is weak drop or change it (نفى → نفت نفيا نفوا؛ ينفي → ينفيان
    ينفون؛ يدعو → يدعون). Hollow and doubled verbs keep their stem when unvowelled.
    """
    first, _, rest = form.strip().partition(" ")
    tail = f" {rest}" if rest else ""
    out: dict[str, list[str]] = {}
    if first in _PARTICLES:  # لم يستبعد، ما وصفه: the particle is not the verb
        return out
    if form_type == "past" and len(first) >= 2:
        stem, last = first[:-1], first[-1]
        if last in "ىي":  # normalised text writes ى as ي
            fem, dual, plural = [stem + "ت"], [stem + "يا", stem + "تا"], [stem + "وا"]
        elif last == "ا" and len(first) >= 3:
            fem, dual, plural = [stem + "ت"], [stem + "وا", stem + "تا"], [stem + "وا"]
        else:
            fem, dual, plural = [first + "ت"], [first + "ا", first + "تا"], [first + "وا"]
        out = {"past_fem": fem, "past_dual": dual, "past_plural": plural}
    elif form_type == "imperfect" and len(first) >= 3 and first[0] == "ي":
        body = first[1:]
        if first[-1] in "يو":
            dual, plural = body + "ان", body[:-1] + "ون"
        elif first[-1] == "ى":  # unnormalised يرى
            dual, plural = body[:-1] + "يان", body[:-1] + "ون"
        else:
            dual, plural = body + "ان", body + "ون"
        out = {"imperfect_fem": ["ت" + body], "imperfect_dual": ["ي" + dual, "ت" + dual],
               "imperfect_plural": ["ي" + plural]}
    return {slot: list(dict.fromkeys(f + tail for f in forms)) for slot, forms in out.items()}


def inflection_candidates(articles: pd.DataFrame, lexicon_dir: Path = LEXICON_DIR) -> pd.DataFrame:
    """Forms the verb cues of ``cues.csv`` lack, with their counts in ``articles``.

    For every lemma with a listed past or imperfect form, :func:`inflections` makes the
    missing feminine, dual and plural forms; a form is kept when no row of the cue lexicon
    defines it already (once normalised, under any lemma). Each candidate carries the
    columns of its base row (category, voice, requires, max_gap), so that an accepted
    row can be copied into ``cues.csv`` as it is, and ``count``/``articles``: how often
    it stands in the corpus (its first word also after و/ف/ل), with one example.
    """
    rows = _csv_rows(lexicon_dir / "cues.csv")
    defined = {normalize(f) for f in rows["form"]}
    candidates: dict[str, dict] = {}
    for row in rows.to_dict("records"):
        if row["form_type"] not in ("past", "imperfect"):
            continue
        for slot, forms in inflections(row["form"], row["form_type"]).items():
            for written in forms:
                form = normalize(written)
                if form in defined or form in candidates:
                    continue
                candidates[form] = {**row, "form": written, "form_type": slot, "base": row["form"]}
    by_first: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for form in candidates:
        words = tuple(form.split())
        by_first[words[0]].append(words)
    counts: Counter = Counter()
    seen_in: dict[str, set] = defaultdict(set)
    example: dict[str, dict] = {}
    clitics_ = frozenset(("و", "ف", "ل"))
    for article_id, sentences in _articles(articles):
        for sentence in sentences:
            for i, token in enumerate(sentence):
                word = token.text
                if word not in by_first:
                    word = _bare(word, clitics_)
                    if word not in by_first:
                        continue
                for words in by_first[word]:
                    if all(i + j < len(sentence) and sentence[i + j].text == w
                           for j, w in enumerate(words[1:], 1)):
                        form = " ".join(words)
                        counts[form] += 1
                        seen_in[form].add(article_id)
                        example.setdefault(form, _example(article_id, token))
    out = []
    for form, c in candidates.items():
        out.append({**c, "count": counts[form], "articles": len(seen_in[form]),
                    **example.get(form, {"example_article": "", "example_part": "",
                                         "example_start": -1, "example_end": -1})})
    columns = ["lemma", "form", "form_type", "base", "category", "gloss", "voice", "requires", "max_gap",
               "count", "articles", "example_article", "example_part", "example_start", "example_end"]
    frame = pd.DataFrame(out, columns=columns)
    return frame.sort_values(["count", "form"], ascending=[False, True], kind="stable").reset_index(drop=True)


#: Head nouns that open an outlet's name (صحيفة "لوفيغارو" الفرنسية، قناة فوكس نيوز الأمريكية); normalised.
OUTLET_HEADS = frozenset(normalize(w) for w in (
    "صحيفة", "جريدة", "مجلة", "قناة", "شبكة", "موقع", "وكالة", "إذاعة", "تلفزيون", "محطة", "يومية", "أسبوعية"))
#: Words an outlet's name does not contain (a time, a particle, a generic word after the head).
_OUTLET_STOP = NAME_STOP | frozenset(normalize(w) for w in (
    "أنباء", "الأنباء", "للأنباء", "التواصل", "الاجتماعي", "الإلكتروني", "الرسمية", "الرسمي", "الإخبارية",
    "الإخباري", "المحلية", "المحلي", "الحكومية", "الحكومي", "التلفزيونية", "تلفزيونية", "إخبارية",
    "اليومية", "الأسبوعية", "المستقلة", "الشهيرة", "الواسعة", "الانتشار", "واسعة", "المتخصص", "المتخصصة"))
_OUTLET_WORD_RE = re.compile(r'\w+|["«»“”]')
#: Clitics an outlet noun may carry (وصحيفة، لصحيفة، بحسب قناة: not the article).
_OUTLET_PREFIXES = frozenset({"و", "ف", "ب", "ل", "وب", "ول", "فب", "فل"})
_OPEN_QUOTES, _CLOSE_QUOTES = '"«“', '"»”'


def outlet_candidates(articles: pd.DataFrame, lexicon_dir: Path = LEXICON_DIR, min_count: int = 2) -> pd.DataFrame:
    """Outlets the corpus names with a head noun and a nisba, and the side the nisba gives.

    The frame is "head NAME nisba": an outlet noun (صحيفة، قناة، مجلة، موقع …), a name in
    quotation marks or of one to three words, and a nisba adjective right after it (صحيفة
    "لوفيغارو" الفرنسية، صحيفة وول ستريت جورنال الأمريكية). Outlets are placed by their
    country (docs/codebook.md §2), and a press review names them with the nisba once or never:
    a name the corpus places on one side nearly always is a candidate row for media.csv,
    so that its bare uses (وقالت لوفيغارو، صحيفة ليبراسيون قالت) are the outlet of that side.

    Returns
    -------
    pandas.DataFrame
        ``candidate`` (the name, normalised), ``surface`` (its commonest printed form),
        ``heads`` (the head nouns it follows), ``side`` (the side of most placements),
        ``country_id``, ``count`` (placements with that side), ``agreement`` (over all its
        placements), ``articles``, ``bare`` (uses after a head with no nisba: what a row
        would place), ``in_lexicon`` (a media or actor alias already) and an example. Only
        names placed at least ``min_count`` times; sorted by count, most first.
    """
    nisba_rows = _csv_rows(lexicon_dir / "nisba.csv")
    nisba_rows = nisba_rows[nisba_rows["places"] == "any"]
    side_of = {normalize(a): (s, c) for a, s, c in zip(nisba_rows["adjective"], nisba_rows["side"], nisba_rows["country_id"])}
    known = set(_csv_rows(lexicon_dir / "media.csv")["alias"].map(normalize))
    known |= set(_csv_rows(lexicon_dir / "actors.csv")["alias"].map(normalize))
    placed: dict[str, Counter] = defaultdict(Counter)
    after_head, surfaces, heads, seen_in, example = Counter(), defaultdict(Counter), defaultdict(Counter), defaultdict(set), {}
    for record in articles[["article_id", "title", "body"]].itertuples(index=False):
        for part, original in (("title", record.title or ""), ("body", record.body or "")):
            mapped = normalize_with_map(original)
            tokens_ = [(m.group(), m.start(), m.end()) for m in _OUTLET_WORD_RE.finditer(mapped.text)]
            n = len(tokens_)
            for i, (word, head_start, _) in enumerate(tokens_):
                head = _bare(word, _OUTLET_PREFIXES)
                if head not in OUTLET_HEADS or i + 1 >= n:
                    continue
                if tokens_[i + 1][0] in _OPEN_QUOTES:  # صحيفة "لوفيغارو" الفرنسية
                    close = next((j for j in range(i + 2, min(n, i + 8)) if tokens_[j][0] in _CLOSE_QUOTES), None)
                    if close is None or close == i + 2:
                        continue
                    spans = [(i + 2, close, close + 1)]
                else:  # صحيفة وول ستريت جورنال الأمريكية: the shortest name a nisba follows
                    spans = [(i + 1, i + 1 + k, i + 1 + k) for k in (1, 2, 3)]
                hit = None
                for first, stop, nxt in spans:
                    words = [w for w, _, _ in tokens_[first:stop]]
                    if not words or any(not w.isalnum() for w in words):
                        break
                    if len(spans) == 3 and (any(w in _OUTLET_STOP for w in words) or words[0] in OUTLET_HEADS):
                        break
                    if len(spans) == 3 and words[-1] in side_of:
                        break
                    after_head[" ".join(words)] += 1  # every name this head may open, placed or not
                    if nxt < n and tokens_[nxt][0] in side_of:
                        hit = (" ".join(words), first, stop, nxt)
                        break
                if hit is None:
                    continue
                name, first, stop, nxt = hit
                side, country = side_of[tokens_[nxt][0]]
                placed[name][(side, country)] += 1
                seen_in[name].add(str(record.article_id))
                heads[name][head] += 1
                s_start, s_end = mapped.to_original(tokens_[first][1], tokens_[stop - 1][2])
                surfaces[name][original[s_start:s_end]] += 1
                if name not in example:
                    o_start, o_end = mapped.to_original(head_start, tokens_[nxt][2])
                    example[name] = {"example_article": str(record.article_id), "example_part": part,
                                     "example_start": o_start, "example_end": o_end}
    rows = []
    for name, sides in placed.items():
        total = sum(sides.values())
        (side, country), count = sorted(sides.items(), key=lambda kv: (-kv[1], kv[0]))[0]
        if count < min_count:
            continue
        rows.append({"candidate": name, "surface": surfaces[name].most_common(1)[0][0],
                     "heads": "، ".join(h for h, _ in heads[name].most_common()), "side": side,
                     "country_id": country, "count": count, "agreement": round(count / total, 3),
                     "articles": len(seen_in[name]), "bare": after_head[name] - total, "in_lexicon": name in known,
                     **example[name]})
    columns = ["candidate", "surface", "heads", "side", "country_id", "count", "agreement", "articles", "bare",
               "in_lexicon", "example_article", "example_part", "example_start", "example_end"]
    frame = pd.DataFrame(rows, columns=columns)
    return frame.sort_values(["count", "candidate"], ascending=[False, True]).reset_index(drop=True)


def _write(frame: pd.DataFrame, path: Path) -> None:
    with atomic_path(path) as tmp:
        frame.to_csv(tmp, index=False, encoding="utf-8", lineterminator="\n")


def main(argv: Iterable[str] | None = None) -> None:
    """Command line: mine a corpus and write the eight candidate tables and the office sides."""
    from analysis.corpus.io import read_articles

    parser = argparse.ArgumentParser(prog="python -m analysis.coding.mining", description=__doc__.splitlines()[0])
    parser.add_argument("corpus", help="corpus file or folder (any format read_articles reads)")
    parser.add_argument("--out", required=True,
                        help="folder for cue_, title_, name_, actor_name_, clitic_name_, stance_, "
                             "inflection_ and outlet_candidates.csv "
                             "and office_sides.csv")
    parser.add_argument("--min-count", type=int, default=MiningWindows.min_count)
    args = parser.parse_args(list(argv) if argv is not None else None)
    articles = read_articles(args.corpus)
    windows = MiningWindows(min_count=args.min_count)
    forms = lexicon_forms()
    out = Path(args.out)
    for name, miner in (("cue", cue_candidates), ("title", title_candidates), ("name", name_candidates),
                        ("actor_name", actor_name_candidates), ("clitic_name", clitic_name_candidates),
                        ("stance", stance_candidates)):
        table = miner(articles, windows, forms)
        _write(table, out / f"{name}_candidates.csv")
        print(f"{name}: {len(table)} candidates, {int((~table['in_lexicon']).sum())} not in the lexicon")
    table = inflection_candidates(articles)
    _write(table, out / "inflection_candidates.csv")
    print(f"inflection: {len(table)} forms the verb cues lack, {int((table['count'] > 0).sum())} seen in the corpus")
    table = outlet_candidates(articles)
    _write(table, out / "outlet_candidates.csv")
    print(f"outlets: {len(table)} placed by a nisba, {int((~table['in_lexicon']).sum())} not in the lexicon")
    table = office_sides(articles)
    _write(table, out / "office_sides.csv")
    print(f"office sides: {len(table)} offices, {int((table['share'] >= 0.95).sum())} placed on one side 95 % of the time")


if __name__ == "__main__":
    main()
