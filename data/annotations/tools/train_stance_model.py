"""Train the learned stance pass on the dev gold and write analysis/lexicons/stance_model.json.

    python data/annotations/tools/train_stance_model.py             # cross-validate, fit, write
    python data/annotations/tools/train_stance_model.py --check     # refit with the shipped
                                                                    # settings and compare

Uses only the ``dev`` split (rounds given by --rounds); never reads ``test``. See
analysis/validation/stance_training.py for how C and the threshold are chosen.
"""

from __future__ import annotations

import argparse
import json
import sys

from analysis.coding.stance_model import MODEL_PATH
from analysis.validation.stance_training import REFIT_TOLERANCE, refit, train, write_model


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--rounds", default="1,2,3", help="dev rounds to train on (comma-separated)")
    p.add_argument("--out", default=str(MODEL_PATH))
    p.add_argument("--jobs", type=int, default=1)
    p.add_argument("--check", action="store_true",
                   help="refit with the shipped C, threshold and rounds; exit 1 if the refit adds other "
                        f"units or a weight differs by more than {REFIT_TOLERANCE}")
    args = p.parse_args(argv)
    if args.check:
        shipped = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
        report = refit(shipped, args.jobs)
        print(f"settings and training set the same: {report['same_settings']}; features the same: "
              f"{report['same_features']}; largest weight difference {report['max_difference']:.6f} "
              f"(allowed {REFIT_TOLERANCE}); units added differently: {report['changed_units']}; "
              f"settings ranked before it add a unit to the example: {report['earlier_add_units']}")
        print("the shipped stance model is reproduced" if report["reproduced"]
              else "the retrained model differs from the shipped one")
        return 0 if report["reproduced"] else 1
    model = train(tuple(args.rounds.split(",")), args.jobs)
    write_model(model, args.out)
    for row in model.get("cv", []):
        print(row)
    print(f"wrote {args.out}: {len(model['weights'])} features, C={model['c']}, threshold={model['threshold']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
