"""Hostile and broken input (issue #6): nothing crashes, nothing is lost, nothing gets in.

Some 600 files are made here and ``courtfacts extract`` runs over them once,
in a subprocess with two workers, as a user would run it. The run must
account for every input exactly once, with a status on every line and a
coded ``ReadError`` (never a stray exception) for each file that cannot be
read; exit with 1; write nothing outside its output folder; open no network
connection; and leak nothing of ``/etc/passwd``.

Groups:

- ``MUTANTS``: valid documents (the four in ``examples/`` and six small ones
  built here: a text report, an HTML page, an Akoma Ntoso judgment, a DOCX and
  two PDFs made with fpdf2, one uncompressed) truncated, with bytes flipped, a
  chunk duplicated or cut, re-encoded (UTF-16, cp1252, latin-1...), under a
  wrong suffix, as random bytes behind a real suffix and as zero bytes. Fixed
  seed: the same files every run. Each may be read or refused, but only with
  a read code.
- ``ATTACKS``: hand-made inputs, each with the outcome it must have (XXE,
  billion laughs, zip bombs, deep nesting, scripts, a PDF page-tree bomb,
  PDFs only one engine can open), plus traversal-style file names, a symlink
  loop, a named pipe and a dangling link.
- ``BUGS_CAUGHT``: a hostile input that once broke the batch outside the
  readers (a file name that is not UTF-8), kept as a regression test.

How it watches: ``TMPDIR``, ``HOME`` and the working directory of the run
point into the sandbox, whose listing is compared before and after; a
``sitecustomize`` on ``PYTHONPATH`` makes every Python-level internet socket
connect and name lookup in the run (workers included) write to a log and
fail; and the XXE files point at a TCP listener of this test, also set as
``http_proxy``, so that a fetch by libxml2's own C code would show too (the
libxml2 2.14 under lxml 6 has no HTTP client at all; older builds do).
One input (``tokeniser-bomb.txt``) outlasts any reasonable time, so the run
passes ``--timeout`` and the line must say ``E500``: no hang past the timeout.
"""

from __future__ import annotations

import hashlib
import inspect
import io
import json
import os
import random
import socket
import subprocess
import sys
import threading
import time
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import docx
import pytest
from fpdf import FPDF

from courtfacts.corpus import UNEXPECTED
from courtfacts.errors import CODES
from courtfacts.models import DocumentResult

SEED = 20240615
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
READ_CODES = frozenset(code for code in CODES if code.startswith("E1"))
PASSWD_MARK = "root:x:0:0"
SCRIPT_MARK = "alert-hostile-script"
MARKUP = "</script><img src=x onerror=alert('hostile-markup')><!--"
BOMB_MEMBER_BYTES = 210 * 1024 * 1024  # just over the DOCX reader's 200 MiB bound
TIMEOUT = 15  # seconds per document, passed to ``extract --timeout``


# ----------------------------------------------------------------- seeds

REPORT = (
    "Fraudster jailed after “ghost” invoices\n"
    "date 2023-11-02\n"
    "Zoë Hartley-Núñez, 41, of Leeds, admitted three counts of fraud by abuse of position.\n\n"
    "She was jailed for two years and eight months and ordered to pay £12,500 – the sum taken.\n"
)
PAGE = f"""<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><title>Finance officer jailed</title>
<script>window.{SCRIPT_MARK} = 1;</script></head>
<body><nav><a href="/">Home</a> | <a href="/news">News</a></nav>
<article><h1>Charity finance officer jailed for stealing £48,600</h1>
<p><time datetime="2022-03-04">4 March 2022</time></p>
<p>Gareth Pollard, 38, was jailed for two and a half years at Leeds Crown Court.</p>
<p>He made 17 transfers totalling £48,600 between January 2020 and August 2021.</p>
</article><footer>© News Ltd</footer></body></html>
"""
AKN = """<?xml version="1.0" encoding="utf-8"?>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
 xmlns:uk="https://caselaw.nationalarchives.gov.uk/akn">
<judgment name="judgment"><meta><identification source="#tna">
<FRBRWork><FRBRthis value="x"/><FRBRuri value="x"/><FRBRdate date="2022-07-27" name="judgment"/>
<FRBRauthor href="#ewca"/><FRBRcountry value="GB-UKM"/><FRBRname value="R v Okafor"/></FRBRWork>
</identification><proprietary source="#"><uk:court>EWCA-Criminal</uk:court>
<uk:cite>[2022] EWCA Crim 1001</uk:cite></proprietary></meta>
<judgmentBody><decision>
<paragraph eId="para_1"><num>1.</num><content><p>On 8 April 2022 the appellant was sentenced
to 5 years' imprisonment for two counts of robbery.</p></content></paragraph>
<paragraph eId="para_2"><num>2.</num><content><p>We quash that sentence and substitute
3 years 6 months' imprisonment; the victim surcharge of £190 stands.</p></content></paragraph>
</decision></judgmentBody></judgment></akomaNtoso>
"""
PDF_PAGES = [
    ["1. The defendant, aged 52, pleaded guilty to four counts of fraud.",
     "2. The offending ran between March 2016 and June 2019."],
    ["3. The sentence is 6 years' imprisonment on count 1.",
     "4. He must pay compensation of 2,000 pounds within 28 days."],
]  # fmt: skip


