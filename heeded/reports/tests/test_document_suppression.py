"""The public version: small counts hidden, and never recoverable from a total."""

import pytest

from heeded.reports.document import Labels, _hidden_with, build_document
from heeded.reports.document.structure import Cell, Chart, Row, Table
from heeded.reports.document.suppression import (
    disclosed,
    disclosed_across,
    figure,
    suppress_table,
    suppress_tables,
    to_leave_out,
    too_small_to_publish,
)

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


def texts(table: Table) -> list[str]:
    return [row.cells[1].text for row in table.rows]


def test_two_hidden_ones_beside_a_total_that_leaves_2_are_forced_so_another_part_is_withheld():
    # The user review's Table "Reasons for refusal": Court proceedings 5, two reasons shown
    # as "fewer than 5" and a total of 7, so both hidden reasons had to be 1. Withholding
    # Court proceedings is not enough: a withheld count is at least 5 (under 5 it would read
    # "fewer than 5"), so 5 + 1 + 1 = 7 gives all three away, and the total goes too.
    t = suppress_table(counts_table([5, 1, 1]), 5)
    assert texts(t) == ["withheld", "fewer than 5", "fewer than 5", "withheld"]
    assert disclosed(t, 5) == []


def hidden_as_printed(values: list[int], withheld: int, threshold: int) -> Table:
    """A counts table printed with the first count withheld and the others "fewer than"."""
    t = counts_table(values)
    for r in range(len(values)):
        t.rows[r].cells[1].suppressed = "secondary" if r < withheld else "primary"
    return t


def test_a_withheld_count_is_known_to_be_at_least_the_threshold_not_at_least_1():
    # withheld, fewer than 5, fewer than 5, total 8: 5 + 1 + 2, 5 + 2 + 1 or 6 + 1 + 1.
    assert disclosed(hidden_as_printed([6, 1, 1], 1, 5), 5) == []
    # Total 7: only 5 + 1 + 1, although with a withheld count of "at least 1" the withheld
    # one could have been anything from 1 to 5.
    assert disclosed(hidden_as_printed([5, 1, 1], 1, 5), 5) == [[(0, 1), (1, 1), (2, 1)]]
    # The organisation's threshold: fewer than 10 twice beside a withheld count and 12.
    assert disclosed(hidden_as_printed([10, 1, 1], 1, 10), 10) == [[(0, 1), (1, 1), (2, 1)]]
    assert disclosed(hidden_as_printed([10, 2, 1], 1, 10), 10) == []


def statutory_rows(values: list[int]) -> Table:
    """Table 1's statutory rows: complaint, converted into a complaint, the rest; their
    subtotal, and the first two adding up to the complaints the summary states."""
    rows = [Row([Cell(f"row {i}"), Cell(str(v), v)]) for i, v in enumerate(values)]
    rows.append(Row([Cell("Total statutory"), Cell(str(sum(values)), sum(values))], "subtotal"))
    n = len(values)
    sums = [((n, 1), [(i, 1) for i in range(n)]), (None, [(0, 1), (1, 1)])]
    return Table("t", "Table", ["Type", "Count"], rows, sums=sums)


def test_a_hidden_row_given_away_by_subtracting_one_sum_from_another_is_protected():
    # Demo Council 2023/24 Table 1 as it was printed: complaint and converted rows withheld
    # (61 and 6, adding up to the 67 complaints the summary states), area initiated "fewer
    # than 5", 12 refused, 81 statutory: no sum forced on its own, but 81 - 67 - 12 = 2.
    printed = statutory_rows([61, 6, 2, 12])
    for r, how in enumerate(["secondary", "secondary", "primary"]):
        printed.rows[r].cells[1].suppressed = how
    assert disclosed(printed, 5) == [[(2, 1), (3, 1)]]
    # Suppressed afresh, the refused row is withheld, which leaves 81 - 67 = 14 for a count
    # from 1 to 4 and one of 5 or more.
    t = suppress_table(statutory_rows([61, 6, 2, 12]), 5)
    assert texts(t) == ["61", "6", "fewer than 5", "withheld", "81"]
    assert disclosed(t, 5) == []


