"""Read news pages and court web pages (HTML) with lxml.

The article is kept and the page furniture dropped: navigation, site header
and footer, asides, menus, scripts, forms, cookie banners, share widgets,
related-story lists. The article body is preferred when the page marks it
(``<article>``, ``itemprop="articleBody"``, ``<main>``); otherwise the whole
body is read, tables included, so that a docket page keeps its entries. The
parser never touches the network and resolves no entities.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import lxml.html
from lxml import etree

from courtfacts.corpus._markup import BlockWalker, collapse, flattened_warning, local_name
from courtfacts.corpus._source import build_source, read_bounded
from courtfacts.corpus.text import decode_text
from courtfacts.errors import ReadError
from courtfacts.models import SourceText

# fmt: off
BLOCK_TAGS = frozenset({
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "td", "th", "pre", "blockquote",
    "div", "section", "article", "main", "header", "table", "tr", "ul", "ol", "dl", "figure",
    "figcaption", "caption", "address", "center", "body", "hr",
})
JUNK_TAGS = frozenset({
    "script", "style", "noscript", "template", "iframe", "svg", "object", "embed", "canvas",
    "nav", "aside", "button", "select", "textarea", "input", "dialog", "head",
})
JUNK_ROLES = frozenset({
    "navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar",
    "dialog", "alertdialog",
})
# fmt: on
_JUNK_NAME = re.compile(
    r"cookie|consent|social|menu|breadcrumb|sidebar|related|newsletter|subscri|advert|promo"
    r"|comment|(?:^|[-_])(?:share|sharing|nav|ads?)(?:[-_]|$|bar|igation)|nav(?:bar|igation)?$",
    re.IGNORECASE,
)
_DECLARED_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""")
_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
_CONTENT_XPATH = "//article | //*[@itemprop='articleBody'] | //main"
_TOO_DEEP = "Excessive depth in document"
_HUGE_DEPTH = 2048


def _declared_encoding(data: bytes) -> str | None:
    """The encoding a page declares in a ``<meta>`` tag or XML declaration, if known."""
    head = data[:4096]
    match = _DECLARED_CHARSET.search(head) or _XML_ENCODING.search(head)
    if not match:
        return None
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


def _decode(data: bytes, name: str) -> tuple[str, list[str]]:
    """Decode a page by its BOM or declared charset, else by detection; warnings with it."""
    declared = _declared_encoding(data)
    if declared in ("iso8859-1", "ascii"):
        declared = "cp1252"  # as browsers read it (WHATWG Encoding Standard)
    if declared and not data.startswith(
        (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
    ):
        try:
            return data.decode(declared), []
        except UnicodeDecodeError:
            pass  # the declaration lies; detect instead
    try:
        text, _encoding, warnings = decode_text(data, name)
    except ReadError as exc:
        raise ReadError("E105", f"{name}: {exc.message}") from exc
    return text, warnings


def _parse_once(data: bytes, *, is_huge: bool) -> tuple[lxml.html.HtmlElement | None, bool]:
    """Parse with lxml; return the root and whether the parser stopped at its depth limit."""
    parser = lxml.html.HTMLParser(
        encoding="utf-8",
        no_network=True,
        remove_comments=True,
        remove_pis=True,
        huge_tree=is_huge,
    )
    root = lxml.html.document_fromstring(data, parser=parser)
    is_cut = any(_TOO_DEEP in entry.message for entry in parser.error_log)
    return root, is_cut


def _parse(text: str, name: str) -> lxml.html.HtmlElement:
    """Parse page text without network access, comments dropped.

    libxml2 stops reading, silently, at 256 levels of nesting (a page of
    unclosed ``<font>`` tags reaches that); such a page is parsed again with
    the limit raised to 2048, and one deeper still is refused with E112.
    """
    data = text.encode("utf-8")
    try:
        root, is_cut = _parse_once(data, is_huge=False)
        if is_cut:
            root, is_cut = _parse_once(data, is_huge=True)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise ReadError("E105", f"{name}: {exc}") from exc
    if is_cut:
        raise ReadError(
            "E112",
            f"{name}: elements nested more than {_HUGE_DEPTH} levels deep;"
            " refused rather than read in part",
        )
    if root is None:
        raise ReadError("E105", f"{name}: no document element")
    return root


def _iso_date(value: str | None) -> str | None:
    """Normalise a published date to ``YYYY-MM-DD``; ``None`` when it is not one."""
    match = _ISO_DATE.match(value or "")
    if not match:
        return None
    try:
        return date(*(int(part) for part in match.groups())).isoformat()
    except ValueError:
        return None


def _json_ld_values(node: Any, key: str) -> Iterator[Any]:
    """Every value of ``key`` in a JSON-LD tree, ``@graph`` and lists included."""
    if isinstance(node, dict):
        if key in node:
            yield node[key]
        for value in node.values():
            yield from _json_ld_values(value, key)
    elif isinstance(node, list):
        for item in node:
            yield from _json_ld_values(item, key)


def _published_date(root: lxml.html.HtmlElement) -> str | None:
    """The publication date from meta tags, JSON-LD or ``<time datetime>``."""
    candidates = root.xpath(
        "//meta[@property='article:published_time' or @name='article:published_time'"
        " or @itemprop='datePublished']/@content"
    )
    for script in root.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "", strict=False)
        except ValueError:
            continue
        candidates += [value for value in _json_ld_values(data, "datePublished")]
    candidates += root.xpath("//time[@itemprop='datePublished' or @pubdate]/@datetime")
    candidates += root.xpath("//time/@datetime")
    for value in candidates:
        found = _iso_date(value if isinstance(value, str) else None)
        if found:
            return found
    return None


