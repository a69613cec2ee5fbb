"""Fetching a corpus: download with pooch, verify each file, convert; never the real network.

Every download here comes from a local HTTP server in a thread that serves archives built
in the test in the original ANT form (one tagged text file per article under
``<Outlet>/<section>/``, inside the top folder GitHub puts in its archives).
"""

from __future__ import annotations

import datetime as dt
import email.utils
import gzip
import hashlib
import http.server
import io
import json
import socket
import threading
import zipfile
from pathlib import Path

import pytest

from analysis.corpus import fetch, paths
from analysis.corpus.fetch import ANT, FetchError, fetch_corpus, parse_article, read_manifest
from analysis.corpus.files import iter_jsonl

TOP = f"antcorpus.multisource.data-{ANT.commit}"

# Constructed articles (not corpus text), in the original tagged form. The second holds a
# raw "&" and "<" as 35 files of the real corpus do; the third has no ABSTRACT tag.
CONSTRUCTED = {
    "SkyNews/internationalNews/SK-internationalNews-1-20180301.txt": (
        "<DOC>\n<DOCNO>SK-internationalNews-1-20180301</DOCNO>\n"
        "<URL>http://example.invalid/1</URL>\n<SRC>example</SRC>\n<CAT>internationalNews</CAT>\n"
        "<TITLE>  لافروف: موسكو سترد على العقوبات  </TITLE>\n"
        "<TIME>Thu, 01 Mar 2018 10:00:00 +0400</TIME>\n<AUTHOR></AUTHOR>\n"
        "<ABSTRACT>\nقال وزير الخارجية الروسي إن بلاده سترد.\n</ABSTRACT>\n"
        "<TEXT>\nقال وزير الخارجية الروسي سيرغي لافروف إن بلاده سترد.\n\nوأضاف أن الرد سيكون حازما.\n</TEXT>\n</DOC>\n"
    ),
    "BBC/middleEast/BB-middleEast-2-20180302.txt": (
        "<DOC>\n<DOCNO>BB-middleEast-2-20180302</DOCNO>\n<URL>http://example.invalid/2?a=1&b=2</URL>\n"
        "<CAT>middleEast</CAT>\n<TITLE>واشنطن & موسكو: x < y</TITLE>\n"
        "<TIME>not a date</TIME>\n<ABSTRACT>ملخص</ABSTRACT>\n<TEXT>نص قصير & آخر.</TEXT>\n</DOC>\n"
    ),
    "CNN/economy/CN-economy-3-20180303.txt": (
        "<DOC>\n<DOCNO>CN-economy-3-20180303</DOCNO>\n<CAT>economy</CAT>\n<TITLE>عنوان</TITLE>\n"
        "<TIME>Sat, 03 Mar 2018 08:30:00 GMT</TIME>\n<TEXT>\nنص.\n</TEXT>\n</DOC>\n"
    ),
}
README_FILE = {"README.md": "# constructed test archive\n"}


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def build_archive(files: dict[str, str], folder: Path, *, manifest_files: dict[str, str] | None = None,
                  name: str = "archive.zip") -> tuple[Path, Path]:
    """A zip like GitHub's archive of a commit, and the manifest of ``manifest_files``."""
    archive = folder / name
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as out:
        for path, text in sorted(files.items()):
            out.writestr(f"{TOP}/{path}", text.encode("utf-8"))
    listed = files if manifest_files is None else manifest_files
    manifest = folder / "manifest.tsv.gz"
    with gzip.open(manifest, "wt", encoding="utf-8") as out:
        out.write(f"# test manifest\npath\tsize\tsha256\n")
        for path, text in sorted(listed.items()):
            data = text.encode("utf-8")
            out.write(f"{path}\t{len(data)}\t{_sha(data)}\n")
    return archive, manifest


class _Server:
    """A local HTTP server for files of one folder, counting requests per path."""

    def __init__(self, folder: Path):
        hits = self.hits = {}

        class Handler(http.server.SimpleHTTPRequestHandler):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, directory=str(folder), **kwargs)

            def do_GET(self):  # noqa: N802 (the base class's name)
                hits[self.path] = hits.get(self.path, 0) + 1
                super().do_GET()

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def url(self, name: str) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/{name}"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


