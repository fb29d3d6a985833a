"""XML reader: Akoma Ntoso judgments, metadata, safety, recovery, other XML."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from courtfacts.corpus import read
from courtfacts.corpus.xml import read_xml
from courtfacts.errors import ReadError

JUDGMENT = """<?xml version="1.0" encoding="utf-8"?>
<akomaNtoso xmlns:uk="https://caselaw.nationalarchives.gov.uk/akn"
            xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">
  <judgment name="judgment">
    <meta>
      <identification source="#tna">
        <FRBRWork>
          <FRBRthis value="https://caselaw.nationalarchives.gov.uk/id/ewca/crim/2022/1234"/>
          <FRBRdate date="2022-09-16" name="judgment"/>
          <FRBRname value="R v Okafor"/>
        </FRBRWork>
      </identification>
      <proprietary source="#">
        <uk:court>EWCA-Criminal</uk:court>
        <uk:cite>[2022] EWCA Crim 1234</uk:cite>
      </proprietary>
      <presentation source="#">
        <style xmlns="http://www.w3.org/1999/xhtml">#judgment { font-size: 12pt; }</style>
      </presentation>
    </meta>
    <header>
      <p>Neutral Citation Number: <neutralCitation>[2022] EWCA Crim 1234</neutralCitation></p>
      <p><docDate date="2022-09-16">16<span>th</span> September 2022</docDate></p>
      <p><party refersTo="#r">REGINA</party></p>
      <p>- v -</p>
      <p><party refersTo="#okafor">DANIEL OKAFOR</party></p>
    </header>
    <judgmentBody>
      <decision>
        <level>
          <heading>Introduction</heading>
          <paragraph eId="para_1">
            <num>1.</num>
            <content><p>The appellant was sentenced to 5 years' imprisonment.</p></content>
          </paragraph>
          <paragraph eId="para_2">
            <num>2</num>
            <content>
              <p>We reduce the sentence to 3 years 6 months.</p>
              <p>A second block of the same paragraph.</p>
            </content>
            <subparagraph><num>(a)</num><content><p>A sub-point.</p></content></subparagraph>
          </paragraph>
        </level>
      </decision>
    </judgmentBody>
  </judgment>
