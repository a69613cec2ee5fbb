"""Streaming into partitioned Parquet (analysis.pipeline.stream, dataset): the same tables as
the in-memory run, a folder that is always complete, named faults, and Dask."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from analysis import analyze, analyze_to, open_result, paths
from analysis.cli import main
from analysis.corpus.readers import read_articles
from analysis.pipeline.batch import TABLES, Result, analyze_article
from analysis.pipeline.dataset import OutputFolderError
from analysis.pipeline.stream import FAULT_ENV, ArticleError

RECORD_TABLES = ("sentences", "mentions", "attributions", "stance")


def _paragraph_corpus(path: Path, copies: int = 1) -> Path:
    """JSON Lines articles made from the example article: one per paragraph (its first
    line the title), repeated ``copies`` times with fresh ids."""
    title, body = paths.EXAMPLE_ARTICLE.read_text(encoding="utf-8").split("\n", 1)
    paragraphs = [p for p in body.split("\n") if p.strip()]
    with open(path, "w", encoding="utf-8") as fh:
        for copy in range(copies):
            fh.write(json.dumps({"id": f"c{copy}-whole", "title": f"{title} ({copy})", "text": body},
                                ensure_ascii=False) + "\n")
            for i, para in enumerate(paragraphs):
                fh.write(json.dumps({"id": f"c{copy}-p{i:02d}", "title": f"{paragraphs[i - 1][:80]} ({copy})",
                                     "text": para, "outlet": f"outlet{i % 3}"}, ensure_ascii=False) + "\n")
    return path


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return _paragraph_corpus(tmp_path_factory.mktemp("corpus") / "paragraphs.jsonl", copies=2)


@pytest.fixture(scope="module")
def in_memory(corpus) -> Result:
    return analyze(corpus, progress=False)


def _assert_same_tables(dataset, result: Result) -> None:
    for name in TABLES:
        assert_frame_equal(dataset.table(name), getattr(result, name).reset_index(drop=True), check_exact=True)


def test_cli_streams_small_chunks_into_the_same_tables_as_the_in_memory_run(corpus, in_memory, tmp_path):
    out = tmp_path / "out"
    assert main(["analyze", str(corpus), "--out", str(out), "--chunk-size", "4", "--jobs", "2", "--quiet"]) == 0
    ds = open_result(out)
    n = len(in_memory.articles)
    assert n > 20 and ds.info["chunks"] == -(-n // 4)
    assert len(ds.files("mentions")) == ds.info["chunks"]
    _assert_same_tables(ds, in_memory)
    # the CSV copies are written from the dataset and read back as the same tables
    back = Result.load(out)
    assert_frame_equal(pd.read_csv(out / "attributions.csv")[["cue_start", "content_end"]],
                       in_memory.attributions[["cue_start", "content_end"]].astype("int64"), check_dtype=False)
    assert_frame_equal(back.stance, in_memory.stance)
    # the manifest: row counts, input hash, versions
    info = ds.info
    assert info["tables"]["sentences"]["rows"] == len(in_memory.sentences)
    assert info["input_sha256"] == in_memory.articles["sha256"].iloc[0]
    assert info["lexicons"]["stance"]["version"] and info["analysis_version"]


def test_csv_copies_written_during_the_run_equal_one_whole_table_write(corpus, tmp_path, monkeypatch):
    """The main process appends each chunk's CSV rows as the workers finish them (in
    chunk order, whichever worker ends first): the bytes equal a one-chunk run's."""
    whole = analyze_to(corpus, tmp_path / "whole", chunk_size=10_000, n_jobs=1, progress=False)
    small = analyze_to(corpus, tmp_path / "small", chunk_size=2, n_jobs=2, progress=False)
    assert small.info["chunks"] > 10 and whole.info["chunks"] == 1
    for name in TABLES:
        assert (tmp_path / "small" / f"{name}.csv").read_bytes() == (tmp_path / "whole" / f"{name}.csv").read_bytes()
    assert (tmp_path / "small" / "attributions.csv").read_text(encoding="utf-8").count("\n") == \
        len(small.table("attributions")) + 1
    # with formats="auto" a run of more articles than CSV_MAX_ARTICLES keeps Parquet only
    monkeypatch.setattr("analysis.pipeline.stream.CSV_MAX_ARTICLES", 7)
    big = analyze_to(corpus, tmp_path / "big", chunk_size=3, n_jobs=2, progress=False)
    assert not list((tmp_path / "big").glob("*.csv"))
    assert all(not e["path"].endswith(".csv") for e in big.info["tables"]["stance"]["files"])


def test_features_from_the_dataset_are_those_of_the_tables(corpus, in_memory, tmp_path):
    ds = analyze_to(corpus, tmp_path / "out", chunk_size=5, progress=False)
    for by in ("article_id", "outlet"):
        assert_frame_equal(ds.features(by=by), in_memory.features(by=by))
    one = ds.article("c0-p03")
    assert_frame_equal(one.mentions, in_memory.article("c0-p03").mentions)


