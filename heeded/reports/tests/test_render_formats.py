"""One computation, several renderings: every format carries the document's own numbers.

The PDF is rendered once per module (WeasyPrint is the slow one).
"""

import io
import json
import re
import subprocess

import pytest
from docx import Document as WordDocument
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from openpyxl import load_workbook

from heeded.reports.document import Labels, build_document
from heeded.reports.renderers import charts, render_document
from heeded.reports.renderers import docx as docx_renderer

from .document_text import section_texts
from .fixtures.sample_report import sample_report

pytestmark = pytest.mark.django_db


@pytest.fixture
def document():
    return build_document(sample_report(), labels=Labels.load())


@pytest.fixture
def public_document():
    return build_document(sample_report(), public=True, labels=Labels.load())


def table_1(document):
    return next(t for t in document.tables() if t.id == "representations")


def test_html_has_the_sections_tables_and_inline_svg_charts(document):
    html = render_document(document, "html").decode()
    assert "<h2" in html and "1. Executive summary" in html
    assert "Table 1: Representations received" in html
    assert html.count("<svg") == 2
    assert "an increase of 19 (39%) on 2018/19" in html
    # Figures are not linked in a downloaded file.
    assert "/cases/" not in html


def test_pdf_is_a4_with_the_reports_text_and_numbers(document):
    pdf = render_document(document, "pdf")
    assert pdf.startswith(b"%PDF")
    text = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()
    assert "Annual report on complaints and representations" in text
    assert "Table 1: Representations received" in text
    assert "an increase of 19 (39%) on 2018/19" in text
    assert "Page 2 of" in text
    total_row = next(line for line in text.splitlines() if "Total representations" in line)
    assert total_row.split()[-4:] == ["68", "49", "75", "59"]


def test_public_pdf_is_tagged_with_headings_lists_and_table_headers(public_document, tmp_path):
    # Published PDFs fall under the public sector accessibility regulations: untagged,
    # pdfinfo says "Tagged: no" and a screen reader gets loose text.
    path = tmp_path / "report.pdf"
    path.write_bytes(render_document(public_document, "pdf"))
    info = subprocess.run(["pdfinfo", path], capture_output=True, check=True, text=True).stdout
    assert "Tagged:          yes" in info
    assert "Page size:       595.276 x 841.89 pts (A4)" in info
    tree = subprocess.run(
        ["pdfinfo", "-struct", path], capture_output=True, check=True, text=True
    ).stdout
    tags = {line.split()[0].rstrip(":") for line in tree.splitlines() if line.strip()}
    assert {"Document", "H1", "H2", "P", "L", "LI", "Table", "Caption", "TH", "TD"} <= tags
    assert "/Headers [" in tree  # each data cell names its row and column headers


def test_docx_reopens_with_heading_styles_tables_and_chart_alt_text(document):
    word = WordDocument(io.BytesIO(render_document(document, "docx")))
    headings = [p.text for p in word.paragraphs if p.style.name == "Heading 1"]
    assert headings[0] == "1. Executive summary"
    assert "3. Representations received" in headings
    assert len(word.tables) == len(document.tables())
    first = word.tables[0]
    assert [c.text for c in first.rows[0].cells] == table_1(document).header
    assert [c.text for c in first.rows[-1].cells] == [
        "Total representations",
        "68",
        "49",
        "75",
        "59",
        "",
    ]
    descriptions = [shape._inline.docPr.get("descr") for shape in word.inline_shapes]
    assert len(descriptions) == 2 and all(descriptions)


def test_docx_keeps_titles_with_their_tables_and_short_tables_on_one_page(document):
    # Read in LibreOffice, "Table 3: How representations were received" was left at the foot
    # of one page and its table on the next.
    word = WordDocument(io.BytesIO(render_document(document, "docx")))
    assert word.styles["Caption"].paragraph_format.keep_with_next
    cant_split = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}cantSplit"
    for grid in word.tables:
        assert all(row._tr.trPr[0].tag == cant_split for row in grid.rows)
        rows = grid.rows
        kept = [all(p.paragraph_format.keep_with_next for p in r.cells[0].paragraphs) for r in rows]
        if len(rows) <= 16:
            assert kept == [True] * (len(rows) - 1) + [False]
    long_table = word.tables[0]  # Table 1: 20 rows and its header
    groups = [r for r in long_table.rows if r.cells[0].text == "Other"]
    assert groups and all(r.cells[0].paragraphs[0].paragraph_format.keep_with_next for r in groups)


