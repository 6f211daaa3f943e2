"""Sections on what was received: representations by type, month, route and complainant."""

from __future__ import annotations

from . import wording
from .context import NR, Context
from .labels import NOT_CONVERTED
from .structure import TOTAL, BulletList, Cell, Note, Paragraph, Row, Section, Table, sentence
from .suppression import is_small


def representations_table(ctx: Context) -> Table:
    """Isle of Wight 2019/20 Table 1.1: record types grouped statutory / other, by year.

    A converted case counts under its current record type in ``representations.by_type``;
    here it is taken out of that row and shown on its own row ("Pre-complaint to Complaint
    (statutory)") from ``representations.converted``, so every subtotal is the sum of the
    rows above it by construction.
    """
    periods = ctx.periods(True)
    rows_by_family: dict[str, list[tuple[str, str, dict]]] = {"statutory": [], "other": []}
    types = {p: dict(ctx.m("representations.by_type", p) or {}) for p in periods}
    conversions: dict[tuple[str, str], dict] = {}
    for p in periods:
        for source, targets in (ctx.m("representations.converted", p) or {}).items():
            for target, n in targets.items():
                conversions.setdefault((source, target), {})[p] = n
    merged = _counted_with_conversions(ctx, conversions)
    conversions = {key: n for key, n in conversions.items() if key[1] not in merged}
    for (_, target), counts in conversions.items():
        for p, n in counts.items():
            types[p][target] = types[p].get(target, 0) - n
    codes = ctx.labels.order("record_type", [c for v in types.values() for c, n in v.items() if n])
    for code in codes:
        label = ctx.name("record_type", code)
        rows_by_family[ctx.labels.family(code)].append(
            (
                f"{label}, including converted" if code in merged else label,
                "representations.by_type",
                code,
                {p: types[p].get(code, 0) for p in periods},
                code,
            )
        )
        for (source, target), counts in conversions.items():
            if target == code:
                text = f"{ctx.name('record_type', source)} to {label}"
                rows_by_family[ctx.labels.family(target)].append(
                    (text, "representations.converted", f"{source}/{target}", counts, target)
                )

    # Types the report's own period converted cases into: their row's cases are listed
    # without those, as the row counts them.
    converted_into = {target for (_, target), counts in conversions.items() if counts.get(None)}
    header = ["Type of representation"] + [ctx.period_header(p) for p in periods]
    table = Table("representations", "Representations received", header, [])
    by_target: dict[str, list[int]] = {}  # rows that add up to one record type's count
    subtotals = []
    for family, title in (("statutory", "Statutory"), ("other", "Other")):
        table.rows.append(Row([Cell(title)] + [Cell("") for _ in periods], "group"))
        first = len(table.rows)
        for label, measure, code, counts, target in rows_by_family[family]:
            by_target.setdefault(target, []).append(len(table.rows))
            cells = [Cell(label)] + [
                ctx.number_cell(counts.get(p, 0), measure, code, p) for p in periods
            ]
            if measure == "representations.by_type" and code in converted_into:
                cells[1].cases_key = f"{code}/{NOT_CONVERTED}"
            table.rows.append(Row(cells))
        last = len(table.rows)
        cells = [Cell(f"Total {title.lower()} representations")]
        for c, p in enumerate(periods, start=1):
            total = sum(table.rows[r].cells[c].value for r in range(first, last))
            cells.append(ctx.number_cell(total, "representations.by_family", family, p))
            table.sums.append(((last, c), [(r, c) for r in range(first, last)]))
        table.rows.append(Row(cells, "subtotal"))
        subtotals.append(last)
    cells = [Cell("Total representations")]
    grand = len(table.rows)
    for c, p in enumerate(periods, start=1):
        total = sum(table.rows[r].cells[c].value for r in subtotals)
        cells.append(ctx.number_cell(total, "representations.total", TOTAL, p))
        table.sums.append(((grand, c), [(r, c) for r in subtotals]))
    table.rows.append(Row(cells, "total"))
    # The complaint row and the rows converted into complaints add up to the number of
    # complaints, which the report prints elsewhere ("30 of 38 were accepted"); where nothing
    # was converted, the complaint row *is* that number.
    rows = by_target.get("complaint", [])
    for c in range(1, len(periods) + 1):
        converted = [r for r in rows[1:] if table.rows[r].cells[c].value]
        if converted:
            table.sums.append((None, [(r, c) for r in rows]))
        elif rows:
            table.known.add((rows[0], c))
    for code in merged:
        label = ctx.name("record_type", code)
        table.notes.append(
            f"{label} includes the records converted into it from other types: counted "
            "apart, some would be too small to publish."
        )
    reported = ctx.n("representations.total")
    if table.rows[grand].cells[1].value != reported:
        table.notes.append(
            f"The rows add to {table.rows[grand].cells[1].value}; the count of representations "
            f"is {reported}."
        )
    _shares_of_total(ctx, table, grand)
    return table


