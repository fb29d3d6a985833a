"""Write the example PDF and DOCX from the text held in this script.

The cases are invented. Run ``python examples/make_examples.py`` from the
repository root (or pass an output folder); the output is byte-for-byte the
same on every run with the same fpdf2 and python-docx versions and font. The
HTML and text examples are plain files kept beside this script.

The PDF uses DejaVu Sans (Debian's ``fonts-dejavu-core``) for its em dash and
pound sign; without it the script falls back to the core Helvetica font and
writes the running header with a plain hyphen.
"""

from __future__ import annotations

import io
import sys
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import docx
from fpdf import FPDF

HERE = Path(__file__).resolve().parent
FIXED_TIME = datetime(2022, 7, 27, 10, 30, tzinfo=UTC)
FONT_PATHS = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/dejavu/DejaVuSans.ttf"),
)

# ------------------------------------------------------------------- R v Marsh

MARSH_HEADER = "R v Marsh \u2014 Sentencing Remarks"
MARSH_COVER = [
    "IN THE CROWN COURT AT NORWICH",
    "R v PETER JOHN MARSH",
    "SENTENCING REMARKS OF HER HONOUR JUDGE ALDRIDGE",
]
MARSH_PARAGRAPHS = [
    (
        "Peter Marsh, you may remain seated for now. You are 52 years old. You pleaded guilty at "
        "the plea and trial preparation hearing to four counts of being concerned in the supply of "
        "a controlled drug of Class A, namely cocaine, and I sentence you today on the basis of "
        "those pleas."
    ),
    (
        "Between March 2016 and June 2019 you supplied cocaine from your flat in Thorpe Hamlet and "
        "from the car park of the public house where you worked. The messages recovered from your "
        "telephone show a steady trade: orders taken by text message, deliveries arranged within "
        "the hour and credit extended to regular customers who could not pay at once."
    ),
    (
        "Your bank records show 41 payments totalling \u00a33,250 from those customers into your "
        "account. Most of your trade was in cash, and I am sure that those payments represent only "
        "a small part of what passed through your hands over more than three years."
    ),
    (
        "I am satisfied that you played a significant role. You were motivated by financial "
        "advantage, you had an awareness and understanding of the scale of the operation, and you "
        "directed a younger man, Liam Fenn, to make deliveries for you. This is category 3 harm. "
        "The guideline starting point for a single offence is 4 years and 6 months' custody, with a "
        "range of 3 years and 6 months to 7 years. The length of the offending and the number of "
        "customers take this case well above the starting point."
    ),
    (
        "In mitigation I have read the letters from your sister and from your former employer. "
        "You had no previous convictions before these offences and you have cared for your mother "
        "since her stroke in 2018. Those matters reduce the sentence, but only to a limited extent."
    ),
    (
        "Had you been convicted after a trial, the sentence on count 1 would have been 8 years. You "
        "are entitled to a reduction of one quarter for your pleas of guilty."
    ),
    (
        "The sentence is 6 years' imprisonment on count 1 and 2 years concurrent on each of counts "
        "2, 3 and 4, a total of 6 years. You will serve up to half of that term in custody before "
        "you are released on licence. The statutory surcharge applies. I order the forfeiture and "
        "destruction of the drugs and of the telephone seized from you."
    ),
]
MARSH_DATED = "Dated 14 May 2021"


class _Remarks(FPDF):
    """Remarks with a running header and a page-number footer on every page."""

    header_text = MARSH_HEADER
    family = "Helvetica"

    def header(self) -> None:
        self.set_font(self.family, size=9)
        self.cell(0, 8, self.header_text, align="C", new_x="LMARGIN", new_y="NEXT")
        self.ln(6)

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font(self.family, size=9)
        self.cell(0, 8, f"Page {self.page_no()}", align="C")


def _remarks_pdf() -> _Remarks:
    pdf = _Remarks()
    font = next((path for path in FONT_PATHS if path.is_file()), None)
    if font is None:
        print("DejaVu Sans not found: using Helvetica and a plain hyphen", file=sys.stderr)
        pdf.header_text = MARSH_HEADER.replace("\u2014", "-")
    else:
        pdf.add_font("DejaVu", fname=str(font))
        pdf.family = "DejaVu"
    pdf.set_creation_date(datetime(2021, 5, 14, 16, 0, tzinfo=UTC))
    pdf.set_title("R v Marsh: sentencing remarks")
    return pdf