def _docx_bytes() -> bytes:
    document = docx.Document()
    document.core_properties.title = "R v Marsh"
    document.add_heading("IN THE CROWN COURT AT LEEDS", level=1)
    document.add_paragraph("1. Mr Marsh, you are 29 and pleaded guilty to two counts of burglary.")
    document.add_paragraph("2. The sentence is 30 months' imprisonment, and a £228 surcharge.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _pdf_bytes(*, compress: bool = True, pages: list[list[str]] = PDF_PAGES) -> bytes:
    pdf = FPDF()
    pdf.set_compression(compress)
    pdf.set_font("Helvetica", size=11)
    for lines in pages:
        pdf.add_page()
        for line in lines:
            pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(4)
    return bytes(pdf.output())


def _seeds() -> dict[str, tuple[str, bytes]]:
    """Each valid document: its suffix and bytes."""
    seeds = {path.stem: (path.suffix, path.read_bytes()) for path in sorted(EXAMPLES.glob("*.*"))
             if path.suffix in (".pdf", ".docx", ".html", ".txt")}  # fmt: skip
    seeds["report"] = (".txt", REPORT.encode())
    seeds["page"] = (".html", PAGE.encode())
    seeds["akn"] = (".xml", AKN.encode())
    seeds["word"] = (".docx", _docx_bytes())
    seeds["remarks"] = (".pdf", _pdf_bytes())
    seeds["remarks-plain"] = (".pdf", _pdf_bytes(compress=False))
    return seeds


SEED_NAMES = [
    "judgment-r-v-okafor", "news-leeds-fraud", "report-community-order",
    "sentencing-remarks-r-v-marsh", "report", "page", "akn", "word", "remarks", "remarks-plain",
]  # fmt: skip
TEXT_SEEDS = ["report-community-order", "news-leeds-fraud", "report", "page", "akn"]
SUFFIXES = [".txt", ".html", ".xml", ".docx", ".pdf", ".md", ".htm"]
ENCODINGS = ["utf-16", "utf-16-le", "utf-16-be", "cp1252", "latin-1", "utf-8-sig", "utf-32"]


# -------------------------------------------------------------- mutations


@dataclass(frozen=True)
class Workshop:
    """What the makers of input files need: the valid seeds and the listener's port."""

    seeds: dict[str, tuple[str, bytes]]
    port: int


Maker = Callable[[Workshop], bytes]


@dataclass(frozen=True)
class Case:
    """One input of the run and the outcome it must have.

    Attributes:
        name: its file name (a path under the inputs folder).
        kind: what sort of hostile input it is, for the report.
        make: builds its bytes.
        codes: the codes its line may carry; ``None``: ok, or any read code.
        status: the status its line must have, when that is fixed.
        check: further assertions on its line.
    """

    name: str
    kind: str
    make: Maker = field(compare=False)
    codes: frozenset[str] | None = None
    status: str | None = None
    check: Callable[[DocumentResult], None] | None = field(default=None, compare=False)


def _truncate(data: bytes, at: float) -> bytes:
    return data[: max(1, int(len(data) * at))]


def _flip(data: bytes, spots: list[tuple[float, int]]) -> bytes:
    out = bytearray(data)
    for where, mask in spots:
        out[int(where * (len(out) - 1))] ^= mask
    return bytes(out)


def _duplicate(data: bytes, start: float, size: float, to: float) -> bytes:
    i = int(start * len(data))
    chunk = data[i : i + max(1, int(size * len(data)))]
    j = int(to * len(data))
    return data[:j] + chunk + data[j:]


def _cut(data: bytes, start: float, size: float) -> bytes:
    i = int(start * len(data))
    return data[:i] + data[i + max(1, int(size * len(data))) :]


def _reencode(data: bytes, encoding: str) -> bytes:
    return data.decode("utf-8").encode(encoding, errors="replace")


def _seed_suffix(seed: str) -> str:
    if "remarks" in seed:
        return ".pdf"
    known = {"judgment-r-v-okafor": ".docx", "word": ".docx", "akn": ".xml"}
    return known.get(seed, ".html" if seed in ("news-leeds-fraud", "page") else ".txt")


def _seed_mutants(seed: str, rng: random.Random) -> Iterator[Case]:
    """Truncations, byte flips, duplicated and cut chunks, re-encodings, wrong suffixes."""
    suffix = _seed_suffix(seed)

    def of(change: Callable[[bytes], bytes]) -> Maker:
        return lambda w: change(w.seeds[seed][1])

    for n in range(14):
        at = rng.random()
        yield Case(f"trunc-{seed}-{n}{suffix}", "truncated", of(lambda d, a=at: _truncate(d, a)))
    for n in range(14):
        spots = [(rng.random(), rng.randrange(1, 256)) for _ in range(rng.choice((1, 2, 8)))]
        yield Case(f"flip-{seed}-{n}{suffix}", "byte flips", of(lambda d, p=spots: _flip(d, p)))
    for n in range(8):
        args = (rng.random(), rng.random() * 0.2, rng.random())
        yield Case(
            f"dup-{seed}-{n}{suffix}", "chunk duplicated", of(lambda d, a=args: _duplicate(d, *a))
        )
    for n in range(6):
        args = (rng.random(), rng.random() * 0.2)
        yield Case(f"cut-{seed}-{n}{suffix}", "chunk cut", of(lambda d, a=args: _cut(d, *a)))
    for other in SUFFIXES:
        if other != suffix:
            yield Case(f"misnamed-{seed}{other}", "wrong suffix", of(lambda d: d))
    if seed in TEXT_SEEDS:
        for encoding in ENCODINGS:
            change = of(lambda d, e=encoding: _reencode(d, e))
            yield Case(f"enc-{encoding}-{seed}{suffix}", "re-encoded", change)


def _mutants() -> Iterator[Case]:
    rng = random.Random(SEED)
    for seed in SEED_NAMES:
        yield from _seed_mutants(seed, rng)
    for suffix in SUFFIXES:
        for n, size in enumerate((1, 7, 100, 4096, 70_000)):
            noise = rng.randbytes(size)
            yield Case(f"random-{n}{suffix}", "random bytes", lambda w, b=noise: b)
        yield Case(f"zero-bytes{suffix}", "zero bytes", lambda w: b"", frozenset({"E109"}), "error")


MUTANTS = list(_mutants())


# ---------------------------------------------------------------- attacks

_LAUGHS = "".join(f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(2, 10))
LAUGHS_DTD = f'<!DOCTYPE lolz [<!ENTITY lol1 "lol">{_LAUGHS}]>'


def _akn_with(doctype: str, body_text: str) -> Maker:
    def make(w: Workshop) -> bytes:
        head, rest = AKN.split("\n", 1)
        xml = head + "\n" + doctype.format(port=w.port) + "\n" + rest
        return xml.replace("for two counts of robbery.", f"for robbery. {body_text}").encode()

    return make


def _docx_with(change: Callable[[bytes], bytes]) -> Maker:
    """The built DOCX with its body part changed."""

    def make(w: Workshop) -> bytes:
        source = zipfile.ZipFile(io.BytesIO(w.seeds["word"][1]))
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
            for item in source.infolist():
                data = source.read(item)
                out.writestr(item, change(data) if item.filename == "word/document.xml" else data)
        return buffer.getvalue()

    return make


def _with_doctype(doctype: str, entity: str) -> Callable[[bytes], bytes]:
    def change(xml: bytes) -> bytes:
        declaration_end = xml.index(b"?>") + 2
        body = xml[declaration_end:].replace(b"<w:t>", f"<w:t>{entity}".encode(), 1)
        return xml[:declaration_end] + doctype.encode() + body

    return change


def _zip_bomb(member_bytes: int) -> Maker:
    """The built DOCX plus a member of zeros, streamed through the compressor."""

    def make(w: Workshop) -> bytes:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as out:
            for item in zipfile.ZipFile(io.BytesIO(w.seeds["word"][1])).infolist():
                out.writestr(item, zipfile.ZipFile(io.BytesIO(w.seeds["word"][1])).read(item))
            with out.open("word/media/zeros.bin", "w", force_zip64=True) as member:
                chunk = bytes(1 << 20)
                for _ in range(member_bytes >> 20):
                    member.write(chunk)
        return buffer.getvalue()

    return make


def _nested(tag: str, depth: int, text: str, root: str) -> Maker:
    inner = f"<{tag}>" * depth + text + f"</{tag}>" * depth
    return lambda w: root.format(inner=inner).encode()


HTML_ROOT = "<!DOCTYPE html><html><body><p>Start of the report.</p>{inner}<p>End.</p></body></html>"
XML_ROOT = "<?xml version='1.0'?><judgment><p>Start.</p>{inner}</judgment>"
SCRIPTS = f"""<!DOCTYPE html><html><head><title>Sentenced</title>
<script>document.title = "{SCRIPT_MARK}";</script></head><body><article>
<h1>Man jailed for four years</h1>
<p>He was jailed for four years.<img src="x" onerror="alert('{SCRIPT_MARK}')"></p>
<p><a href="javascript:alert('{SCRIPT_MARK}')">link</a>
<svg onload="alert('{SCRIPT_MARK}')"><script>alert('{SCRIPT_MARK}')</script></svg></p>
<iframe srcdoc="&lt;script&gt;alert('{SCRIPT_MARK}')&lt;/script&gt;"></iframe>
<noscript>{SCRIPT_MARK}</noscript><style>p::after {{ content: "{SCRIPT_MARK}" }}</style>
<p onclick="alert('{SCRIPT_MARK}')">He must pay £300 costs.</p></article></body></html>"""


def _pdf_junk(w: Workshop) -> bytes:
    return b"%!PS junk from a print spooler\n" * 80 + w.seeds["remarks"][1]  # 2.5 KB of junk


def _pdf_without_trailer(w: Workshop) -> bytes:
    data = w.seeds["remarks"][1]
    return data[: data.rindex(b"xref")]  # no xref, no trailer: only pdfium rebuilds it


def _pdf_encrypted(w: Workshop) -> bytes:
    pdf = FPDF()
    pdf.set_encryption(owner_password="owner", user_password="secret")
    pdf.set_font("Helvetica", size=11)
    pdf.add_page()
    pdf.multi_cell(0, 6, "1. The sentence is 6 years' imprisonment.")
    return bytes(pdf.output())


def _pdf_without_text(w: Workshop) -> bytes:
    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 60, style="F")
    return bytes(pdf.output())


