"""Read Find Case Law judgments (Akoma Ntoso / LegalDocML) and other XML.

Parsing is safe by construction: no network, no DTD loading, no entity
expansion, no huge trees; a document that declares entities (the "billion
laughs" and XXE attacks) is refused. Malformed markup is read once more in
lxml's recovery mode, with a warning on the record.

For Akoma Ntoso the cover page and header come first (case name, court,
date), then the body, one block per ``<p>`` or heading; a numbered
``<paragraph>`` or ``<level>`` writes its ``<num>`` before its text and sets
the segment's paragraph. The ``<meta>`` block supplies the neutral citation,
court, judgment date, title and parties.
"""

from __future__ import annotations

import re
from datetime import date
from html.entities import name2codepoint
from pathlib import Path

from lxml import etree

from courtfacts.corpus._decoding import decode_text
from courtfacts.corpus._markup import BlockWalker, collapse, flattened_warning, local_name
from courtfacts.corpus._source import build_source, coded_warning, read_bounded
from courtfacts.errors import ReadError
from courtfacts.models import SourceText

AKN_NAMESPACE = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
UK_NAMESPACE = "https://caselaw.nationalarchives.gov.uk/akn"

# fmt: off
AKN_BLOCK_TAGS = frozenset({
    "p", "heading", "subheading", "paragraph", "subparagraph", "level", "hcontainer",
    "content", "intro", "wrapup", "blocklist", "item", "listintroduction", "listwrapup",
    "table", "tr", "td", "th", "li", "ul", "ol", "tblock", "block", "section", "division",
    "part", "chapter", "article", "judgmentbody", "header", "coverpage", "preface", "mainbody",
    "body", "decision", "conclusions", "introduction", "background", "arguments", "remedies",
    "motivation", "blockcontainer", "signature", "longtitle", "formula", "container",
    "attachment", "attachments", "toc", "tocitem",
})
SKIP_TAGS = frozenset({"meta", "style", "script"})
INLINE_TAGS = frozenset({
    "span", "b", "i", "u", "em", "strong", "a", "sup", "sub", "ref", "mref", "rref", "inline",
    "marker", "img", "br", "abbr", "neutralcitation", "party", "judge", "docdate", "docnumber",
    "doctitle", "doctype", "courttype", "role", "docketnumber", "date", "term", "def",
    "entity", "person", "organization", "location", "quantity",
})
NUMBERED_TAGS = frozenset({
    "paragraph", "subparagraph", "level", "hcontainer", "item", "section", "division", "part",
    "chapter", "article",
})
# fmt: on

_LABEL_TRIM = "()[]. "
_TOO_DEEP = "Excessive depth in document"
_MAX_DEPTH = 256
_DECLARED_ENCODING = re.compile(
    rb"""^(?:\xef\xbb\xbf)?\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)"""
)
_DECLARED_ENCODING_TEXT = re.compile(
    r"""^(\s*<\?xml[^>]*?encoding\s*=\s*["'])[A-Za-z0-9._:-]+(["'])"""
)
_AMPERSAND = re.compile(rb"&(?:([A-Za-z_:][\w.:-]*);|#[0-9]+;|#x[0-9A-Fa-f]+;)?")
_PREDEFINED = frozenset({b"amp", b"lt", b"gt", b"quot", b"apos"})


