"""A learned second pass over stance: which side evaluates which, sentence by sentence.

The stance rules (:mod:`analysis.coding.stance`) find a unit only where a lexicon cue
links a holder and a target the rules can place; on news they were not written on they
find about one unit in eight (docs/evaluation.md). This module adds a small linear model,
trained on the ``dev`` split of the gold only, that looks at every *candidate* pair of a
sentence and says whether the gold would code a unit for it, and with which polarity:

* **candidates** — in each sentence, every target side an actor mention places there
  (and, when a source speaks in the sentence, every side named in the sentence before:
  codebook §4, targets in an earlier sentence), and every holder side an attribution
  source or a mention gives it (holder and target differ, except that a source whose
  reported words name another actor of its own side may evaluate its own side: a US
  senator on the US president, codebook §4);
* **features** — the sentence's words (normalised, with and without a leading و/ف),
  the holder's and target's sides (russia, us or a third party), whether the holder is
  the source of an attribution in the sentence and with which cue category, whether the
  target is named inside that source's reported words, whether the holder evaluates its
  own side, whether the holder is named before the target, the two words before the target and after the
  holder, and the stance-lexicon cues of the sentence (never the rules' units);
* **model** — multinomial logistic regression (none / negative / positive), trained
  with scikit-learn by :func:`train` and shipped as plain numbers in
  ``analysis/lexicons/stance_model.json``; at run time it is scored in plain Python
  (:func:`model_units`), so the pipeline does not import scikit-learn.

In a sentence where the rules coded nothing, a candidate becomes a unit when the model's
probability of a polarity reaches the shipped threshold, at most
:data:`MAX_UNITS_PER_SENTENCE` (two) in a sentence, the likeliest. Its evidence is the whole sentence, its ``kind``
is the model's default for the polarity (``criticism`` or ``praise``) and its ``cue`` is
empty: a model unit carries no cue word, which is how a user tells it from a rule unit.
Rule units are kept as they are.

How the model and its threshold were chosen, and its cross-validated accuracy on dev,
are in docs/stance-notes.md; ``data/annotations/tools/train_stance_model.py`` retrains it
from the gold and must reproduce the shipped file: the same features and added units,
weights within the solver's reach (:func:`analysis.validation.stance_training.refit`).
"""

from __future__ import annotations

import json
import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import NamedTuple

from analysis.corpus.paths import LEXICON_DIR
from analysis.text.segment import Doc

MODEL_PATH = LEXICON_DIR / "stance_model.json"
#: Labels of the model, in the order of its weight rows.
LABELS = ("none", "negative", "positive")
#: The ``kind`` given to a model unit of each polarity (its cue-less default).
MODEL_KIND = {"negative": "criticism", "positive": "praise"}
#: Sides the features keep by name; every other side is a ``third`` party.
NAMED_SIDES = ("russia", "us")
#: At most this many model units in one sentence (the likeliest). A sentence naming many
#: sides shares its word features with every pair, so it passed the threshold with nearly
#: all of them (44 units on a summit article of dev round 34, 32 in its gold). Out of fold
#: on dev rounds 1–34 (five folds, two fold seeds): see docs/stance-notes.md, round 15.
MAX_UNITS_PER_SENTENCE = 2
#: Parts whose sentences are never coded (as in the rules).
SKIPPED_PARTS = frozenset({"boilerplate"})

_WORD_RE = re.compile(r"[^\W\d_]+")
# what splits a \w+ word into several of _WORD_RE's letter words (or drops it)
_NOT_LETTER_RE = re.compile(r"[\d_]")


@dataclass(frozen=True)
class Candidate:
    """One (holder side, target side) pair of one sentence: its own features; the words
    and other features it shares with the sentence's other pairs are in ``shared``."""

    sent_index: int
    holder: str  # actor id (the side's id when no actor is named)
    holder_side: str
    target_side: str
    own: tuple[str, ...]
    shared: tuple[str, ...]

    @property
    def features(self) -> tuple[str, ...]:
        return self.own + self.shared


def _group(side: str) -> str:
    return side if side in NAMED_SIDES else "third"


