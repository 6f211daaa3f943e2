"""The report as an editable Word document (python-docx): real heading styles, tables with
header rows repeated across pages, charts as PNG with alt text, council and period in the
page header and page numbers in the footer."""

from __future__ import annotations

import io

from docx import Document as WordDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from ..document.structure import Chart, Document, Table
from . import charts

MARGIN = Cm(1.8)
TEXT_WIDTH = Cm(21) - 2 * MARGIN
# A wide table (the month-by-month table) has a landscape page of its own.
WIDE_TEXT_WIDTH = Cm(29.7) - 2 * MARGIN
# "+10 (+100%)" and "fewer than 5" on one line at 9 point, a heading such as "% of 112
# complaints" on two.
FIGURE_WIDTH = Cm(2.8)
# An "of which" row's label, set in under the figure it is part of.
PART_INDENT = Cm(0.5)
# Up to this many rows (with the header) a table is kept on one page.
SHORT_TABLE_ROWS = 16


def render(document: Document) -> bytes:
    word = WordDocument()
    _page_setup(word, document)
    word.core_properties.title = f"{document.title} {document.period_label}"
    word.core_properties.author = document.organisation
    _cover(word, document)
    _contents(word, document)
    landscape = False
    for number, section in enumerate(document.sections, start=1):
        if landscape:
            landscape = _orient(word, landscape=False)
        heading = word.add_heading(f"{number}. {section.title}", level=1)
        _bookmark(heading, number, _anchor(section.id))
        # The appendix starts a page, as in the PDF (print.css): it is read apart, as data.
        heading.paragraph_format.page_break_before = section.id == "appendix"
        for n, (block, following) in enumerate(section.with_next()):
            # A wide table turns the page, with the sentence that leads into it ("The most
            # representations were received in May"), as in the PDF; the text after it stays
            # on that page until the next table.
            introduces = block.kind == "paragraph" and following is not None
            introduces = introduces and following.kind in ("table", "chart")
            wide = _wide(block) or (introduces and _wide(following))
            if wide != landscape and (wide or block.kind in ("table", "chart")):
                landscape = _orient(word, landscape=wide)
            _block(word, block, opening=n == 0, introduces=introduces)
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def _page_setup(word, document: Document) -> None:
    styles = word.styles
    styles["Normal"].font.name = "Arial"
    styles["Normal"].font.size = Pt(10.5)
    for name in ("Title", "Heading 1", "Heading 2", "Heading 3", "Caption"):
        styles[name].font.name = "Arial"
        _without_theme_fonts(styles[name])
    # A table's or a chart's title stays on the page of what it names.
    styles["Caption"].paragraph_format.keep_with_next = True
    _british_english(word)
    section = word.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = MARGIN
    section.different_first_page_header_footer = True
    _update_fields_on_opening(word)
    header = section.header.paragraphs[0]
    header.text = f"{document.organisation} · {document.title} {document.period_label}"
    header.runs[0].font.size = Pt(8)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    footer.add_run("Page ")
    _field(footer, "PAGE")
    footer.add_run(" of ")
    _field(footer, "NUMPAGES")


def _british_english(word) -> None:
    """The text's language is British English, as the PDF's and HTML's (lang="en-GB"):
    python-docx's template says US English, so Word marked "organisation" misspelt and a
    screen reader read the report in an American voice."""
    for lang in word.styles.element.iter(qn("w:lang")):
        lang.set(qn("w:val"), "en-GB")


def _update_fields_on_opening(word) -> None:
    """Word keeps a field's last result until told to update it: without this the contents'
    page numbers are empty until someone presses F9."""
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    # Where the schema orders it, before the compatibility settings (Word refuses a file
    # whose settings are out of order).
    settings = word.settings.element
    settings.find(qn("w:compat")).addprevious(update)


def _without_theme_fonts(style) -> None:
    """Word's built-in headings name the theme's fonts (Calibri Light), which win over the
    style's own font name; without them the headings are in Arial like the rest."""
    fonts = style.element.rPr.rFonts if style.element.rPr is not None else None
    if fonts is None:
        return
    for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attribute), None)


def _field(paragraph, code: str) -> None:
    _field_char(paragraph, "begin")
    _instruction(paragraph, code)
    _field_char(paragraph, "end")


def _contents(word, document: Document) -> None:
    """A contents page, as the PDF has: each section with a page reference to its heading.
    LibreOffice works the references out as it lays the pages out; Word when it opens the
    document (``_update_fields_on_opening``). A Word TOC field would be blank in LibreOffice
    until someone updated it there, and it came out blank converted with soffice."""
    title = word.add_paragraph("Contents")
    title.runs[0].font.size, title.runs[0].bold = Pt(16), True
    for number, section in enumerate(document.sections, start=1):
        entry = word.add_paragraph()
        entry.paragraph_format.tab_stops.add_tab_stop(
            TEXT_WIDTH, WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS
        )
        entry.paragraph_format.space_after = Pt(2)
        entry.add_run(f"{number}. {section.title}\t")
        _field(entry, f"PAGEREF {_anchor(section.id)} \\h")
    word.add_page_break()