def _pdf_page_tree_bomb(w: Workshop) -> bytes:
    data = _pdf_bytes(pages=[["1. The sentence is 6 years' imprisonment on count 1."]])
    kids = " ".join(["3 0 R"] * 3000)
    return data.replace(b"/Count 1\n/Kids [3 0 R]", f"/Count 3000\n/Kids [{kids}]".encode())


def _zip_without_body(w: Workshop) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as out:
        out.writestr("notes.txt", "He was jailed for four years.")
    return buffer.getvalue()


def _fixed(data: bytes) -> Maker:
    return lambda w: data


def _has_warning(code: str) -> Callable[[DocumentResult], None]:
    def check(result: DocumentResult) -> None:
        assert result.meta and any(w.startswith(code) for w in result.meta.warnings), result.meta

    return check


def _read_by(engine: str, warning: str | None) -> Callable[[DocumentResult], None]:
    def check(result: DocumentResult) -> None:
        assert result.meta and result.meta.engine == engine
        if warning:
            _has_warning(warning)(result)

    return check


def _at_least_words(count: int) -> Callable[[DocumentResult], None]:
    def check(result: DocumentResult) -> None:
        assert result.words >= count, result.words

    return check


E = frozenset
XXE = '<!DOCTYPE akomaNtoso [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
XXE_HTTP = '<!DOCTYPE akomaNtoso [<!ENTITY xxe SYSTEM "http://127.0.0.1:{port}/xxe">]>'
XXE_PARAMETER = (
    '<!DOCTYPE akomaNtoso [<!ENTITY % ext SYSTEM "http://127.0.0.1:{port}/ext.dtd"> %ext;]>'
)
EXTERNAL_DTD = '<!DOCTYPE akomaNtoso SYSTEM "http://127.0.0.1:{port}/akn.dtd">'
QUADRATIC = '<!DOCTYPE akomaNtoso [<!ENTITY big "{big}">]>'.replace("{big}", "x" * 50_000)
XINCLUDE = '<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="file:///etc/passwd" parse="text"/>'
WORD_XXE = '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
WORD_LAUGHS = LAUGHS_DTD.replace("lolz", "w:document")

