"""Fetch a public corpus at a pinned commit, verify every file, convert it to JSON Lines.

``python -m analysis fetch ant`` (or :func:`fetch_corpus`) downloads the ANT corpus v2.1
(Chouigui et al. 2017) as an archive of one commit of its public repository, with pooch
(cache, retries, progress bar). Hosting services do not promise byte-stable archives, so
the archive itself is not hashed; instead every file extracted from it is checked against
the per-file size and SHA-256 list of that commit, which ships with this package
(``analysis/corpus/manifests/``). Only then is the corpus converted to the suite's JSON
Lines form, one article per line, exactly as ``docs/corpora.md`` describes, and written
atomically into the user cache folder (``$FRAMING_CACHE`` or the platform's cache folder).

Nothing here runs at import time or in tests against the network: the tests serve a
small constructed archive from a local HTTP server.
"""

from __future__ import annotations

import email.utils
import gzip
import hashlib
import io
import json
import os
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from analysis.corpus import paths
from analysis.corpus.files import atomic_path, write_text_atomic

MANIFEST_DIR = Path(__file__).resolve().parent / "manifests"
#: Bytes read at a time when hashing an archive member.
HASH_BLOCK = 1 << 20
#: How many problems an error message lists before "and N more".
SHOWN_PROBLEMS = 10


class FetchError(RuntimeError):
    """A corpus could not be fetched, verified or converted; the message says what to do."""


@dataclass(frozen=True)
class CorpusSpec:
    """A public corpus pinned to one commit of its repository.

    Attributes
    ----------
    name : str
        Short name used on the command line and for the cache folder (``ant``).
    version : str
        Corpus version written into the converted file's name (``ant-v2.1``).
    repository : str
        ``owner/name`` on GitHub.
    commit : str
        The 40-hex commit whose files the manifest lists.
    manifest : str
        File name of the per-file manifest in ``analysis/corpus/manifests``.
    outlets : dict
        Top-level folder of the repository -> outlet name.
    citation : str
        What users of the corpus are asked to cite.
    """

    name: str
    version: str
    repository: str
    commit: str
    manifest: str
    outlets: dict[str, str] = field(default_factory=dict)
    citation: str = ""

    @property
    def url(self) -> str:
        """The archive of the pinned commit."""
        return f"https://github.com/{self.repository}/archive/{self.commit}.zip"

    @property
    def file_name(self) -> str:
        """Name of the converted JSON Lines file."""
        return f"{self.version}.jsonl.gz"


ANT = CorpusSpec(
    name="ant",
    version="ant-v2.1",
    repository="antcorpus/antcorpus.multisource.data",
    commit="f117ce44a9cfad0dcbd341b7d744e4c3cdb4fed8",
    manifest="MANIFEST-f117ce44.tsv.gz",
    outlets={
        "Alarabia": "Al Arabiya", "BBC": "BBC Arabic", "CNN": "CNN Arabic",
        "France24": "France 24 Arabic", "SkyNews": "Sky News Arabia",
    },
    citation=(
        "Chouigui, A., Ben Khiroun, O., & Elayeb, B. (2017). ANT Corpus: An Arabic News Text "
        "Collection for Textual Classification. In 2017 IEEE/ACS 14th International Conference "
        "on Computer Systems and Applications (AICCSA), pp. 135-142."
    ),
)
CORPORA = {ANT.name: ANT}

# The tags of one article file, in the order the JSON Lines record lists their fields.
_FIELDS = (
    ("article_id", "DOCNO"), ("category", "CAT"), ("published", "TIME"), ("title", "TITLE"),
    ("abstract", "ABSTRACT"), ("body", "TEXT"), ("url", "URL"),
)
_TAG_RE = {tag: re.compile(rf"<{tag}>(.*?)</{tag}>", re.DOTALL) for _, tag in _FIELDS}


# ------------------------------------------------------------------------- manifest


def read_manifest(path: str | os.PathLike[str]) -> dict[str, tuple[int, str]]:
    """Path -> (size, sha256) for every file of a manifest (``path, size, sha256`` TSV).

    Lines starting with ``#`` are comments; the first other line is the header.
    """
    source = Path(path)
    opener = gzip.open if source.suffix == ".gz" else open
    entries: dict[str, tuple[int, str]] = {}
    with opener(source, "rt", encoding="utf-8") as handle:
        lines = (line.rstrip("\n") for line in handle if not line.startswith("#"))
        header = next(lines, "").split("\t")
        if header != ["path", "size", "sha256"]:
            raise FetchError(f"{source}: header {header} is not path, size, sha256")
        for number, line in enumerate(lines, start=2):
            parts = line.split("\t")
            if len(parts) != 3 or not parts[1].isdigit() or not re.fullmatch(r"[0-9a-f]{64}", parts[2]):
                raise FetchError(f"{source}, line {number}: expected path, size, sha256; got {line!r}")
            entries[parts[0]] = (int(parts[1]), parts[2])
    return entries


