"""The readers' contract (issue 12): nothing garbled or lost without a word.

Every reader failure is a CorpusReadError naming the file, the row or line and what to
do; ``errors="skip"`` skips exactly the bad record; mixed encodings are refused (or,
asked for, decoded line by line and listed); ids are text; repeated texts are reported;
HTML metadata is read from the markup only. Arabic text comes from the example article
(read at test time) unless a comment labels it "constructed"; files are written in the
formats users bring, in ``tmp_path``.
"""

from __future__ import annotations

import builtins
import csv
import gzip
import io
import json
import os
import warnings

import pandas as pd
import pytest

from analysis.corpus.io import (
    CorpusReadError,
    CorpusReadWarning,
    decode_bytes,
    iter_articles,
    read_articles,
)

SNIFF_BYTES = 1 << 20  # the readers decide a streamed file's encoding from its first MiB


@pytest.fixture(scope="module")
def sentences(example_title_body) -> list[str]:
    """Non-blank lines of the example article: title first, then body paragraphs."""
    title, body = example_title_body
    return [title] + [line.strip() for line in body.split("\n") if line.strip()]


def jsonl_line(article_id, text, **extra) -> str:
    return json.dumps({"id": article_id, "text": text, **extra}, ensure_ascii=False) + "\n"


def read_quietly(path, **kwargs) -> tuple[pd.DataFrame, list[str]]:
    """read_articles, with the warnings it gave as strings."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        df = read_articles(path, **kwargs)
    return df, [str(w.message) for w in caught if issubclass(w.category, CorpusReadWarning)]


# --------------------------------------------------------------------------------------
# Mixed encodings: refused with the line named, or decoded line by line and listed
# --------------------------------------------------------------------------------------


def test_txt_utf8_title_with_windows_1256_body_is_refused(tmp_path, sentences):
    path = tmp_path / "mixed.txt"
    path.write_bytes((sentences[0] + "\n").encode() + (sentences[1] + "\n").encode("cp1256"))
    with pytest.raises(CorpusReadError) as info:
        read_articles(path)
    err = info.value
    assert (err.file, err.line) == (str(path), 2)
    assert err.offset == len((sentences[0] + "\n").encode())
    assert "line 2 is Windows-1256, but line 1 is UTF-8" in str(err)
    assert "encoding='per-line'" in str(err)


def test_txt_windows_1256_title_with_utf8_body_names_the_utf8_line(tmp_path, sentences):
    path = tmp_path / "mixed.txt"
    data = ((sentences[0] + "\n").encode("cp1256") + (sentences[1] + "\n").encode("cp1256")
            + (sentences[2] + "\n").encode())
    path.write_bytes(data)
    with pytest.raises(CorpusReadError, match=r"mixed\.txt, line 3, byte \d+: line 3 is UTF-8, "
                                              r"but line 1 is Windows-1256"):
        read_articles(path)


def test_per_line_decodes_each_line_and_lists_the_windows_1256_ones(tmp_path, sentences):
    path = tmp_path / "mixed.txt"
    path.write_bytes((sentences[0] + "\n").encode() + (sentences[1] + "\n").encode("cp1256")
                     + (sentences[2] + "\n").encode())
    df, said = read_quietly(path, encoding="per-line")
    assert df.loc[0, "title"] == sentences[0]
    assert df.loc[0, "body"] == f"{sentences[1]}\n{sentences[2]}\n"
    assert df.attrs["cp1256_lines"] == [{"file": str(path), "lines": [2]}]
    assert any("1 line(s) are not UTF-8 and were decoded as Windows-1256 (lines 2)" in w
               for w in said)


def test_jsonl_windows_1256_then_utf8_is_refused_and_skip_keeps_the_first(tmp_path, sentences):
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(jsonl_line("a", sentences[1]).encode("cp1256")
                     + jsonl_line("b", sentences[2]).encode()
                     + jsonl_line("c", sentences[3]).encode("cp1256"))
    with pytest.raises(CorpusReadError, match=r"mixed\.jsonl, line 2, byte \d+: line 2 is UTF-8"):
        read_articles(path)
    with pytest.warns(CorpusReadWarning, match="line 2 is UTF-8"):
        df = read_articles(path, errors="skip")
    assert df["article_id"].tolist() == ["a", "c"]
    assert df["body"].tolist() == [sentences[1], sentences[3]]
    assert [(s["file"], s["row"]) for s in df.attrs["skipped"]] == [(str(path), 2)]


def test_csv_mixed_encodings_per_line(tmp_path, sentences):
    path = tmp_path / "mixed.csv"
    with open(path, "wb") as fh:
        for row, codec in [(["id", "text"], "ascii"), (["1", sentences[1]], "utf-8"),
                           (["2", sentences[2]], "cp1256"), (["3", sentences[3]], "utf-8")]:
            text = io.StringIO()
            csv.writer(text, lineterminator="\n").writerow(row)
            fh.write(text.getvalue().encode(codec))
    with pytest.raises(CorpusReadError, match=r"mixed\.csv, row 2, line 3, byte \d+: line 3 is "
                                              r"Windows-1256"):
        read_articles(path)
    df, _ = read_quietly(path, encoding="per-line")
    assert df["body"].tolist() == [sentences[1], sentences[2], sentences[3]]
    assert df.attrs["cp1256_lines"] == [{"file": str(path), "lines": [3]}]


def test_windows_1256_line_after_the_first_mib_is_named(tmp_path, sentences):
    good = "".join(jsonl_line(f"r{i}", sentences[1 + i % 3]) for i in range(6000)).encode()
    assert len(good) > SNIFF_BYTES
    path = tmp_path / "late.jsonl"
    path.write_bytes(good + jsonl_line("late", sentences[4]).encode("cp1256"))
    with pytest.raises(CorpusReadError) as info:
        read_articles(path)
    assert info.value.line == 6001
    assert "line 6001 is Windows-1256, but line 1 is UTF-8" in str(info.value)


def test_html_page_declared_windows_1256_with_a_utf8_paragraph_is_refused(tmp_path, sentences):
    head = ('<html><head><meta charset="windows-1256"><title>t</title></head><body><article>\n')
    data = (head.encode() + f"<p>{sentences[1]}</p>\n".encode("cp1256")
            + f"<p>{sentences[2]}</p>\n".encode() + b"</article></body></html>\n")
    path = tmp_path / "page.html"
    path.write_bytes(data)
    with pytest.raises(CorpusReadError, match=r"page\.html, line 3, .*line 3 is UTF-8, but "
                                              r"line 2 is Windows-1256"):
        read_articles(path)


def test_decode_bytes_refuses_a_utf8_latin_name_in_a_windows_1256_file():
    # constructed: a Windows-1256 report quoting a French name written in UTF-8
    arabic = "قال وزير الخارجية الفرنسي في مؤتمر صحفي إن المحادثات ستستمر\n"
    data = arabic.encode("cp1256") + "Jean-Marc Ayrault\n".encode() + "(Ayrault, né à Maulévrier)\n".encode()
    with pytest.raises(CorpusReadError, match=r"<bytes>, line 3, byte \d+: line 3 is UTF-8, but "
                                              r"line 1 is Windows-1256"):
        decode_bytes(data)
    assert decode_bytes(data, encoding="per-line") == (
        arabic + "Jean-Marc Ayrault\n(Ayrault, né à Maulévrier)\n", "per-line")


# --------------------------------------------------------------------------------------
# Every failure a CorpusReadError with a place and a remedy; skip keeps every good record
# --------------------------------------------------------------------------------------


def test_deeply_nested_json_line(tmp_path, sentences):
    path = tmp_path / "deep.jsonl"
    deep = '{"id": "b", "text": "x", "extra": ' + "[" * 100_000 + "]" * 100_000 + "}\n"
    path.write_text(jsonl_line("a", sentences[1]) + deep + jsonl_line("c", sentences[2]),
                    encoding="utf-8")
    with pytest.raises(CorpusReadError, match=r"deep\.jsonl, line 2: JSON nested more deeply "
                                              r"than can be read.*errors='skip'"):
        read_articles(path)
    with pytest.warns(CorpusReadWarning, match="line 2: JSON nested"):
        df = read_articles(path, errors="skip")
    assert df["article_id"].tolist() == ["a", "c"]


def test_deeply_nested_json_list_file(tmp_path):
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    with pytest.raises(CorpusReadError, match=r"deep\.json: JSON nested more deeply"):
        read_articles(path)


def test_id_with_5000_digits(tmp_path, sentences):
    path = tmp_path / "ids.jsonl"
    path.write_text(jsonl_line("a", sentences[1]) + '{"id": ' + "7" * 5000 + ', "text": "'
                    + sentences[2] + '"}\n' + jsonl_line(12, sentences[3]), encoding="utf-8")
    with pytest.raises(CorpusReadError, match=r"ids\.jsonl, line 2: a number with more than "
                                              r"4,300 digits.*in quotes"):
        read_articles(path)
    with pytest.warns(CorpusReadWarning, match="line 2: a number"):
        df = read_articles(path, errors="skip")
    assert df["article_id"].tolist() == ["a", "12"]


@pytest.mark.parametrize("name, delimiter", [("mac.csv", ","), ("mac.tsv", "\t")])
def test_csv_with_cr_only_line_ends(tmp_path, sentences, name, delimiter):
    path = tmp_path / name
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter=delimiter, lineterminator="\r")
        writer.writerow(["id", "title", "text"])
        writer.writerow(["1", sentences[0], sentences[1]])
        writer.writerow(["2", "", f"{sentences[2]}\r{sentences[3]}"])  # a CR inside a quoted body
        writer.writerow(["3", sentences[4], ""])
        writer.writerow(["4", "", ""])  # no text: line 6 (the quoted body spans two lines)
    with pytest.raises(CorpusReadError, match=rf"{name}, row 4, line 6: the article has an "
                                              r"empty body"):
        read_articles(path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        df = read_articles(path, errors="skip")
    assert df["article_id"].tolist() == ["1", "2", "3"]
    assert df.loc[0, "title"] == sentences[0] and df.loc[0, "body"] == sentences[1]
    assert df.loc[1, "body"] == f"{sentences[2]}\r{sentences[3]}"


def test_txt_with_cr_only_line_ends(tmp_path, sentences):
    path = tmp_path / "mac.txt"
    path.write_bytes(f"{sentences[0]}\r{sentences[1]}\r{sentences[2]}\r".encode())
    row = read_articles(path).iloc[0]
    assert row["title"] == sentences[0]
    assert row["body"] == f"{sentences[1]}\r{sentences[2]}\r"


def deny_reading(monkeypatch, path) -> None:
    """Make ``path`` unreadable: permission bits, and (as root, who ignores them) open()."""
    os.chmod(path, 0)
    try:
        with open(path, "rb"):
            pass
    except PermissionError:
        return
    real_open = builtins.open

    def guarded(file, *args, **kwargs):
        if isinstance(file, str | os.PathLike) and os.fspath(file) == os.fspath(path):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", guarded)


def test_unreadable_file_is_an_error_and_skipped_with_skip(tmp_path, sentences, monkeypatch):
    (tmp_path / "a.txt").write_text(f"{sentences[0]}\n{sentences[1]}", encoding="utf-8")
    (tmp_path / "b.txt").write_text(f"{sentences[2]}\n{sentences[3]}", encoding="utf-8")
    (tmp_path / "c.txt").write_text(f"{sentences[4]}\n{sentences[5]}", encoding="utf-8")
    deny_reading(monkeypatch, tmp_path / "b.txt")
    with pytest.raises(CorpusReadError, match=r"b\.txt: cannot read the file \(Permission "
                                              r"denied\).*permissions.*errors='skip'"):
        read_articles(tmp_path)
    df, said = read_quietly(tmp_path, errors="skip")
    assert df["article_id"].tolist() == ["a", "c"]
    assert [(s["file"], s["row"]) for s in df.attrs["skipped"]] == [(str(tmp_path / "b.txt"), None)]
    assert df.attrs["skipped"][0]["reason"].endswith("check that it exists and that you may read "
                                                      "it (its permissions) (file skipped)")
    assert said == [df.attrs["skipped"][0]["reason"]]


def test_bad_byte_skips_only_its_line_in_the_same_block(tmp_path, sentences):
    # all lines within the first MiB: the bad line must not take its neighbours with it
    lines = [jsonl_line(f"r{i}", sentences[1 + i % 4]).encode() for i in range(6)]
    lines[3] = b'{"id": "r3", "text": "\xff\xfe broken"}\n'
    path = tmp_path / "block.jsonl"
    path.write_bytes(b"".join(lines))
    with pytest.raises(CorpusReadError, match=r"block\.jsonl, line 4, byte \d+: cannot be "
                                              r"decoded as utf-8"):
        read_articles(path)
    df, _ = read_quietly(path, errors="skip")
    assert df["article_id"].tolist() == ["r0", "r1", "r2", "r4", "r5"]
    assert df["body"].tolist() == [sentences[1 + i % 4] for i in (0, 1, 2, 4, 5)]
    assert [s["row"] for s in df.attrs["skipped"]] == [4]


def test_bad_byte_after_the_first_mib_skips_only_its_line(tmp_path, sentences):
    before = "".join(jsonl_line(f"a{i}", sentences[1]) for i in range(4000)).encode()
    after = "".join(jsonl_line(f"b{i}", sentences[2]) for i in range(4000)).encode()
    assert len(before) > SNIFF_BYTES
    path = tmp_path / "late.jsonl"
    path.write_bytes(before + b'{"id": "bad", "text": "\xff"}\n' + after)
    df, _ = read_quietly(path, errors="skip")
    assert len(df) == 8000 and "bad" not in set(df["article_id"])
    assert [s["row"] for s in df.attrs["skipped"]] == [4001]


def test_malformed_csv_record_skips_only_that_record(tmp_path, sentences):
    path = tmp_path / "stray.csv"
    path.write_bytes(f"id,text\n1,{sentences[1]}\n2,{sentences[2]}\rtail\n3,{sentences[3]}\n"
                     .encode())
    with pytest.raises(CorpusReadError, match=r"stray\.csv, row 2, line 3: malformed CSV"):
        read_articles(path)
    df, _ = read_quietly(path, errors="skip")
    assert df["article_id"].tolist() == ["1", "3"]


def test_csv_header_naming_a_column_twice(tmp_path, sentences):
    path = tmp_path / "twice.csv"
    path.write_text(f"id,text,text\n1,{sentences[1]},{sentences[2]}\n", encoding="utf-8")
    with pytest.raises(CorpusReadError, match=r"twice\.csv, line 1: the header names column\(s\) "
                                              r"\['text'\] more than once"):
        read_articles(path)


def test_truncated_gzip_keeps_the_lines_before_the_damage(tmp_path, sentences):
    lines = [jsonl_line(f"r{i}", sentences[1 + i % 4]) for i in range(3000)]
    packed = gzip.compress("".join(lines).encode())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(packed[: len(packed) * 3 // 4])
    with pytest.raises(CorpusReadError, match=r"cut\.jsonl\.gz: damaged gzip data after line "
                                              r"\d+"):
        read_articles(path)
    df, _ = read_quietly(path, errors="skip")
    assert 0 < len(df) < 3000
    assert df["article_id"].tolist() == [f"r{i}" for i in range(len(df))]
    assert df["body"].tolist() == [sentences[1 + i % 4] for i in range(len(df))]
    [skipped] = df.attrs["skipped"]
    assert skipped["row"] is None
    assert skipped["reason"].endswith("(rest of the file skipped)")
    assert f"after line {len(df)}" in skipped["reason"]


def test_broken_link_in_a_folder_is_reported(tmp_path, sentences):
    (tmp_path / "a.txt").write_text(f"{sentences[0]}\n{sentences[1]}", encoding="utf-8")
    os.symlink(tmp_path / "moved-away.txt", tmp_path / "b.txt")
    with pytest.raises(CorpusReadError, match=r"b\.txt: a broken symbolic link \(to '.*moved-away"
                                              r"\.txt', which does not exist\)"):
        read_articles(tmp_path)
    df, said = read_quietly(tmp_path, errors="skip")
    assert df["article_id"].tolist() == ["a"]
    assert [s["file"] for s in df.attrs["skipped"]] == [str(tmp_path / "b.txt")]
    assert len(said) == 1


def test_missing_path_is_a_not_found_error(tmp_path):
    from analysis.corpus.errors import CorpusNotFoundError

    with pytest.raises(CorpusNotFoundError, match=r"nowhere\.csv: no such file or folder") as info:
        read_articles(tmp_path / "nowhere.csv")
    assert isinstance(info.value, FileNotFoundError)


def test_errors_survive_pickling(tmp_path, sentences):
    import pickle

    path = tmp_path / "bad.jsonl"
    path.write_text(jsonl_line("a", sentences[1]) + "{\n", encoding="utf-8")
    with pytest.raises(CorpusReadError) as info:
        read_articles(path)
    back = pickle.loads(pickle.dumps(info.value))  # e.g. raised in a worker process
    assert (type(back), str(back), back.line) == (CorpusReadError, str(info.value), 2)


def test_a_20_mb_line_reads_exactly(tmp_path, sentences):
    body = " ".join(sentences[1:]) * 1
    body = (body + " ") * (20_000_000 // len(body.encode()) + 1)
    path = tmp_path / "long.jsonl"
    path.write_text(jsonl_line("long", body) + jsonl_line("short", sentences[1]), encoding="utf-8")
    assert path.stat().st_size > 20_000_000
    df = read_articles(path)
    assert df["article_id"].tolist() == ["long", "short"]
    assert df.loc[0, "body"] == body


def test_line_splitter_joins_each_line_once():
    # the long-line fix: pieces of a line are gathered and joined once, never re-copied
    # per chunk; a line that spans many chunks is still one line
    from analysis.corpus import sources

    chunks = [b"x" * 7] * 1000 + [b"\ny\n"]
    lines = list(sources.split_stream(iter(chunks), b"\n"))
    assert lines == [b"x" * 7000 + b"\n", b"y\n"]


# --------------------------------------------------------------------------------------
# Ids and repeated texts
# --------------------------------------------------------------------------------------


def test_integer_and_text_ids_are_one_id(tmp_path, sentences):
    path = tmp_path / "ids.jsonl"
    path.write_text(jsonl_line(1, sentences[1]) + jsonl_line("1", sentences[2]), encoding="utf-8")
    with pytest.raises(CorpusReadError, match=r"ids\.jsonl, line 2: duplicate article_id '1', "
                                              r"first seen at .*ids\.jsonl, line 1"):
        read_articles(path)


def test_repeated_texts_are_reported_with_ids_and_files(tmp_path, sentences):
    text = f"{sentences[0]}\n{sentences[1]}"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_text(f"{sentences[2]}\n{sentences[3]}", encoding="utf-8")
    (tmp_path / "copy.txt").write_text(text, encoding="utf-8")
    with pytest.warns(CorpusReadWarning, match=r"1 article\(s\) repeat the title and body of an "
                                               r"earlier article and are kept: 'copy' \(.*copy\.txt\)"
                                               r" = 'a' \(.*a\.txt\)"):
        df = read_articles(tmp_path)
    assert df["article_id"].tolist() == ["a", "b", "copy"]
    assert df.attrs["duplicate_texts"] == [{
        "article_id": "copy", "file": str(tmp_path / "copy.txt"),
        "same_text_as": "a", "same_text_as_file": str(tmp_path / "a.txt")}]


def test_repeated_rows_reported_per_chunk(tmp_path, sentences):
    path = tmp_path / "rows.jsonl"
    path.write_text("".join(jsonl_line(f"r{i}", sentences[1 + i % 2], title="عنوان")  # constructed
                            for i in range(5)), encoding="utf-8")
    with pytest.warns(CorpusReadWarning, match="repeat the title and body"):
        chunks = list(iter_articles(path, chunksize=2))
    assert [[p["article_id"] for p in c.attrs["duplicate_texts"]] for c in chunks] == [
        [], ["r2", "r3"], ["r4"]]
    assert chunks[1].attrs["duplicate_texts"][0]["same_text_as"] == "r0"


# --------------------------------------------------------------------------------------
# HTML: outlet and date from the metadata only
# --------------------------------------------------------------------------------------

_PARAGRAPHS = (  # constructed article text, long enough for trafilatura
    "<p>قال وزير الخارجية الروسي سيرغي لافروف إن المحادثات مع نظيره الأمريكي ما زالت مستمرة "
    "في جنيف، وإن الجانبين اتفقا على مواصلة العمل خلال الأسبوع المقبل.</p>"
    "<p>وأضاف أن الاتفاق الذي وقع عام 2015 ما زال أساسا صالحا للحل، مشيرا إلى أن موسكو "
    "مستعدة للتعاون في عام 2017 إذا التزمت واشنطن بتعهداتها.</p>"
)


def page(head: str, article_extra: str = "", outside: str = "") -> str:
    return (f"<!DOCTYPE html><html lang=\"ar\" dir=\"rtl\"><head><meta charset=\"utf-8\">"
            f"<title>لافروف: المحادثات مستمرة</title>{head}</head><body>"
            f"<nav><a href=\"/\">الرئيسية</a></nav>{outside}<article><h1>لافروف: المحادثات مستمرة</h1>"
            f"{article_extra}{_PARAGRAPHS}</article><footer>جميع الحقوق محفوظة</footer></body></html>")


@pytest.mark.parametrize("head, article_extra, outside, outlet, published", [
    ('<meta property="og:site_name" content="روسيا اليوم">', "", "", "روسيا اليوم", ""),
    ('<meta name="application-name" content="سكاي نيوز عربية">'
     '<meta name="date" content="2018-06-29">', "", "", "سكاي نيوز عربية", "2018-06-29"),
    ('<meta name="publisher" content="BBC Arabic">'
     '<meta property="article:published_time" content="2016-09-09T23:30:00-05:00">', "", "",
     "BBC Arabic", "2016-09-09"),
    ('<script type="application/ld+json">{"@context": "https://schema.org", "@graph": '
     '[{"@type": "WebSite", "name": "x"}, {"@type": "NewsArticle", "datePublished": '
     '"2018-07-18T08:00:00+03:00", "publisher": {"@type": "Organization", '
     '"name": "العربية"}}]}</script>', "", "", "العربية", "2018-07-18"),
    ("", '<time datetime="2018-05-27T10:00:00+04:00">27 مايو</time>',
     '<aside><time datetime="2011-01-01">قديم</time></aside>', "unknown", "2018-05-27"),
    ("", "", '<aside><time datetime="2011-01-01">قديم</time><time datetime="2012-02-02">'
     "قديم</time></aside>", "unknown", ""),
])
def test_html_outlet_and_date_from_metadata_only(tmp_path, head, article_extra, outside, outlet,
                                                 published):
    path = tmp_path / "page.html"
    path.write_text(page(head, article_extra, outside), encoding="utf-8")
    row = read_articles(path).iloc[0]
    assert row["body"].startswith("قال وزير الخارجية الروسي")
    assert (row["outlet"], row["published"]) == (outlet, published)


def test_html_outlet_argument_when_the_page_names_none(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(page(""), encoding="utf-8")
    assert read_articles(path, outlet="RT Arabic").loc[0, "outlet"] == "RT Arabic"


def test_line_decoder_settles_on_the_first_non_ascii_line():
    from analysis.corpus import encodings

    decoder = encodings.LineDecoder("auto", "utf-8")
    assert decoder.decode(b"id,text\n", 1, 0) == ("id,text\n", None)
    assert decoder.first is None  # ASCII says nothing
    text, problem = decoder.decode("1,كلام\n".encode("cp1256"), 2, 8)
    assert (text, problem) == ("1,كلام\n", None)
    assert decoder.first == (2, "cp1256")
    _, problem = decoder.decode("2,موسكو\n".encode(), 3, 15)
    assert (problem.line, problem.offset) == (3, 17)
