"""Corpus readers and table writers (analysis/corpus/io.py).

Arabic text in these tests comes from the example article (read at test time) unless a
comment labels it "constructed". Files are written to ``tmp_path`` by the tests.
"""

from __future__ import annotations

import codecs
import gzip
import hashlib
import json
import warnings

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from analysis.corpus import io
from analysis.corpus import paths
from analysis.corpus import schema
from analysis.corpus.io import CorpusReadError, CorpusReadWarning, iter_articles, read_articles

EXAMPLE_ID = "2016-09-09-lavrov-kerry-geneva"


@pytest.fixture(scope="module")
def sentences(example_title_body) -> list[str]:
    """Non-blank lines of the example article: title first, then body paragraphs."""
    title, body = example_title_body
    return [title] + [line for line in body.split("\n") if line.strip()]


def write_csv(path, header, rows, delimiter=",", encoding="utf-8"):
    """Write rows with Python's csv module (quotes fields with commas, quotes, newlines)."""
    import csv

    with open(path, "w", encoding=encoding, newline="") as fh:
        writer = csv.writer(fh, delimiter=delimiter, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
    return path


# --------------------------------------------------------------------------------------
# Plain text
# --------------------------------------------------------------------------------------


def test_example_article_title_and_body_exact(example_raw):
    df = read_articles(paths.EXAMPLE_ARTICLE)
    assert list(df.columns) == schema.ARTICLES
    assert len(df) == 1
    row = df.iloc[0]
    raw = paths.EXAMPLE_ARTICLE.read_bytes()
    assert row["article_id"] == EXAMPLE_ID
    assert row["title"] == raw.split(b"\n", 1)[0].decode("utf-8")
    assert row["title"].startswith("لمح وزير الخارجية الروسي سيرغي لافروف")
    assert row["title"].endswith("بينهما الأسبوع القادم.")
    assert len(row["title"]) == 159
    assert row["body"].startswith("\n\u00a0\n\n")  # line break, no-break space, two breaks
    assert row["body"][4:30] == "لمّح وزير الخارجية الروسي "
    assert len(row["body"]) == 1998
    assert row["title"] + "\n" + row["body"] == example_raw
    assert row["sha256"] == hashlib.sha256(raw).hexdigest()
    assert row["sha256"] == "5aa4821efefb6a2265faa6257ff2a52c35e3ebf22c472eae06376769523ab358"
    assert row["source_path"] == str(paths.EXAMPLE_ARTICLE)
    assert (row["outlet"], row["published"], row["url"]) == ("unknown", "", "")
    assert df["title"].dtype == "string"
    assert df.attrs["skipped"] == [] and df.attrs["title_only"] == []


def test_outlet_argument_fills_outlet():
    df = read_articles(paths.EXAMPLE_ARTICLE, outlet="RT Arabic")
    assert df.loc[0, "outlet"] == "RT Arabic"


def test_crlf_kept_in_body_and_not_in_title(tmp_path, sentences):
    path = tmp_path / "crlf.txt"
    path.write_bytes(f"{sentences[0]}\r\n{sentences[1]}\r\n{sentences[2]}\r\n".encode())
    row = read_articles(path).iloc[0]
    assert row["title"] == sentences[0]
    assert row["body"] == f"{sentences[1]}\r\n{sentences[2]}\r\n"


def test_folder_recursive_sorted_with_relative_ids(tmp_path, sentences):
    (tmp_path / "sub").mkdir()
    (tmp_path / ".ipynb_checkpoints").mkdir()
    (tmp_path / "sub" / "b.txt").write_text(f"{sentences[1]}\n{sentences[2]}", encoding="utf-8")
    (tmp_path / "a.txt").write_text(f"{sentences[0]}\n{sentences[3]}", encoding="utf-8")
    (tmp_path / "c.txt.gz").write_bytes(gzip.compress(f"{sentences[4]}\n{sentences[5]}".encode()))
    (tmp_path / ".ipynb_checkpoints" / "a.txt").write_text("copy\ncopy", encoding="utf-8")
    (tmp_path / "README.md").write_text("provenance", encoding="utf-8")
    df = read_articles(tmp_path)
    assert df["article_id"].tolist() == ["a", "c", "sub/b"]
    assert df["title"].tolist() == [sentences[0], sentences[4], sentences[1]]
    assert df.loc[2, "body"] == sentences[2]
    assert df.loc[2, "source_path"] == str(tmp_path / "sub" / "b.txt")
    assert df.loc[1, "sha256"] == hashlib.sha256((tmp_path / "c.txt.gz").read_bytes()).hexdigest()
    assert df.attrs["ignored_files"] == [str(tmp_path / "README.md")]


def test_folder_with_format_reads_only_that_format(tmp_path, sentences):
    (tmp_path / "a.txt").write_text(f"{sentences[0]}\n{sentences[1]}", encoding="utf-8")
    write_csv(tmp_path / "b.csv", ["text"], [[sentences[2]]])
    assert read_articles(tmp_path)["article_id"].tolist() == ["a", "b-1"]
    assert read_articles(tmp_path, format="csv")["article_id"].tolist() == ["b-1"]


def test_limit_stops_early(tmp_path, sentences):
    for i in range(3):
        (tmp_path / f"{i}.txt").write_text(f"{sentences[i]}\n{sentences[i + 1]}", encoding="utf-8")
    assert read_articles(tmp_path, limit=2)["article_id"].tolist() == ["0", "1"]


# --------------------------------------------------------------------------------------
# Encodings
# --------------------------------------------------------------------------------------


def test_windows_1256_detected_and_equal(tmp_path, sentences):
    text = f"{sentences[0]}\n{sentences[1]}\n"
    path = tmp_path / "cp1256.txt"
    path.write_bytes(text.encode("cp1256"))
    with pytest.raises(UnicodeDecodeError):
        path.read_bytes().decode("utf-8")
    assert io.detect_encoding(path.read_bytes()) == "cp1256"
    row = read_articles(path).iloc[0]
    assert row["title"] == sentences[0]
    assert row["body"] == sentences[1] + "\n"


def test_windows_1256_csv_streamed(tmp_path, sentences):
    path = write_csv(tmp_path / "cp.csv", ["title", "body"], [[sentences[0], sentences[1]]],
                     encoding="cp1256")
    df = read_articles(path)
    assert (df.loc[0, "title"], df.loc[0, "body"]) == (sentences[0], sentences[1])


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom(tmp_path, sentences, codec):
    bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
    path = tmp_path / "u16.txt"
    path.write_bytes(bom + f"{sentences[0]}\n{sentences[2]}".encode(codec))
    row = read_articles(path).iloc[0]
    assert row["title"] == sentences[0]
    assert row["body"] == sentences[2]


def test_utf16_jsonl_with_bom(tmp_path, sentences):
    path = tmp_path / "u16.jsonl"
    lines = "".join(json.dumps({"id": f"x{i}", "text": s}, ensure_ascii=False) + "\n"
                    for i, s in enumerate(sentences[:3]))
    path.write_bytes(lines.encode("utf-16"))  # Python writes a BOM for "utf-16"
    df = read_articles(path)
    assert df["article_id"].tolist() == ["x0", "x1", "x2"]
    assert df["body"].tolist() == sentences[:3]


def test_utf8_bom_stripped_and_nothing_else(tmp_path, sentences):
    path = tmp_path / "bom.txt"
    path.write_bytes(codecs.BOM_UTF8 + f"{sentences[0]}\n\ufeff{sentences[1]}".encode())
    row = read_articles(path).iloc[0]
    assert row["title"] == sentences[0]
    assert row["body"] == "\ufeff" + sentences[1]  # only the leading BOM goes


def test_utf8_bom_stripped_with_explicit_utf8(tmp_path, sentences):
    path = tmp_path / "bom8.txt"
    path.write_bytes(codecs.BOM_UTF8 + f"{sentences[0]}\n{sentences[1]}".encode())
    assert read_articles(path, encoding="UTF8").loc[0, "title"] == sentences[0]


def test_utf8_bom_csv_header_detected(tmp_path, sentences):
    path = tmp_path / "bom.csv"
    write_csv(path, ["Text"], [[sentences[1]]], encoding="utf-8-sig")
    assert read_articles(path).loc[0, "body"] == sentences[1]


def test_explicit_encoding_overrides_detection(tmp_path):
    # constructed: ISO-8859-6 Arabic bytes also decode as (wrong) Arabic in Windows-1256,
    # so detection guesses cp1256; encoding= gives the right text
    path = tmp_path / "iso.txt"
    path.write_bytes("عنوان\nنص المقال".encode("iso-8859-6"))
    guessed = read_articles(path).iloc[0]
    assert guessed["title"] != "عنوان" and len(guessed["title"]) == 5
    row = read_articles(path, encoding="iso-8859-6").iloc[0]
    assert (row["title"], row["body"]) == ("عنوان", "نص المقال")


def test_unknown_encoding_is_an_error_naming_offset(tmp_path):
    # constructed: French text in Latin-1 is neither UTF-8 nor Arabic Windows-1256
    path = tmp_path / "latin.txt"
    path.write_bytes("Le café\nLa négociation à Genève".encode("latin-1"))
    with pytest.raises(CorpusReadError, match=r"latin\.txt, byte 6: unknown encoding: not "
                                              r"UTF-8 .*pass encoding='cp1256'"):
        read_articles(path)
    assert read_articles(path, encoding="latin-1").loc[0, "title"] == "Le café"


def test_unknown_encoding_name(tmp_path, sentences):
    path = tmp_path / "a.txt"
    path.write_text(f"{sentences[0]}\n{sentences[1]}", encoding="utf-8")
    with pytest.raises(CorpusReadError, match=r"a\.txt: unknown encoding 'klingon'"):
        read_articles(path, encoding="klingon")


def test_binary_file_names_byte_offset(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(CorpusReadError, match=r"image\.txt, byte 8: NUL byte.*binary"):
        read_articles(path)


def test_undecodable_byte_after_first_mib_names_offset(tmp_path, sentences):
    line = json.dumps({"text": sentences[1]}, ensure_ascii=False) + "\n"
    good = (line * (2 * (1 << 20) // len(line.encode()) + 1)).encode()
    path = tmp_path / "late.jsonl"
    path.write_bytes(good + b'{"text": "\xff"}\n')
    with pytest.raises(CorpusReadError) as info:
        read_articles(path)
    assert info.value.offset == len(good) + len('{"text": "')
    assert info.value.line == good.count(b"\n") + 1
    assert (f"late.jsonl, line {info.value.line}, byte {info.value.offset}: cannot be decoded "
            "as utf-8") in str(info.value)


def test_detect_encoding_values(sentences):
    assert io.detect_encoding(sentences[0].encode()) == "utf-8"
    assert io.detect_encoding(codecs.BOM_UTF8 + b"x") == "utf-8-sig"
    assert io.detect_encoding(codecs.BOM_UTF32_LE + "x".encode("utf-32-le")) == "utf-32"
    assert io.detect_encoding(sentences[3].encode("cp1256")) == "cp1256"
    # an incomplete multi-byte character at the end is fine when the data is a prefix
    assert io.detect_encoding(sentences[0].encode()[:5], complete=False) == "utf-8"


# --------------------------------------------------------------------------------------
# Row formats
# --------------------------------------------------------------------------------------


def test_csv_auto_detected_columns_keep_exact_strings(tmp_path, sentences):
    body = f"  {sentences[1]}\r\n{sentences[2]}  "  # spaces and CRLF must survive
    rows = [["a1", sentences[0], body, "2016-09-09", "https://example.org/1", "RT", "politics"],
            ["a2", "", sentences[3], "", "", "", "politics"]]
    path = write_csv(tmp_path / "corpus.csv",
                     ["ID", "Headline", "Text", "Date", "Link", "Source", "Section"], rows)
    df = read_articles(path, outlet="fallback")
    assert list(df.columns) == schema.ARTICLES + ["Section"]
    assert df["article_id"].tolist() == ["a1", "a2"]
    assert df.loc[0, "body"] == body
    assert df["title"].tolist() == [sentences[0], ""]
    assert df["published"].tolist() == ["2016-09-09", ""]
    assert df["url"].tolist() == ["https://example.org/1", ""]
    assert df["outlet"].tolist() == ["RT", "fallback"]  # empty cell -> argument
    assert df["Section"].tolist() == ["politics", "politics"]
    assert df["sha256"].tolist() == [hashlib.sha256(path.read_bytes()).hexdigest()] * 2


def test_tsv_gz_with_column_mapping(tmp_path, sentences):
    plain = write_csv(tmp_path / "x.tsv", ["key", "hed", "story_text", "text", "source_path"],
                      [["k1", sentences[0], sentences[1], "not the body", "x.doc"]],
                      delimiter="\t")
    path = tmp_path / "feed.tsv.gz"
    path.write_bytes(gzip.compress(plain.read_bytes()))
    df = read_articles(path, columns={"id": "key", "title": "hed", "body": "story_text"})
    assert df.loc[0, "article_id"] == "k1"
    assert df.loc[0, "title"] == sentences[0]
    assert df.loc[0, "body"] == sentences[1]
    assert df.loc[0, "text"] == "not the body"  # unmapped columns stay
    assert df.loc[0, "input_source_path"] == "x.doc"  # renamed: the schema has the name
    assert df.loc[0, "source_path"] == str(path)


def test_arabic_headers_and_row_ids(tmp_path, sentences):
    path = write_csv(tmp_path / "arabic.csv", ["العنوان", "النص", "التاريخ", "المصدر"],
                     [[sentences[0], sentences[1], "2016-09-09T10:00:00+03:00", "روسيا اليوم"],
                      [sentences[4], sentences[5], "", "روسيا اليوم"]])
    df = read_articles(path)
    assert df["article_id"].tolist() == ["arabic-1", "arabic-2"]
    assert df["title"].tolist() == [sentences[0], sentences[4]]
    assert df["body"].tolist() == [sentences[1], sentences[5]]
    assert df["published"].tolist() == ["2016-09-09T10:00:00+03:00", ""]
    assert df["outlet"].tolist() == ["روسيا اليوم"] * 2


def test_text_column_only_gives_empty_title(tmp_path, sentences):
    path = write_csv(tmp_path / "only.csv", ["content"], [[sentences[2]]])
    row = read_articles(path).iloc[0]
    assert (row["article_id"], row["title"], row["body"]) == ("only-1", "", sentences[2])


def test_columns_none_disables_detection(tmp_path, sentences):
    # A date in no known form leaves the date empty and keeps the article, with a warning.
    path = write_csv(tmp_path / "d.csv", ["text", "date"], [[sentences[1], "yesterday"]])
    with pytest.warns(CorpusReadWarning, match=r"1 article\(s\) have a date in no known form .*"
                                               r"d\.csv, row 1: 'yesterday'"):
        df = read_articles(path)
    assert (df.loc[0, "published"], df.loc[0, "body"]) == ("", sentences[1])
    assert df.attrs["undated"] == [{"file": str(path), "row": 1, "article_id": "d-1", "value": "yesterday"}]
    df = read_articles(path, columns={"published": None})
    assert df.loc[0, "published"] == ""
    assert df.loc[0, "date"] == "yesterday"


def test_rfc2822_date_converted(tmp_path, sentences):
    path = write_csv(tmp_path / "rss.csv", ["text", "pubDate"],
                     [[sentences[1], "Fri, 09 Sep 2016 10:00:00 +0300"]])
    assert read_articles(path).loc[0, "published"] == "2016-09-09T10:00:00+03:00"


def test_jsonl_extras_after_schema_and_blank_lines(tmp_path, sentences):
    recs = [{"article_id": "j1", "title": sentences[0], "body": sentences[1], "category": "x",
             "words": 12},
            {"article_id": "j2", "title": sentences[4], "body": sentences[5], "category": "y",
             "words": 30}]
    path = tmp_path / "c.jsonl.gz"
    text = "\n".join(json.dumps(r, ensure_ascii=False) for r in recs) + "\n\n"
    path.write_bytes(gzip.compress(text.encode()))
    df = read_articles(path)
    assert list(df.columns) == schema.ARTICLES + ["category", "words"]
    assert df["category"].tolist() == ["x", "y"]
    assert df["words"].tolist() == [12, 30]
    assert df["body"].tolist() == [sentences[1], sentences[5]]


def test_json_list(tmp_path, sentences):
    path = tmp_path / "list.json"
    path.write_text(json.dumps([{"id": 7, "headline": sentences[0], "text": sentences[1],
                                 "url": "https://example.org/7"}], ensure_ascii=False),
                    encoding="utf-8")
    row = read_articles(path).iloc[0]
    assert (row["article_id"], row["title"], row["body"], row["url"]) == (
        "7", sentences[0], sentences[1], "https://example.org/7")


def test_json_not_a_list(tmp_path):
    path = tmp_path / "obj.json"
    path.write_text('{"text": "x"}', encoding="utf-8")
    with pytest.raises(CorpusReadError, match=r"obj\.json: expected a JSON list"):
        read_articles(path)


def test_parquet_ints_timestamps_and_mapping(tmp_path, sentences):
    table = pa.table({
        "doc": pa.array([101, 102], pa.int64()),
        "Title": [sentences[0], sentences[4]],
        "Body": [sentences[1], sentences[5]],
        "published": pa.array([pd.Timestamp("2016-09-09 08:30"), None], pa.timestamp("s")),
        "score": [0.5, 1.5],
    })
    path = tmp_path / "p.parquet"
    pq.write_table(table, path)
    df = read_articles(path, columns={"article_id": "doc"})
    assert df["article_id"].tolist() == ["101", "102"]
    assert df["title"].tolist() == [sentences[0], sentences[4]]
    assert df["published"].tolist() == ["2016-09-09T08:30:00", ""]
    assert df["score"].tolist() == [0.5, 1.5]
    assert df["article_id"].dtype == "string"


def test_html_page_through_trafilatura(tmp_path):
    # constructed page: Arabic sentences written for this test, with boilerplate around
    html = """<html><head><title>موقع</title>
<meta property="og:title" content="لافروف وكيري يبحثان الهدنة في جنيف">
<meta property="article:published_time" content="2016-09-09T18:00:00+03:00">
<link rel="canonical" href="https://example.org/news/42"></head>
<body><nav>الرئيسية | أخبار | رياضة</nav><article><h1>لافروف وكيري يبحثان الهدنة في جنيف</h1>
<p>قال وزير الخارجية الروسي سيرغي لافروف إن المحادثات مع نظيره الأمريكي ما زالت مستمرة في جنيف.</p>
<p>من جهته، أكد جون كيري أن الطرفين يقتربان من اتفاق على وقف إطلاق النار في سوريا.</p>
</article><footer>جميع الحقوق محفوظة</footer></body></html>"""
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    row = read_articles(path).iloc[0]
    assert row["article_id"] == "page"
    assert row["title"] == "لافروف وكيري يبحثان الهدنة في جنيف"
    assert row["body"].startswith("قال وزير الخارجية الروسي سيرغي لافروف")
    assert row["body"].endswith("وقف إطلاق النار في سوريا.")
    assert "الرئيسية" not in row["body"] and "الحقوق" not in row["body"]
    assert row["published"] == "2016-09-09"
    assert row["url"] == "https://example.org/news/42"


# --------------------------------------------------------------------------------------
# Bad input: clear errors, errors="skip" reports
# --------------------------------------------------------------------------------------


def test_csv_without_text_column(tmp_path):
    path = write_csv(tmp_path / "notext.csv", ["id", "headline"], [["1", "x"]])
    with pytest.raises(CorpusReadError) as info:
        read_articles(path)
    msg = str(info.value)
    assert msg.startswith(f"{path}: no text column")
    assert "['id', 'headline']" in msg and "columns={'body':" in msg


def test_mapped_column_missing(tmp_path, sentences):
    path = write_csv(tmp_path / "m.csv", ["text"], [[sentences[1]]])
    with pytest.raises(CorpusReadError, match=r"m\.csv: columns=\{'title': 'hed'\}.*\['text'\]"):
        read_articles(path, columns={"title": "hed"})
    with pytest.raises(ValueError, match="unknown field 'headline'"):
        read_articles(path, columns={"headline": "text"})


@pytest.mark.parametrize("name", ["empty.txt", "empty.csv", "empty.jsonl", "empty.json"])
def test_empty_file(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b"")
    with pytest.raises(CorpusReadError, match=rf"{name}: the file is empty"):
        read_articles(path)


def test_json_line_that_does_not_parse(tmp_path, sentences):
    path = tmp_path / "bad.jsonl"
    good = [json.dumps({"id": f"r{i}", "text": s}, ensure_ascii=False) for i, s in
            enumerate(sentences[:3])]
    path.write_text("\n".join([good[0], '{"id": "r9", "text": "unterminated', good[1], good[2]]),
                    encoding="utf-8")
    with pytest.raises(CorpusReadError, match=r"bad\.jsonl, line 2: not valid JSON"):
        read_articles(path)
    with pytest.warns(CorpusReadWarning, match=r"bad\.jsonl, line 2: not valid JSON"):
        df = read_articles(path, errors="skip")
    assert df["article_id"].tolist() == ["r0", "r1", "r2"]
    assert len(df.attrs["skipped"]) == 1
    skipped = df.attrs["skipped"][0]
    assert (skipped["file"], skipped["row"]) == (str(path), 2)
    assert "not valid JSON" in skipped["reason"]


def test_empty_body_row_error_and_skip(tmp_path, sentences):
    path = write_csv(tmp_path / "e.csv", ["id", "title", "text"],
                     [["1", sentences[0], sentences[1]], ["2", "", "  "], ["3", "", sentences[2]]])
    with pytest.raises(CorpusReadError, match=r"e\.csv, row 2, line 3: the article has an empty "
                                              r"body"):
        read_articles(path)
    with pytest.warns(CorpusReadWarning, match=r"row 2, line 3"):
        df = read_articles(path, errors="skip")
    assert df["article_id"].tolist() == ["1", "3"]
    assert df.attrs["skipped"][0]["row"] == 2


def test_title_only_article_kept_and_reported(tmp_path, sentences):
    path = write_csv(tmp_path / "t.csv", ["id", "title", "text"],
                     [["1", sentences[0], ""], ["2", sentences[4], sentences[5]]])
    with pytest.warns(CorpusReadWarning, match=r"1 article\(s\) have a title but an empty body"):
        df = read_articles(path)
    assert df["article_id"].tolist() == ["1", "2"]
    assert df.attrs["title_only"] == ["1"]


def test_wrong_field_count(tmp_path, sentences):
    path = tmp_path / "f.csv"
    # a blank line is not a row, but it counts as a line
    path.write_text(f"id,text\n1,{sentences[3]}\n\n2,a,b\n", encoding="utf-8")
    with pytest.raises(CorpusReadError, match=r"f\.csv, row 2, line 4: 3 fields where the "
                                              r"header has 2"):
        read_articles(path)
    with pytest.warns(CorpusReadWarning, match=r"row 2, line 4"):
        assert read_articles(path, errors="skip")["article_id"].tolist() == ["1"]


def test_duplicate_ids_name_both_rows(tmp_path, sentences):
    path = write_csv(tmp_path / "dup.csv", ["id", "text"],
                     [["x", sentences[1]], ["y", sentences[2]], ["x", sentences[3]]])
    with pytest.raises(CorpusReadError) as info:
        read_articles(path)
    assert str(info.value) == (
        f"{path}, row 3, line 4: duplicate article_id 'x', first seen at {path}, row 1, "
        "line 2; make the ids unique (or pass columns={'article_id': None} to number the rows)")
    with pytest.warns(CorpusReadWarning, match="duplicate article_id 'x'"):
        df = read_articles(path, errors="skip")
    assert df["body"].tolist() == [sentences[1], sentences[2]]
    renumbered = read_articles(path, columns={"article_id": None})
    assert renumbered["article_id"].tolist() == ["dup-1", "dup-2", "dup-3"]


def test_duplicate_ids_across_files(tmp_path, sentences):
    (tmp_path / "a.txt").write_text(f"{sentences[0]}\n{sentences[1]}", encoding="utf-8")
    (tmp_path / "a.html").write_text("<html><body><article><p>" + sentences[2] * 3
                                     + "</p></article></body></html>", encoding="utf-8")
    with pytest.raises(CorpusReadError, match=rf"a\.txt: duplicate article_id 'a', first seen "
                                              rf"at {tmp_path / 'a.html'}"):
        read_articles(tmp_path)


def test_skip_bad_file_in_folder(tmp_path, sentences):
    (tmp_path / "a.txt").write_text(f"{sentences[0]}\n{sentences[1]}", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    (tmp_path / "c.txt").write_bytes(b"\x00\x01\x02")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        df = read_articles(tmp_path, errors="skip")
    assert df["article_id"].tolist() == ["a"]
    assert [(s["file"], s["row"]) for s in df.attrs["skipped"]] == [
        (str(tmp_path / "b.txt"), None), (str(tmp_path / "c.txt"), None)]
    assert df.attrs["skipped"][1]["reason"].startswith(f"{tmp_path / 'c.txt'}, byte 0: NUL byte")
    assert df.attrs["skipped"][1]["reason"].endswith("(file skipped)")
    assert [str(w.message) for w in caught] == [s["reason"] for s in df.attrs["skipped"]]


def test_errors_argument_validated():
    with pytest.raises(ValueError, match="errors must be 'raise' or 'skip'"):
        read_articles(paths.EXAMPLE_ARTICLE, errors="ignore")


def test_unknown_suffix_asks_for_format(tmp_path, sentences):
    path = tmp_path / "article.md"
    path.write_text(f"{sentences[0]}\n{sentences[1]}", encoding="utf-8")
    with pytest.raises(CorpusReadError, match=r"article\.md: cannot tell the format.*format="):
        read_articles(path)
    assert read_articles(path, format="txt").loc[0, "article_id"] == "article"


# --------------------------------------------------------------------------------------
# Streaming
# --------------------------------------------------------------------------------------


def test_iter_articles_chunks_and_skips(tmp_path, sentences):
    path = tmp_path / "s.jsonl"
    lines = [json.dumps({"id": f"r{i}", "text": sentences[i % len(sentences)]},
                        ensure_ascii=False) for i in range(7)]
    lines.insert(5, "not json")  # line 6
    lines.append("{")  # line 9, after the last row
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.warns(CorpusReadWarning):
        chunks = list(iter_articles(path, chunksize=3, errors="skip"))
    assert [c["article_id"].tolist() for c in chunks] == [
        ["r0", "r1", "r2"], ["r3", "r4", "r5"], ["r6"]]
    assert [[s["row"] for s in c.attrs["skipped"]] for c in chunks] == [[], [6], [9]]
    assert all(list(c.columns) == schema.ARTICLES for c in chunks)


@pytest.mark.parametrize("kwargs, message", [
    ({"chunksize": 0}, "chunksize must be >= 1"),
    ({"errors": "ignore"}, "errors must be 'raise' or 'skip'"),
    ({"format": "docx"}, "format='docx' is not one of"),
    ({"limit": -1}, "limit must be >= 0"),
])
def test_iter_articles_checks_arguments_before_iterating(kwargs, message):
    with pytest.raises(ValueError, match=message):
        iter_articles(paths.EXAMPLE_ARTICLE, **kwargs)  # no next(): raised on the call


def test_iter_articles_example_one_chunk():
    chunks = list(iter_articles(paths.EXAMPLE_ARTICLE, chunksize=10))
    assert [c["article_id"].tolist() for c in chunks] == [[EXAMPLE_ID]]


# --------------------------------------------------------------------------------------
# ANT corpus (skips when absent)
# --------------------------------------------------------------------------------------

ANT_OUTLETS = {"Sky News Arabia": 13700, "Al Arabiya": 6512, "France 24 Arabic": 3968,
               "BBC Arabic": 3806, "CNN Arabic": 3499}


@pytest.mark.corpus
def test_ant_whole_corpus(ant_path):
    with pytest.warns(CorpusReadWarning, match="2 article"):
        df = read_articles(ant_path)
    assert len(df) == 31485
    assert list(df.columns) == schema.ARTICLES + ["category", "abstract", "source"]
    assert df["outlet"].value_counts().to_dict() == ANT_OUTLETS
    assert df["article_id"].is_unique
    assert df.attrs["title_only"] == ["FR-internationalNews-2077-20180629",
                                      "FR-sport-214-20180629"]
    row = df.set_index("article_id").loc["AL-culture-1-20180218"]
    with gzip.open(ant_path, "rt", encoding="utf-8") as fh:
        first = json.loads(fh.readline())
    assert first["article_id"] == "AL-culture-1-20180218"
    assert row["title"] == first["title"] and row["body"] == first["body"]
    assert len(row["title"]) == 51
    assert row["published"] == "2018-02-18T21:35:43+04:00"
    assert (row["outlet"], row["category"]) == ("Al Arabiya", "culture")
    assert row["sha256"] == hashlib.sha256(ant_path.read_bytes()).hexdigest()
    assert df["category"].nunique() == 6


@pytest.mark.corpus
def test_ant_streamed_in_chunks(ant_path):
    chunks = list(iter_articles(ant_path, chunksize=1000, limit=2500))
    assert [len(c) for c in chunks] == [1000, 1000, 500]
    assert chunks[0].loc[0, "article_id"] == "AL-culture-1-20180218"


# --------------------------------------------------------------------------------------
# save_table / load_table
# --------------------------------------------------------------------------------------


def make_sentences_table() -> pd.DataFrame:
    df = schema.empty_table(schema.SENTENCES)
    return pd.concat([df, pd.DataFrame({
        "article_id": pd.array([EXAMPLE_ID, EXAMPLE_ID], dtype="string"),
        "sent_id": pd.array([0, 1], dtype="Int64"),
        "part": pd.array(["title", "lead"], dtype="string"),
        "start": pd.array([0, 4], dtype="Int64"),
        "end": pd.array([159, None], dtype="Int64"),
        "text": pd.array(["سطر\r\nثان", "\u00a0 "], dtype="string"),  # constructed
    })], ignore_index=True)


@pytest.mark.parametrize("name", ["t.csv", "t.parquet", "t.csv.gz"])
def test_round_trip_sentences_keeps_dtypes(tmp_path, name):
    df = make_sentences_table()
    out = io.save_table(df, tmp_path / "sub" / name)
    back = io.load_table(out)
    pd.testing.assert_frame_equal(back, df)
    assert str(back["start"].dtype) == "Int64" and back["end"].isna().tolist() == [False, True]
    assert [p.name for p in (tmp_path / "sub").iterdir()] == [name]  # no temp file left


@pytest.mark.parametrize("name", ["a.csv", "a.parquet"])
def test_round_trip_articles_and_attributions(tmp_path, name):
    articles = read_articles(paths.EXAMPLE_ARTICLE)
    io.save_table(articles, tmp_path / name)
    back = io.load_table(tmp_path / name)
    pd.testing.assert_frame_equal(back, articles, check_like=False)
    assert back.loc[0, "body"].startswith("\n\u00a0\n\n")

    attributions = schema.empty_table(schema.ATTRIBUTIONS)
    attributions.loc[0] = {c: (True if c == "in_heading" else 3 if str(attributions[c].dtype)
                               == "Int64" else "x") for c in schema.ATTRIBUTIONS}
    attributions = attributions.astype(attributions.dtypes.to_dict())
    io.save_table(attributions, tmp_path / ("b" + name[1:]))
    back = io.load_table(tmp_path / ("b" + name[1:]))
    assert back["in_heading"].dtype == bool and back.loc[0, "in_heading"]
    assert str(back["cue_start"].dtype) == "Int64" and back.loc[0, "cue_start"] == 3


def test_csv_empty_cells_articles_text_vs_missing_elsewhere(tmp_path):
    articles = read_articles(paths.EXAMPLE_ARTICLE)
    io.save_table(articles, tmp_path / "a.csv")
    assert io.load_table(tmp_path / "a.csv").loc[0, "url"] == ""
    stance = schema.empty_table(schema.STANCE)
    stance.loc[0] = [EXAMPLE_ID, 3, "body", "لافروف", "russia", pd.NA, "negative", "blame",
                     10, 20, pd.NA]  # constructed row
    stance = stance.astype(schema.empty_table(schema.STANCE).dtypes.to_dict())
    io.save_table(stance, tmp_path / "stance.csv")
    back = io.load_table(tmp_path / "stance.csv")
    pd.testing.assert_frame_equal(back, stance)
    assert back["target_side"].isna().tolist() == [True]


def test_csv_extra_columns_inferred(tmp_path):
    df = pd.DataFrame({"side": pd.array(["russia", "us"], dtype="string"),
                       "share": [0.25, 0.75], "n": [3, 4], "flag": [True, False],
                       "label": ["1a", "2"], "note": ["", "x"]})
    io.save_table(df, tmp_path / "features.csv")
    back = io.load_table(tmp_path / "features.csv")
    assert back.dtypes.astype(str).tolist() == [
        "string", "float64", "int64", "bool", "string", "string"]
    assert back["share"].tolist() == [0.25, 0.75] and back["label"].tolist() == ["1a", "2"]
    assert back["note"].isna().tolist() == [True, False]


def test_csv_gz_is_the_same_bytes_on_every_run(tmp_path):
    df = make_sentences_table()
    first = io.save_table(df, tmp_path / "one" / "sentences.csv.gz").read_bytes()
    second = io.save_table(df, tmp_path / "two" / "sentences.csv.gz").read_bytes()
    assert first == second  # no temporary file name or time in the gzip header
    assert gzip.decompress(first).decode("utf-8").startswith("article_id,sent_id,part,")


def test_save_is_atomic_and_replaces(tmp_path):
    target = tmp_path / "x.csv"
    target.write_text("old", encoding="utf-8")

    class Boom(pd.DataFrame):
        def to_csv(self, *args, **kwargs):
            raise RuntimeError("disk full")

    with pytest.raises(RuntimeError, match="disk full"):
        io.save_table(Boom({"a": [1]}), target)
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["x.csv"]
    io.save_table(pd.DataFrame({"a": [1]}), target)
    assert target.read_text(encoding="utf-8") == "a\n1\n"


def test_save_refuses_raw_dir_and_unknown_suffix(tmp_path):
    df = pd.DataFrame({"a": [1]})
    with pytest.raises(ValueError, match="data/raw holds the immutable input"):
        io.save_table(df, paths.RAW_DIR / "oops.csv")
    assert not (paths.RAW_DIR / "oops.csv").exists()
    with pytest.raises(ValueError, match="cannot tell the table format"):
        io.save_table(df, tmp_path / "x.xlsx")


def test_load_csv_bad_integer_names_row(tmp_path):
    path = tmp_path / "s.csv"
    path.write_text("article_id,start\na,1\nb,x\n", encoding="utf-8")
    with pytest.raises(CorpusReadError, match=r"s\.csv, row 2: column 'start' should hold "
                                              r"integers"):
        io.load_table(path)


@pytest.mark.parametrize("module", ["io", "readers", "encodings", "sources", "errors", "html",
                                    "tables"])
def test_docstring_examples_run(module):
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(f"analysis.corpus.{module}"),
                             optionflags=doctest.ELLIPSIS)
    assert result.attempted >= 1
    assert result.failed == 0


def test_html_windows_1256_page_with_declared_charset(tmp_path, sentences):
    # constructed page around two real sentences; markup and a script outweigh the Arabic
    # letters, so only the declared charset identifies Windows-1256
    script = "<script>var trackingConfiguration = {enabled: true, sampleRate: 100};</script>" * 30
    html = (f'<html><head><meta http-equiv="Content-Type" content="text/html; '
            f'charset=windows-1256"><title>{sentences[0]}</title>{script}</head><body>'
            f"<article><p>{sentences[1]}</p><p>{sentences[3]}</p></article></body></html>")
    path = tmp_path / "legacy.htm"
    path.write_bytes(html.encode("cp1256"))
    with pytest.raises(CorpusReadError, match="unknown encoding"):
        io.detect_encoding(path.read_bytes())
    row = read_articles(path).iloc[0]
    assert row["title"] == sentences[0]
    # trafilatura turns no-break spaces into spaces and trims paragraphs
    paragraphs = [p.replace("\xa0", " ").strip() for p in (sentences[1], sentences[3])]
    assert row["body"] == "\n".join(paragraphs)


def test_truncated_gzip_is_a_clear_error(tmp_path, sentences):
    data = gzip.compress(json.dumps({"text": sentences[1]}, ensure_ascii=False).encode() + b"\n")
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(CorpusReadError, match=r"cut\.jsonl\.gz: damaged gzip data"):
        read_articles(path)