# fmt: off
ATTACKS = [
    Case("xxe-passwd.xml", "XXE", _akn_with(XXE, "&xxe;"), E({"E106"}), "error"),
    Case("xxe-http.xml", "XXE", _akn_with(XXE_HTTP, "&xxe;"), E({"E106"}), "error"),
    Case("xxe-parameter.xml", "XXE", _akn_with(XXE_PARAMETER, ""), E({"E106"}), "error"),
    Case("external-dtd.xml", "XXE", _akn_with(EXTERNAL_DTD, ""), E(), "ok"),
    Case("xinclude-passwd.xml", "XXE", _akn_with("", XINCLUDE), E(), "ok"),
    Case("xxe-passwd.html", "XXE", lambda w: PAGE.replace("<!DOCTYPE html>", XXE.replace(
        "akomaNtoso", "html")).replace("</h1>", "&xxe;</h1>").encode(), None, "ok"),
    Case("xxe-passwd.docx", "XXE", _docx_with(_with_doctype(WORD_XXE, "&xxe;")), E({"E104"}),
         "error"),
    Case("billion-laughs.xml", "entity bomb", _akn_with(LAUGHS_DTD.replace("lolz", "akomaNtoso"),
         "&lol9;"), E({"E106"}), "error"),
    Case("billion-laughs-attribute.xml", "entity bomb", lambda w: _akn_with(LAUGHS_DTD.replace(
        "lolz", "akomaNtoso"), "")(w).replace(b'name="judgment"', b'name="&lol9;"'),
         E({"E106"}), "error"),
    Case("billion-laughs-broken.xml", "entity bomb", lambda w: _akn_with(
        LAUGHS_DTD.replace("lolz", "akomaNtoso"), "&lol9; <b>unclosed")(w), E({"E106"}), "error"),
    Case("quadratic-blowup.xml", "entity bomb", _akn_with(QUADRATIC, "&big;" * 10_000),
         E({"E106"}), "error"),
    Case("billion-laughs.docx", "entity bomb", _docx_with(_with_doctype(WORD_LAUGHS, "&lol9;")),
         E({"E104"}), "error"),
    Case("zip-bomb-ratio.docx", "zip bomb", _zip_bomb(5 << 20), E({"E111"}), "error"),
    Case("zip-bomb-size.docx", "zip bomb", _zip_bomb(BOMB_MEMBER_BYTES), E({"E111"}), "error"),
    Case("zip-without-body.docx", "zip bomb", _zip_without_body, E({"E108"}), "error"),
    Case("zip-named-text.txt", "wrong suffix", _zip_without_body, E({"E108"}), "error"),
    Case("deep-100000.html", "deep nesting", _nested("div", 100_000, "x", HTML_ROOT),
         E({"E112"}), "error"),
    Case("deep-1000.html", "deep nesting", _nested("div", 1000, "He was jailed for four years.",
         HTML_ROOT), E(), "ok", _has_warning("W205")),
    Case("unclosed-font.html", "deep nesting", lambda w: (HTML_ROOT.format(
        inner="<font>He was jailed. " * 400)).encode(), E(), "ok", _at_least_words(1200)),
    Case("deep-100000.xml", "deep nesting", _nested("p", 100_000, "x", XML_ROOT),
         E({"E112"}), "error"),
    Case("deep-300.xml", "deep nesting", _nested("p", 300, "x", XML_ROOT), E({"E112"}), "error"),
    Case("deep-200.xml", "deep nesting", _nested("p", 200, "Jailed for four years.", XML_ROOT),
         E(), "ok", _has_warning("W205")),
    Case("deep.docx", "deep nesting", _docx_with(lambda xml: xml.replace(
        b"<w:body>", b"<w:body>" + b"<w:sdt><w:sdtContent>" * 300, 1)), E({"E112"}), "error"),
    Case("stray-ampersand.xml", "malformed markup", lambda w: AKN.replace(
        "two counts of robbery", "robbery at Smith & Jones").encode(), E(), "ok",
         _has_warning("W202")),
    Case("scripts.html", "scripts", _fixed(SCRIPTS.encode()), E(), "ok"),
    Case("markup-in-text.txt", "scripts", _fixed(f"He was jailed for four years. {MARKUP}".encode()),
         E(), "ok"),
    Case("pdf-junk-before-header.pdf", "PDF recovery", _pdf_junk, E(), "ok",
         _read_by("pdfplumber", None)),
    Case("pdf-no-xref-no-trailer.pdf", "PDF recovery", _pdf_without_trailer, E(), "ok",
         _read_by("pdfium", "W204")),
    Case("pdf-encrypted.pdf", "PDF recovery", _pdf_encrypted, E({"E103"}), "error"),
    Case("pdf-no-text.pdf", "PDF recovery", _pdf_without_text, E({"E102"}), "error"),
    Case("pdf-page-tree-bomb.pdf", "PDF recovery", _pdf_page_tree_bomb, E(), "ok"),
    Case("next-line-u0085.txt", "control characters", _fixed(
        "He was jailed\u0085for four years.".encode()), E(), "ok"),
    Case("one-control-character.txt", "control characters", _fixed(
        b"He was jailed for four years.\x01\n"), E(), "ok"),
    Case("nul-only.txt", "control characters", _fixed(bytes(100)), E({"E108"}), "error"),
    Case("whitespace-only.txt", "zero bytes", _fixed(b" \n\t\r\n  "), E({"E110"}), "error"),
    Case("utf-16-no-bom.txt", "re-encoded", _fixed(REPORT.encode("utf-16-le")), E(), "ok"),
    Case("cp1250.txt", "re-encoded", _fixed("Sąd skazał go na cztery lata więzienia.".encode(
        "cp1250")), E(), "ok"),
    Case("shift-jis.txt", "re-encoded", _fixed("被告人は懲役二年に処する。".encode("shift_jis")),
         E(), "ok"),
    Case("tokeniser-bomb.txt", "slow text", _fixed(b"He was jailed. " + b"_" * 65_536),
         E({"E500"})),  # spaCy's tokenizer is quadratic on affix runs: minutes, so the timeout
    Case("utf-8-cut-character.txt", "truncated", _fixed(REPORT.encode()[:-3] + "£".encode()[:1]),
         E(), "ok", _has_warning("W203")),
]
# fmt: on
NAMES = [  # traversal-style and odd names, passed as arguments (hidden ones are not walked)
    "..%2f..%2fetc%2fpasswd.txt",
    "....txt",
    "..txt",
    "...txt",
    "..\\..\\evil.txt",
    "\u202etxt.exe.txt",
    "\u2215etc\u2215passwd.txt",
    "\uff0e\uff0e\uff0fevil.txt",
    "new\nline.txt",
    "CON.txt",
    "-o.txt",
    "--help.txt",
    "~root.txt",
    "$HOME.txt",
    "*.txt",
]  # fmt: skip