def write_marsh(folder: Path) -> Path:
    """Write the two-page sentencing remarks PDF."""
    pdf = _remarks_pdf()
    pdf.add_page()
    pdf.set_font(pdf.family, size=12)
    for line in MARSH_COVER:
        pdf.multi_cell(0, 7, line, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    for number, paragraph in enumerate(MARSH_PARAGRAPHS, start=1):
        pdf.multi_cell(0, 7, f"{number}. {paragraph}", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
    pdf.multi_cell(0, 7, MARSH_DATED, new_x="LMARGIN", new_y="NEXT")
    path = folder / "sentencing-remarks-r-v-marsh.pdf"
    pdf.output(str(path))
    return path


# ------------------------------------------------------------------ R v Okafor

OKAFOR_COVER = [
    "Neutral Citation Number: [2022] EWCA Crim 1234",
    "Case No: 202201187 B4",
    "IN THE COURT OF APPEAL (CRIMINAL DIVISION)",
    "ON APPEAL FROM THE CROWN COURT AT LEEDS",
    "HIS HONOUR JUDGE HARGREAVES",
    "Royal Courts of Justice, Strand, London, WC2A 2LL",
    "Date: 27 July 2022",
    "Before: LORD JUSTICE PEMBERTON, MRS JUSTICE OSEI and HIS HONOUR JUDGE LANGDALE",
    "REGINA v CHINEDU OKAFOR",
    "JUDGMENT",
    "LORD JUSTICE PEMBERTON:",
]
OKAFOR_PARAGRAPHS = [
    (
        "On 11 March 2022, in the Crown Court at Leeds, the appellant, then aged 29, pleaded guilty "
        "to one count of possession of a controlled drug of Class A with intent to supply and one "
        "count of possessing criminal property. On 8 April 2022 he was sentenced by His Honour Judge "
        "Hargreaves to 5 years' imprisonment on the first count, with no separate penalty on the "
        "second. He appeals against sentence by leave of the single judge."
    ),
    (
        "His co-defendant, Marcus Bell, pleaded guilty to possessing criminal property and was "
        "sentenced to 12 months' imprisonment suspended for 18 months, with a requirement to "
        "complete 20 days of rehabilitation activity. There is no appeal in his case."
    ),
    (
        "On 14 October 2021 police officers stopped a car driven by the appellant in Chapeltown. "
        "They found 62 grams of cocaine in the door panel, divided into 40 wraps, and \u00a34,870 in "
        "cash in a rucksack on the rear seat."
    ),
    (
        "The offence of possessing criminal property carries a maximum sentence of 14 years' "
        "imprisonment. The judge placed the drugs offence in category 3 of the guideline and found "
        "that the appellant had played a significant role. He took a sentence of 6 years and 8 "
        "months before credit and reduced it by one quarter for the pleas."
    ),
    (
        "Mr Adeyemi, for the appellant, submits that the judge was wrong to find a significant role. "
        "The appellant was a courier, paid in kind to feed his own addiction, with no influence over "
        "those above him and no awareness of the scale of the operation."
    ),
    (
        "We agree. Nothing in the evidence showed that the appellant directed others or had any "
        "expectation of significant financial advantage. This was a lesser role, for which the "
        "starting point is 3 years' custody with a range of 2 years to 4 years and 6 months. The "
        "quantity and the cash justify an upward adjustment to 4 years and 8 months before credit."
    ),
    (
        "We therefore quash the sentence of 5 years' imprisonment and substitute a sentence of 3 "
        "years 6 months' imprisonment. To that extent this appeal is allowed."
    ),
]


def _normalise_zip(path: Path) -> None:
    """Rewrite a zip archive with fixed member dates so that its bytes never vary."""
    with zipfile.ZipFile(path) as archive:
        members = [(info.filename, archive.read(info)) for info in archive.infolist()]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    path.write_bytes(buffer.getvalue())


def write_okafor(folder: Path) -> Path:
    """Write the Court of Appeal judgment DOCX, its paragraphs numbered by Word."""
    document = docx.Document()
    properties = document.core_properties
    properties.title = "R v Okafor [2022] EWCA Crim 1234"
    properties.author = properties.last_modified_by = "courtfacts examples"
    properties.created = properties.modified = FIXED_TIME.replace(tzinfo=None)
    properties.revision = 1
    for line in OKAFOR_COVER:
        document.add_paragraph(line)
    for paragraph in OKAFOR_PARAGRAPHS:
        document.add_paragraph(paragraph, style="List Number")
    path = folder / "judgment-r-v-okafor.docx"
    document.save(str(path))
    _normalise_zip(path)
    return path


def main(folder: Path = HERE) -> None:
    """Write both generated examples into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for path in (write_marsh(folder), write_okafor(folder)):
        print(f"wrote {path}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