def _anchor(section_id: str) -> str:
    # Word's bookmark names: letters, digits and underscores, starting with a letter.
    return "section_" + section_id.replace("-", "_")


def _bookmark(paragraph, number: int, name: str) -> None:
    start, end = OxmlElement("w:bookmarkStart"), OxmlElement("w:bookmarkEnd")
    start.set(qn("w:id"), str(number))
    start.set(qn("w:name"), name)
    end.set(qn("w:id"), str(number))
    paragraph._p.insert(1 if paragraph._p.pPr is not None else 0, start)
    paragraph._p.append(end)


def _field_char(paragraph, kind: str) -> None:
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    paragraph.add_run()._r.append(char)


def _instruction(paragraph, code: str) -> None:
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = code
    paragraph.add_run()._r.append(text)


def _cover(word, document: Document) -> None:
    word.add_paragraph(document.organisation).runs[0].font.size = Pt(20)
    if document.department:
        word.add_paragraph(document.department).runs[0].font.size = Pt(14)
    word.add_heading(document.title, level=0)
    word.add_paragraph(document.period_label).runs[0].font.size = Pt(18)
    version = (
        f'Public version: counts from 1 to {document.threshold - 1} are shown as "fewer than '
        f'{document.threshold}".'
        if document.public
        else "Internal version: not for publication."
    )
    word.add_paragraph(version)
    word.add_page_break()


def _wide(block) -> bool:
    return isinstance(block, Table) and block.wide


def _block(word, block, opening: bool = False, introduces: bool = False) -> None:
    """``opening``: the section's first block; ``introduces``: a sentence before a table or a
    chart. As in the PDF, a section's opening sentence goes over the page with what follows
    it (a heading and one line at the foot of a page read as an empty section), a sentence
    with the table it leads into, and a list is not split over pages."""
    if block.kind == "paragraph":
        # "The largest changes on 2024/25:" goes with the list it introduces.
        lead_in = block.text.endswith(":") or introduces
        word.add_paragraph(block.text).paragraph_format.keep_with_next = opening or lead_in
    elif block.kind == "list":
        for n, item in enumerate(block.items, start=1):
            bullet = word.add_paragraph(item, style="List Bullet")
            bullet.paragraph_format.keep_with_next = n < len(block.items)
    elif block.kind == "note":
        _inset(word.add_paragraph(block.text))
    elif block.kind == "quote":
        # Level 2 under the sections' level 1, as the HTML's h3 under its h2: a level 3
        # straight under a level 1 skips a level in Word's navigation pane and for a screen
        # reader (demo 2025/26 DOCX: every learning example and recommendation).
        word.add_heading(block.heading, level=2)
        for part in block.text.split("\n\n"):
            word.add_paragraph(part)
    elif block.kind == "table":
        _table(word, block)
    elif block.kind == "chart":
        _chart(word, block)


def _inset(paragraph) -> None:
    """A note set apart as the HTML and PDF set it (GOV.UK inset text): indented, with a
    grey rule down its left side."""
    borders = OxmlElement("w:pBdr")
    left = OxmlElement("w:left")
    for name, value in (("val", "single"), ("sz", "24"), ("space", "8"), ("color", "B1B4B6")):
        left.set(qn(f"w:{name}"), value)
    borders.append(left)
    # The border first: python-docx then puts the indent after it, as the schema orders them.
    paragraph._p.get_or_add_pPr().append(borders)
    paragraph.paragraph_format.left_indent = Cm(0.6)


def _chart(word, chart: Chart) -> None:
    word.add_paragraph(chart.title, style="Caption")
    word.add_picture(io.BytesIO(charts.png(chart)), width=Cm(16))
    # Alt text: Word reads wp:docPr/@descr.
    inline = word.inline_shapes[-1]._inline
    inline.docPr.set("descr", chart.alt)
    inline.docPr.set("title", chart.title)
    _table(word, chart.table)


def _widths(columns: int, wide: bool) -> list[int]:
    """Column widths: the labels' column wide enough for "Representation (informal)" on
    two lines, the figures sharing the rest. Left to themselves, Word and LibreOffice give
    every column the same width and break labels in mid-word.

    A figure column is never wider than FIGURE_WIDTH and the labels take what it leaves:
    a four-column table gave each year 4 cm for three digits while "Stage 2 investigations
    completed" and "Premature: referred back for local resolution" broke over two lines
    (demo 2025/26 DOCX, Tables 14 and 17)."""
    if columns == 1:
        return [TEXT_WIDTH]
    text = WIDE_TEXT_WIDTH if wide else TEXT_WIDTH
    first = Cm(3.6) if wide else Cm(4.2) if columns > 5 else Cm(5.5)
    rest = int((text - first) / (columns - 1))
    if not wide:
        rest = min(rest, FIGURE_WIDTH)
        first = text - rest * (columns - 1)
    return [first] + [rest] * (columns - 1)


