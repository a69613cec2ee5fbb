#!/usr/bin/env bash
# Prove the legacy label path: run the label and rendering tests on matplotlib 3.10.9,
# where analysis.labels.arabic_label must reshape and reorder (no libraqm in ft2font).
# Builds .venv-mpl310 beside .venv when it is missing; called by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=.venv-mpl310
REQ=tests/legacy/requirements-mpl310.txt
PYTHON=${PYTHON:-python3}

if [ ! -x "$VENV/bin/python" ] || [ "$REQ" -nt "$VENV/.installed" ]; then
    "$PYTHON" -m venv "$VENV"
    "$VENV/bin/python" -m pip install --quiet --upgrade "pip==26.3"
    "$VENV/bin/python" -m pip install --quiet --no-deps -r "$REQ"
    # The package itself without its dependencies (they are matplotlib 3.11's pins).
    # Built from a copy so that the build leaves no files in the working tree.
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    cp -r pyproject.toml README.md analysis "$tmp"/ 2>/dev/null || cp -r pyproject.toml analysis "$tmp"/
    touch "$tmp/README.md"
    "$VENV/bin/python" -m pip install --quiet --no-deps "$tmp"
    touch "$VENV/.installed"
fi

# Run from a folder outside the tree so that the installed copy is imported, but point
# it at this checkout's sources so the tests exercise the current code.
"$VENV/bin/python" - <<'PY'
import matplotlib, matplotlib.ft2font
assert matplotlib.__version__ == "3.10.9", matplotlib.__version__
assert not hasattr(matplotlib.ft2font, "__libraqm_version__"), "3.10.9 unexpectedly shapes"
print("legacy check on matplotlib", matplotlib.__version__, "(no libraqm)")
PY
PYTHONPATH="$PWD" "$VENV/bin/python" -m pytest -q -p no:cacheprovider \
    tests/test_labels.py tests/test_rendering.py
