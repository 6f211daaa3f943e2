"""The public version: small counts hidden, and never recoverable from a total."""

import pytest

from heeded.reports.document import Labels, build_document
from heeded.reports.document.structure import Cell, Row, Table
from heeded.reports.document.suppression import suppress_table, suppress_tables

from .fixtures.sample_report import sample_report


def counts_table(values: list[int]) -> Table:
    rows = [Row([Cell(f"row {i}"), Cell(str(v), v)]) for i, v in enumerate(values)]
    total = sum(values)
    rows.append(Row([Cell("Total"), Cell(str(total), total)], "total"))
    n = len(values)
    return Table("t", "Table", ["Type", "Count"], rows, sums=[((n, 1), [(i, 1) for i in range(n)])])


def test_counts_from_1_to_4_are_fewer_than_5_and_zero_stays_zero():
    t = suppress_table(counts_table([0, 3, 12, 20]), 5)
    assert [row.cells[1].text for row in t.rows] == ["0", "fewer than 5", "withheld", "20", "35"]


def test_the_smallest_other_component_is_withheld_so_the_hidden_one_cannot_be_derived():
    t = suppress_table(counts_table([2, 30, 9]), 5)
    texts = [row.cells[1].text for row in t.rows]
    assert texts == ["fewer than 5", "30", "withheld", "41"]
    assert any("withheld" in note for note in t.notes)


def test_two_small_counts_hide_each_other_and_need_no_more():
    t = suppress_table(counts_table([2, 3, 30]), 5)
    assert [row.cells[1].text for row in t.rows] == ["fewer than 5", "fewer than 5", "30", "35"]


def test_a_single_hidden_component_with_only_zeros_beside_it_withholds_the_total():
    t = counts_table([0, 0, 7])
    t.rows[2].cells[1] = Cell("4", 4)
    t.rows[3].cells[1] = Cell("9", 9)  # a total the suppression must not leave beside one cell
    suppress_table(t, 5)
    assert t.rows[3].cells[1].text == "withheld"


def named(table: Table, measure: str) -> Table:
    """The table's count cells named as figures of ``measure``, keyed by their row."""
    for r, row in enumerate(table.rows):
        row.cells[1].measure, row.cells[1].key = measure, f"row {r}"
    return table


def test_a_figure_withheld_in_one_table_is_withheld_wherever_else_it_is_printed():
    first = named(counts_table([2, 30, 9]), "m")  # withholds 9 so that 2 cannot be derived
    second = named(counts_table([40, 30, 9]), "m")  # prints the same 30 and 9 ...
    second.rows[0].cells[1].measure = "other"  # ... beside a figure of its own
    suppress_tables([first, second], 5)
    # 9 is withheld in the second table too, then 30 (its smallest other part) so that 9
    # cannot be worked out from the total 79; and so 30 is withheld in the first as well.
    assert [row.cells[1].text for row in second.rows] == ["40", "withheld", "withheld", "79"]
    assert [row.cells[1].text for row in first.rows] == [
        "fewer than 5",
        "withheld",
        "withheld",
        "41",
    ]


def test_a_figure_another_table_prints_as_known_is_never_the_one_withheld():
    first = named(counts_table([2, 30, 9]), "m")
    known_elsewhere = named(counts_table([9]), "m")
    known_elsewhere.known.add((0, 1))  # e.g. a headline total stated in the summary
    known_elsewhere.rows[0].cells[1].key = "row 2"
    suppress_tables([first, known_elsewhere], 5)
    assert [row.cells[1].text for row in first.rows] == [
        "fewer than 5",
        "withheld",
        "9",
        "41",
    ]


def test_the_threshold_is_the_organisations():
    t = suppress_table(counts_table([6, 12]), 10)
    assert t.rows[0].cells[1].text == "fewer than 10"


@pytest.mark.django_db
def test_public_document_hides_small_counts_in_tables_and_text():
    document = build_document(sample_report(), public=True, labels=Labels.load(), threshold=5)
    representations = next(t for t in document.tables() if t.id == "representations")
    statutory = {r.label: r.cells[1].text for r in representations.rows}
    # 2019/20: 28 complaints, 2 converted pre-complaints, 8 refused, subtotal 38. The 2 is
    # hidden, so one other row is withheld too, or 38 - 28 - 8 would give it.
    assert statutory["Pre-complaint to Complaint (statutory)"] == "fewer than 5"
    assert "withheld" in (statutory["Refused"], statutory["Complaint (statutory)"])
    assert statutory["Total statutory representations"] == "38"
    # No sum in any table is left with exactly one hidden component.
    for table in document.tables():
        for total, components in table.sums:
            hidden = [p for p in components if table.cell(p).suppressed and p not in table.known]
            shown_total = total is None or not table.cell(total).suppressed
            assert not shown_total or len(hidden) != 1, table.caption
    young = next(s for s in document.sections if s.id == "young_people")
    assert (
        "Fewer than 5 complaints were made by children or young people" in young.blocks[0].items[0]
    )


@pytest.mark.django_db
def test_a_count_hidden_in_table_1_cannot_be_worked_out_from_the_number_of_complaints():
    # 28 complaints plus 2 converted pre-complaints make the 30 complaints the summary
    # prints, so with the 2 hidden the 28 must be withheld as well.
    document = build_document(sample_report(), public=True, labels=Labels.load())
    table_1 = next(t for t in document.tables() if t.id == "representations")
    rows = {r.label: r.cells[1].text for r in table_1.rows}
    assert rows["Pre-complaint to Complaint (statutory)"] == "fewer than 5"
    assert rows["Complaint (statutory)"] == "withheld"
    assert rows["Total statutory representations"] == "38"