def _member_names(archive: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
    """Archive members by their path inside the repository (the top folder removed)."""
    members = {}
    for info in archive.infolist():
        if info.is_dir():
            continue
        top, _, inner = info.filename.partition("/")
        name = inner if inner else top
        if name.startswith("/") or ".." in Path(name).parts:
            raise FetchError(f"archive member {info.filename!r} points outside its folder; refusing it")
        members[name] = info
    return members


def _listed(problems: list[str]) -> str:
    shown = "; ".join(problems[:SHOWN_PROBLEMS])
    more = len(problems) - SHOWN_PROBLEMS
    return shown + (f"; and {more} more" if more > 0 else "")


def verify_archive(archive_path: Path, manifest: dict[str, tuple[int, str]]) -> dict[str, zipfile.ZipInfo]:
    """Check every manifest file inside the archive by size and SHA-256.

    Returns the archive members by repository path. Raises :class:`FetchError` naming
    the missing and the differing files; files in the archive that the manifest does
    not list are ignored (they are not read).
    """
    try:
        archive = zipfile.ZipFile(archive_path)
    except (zipfile.BadZipFile, OSError) as error:
        raise FetchError(
            f"{archive_path}: not a complete zip archive ({error}); the download was probably "
            "cut off. Delete it and run the fetch again."
        ) from None
    with archive:
        members = _member_names(archive)
        problems = []
        for name, (size, digest) in manifest.items():
            info = members.get(name)
            if info is None:
                problems.append(f"{name}: missing")
                continue
            if info.file_size != size:
                problems.append(f"{name}: {info.file_size} bytes, expected {size}")
                continue
            sha = hashlib.sha256()
            try:
                with archive.open(info) as member:
                    for block in iter(lambda: member.read(HASH_BLOCK), b""):
                        sha.update(block)
            except (zipfile.BadZipFile, EOFError, OSError, zlib.error) as error:
                problems.append(f"{name}: unreadable ({error})")
                continue
            if sha.hexdigest() != digest:
                problems.append(f"{name}: sha256 {sha.hexdigest()[:12]}…, expected {digest[:12]}…")
    if problems:
        raise FetchError(
            f"{archive_path}: {len(problems)} of {len(manifest)} files do not match the manifest "
            f"({_listed(problems)}). Delete the archive and fetch again; if the same files differ "
            "again, the hosting service changed them and this corpus version cannot be verified."
        )
    return members


# ----------------------------------------------------------------------- conversion


def _published(value: str) -> str:
    """RFC 2822 date -> ISO 8601 with its offset; empty when it cannot be read."""
    try:
        return email.utils.parsedate_to_datetime(value).isoformat() if value else ""
    except (TypeError, ValueError, IndexError):
        return ""


def parse_article(text: str, repo_path: str, spec: CorpusSpec = ANT) -> dict[str, str]:
    """One article file of the original form -> one JSON Lines record.

    Each tag's content is taken with surrounding whitespace stripped; ``TIME`` becomes
    ISO 8601; the top folder gives the outlet; ``source`` records repository, commit and
    path. The file is read by its tags, not as XML (some files hold a raw ``&`` or ``<``).

    Examples
    --------
    >>> doc = ("<DOC>\\n<DOCNO>XX-internationalNews-1-20180101</DOCNO>\\n<CAT>internationalNews</CAT>\\n"
    ...        "<TITLE> عنوان </TITLE>\\n<TIME>Mon, 01 Jan 2018 10:00:00 +0300</TIME>\\n"
    ...        "<TEXT>\\nنص.\\n</TEXT>\\n</DOC>\\n")
    >>> record = parse_article(doc, "SkyNews/internationalNews/XX-internationalNews-1-20180101.txt")
    >>> record["outlet"], record["published"], record["title"], record["body"]
    ('Sky News Arabia', '2018-01-01T10:00:00+03:00', 'عنوان', 'نص.')
    """
    found = {}
    for key, tag in _FIELDS:
        match = _TAG_RE[tag].search(text)
        found[key] = match.group(1).strip() if match else ""
    if not found["article_id"]:
        raise FetchError(f"{repo_path}: no <DOCNO> tag; this file is not an article of the corpus")
    folder = repo_path.split("/", 1)[0]
    return {
        "article_id": found["article_id"],
        "outlet": spec.outlets.get(folder, folder),
        "category": found["category"],
        "published": _published(found["published"]),
        "title": found["title"],
        "abstract": found["abstract"],
        "body": found["body"],
        "url": found["url"],
        "source": f"{spec.repository}@{spec.commit[:12]}:{repo_path}",
    }


def convert_archive(archive_path: Path, members: dict[str, zipfile.ZipInfo], manifest: dict,
                    target: Path, spec: CorpusSpec = ANT) -> int:
    """Write the articles of a verified archive to ``target`` (JSON Lines, gzip); return the count.

    Articles are the manifest's ``.txt`` files under the outlet folders, in path order.
    The gzip header carries no time stamp, so the same archive gives the same bytes.
    """
    names = sorted(n for n in manifest if n.endswith(".txt") and n.split("/", 1)[0] in spec.outlets)
    count = 0
    with zipfile.ZipFile(archive_path) as archive, atomic_path(target) as tmp:
        with open(tmp, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as packed:
            text_out = io.TextIOWrapper(packed, encoding="utf-8", newline="\n")
            for name in names:
                try:
                    text = archive.read(members[name]).decode("utf-8")
                except UnicodeDecodeError as error:
                    raise FetchError(f"{name}: not UTF-8 at byte {error.start}") from None
                record = parse_article(text, name, spec)
                text_out.write(json.dumps(record, ensure_ascii=False) + "\n")
                count += 1
            text_out.flush()
            text_out.detach()
    return count


# -------------------------------------------------------------------------- fetching


def download(url: str, folder: Path, file_name: str, *, retries: int = 3, progress: bool = False) -> Path:
    """Download ``url`` into ``folder/file_name`` with pooch, retrying failed attempts.

    A file already in the folder is reused (pooch's cache). Raises :class:`FetchError`
    with what to do when the host cannot be reached.
    """
    import pooch
    import requests

    fetcher = pooch.create(
        path=folder, base_url="", registry={file_name: None}, urls={file_name: url},
        retry_if_failed=retries,
    )
    try:
        return Path(fetcher.fetch(file_name, progressbar=progress))
    except (requests.exceptions.RequestException, OSError) as error:
        raise FetchError(
            f"could not download {url} ({type(error).__name__}: {error}). Without network: "
            "download that file on another machine and pass it with --archive FILE, or point "
            "FRAMING_ANT at a converted copy of the corpus."
        ) from None


def fetch_corpus(
    spec: CorpusSpec = ANT,
    *,
    cache: str | os.PathLike[str] | None = None,
    archive: str | os.PathLike[str] | None = None,
    url: str | None = None,
    manifest: str | os.PathLike[str] | None = None,
    retries: int = 3,
    progress: bool = False,
) -> Path:
    """Download, verify and convert a corpus; return the path of its JSON Lines file.

    Parameters
    ----------
    spec : CorpusSpec
        The corpus (default ANT v2.1).
    cache : path, optional
        Folder to keep the archive and the converted file in (default
        :func:`analysis.corpus.paths.cache_dir`).
    archive : path, optional
        Use this archive of the pinned commit instead of downloading it.
    url : str, optional
        Download from here instead of ``spec.url`` (a mirror; the tests' local server).
    manifest : path, optional
        Per-file manifest to verify against (default: the one shipped for ``spec``).
    retries : int
        Further attempts after a failed download.
    progress : bool
        Show a progress bar while downloading.

    Returns
    -------
    pathlib.Path
        ``<cache>/<version>.jsonl.gz``. When it exists already and its recorded digest
        still matches, nothing is downloaded or converted again.

    Raises
    ------
    FetchError
        Offline, a cut-off download, files that differ from the manifest, or a file
        that is not an article; the message says what to do.
    """
    folder = Path(cache) if cache is not None else paths.cache_dir()
    target = folder / spec.file_name
    record_path = folder / f"{spec.version}.fetch.json"
    if target.is_file() and record_path.is_file():
        recorded = json.loads(record_path.read_text(encoding="utf-8"))
        if recorded.get("sha256") == _sha256(target):
            return target
    listing = read_manifest(manifest if manifest is not None else MANIFEST_DIR / spec.manifest)
    if archive is not None:
        archive_path = Path(archive)
        if not archive_path.is_file():
            raise FetchError(f"{archive_path}: no such archive; pass the zip of commit {spec.commit}")
    else:
        archive_path = download(url or spec.url, folder / "downloads", f"{spec.version}-{spec.commit[:8]}.zip",
                                retries=retries, progress=progress)
    try:
        members = verify_archive(archive_path, listing)
    except FetchError:
        if archive is None:
            archive_path.unlink(missing_ok=True)  # a damaged download must not be reused
        raise
    count = convert_archive(archive_path, members, listing, target, spec)
    write_text_atomic(record_path, json.dumps({
        "corpus": spec.version, "repository": spec.repository, "commit": spec.commit,
        "articles": count, "sha256": _sha256(target), "citation": spec.citation,
    }, ensure_ascii=False, indent=1) + "\n")
    return target


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(HASH_BLOCK), b""):
            digest.update(block)
    return digest.hexdigest()