#: (holder group, target group) -> the pair's first three features
_GROUP_FEATURES = {(hg, tg): (f"h:{hg}", f"t:{tg}", f"ht:{hg}>{tg}")
                   for hg in (*NAMED_SIDES, "third") for tg in (*NAMED_SIDES, "third")}


def _part_key(part: str) -> str:
    return "title" if part == "title" else "body"


def _in_sentence(start: int, part: str, sent) -> bool:
    return _part_key(part) == _part_key(sent.part) and sent.start <= start < sent.end


def _placed(side) -> bool:
    return isinstance(side, str) and side not in ("", "unknown")


def _lexicon_features(words: Iterable[str], lex) -> list[str]:
    out = set()
    for entries in lex.entries_of_tokens(list(words)):
        for entry in entries:
            if entry.role == "cue":
                out.add(f"lex:{entry.kind}:{entry.polarity}")
    return sorted(out)


def _cue_features(words: set[str], lex) -> list[str]:
    """:func:`_lexicon_features` of a set of words, looking only at the words that can
    start a cue (:meth:`StanceLexicon.cue_words_in`, memoised: most words start none)."""
    cue_words = lex.cue_words_in(words)
    if not cue_words:
        return []
    return _lexicon_features(cue_words, lex)


class _Sentence(NamedTuple):
    """One sentence with candidate pairs: what its pairs share and each pair's own features."""

    index: int
    sent: object  # the Sentence
    words: list[str]  # its letter words (normalised), in text order
    n_targets: int
    pairs: list[tuple[str, str, str, tuple[str, ...]]]  # (holder id, holder side, target side, own)


#: ``_Sentence(*fields)`` without the Python-level ``__new__`` of a named tuple.
_new_sentence = partial(tuple.__new__, _Sentence)


def _shared_features(s: _Sentence, lexicon) -> tuple[str, ...]:
    """The features every pair of a sentence shares (:class:`Candidate` ``shared``)."""
    uniq = set(s.words)
    shared = [f"w:{w}" for w in sorted(uniq)]
    shared += [f"w:{w[1:]}" for w in sorted({w for w in uniq if w[:1] in _CONJ and len(w) > 3})]
    shared += _cue_features(uniq, lexicon)
    shared.append(f"ntargets:{min(s.n_targets, 3)}")
    if s.sent.part in ("title", "heading"):
        shared.append("heading")
    return tuple(shared)


def candidates(doc: Doc, mentions: Sequence[dict], attributions: Sequence[dict],
               skip: frozenset | set = frozenset()) -> list[Candidate]:
    """Every candidate pair of every sentence of one article, with its features.

    ``mentions`` and ``attributions`` are the records of the earlier stages (original
    offsets); sentences whose ``sent_id`` is in ``skip`` are left out. The features do not
    look at the rule units: the rules were written on the dev articles the model learns
    from, so features built on them would teach it the rules' precision on dev (0.55),
    not on unseen news (about 0.3).
    """
    from analysis.coding.stance import load_stance_lexicon

    lexicon = load_stance_lexicon()
    out: list[Candidate] = []
    for s in _sentence_pairs(doc, mentions, attributions, skip):
        shared_t = _shared_features(s, lexicon)
        i = s.index
        out.extend([Candidate(i, hid, h, t, own, shared_t) for hid, h, t, own in s.pairs])
    return out


_CONJ = ("و", "ف")
#: Up to this many (source, mention) pairs in a sentence each pair is tested; above it the
#: mentions in each source's words are found by bisection.
_FEW_PAIRS = 64