def test_a_rerun_replaces_the_folder_and_a_stray_file_is_refused(corpus, tmp_path):
    out = tmp_path / "out"
    analyze_to(corpus, out, chunk_size=2, progress=False)
    many = len(list((out / "sentences.parquet").iterdir()))
    ds = analyze_to(corpus, out, chunk_size=100, formats=["parquet"], progress=False)
    assert many > 1 and [p.name for p in (out / "sentences.parquet").iterdir()] == ["part-000000.parquet"]
    assert not list(out.glob("*.csv")) and not list(tmp_path.glob(".out.staging-*"))
    assert ds.info["chunk_size"] == 100
    (out / "stance.parquet" / "part-000001.parquet").write_bytes(
        (out / "stance.parquet" / "part-000000.parquet").read_bytes())
    with pytest.raises(OutputFolderError, match=r"stance.parquet/part-000001.parquet is not listed in info.json"):
        open_result(out)
    with pytest.raises(OutputFolderError):
        Result.load(out)


def test_a_folder_of_other_files_is_never_replaced(corpus, tmp_path, capsys):
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep", encoding="utf-8")
    assert main(["analyze", str(corpus), "--out", str(tmp_path / "mine"), "--quiet"]) == 2
    assert "no info.json" in capsys.readouterr().err
    assert (tmp_path / "mine" / "notes.txt").read_text(encoding="utf-8") == "keep"


@pytest.mark.parametrize("kind, reason", [
    ("raise", "RuntimeError: injected fault"),
    ("crash", "the worker process died"),
    ("hang", "took more than 10 s"),
])
def test_a_failing_article_is_named_and_with_skip_listed(corpus, in_memory, tmp_path, monkeypatch, kind, reason):
    monkeypatch.setenv(FAULT_ENV, f"c0-p05:stance:{kind}")
    # every other article takes well under a second of CPU; 10 s of wall time leaves room for a busy machine
    limit = 10 if kind == "hang" else 300
    with pytest.raises(ArticleError, match=r"article 'c0-p05' failed in stance: " + reason):
        analyze_to(corpus, tmp_path / "out", chunk_size=4, n_jobs=2, time_limit=limit, progress=False)
    assert not (tmp_path / "out").exists() and not list(tmp_path.iterdir())
    ds = analyze_to(corpus, tmp_path / "out", chunk_size=4, n_jobs=2, time_limit=limit, errors="skip",
                    progress=False)
    assert [(s["article_id"], s["stage"]) for s in ds.info["skipped"]] == [("c0-p05", "stance")]
    assert reason in ds.info["skipped"][0]["reason"]
    for name in TABLES:
        expected = getattr(in_memory, name)
        expected = expected[expected["article_id"] != "c0-p05"].reset_index(drop=True)
        assert_frame_equal(ds.table(name), expected, check_exact=True)


