"""How much the learned stance pass gains from more coded articles (dev split only).

    python data/annotations/tools/stance_learning_curve.py --rounds 1,2,3,4,5,6,7 --jobs 2

Prints out-of-fold precision, recall and F1 of the rules alone and of the rules with a model
fitted on 25 %, 50 %, 75 % and all of each fold's training articles (C and threshold as
shipped unless given). Never reads the test split.
"""

from __future__ import annotations

import argparse
import json
import sys

from analysis.coding.stance_model import MODEL_PATH
from analysis.validation.stance_training import learning_curve, training_set


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--rounds", required=True, help="dev rounds (comma-separated)")
    p.add_argument("--shares", default="0.25,0.5,0.75,1", help="shares of the training articles")
    p.add_argument("--jobs", type=int, default=1)
    p.add_argument("--c", type=float, default=None)
    p.add_argument("--threshold", type=float, default=None)
    args = p.parse_args(argv)
    shipped = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    c = shipped["c"] if args.c is None else args.c
    threshold = shipped["threshold"] if args.threshold is None else args.threshold
    ts = training_set(tuple(args.rounds.split(",")), args.jobs)
    curve = learning_curve(ts, tuple(float(s) for s in args.shares.split(",")), c=c, threshold=threshold)
    print(f"{len(ts.article_ids)} dev articles, C={c}, threshold={threshold}")
    print(curve.to_string(index=False, float_format=lambda v: f"{v:.3f}"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