def test_the_cell_withheld_is_one_whose_hiding_gives_nothing_away_elsewhere():
    # Isle of Wight 2019/20 Table 1: complaints 28 and 2 converted (30 complaints, stated
    # elsewhere), 8 refused, subtotal 38. Withholding the smaller 8 would leave it as
    # 38 - 30; withholding the 28 gives nothing away.
    t = suppress_table(statutory_rows([28, 2, 8]), 5)
    assert texts(t) == ["withheld", "fewer than 5", "8", "38"]
    assert disclosed(t, 5) == []


def test_hidden_counts_that_must_all_be_4_are_forced_so_another_part_is_withheld():
    t = suppress_table(counts_table([4, 4, 20]), 5)  # 28 - 20 leaves 8: both must be 4
    assert texts(t) == ["fewer than 5", "fewer than 5", "withheld", "28"]
    t = suppress_table(counts_table([4, 4, 4, 30, 12]), 5)  # 12 left for three: all 4
    assert texts(t) == ["fewer than 5", "fewer than 5", "fewer than 5", "30", "withheld", "54"]
    assert disclosed(t, 5) == []


def test_hidden_counts_at_the_top_of_the_organisations_range_are_forced():
    t = suppress_table(counts_table([9, 9, 50]), 10)  # 18 left for two under 10: both 9
    assert texts(t) == ["fewer than 10", "fewer than 10", "withheld", "68"]


def test_hidden_counts_that_could_add_up_in_more_than_one_way_need_no_more():
    # 5 left for two counts from 1 to 4: 1 and 4, 2 and 3, 3 and 2 or 4 and 1.
    assert texts(suppress_table(counts_table([1, 4, 30]), 5)) == [
        "fewer than 5",
        "fewer than 5",
        "30",
        "35",
    ]
    # 7 left for three: 1, 2 and 4, 2, 2 and 3, ...
    assert texts(suppress_table(counts_table([1, 2, 4, 30]), 5))[:4] == ["fewer than 5"] * 3 + [
        "30"
    ]


def test_a_forced_set_with_only_zeros_beside_it_withholds_the_total():
    t = suppress_table(counts_table([0, 4, 4]), 5)  # a total of 8 would make both 4
    assert texts(t) == ["0", "fewer than 5", "fewer than 5", "withheld"]


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
    # counted with the complaints (30), so nothing beside it need be withheld.
    assert "Pre-complaint to Complaint (statutory)" not in statutory
    assert statutory["Complaint (statutory), including converted"] == "30"
    assert statutory["Refused"] == "8"
    assert statutory["Total statutory representations"] == "38"
    # No sum in any table gives a hidden count away, alone or as one of a forced set.
    for table in document.tables():
        assert disclosed(table, 5) == [], table.caption
    young = next(s for s in document.sections if s.id == "young_people")
    assert "Fewer than 5 complaints were made by children or young people" in young.blocks[0].text


@pytest.mark.django_db
def test_a_conversion_too_small_to_publish_is_counted_with_its_type_not_beside_it():
    # 28 complaints plus 2 converted pre-complaints make the 30 complaints the summary
    # prints. Printed apart, the 2 was "fewer than 5" and the 28 had to be withheld (30 - 28
    # gave it away): a public report without its number of complaints. Counted together,
    # the row is the 30, and says so.
    document = build_document(sample_report(), public=True, labels=Labels.load())
    table_1 = next(t for t in document.tables() if t.id == "representations")
    rows = {r.label: r.cells[1].text for r in table_1.rows}
    assert rows["Complaint (statutory), including converted"] == "30"
    assert not any(label.endswith("to Complaint (statutory)") for label in rows)
    assert rows["Total statutory representations"] == "38"
    assert table_1.notes[0] == (
        "Complaint (statutory) includes the records converted into it from other types: "
        "counted apart, some would be too small to publish."
    )
    assert disclosed(table_1, 5) == []
    # The internal version keeps each conversion on its own row.
    internal = build_document(sample_report(), labels=Labels.load())
    rows = {r.label: r.cells[1].text for r in internal.tables()[0].rows}
    assert (rows["Complaint (statutory)"], rows["Pre-complaint to Complaint (statutory)"]) == (
        "28",
        "2",
    )