def _title(root: lxml.html.HtmlElement) -> str | None:
    """The page title: ``og:title``, else ``<title>``."""
    for value in root.xpath("//meta[@property='og:title']/@content") + root.xpath("//title/text()"):
        if collapse(value):
            return collapse(value)
    return None


def _is_junk(element: lxml.html.HtmlElement) -> bool:
    """Whether class, id or role mark an element as page furniture."""
    if (element.get("role") or "").lower() in JUNK_ROLES:
        return True
    names = (element.get("class") or "").split() + (element.get("id") or "").split()
    return any(_JUNK_NAME.search(name) for name in names)


def _holds_content(element: lxml.html.HtmlElement, body_chars: int) -> bool:
    """Whether removing an element would take the article or most of the page with it."""
    if element.xpath(".//article | .//main | .//*[@itemprop='articleBody']"):
        return True
    return len(collapse(element.text_content())) * 2 > body_chars


def _strip_furniture(root: lxml.html.HtmlElement) -> None:
    """Drop scripts, navigation, banners, widgets and other page furniture in place."""
    # a set of the elements themselves: it keeps their lxml proxies alive, and identical
    in_article = {e for article in root.iter("article") for e in article.iterdescendants()}
    for element in list(root.iter()):
        name = local_name(element)
        is_junk = (
            name in JUNK_TAGS
            or name == "footer"
            or (name == "header" and element not in in_article)
        )
        if is_junk and element.getparent() is not None:
            element.drop_tree()  # keeps the tail text in place
    body_chars = len(collapse(root.text_content()))
    for element in list(root.iter()):
        if element.getparent() is None or local_name(element) in ("html", "body"):
            continue
        if (_is_junk(element) or local_name(element) == "form") and not _holds_content(
            element, body_chars
        ):
            element.drop_tree()


def _content_root(root: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """The element holding the article: the longest marked one, else the body."""
    marked = [e for e in root.xpath(_CONTENT_XPATH) if collapse(e.text_content())]
    if marked:
        return max(marked, key=lambda e: len(collapse(e.text_content())))
    body = root.find("body")
    return body if body is not None else root


def read_html(path: Path) -> SourceText:
    """Read a web page's article text.

    Args:
        path: the file to read.

    Returns:
        The document: one block per block-level element or table row, with
        the page title and its publication date (``YYYY-MM-DD``) as metadata.

    Raises:
        ReadError: E105 when the page cannot be decoded or parsed, E112 when
            it nests elements more than 2048 levels deep.
    """
    path = Path(path)
    text, warnings = _decode(read_bounded(path), path.name)
    root = _parse(text, path.name)
    title, published = _title(root), _published_date(root)
    _strip_furniture(root)
    content = _content_root(root)
    walker = BlockWalker(block_tags=BLOCK_TAGS, skip_tags=JUNK_TAGS)
    headlines = root.xpath("//h1")
    if headlines and not content.xpath(".//h1"):  # the headline sits above the body
        walker.add(collapse(headlines[0].text_content()))
    walker.walk(content)
    if walker.flattened:
        warnings.append(flattened_warning(path.name, walker.flattened))
    return build_source(
        path, "html", walker.blocks, title=title, document_date=published, warnings=warnings
    )