def test_docx_notes_are_set_apart_without_a_label(document):
    word = WordDocument(io.BytesIO(render_document(document, "docx")))
    text = "\n".join(p.text for p in word.paragraphs)
    assert "Observation" not in text
    notes = [
        p
        for p in word.paragraphs
        if p._p.pPr is not None and p._p.pPr.find(qn("w:pBdr")) is not None
    ]
    assert notes and all(p.paragraph_format.left_indent for p in notes)


def test_xlsx_has_one_sheet_per_table_bold_frozen_header_and_numbers_as_numbers(document):
    book = load_workbook(io.BytesIO(render_document(document, "xlsx")))
    tables = document.tables()
    assert len(book.sheetnames) == len(tables) + 1  # and a contents sheet
    sheet = book[book.sheetnames[1]]
    # Titled in A1, as the GSS asks of published spreadsheets, then what it is.
    assert sheet["A1"].value == table_1(document).caption and sheet["A1"].font.bold
    assert sheet["A2"].value.endswith("Internal version: not for publication.")
    assert sheet["A3"].value == "Type of representation" and sheet["A3"].font.bold
    assert sheet.freeze_panes == "B4"
    values = {row[0]: row[1:] for row in sheet.iter_rows(min_row=4, values_only=True)}
    assert values["Total representations"][:4] == (68, 49, 75, 59)
    # The share beside the counts, a number shown as the PDF prints it, so that it sorts.
    cells = {row[0].value: row[1:] for row in sheet.iter_rows(min_row=4)}
    share = cells["Complaint (statutory)"][4]
    assert (share.value, share.number_format) == (0.41, "0%")
    # A heading row ("Statutory") and the total's share are empty, not "".
    assert [c.value for c in cells["Statutory"]] == [None] * 5
    assert cells["Total representations"][4].value is None


def test_xlsx_text_that_looks_like_a_formula_stays_text(document):
    document.organisation = '=HYPERLINK("http://evil","click")'
    table_1(document).header[0] = "=1+1"
    book = load_workbook(io.BytesIO(render_document(document, "xlsx")))
    contents, sheet = book["Contents"], book[book.sheetnames[1]]
    assert contents["A1"].data_type == "s" and contents["A1"].value.startswith("=HYPERLINK")
    assert sheet["A2"].data_type == "s" and sheet["A2"].value.startswith("=HYPERLINK")
    assert sheet["A3"].data_type == "s" and sheet["A3"].value == "=1+1"


def test_the_same_numbers_in_every_format(document):
    """Every number cell of table 1 appears in HTML, DOCX and XLSX as in the document."""
    expected = [[c.text for c in row.cells] for row in table_1(document).rows]
    html = render_document(document, "html").decode()
    word = WordDocument(io.BytesIO(render_document(document, "docx")))
    docx_rows = [[c.text for c in row.cells] for row in word.tables[0].rows[1:]]
    book = load_workbook(io.BytesIO(render_document(document, "xlsx")))
    xlsx_rows = [
        [as_shown(c) for c in row] for row in book[book.sheetnames[1]].iter_rows(min_row=4)
    ]
    assert docx_rows == expected
    assert xlsx_rows == expected
    for row in expected:
        assert f">{row[1]}</td>" in html or row[1] == ""


def as_shown(cell) -> str:
    """A workbook cell as a reader sees it: a share 0.41 as "41%"."""
    if cell.value is None:
        return ""
    return f"{round(cell.value * 100)}%" if cell.number_format == "0%" else str(cell.value)


def test_public_xlsx_keeps_hidden_counts_as_words(public_document):
    book = load_workbook(io.BytesIO(render_document(public_document, "xlsx")))
    values = {
        row[0]: row[1] for row in book[book.sheetnames[1]].iter_rows(min_row=4, values_only=True)
    }
    assert values["Non-statutory complaint"] == "fewer than 5"
    assert values["Total representations"] == 68


def test_public_json_carries_the_suppressed_tables(public_document):
    data = json.loads(render_document(public_document, "json"))
    assert data["small_number_threshold"] == 5
    first = data["tables"][0]
    # Its share of the year's representations would give the count away: hidden with it.
    assert ["Non-statutory complaint", "fewer than 5", 0, 0, 0, "withheld"] in first["rows"]