def _counted_with_conversions(ctx: Context, conversions: dict) -> set[str]:
    """The record types whose conversions the public version counts on the type's own row
    ("Complaint (statutory), including converted"), not on rows of their own: those with a
    conversion too small to publish in any year shown. Apart, such a row would print
    "fewer than 5", and the type's own row beside it would be withheld so that the number
    of complaints the report states could not give it away: a public report that withheld
    its count of complaints received would tell a committee nothing."""
    if not ctx.public:
        return set()
    return {
        target
        for (_, target), counts in conversions.items()
        if any(is_small(n, ctx.threshold) for n in counts.values())
    }


def _shares_of_total(ctx: Context, table: Table, grand: int) -> None:
    """Each row's share of the period's representations, in a last column, as Southampton
    2009/10's Table 1 gives one beside each number. Added after the counts, so the sums
    the self-check adds up are where they were; each share is derived from its row's count
    (the public version hides it where it hides the count), and the total row has none:
    rounded shares need not add to 100%, which a note says where they do not."""
    total = table.rows[grand].cells[1].value
    if not total:
        return
    # As every percentage column is headed ("% of 340 representations"); the public version
    # does not print a count its tables hide ("% of 1 representations").
    table.header.append(
        f"% of {ctx.plural(total, 'representation')}"
        if ctx.hides(total)
        else f"% of {total:,} {wording.plural(total, 'representation')}"
    )
    column = len(table.header) - 1
    parts = []
    for r, row in enumerate(table.rows):
        if row.kind in ("group", "total"):
            row.cells.append(Cell(""))
            continue
        row.cells.append(ctx.share_cell(row.cells[1].value, total))
        table.derived.append(((r, column), (r, 1), None))
        if row.kind != "subtotal":
            parts.append(wording.percentage(row.cells[1].value, total) or 0)
    if sum(parts) != 100:
        table.notes.append(
            "Percentages are rounded to whole numbers, so they may not add to exactly 100%."
        )


def monthly_table(ctx: Context) -> Table | None:
    """Southampton 2009/10 Table 3: record types month by month, with row and column totals."""
    by_month = ctx.m("representations.by_month") or {}
    if not by_month:
        return None
    # Every month of the period, including those with nothing received (the measure leaves
    # them out), as Southampton's Table 3 shows each month.
    months = sorted(set(_months(ctx.report["period"])) | set(by_month))
    codes = ctx.labels.order(
        "record_type", [c for counts in by_month.values() for c, n in counts.items() if n]
    )
    header = ["Type of record"] + [_month_label(m) for m in months] + ["Total"]
    table = Table("by_month", "Representations received month by month", header, [])
    # The months count a converted case under its current type, where the representations
    # table gives it a row of its own: demo 2025/26 printed "Complaint (statutory)" 106
    # there and 112 here. The row and a note say which is which.
    converted = _converted_into(ctx)
    width = len(months)
    for r, code in enumerate(codes):
        label = ctx.name("record_type", code)
        if code in converted:
            label = f"{label}, including converted"
            names = [f"'{ctx.name('record_type', c)}'" for c in converted[code]]
            # One line under the landscape table: a second pushed the sentence on the
            # busiest month off the page in the public version.
            table.notes.append(
                f"'{label}' also counts those that began as {wording.join(names, 'or')} "
                "records, which the table of representations received shows on rows of "
                "their own."
            )
        cells = [Cell(label)]
        cells += [
            ctx.number_cell(
                by_month.get(m, {}).get(code, 0), "representations.by_month", f"{m}/{code}"
            )
            for m in months
        ]
        # The year's count of this type, the same figure as in the representations table.
        total = sum(c.value for c in cells[1:])
        cells.append(ctx.number_cell(total, "representations.by_type", code))
        table.sums.append(((r, width + 1), [(r, c) for c in range(1, width + 1)]))
        table.rows.append(Row(cells))
    total_row = len(codes)
    cells = [Cell("Total")]
    for c in range(1, width + 2):
        total = sum(table.rows[r].cells[c].value for r in range(total_row))
        # A month's total, or the year's: figures the representations table prints too.
        measure, key = (
            ("representations.by_month", months[c - 1])
            if c <= width
            else ("representations.total", TOTAL)
        )
        cells.append(ctx.number_cell(total, measure, key))
        table.sums.append(((total_row, c), [(r, c) for r in range(total_row)]))
    table.sums.append(((total_row, width + 1), [(total_row, c) for c in range(1, width + 1)]))
    table.rows.append(Row(cells, "total"))
    return table