def _sentence_pairs(doc: Doc, mentions: Sequence[dict], attributions: Sequence[dict],
                    skip: frozenset | set) -> list[_Sentence]:
    """The sentences of :func:`candidates` that hold a pair, in order, with their pairs."""
    out: list[_Sentence] = []
    by_sent = _mentions_by_sentence(doc, mentions)
    atts_by_sent: dict[int, list[dict]] = {}
    for a in attributions:
        atts_by_sent.setdefault(a.get("sent_id"), []).append(a)
    sentences = doc.sentences
    if atts_by_sent:
        index_of = {sent.sent_id: i for i, sent in enumerate(sentences)}
        spoken = {index_of[k] for k in atts_by_sent if k in index_of}
        order = sorted(set(by_sent) | spoken)
    else:
        order = sorted(by_sent)
    spans = None
    for i in order:  # a sentence with a mention or a source
        ments = by_sent.get(i, ())
        sent = sentences[i]
        if sent.part in SKIPPED_PARTS or sent.sent_id in skip:
            continue
        atts = atts_by_sent.get(sent.sent_id, ())
        sides = [str(m["side"]) for m in ments]
        if not atts and len(set(sides)) < 2:
            continue  # one side and no source: no pair (the author is left to the rules)
        targets = sorted(set(sides))
        first_at: dict[str, int] = {}
        holder_ids: dict[str, str] = {}
        for m, side in zip(ments, sides):
            if side not in first_at:
                first_at[side] = int(m["start"])
            if side not in holder_ids:
                holder_ids[side] = str(m.get("actor_id") or side)
        src_cats: dict[str, set[str]] = {}
        in_content: set[tuple[str, str]] = set()  # (holder, target): target named in holder's words
        same_side: set[str] = set()  # a source evaluating another actor of its own side
        if len(atts) * len(ments) > _FEW_PAIRS:
            # the mentions by start, so that each source's content span finds its own by
            # bisection (a sentence with many sources and mentions is not read once per pair)
            by_start = sorted(range(len(ments)), key=lambda k: int(ments[k]["start"]))
            starts = [int(ments[k]["start"]) for k in by_start]
        else:
            by_start = range(len(ments))  # few: every mention, each tested below
            starts = None
        for a in atts:
            side = a.get("source_side")
            if _placed(side):
                side = str(side)
                src_cats.setdefault(side, set()).add(str(a.get("cue_category")))
                if a.get("source_actor_id"):
                    holder_ids[side] = str(a["source_actor_id"])
                else:
                    holder_ids.setdefault(side, side)
                if not ments:
                    continue
                # _in_content(m, a) for the mentions that start in the content span
                try:
                    c_start, c_end = int(a.get("content_start")), int(a.get("content_end"))
                except (TypeError, ValueError):  # no content span (None, NaN or NA)
                    continue
                a_part = a.get("part")
                within = by_start if starts is None else by_start[bisect_left(starts, c_start):bisect_right(starts, c_end)]
                for k in within:
                    m, m_side = ments[k], sides[k]
                    if m.get("part") != a_part or not (c_start <= int(m["start"]) and int(m["end"]) <= c_end):
                        continue
                    in_content.add((side, m_side))
                    if m_side == side and (m.get("actor_id") or None) != (a.get("source_actor_id") or None):
                        same_side.add(side)  # انتقد شومر ترامب قائلا …: us on us
        earlier: set[str] = set()  # targets named in the sentence before, evaluated here by a source
        if src_cats and i - 1 in by_sent and _part_key(sentences[i - 1].part) == _part_key(sent.part):
            earlier = {str(m["side"]) for m in by_sent[i - 1]} - set(targets)
        holders = sorted(set(targets) | set(src_cats))  # a holder speaks in this sentence
        targets = sorted(set(targets) | earlier)
        # all(h == t for h in holders for t in targets): no holder or target, or one side
        if not same_side and (not holders or not targets or (
                len(holders) == 1 and len(targets) == 1 and holders[0] == targets[0])):
            continue  # one side only: no pair (the author as holder is left to the rules)
        if spans is None:
            spans = doc.sentence_norm_spans()
        norm = doc.normalized(sent.part)
        text = norm.text
        lo, hi = spans[i]
        before: dict[str, list[str]] = {}
        after: dict[str, list[str]] = {}
        for side, start in first_at.items():
            pos = norm.to_normalized(start)
            before[side] = [f"tprev:{w}" for w in _WORD_RE.findall(text, max(lo, pos - 30), pos)[-2:]]
            after[side] = [f"hnext:{w}" for w in _WORD_RE.findall(text, pos, min(hi, pos + 60))[1:3]]
        pairs = []
        groups = [(t, _group(t)) for t in targets]
        for h in holders:
            hg = _group(h)
            if h in src_cats:
                cats = sorted(src_cats[h])
                src_f = ["hsrc"] + [f"hsrc:{c}" for c in cats]
                content_f = ["tincontent"] + [f"tincontent:{c}" for c in cats]
            else:
                src_f, content_f = ["hmention"], ["tincontent"]
            h_at = first_at.get(h)
            h_after = after.get(h, ())
            h_id = holder_ids.get(h, h)
            for t, tg in groups:
                if h == t and h not in same_side:
                    continue
                f = list(_GROUP_FEATURES[hg, tg])  # h:, t:, ht:
                if h == t:
                    f.append("same")
                if t in earlier:
                    f.append("tearlier")
                if (h, t) in in_content:
                    f += content_f
                f += src_f
                if h_at is not None and t in first_at:
                    f.append("h<t" if h_at < first_at[t] else "t<h")
                f += before.get(t, ())
                f += h_after
                # each feature once (two equal words before a target): the model was
                # fitted on presence, so a repeat must not count twice when scoring
                pairs.append((h_id, h, t, tuple(dict.fromkeys(f))))
        out.append(_new_sentence((i, sent, _letter_words(norm, lo, hi), len(targets), pairs)))
    return out