@pytest.mark.usefixtures("every_table_printed")
def test_public_json_names_the_tables_left_out(monkeypatch):
    # Which tables give a count away together is suppression's business (tested there);
    # here, that a table it leaves out is named in the file, as the PDF says in its place.
    import heeded.reports.document as assembly

    def leave_out_refusals(tables, threshold, keep=()):
        return next((t for t in tables if t.id == "refusals"), None)

    monkeypatch.setattr(assembly, "to_leave_out", leave_out_refusals)
    document = build_document(sample_report(), public=True, labels=Labels.load())
    data = json.loads(render_document(document, "json"))
    assert "refusals" not in [table["id"] for table in data["tables"]]
    assert data["tables_not_published"] == [
        "The table of reasons for refusal is not published in this version: read with the "
        "other tables, it would give away numbers too small to publish."
    ]


def test_charts_are_deterministic_svg_with_alt_text(document):
    chart = next(b for s in document.sections for b in s.blocks if b.kind == "chart")
    first, second = charts.svg(chart), charts.svg(chart)
    assert first == second
    assert f'<title id="{chart.id}-title">' in first
    assert charts.png(chart).startswith(b"\x89PNG")


def test_xlsx_keeps_the_places_of_averages_and_money(document):
    book = load_workbook(io.BytesIO(render_document(document, "xlsx")))
    sheet = book[book.sheetnames[-1]]  # Key figures by year
    formats = {row[0].value: row[1].number_format for row in sheet.iter_rows(min_row=4)}
    assert formats["Payments (£)"] == "#,##0.00"
    assert formats["Stage 1 average working days"] == "#,##0.0"
    assert formats["Stage 1 responses"] == "General"


def pdf_pages(pdf: bytes) -> tuple[list[str], list[str]]:
    """Each page's text (laid out) and size line, from poppler."""
    text = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()
    info = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "999", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()
    sizes = [line for line in info.splitlines() if line.startswith("Page") and " size:" in line]
    return text.split("\f"), sizes


def test_public_pdf_never_breaks_fewer_than_5_over_lines(public_document):
    # The month-by-month table's narrow columns printed "fewer" on one line and "than 5" on
    # the next, in every other cell: it now has a landscape page, each figure on one line.
    pages, sizes = pdf_pages(render_document(public_document, "pdf"))
    lines = [line for page in pages for line in page.splitlines()]
    assert sum(line.count("fewer than 5") for line in lines) > 20
    # "fewer" at the end of a cell's line, or "than 5" at the start of one.
    broken = r"[Ff]ewer(?! than)|(?<![Ff]ewer )than 5"
    assert not [line for line in lines if re.search(broken, line)]
    monthly = next(n for n, page in enumerate(pages) if "month by month" in page)
    assert "841.89 x 595.276 pts (A4)" in sizes[monthly]  # landscape
    assert all("595.276 x 841.89 pts" in size for n, size in enumerate(sizes) if n != monthly)


def test_docx_heads_each_column_of_figures_on_the_figures_side(document):
    word = WordDocument(io.BytesIO(render_document(document, "docx")))
    for grid in word.tables:
        head, first = grid.rows[0].cells, grid.rows[1].cells
        assert head[0].paragraphs[0].alignment in (None, WD_ALIGN_PARAGRAPH.LEFT)
        for c in range(1, len(head)):
            assert head[c].paragraphs[0].alignment == first[c].paragraphs[0].alignment
            assert head[c].paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT


def test_docx_keeps_hidden_counts_on_one_line_and_the_wide_table_on_a_landscape_page(
    public_document,
):
    word = WordDocument(io.BytesIO(render_document(public_document, "docx")))
    hidden = [cell.text for grid in word.tables for row in grid.rows[1:] for cell in row.cells[1:]]
    assert "fewer\u00a0than\u00a05" in hidden and "fewer than 5" not in hidden
    landscape = [s for s in word.sections if s.orientation == WD_ORIENT.LANDSCAPE]
    assert len(landscape) == 1 and landscape[0].page_width > landscape[0].page_height
    # The sections after the cover have their running header and page numbers on page one.
    assert all(not s.different_first_page_header_footer for s in word.sections[1:])
    # Back to portrait after it, for the rest of the report; the sentence on the busiest
    # month, leading into the table, is on its page (as in the PDF), not left on the page
    # before.
    assert word.sections[-1].orientation == WD_ORIENT.PORTRAIT
    body = list(word.element.body)
    ends = [n for n, e in enumerate(body) if e.find(f".//{qn('w:sectPr')}") is not None]
    landscape_end = next(
        n for n in ends if body[n].find(f".//{qn('w:pgSz')}").get(qn("w:orient")) == "landscape"
    )
    busiest = next(
        n for n, e in enumerate(body) if "".join(e.itertext()).startswith("The most represent")
    )
    monthly = next(n for n, e in enumerate(body) if "month by month" in "".join(e.itertext()))
    assert max(ends[ends.index(landscape_end) - 1], 0) < busiest < monthly < landscape_end


def test_docx_has_a_contents_page_whose_page_numbers_point_at_the_headings(document):
    word = WordDocument(io.BytesIO(render_document(document, "docx")))
    body = word.element.body
    bookmarks = {b.get(qn("w:name")) for b in body.iter(qn("w:bookmarkStart"))}
    references = [
        t.text.split()[1] for t in body.iter(qn("w:instrText")) if t.text.startswith("PAGEREF")
    ]
    assert len(references) == len(document.sections) and set(references) <= bookmarks
    texts = [p.text for p in word.paragraphs]
    contents = texts.index("Contents")
    assert texts[contents + 1] == "1. Executive summary\t"
    headings = [p for p in word.paragraphs if p.style.name == "Heading 1"]
    assert all(p._p.find(qn("w:bookmarkStart")) is not None for p in headings)
    starts_a_page = [h.text for h in headings if h.paragraph_format.page_break_before]
    assert starts_a_page == [f"{len(document.sections)}. Appendix: key figures"]  # as the PDF
    # Word works the page numbers out when the document is opened.
    assert word.settings.element.find(qn("w:updateFields")).get(qn("w:val")) == "true"


def stranded(pdf: bytes) -> list[str]:
    """Page breaks a reader trips on: a section's heading and opening sentence at the foot
    of a page with the rest of the section over it, or a list's bullets split over pages."""
    pages, _ = pdf_pages(pdf)
    texts = [
        [line.strip() for line in page.splitlines() if line.strip()][1:-1]  # header, footer
        for page in pages
    ]
    heading = re.compile(r"^\d+\. [A-Z](?!.*\.{4})")  # not a line of the contents
    found = []
    for n, (lines, after) in enumerate(zip(texts, texts[1:], strict=False), start=1):
        starts = [i for i, line in enumerate(lines) if heading.match(line)]
        continued = after and not heading.match(after[0])
        if starts and len(lines) - starts[-1] <= 3 and continued:
            found.append(f"page {n} ends with {lines[starts[-1]]!r}")
        if lines and after and lines[-1].startswith("•") and after[0].startswith("•"):
            found.append(f"page {n + 1} starts with a bullet of page {n}'s list")
    return found


def test_a_sentence_introducing_a_list_is_kept_with_it_in_the_pdf(document):
    html = render_document(document, "html").decode()
    assert '<p class="govuk-body app-report__lead-in">The largest changes in natures' in html
    assert ".app-report__lead-in { break-after: avoid" in html


def test_no_section_opening_or_list_is_stranded_at_a_page_break(document, public_document):
    # Isle of Wight 2019/20 sample: "5. Who complained" and its one sentence ended page 6,
    # its table on page 7; section 9's last bullet stood alone on page 10.
    assert stranded(render_document(document, "pdf")) == []
    assert stranded(render_document(public_document, "pdf")) == []


def test_docx_keeps_lists_whole_and_a_sections_opening_sentence_with_what_follows(document):
    # LibreOffice put section 6's last bullet alone at the top of a page, and "8.
    # Investigation outcomes" with its one sentence at the foot of one, its table over it.
    word = WordDocument(io.BytesIO(render_document(document, "docx")))
    paragraphs = word.paragraphs
    for n, p in enumerate(paragraphs[:-1]):
        if p.style.name == "List Bullet":
            last = paragraphs[n + 1].style.name != "List Bullet"
            assert bool(p.paragraph_format.keep_with_next) is not last, p.text
        opening = paragraphs[n + 1]
        note = opening._p.pPr is not None and opening._p.pPr.find(qn("w:pBdr")) is not None
        if p.style.name == "Heading 1" and opening.style.name == "Normal" and not note:
            assert opening.paragraph_format.keep_with_next, opening.text
        if p.text.endswith(":"):  # "The largest changes in natures of complaint on 2018/19:"
            assert p.paragraph_format.keep_with_next, p.text


