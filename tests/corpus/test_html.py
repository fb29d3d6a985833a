"""HTML reader: article text without furniture, title, publication date, tables."""

from __future__ import annotations

from pathlib import Path

import pytest

from courtfacts.corpus import read
from courtfacts.corpus.html import read_html
from courtfacts.errors import ReadError

NEWS_PAGE = """<!DOCTYPE html>
<html lang="en-GB"><head>
<meta charset="utf-8">
<title>Fraudster jailed | The Example Post</title>
<meta property="og:title" content="Fraudster jailed for stealing from charity">
<meta property="article:published_time" content="2023-06-02T09:15:00+01:00">
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
 "datePublished": "2023-06-01T08:00:00Z"}</script>
<script>var tracking = "SECRET_SCRIPT_TEXT";</script>
<style>.story { color: black }</style>
</head><body>
<header class="site-header"><a href="/">The Example Post</a></header>
<nav><ul><li>Home</li><li>News</li><li>Sport</li></ul></nav>
<div id="cookie-banner">We use cookies. <button>Accept all</button></div>
<main>
<article>
<header><h1>Fraudster jailed for stealing from charity</h1></header>
<div class="share-buttons"><a>Share on Facebook</a><a>Share on X</a></div>
<p>A 38-year-old man has been jailed for two and a half years.</p>
<p>He made 17 transfers totalling &pound;48,600 between January 2020 and August 2021.</p>
<aside class="related-stories"><h2>Related</h2><p>Another story entirely</p></aside>
<p>He admitted three charges of fraud.<br>He will serve half in custody.</p>
<ul><li>First point</li><li>Second point</li></ul>
<noscript>Please enable JavaScript</noscript>
</article>
</main>
<div class="newsletter-signup"><form><p>Sign up to our newsletter</p></form></div>
<footer>Copyright The Example Post</footer>
</body></html>
"""


@pytest.fixture()
def news_page(tmp_path: Path) -> Path:
    path = tmp_path / "news.html"
    path.write_text(NEWS_PAGE, encoding="utf-8")
    return path


def test_only_article_text_is_kept(news_page: Path, check_segments) -> None:
    source = read_html(news_page)
    check_segments(source)
    blocks = [source.text[s.start : s.end] for s in source.segments]
    assert blocks == [
        "Fraudster jailed for stealing from charity",
        "A 38-year-old man has been jailed for two and a half years.",
        "He made 17 transfers totalling £48,600 between January 2020 and August 2021.",
        "He admitted three charges of fraud.",
        "He will serve half in custody.",
        "First point",
        "Second point",
    ]


@pytest.mark.parametrize(
    "furniture",
    ["SECRET_SCRIPT_TEXT", "color: black", "cookies", "Accept all", "Share on", "Sport",
     "Another story", "newsletter", "Copyright", "JavaScript", "The Example Post"],
)  # fmt: skip
def test_furniture_never_appears(news_page: Path, furniture: str) -> None:
    assert furniture not in read_html(news_page).text


def test_title_and_published_date(news_page: Path) -> None:
    meta = read_html(news_page).meta
    assert meta.title == "Fraudster jailed for stealing from charity"
    assert meta.document_date == "2023-06-02"
    assert meta.format == "html"


_ARTICLE = "<article><p>Sentenced today.</p></article>"
_TIMED = '<article><time datetime="2019-07-31T12:00">31 July</time><p>Text.</p></article>'


# fmt: off
DATE_SOURCES = [
    (('<script type="application/ld+json">{"@graph": [{"@type": "WebPage"},'
     ' {"@type": "NewsArticle", "datePublished": "2021-03-04T10:00:00Z"}]}</script>'),
     _ARTICLE, "2021-03-04"),
    ('<script type="application/ld+json">[{"datePublished": "2020-11-09"}]</script>',
     _ARTICLE, "2020-11-09"),
    ('<script type="application/ld+json">{not json</script>', _TIMED, "2019-07-31"),
    ("", _TIMED, "2019-07-31"),
    ('<meta property="article:published_time" content="2023-02-30">', _ARTICLE, None),
]
# fmt: on


