"""The clitics of Arabic written words, defined once for every stage.

Arabic writes conjunctions, prepositions and the article on the front of the word and
object or possessive pronouns on its end (ولافروف، بموسكو، للولايات، اتهمها، حكومتنا).
Matching a lexicon word in running text therefore means: the word, perhaps with one of
these prefixes before it and one of these suffixes after it, and nothing else glued on.
All forms are written as they are after :func:`analysis.text.normalize.normalize`.

Names are matched with their prefixes only (a suffix on a name is another word), and
never stemmed.
"""

from __future__ import annotations

from functools import lru_cache

#: Conjunctions written on the next word: "and", "then/so".
CONJUNCTIONS = ("و", "ف")
#: One-letter prepositions written on the next word: "with/by", "like", "for/to".
PREPOSITIONS = ("ب", "ك", "ل")
#: The definite article.
ARTICLE = "ال"

#: What may stand before a verb: nothing or a conjunction.
VERB_PREFIXES = frozenset({""} | set(CONJUNCTIONS))
#: What may stand before a noun or a name: a conjunction, a preposition, the article and
#: their combinations (لل is ل + ال with the alef dropped, as Arabic spells it).
NOUN_PREFIXES = frozenset({
    "", "و", "ف", "ب", "ل", "ك", "ال", "وال", "فال", "بال", "لل", "وب", "ول", "فب",
    "وبال", "ولل", "فل",
})
#: Object pronouns a reporting verb carries (اتهمه، نفاها، حذرهم).
OBJECT_SUFFIXES = frozenset({"", "ه", "ها", "هم", "هما"})
#: Object and possessive pronouns, longest first so that a longer ending wins (هما before هم).
PRONOUN_SUFFIXES = ("هما", "كما", "هم", "هن", "كم", "ها", "نا", "ني", "ه", "ك", "ي")
#: Pronouns a complementizer carries (أنه، إنهن، بأنكم، أنني): all but ك, because بأنك is
#: spelt like بانك "bank" once normalised.
COMPLEMENTIZER_SUFFIXES = tuple(s for s in PRONOUN_SUFFIXES if s != "ك")
#: Pronoun suffixes a word may lose when it is looked up in the stance lexicon (إدانته →
#: إدانة، تهديداتهم → تهديدات). Left out: ي, which also ends nisba adjectives (تعاوني
#: "cooperative", التنسيقي "coordinating"), and هن، ك، كما, which on the whole ANT corpus
#: added 7 units of which one was right (إدانتهن is mostly "their conviction").
LOOKUP_SUFFIXES = tuple(s for s in PRONOUN_SUFFIXES if s not in ("ي", "هن", "ك", "كما"))
#: Letters a prefix can end in: a match glued to any other letter is inside a longer word.
PREFIX_LETTERS = frozenset("".join(NOUN_PREFIXES | VERB_PREFIXES))


def strip_prefix(word: str, prefixes: frozenset[str] = NOUN_PREFIXES, *, min_stem: int = 2) -> list[str]:
    """Every reading of ``word`` as prefix + stem, longest prefix first, stem ≥ ``min_stem``.

    Examples
    --------
    >>> strip_prefix("وبالعقوبات")
    ['عقوبات', 'العقوبات', 'بالعقوبات', 'وبالعقوبات']
    >>> strip_prefix("قال")
    ['قال']
    """
    try:
        ordered = _longest_first(prefixes)
    except TypeError:  # a set of prefixes of the caller's own (unhashable)
        ordered = tuple(sorted(prefixes, key=len, reverse=True))
    readings = [word[len(p):] for p in ordered
                if word.startswith(p) and len(word) - len(p) >= min_stem]
    return list(dict.fromkeys(readings))


@lru_cache(maxsize=16)
def _longest_first(prefixes: frozenset[str]) -> tuple[str, ...]:
    """``prefixes`` longest first (sorted once per set of prefixes, not once per word)."""
    return tuple(sorted(prefixes, key=len, reverse=True))


def strip_conjunction(word: str, *, min_stem: int = 3) -> str:
    """``word`` without a leading و or ف, when at least ``min_stem`` letters remain.

    A root و or ف is stripped too (فرنسا → رنسا): use it to compare a word with a list of
    function words or lexicon forms, not to find a word's stem.

    Examples
    --------
    >>> strip_conjunction("وقال"), strip_conjunction("فإنه"), strip_conjunction("وفد")
    ('قال', 'إنه', 'وفد')
    """
    if len(word) - 1 >= min_stem and word[:1] in CONJUNCTIONS:
        return word[1:]
    return word