def test_docx_gives_labels_the_width_a_short_tables_figures_do_not_need(document):
    # Demo 2025/26, Table 17 (key figures, three years): each year had 4 cm for three
    # digits and "Stage 2 investigations completed" broke over two lines.
    word = WordDocument(io.BytesIO(render_document(document, "docx")))
    key_figures = next(t for t in word.tables if t.rows[0].cells[0].text == "Figure")
    label, *years = [column.width for column in key_figures.columns]
    assert all(width <= docx_renderer.FIGURE_WIDTH for width in years)
    # Widths are kept in twentieths of a point: the sum comes back within two of them.
    assert abs(label + sum(years) - docx_renderer.TEXT_WIDTH) <= 2 * 635
    assert label > 2 * years[0]


def test_docx_never_leaves_a_total_alone_at_the_top_of_a_page(document):
    # Demo 2025/26, Table 1: "Total statutory representations" sat alone under the repeated
    # header on the next page. The row before a total, and the rows of a short group, are
    # kept with the next; a page may still break between groups.
    word = WordDocument(io.BytesIO(render_document(document, "docx")))
    table = next(t for t in word.tables if t.rows[0].cells[0].text == "Type of representation")
    kept = {
        row.cells[0].text: row.cells[0].paragraphs[0].paragraph_format.keep_with_next
        for row in table.rows
    }
    assert kept["Refused"] and kept["Statutory"] and kept["Type of representation"]
    assert not kept["Total statutory representations"]  # "Other" may start a page


def test_of_which_rows_are_set_in_under_the_figure_they_are_part_of(document):
    # Demo 2025/26, Table 18: "of which through an advocate or professional" was bold and
    # flush left like every headline figure, reading as one of its own.
    key_figures = next(t for t in document.tables() if t.id == "key_figures")
    kinds = {row.label: row.kind for row in key_figures.rows}
    assert kinds["of which upheld or partially upheld"] == "part"
    assert kinds["of which not decided by the period's end"] == "part"
    assert kinds["Complaints from children and young people"] == "data"

    html = render_document(document, "html").decode()
    row = re.search(r'<tr class="([^"]*)">\s*<th[^>]*>of which upheld', html)
    assert row and "app-report__row--part" in row.group(1)

    word = WordDocument(io.BytesIO(render_document(document, "docx")))
    table = next(t for t in word.tables if t.rows[0].cells[0].text == "Figure")
    rows = {row.cells[0].text: row.cells[0].paragraphs[0] for row in table.rows}
    part, parent = rows["of which upheld or partially upheld"], rows["Ombudsman enquiries"]
    assert part.paragraph_format.left_indent and not parent.paragraph_format.left_indent
    assert all(run.bold is False for run in part.runs)
    # Never split from the figure it is part of.
    assert rows["Complaints from children and young people"].paragraph_format.keep_with_next

    book = load_workbook(io.BytesIO(render_document(document, "xlsx")))
    sheet = next(ws for ws in book.worksheets if ws["A1"].value.endswith("Key figures by year"))
    cells = {row[0].value: row[0] for row in sheet.iter_rows() if row[0].value}
    assert cells["of which upheld or partially upheld"].alignment.indent == 1
    assert not cells["Ombudsman enquiries"].alignment.indent


def test_docx_headings_never_skip_a_level(document):
    # Demo 2025/26 DOCX: learning examples and recommendations were Heading 3 straight
    # under the sections' Heading 1, where the HTML has h3 under h2.
    from heeded.reports.document.structure import Quote

    section = next(s for s in document.sections if s.id == "recommendations")
    section.add(Quote("Recommendation 1: Stage 1 response times", "Answer on time."))
    word = WordDocument(io.BytesIO(render_document(document, "docx")))
    levels = [
        int(p.style.name.removeprefix("Heading "))
        for p in word.paragraphs
        if p.style.name.startswith("Heading ")
    ]
    assert 2 in levels
    assert all(b <= a + 1 for a, b in zip([0] + levels, levels, strict=False))