@pytest.mark.parametrize(
    ("head", "body", "expected"),
    DATE_SOURCES,
    ids=["json-ld graph", "json-ld list", "broken json-ld", "time element", "impossible date"],
)
def test_published_date_sources(tmp_path: Path, head: str, body: str, expected: str | None) -> None:
    path = tmp_path / "page.html"
    path.write_text(f"<html><head>{head}</head><body>{body}</body></html>", encoding="utf-8")
    assert read_html(path).meta.document_date == expected


def test_declared_legacy_charset_is_honoured(tmp_path: Path) -> None:
    path = tmp_path / "legacy.html"
    page = '<html><head><meta charset="windows-1252"></head><body><p>Fined £300 – today</p></body></html>'
    path.write_bytes(page.encode("cp1252"))
    assert read_html(path).text == "Fined £300 – today"


def test_docket_tables_keep_rows_together(tmp_path: Path) -> None:
    path = tmp_path / "docket.html"
    path.write_text(
        "<html><body><div id='topmenu' class='yuimenubar'><ul><li>Query</li></ul></div>"
        "<table><tr><td>Date Filed</td><th>#</th><td>Docket Text</td></tr>"
        "<tr><td>09/25/2013</td><td>1</td><td>INDICTMENT as to Joseph Benz.</td></tr>"
        "<tr><td>09/08/2016</td><td>128</td><td>JUDGMENT: Probation for a term of 5 years.</td></tr>"
        "</table></body></html>",
        encoding="utf-8",
    )
    source = read_html(path)
    assert source.text.split("\n\n") == [
        "Date Filed\t#\tDocket Text",
        "09/25/2013\t1\tINDICTMENT as to Joseph Benz.",
        "09/08/2016\t128\tJUDGMENT: Probation for a term of 5 years.",
    ]


def test_headline_outside_the_article_body_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        "<html><body><h1>Man jailed</h1><div itemprop='articleBody'><p>He was jailed.</p>"
        "</div></body></html>",
        encoding="utf-8",
    )
    assert read_html(path).text == "Man jailed\n\nHe was jailed."


def test_binary_bytes_are_e105(tmp_path: Path) -> None:
    path = tmp_path / "junk.html"
    path.write_bytes(b"<html>\x00\x01\x02\x03" * 50)
    with pytest.raises(ReadError) as caught:
        read_html(path)
    assert caught.value.code == "E105"


def test_page_of_only_furniture_has_no_text(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><body><nav>Home</nav><script>x()</script></body></html>", "utf-8")
    with pytest.raises(ReadError) as caught:
        read(path)
    assert caught.value.code == "E110"


def test_page_of_unclosed_tags_keeps_its_text(tmp_path: Path) -> None:
    """Issue #6: libxml2 stopped at 256 levels and the rest of the page was silently lost."""
    path = tmp_path / "page.html"
    body = "<font>He was jailed. " * 400 + "<p>The end.</p>"
    path.write_text(f"<html><body><p>Start.</p>{body}</body></html>", "utf-8")
    source = read_html(path)
    assert source.text.count("He was jailed.") == 400 and source.text.endswith("The end.")
    assert source.meta.warnings[0].startswith("W205")


def test_nesting_past_2048_levels_is_e112(tmp_path: Path) -> None:
    path = tmp_path / "deep.html"
    path.write_text("<html><body>" + "<div>" * 100_000 + "x" + "</div>" * 100_000, "utf-8")
    with pytest.raises(ReadError) as caught:
        read_html(path)
    assert caught.value.code == "E112"


# fmt: off
BUGS_CAUGHT = [
    # a flipped byte inside a tag made a name etree.QName refuses (ValueError)
    ("odd tag name", b'<html><body><div\x9bclass="share">Jailed for 4 years.</div></body></html>'),
    # flattening a deep page put a control character back into the tree (ValueError)
    ("control character below 150 levels", b"<html><body>" + b"<div>" * 300 + b"Jailed\x01."),
]
# fmt: on


@pytest.mark.parametrize("data", [c[1] for c in BUGS_CAUGHT], ids=[c[0] for c in BUGS_CAUGHT])
def test_hostile_markup_bugs_caught(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(data)
    assert "Jailed" in read(path).text
