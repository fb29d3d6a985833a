"""Decode the bytes of a text file (or a web page) without silently damaging them.

The order of trials: a byte-order mark; UTF-16 without a BOM, told by where
its zero bytes fall; UTF-8, also when a few bytes are damaged (a cut last
character, a flipped byte: replaced with U+FFFD and a ``W203`` warning);
Windows-1252 when it yields Western text (English legal text that is not
UTF-8 nearly always is cp1252); else the candidates charset-normalizer finds,
ranked by how plausible their text looks (``_oddities``), because on short
samples its own first guess is often wrong (Polish cp1250 read as cp1252,
Japanese Shift_JIS read as Korean).
"""

from __future__ import annotations

import codecs
import functools
import re
import unicodedata

import charset_normalizer

from courtfacts.corpus._source import coded_warning
from courtfacts.errors import ReadError

WIDE_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE, whose BOM begins it
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), *WIDE_BOMS)
_WESTERN = ("cp1252", "latin_1", "iso8859_15")
_WESTERN_SYMBOLS = frozenset(
    "\u00a0£€¥¢©®°§¶·×÷½¼¾«»±µ¡¿ºª²³¹′″‰" + "".join(chr(c) for c in range(0x2010, 0x2028)) + "™"
)
"""Symbols Western prose uses; inside a word they are still mojibake ("skaza³")."""
# The non-ASCII letters of the Latin-script languages a UK court or newsroom
# meets. A decoding whose letters fit no single alphabet is less plausible
# ("ý", "ð", "þ" and "ç" together: Turkish cp1254 read as cp1252), and a letter
# in none of them ("ŗ", "ŧ") is odd.
# fmt: off
_ALPHABETS: dict[str, frozenset[str]] = {
    language: frozenset(letters) for language, letters in {
        "french": "àâæçéèêëîïôœùûüÿ", "german": "äöüß", "spanish": "áéíñóúü",
        "portuguese": "áâãàçéêíóôõú", "italian": "àèéìíîòóùú", "dutch": "áéëïóöü",
        "nordic": "åæøäöéü", "icelandic": "áðéíóúýþæö", "polish": "ąćęłńóśźż",
        "czech": "áčďéěíňóřšťúůýž", "slovak": "áäčďéíĺľňóôŕšťúýž", "hungarian": "áéíóöőúüű",
        "romanian": "ăâîșțşţ", "croatian": "čćđšž", "turkish": "çğıöşüâî",
        "welsh": "âêîôûŵŷäëïöüáéíóúàèìòù", "irish": "áéíóú",
    }.items()
}
# fmt: on
_COMMON_LATIN = frozenset().union(*_ALPHABETS.values())
_MAX_FOREIGN_LETTERS = 0.3
"""cp1252 text with more non-ASCII letters than this share is taken for another code page."""
_MOJIBAKE_SHARE = 0.6
"""Latin letters more often non-ASCII than this are another script read as Latin."""
_IN_WORD = frozenset("’‘·\u00ad")
"""Non-letters at home inside a word (apostrophes, the Catalan middle dot, a soft hyphen)."""
_MAX_CONTROL_RATIO = 0.01
_STRAY_CONTROLS = 1
"""Control characters any text may hold, however short, before it looks binary."""
# control characters (category Cc) but those text uses: \t \n \v \f \r, ESC, U+0085 NEXT LINE
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f-\x84\x86-\x9f]")
_VISIBLE = re.compile(r"[^\s\x00-\x1f\x7f-\x9f]")
_WIDE = re.compile("[^\x00-\x7f\ufffd]")
_MAX_DAMAGE_RATIO = 0.01
"""Share of bad bytes up to which UTF-8 or UTF-16 text is kept, bad bytes replaced."""
_SCORE_SAMPLE = 1 << 16
_ZERO_SHARE = 0.3
"""UTF-16 without a BOM: zero bytes fill at least this share of one byte lane..."""
_OTHER_LANE_ZEROS = 0.05
"""...and at most this share of the other."""
_SCRIPT_PAIRS_ALLOWED = frozenset({("HAN", "KANA"), ("KANA", "HAN")})


def is_binary(text: str) -> bool:
    """Whether decoded text holds too many control characters to be text.

    One stray control character (or up to 1% of a long text) is tolerated.

    >>> is_binary("He was jailed\\x01 for two years.")
    False
    >>> is_binary("\\x00\\x01\\x02 abc")
    True
    """
    controls = len(_CONTROLS.findall(text))
    if not controls:
        return False
    if not _VISIBLE.search(text):
        return True
    return controls > max(_STRAY_CONTROLS, _MAX_CONTROL_RATIO * len(text))