</akomaNtoso>
"""


def _write(tmp_path: Path, text: str, name: str = "doc.xml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_akoma_ntoso_blocks_and_paragraph_numbers(tmp_path: Path, check_segments) -> None:
    source = read_xml(_write(tmp_path, JUDGMENT))
    check_segments(source)
    blocks = [(s.paragraph, source.text[s.start : s.end]) for s in source.segments]
    assert blocks == [
        (None, "Neutral Citation Number: [2022] EWCA Crim 1234"),
        (None, "16th September 2022"),
        (None, "REGINA"),
        (None, "- v -"),
        (None, "DANIEL OKAFOR"),
        (None, "Introduction"),
        ("1", "1. The appellant was sentenced to 5 years' imprisonment."),
        ("2", "2. We reduce the sentence to 3 years 6 months."),
        ("2", "A second block of the same paragraph."),
        ("2(a)", "(a) A sub-point."),
    ]
    assert "font-size" not in source.text and "EWCA-Criminal" not in source.text


def test_akoma_ntoso_metadata(tmp_path: Path) -> None:
    meta = read(_write(tmp_path, JUDGMENT)).meta
    assert meta.format == "xml"
    assert meta.neutral_citation == "[2022] EWCA Crim 1234"
    assert meta.court == "EWCA-Criminal"
    assert meta.judgment_date == meta.document_date == "2022-09-16"
    assert meta.title == "R v Okafor"
    assert meta.parties == ["REGINA", "DANIEL OKAFOR"]
    assert meta.warnings == []


def test_external_entity_is_never_read(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n'
        "<x><p>before &e; after</p></x>",
    )
    try:
        text = read(path).text
    except ReadError as error:
        assert error.code == "E106"
        text = error.message
    assert "root:" not in text


def test_billion_laughs_is_refused_fast(tmp_path: Path) -> None:
    entities = ['<!ENTITY lol "lol">'] + [
        f'<!ENTITY lol{i} "{("&lol%s;" % ("" if i == 1 else i - 1)) * 10}">' for i in range(1, 10)
    ]
    path = _write(
        tmp_path,
        f'<?xml version="1.0"?>\n<!DOCTYPE lolz [{"".join(entities)}]>\n<lolz>&lol9;</lolz>',
    )
    started = time.perf_counter()
    with pytest.raises(ReadError) as caught:
        read(path)
    assert caught.value.code == "E106"
    assert time.perf_counter() - started < 2


def test_stray_ampersand_is_recovered_with_a_warning(tmp_path: Path) -> None:
    path = _write(tmp_path, "<?xml version='1.0'?><doc><p>Smith & Jones were fined.</p></doc>")
    source = read(path)
    assert "Jones were fined." in source.text
    assert len(source.meta.warnings) == 1
    assert source.meta.warnings[0].startswith("W202 recovered from malformed markup")


def test_unrecoverable_markup_is_e106(tmp_path: Path) -> None:
    with pytest.raises(ReadError) as caught:
        read_xml(_write(tmp_path, "<?xml version='1.0'?>\n<<<>>>"))
    assert caught.value.code == "E106"


def test_other_xml_gives_its_text_by_element(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "<?xml version='1.0'?><cases><case><name>R v <i>Smith</i></name>"
        "<sentence>4 years</sentence></case></cases>",
    )
    assert read_xml(path).text == "R v Smith\n\n4 years"


def test_stray_ampersand_is_kept_as_text(tmp_path: Path) -> None:
    """Issue #6: recovery once dropped the '&' ("Smith Jones"); it is escaped and kept."""
    path = _write(
        tmp_path, "<?xml version='1.0'?><doc><p>Smith & Jones, R&D; &amp; Co, &pound;5</p></doc>"
    )
    source = read(path)
    assert source.text == "Smith & Jones, R&D; & Co, £5"
    assert "stray '&' or unknown entity" in source.meta.warnings[0]


def test_cp1252_bytes_declared_utf8_are_read_whole(tmp_path: Path) -> None:
    """Issue #6: recovery once dropped each byte that was not UTF-8 ("£190" lost its "£")."""
    path = tmp_path / "doc.xml"
    path.write_bytes(JUDGMENT.replace("5 years'", "£190 and 5 years'").encode("cp1252"))
    source = read(path)
    assert "£190 and 5 years'" in source.text
    expected = "W202 recovered from malformed markup: not in its declared encoding: read as cp1252"
    assert source.meta.warnings == [expected]


@pytest.mark.parametrize("depth", [300, 100_000])
def test_nesting_past_the_parser_limit_is_e112(tmp_path: Path, depth: int) -> None:
    """Issue #6: libxml2 stops at 256 levels; the rest was once dropped with only a W202."""
    inner = "<p>" * depth + "x" + "</p>" * depth
    with pytest.raises(ReadError) as caught:
        read(_write(tmp_path, f"<?xml version='1.0'?><doc><a>Start</a>{inner}<a>End</a></doc>"))
    assert caught.value.code == "E112"


def test_deep_nesting_within_the_limit_is_flattened_with_w205(tmp_path: Path) -> None:
    inner = "<p>" * 200 + "Jailed for four years." + "</p>" * 200
    source = read(_write(tmp_path, f"<?xml version='1.0'?><doc><a>Start</a>{inner}</doc>"))
    assert source.text == "Start\n\nJailed for four years."
    assert source.meta.warnings[0].startswith("W205")


def test_prefix_cut_from_its_namespace_is_no_crash(tmp_path: Path) -> None:
    """Issue #6: a truncated judgment left a tag "uk:court" that etree.QName refused (ValueError)."""
    cut = JUDGMENT.replace('xmlns:uk="https://caselaw.nationalarchives.gov.uk/akn"', "")
    source = read(_write(tmp_path, cut))
    assert "5 years' imprisonment" in source.text
    assert source.meta.warnings[0].startswith("W202")