# ----------------------------------------------------------------- the run

SITECUSTOMIZE = '''
"""Installed by the robustness suite: log and refuse every internet connection."""
import os, socket

_LOG = os.environ.get("COURTFACTS_NETWORK_LOG")
_INTERNET = (socket.AF_INET, socket.AF_INET6)


def _record(what):
    with open(_LOG, "a", encoding="utf-8") as handle:
        handle.write(f"{os.getpid()} {what}\\n")


def _guard(method):
    def guarded(self, address, *args):
        if self.family in _INTERNET:
            _record(f"{method.__name__} {address!r}")
            raise OSError("network access refused by the courtfacts robustness suite")
        return method(self, address, *args)
    return guarded


def _lookup(host, *args, **kwargs):
    _record(f"getaddrinfo {host!r}")
    raise socket.gaierror("name lookup refused by the courtfacts robustness suite")


if _LOG:
    socket.socket.connect = _guard(socket.socket.connect)
    socket.socket.connect_ex = _guard(socket.socket.connect_ex)
    socket.getaddrinfo = _lookup
'''


class _Listener:
    """A TCP listener that records every connection: the XXE files and proxies point at it."""

    def __init__(self) -> None:
        self.server = socket.create_server(("127.0.0.1", 0))
        self.server.settimeout(0.2)
        self.port = self.server.getsockname()[1]
        self.connections: list[str] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, peer = self.server.accept()
            except (TimeoutError, OSError):
                continue
            with conn:
                conn.settimeout(0.5)
                try:
                    self.connections.append(f"{peer} {conn.recv(200)!r}")
                except OSError:
                    self.connections.append(f"{peer}")

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        self.server.close()