def test_docx_is_in_british_english_as_the_pdf_is(document):
    # Demo 2025/26 DOCX: python-docx's template left every run in US English, so Word
    # underlined "organisation" and "apologise" as misspelt and a screen reader read the
    # report in an American voice; the PDF and HTML say en-GB.
    word = WordDocument(io.BytesIO(render_document(document, "docx")))
    defaults = word.styles.element.find(qn("w:docDefaults"))
    language = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:lang"))
    assert language.get(qn("w:val")) == "en-GB"
    # No style of the template says otherwise.
    assert not [
        lang.get(qn("w:val"))
        for lang in word.styles.element.iter(qn("w:lang"))
        if lang.get(qn("w:val")) not in (None, "en-GB")
    ]


def test_xlsx_sheet_names_are_cut_at_a_words_end(document):
    # Demo 2025/26: "T7 Complaints by service or tea", "T2 Representations received mon".
    book = load_workbook(io.BytesIO(render_document(document, "xlsx")))
    assert "T2 Representations received" in book.sheetnames
    assert "T8 Complaints by service or" in book.sheetnames
    assert all(len(name) <= 31 for name in book.sheetnames)


def test_xlsx_sheet_says_what_it_is_and_that_its_notes_follow_the_table(document):
    table = next(t for t in document.tables() if t.notes)
    book = load_workbook(io.BytesIO(render_document(document, "xlsx")))
    (sheet,) = [
        book[name] for name in book.sheetnames[1:] if book[name]["A1"].value == table.caption
    ]
    assert sheet["A2"].value == (
        f"{document.organisation}, {document.period_label}. Internal version: not for "
        "publication. Notes are below the table."
    )
    column_a = [row[0] for row in sheet.iter_rows(values_only=True) if row[0] is not None]
    assert column_a[-len(table.notes) :] == table.notes


# Demo 2025/26's representations by month (as 2019/20's months): eighteen record types,
# most of their cells "fewer than 5" in the public version, whose labels wrap.
DEMO_MONTHS = {
    "ad_hoc": [3, 1, 0, 1, 3, 1, 0, 2, 0, 1, 0, 1],
    "area_initiated": [0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1],
    "case_concern": [3, 3, 4, 2, 1, 1, 4, 3, 1, 1, 8, 2],
    "comment": [1, 1, 1, 1, 0, 1, 0, 0, 0, 2, 0, 1],
    "complaint": [13, 8, 9, 14, 9, 12, 9, 11, 5, 8, 8, 6],
    "compliment": [1, 2, 3, 1, 3, 1, 0, 3, 2, 4, 0, 3],
    "corporate_complaint": [0, 0, 1, 1, 1, 0, 1, 1, 1, 0, 0, 1],
    "foi_request": [2, 0, 2, 0, 1, 0, 2, 1, 1, 0, 1, 1],
    "informal_representation": [2, 6, 5, 1, 2, 4, 2, 2, 2, 3, 2, 2],
    "lgsco": [0, 0, 0, 0, 2, 2, 0, 0, 0, 1, 1, 0],
    "miscellaneous": [0, 1, 0, 0, 0, 0, 1, 0, 1, 0, 1, 0],
    "mp_councillor_enquiry": [2, 7, 2, 2, 4, 5, 2, 4, 4, 2, 3, 4],
    "non_statutory_complaint": [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2],
    "pre_complaint": [0, 2, 2, 2, 0, 0, 2, 1, 2, 0, 1, 0],
    "referral": [0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 0],
    "refused": [1, 1, 0, 0, 0, 0, 2, 0, 0, 0, 2, 1],
    "school_complaint": [0, 1, 1, 1, 0, 0, 0, 1, 0, 1, 1, 0],
    "subject_access_request": [0, 2, 1, 0, 1, 3, 1, 2, 2, 0, 3, 1],
}