def _start_cli(corpus: Path, out: Path, *extra: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "analysis", "analyze", str(corpus), "--out", str(out), "--chunk-size", "1",
         "--quiet", *extra],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _wait_for_parts(out: Path, proc: subprocess.Popen, n: int = 3, timeout: float = 120) -> None:
    """Until the staging folder of ``out`` holds ``n`` mention files."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.communicate()
        parts = list(out.parent.glob(f".{out.name}.staging-*/mentions.parquet/*.parquet"))
        if len(parts) >= n:
            return
        time.sleep(0.05)
    raise AssertionError("the run wrote no files")


@pytest.mark.parametrize("stop", ["kill", "interrupt"])
def test_a_run_killed_or_interrupted_midway_leaves_the_old_output(corpus, tmp_path, stop):
    small = _paragraph_corpus(tmp_path / "small.jsonl")
    big = _paragraph_corpus(tmp_path / "big.jsonl", copies=40)
    out = tmp_path / "out"
    assert main(["analyze", str(small), "--out", str(out), "--quiet"]) == 0
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    proc = _start_cli(big, out, "--jobs", "2")
    _wait_for_parts(out, proc)
    if stop == "kill":
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(10)
    else:
        stopped = time.monotonic()
        os.kill(proc.pid, signal.SIGINT)
        _, err = proc.communicate(timeout=20)
        assert time.monotonic() - stopped < 3, "Ctrl-C took too long"
        assert proc.returncode == 130 and "left as it was" in err
        assert not list(tmp_path.glob(".out.staging-*"))
    after = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before
    open_result(out)  # still consistent
    # the next run clears the staging folder a killed run left, and completes
    assert main(["analyze", str(small), "--out", str(out), "--quiet", "--chunk-size", "7"]) == 0
    assert not list(tmp_path.glob(".out.staging-*"))
    assert open_result(out).info["chunk_size"] == 7


def test_a_sentence_of_64k_characters_without_punctuation_takes_seconds_not_minutes():
    title, body = paths.EXAMPLE_ARTICLE.read_text(encoding="utf-8").split("\n", 1)
    words = " ".join(w.strip(".،:؛\"«»()") for w in body.split())
    text = ((words + " ") * 30)[:64_000]
    started = time.process_time()
    recs = analyze_article("long", "", text)
    seconds = time.process_time() - started
    assert len(recs["sentences"]) == 1 and len(recs["mentions"]) > 1000 and recs["stance"]
    assert seconds < 30, f"{seconds:.1f} CPU s (it took about 200 s when stance compared every word pair)"


@pytest.mark.corpus
def test_ant_streamed_in_chunks_equals_the_in_memory_run(tmp_path):
    corpus = paths.ant_corpus()
    if corpus is None:
        pytest.skip("ANT corpus not found (../shared/corpora/ant)")
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        articles = read_articles(corpus, limit=1500)
        ds = analyze_to(corpus, tmp_path / "ant", limit=1500, chunk_size=200, n_jobs=2, progress=False)
    _assert_same_tables(ds, analyze(articles, progress=False))


def test_dask_on_a_local_cluster_gives_the_tables_of_the_local_run(corpus, in_memory, tmp_path):
    dd = pytest.importorskip("dask.dataframe", reason="the Dask extra is not installed: pip install -e '.[dask]'")
    distributed = pytest.importorskip("distributed", reason="the Dask extra is not installed: pip install -e '.[dask]'")
    import analysis

    articles = in_memory.articles[["article_id", "title", "body"]]
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster):
        ddf = dd.from_pandas(articles, npartitions=3)
        lazy = analysis.dask.analyze_dask(ddf)
        assert list(lazy["attributions"]._meta.columns) == analysis.schema.ATTRIBUTIONS
        assert_frame_equal(lazy["stance"].compute().reset_index(drop=True), in_memory.stance, check_exact=True)
        ds = analysis.analyze_dask(ddf, tmp_path / "dask")
        from_json = analysis.dask.analyze_dask(analysis.dask.read_dask(str(corpus)))  # JSON Lines, its own names
        assert_frame_equal(from_json["mentions"].compute().reset_index(drop=True), in_memory.mentions, check_exact=True)
    assert ds.info["chunks"] == 3 and len(ds.files("mentions")) == 3
    for name in RECORD_TABLES:
        assert_frame_equal(ds.table(name), getattr(in_memory, name), check_exact=True)
    assert_frame_equal(ds.table("articles", columns=["article_id", "title", "body"]), articles.reset_index(drop=True))


def test_analyze_on_two_processes_names_a_failing_article(corpus, monkeypatch):
    monkeypatch.setenv(FAULT_ENV, "c1-p02:attributions:raise")
    with pytest.raises(ArticleError, match=r"article 'c1-p02' failed in attributions: RuntimeError"):
        analyze(corpus, n_jobs=2, batch_size=5, progress=False)


def test_a_dataframe_with_its_own_column_names_is_mapped_as_analyze_maps_it(in_memory, tmp_path):
    df = in_memory.articles[["article_id", "title", "body"]].rename(
        columns={"article_id": "doc", "title": "headline", "body": "text"})
    columns = {"article_id": "doc", "title": "headline", "body": "text"}
    ds = analyze_to(df, tmp_path / "out", columns=columns, chunk_size=10, progress=False)
    assert_frame_equal(ds.table("attributions"), analyze(df, columns=columns, progress=False).attributions,
                       check_exact=True)


def test_a_stale_staging_folder_is_removed_even_while_a_dying_worker_writes(tmp_path, monkeypatch):
    # A killed run's workers outlive it for a moment (they are the forkserver's children): one
    # of them wrote a chunk file while the next run removed the folder, which kept it alive
    # (seen once in CI). The removal is retried until the folder is gone.
    import shutil

    from analysis.pipeline import dataset

    stale = tmp_path / ".out.staging-999999999-abcd"  # no process has this pid
    (stale / "mentions.parquet").mkdir(parents=True)
    real_rmtree, calls = shutil.rmtree, []

    def racing_rmtree(path, ignore_errors=False):
        calls.append(Path(path))
        real_rmtree(path, ignore_errors=ignore_errors)
        if len(calls) == 1:  # a late chunk file lands after the first removal
            (stale / "mentions.parquet").mkdir(parents=True)
            (stale / "mentions.parquet" / "part-000001.parquet").write_bytes(b"late")

    monkeypatch.setattr(dataset.shutil, "rmtree", racing_rmtree)
    staging = dataset.staging_folder(tmp_path / "out")
    assert calls == [stale, stale] and not stale.exists()
    assert staging.exists() and staging.name.startswith(f".out.staging-{os.getpid()}-")