def _parser(*, recover: bool) -> etree.XMLParser:
    """An XML parser that never fetches, never expands entities and stays small."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        load_dtd=False,
        remove_comments=True,
        remove_pis=True,
        recover=recover,
    )


def _refuse_entities(root: etree._Element, name: str) -> None:
    """Refuse a document whose DTD declares entities (billion laughs, XXE)."""
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise ReadError("E106", f"{name}: the DTD declares entities; refused as unsafe")


def _too_deep(log: etree._ListErrorLog, name: str) -> None:
    """Refuse a document libxml2 stopped reading at its nesting limit."""
    if any(_TOO_DEEP in entry.message for entry in log):
        raise ReadError(
            "E112",
            f"{name}: elements nested more than {_MAX_DEPTH} levels deep;"
            " refused rather than read in part",
        )


def _parse_strictly(data: bytes, name: str) -> tuple[etree._Element | None, str]:
    """Parse well-formed XML: the root, or ``None`` and the parser's complaint.

    Raises:
        ReadError: E112 when libxml2 stopped at its nesting limit.
    """
    parser = _parser(recover=False)
    try:
        return etree.fromstring(data, parser), ""
    except etree.XMLSyntaxError as exc:
        _too_deep(parser.error_log, name)  # the parser's own log: exc's is thread-wide
        return None, str(exc)


def _recover(data: bytes, name: str, error: str) -> etree._Element:
    """Read malformed XML in lxml's recovery mode, which may drop some of it."""
    parser = _parser(recover=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as again:
        raise ReadError("E106", f"{name}: not well-formed XML ({again})") from again
    _too_deep(parser.error_log, name)
    if root is None:
        raise ReadError("E106", f"{name}: not well-formed XML, no element to read ({error})")
    return root


def _escape_ampersand(match: re.Match[bytes]) -> bytes:
    """A stray ``&`` escaped; an HTML entity (``&pound;``) as its character; others kept as text.

    Entities a DTD declares are escaped too, and the document is refused
    afterwards all the same (``_refuse_entities``).
    """
    whole, name = match.group(0), match.group(1)
    if whole == b"&":
        return b"&amp;"
    if name is None or name in _PREDEFINED:
        return whole  # a character reference, or one of XML's own five
    codepoint = name2codepoint.get(name.decode("ascii"))
    return b"&#%d;" % codepoint if codepoint else b"&amp;" + whole[1:]


def _transcoded(data: bytes, name: str) -> tuple[bytes, str] | None:
    """The document as UTF-8 when its bytes are not in the encoding it declares.

    A cp1252 file that declares (or, undeclared, defaults to) UTF-8 is common;
    its text is decoded as the text reader would, and its declaration changed.
    """
    match = _DECLARED_ENCODING.match(data)
    declared = match.group(1).decode("ascii") if match else "utf-8"
    try:
        data.decode(declared)
        return None  # the bytes fit the declaration: the damage is elsewhere
    except (LookupError, UnicodeDecodeError):
        pass
    try:
        text, encoding, _warnings = decode_text(data, name)
    except ReadError:
        return None
    text = _DECLARED_ENCODING_TEXT.sub(r"\g<1>utf-8\g<2>", text.removeprefix("\ufeff"), count=1)
    return text.encode("utf-8"), encoding


def parse_xml(data: bytes, name: str) -> tuple[etree._Element, list[str]]:
    """Parse XML safely, recovering from malformed markup with a warning.

    A stray ``&`` ("Smith & Jones") or an entity XML does not know
    (``&pound;``, ``&D;``) is read as text and the document read whole; other
    damage is read in lxml's recovery mode, which may drop some of it.

    Args:
        data: the file's bytes.
        name: the file name, for messages.

    Returns:
        The root element and any warnings (``W202`` when recovery was needed).

    Raises:
        ReadError: E106 when nothing can be parsed or entities are declared,
            E112 when elements nest deeper than libxml2's limit.
    """
    warnings: list[str] = []
    root, error = _parse_strictly(data, name)
    transcoded = _transcoded(data, name) if root is None else None
    if transcoded:
        data, encoding = transcoded
        root, _ = _parse_strictly(data, name)
        warnings.append(coded_warning("W202", f"not in its declared encoding: read as {encoding}"))
    if root is None:
        escaped = _AMPERSAND.sub(_escape_ampersand, data)
        if escaped != data:
            root, _ = _parse_strictly(escaped, name)
        if root is not None:
            warnings.append(coded_warning("W202", f"stray '&' or unknown entity read ({error})"))
        else:
            root = _recover(escaped, name, error)
            warnings.append(coded_warning("W202", f"{error}; some text may be lost"))
    _refuse_entities(root, name)
    return root, warnings


def _first(root: etree._Element, xpath: str) -> str | None:
    """The first non-empty string an XPath finds, whitespace collapsed."""
    for value in root.xpath(xpath):
        text = collapse(value if isinstance(value, str) else "".join(value.itertext()))
        if text:
            return text
    return None


def _iso_date(value: str | None) -> str | None:
    """The date part of an ISO date or date-time, when it is a real date."""
    try:
        return date.fromisoformat((value or "")[:10]).isoformat()
    except ValueError:
        return None


def _akn_number(element: etree._Element) -> tuple[str, str] | None:
    """A numbered Akoma Ntoso element's number: as written, and as a label."""
    if local_name(element) not in NUMBERED_TAGS:
        return None
    for child in element:
        if local_name(child) == "num":
            written = collapse("".join(child.itertext()))
            label = written.strip(_LABEL_TRIM)
            if not label:
                return None
            return (f"{written}." if written.isdigit() else written), label
    return None


def _akn_meta(root: etree._Element) -> dict[str, object]:
    """Citation, court, dates, title and parties from an Akoma Ntoso document."""
    work = "//*[local-name()='FRBRWork']"
    judgment_date = _iso_date(_first(root, f"{work}/*[local-name()='FRBRdate']/@date"))
    parties = [collapse("".join(p.itertext())) for p in root.xpath("//*[local-name()='party']")]
    return {
        "neutral_citation": _first(
            root, f"//*[namespace-uri()='{UK_NAMESPACE}' and local-name()='cite']"
        )
        or _first(root, "//*[local-name()='neutralCitation']"),
        "court": _first(root, f"//*[namespace-uri()='{UK_NAMESPACE}' and local-name()='court']"),
        "judgment_date": judgment_date,
        "document_date": judgment_date,
        "title": _first(root, f"{work}/*[local-name()='FRBRname']/@value"),
        "parties": list(dict.fromkeys(party for party in parties if party)),
    }


def read_xml(path: Path) -> SourceText:
    """Read an Akoma Ntoso judgment, or the text of any other XML document.

    Args:
        path: the file to read.

    Returns:
        The document, its cover and body as blocks, numbered paragraphs
        carrying their number, and the judgment's metadata.

    Raises:
        ReadError: E106 when the XML cannot be parsed or declares entities,
            E112 when it nests elements too deeply.
    """
    path = Path(path)
    root, warnings = parse_xml(read_bounded(path), path.name)
    if local_name(root) == "akomantoso":
        walker = BlockWalker(AKN_BLOCK_TAGS, SKIP_TAGS, number_of=_akn_number)
        meta = _akn_meta(root)
    else:
        names = {local_name(element) for element in root.iter()}
        walker = BlockWalker(frozenset(names - INLINE_TAGS), SKIP_TAGS)
        meta = {}
    blocks = walker.walk(root)
    if walker.flattened:
        warnings.append(flattened_warning(path.name, walker.flattened))
    return build_source(path, "xml", blocks, warnings=warnings, **meta)