@pytest.mark.django_db
def test_conversions_large_enough_to_publish_keep_their_own_rows_in_public():
    report = sample_report()
    for period in [report["measures"], *report["comparisons"].values()]:
        converted = period.get("representations.converted") or {}
        for targets in converted.values():
            for target, n in targets.items():
                if n:
                    targets[target] = n + 5
                    period["representations.by_type"][target] += 5
                    period["representations.by_family"]["statutory"] += 5
                    period["representations.total"] += 5
                    if "complaints.total" in period:
                        period["complaints.total"] += 5
    document = build_document(report, public=True, labels=Labels.load())
    rows = {r.label: r.cells[1].text for r in document.tables()[0].rows}
    assert rows["Pre-complaint to Complaint (statutory)"] == "7"
    assert rows["Complaint (statutory)"] == "28"


def refused_7(report: dict) -> dict:
    """The user review's refusals (Court proceedings 5, Not an eligible complainant 1,
    Criminal investigation 1: 7), in place of the sample's 8, every total kept consistent."""
    m = report["measures"]
    m["refusals.reasons"] = {
        "court_proceedings": 5,
        "not_eligible_complainant": 1,
        "criminal_investigation": 1,
    }
    m["representations.by_type"]["refused"] = 7
    m["representations.by_month"]["2019-05"]["refused"] = 0
    m["representations.by_family"]["statutory"] = 37
    m["representations.total"] = 67
    return report


@pytest.mark.django_db
@pytest.mark.usefixtures("every_table_printed")
def test_public_reasons_for_refusal_court_5_and_two_hidden_reasons_total_7_withholds_the_total():
    # Printed "5, fewer than 5, fewer than 5, 7" in the user review's report, then
    # "withheld, fewer than 5, fewer than 5, 7": still 5 + 1 + 1, a withheld count being
    # at least 5.
    document = build_document(refused_7(sample_report()), public=True, labels=Labels.load())
    refusals = next(t for t in document.tables() if t.id == "refusals")
    rows = {r.label: r.cells[1].text for r in refusals.rows}
    assert rows == {
        "Court proceedings": "withheld",
        "Not an eligible complainant": "fewer than 5",
        "Criminal investigation": "fewer than 5",
        "Total": "withheld",
    }
    for table in document.tables():
        assert disclosed(table, 5) == [], table.caption
    # The same 7 refused is withheld wherever else the report prints it: Table 1, the
    # month-by-month table's row total and the text.
    table_1 = next(t for t in document.tables() if t.id == "representations")
    assert {r.label: r.cells[1].text for r in table_1.rows}["Refused"] == "withheld"
    by_month = next(t for t in document.tables() if t.id == "by_month")
    assert {r.label: r.cells[-1].text for r in by_month.rows}["Refused"] == "withheld"
    section = next(s for s in document.sections if s.id == "refusals")
    assert section.blocks[0].text == (
        "The number of complaints refused is not published in this version, to protect privacy."
    )


@pytest.mark.django_db
@pytest.mark.usefixtures("every_table_printed")
def test_the_sample_reports_two_refusal_reasons_of_1_beside_court_6_and_total_8_are_protected():
    # Isle of Wight-shaped 2019/20: 6 court proceedings, 1 out of time, 1 not eligible.
    document = build_document(sample_report(), public=True, labels=Labels.load())
    refusals = next(t for t in document.tables() if t.id == "refusals")
    rows = {r.label: r.cells[1].text for r in refusals.rows}
    assert rows["Court proceedings"] == "withheld"
    assert rows["Out of time"] == rows["Not an eligible complainant"] == "fewer than 5"
    assert rows["Total"] == "8"