def _fit(grid, columns: int, wide: bool) -> None:
    grid.autofit = False
    # 7.5 point: "fewer than 5" on one line in a month's column of a landscape page.
    size = Pt(7.5) if wide else Pt(9) if columns > 5 else Pt(9.5)
    if wide:
        _cell_margins(grid, Cm(0.08))
    for column, width in zip(grid.columns, _widths(columns, wide), strict=True):
        column.width = width
        for cell in column.cells:
            cell.width = width  # Word reads the cells' widths, LibreOffice the grid's
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.size = size


def _table(word, table: Table) -> None:
    word.add_paragraph(table.caption, style="Caption")
    columns = len(table.header)
    grid = word.add_table(rows=1, cols=columns)
    grid.style = "Light Grid Accent 1" if "Light Grid Accent 1" in _styles(word) else "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.LEFT
    head = grid.rows[0]
    _repeat_header(head)
    for c, (cell, text) in enumerate(zip(head.cells, table.header, strict=True)):
        cell.text = text
        cell.paragraphs[0].runs[0].bold = True
        if c:  # over its figures, which are right-aligned
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for row in table.rows:
        cells = grid.add_row().cells
        for c, (cell, value) in enumerate(zip(cells, row.cells, strict=True)):
            # A figure on one line: "fewer than 5" broken over lines reads as two figures.
            cell.text = value.text.replace(" ", NO_BREAK) if c else value.text
            paragraph = cell.paragraphs[0]
            if c:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            if row.kind in ("total", "subtotal", "group") and paragraph.runs:
                paragraph.runs[0].bold = True
            elif row.kind == "part" and not c:
                # "of which ...", set in under its figure and not bold (the table style
                # makes the first column bold).
                paragraph.paragraph_format.left_indent = PART_INDENT
                for run in paragraph.runs:
                    run.bold = False
    _fit(grid, columns, table.wide)
    _keep_together(grid, table)
    for note in table.notes:
        word.add_paragraph(note).runs[0].font.size = Pt(8.5)
    word.add_paragraph()


NO_BREAK = "\u00a0"


def _orient(word, landscape: bool) -> bool:
    """From here on, landscape (or portrait again) pages, with the same running header and
    page numbers: a new section inherits them, but not a first page without them."""
    section = word.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    long, short = Cm(29.7), Cm(21)
    section.page_width, section.page_height = (long, short) if landscape else (short, long)
    section.different_first_page_header_footer = False
    return landscape


def _cell_margins(grid, margin) -> None:
    """Narrower padding inside the cells than Word's 0.19 cm, for a table of many columns."""
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:w"), str(int(margin.twips)))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    grid._tbl.tblPr.append(margins)


def _keep_together(grid, table: Table) -> None:
    """No row is split over two pages; a short table is not split at all (each row kept
    with the next), where a long one breaks between rows under its repeated header, never
    just after its header or a group's heading row ("Other"), never inside a group short
    enough to keep whole, and never just before a total: demo 2025/26's Table 1 put
    "Total statutory representations" alone at the top of a page, under the header
    repeated, apart from the rows it adds up."""
    kinds = ["header"] + [row.kind for row in table.rows]
    for n, row in enumerate(grid.rows):
        # First among the row's properties: the schema puts it before a header's tblHeader.
        row._tr.get_or_add_trPr().insert(0, OxmlElement("w:cantSplit"))
        if n < len(grid.rows) - 1 and _kept_with_next(kinds, n):
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    paragraph.paragraph_format.keep_with_next = True


def _kept_with_next(kinds: list[str], n: int) -> bool:
    """Whether row ``n`` (0 the header) may not end a page, for ``_keep_together``."""
    if len(kinds) <= SHORT_TABLE_ROWS or kinds[n] in ("header", "group"):
        return True
    if kinds[n + 1] in ("subtotal", "total", "part"):  # nor before an "of which" row
        return True
    if kinds[n + 1] == "group":  # the end of one group: a page may break before the next
        return False
    start = max((i for i in range(n + 1) if kinds[i] == "group"), default=None)
    if start is None:
        return False
    end = next((i for i in range(n + 1, len(kinds)) if kinds[i] == "group"), len(kinds))
    return end - start <= SHORT_TABLE_ROWS


def _repeat_header(row) -> None:
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _styles(word) -> set[str]:
    return {style.name for style in word.styles}
