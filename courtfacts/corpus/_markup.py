"""Turn an lxml element tree (HTML or XML) into paragraph blocks.

Block-level elements start and end blocks; inline elements and text join the
block they sit in, whitespace collapsed. A table row whose cells hold no
nested table becomes one block, its cells separated by tabs, so a docket
entry keeps its date beside its text. A numbered element (an Akoma Ntoso
``<paragraph>`` with a ``<num>``) writes its number before its first block
and lends it to every block inside it.

The walk recurses, so a tree is first cut down to ``MAX_WALK_DEPTH`` levels:
each element at that depth is flattened into its own text (``flatten_deep``),
which keeps every word and loses only the block breaks below it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from lxml import etree

from courtfacts.corpus._source import Block, coded_warning, leading_number

NumberOf = Callable[[etree._Element], tuple[str, str] | None]
"""Given an element, its number as written and as a label (``("12.", "12")``)."""

_CELL_SEPARATOR = "\t"
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
MAX_WALK_DEPTH = 150
"""Elements deeper than this are flattened into text before the (recursive) walk."""


def local_name(element: etree._Element) -> str:
    """An element's tag without namespace, lowercased; ``""`` for comments and PIs."""
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    # not etree.QName: it refuses the odd names lxml's recovering parsers let
    # through ("uk:court" with its namespace cut off, 'div\x8fclass="x"')
    return tag.rpartition("}")[2].lower()


def collapse(text: str) -> str:
    """Collapse runs of whitespace to one space and trim the ends."""
    return " ".join(text.split())


def _plain_text(element: etree._Element, block_tags: frozenset[str], skip: frozenset[str]) -> str:
    """An element's text, iteratively, a space where a block or a break would be."""
    parts: list[str] = []
    stack: list[tuple[etree._Element, bool]] = [(element, False)]
    while stack:
        node, is_closing = stack.pop()
        name = local_name(node)
        is_block = name in block_tags or name == "br"
        if is_closing or not name or name in skip:
            parts.append(" " if is_closing and is_block else "")
            if node is not element and node.tail:
                parts.append(node.tail)
            continue
        parts.append(" " if is_block else "")
        parts.append(node.text or "")
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(node))
    return "".join(parts)


def flatten_deep(
    root: etree._Element,
    block_tags: frozenset[str],
    skip_tags: frozenset[str] = frozenset(),
    max_depth: int = MAX_WALK_DEPTH,
) -> int:
    """Replace the content of every element ``max_depth`` levels down by its plain text.

    Args:
        root: the tree to cut down, changed in place.
        block_tags: local names whose edges become spaces in the flattened text.
        skip_tags: local names whose content is dropped.
        max_depth: the depth at which elements are flattened.

    Returns:
        How many elements were flattened (0 for a tree of normal depth).
    """
    flattened = 0
    stack = [(root, 0)]
    while stack:
        element, depth = stack.pop()
        if depth < max_depth:
            stack.extend((child, depth + 1) for child in element)
        elif len(element):
            text = _plain_text(element, block_tags, skip_tags)
            for child in list(element):
                element.remove(child)  # its tail goes with it, already in ``text``
            element.text = _NOT_XML.sub(" ", text)  # lxml refuses what its parsers let in
            flattened += 1
    return flattened


def flattened_warning(name: str, count: int) -> str:
    """The ``W205`` warning for a document whose deepest elements were flattened."""
    return coded_warning(
        "W205",
        f"{name}: {count} element(s) nested over {MAX_WALK_DEPTH} levels deep read as plain"
        " text, their paragraph breaks lost",
    )


@dataclass
class BlockWalker:
    """Collects blocks from a tree.

    Attributes:
        block_tags: local names of elements that form blocks of their own.
        skip_tags: local names of elements whose content is dropped.
        number_of: finds a numbered element's number, for numbered paragraphs.
        number_tag: the local name of the child holding that number.
        flattened: how many deep elements were flattened to text (see ``flatten_deep``).
    """

    block_tags: frozenset[str]
    skip_tags: frozenset[str] = frozenset()
    number_of: NumberOf | None = None
    number_tag: str = "num"
    blocks: list[Block] = field(default_factory=list)
    flattened: int = 0
    _parts: list[str] = field(default_factory=list)
    _label: str | None = None
    _prefix: str | None = None

    def walk(self, root: etree._Element) -> list[Block]:
        """Collect the blocks of ``root`` and everything below it.

        Args:
            root: the element to read.

        Returns:
            All blocks collected so far, this root's appended.
        """
        self.flattened += flatten_deep(root, self.block_tags, self.skip_tags)
        self._visit(root, with_tail=False)
        self._flush()
        return self.blocks

    def add(self, text: str) -> None:
        """Add a block of its own (a headline found elsewhere, say)."""
        self._flush()
        self._parts.append(text)
        self._flush()

    def _flush(self) -> None:
        text = collapse("".join(self._parts))
        self._parts.clear()
        if text:
            self._emit(text)

    def _visit(self, element: etree._Element, with_tail: bool = True) -> None:
        name = local_name(element)
        if name and name not in self.skip_tags:
            if name == "tr" and not any(
                local_name(e) == "table" for e in element.iterdescendants()
            ):
                self._row(element)
            elif name == "pre":
                self._pre(element)
            else:
                self._container(element, name)
        if with_tail and element.tail:
            self._parts.append(element.tail)

    def _container(self, element: etree._Element, name: str) -> None:
        is_block = name in self.block_tags or name == "br"
        if is_block:
            self._flush()
        number = self.number_of(element) if self.number_of else None
        outer = self._label
        if number:
            self._enter_number(*number)
        if element.text and name != "br":
            self._parts.append(element.text)
        for child in element:
            if number and local_name(child) == self.number_tag:
                if child.tail:
                    self._parts.append(child.tail)
                continue
            self._visit(child)
        if is_block or number:
            self._flush()
        if number:
            if self._prefix:  # a number with no text after it still shows
                self.blocks.append(Block(self._prefix, paragraph=self._label))
            self._label, self._prefix = outer, None

    def _enter_number(self, written: str, label: str) -> None:
        """Start a numbered element: its number prefixes the next block."""
        self._flush()
        if self._prefix:  # "5." directly followed by "(a)": show both
            written = f"{self._prefix} {written}"
        if self._label and not label.isdigit():
            label = f"{self._label}({label})"
        self._prefix, self._label = written, label

    def _row(self, row: etree._Element) -> None:
        self._flush()
        cells = [
            collapse(self._flat_text(cell)) for cell in row if local_name(cell) in ("td", "th")
        ]
        text = _CELL_SEPARATOR.join(cell for cell in cells if cell)
        if text:
            self._emit(text)

    def _emit(self, text: str) -> None:
        """Append a finished block, numbered by the paragraph it is in, if any."""
        if self._prefix:
            text = f"{self._prefix} {text}"
            self._prefix = None
        self.blocks.append(Block(text, paragraph=self._label or leading_number(text)))

    def _flat_text(self, element: etree._Element) -> str:
        """An element's text on one line, a space where a block or break would be."""
        parts = [element.text or ""]
        for child in element:
            name = local_name(child)
            if name and name not in self.skip_tags:
                gap = " " if name in self.block_tags or name == "br" else ""
                parts += [gap, self._flat_text(child), gap]
            parts.append(child.tail or "")
        return "".join(parts)

    def _pre(self, element: etree._Element) -> None:
        self._flush()
        lines = [line.rstrip() for line in "".join(element.itertext()).split("\n")]
        text = "\n".join(line for line in lines if line.strip())
        if text:
            self._emit(text)
