# The framing notebook suite. `make help` lists the targets.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
RAW    := data/raw
OUT    := out/example

.DEFAULT_GOAL := help
.PHONY: help env figures study test test-fast lab docs analyze benchmark clean distclean

help: ## List the targets
	@grep -E '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  \033[36m%-12s\033[0m %s\n", $$1, $$2}'

$(STAMP): pyproject.toml requirements/lock.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade "pip==26.3"
	$(PY) -m pip install --quiet -c requirements/lock.txt -e ".[test,docs,dask]"
	$(PY) -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (framing suite)" >/dev/null
	touch $(STAMP)

env: $(STAMP) ## Create .venv with the pinned dependencies and the package (editable)

docs: $(STAMP) ## Build the documentation site into out/docs/html (notebooks executed once, cached)
	$(PY) docs/build.py --out out/docs

analyze: $(STAMP) ## Analyse data/raw into out/example (tables as CSV and Parquet)
	$(PY) -m analysis analyze $(RAW) --out $(OUT)

figures: $(STAMP) ## Rebuild figures/ from data/derived (paper figures; seconds, no corpus) and data/raw (examples)
	$(PY) -m analysis figures --out figures

study: $(STAMP) ## Rerun the paper's study on ANT (studies/ant-2018.toml): data/derived/ant-2018 and figures/
	$(PY) -m analysis study studies/ant-2018.toml
	$(PY) -m analysis figures --out figures

test: $(STAMP) ## Run the whole test suite
	$(PY) -m pytest -n 2

test-fast: $(STAMP) ## Run the tests without notebooks and browser
	$(PY) -m pytest -n 2 -m "not notebooks and not browser"

lab: $(STAMP) ## Open JupyterLab on the notebooks
	$(VENV)/bin/jupyter lab --notebook-dir=notebooks

benchmark: $(STAMP) ## Throughput and memory on the ANT corpus (needs ../shared/corpora/ant)
	$(PY) benchmarks/bench_pipeline.py

clean: ## Remove outputs that are rebuilt (out/, caches)
	rm -rf out .pytest_cache .hypothesis
	find . -name __pycache__ -type d -prune -exec rm -rf {} +

distclean: clean ## Also remove .venv
	rm -rf $(VENV)
