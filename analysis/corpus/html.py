"""One article from one HTML page: main text by trafilatura, metadata from the markup only.

The main text and the title are extracted offline with trafilatura. Outlet and date come
from the page's metadata and nothing else (never guessed from the text or the URL):

- outlet: ``<meta property="og:site_name">``, then ``<meta name="application-name">``,
  ``<meta name="publisher">`` (and ``dc.publisher``/``dcterms.publisher``), then the
  ``publisher`` of the page's JSON-LD;
- date: ``<meta property="article:published_time">``, then JSON-LD ``datePublished``,
  then a date ``<meta>`` (:data:`DATE_META`), then ``<time datetime>`` marked as the
  publication time (``itemprop="datePublished"`` or ``pubdate``), then the first
  ``<time datetime>`` inside ``<article>``/``<main>`` (or the page's only one). The date
  is written ``YYYY-MM-DD`` as it stands in the markup (no time-zone conversion).

A value that is not an ISO 8601 or RFC 2822 date is passed over; a page without a
metadata date gets ``""``.
"""

from __future__ import annotations

import email.utils
import json
from collections import deque
from dataclasses import dataclass
from datetime import date, datetime

from analysis.corpus.errors import CorpusReadError

__all__ = ["DATE_META", "OUTLET_META", "Page", "page_metadata", "read_page"]

#: ``<meta>`` names/properties (lower case) that give the outlet, in order of preference.
OUTLET_META = ("og:site_name", "application-name", "publisher", "dc.publisher",
               "dcterms.publisher")
#: ``<meta>`` names/properties/itemprops (lower case) that give the publication date,
#: after ``article:published_time`` and JSON-LD ``datePublished``.
DATE_META = ("datepublished", "og:published_time", "date", "pubdate", "publishdate",
             "publish-date", "publish_date", "publication_date", "dc.date.issued",
             "dc.date", "dcterms.issued", "dcterms.date", "dcterms.created",
             "article.published", "sailthru.date", "parsely-pub-date")
_ARTICLE_TYPES = ("article", "newsarticle", "reportagenewsarticle", "blogposting",
                  "analysisnewsarticle", "opinionnewsarticle", "webpage")


@dataclass(frozen=True)
class Page:
    """What a page gives the articles table (``""`` where it gives nothing)."""

    title: str
    body: str
    url: str
    outlet: str
    published: str


def _metadata_date(value: str) -> str | None:
    """``YYYY-MM-DD`` of an ISO 8601 or RFC 2822 date as written, else None."""
    text = value.strip()
    if not text:
        return None
    try:
        parsed: date = datetime.fromisoformat(text)
    except ValueError:
        try:
            parsed = email.utils.parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
    return parsed.date().isoformat() if isinstance(parsed, datetime) else parsed.isoformat()


def _json_ld_objects(tree) -> list[dict]:
    """Every JSON object in the page's JSON-LD blocks, breadth first (no recursion)."""
    found: list[dict] = []
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text or "")
        except (ValueError, RecursionError):
            continue  # broken JSON-LD says nothing
        queue = deque([data])
        while queue:
            item = queue.popleft()
            if isinstance(item, list):
                queue.extend(item)
            elif isinstance(item, dict):
                found.append(item)
                queue.extend(v for v in item.values() if isinstance(v, list | dict))
    return found


def _is_article(obj: dict) -> bool:
    kinds = obj.get("@type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return any(isinstance(k, str) and k.lower() in _ARTICLE_TYPES for k in kinds)


def page_metadata(tree) -> tuple[str, str]:
    """``(outlet, published)`` from a parsed page's metadata (``""`` when absent).

    Examples
    --------
    >>> from trafilatura import load_html
    >>> page = load_html('<html><head><meta property="og:site_name" content="سكاي نيوز عربية">'
    ...                  '<meta property="article:published_time" content="2018-06-29T10:00:00+04:00">'
    ...                  '</head><body><p>وقال إن عام 2015 كان صعبا</p></body></html>')
    >>> page_metadata(page)
    ('سكاي نيوز عربية', '2018-06-29')
    """
    metas: dict[str, list[str]] = {}
    for meta in tree.iter("meta"):
        content = meta.get("content")
        if content is None or not content.strip():
            continue
        for attr in ("property", "name", "itemprop"):
            key = (meta.get(attr) or "").strip().lower()
            if key:
                metas.setdefault(key, []).append(content.strip())
    objects = _json_ld_objects(tree)
    ordered = [o for o in objects if _is_article(o)] + [o for o in objects if not _is_article(o)]

    outlet = ""
    for key in OUTLET_META:
        values = [v for v in metas.get(key, []) if not v.lower().startswith(("http:", "https:"))]
        if values:
            outlet = values[0]
            break
    if not outlet:
        for obj in ordered:
            publisher = obj.get("publisher")
            name = publisher.get("name") if isinstance(publisher, dict) else publisher
            if isinstance(name, str) and name.strip():
                outlet = name.strip()
                break

    candidates: list[str] = list(metas.get("article:published_time", []))
    candidates += [o["datePublished"] for o in ordered if isinstance(o.get("datePublished"), str)]
    for key in DATE_META:
        candidates += metas.get(key, [])
    times = [t for t in tree.iter("time") if (t.get("datetime") or "").strip()]
    candidates += [t.get("datetime") for t in times
                   if (t.get("itemprop") or "").lower() == "datepublished" or "pubdate" in t.attrib]
    inside = [t for t in times
              if any(a.tag in ("article", "main") for a in t.iterancestors())]
    candidates += [t.get("datetime") for t in (inside or (times if len(times) == 1 else []))]
    published = next((d for d in map(_metadata_date, candidates) if d), "")
    return outlet, published


def read_page(html: str, file: str) -> Page:
    """Title, main text, URL, outlet and date of one decoded page.

    Raises
    ------
    CorpusReadError
        When the page has no main text or cannot be processed.
    """
    import trafilatura  # imported here: slow to import and only needed for HTML
    from lxml.etree import LxmlError

    try:
        tree = trafilatura.load_html(html)
        outlet, published = page_metadata(tree) if tree is not None else ("", "")
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    except (RecursionError, LxmlError) as exc:
        raise CorpusReadError(
            f"the page cannot be processed ({type(exc).__name__}: {exc}); check that it is "
            "an article page or convert it to .txt yourself",
            file=file,
        ) from None
    body = (doc.text or "") if doc is not None else ""
    if not body.strip():
        raise CorpusReadError(
            "trafilatura found no main text in the page; check that it is an article page "
            "or convert it to .txt yourself",
            file=file,
        )
    title = (doc.title or "") if doc is not None else ""
    first, _, rest = body.partition("\n")
    if title and first == title and rest.strip():
        body = rest
    return Page(title=title, body=body, url=(doc.url or "") if doc is not None else "",
                outlet=outlet, published=published)