def _converted_into(ctx: Context) -> dict[str, list[str]]:
    """{record type: [the types its cases received in the period were converted from]}."""
    into: dict[str, list[str]] = {}
    for source, targets in (ctx.m("representations.converted") or {}).items():
        for target, n in targets.items():
            if n:
                into.setdefault(target, []).append(source)
    return into


def _months(period: dict) -> list[str]:
    start, end = period["from"][:7], period["to"][:7]
    year, month = int(start[:4]), int(start[5:])
    keys = []
    while f"{year:04d}-{month:02d}" <= end:
        keys.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return keys


def _month_label(key: str) -> str:
    import datetime as dt

    year, month = key.split("-")
    return dt.date(int(year), int(month), 1).strftime("%b %Y")


def total_received(ctx: Context) -> str:
    """ "290 representations were received in 2024/25, an increase of 50 (21%) on 2023/24." """
    change = ctx.change("representations.total")
    return ctx.opening(
        ctx.n("representations.total"),
        "representation was",
        "representations were",
        f" received {ctx.during}" + (f", {change}" if change else ""),
        f"representations received {ctx.during}",
    )


def representations(ctx: Context) -> Section:
    total = ctx.n("representations.total")
    statutory = ctx.n("representations.by_family", "statutory")
    other = ctx.n("representations.by_family", "other")
    complaints = ctx.n("complaints.total")
    section = Section("representations", "Representations received")
    section.add(
        Paragraph(total_received(ctx) + ctx.per_month(" On average {} were received each month.")),
        representations_table(ctx),
    )
    if total:  # nothing received: "0 of 0 were other representations" says nothing
        # Both bullets are shares of the representations received: said once, above them.
        section.add(
            Paragraph(
                "Of these representations:"
                if ctx.hides(total)
                else f"Of the {ctx.count(total)} {ctx.plural(total, 'representation')}:"
            ),
            BulletList(_families(ctx, total, statutory, complaints, other)),
        )
    observations = conversion_observations(ctx)
    if observations:
        # One inset, not one per record type: two short insets in a row read as a list with
        # its bullets missing, and the second spilt alone onto a page before the landscape
        # monthly table (Demo 2025/26, PDF page 5).
        section.add(Note(" ".join(observations)))
    monthly = monthly_table(ctx)
    if monthly:
        # The sentence leads into the table it reads, as Southampton 2009/10's (3.5) does
        # its monthly analysis: after it, it spilt from the landscape page onto the next
        # page, above the table of how representations were received (public demo 2025/26).
        busiest = busiest_month(ctx)
        section.add(Paragraph(busiest) if busiest else None, monthly)
    section.add(
        ctx.breakdown(
            "how_received",
            "How representations were received",
            "representations.by_how_received",
            "how_received",
            "How received",
            share_of=("representation", total),
            total="Total",
            years=False,
        )
    )
    return section


def _families(ctx: Context, total: int, statutory: int, complaints: int, other: int) -> list:
    statutory_share = ctx.shown_part(statutory, total)
    # "of these, 112 (92%) were accepted", not "112 of 122 (92%) of these": the clause
    # before has just said what they are of (the demo's 2025/26 report said "of" twice).
    accepted = ctx.shown_part(complaints, statutory)
    others = ctx.shown_part(other, total)
    return [
        (
            sentence(f"{statutory_share} {ctx.were(statutory)} statutory.")
            if statutory == 0
            else sentence(
                f"{statutory_share} {ctx.were(statutory)} statutory; of these, {accepted} "
                f"{ctx.were(complaints)} accepted and managed as statutory complaints."
            )
        )
        if statutory_share and accepted
        else "The numbers of statutory representations and of those accepted as statutory "
        "complaints are not published in this version, to protect privacy.",
        sentence(f"{others} {ctx.were(other)} other representations.")
        if others
        else f"The number of other representations {wording.NOT_PUBLISHED}.",
    ]