@pytest.mark.django_db
@pytest.mark.usefixtures("every_table_printed")
def test_a_public_chart_whose_table_hides_a_count_is_replaced_by_its_table():
    # 2019/20 Stage 1 bands: 19, 7 and 2; a bar labelled "2" would print the hidden count.
    internal = build_document(sample_report(), labels=Labels.load())
    public = build_document(sample_report(), public=True, labels=Labels.load())
    timeliness = next(s for s in public.sections if s.id == "timeliness")
    assert not any(isinstance(b, Chart) for b in timeliness.blocks)
    bands = next(b for b in timeliness.blocks if isinstance(b, Table) and b.id == "bands")
    assert [r.cells[1].text for r in bands.rows] == ["19", "withheld", "fewer than 5", "28"]
    # Every table is still printed once (but the outcomes by finding, which would bound
    # the one upheld complaint), and no chart left draws a hidden count.
    assert [t.id for t in public.tables()] == [
        t.id for t in internal.tables() if t.id != "by_finding"
    ]
    for section in public.sections:
        for block in section.blocks:
            if isinstance(block, Chart):
                assert not any(c.suppressed for r in block.table.rows for c in r.cells)


@pytest.mark.django_db
@pytest.mark.usefixtures("every_table_printed")
def test_a_public_chart_stays_when_only_a_year_it_does_not_draw_hides_a_count():
    # Demo 2025/26: Table 4 hid 2023/24's 4 responses over 20 working days, and the public
    # version lost the chart of 2025/26 against 2024/25, every bar of it printable.
    report = sample_report({"stage1.bands": {"within_10": 19, "11_to_20": 7, "over_20": 6}})
    report["comparisons"]["2018/19"]["stage1.bands"] = {
        "within_10": 5,
        "11_to_20": 19,
        "over_20": 6,
    }
    report["comparisons"]["2017/18"]["stage1.bands"] = {
        "within_10": 20,
        "11_to_20": 9,
        "over_20": 2,
    }
    public = build_document(report, public=True, labels=Labels.load())
    timeliness = next(s for s in public.sections if s.id == "timeliness")
    chart = next(b for b in timeliness.blocks if isinstance(b, Chart))
    assert chart.series == [("2019/20", [19, 7, 6]), ("2018/19", [5, 19, 6])]
    texts = {r.label: [c.text for c in r.cells[1:4]] for r in chart.table.rows}
    assert texts["Over 20 working days"] == ["6", "6", "fewer than 5"]
    # A year the chart draws still takes it away when it hides a count.
    report["comparisons"]["2018/19"]["stage1.bands"]["over_20"] = 3
    public = build_document(report, public=True, labels=Labels.load())
    timeliness = next(s for s in public.sections if s.id == "timeliness")
    assert not any(isinstance(b, Chart) for b in timeliness.blocks)


def statutory_and_other(printed: dict[str, str] | None = None) -> Table:
    """Table 1's 2018/19 column in small: complaints 27 (stated in the summary) and one
    area-initiated complaint; case concerns 6, Ombudsman enquiries 5, ad hoc 10; subtotals
    28 and 21, total 49. ``printed`` sets cells as a reader would see them."""
    values = [("Complaint", 27), ("Area initiated", 1), ("Statutory", 28), ("Case concern", 6)]
    values += [("Ombudsman", 5), ("Ad hoc", 10), ("Other", 21), ("Total", 49)]
    rows = [Row([Cell(label), Cell(str(v), v)]) for label, v in values]
    for label, text in (printed or {}).items():
        cell = next(row.cells[1] for row in rows if row.label == label)
        cell.text = text
        cell.suppressed = "primary" if text.startswith("fewer") else "secondary"
    return Table(
        "t",
        "Representations",
        ["Type", "2018/19"],
        rows,
        sums=[
            ((2, 1), [(0, 1), (1, 1)]),
            ((6, 1), [(3, 1), (4, 1), (5, 1)]),
            ((7, 1), [(2, 1), (6, 1)]),
        ],
        known={(0, 1)},
    )