@dataclass
class Run:
    """The finished run: its process, its lines by source, and the sandbox around it."""

    sandbox: Path
    process: subprocess.CompletedProcess[str]
    lines: list[str]
    by_source: dict[Path, list[DocumentResult]]
    cases: dict[str, Path]
    before: dict[str, str]
    after: dict[str, str]
    connections: list[str]
    seconds: float


def _snapshot(root: Path, skip: Path) -> dict[str, str]:
    """Every entry under ``root`` but ``skip``: a digest of files, the target of links."""
    entries = {}
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if Path(folder, d) != skip]
        for name in dirs + files:
            path = Path(folder, name)
            key = str(path.relative_to(root))
            if path.is_symlink():
                entries[key] = "-> " + os.readlink(path)
            elif path.is_file():
                entries[key] = hashlib.sha256(path.read_bytes()).hexdigest()
            else:
                entries[key] = "dir" if path.is_dir() else "special"
    return entries


def _build(sandbox: Path, workshop: Workshop) -> tuple[dict[str, Path], list[Path], list[Path]]:
    """Write every input; return the cases' paths, the other inputs, and the named arguments."""
    cases = {}
    for group, items in (("mutants", MUTANTS), ("attacks", ATTACKS)):
        for case in items:
            path = sandbox / "inputs" / group / case.name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(case.make(workshop))
            cases[case.name] = path
    loop = sandbox / "inputs" / "loop"
    loop.mkdir()
    (loop / "inside.txt").write_bytes(REPORT.encode())
    (loop / "self").symlink_to(".")
    (loop / "parent").symlink_to("..")
    special = sandbox / "inputs" / "special"
    special.mkdir()
    os.mkfifo(special / "fifo.txt")
    (special / "dangling.txt").symlink_to("missing-target.txt")
    names = []
    for name in NAMES:
        path = sandbox / "names" / name
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(REPORT.encode())
        names.append(path)
    others = [loop / "inside.txt", special / "fifo.txt", special / "dangling.txt"]
    return cases, others, names


def _command() -> list[str]:
    script = Path(sys.executable).with_name("courtfacts")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from courtfacts.cli import app; app()"]


def _environment(sandbox: Path, port: int) -> dict[str, str]:
    proxy = f"http://127.0.0.1:{port}"
    env = {k: v for k, v in os.environ.items() if k not in ("COURTFACTS_CACHE", "XDG_CACHE_HOME")}
    env.update({
        "PYTHONPATH": os.pathsep.join([str(sandbox / "site"), env.get("PYTHONPATH", "")]),
        "COURTFACTS_NETWORK_LOG": str(sandbox / "network.log"),
        "TMPDIR": str(sandbox / "tmp"), "HOME": str(sandbox / "home"),
        "http_proxy": proxy, "https_proxy": proxy, "ftp_proxy": proxy, "all_proxy": proxy,
        "HTTP_PROXY": proxy, "HTTPS_PROXY": proxy, "no_proxy": "", "NO_PROXY": "",
    })  # fmt: skip
    return env