@pytest.mark.parametrize("public", [False, True])
def test_the_sentence_on_the_busiest_month_is_on_the_page_of_the_monthly_table(public):
    # Public demo 2025/26: "The most representations were received in May 2025 (36)..."
    # followed the landscape table, did not fit under it, and opened the next page, above
    # the table of how representations were received, away from the one it reads.
    months = [f"2019-{m:02}" for m in range(4, 13)] + [f"2020-{m:02}" for m in range(1, 4)]
    by_month = {
        month: {kind: counts[n] for kind, counts in DEMO_MONTHS.items() if counts[n]}
        for n, month in enumerate(months)
    }
    by_type = {kind: sum(counts) for kind, counts in DEMO_MONTHS.items()}
    report = sample_report(
        measures={"representations.by_month": by_month, "representations.by_type": by_type}
    )
    document = build_document(report, public=public, labels=Labels.load())
    pages, sizes = pdf_pages(render_document(document, "pdf"))
    [monthly] = [n for n, page in enumerate(pages) if "month by month" in page]
    assert "841.89 x 595.276 pts (A4)" in sizes[monthly]  # landscape
    assert "The most representations were received in May 2019 (36)" in pages[monthly]
    html = render_document(document, "html").decode()
    assert html.index("The most representations were received") < html.index('id="table-by_month"')


def sheet_of(book, document, id: str):
    """The sheet of the document's table ``id``, and the table."""
    table = next(t for t in document.tables() if t.id == id)
    (name,) = [name for name in book.sheetnames[1:] if book[name]["A1"].value == table.caption]
    return book[name], table


def below_the_table(sheet, table) -> list[str]:
    first = 3 + len(table.rows) + 2  # title, about line, header row, the rows, a blank row
    return [row[0] for row in sheet.iter_rows(min_row=first, values_only=True) if row[0]]


def compared_in_points(document) -> list[str]:
    section = next(s for s in document.sections if s.id == "timeliness")
    return [t for t in section.texts() if "percentage point" in t]


@pytest.mark.parametrize("public", [False, True])
def test_xlsx_compares_the_stage_1_bands_with_last_year_in_percentage_points_as_the_others_do(
    public,
):
    # Isle of Wight 2019/20 (1.4.4) compares each band's share in percentage points; the
    # HTML, PDF and Word versions printed it beside the chart, the workbook not at all.
    report = sample_report()
    report["comparisons"]["2018/19"]["stage1.bands"] = {
        "within_10": 20,
        "11_to_20": 5,
        "over_20": 2,
    }
    document = build_document(report, public=public, labels=Labels.load())
    [sentence] = compared_in_points(document)
    assert "percentage points (from 74% to 68%)" in sentence
    sheet, bands = sheet_of(
        load_workbook(io.BytesIO(render_document(document, "xlsx"))), document, "bands"
    )
    assert below_the_table(sheet, bands) == [sentence, *bands.notes]
    assert sheet["A2"].value.endswith("Notes are below the table.")
    # The same words in the other formats, once each.
    assert render_document(document, "html").decode().count(f">{sentence}<") == 1
    word = WordDocument(io.BytesIO(render_document(document, "docx")))
    assert [p.text for p in word.paragraphs].count(sentence) == 1


def test_xlsx_says_nothing_of_percentage_points_without_an_earlier_year():
    report = sample_report()
    report["comparisons"] = {}
    document = build_document(report, labels=Labels.load())
    assert compared_in_points(document) == []
    sheet, bands = sheet_of(
        load_workbook(io.BytesIO(render_document(document, "xlsx"))), document, "bands"
    )
    assert below_the_table(sheet, bands) == bands.notes


def test_xlsx_sheets_say_what_the_text_beside_their_tables_says_of_their_rows():
    # Demo 2025/26: Table 9's sought and actual columns added to 146 of 112 complaints and
    # 141 of 109 responses, and Table 15 counted 10 enquiries beside Table 1's 6 'Ombudsman
    # enquiry' records; the other formats say why beside the table, the workbook did not.
    report = sample_report()
    report["measures"]["lgsco.received"] = 6
    document = build_document(report, labels=Labels.load())
    book = load_workbook(io.BytesIO(render_document(document, "xlsx")))
    for id, starts in [
        ("outcomes", "A complaint can seek, and a response give, more than one outcome."),
        ("ombudsman", "These are the cases of any type on which an Ombudsman enquiry"),
    ]:
        sheet, table = sheet_of(book, document, id)
        [said] = [t for t in section_texts(document) if t.startswith(starts)]
        assert below_the_table(sheet, table) == [said, *table.notes]
        assert sheet["A2"].value.endswith("Notes are below the table.")