def test_fetch_downloads_verifies_and_converts(tmp_path):
    files = {**CONSTRUCTED, **README_FILE}
    served = tmp_path / "served"
    served.mkdir()
    archive, manifest = build_archive(files, served)
    cache = tmp_path / "cache"
    with _Server(served) as server:
        out = fetch_corpus(cache=cache, url=server.url(archive.name), manifest=manifest)
        again = fetch_corpus(cache=cache, url=server.url(archive.name), manifest=manifest)
        assert server.hits == {"/archive.zip": 1}  # the second call reused the converted file
    assert out == again == cache / "ant-v2.1.jsonl.gz"
    records = [r for _, r in iter_jsonl(out)]
    assert [r["article_id"] for r in records] == [
        "BB-middleEast-2-20180302", "CN-economy-3-20180303", "SK-internationalNews-1-20180301",
    ]
    sky = records[2]
    assert sky == {
        "article_id": "SK-internationalNews-1-20180301", "outlet": "Sky News Arabia",
        "category": "internationalNews", "published": "2018-03-01T10:00:00+04:00",
        "title": "لافروف: موسكو سترد على العقوبات",
        "abstract": "قال وزير الخارجية الروسي إن بلاده سترد.",
        "body": "قال وزير الخارجية الروسي سيرغي لافروف إن بلاده سترد.\n\nوأضاف أن الرد سيكون حازما.",
        "url": "http://example.invalid/1",
        "source": "antcorpus/antcorpus.multisource.data@f117ce44a9cf:"
                  "SkyNews/internationalNews/SK-internationalNews-1-20180301.txt",
    }
    assert records[0]["title"] == "واشنطن & موسكو: x < y" and records[0]["published"] == ""
    assert records[1]["abstract"] == "" and records[1]["published"] == "2018-03-03T08:30:00+00:00"
    info = json.loads((cache / "ant-v2.1.fetch.json").read_text(encoding="utf-8"))
    assert info["articles"] == 3 and info["commit"] == ANT.commit
    assert "Chouigui" in info["citation"]


def test_conversion_is_byte_reproducible(tmp_path):
    archive, manifest = build_archive({**CONSTRUCTED, **README_FILE}, tmp_path)
    first = fetch_corpus(cache=tmp_path / "a", archive=archive, manifest=manifest).read_bytes()
    second = fetch_corpus(cache=tmp_path / "b", archive=archive, manifest=manifest).read_bytes()
    assert first == second


def test_a_file_that_differs_from_the_manifest_is_refused_and_the_download_dropped(tmp_path):
    served = tmp_path / "served"
    served.mkdir()
    tampered = dict(CONSTRUCTED)
    path = "CNN/economy/CN-economy-3-20180303.txt"
    tampered[path] = CONSTRUCTED[path].replace("نص.", "نص!")  # same size, other bytes
    archive, manifest = build_archive(tampered, served, manifest_files=CONSTRUCTED)
    cache = tmp_path / "cache"
    with _Server(served) as server, pytest.raises(FetchError) as caught:
        fetch_corpus(cache=cache, url=server.url(archive.name), manifest=manifest, retries=0)
    message = str(caught.value)
    assert f"{path}: sha256" in message and "1 of 3 files" in message
    assert not (cache / "ant-v2.1.jsonl.gz").exists()
    assert list((cache / "downloads").glob("*.zip")) == []


def test_a_missing_file_is_named(tmp_path):
    files = dict(CONSTRUCTED)
    gone = files.pop("BBC/middleEast/BB-middleEast-2-20180302.txt")
    archive, manifest = build_archive(files, tmp_path, manifest_files={**files, "BBC/middleEast/BB-middleEast-2-20180302.txt": gone})
    with pytest.raises(FetchError, match=r"BB-middleEast-2-20180302.txt: missing"):
        fetch_corpus(cache=tmp_path / "cache", archive=archive, manifest=manifest)


