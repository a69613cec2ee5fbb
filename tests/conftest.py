"""Shared fixtures: the example article and, when available, the ANT corpus."""

from __future__ import annotations

import pytest

from analysis.corpus import paths
from analysis.corpus.files import iter_jsonl


@pytest.fixture(scope="session")
def example_raw() -> str:
    """The example article as decoded text (UTF-8, no BOM)."""
    return paths.EXAMPLE_ARTICLE.read_bytes().decode("utf-8")


@pytest.fixture(scope="session")
def example_title_body(example_raw) -> tuple[str, str]:
    title, body = example_raw.split("\n", 1)
    return title, body


@pytest.fixture(scope="session")
def ant_path():
    path = paths.ant_corpus()
    if path is None:
        pytest.skip("ANT corpus not found: put ../shared/corpora/ant/ant-v2.1.jsonl.gz beside "
                    "the project or set FRAMING_ANT to your copy")
    return path


@pytest.fixture(scope="session")
def ant_sample(ant_path) -> dict[str, dict]:
    """Articles of ANT that mention both Russia and the US, first 400, keyed by id."""
    out = {}
    for _, rec in iter_jsonl(ant_path):
        text = rec["title"] + rec["body"]
        if ("روسيا" in text or "موسكو" in text) and ("واشنطن" in text or "الولايات المتحدة" in text):
            out[rec["article_id"]] = rec
            if len(out) >= 400:
                break
    return out