def _letter_words(norm, lo: int, hi: int) -> list[str]:
    """``_WORD_RE.findall(norm.text, lo, hi)``: the normalised text's cached ``\\w+`` words
    of the span when none is cut by a bound and the span has no digit or underscore (the
    letter words are then exactly the ``\\w+`` words), else the regex."""
    span = norm.word_range(lo, hi)
    if span is None or _NOT_LETTER_RE.search(norm.text, lo, hi):
        return _WORD_RE.findall(norm.text, lo, hi)
    return norm.words.words[span[0]:span[1]]


def _in_content(m: dict, a: dict) -> bool:
    """Whether mention ``m`` lies inside the reported words of attribution ``a``."""
    try:
        start, end = int(a.get("content_start")), int(a.get("content_end"))
    except (TypeError, ValueError):  # no content span (None, NaN or NA)
        return False
    return m.get("part") == a.get("part") and start <= int(m["start"]) and int(m["end"]) <= end


def _mentions_by_sentence(doc: Doc, mentions: Sequence[dict]) -> dict[int, list[dict]]:
    """Sentence index -> the placed mentions that start in it, in text order."""
    placed = []
    for m in mentions:
        side = m.get("side")
        if isinstance(side, str) and side not in ("", "unknown"):  # _placed(side)
            placed.append((int(m["start"]), m))
    if not placed:
        return {}
    placed.sort(key=_first)  # stable: mentions with one start keep their order
    starts: dict[str, tuple[list[int], list[int]]] = {"title": ([], []), "body": ([], [])}
    for i, sent in enumerate(doc.sentences):
        pos, idx = starts["title" if sent.part == "title" else "body"]
        pos.append(sent.start)
        idx.append(i)
    sentences = doc.sentences
    out: dict[int, list[dict]] = {}
    for start, m in placed:
        part = m.get("part")
        if type(part) is not str:
            part = str(part or "body")
        pos, idx = starts["title" if part == "title" else "body"]
        k = bisect_right(pos, start) - 1
        if k >= 0 and start < sentences[idx[k]].end:
            out.setdefault(idx[k], []).append(m)
    return out


def _first(pair: tuple) -> int:
    return pair[0]


# ----------------------------------------------------------------------------- model


def load_model(path: str | Path | None = None) -> dict:
    """The shipped model: ``{"labels", "threshold", "bias", "weights": {feature: [..]}, ...}``.

    Read once per version of the file, like the lexicons (a retrained model is read again
    on the next call; :func:`analysis.coding.lexicons.load_cached`).
    """
    from analysis.coding.lexicons import load_cached

    return load_cached(_read_model, Path(path) if path else MODEL_PATH)