def test_sums_read_together_give_a_count_away_that_no_sum_gives_alone():
    # As the public Table 1 was printed: the "other" subtotal withheld, but every part of it
    # shown, so it is 21; the total less it is the withheld statutory subtotal, 28; less the
    # 27 complaints it is the one area-initiated complaint.
    t = statutory_and_other(
        {"Area initiated": "fewer than 5", "Statutory": "withheld", "Other": "withheld"}
    )
    assert [(1, 1)] in disclosed(t, 5)


def test_withholding_continues_until_the_sums_together_give_nothing_away():
    t = suppress_table(statutory_and_other(), 5)
    assert disclosed(t, 5) == []
    printed = {row.label: row.cells[1].text for row in t.rows}
    assert printed["Area initiated"] == "fewer than 5"
    assert printed["Complaint"] == "27"  # known from the summary: withholding it hides nothing
    assert printed["Total"] == "49"  # parts are withheld before totals
    assert [printed[k] for k in ("Case concern", "Ombudsman", "Ad hoc")].count("withheld") >= 1


def test_a_month_row_of_small_counts_with_a_small_total_withholds_the_total():
    # Ombudsman enquiries: 1 in each of four months and "fewer than 5" in all. Four counts of
    # at least 1 that add up to fewer than 5 are 1, 1, 1 and 1: the total must say less.
    months = [1, 0, 1, 0, 1, 1]
    cells = [Cell("Ombudsman")] + [Cell(str(v), v) for v in months] + [Cell("4", 4)]
    t = Table(
        "m",
        "By month",
        ["Type"] + [f"M{i}" for i in range(6)] + ["Total"],
        [Row(cells)],
        sums=[((0, 7), [(0, c) for c in range(1, 7)])],
    )
    suppress_table(t, 5)
    assert [c.text for c in t.rows[0].cells[1:]] == ["fewer than 5", "0"] * 2 + [
        "fewer than 5",
        "fewer than 5",
        "withheld",
    ]
    assert disclosed(t, 5) == []


def test_two_way_sums_pin_a_count_that_each_sum_leaves_open():
    # a + b = 11 - 6, a + c = 3 and b + d = 4, every count from 1 to 4: c is at least 1, so
    # a is at most 2 and b at least 3; d is at least 1, so b is at most 3. Each sum alone
    # leaves a range (a from 1 to 4, a from 1 to 2, b from 1 to 3).
    def row(label, *values):
        return Row(
            [Cell(label)] + [Cell("", None) if v is None else Cell(str(v), v) for v in values]
        )

    t = Table(
        "g",
        "Grid",
        ["", "A", "B", "E", "Total"],
        [row("r0", 2, 3, 6, 11), row("r1", 1, None, None, None), row("r2", None, 1, None, None)],
        sums=[
            ((0, 4), [(0, 1), (0, 2), (0, 3)]),  # a + b + 6 = 11
            (None, [(0, 1), (1, 1)]),  # a + c = 3, a total printed elsewhere
            (None, [(0, 2), (2, 2)]),  # b + d = 4
        ],
    )
    for p in [(0, 1), (0, 2), (1, 1), (2, 2)]:
        t.cell(p).suppressed, t.cell(p).text = "primary", "fewer than 5"
    found = disclosed(t, 5)
    assert [parts for parts in found if len(parts) > 1] == []  # no sum gives anything alone
    assert [(0, 2)] in found
    suppress_table(t, 5)
    assert disclosed(t, 5) == []
    assert [c.text for c in t.rows[0].cells[1:]] == ["fewer than 5"] * 2 + ["withheld", "11"]


@pytest.mark.django_db
def test_a_figure_reads_the_same_in_every_table_that_prints_it():
    # 2019/20's 4 Ombudsman enquiries came one in each of four months: the month table
    # withholds the row total (four counts of at least 1 adding up to "fewer than 5" are
    # 1 each), so Table 1 must not print the same 4 as "fewer than 5".
    document = build_document(sample_report(), public=True, labels=Labels.load())
    printed: dict = {}
    for table in document.tables():
        for row in table.rows:
            for cell in row.cells:
                if cell.measure and cell.value is not None:
                    name = figure(cell.measure, cell.key, cell.period, cell.value)
                    printed.setdefault(name, set()).add(cell.text)
    assert {name: texts for name, texts in printed.items() if len(texts) > 1} == {}
    table_1 = next(t for t in document.tables() if t.id == "representations")
    by_month = next(t for t in document.tables() if t.id == "by_month")
    assert {r.label: r.cells[1].text for r in table_1.rows}["Ombudsman enquiry"] == "withheld"
    assert {r.label: r.cells[-1].text for r in by_month.rows}["Ombudsman enquiry"] == "withheld"