def _replaced(data: bytes, encoding: str) -> tuple[str, int]:
    """Decode with U+FFFD for bad bytes; return the text and how many were replaced."""
    text = data.decode(encoding, errors="replace")
    already = data.decode(encoding, errors="ignore").count("\ufffd")
    return text, text.count("\ufffd") - already


def _damaged(data: bytes, encoding: str, name: str) -> tuple[str, str, list[str]] | None:
    """Text in ``encoding`` with a few bad bytes, replaced and warned about; else ``None``."""
    text, bad = _replaced(data, encoding)
    is_cut_end = bad == 1 and text.endswith("\ufffd")
    if encoding == "utf-8" and not _WIDE.search(text):
        return None  # no UTF-8 multibyte character at all: a legacy code page ("caf\xe9")
    if bad > max(1, _MAX_DAMAGE_RATIO * len(text)):
        return None
    where = "a character cut off at the end" if is_cut_end else f"{bad} invalid byte sequence(s)"
    warning = coded_warning("W203", f"{name}: {encoding} with {where}, replaced with U+FFFD")
    return text, encoding, [warning]


def utf16_lane(data: bytes) -> str | None:
    """The UTF-16 byte order of BOM-less text that is mostly Latin, told by its zero bytes."""
    half = len(data) // 2
    if half < 2:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    if odd >= _ZERO_SHARE * half and even <= _OTHER_LANE_ZEROS * half:
        return "utf-16-le"
    if even >= _ZERO_SHARE * half and odd <= _OTHER_LANE_ZEROS * half:
        return "utf-16-be"
    return None


def _western(data: bytes) -> tuple[str, str] | None:
    """Decode as cp1252 when that gives Western text: accented letters in ASCII prose.

    Text in another legacy code page decoded as cp1252 shows symbols no prose
    uses, or uses inside a word ("skaza³" for "skazał"), letters no one
    alphabet holds together (Turkish "ğ", "ı" and "ç" read as "ð", "ý" and
    "ç") or a run of non-ASCII letters ("Ïðèâåò").
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    sample = text[:_SCORE_SAMPLE]
    letters = sum(1 for char in sample if char.isalpha())
    foreign = sum(1 for char in sample if char.isalpha() and ord(char) > 0x7F)
    if foreign > _MAX_FOREIGN_LETTERS * letters or _misfit(sample) or _oddities(sample):
        return None  # detection decides; cp1252 still wins it when nothing fits better
    return text, "cp1252"


def _misfit(text: str) -> int:
    """How many distinct non-ASCII Latin letters fall outside the best-fitting alphabet."""
    letters = {
        char.lower()
        for char in text
        if ord(char) > 0x7F and char.isalpha() and _script(char) == "LATIN"
    }
    if not letters:
        return 0
    return min(len(letters - alphabet) for alphabet in _ALPHABETS.values())


@functools.lru_cache(maxsize=4096)
def _script(char: str) -> str:
    """A letter's script, coarsely: LATIN, CYRILLIC, HAN, KANA, HANGUL, ..."""
    name = unicodedata.name(char, "")
    if name.startswith(("HIRAGANA", "KATAKANA")):
        return "KANA"
    if name.startswith(("CJK UNIFIED", "CJK COMPATIBILITY IDEOGRAPH")):
        return "HAN"
    return name.split(" ", 1)[0]


@functools.lru_cache(maxsize=8192)
def _is_odd(char: str) -> bool:
    """Whether a non-ASCII character is unlikely in real text (mojibake's marks)."""
    category = unicodedata.category(char)
    if category.startswith("L"):
        script = _script(char)
        if script == "LATIN":
            return char.lower() not in _COMMON_LATIN and category != "Lm"
        if script == "HANGUL":  # syllables outside KS X 1001's 2,350 are rare
            return len(char.encode("euc_kr", errors="replace")) != 2 or "SYLLABLE" not in (
                unicodedata.name(char, "")
            )
        return script == "HALFWIDTH"  # half-width katakana: Korean read as Shift_JIS
    if category in ("Zs", "Mn", "Nd") or char in _WESTERN_SYMBOLS:
        return False
    return not 0x3000 <= ord(char) <= 0x303F and not 0xFF01 <= ord(char) <= 0xFF5E


def _is_latin(char: str) -> bool:
    return char.isascii() or _script(char) == "LATIN"