def _read_model(file: Path) -> dict:
    try:
        model = json.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise FileNotFoundError(f"{file}: the stance model is missing; retrain it with "
                                "data/annotations/tools/train_stance_model.py") from None
    except json.JSONDecodeError as err:
        raise ValueError(f"{file}, line {err.lineno}: not valid JSON ({err.msg}); retrain the "
                         "stance model with data/annotations/tools/train_stance_model.py") from None
    missing = {"labels", "threshold", "bias", "weights"} - set(model)
    if missing or tuple(model["labels"]) != LABELS:
        raise ValueError(f"{file}: not a stance model of this version (missing {sorted(missing)} "
                         f"or labels not {list(LABELS)}); retrain it")
    return model


def _raw_scores(features: Iterable[str], model: dict, scores: list[float]) -> list[float]:
    s0, s1, s2 = scores  # summed in the order of the features, as floats always were
    for w in map(model["weights"].get, features):
        if w is not None:
            s0 += w[0]
            s1 += w[1]
            s2 += w[2]
    scores[:] = (s0, s1, s2)
    return scores


def _softmax(scores: list[float]) -> list[float]:
    top = max(scores)
    exps = [math.exp(x - top) for x in scores]
    total = sum(exps)
    return [e / total for e in exps]


def probabilities(features: Iterable[str], model: dict) -> list[float]:
    """Softmax probabilities of :data:`LABELS` for one candidate's features."""
    return _softmax(_raw_scores(features, model, list(model["bias"])))


def model_units(doc: Doc, mentions: Sequence[dict], attributions: Sequence[dict],
                units: Sequence[dict], model: dict | None = None) -> list[dict]:
    """The units the model adds to the rule ``units`` of one article (records of ``schema.STANCE``).

    Scores the candidates of :func:`candidates` without building their shared features
    as strings: a sentence's words are looked up in the model's word weights directly,
    and summed in the order of those features (so the scores are the same floats).
    """
    sides = {m.get("side") for m in mentions} | {a.get("source_side") for a in attributions}
    if sum(1 for side in sides if _placed(side)) < 2 and not _may_judge_own_side(mentions, attributions):
        return []  # no sentence can hold a pair (most sport and economy news)
    model = model or load_model()
    covered = {u.get("sent_id") for u in units}
    sentences = _sentence_pairs(doc, mentions, attributions, covered)
    if not sentences:
        return []
    from analysis.coding.stance import load_stance_lexicon

    lexicon = load_stance_lexicon()
    weights = model["weights"]
    word_weights = _word_weights(weights)
    bias = model["bias"]
    cands: list[_Pair] = []
    probs = []
    get = weights.get
    exp = math.exp
    for s in sentences:
        b0, b1, b2 = _add(_shared_weights(s, lexicon, weights, word_weights), list(bias))
        i = s.index
        for hid, h, t, own in s.pairs:
            cands.append(_new_pair((i, hid, h, t)))
            # _softmax(_add(map(weights.get, own), [b0, b1, b2])), inlined: the same
            # float operations in the same order
            s0, s1, s2 = b0, b1, b2
            for w in map(get, own):
                if w is not None:
                    s0 += w[0]
                    s1 += w[1]
                    s2 += w[2]
            top = max(s0, s1, s2)
            e0, e1, e2 = exp(s0 - top), exp(s1 - top), exp(s2 - top)
            total = e0 + e1 + e2
            probs.append([e0 / total, e1 / total, e2 / total])
    return units_from_probabilities(doc, cands, probs, units, float(model["threshold"]))


class _Pair(NamedTuple):
    """What :func:`units_from_probabilities` reads of a :class:`Candidate` (a candidate
    scored by :func:`model_units` needs no feature strings kept)."""

    sent_index: int
    holder: str
    holder_side: str
    target_side: str


_new_pair = partial(tuple.__new__, _Pair)