def test_a_withheld_total_two_tables_print_makes_their_parts_add_up_alike():
    # Each table alone: a withheld 10, 20 (or 23) and a "fewer than 5" under a withheld
    # total say nothing. Read together, the two totals are one figure, as are the two 10s:
    # 10 + 20 + a = 10 + 23 + b, so a = b + 3, which only 4 and 1 fit.
    def table(id: str, values: list[int], how: list[str]) -> Table:
        rows = [
            Row([Cell(f"row {i}"), Cell(str(v), v, f"{id}.part", str(i))])
            for i, v in enumerate(values)
        ]
        rows[0].cells[1] = Cell("10", 10, "shared.part", "x")
        total = sum(values)
        rows.append(Row([Cell("Total"), Cell(str(total), total, "shared.total")], "total"))
        n = len(values)
        t = Table(id, id, ["", "n"], rows, sums=[((n, 1), [(i, 1) for i in range(n)])])
        for r, kind in enumerate(how):
            if kind:
                t.rows[r].cells[1].suppressed = kind
        return t

    how = ["secondary", "", "primary", "secondary"]
    a, b = table("a", [10, 20, 4], how), table("b", [10, 23, 1], how)
    assert disclosed(a, 5) == [] and disclosed(b, 5) == []
    assert [sorted(p for _, p in found) for found in disclosed_across([a, b], 5)] == [
        [(2, 1)],
        [(2, 1)],
    ]


def test_tables_that_give_a_count_away_together_lose_one_of_them():
    # As above: 79 - 40 says the same 30 and 9 add up to 39, and 41 - 39 that the first
    # table's "fewer than 5" is 2. Withholding cells one by one would not free it; leaving
    # one table out does, and Table 1 (kept) is never the one left out.
    first = named(counts_table([2, 30, 9]), "m")
    second = named(counts_table([40, 30, 9]), "m")
    second.rows[0].cells[1].measure = "other"
    first.id, second.id = "representations", "second"
    suppress_tables([first, second], 5)
    assert disclosed_across([first, second], 5) != []
    assert to_leave_out([first, second], 5, keep=("representations",)) is second
    assert to_leave_out([first, second], 5) is second  # the later of two of a size
    assert to_leave_out([first], 5) is None and disclosed_across([first], 5) == []


@pytest.mark.django_db
def test_a_table_left_out_takes_its_figures_out_of_the_text_too():
    report = sample_report()
    every = build_document(report, labels=Labels.load())
    refusals = next(t for t in every.tables() if t.id == "refusals")
    document = build_document(report, public=True, labels=Labels.load())
    hidden = _hidden_with({}, every.tables(), [t for t in document.tables() if t.id != "refusals"])
    reasons = [row.cells[1] for row in refusals.rows if row.kind != "total"]
    assert {
        hidden.get(figure(c.measure, c.key, c.period, c.value)) for c in reasons if c.value
    } == {"secondary"}