def _oddities(text: str) -> float:
    """How implausible a decoding looks: odd characters per non-ASCII character.

    Odd are symbols prose does not use, symbols or combining marks inside a
    Latin word ("S±d", "san»Þ»", "Nٌْez"), rare letters, letters of two scripts
    side by side ("Ïd" is fine, "Пd" is not), and, when nearly all Latin
    letters are non-ASCII, every non-ASCII Latin letter (Cyrillic read as
    cp1252: "Ïîäñóäèìûé").
    """
    odd = wide = latin = foreign_latin = 0
    previous = ""
    for index, char in enumerate(text):
        if ord(char) <= 0x7F:
            latin += char.isalpha()
            previous = "LATIN" if char.isalpha() else ""
            continue
        wide += 1
        odd += _is_odd(char)
        script = _script(char) if char.isalpha() else ""
        if script == "LATIN":
            latin += 1
            foreign_latin += 1
        if script and previous and script != previous:
            odd += (previous, script) not in _SCRIPT_PAIRS_ALLOWED
        if char in _IN_WORD:
            continue  # "O’Neill", "l·l": the word goes on
        if not script and previous == "LATIN":
            after = text[index + 1 : index + 2]  # "S±d"; or a combining mark on "N" ("Nٌ")
            odd += unicodedata.category(char) == "Mn" or (after.isalpha() and _is_latin(after))
        previous = script
    if foreign_latin > _MOJIBAKE_SHARE * latin:
        odd += foreign_latin
    return odd / max(1, wide)


def _guess(data: bytes) -> tuple[str, str] | None:
    """Pick among charset-normalizer's candidates the one whose text looks most plausible."""
    ranked = []
    sample = data[:_SCORE_SAMPLE]
    for order, match in enumerate(charset_normalizer.from_bytes(data)):
        try:
            text = sample.decode(match.encoding, errors="ignore")
        except LookupError:
            continue
        western = _WESTERN.index(match.encoding) if match.encoding in _WESTERN else len(_WESTERN)
        ranked.append(
            (round(_oddities(text), 3), _misfit(text), round(match.chaos, 2), western, order, match)
        )
    if not ranked:
        return None
    best = min(ranked, key=lambda entry: entry[:5])[-1]
    return str(best), best.encoding


def _decode_by_bom(data: bytes, name: str) -> tuple[str, str, list[str]] | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding, []
            except UnicodeDecodeError as exc:
                damaged = _damaged(data, encoding, name)
                if damaged:
                    return damaged
                raise ReadError("E107", f"{name}: bad {encoding} after its BOM: {exc}") from exc
    return None


def _decode_strictly(data: bytes, name: str) -> tuple[str, str, list[str]] | None:
    """Decode by BOM, UTF-16 lanes, UTF-8, Western cp1252 or detection; ``None`` if none fits."""
    found = _decode_by_bom(data, name)
    if found:
        return found
    lane = utf16_lane(data)
    if lane:
        try:
            return data.decode(lane), lane, []
        except UnicodeDecodeError:
            damaged = _damaged(data, lane, name)
            if damaged:
                return damaged
    if data.count(0) <= max(_STRAY_CONTROLS, _MAX_CONTROL_RATIO * len(data)):
        try:
            return data.decode("utf-8"), "utf-8", []
        except UnicodeDecodeError:
            damaged = _damaged(data, "utf-8", name)
            if damaged:
                return damaged
        western = _western(data)
        if western:
            return (*western, [])
    guessed = _guess(data)
    return (*guessed, []) if guessed else None


def decode_text(data: bytes, name: str = "document") -> tuple[str, str, list[str]]:
    """Decode a text file's bytes without silently damaging characters.

    Args:
        data: the raw bytes.
        name: the file name, for messages.

    Returns:
        The text, the encoding used and any warnings (``W203`` when
        characters had to be replaced).

    Raises:
        ReadError: E107 when the bytes are binary rather than text.

    >>> decode_text("£300".encode("cp1252"))[:2]
    ('£300', 'cp1252')
    >>> decode_text(codecs.BOM_UTF8 + "fine".encode())[:2]
    ('fine', 'utf-8-sig')
    >>> decode_text("Sąd skazał oskarżonego na cztery lata.".encode("cp1250"))[:2]
    ('Sąd skazał oskarżonego na cztery lata.', 'cp1250')
    """
    decoded = _decode_strictly(data, name)
    if decoded is None:
        if data.count(0) > max(_STRAY_CONTROLS, _MAX_CONTROL_RATIO * len(data)):
            raise ReadError("E107", f"{name}: binary content (NUL bytes), not text")
        text, bad = _replaced(data, "cp1252")
        if bad > max(1, _MAX_DAMAGE_RATIO * len(text)):
            raise ReadError("E107", f"{name}: {bad} bytes no text encoding knows; not text")
        warning = coded_warning(
            "W203", f"{name}: no text encoding fits, undecodable bytes replaced with U+FFFD"
        )
        decoded = text, "cp1252", [warning]
    text, encoding, warnings = decoded
    if is_binary(text):
        raise ReadError("E107", f"{name}: binary content (control characters), not text")
    return text, encoding, warnings
