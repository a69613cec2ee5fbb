"""Cost of one very long sentence: the whole pipeline must grow about linearly with its length.

Builds one article whose body is a single unpunctuated sentence of each size (in thousands
of characters) from three constructed patterns, and a text of short sentences, runs every stage on it
(:func:`analysis.analyze_article`, the learned stance pass included) and prints the seconds
and the milliseconds per thousand characters:

* ``example``: the example article's body with its full stops and line breaks removed;
* ``markers``: "وفقا لما أعلنت الوزارة" again and again (a trailing marker after words);
* ``speech``: "قال لافروف إن موسكو ترفض ذلك وأضاف أن" again and again (acts inside acts);
* ``documents`` (short sentences, not one long one): an outlet named once, then "ونشر تقرير
  الصحيفة ترامب. وأضاف التقرير أن …" again and again (each definite document looks back for the
  same noun named with its owner, codebook note 82, and an outlet noun for the outlet named
  last: as first written, 18,000 words took 130 s).

A step that rereads the sentence for each act makes the milliseconds per thousand grow with
the size. Exit status 1 when, for any pattern, the largest size costs more than three times
as much per character as the smallest.

    python benchmarks/bench_long_sentence.py                  # 5, 10, 20 and 40 thousand
    python benchmarks/bench_long_sentence.py --sizes 10 60

Measured on the project machine (2 cores, shared; 6 December 2026), seconds for one
sentence. Before that day's fixes, ``_reported`` read each earlier act's gap for every
verb, ``_first_marker`` read the words before each trailing marker from the sentence start,
the learned pass compared every source with every mention of a sentence, and each verb
copied the list of the sentence's later act starts:

=========  =====================  ==============================
pattern    before (15,000 chars)  after (20,000 / 80,000 chars)
=========  =====================  ==============================
example    0.03 s                 0.04 s / 0.23 s
markers    105 s                  0.03 s / 0.13 s
speech     0.43 s (1.5 s at 40k)  0.17 s / 0.56 s
=========  =====================  ==============================
"""

from __future__ import annotations

import argparse
import re
import time

from analysis import analyze_article
from analysis.corpus import paths

PATTERNS = {
    "markers": "وفقا لما أعلنت الوزارة ",
    "speech": "قال لافروف إن موسكو ترفض ذلك وأضاف أن ",
}
#: Patterns of many short sentences after a first one (not one long sentence): a step that
#: looks back over the whole part for each act makes these grow faster than the text.
TEXTS = {
    "documents": ("قالت قناة الجزيرة إن الأمر جيد. ", "ونشر تقرير الصحيفة ترامب. وأضاف التقرير أن الأمر جيد. "),
}


def example_unit() -> str:
    """The example article's body as one line without full stops."""
    body = paths.EXAMPLE_ARTICLE.read_text(encoding="utf-8").split("\n", 1)[1]
    return re.sub(r"[.!?؟\n]+", " ", body) + " "


def sentence(unit: str, thousands: int) -> str:
    size = thousands * 1000
    return (unit * (size // len(unit) + 1))[:size]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[5, 10, 20, 40],
                        help="sentence lengths in thousands of characters (default 5 10 20 40)")
    args = parser.parse_args()
    analyze_article("warm-up", "قال لافروف", "وأكد أن موسكو سترد.")  # load the lexicons
    units = {"example": ("", example_unit()), **{k: ("", v) for k, v in PATTERNS.items()}, **TEXTS}
    status = 0
    for name, (first, unit) in units.items():
        per_k = []
        for thousands in sorted(args.sizes):
            body = first + sentence(unit, thousands)
            started = time.perf_counter()
            analyze_article("long", "", body)
            seconds = time.perf_counter() - started
            per_k.append(seconds * 1000 / thousands)
            print(f"{name:8} {thousands:4}k characters  {seconds:7.2f} s  {per_k[-1]:7.2f} ms per 1,000")
        if per_k[-1] > 3 * per_k[0]:
            print(f"{name}: the cost per character grew {per_k[-1] / per_k[0]:.1f}-fold: not linear")
            status = 1
    return status


if __name__ == "__main__":
    raise SystemExit(main())