def _shared_weights(s: _Sentence, lexicon, weights: dict, word_weights: dict) -> list:
    """The weights of :func:`_shared_features` that are not None, in order (the features
    without a weight add nothing to a score, so they are left out)."""
    uniq = set(s.words)
    get = word_weights.get
    # only the words that have a weight, and the و/ف words whose rest has one, in the
    # sorted order of :func:`_shared_features` (two set intersections instead of a
    # lookup of every word)
    words, conj = _word_keys(word_weights)
    found = list(map(get, sorted(uniq & words)))
    found += [get(w[1:]) for w in sorted(uniq & conj)]
    found += map(weights.get, _cue_features(uniq, lexicon))
    found.append(weights.get(f"ntargets:{min(s.n_targets, 3)}"))
    if s.sent.part in ("title", "heading"):
        found.append(weights.get("heading"))
    return found


def _add(vectors: Iterable, scores: list[float]) -> list[float]:
    """``scores`` plus each weight vector that is not None, summed in order (as
    :func:`_raw_scores`)."""
    s0, s1, s2 = scores
    for w in vectors:
        if w is not None:
            s0 += w[0]
            s1 += w[1]
            s2 += w[2]
    scores[:] = (s0, s1, s2)
    return scores


# model weights dict id -> (the dict, its size, word -> weights of the feature "w:word")
_WORD_WEIGHTS: dict[int, tuple[dict, int, dict]] = {}
# word weights dict id -> (the dict, its words, the words و/ف + a weighted word that have
# more than 3 letters)
_WORD_KEYS: dict[int, tuple[dict, frozenset[str], frozenset[str]]] = {}


def _word_weights(weights: dict) -> dict:
    """The weights of the word features (``w:…``) keyed by the word: built once per
    weights dict (a model is not edited in place: a retrained file is a new dict)."""
    found = _WORD_WEIGHTS.get(id(weights))
    if found is None or found[0] is not weights or found[1] != len(weights):
        if len(_WORD_WEIGHTS) > 8:
            _WORD_WEIGHTS.clear()
        found = _WORD_WEIGHTS[id(weights)] = (
            weights, len(weights), {f[2:]: w for f, w in weights.items() if f[:2] == "w:"})
    return found[2]


def _word_keys(word_weights: dict) -> tuple[frozenset[str], frozenset[str]]:
    """The weighted words, and every word ``w`` with ``w[:1]`` in و/ف, ``len(w) > 3`` and
    ``w[1:]`` a weighted word (the words whose rest :func:`_shared_features` looks up), as
    sets a sentence's words are intersected with (built once per word weights)."""
    found = _WORD_KEYS.get(id(word_weights))
    if found is None or found[0] is not word_weights:
        if len(_WORD_KEYS) > 8:
            _WORD_KEYS.clear()
        found = _WORD_KEYS[id(word_weights)] = (word_weights, frozenset(word_weights), frozenset(
            c + w for c in _CONJ for w in word_weights if len(w) > 2))
    return found[1], found[2]


def _may_judge_own_side(mentions: Sequence[dict], attributions: Sequence[dict]) -> bool:
    """Whether some source's reported words name another actor of its own side: the one
    candidate (a same-side pair) an article with a single side can have."""
    for a in attributions:
        side = a.get("source_side")
        if _placed(side) and any(m.get("side") == side and _in_content(m, a)
                                 and (m.get("actor_id") or None) != (a.get("source_actor_id") or None)
                                 for m in mentions):
            return True
    return False