def test_a_truncated_download_says_so_and_is_not_reused(tmp_path):
    served = tmp_path / "served"
    served.mkdir()
    archive, manifest = build_archive({**CONSTRUCTED, **README_FILE}, served)
    data = archive.read_bytes()
    archive.write_bytes(data[: len(data) // 2])  # the server now holds a cut-off file
    cache = tmp_path / "cache"
    with _Server(served) as server:
        with pytest.raises(FetchError, match="not a complete zip archive.*cut off"):
            fetch_corpus(cache=cache, url=server.url(archive.name), manifest=manifest, retries=0)
        assert list((cache / "downloads").glob("*.zip")) == []
        archive.write_bytes(data)  # the server is fixed: the next run downloads again
        out = fetch_corpus(cache=cache, url=server.url(archive.name), manifest=manifest, retries=0)
        assert server.hits["/archive.zip"] == 2
    assert sum(1 for _ in iter_jsonl(out)) == 3


def test_offline_says_what_to_do(tmp_path):
    with socket.socket() as probe:  # a port with nobody listening
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(FetchError) as caught:
        fetch_corpus(cache=tmp_path, url=f"http://127.0.0.1:{port}/a.zip", retries=0)
    assert "--archive FILE" in str(caught.value) and "FRAMING_ANT" in str(caught.value)


def test_an_archive_member_outside_its_folder_is_refused(tmp_path):
    archive = tmp_path / "evil.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr(f"{TOP}/../../etc/x.txt", "x")
    with pytest.raises(FetchError, match="outside its folder"):
        fetch.verify_archive(archive, {"etc/x.txt": (1, _sha(b"x"))})


def test_parse_article_requires_docno():
    with pytest.raises(FetchError, match=r"SkyNews/a.txt: no <DOCNO>"):
        parse_article("<DOC><TEXT>x</TEXT></DOC>", "SkyNews/a.txt")


def test_cache_dir_and_ant_corpus_look_in_the_cache(tmp_path, monkeypatch):
    monkeypatch.delenv("FRAMING_ANT", raising=False)
    monkeypatch.setenv("FRAMING_CACHE", str(tmp_path))
    monkeypatch.setenv("FRAMING_SHARED", str(tmp_path / "no-shared"))
    assert paths.cache_dir() == tmp_path and paths.ant_corpus() is None
    (tmp_path / "ant-v2.1.jsonl.gz").write_bytes(b"")
    assert paths.ant_corpus() == tmp_path / "ant-v2.1.jsonl.gz"
    monkeypatch.setenv("FRAMING_ANT", str(tmp_path / "mine.jsonl"))
    assert paths.ant_corpus() is None  # an explicit path that does not exist is not replaced


def test_shipped_manifest_lists_the_pinned_commit():
    listing = read_manifest(fetch.MANIFEST_DIR / ANT.manifest)
    assert len(listing) == 31_526
    assert sum(1 for p in listing if p.endswith(".txt")) == 31_525
    assert listing["Alarabia/culture/AL-culture-1-20180218.txt"] == (
        2958, "735b87af7f53d583170d85a7fcbcaee315a820a2f73a952779eb7b6ad00f13c9")
    assert {p.split("/", 1)[0] for p in listing if p.endswith(".txt")} == set(ANT.outlets)


def _as_original(record: dict) -> str:
    """A corpus record written back in the original tagged form (whitespace added)."""
    published = dt.datetime.fromisoformat(record["published"])
    return (
        f"<DOC>\n<DOCNO>{record['article_id']}</DOCNO>\n<URL>{record['url']}</URL>\n<SRC>x</SRC>\n"
        f"<CAT>{record['category']}</CAT>\n<TITLE>{record['title']}</TITLE>\n"
        f"<TIME>{email.utils.format_datetime(published)}</TIME>\n<AUTHOR></AUTHOR>\n"
        f"<ABSTRACT>\n{record['abstract']}\n</ABSTRACT>\n<TEXT>\n{record['body']}\n</TEXT>\n</DOC>\n"
    )


@pytest.mark.corpus
def test_round_trip_reproduces_real_records(ant_path, tmp_path):
    """40 real articles, written in the original form, convert back to the same records."""
    originals = []
    for number, record in iter_jsonl(ant_path):
        if number % 787 == 0:
            originals.append(record)
    files = {r["source"].split(":", 1)[1]: _as_original(r) for r in originals}
    archive, manifest = build_archive(files, tmp_path)
    out = fetch_corpus(cache=tmp_path / "cache", archive=archive, manifest=manifest)
    converted = [r for _, r in iter_jsonl(out)]
    assert len(converted) == len(originals) == 40
    assert converted == sorted(originals, key=lambda r: r["source"])


@pytest.mark.corpus
def test_shipped_manifest_covers_the_shared_copy(ant_path):
    listing = read_manifest(fetch.MANIFEST_DIR / ANT.manifest)
    shared = ant_path.parent / ANT.manifest
    if shared.is_file():
        assert _sha(shared.read_bytes()) == _sha((fetch.MANIFEST_DIR / ANT.manifest).read_bytes())
    paths_in_copy = {r["source"].split(":", 1)[1] for _, r in iter_jsonl(ant_path)}
    assert len(paths_in_copy) == 31_485 and paths_in_copy <= set(listing)