def test_xlsx_gives_each_change_on_last_year_as_a_difference_and_a_percentage_that_sort(
    document,
):
    # Demo 2025/26, Table 4: "+6 (+10%)" was text, which no one could sort or chart.
    book = load_workbook(io.BytesIO(render_document(document, "xlsx")))
    sheet, table = sheet_of(book, document, "bands")
    header = [c.value for c in sheet[3]]
    assert header[-2:] == ["Change on 2018/19", "Percentage change on 2018/19"]
    rows = {row[0].value: row[-2:] for row in sheet.iter_rows(min_row=4)}
    # The document prints these "+14 (+280%)" and "−12 (−63%)".
    rise, fall = rows["Within 10 working days"], rows["11 to 20 working days"]
    assert [(c.value, c.number_format) for c in rise] == [(14, "+0;-0;0"), (2.8, "+0%;-0%;0%")]
    assert [c.value for c in fall] == [-12, -0.63]
    assert [c.value for c in rows["Total"]] == [None, None]
    # From none the year before: a difference, and "new" for its percentage, as printed.
    sheet, _ = sheet_of(book, document, "complainant_types")
    rows = {row[0]: row[-2:] for row in sheet.iter_rows(min_row=4, values_only=True)}
    assert rows["Other relative"] == (2, "new")
    # The other formats keep the one cell of text.
    assert table.rows[0].cells[-1].text == "+14 (+280%)"
    assert '--numeric">+14 (+280%)</td>' in render_document(document, "html").decode()
    word = WordDocument(io.BytesIO(render_document(document, "docx")))
    # Word's no-break space keeps it on one line.
    assert any(row.cells[-1].text == "+14\xa0(+280%)" for t in word.tables for row in t.rows)


def test_public_xlsx_withholds_both_figures_of_a_withheld_change(public_document):
    # Public sample 2019/20, Table 4: 2018/19's 5 within 10 working days is withheld, and
    # so is its change ("+14 (+280%)" would give it away).
    book = load_workbook(io.BytesIO(render_document(public_document, "xlsx")))
    sheet, _ = sheet_of(book, public_document, "bands")
    rows = {row[0]: row[1:] for row in sheet.iter_rows(min_row=4, values_only=True)}
    assert rows["Within 10 working days"] == (19, "withheld", 19, 19, "withheld", "withheld")


def test_xlsx_keeps_the_number_behind_less_than_1_percent_and_shows_the_words():
    # Demo 2025/26, Table 1: "less than 1%" was text in the workbook, which neither sorts
    # nor sums, and a change of +1 on 338 showed as "+0%", which reads as none.
    report = sample_report(
        {
            "complaints.total": 340,
            "complaints.natures": {"conduct_of_worker": 1, "quality_of_service": 339},
        }
    )
    report["comparisons"]["2018/19"]["complaints.natures"] = {
        "conduct_of_worker": 2,
        "quality_of_service": 338,
    }
    document = build_document(report, labels=Labels.load())
    book = load_workbook(io.BytesIO(render_document(document, "xlsx")))
    sheet, table = sheet_of(book, document, "natures")
    header = [c.value for c in sheet[3]]
    cells = {row[0].value: row[1:] for row in sheet.iter_rows(min_row=4)}
    few = cells["Conduct of worker"][header.index("% of 340 complaints") - 1]
    most = cells["Quality of service"][header.index("% of 340 complaints") - 1]
    # As exact as the file keeps a number (15 significant figures).
    assert (few.value, few.number_format) == (pytest.approx(1 / 340), '"less than 1%"')
    assert (most.value, most.number_format) == (pytest.approx(339 / 340), '"more than 99%"')
    rise = cells["Quality of service"][-2:]
    fall = cells["Conduct of worker"][-2:]
    assert [(c.value, c.number_format) for c in rise] == [
        (1, "+0;-0;0"),
        (pytest.approx(1 / 338), '"less than 1%"'),
    ]
    assert [c.value for c in fall] == [-1, -0.5]
    # What every other format prints.
    printed = {row.cells[0].text: [c.text for c in row.cells[1:]] for row in table.rows}
    assert "less than 1%" in printed["Conduct of worker"]
    assert "+1 (less than 1%)" in printed["Quality of service"]