def _extract_options() -> list[str]:
    """``--workers 2`` and a timeout, when the CLI has them."""
    from courtfacts import cli

    parameters = inspect.signature(cli.extract).parameters
    options = ["--workers", "2"] if "workers" in parameters else []
    return options + (["--timeout", str(TIMEOUT)] if "timeout" in parameters else [])


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Run]:
    """Build every input, then run ``courtfacts extract`` over them once."""
    sandbox = tmp_path_factory.mktemp("hostile")
    for folder in ("site", "tmp", "home", "cwd"):
        (sandbox / folder).mkdir()
    (sandbox / "site" / "sitecustomize.py").write_text(SITECUSTOMIZE, "utf-8")
    listener = _Listener()
    try:
        cases, _others, names = _build(sandbox, Workshop(_seeds(), listener.port))
        out = sandbox / "out"
        before = _snapshot(sandbox, out)
        command = [*_command(), "extract", str(sandbox / "inputs"), *map(str, names),
                   "-o", str(out), "--quiet", *_extract_options()]  # fmt: skip
        started = time.monotonic()
        process = subprocess.run(
            command, cwd=sandbox / "cwd", env=_environment(sandbox, listener.port),
            capture_output=True, text=True, timeout=600, check=False,
        )  # fmt: skip
        seconds = time.monotonic() - started
    finally:
        listener.close()
    after = _snapshot(sandbox, out)
    results = out / "documents.jsonl"
    lines = results.read_text("utf-8").splitlines() if results.exists() else []
    by_source: dict[Path, list[DocumentResult]] = {}
    for line in lines:
        result = DocumentResult.model_validate_json(line)
        by_source.setdefault(Path(result.source).resolve(), []).append(result)
    yield Run(sandbox, process, lines, by_source, cases, before, after,
              listener.connections, seconds)  # fmt: skip


def _line_of(run: Run, path: Path) -> DocumentResult:
    found = run.by_source.get(path.resolve(), [])
    assert len(found) == 1, f"{path.name}: {len(found)} lines"
    return found[0]


# ------------------------------------------------------------------- tests


def test_enough_inputs() -> None:
    assert len(MUTANTS) >= 500
    assert len({case.name for case in MUTANTS + ATTACKS}) == len(MUTANTS + ATTACKS)


def test_run_exits_with_one(run: Run) -> None:
    assert run.process.returncode == 1, run.process.stderr[-3000:]
    assert "Traceback" not in run.process.stderr, run.process.stderr[-3000:]


def test_every_line_has_a_status(run: Run) -> None:
    assert run.lines
    for line in run.lines:
        assert json.loads(line)["status"] in ("ok", "error"), line[:300]


def test_every_input_is_accounted_for_exactly_once(run: Run) -> None:
    loop = run.sandbox / "inputs" / "loop"
    special = run.sandbox / "inputs" / "special"
    names = [run.sandbox / "names" / name for name in NAMES]
    expected = [*run.cases.values(), loop / "inside.txt", special / "fifo.txt",
                special / "dangling.txt", *names]  # fmt: skip
    counts = Counter(path.resolve() for path in expected)
    assert max(counts.values()) == 1
    found = {source: len(results) for source, results in run.by_source.items()}
    assert found == dict(counts)


@pytest.mark.parametrize("case", MUTANTS + ATTACKS, ids=lambda case: case.name)
def test_input_gets_its_outcome(run: Run, case: Case) -> None:
    result = _line_of(run, run.cases[case.name])
    if case.status:
        assert result.status == case.status, result.errors or result.meta
    if result.status == "error":
        error = result.errors[0]
        assert error.code in (case.codes or READ_CODES), error
        if error.code == "E500":  # the batch's timeout ended it: not a reader's error
            assert error.stage == "batch", error
            return
        assert (error.stage, error.exception_type) == ("read", "ReadError"), error
        assert UNEXPECTED not in error.message, error
        assert case.name.split("/")[-1] in error.message or error.code == "E109", error
    else:
        assert not [e for e in result.errors if e.stage != "assemble"], result.errors
        if case.check:
            case.check(result)


def test_symlink_loop_is_walked_once(run: Run) -> None:
    result = _line_of(run, run.sandbox / "inputs" / "loop" / "inside.txt")
    assert result.status == "ok"
    assert not any("loop/self" in str(source) for source in run.by_source)


def test_pipe_and_dangling_link_are_refused_unopened(run: Run) -> None:
    for name in ("fifo.txt", "dangling.txt"):
        result = _line_of(run, run.sandbox / "inputs" / "special" / name)
        assert [error.code for error in result.errors] == ["E100"], result


def test_odd_names_give_safe_ids(run: Run) -> None:
    for name in NAMES:
        result = _line_of(run, run.sandbox / "names" / name)
        assert result.status == "ok", (name, result.errors)
        doc_id, folder = result.doc_id, run.sandbox / "out"
        assert doc_id and not doc_id.startswith("."), (name, doc_id)
        assert all(char.isascii() and (char.isalnum() or char in "._-") for char in doc_id)
        assert (folder / doc_id).resolve().parent == folder.resolve(), (name, doc_id)