def conversion_observations(ctx: Context) -> list[str]:
    """ "Of the 5 pre-complaints received, 2 became complaints." (IoW 2019/20 section 3.5).

    A converted case counts under its new record type, so "received" is the cases received
    as the type plus those converted from it (the measures' ``converted_into_complaints``).
    """
    notes = []
    converted = ctx.m("representations.converted") or {}
    for source, figures in sorted(
        (ctx.supplementary.get("converted_into_complaints") or {}).items()
    ):
        if not figures.get("received"):
            continue
        # The rows of Table 1 these are: received as the type, plus converted from it.
        received = ctx.added(
            ctx.n("representations.by_type", source),
            *[
                ctx.named(n, "representations.converted", f"{source}/{target}")
                for target, n in converted.get(source, {}).items()
            ],
            total=figures["received"],
        )
        became = ctx.named(
            figures.get("complaints", 0), "representations.converted", f"{source}/complaint"
        )
        label = ctx.name("record_type", source).lower()
        if ctx.hides(received) or ctx.withheld(became):
            notes.append(
                f"The numbers of {label} records received and of those that became complaints "
                "are not published (small numbers)."
            )
        elif became:
            notes.append(
                f"Of the {ctx.count(received)} {label} records received, {ctx.count(became)} "
                f"became {ctx.plural(became, 'a complaint', 'complaints')}."
            )
        else:
            notes.append(
                f"None of the {ctx.count(received)} {label} records received became a complaint."
            )
    return notes


def busiest_month(ctx: Context) -> str:
    """ "The most representations were received in April and June 2025 (13 each) and the
    fewest in December 2025 (5)": tied months all named, the year said once for each run of
    months in it."""
    by_month = ctx.m("representations.by_month") or {}
    totals = {
        m: ctx.named(sum(by_month.get(m, {}).values()), "representations.by_month", m)
        for m in _months(ctx.report["period"])
    }
    busiest, quietest = ctx.leaders(totals), ctx.leaders(totals, fewest=True)
    if busiest is None:
        return ""
    months, high = busiest
    if len(months) == len(totals):  # "the most in April, May, ... and the fewest in April..."
        return f"The same number of representations was received each month ({ctx.count(high)})."
    text = f"The most representations were received in {_months_named(months)} "
    text += f"({ctx.count(high)}{' each' if len(months) > 1 else ''})"
    if quietest is None:
        return text + "."
    months, low = quietest
    if low == 0:
        return text + f" and none in {_months_named(months)}."
    each = " each" if len(months) > 1 else ""
    return text + f" and the fewest in {_months_named(months)} ({ctx.count(low)}{each})."


def _months_named(keys: list[str]) -> str:
    """ "April and June 2025", "December 2025 and January 2026": a year after its last month."""
    import datetime as dt

    dates = [dt.date(int(k[:4]), int(k[5:]), 1) for k in sorted(keys)]
    names = [
        d.strftime("%B") if i + 1 < len(dates) and dates[i + 1].year == d.year else f"{d:%B %Y}"
        for i, d in enumerate(dates)
    ]
    return wording.join(names)


def most_complaints(ctx: Context) -> str:
    """ "Complainants recorded as 'Parent' made the most complaints: 78 of 112 (70%).", the
    share without "complaints" again; for a tie "... 14 of 30 (47%) each."; "" where the
    leaders' counts are hidden."""
    complaints = ctx.n("complaints.total")
    types = {
        k: ctx.n("complaints.complainant_types", k)
        for k in (ctx.m("complaints.complainant_types") or {})
        if k != NR
    }
    if (most_of := ctx.leaders(types)) is None:
        return ""
    codes, top = most_of
    leaders = [f"'{ctx.name('complainant_type', k)}'" for k in codes]
    text = f"Complainants recorded as {wording.join(leaders)} made the most complaints"
    if not (share := ctx.shown_share(top, complaints)):
        return text + "."
    return text + f": {share}{' each' if len(codes) > 1 else ''}."


def who_complained(ctx: Context) -> Section:
    complaints = ctx.n("complaints.total")
    section = Section("who", "Who complained")
    if not complaints:
        section.add(Paragraph(ctx.no_complaints()))
    if most := most_complaints(ctx):
        section.add(Paragraph(most))
    section.add(
        ctx.breakdown(
            "complainant_types",
            "Complaints by who made them",
            "complaints.complainant_types",
            "complainant_type",
            "Complainant",
            share_of=("complaint", complaints),
            total="Total",
        )
    )
    return section