@pytest.mark.django_db
def test_outcomes_by_finding_do_not_pin_a_hidden_finding():
    # Table 10: 8 upheld (withheld beside 1 withdrawn), 9 partially upheld, 10 not upheld,
    # 1 withdrawn: the upheld and withdrawn add up to 9, a withheld count and one from 1 to
    # 4. Table 11 printed 8 upheld complaints given an apology, so at least 8 were upheld,
    # and the withdrawn was 1.
    report = sample_report()
    report["measures"]["stage1.outcomes"] = {
        "upheld": 8,
        "partially_upheld": 9,
        "not_upheld": 10,
        "withdrawn": 1,
    }
    report["supplementary"]["stage1_outcome_by_decision"] = {
        "apology": {"upheld": 8, "partially_upheld": 5},
        "explanation": {"partially_upheld": 4, "not_upheld": 10},
    }
    document = build_document(report, public=True, labels=Labels.load())
    findings = next(t for t in document.tables() if t.id == "findings")
    printed = {r.label: r.cells[1].text for r in findings.rows}
    assert (printed["Upheld"], printed["Withdrawn"]) == ("withheld", "fewer than 5")
    assert "by_finding" not in [t.id for t in document.tables()]
    assert disclosed_across(document.tables(), 5) == []
    assert any(
        "actual outcomes by investigation outcome are not published" in text
        for section in document.sections
        for text in section.texts()
    )
    # Nothing else is withheld for it, and the internal version keeps the table.
    assert (printed["Partially upheld"], printed["Total"]) == ("9", "28")
    internal = build_document(report, labels=Labels.load())
    assert "by_finding" in [t.id for t in internal.tables()]


def test_a_table_is_too_small_to_publish_when_more_than_half_of_its_counts_are_hidden():
    # Two "fewer than 5" beside 30 and a total of 35: half hidden, and the 30 says plenty.
    assert not too_small_to_publish(suppress_table(counts_table([2, 3, 30]), 5))
    # 1, 1 and 6 of 8: the 6 is withheld too, so three of the four counts are hidden.
    small = suppress_table(counts_table([1, 1, 6]), 5)
    assert texts(small) == ["fewer than 5", "fewer than 5", "withheld", "8"]
    assert too_small_to_publish(small)


def test_zeros_are_printed_counts_so_a_table_of_zeros_beside_one_small_count_is_printed():
    # "Nobody complained about these" is a finding; the grid is not mostly hidden.
    t = suppress_table(counts_table([0, 0, 0, 2]), 5)
    assert texts(t) == ["0", "0", "0", "fewer than 5", "fewer than 5"]
    assert not too_small_to_publish(t)


TOO_SMALL_REFUSALS = (
    "The table of reasons for refusal is not published in this version: its numbers are too "
    'small to publish (most would read "fewer than 5" or "withheld").'
)


@pytest.mark.django_db
def test_isle_of_wight_2019_20_reasons_for_refusal_give_way_to_a_line_saying_they_are_too_small():
    # 6 court proceedings, 1 out of time and 1 not eligible, 8 refused: the table would read
    # "withheld, fewer than 5, fewer than 5, 8", which tells a committee only the 8.
    document = build_document(sample_report(), public=True, labels=Labels.load())
    assert "refusals" not in [t.id for t in document.tables()]
    section = next(s for s in document.sections if s.id == "refusals")
    assert section.texts() == [
        "8 complaints were refused, up from none in 2018/19.",
        TOO_SMALL_REFUSALS,
    ]
    assert TOO_SMALL_REFUSALS in document.not_published
    # The 8 is not small: Table 1 still prints it, each year beside the last.
    table_1 = next(t for t in document.tables() if t.id == "representations")
    assert {r.label: r.cells[1].text for r in table_1.rows}["Refused"] == "8"


@pytest.mark.django_db
def test_a_table_too_small_to_publish_leaves_its_large_figures_to_the_text_and_hides_the_rest():
    # Isle of Wight 2019/20 actual outcomes: the table (mostly "fewer than 5") is not
    # printed, but its 9 explanations were safe to print beside every other table, so the
    # text still names them; the report as printed gives no small count away.
    document = build_document(sample_report(), public=True, labels=Labels.load())
    assert "outcomes" not in [t.id for t in document.tables()]
    outcomes = next(s for s in document.sections if s.id == "outcomes")
    assert outcomes.texts()[0] == (
        "The outcome most often given at Stage 1 was 'Explanation' (9), out of 28 Stage 1 "
        "responses."
    )
    for table in document.tables():
        assert disclosed(table, 5) == [], table.caption
    assert disclosed_across(document.tables(), 5) == []