def test_nothing_is_written_outside_the_output_folder_but_the_cache(run: Run) -> None:
    """The one folder written besides (``courtfacts.cache``): the cache of the user's HOME."""
    cache = Path("home", ".cache", "courtfacts")
    assert {key: run.after.get(key) for key in run.before} == run.before
    new = {Path(key): run.after[key] for key in run.after.keys() - run.before.keys()}
    files = {path for path, kind in new.items() if kind != "dir"}
    assert {path for path, kind in new.items() if kind == "dir"} <= {cache, cache.parent}
    assert files and all(p.parent == cache and p.suffix == ".marshal" for p in files), files
    out = (run.sandbox / "out").resolve()
    for path in out.rglob("*"):
        assert not path.is_symlink() and path.resolve().is_relative_to(out), path


def test_the_network_watch_works(run: Run) -> None:
    """The sitecustomize catches a Python-level connection, in a fresh interpreter too."""
    env = {
        key: value
        for key, value in _environment(run.sandbox, 9).items()
        if "proxy" not in key.lower()
    }
    env["COURTFACTS_NETWORK_LOG"] = str(run.sandbox / "cwd" / "probe.log")
    code = "import urllib.request as u; u.urlopen('http://example.invalid/', timeout=2)"
    process = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                             text=True, timeout=60, check=False)  # fmt: skip
    assert process.returncode != 0
    log = run.sandbox / "cwd" / "probe.log"
    assert "example.invalid" in log.read_text("utf-8")
    log.unlink()


def test_no_network_access_is_attempted(run: Run) -> None:
    log = run.sandbox / "network.log"
    assert not log.exists(), log.read_text("utf-8")
    assert run.connections == []


def test_nothing_of_etc_passwd_leaks(run: Run) -> None:
    """Not in the run's output, nor in the whole text of the XXE files that were read."""
    from courtfacts.corpus import read

    assert PASSWD_MARK not in "\n".join(run.lines)
    assert PASSWD_MARK not in run.process.stderr
    for case in ATTACKS:
        if case.kind == "XXE" and case.status == "ok":
            assert "root:" not in read(run.cases[case.name]).text, case.name


def test_script_content_is_never_text(run: Run) -> None:
    from courtfacts.corpus import read

    path = run.cases["scripts.html"]
    assert SCRIPT_MARK not in read(path).text
    assert SCRIPT_MARK not in _line_of(run, path).model_dump_json()


def test_review_page_escapes_document_text(run: Run) -> None:
    """The one HTML file courtfacts writes: document text never becomes markup in it."""
    page = run.sandbox / "out" / "review.html"
    process = subprocess.run(
        [*_command(), "review", str(run.sandbox / "out"), "-o", str(page)],
        cwd=run.sandbox / "cwd", capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert process.returncode == 0, process.stderr[-3000:]
    html = page.read_text("utf-8")
    assert "\\u003cimg src=x onerror=alert('hostile-markup')" in html  # embedded, escaped
    assert "<img src=x onerror" not in html and SCRIPT_MARK not in html


def test_gold_export_stays_in_its_folder(run: Run) -> None:
    target = run.sandbox / "out" / "gold"
    process = subprocess.run(
        [*_command(), "export", str(run.sandbox / "out"), "--to", "gold", "-o", str(target)],
        cwd=run.sandbox / "cwd", capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert process.returncode == 0, process.stderr[-3000:]
    written = list(target.iterdir())
    assert written
    for path in written:
        assert path.resolve().parent == target.resolve() and path.is_file(), path


def test_suite_budget(run: Run) -> None:
    assert run.seconds < 150, f"the run took {run.seconds:.0f} s"


# ------------------------------------------------ bugs caught (now fixed)


def _small_run(tmp_path: Path, name: bytes, data: bytes) -> subprocess.CompletedProcess[str]:
    folder = tmp_path / "in"
    folder.mkdir()
    with open(os.path.join(os.fsencode(folder), name), "wb") as handle:
        handle.write(data)
    return subprocess.run(
        [*_command(), "extract", str(folder), "-o", str(tmp_path / "out"), "--quiet"],
        cwd=tmp_path, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip


def test_a_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    """Issue #6: a lone surrogate in ``source`` once crashed the whole batch in model_dump_json."""
    process = _small_run(tmp_path, b"report-\xff.txt", REPORT.encode())
    assert "Traceback" not in process.stderr, process.stderr[-2000:]
    assert process.returncode == 0
    assert len((tmp_path / "out" / "documents.jsonl").read_text("utf-8").splitlines()) == 1


def test_gold_export_writes_one_file_per_document_whatever_the_names(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    for path in (folder / ("x" * 246 + ".txt"), folder / "same.txt", folder / "sub" / "same.txt"):
        path.write_bytes(REPORT.encode())
    out = tmp_path / "out"
    subprocess.run(
        [*_command(), "extract", str(folder), "-o", str(out), "--quiet"],
        cwd=tmp_path, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    process = subprocess.run(
        [*_command(), "export", str(out), "--to", "gold", "-o", str(tmp_path / "gold")],
        cwd=tmp_path, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert process.returncode == 0, process.stderr[-2000:]
    assert len(list((tmp_path / "gold").iterdir())) == 3