def units_from_probabilities(doc: Doc, cands: Sequence[Candidate], probs: Sequence[Sequence[float]],
                             units: Sequence[dict], threshold: float,
                             limit: int | None = None) -> list[dict]:
    """A unit for each candidate whose likelier polarity reaches the model's threshold, in
    the sentences where the rules coded no unit, and at most ``limit`` per sentence (the
    most probable; of equal ones the first candidate; None is :data:`MAX_UNITS_PER_SENTENCE`).

    The model fills the rules' gaps and never adds a pair beside a rule unit: its features
    are mostly the sentence's words, shared by every pair of the sentence, so beside a rule
    unit it tends to add the other pairs as well (ten false units on the example article,
    which it was trained on); filling gaps only cost 0.01 of cross-validated F1 on dev.
    The same sharing makes a sentence that names many sides pass nearly all its pairs at
    once; :data:`MAX_UNITS_PER_SENTENCE` keeps the likeliest few.
    """
    if limit is None:
        limit = MAX_UNITS_PER_SENTENCE  # read at the call, so that a study may set it
    covered = {u.get("sent_id") for u in units}
    passed: dict[int, list[tuple[float, int, int]]] = {}
    for n, (c, p) in enumerate(zip(cands, probs)):
        if doc.sentences[c.sent_index].sent_id in covered:
            continue  # the rules coded this sentence: their units stand, the model adds none
        k = 1 if p[1] >= p[2] else 2
        if p[k] < threshold:
            continue
        passed.setdefault(c.sent_index, []).append((-p[k], n, k))
    kept = [item for found in passed.values() for item in sorted(found)[:limit]]
    out = []
    for _, n, k in sorted(kept, key=_second):
        c = cands[n]
        sent = doc.sentences[c.sent_index]
        polarity = LABELS[k]
        out.append({
            "article_id": doc.article_id, "sent_id": sent.sent_id, "part": sent.part,
            "holder": c.holder, "holder_side": c.holder_side,
            "target_side": c.target_side, "polarity": polarity, "kind": MODEL_KIND[polarity],
            "evidence_start": sent.start, "evidence_end": sent.end, "cue": "",
        })
    return out


def _second(item: tuple) -> int:
    return item[1]


# -------------------------------------------------------------------------- training


def gold_labels(doc: Doc, cands: Sequence[Candidate], gold_units: Sequence[dict]) -> list[str]:
    """The gold label of each candidate: the polarity of a gold unit with its holder and
    target sides whose evidence starts in its sentence, else ``none`` (negative wins a tie)."""
    found: dict[tuple[int, str, str], str] = {}
    for u in gold_units:
        start = u.get("evidence_start")
        if start is None or (isinstance(start, float) and math.isnan(start)):
            continue
        h = u.get("holder_side")
        h = "author" if not isinstance(h, str) or h in ("", "author") else h
        for i, sent in enumerate(doc.sentences):
            if _in_sentence(int(start), str(u["part"]), sent):
                key = (i, h, str(u["target_side"]))
                if found.get(key) != "negative":
                    found[key] = str(u["polarity"])
                break
    return [found.get((c.sent_index, c.holder_side, c.target_side), "none") for c in cands]


def fit(features: Sequence[Sequence[str]], labels: Sequence[str], *, c: float = 1.0,
        min_count: int = 2) -> dict:
    """Fit the multinomial logistic regression (scikit-learn, lbfgs, seeded) and return
    its weights as a model dict (threshold not set). Features seen fewer than
    ``min_count`` times are dropped."""
    from collections import Counter

    import numpy as np
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    counts = Counter(f for feats in features for f in set(feats))
    vocab = sorted(f for f, n in counts.items() if n >= min_count)
    index = {f: j for j, f in enumerate(vocab)}
    rows, cols = [], []
    for i, feats in enumerate(features):
        for j in sorted({index[f] for f in feats if f in index}):
            rows.append(i)
            cols.append(j)
    x = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(features), len(vocab)))
    y = np.array([LABELS.index(label) for label in labels])
    missing = [label for k, label in enumerate(LABELS) if k not in set(y.tolist())]
    if missing:
        raise ValueError(f"no training candidate has the label(s) {missing}: the model needs "
                         "examples of every label; train on more gold articles")
    clf = LogisticRegression(C=c, max_iter=5000, class_weight="balanced", random_state=0)
    clf.fit(x, y)
    coef = clf.coef_  # rows in LABELS order (classes 0, 1, 2)
    weights = {f: [round(float(coef[k, j]), 6) for k in range(len(LABELS))]
               for f, j in index.items() if any(abs(coef[k, j]) >= 1e-6 for k in range(len(LABELS)))}
    return {"labels": list(LABELS), "bias": [round(float(b), 6) for b in clf.intercept_],
            "weights": weights, "threshold": None}
