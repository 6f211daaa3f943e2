"""Sections on how complaints were handled: timeliness, nature, outcomes, findings and young
people's complaints."""

from __future__ import annotations

import datetime as dt

from heeded.calendars.dates import long_date

from ..timescales import ACKNOWLEDGEMENT_DAYS, STAGE1_BANDS, STAGE1_DAYS, STAGE1_MOST_DAYS
from . import wording
from .context import NR, Context
from .structure import BulletList, Cell, Chart, Note, Paragraph, Row, Section, Table, sentence
from .suppression import figure, is_small

BANDS = STAGE1_BANDS


def band_phrase(label: str) -> str:
    """A band as words after a count: "69 within 10 working days", "29 taking 11 to 20
    working days" (not "29 11 to 20 working days", two numbers that read as one list)."""
    label = label.lower()
    return label if label.startswith("within") else f"taking {label}"


FINDINGS = [
    ("upheld", "Upheld"),
    ("partially_upheld", "Partially upheld"),
    ("not_upheld", "Not upheld"),
    ("withdrawn", "Withdrawn"),
    (NR, "Not recorded"),
]


def stage1_average_before(ctx: Context) -> float | None:
    """The previous year's Stage 1 average, where the report has one and publishes it."""
    if ctx.previous is None:
        return None
    return ctx.average("stage1.average_working_days", "stage1.responses", ctx.previous)


def _band_points(ctx: Context) -> Paragraph | None:
    """Each band's share of Stage 1 responses set against the year before's, in percentage
    points, as the Isle of Wight's 2019/20 report (1.4.4) does: "66% ... within 10 working
    days (47 percentage point increase on the previous reporting period)". The shares are
    the rounded percentages a reader would work out from Table 4; a band hidden in either
    year is left out (its share would give its count away)."""
    if ctx.previous is None:
        return None
    now = {k: ctx.n("stage1.bands", k) for k, _ in BANDS}
    before = {k: ctx.n("stage1.bands", k, ctx.previous) for k, _ in BANDS}
    total_now, total_before = sum(now.values()), sum(before.values())
    if not total_now or not total_before:
        return None
    responses = (ctx.n("stage1.responses"), ctx.n("stage1.responses", None, ctx.previous))
    if any(ctx.hides(n) for n in responses):  # a share would give the hidden total away
        return None
    clauses = []
    for k, label in BANDS:
        if ctx.hides(now[k]) or ctx.hides(before[k]):
            continue
        share, was = (
            wording.percentage(now[k], total_now),
            wording.percentage(before[k], total_before),
        )
        of = "" if clauses else " of Stage 1 responses"  # said once, in the first clause
        what = f"the share{of} {band_phrase(label)}"
        if share == was:
            clauses.append(f"{what} was unchanged at {share}%")
        else:
            moved = "rose" if share > was else "fell"
            clauses.append(
                f"{what} {moved} by {abs(share - was)} percentage "
                f"{'point' if abs(share - was) == 1 else 'points'} (from {was}% to {share}%)"
            )
    if not clauses:
        return None
    return Paragraph(f"Compared with {ctx.previous}, {wording.join(clauses)}.")


def timeliness(ctx: Context) -> Section:
    responses = ctx.n("stage1.responses")
    section = Section("timeliness", "Timeliness")
    if not responses:
        section.add(Paragraph(f"No Stage 1 responses were completed {ctx.during}."))
    else:
        section.add(Paragraph(_stage1_average(ctx, responses)))
    section.add(*_bands_chart(ctx, responses))
    items = _stage1_on_time(ctx, responses)
    if items:
        section.add(BulletList(items))
    halves = ctx.supplementary.get("stage1_by_half_year")
    if halves:
        section.add(_halves(ctx, halves))
    return section


def _stage1_average(ctx: Context, responses: int) -> str:
    """How many Stage 1 responses were completed and how long they took on average, set
    against the year before."""
    average = ctx.average("stage1.average_working_days", "stage1.responses")
    before = stage1_average_before(ctx)
    responded = ctx.plural(responses, "response was", "responses were")
    text = (
        f"The number of Stage 1 responses completed {ctx.during} {wording.NOT_PUBLISHED}. "
        if ctx.withheld(responses)
        else sentence(f"{ctx.count(responses)} Stage 1 {responded} completed {ctx.during}. ")
    ) + (
        # One response has no average: it took what it took. ``average`` is None wherever
        # the public version hides the count, so the one case's figure stays unpublished.
        f"It took {round(average)} {wording.plural(round(average), 'working day')}"
        if average is not None and responses == 1
        else f"The average time to respond was {wording.working_days(average)}"
        if average is not None
        else f"The average time to respond {wording.SMALL_NUMBERS_NOT_PUBLISHED}"
    )
    if average is not None and before is not None and abs(average - before) >= 0.05:
        direction = "more" if average > before else "fewer"
        then = wording.during(ctx.previous)
        then = f"the average {then}" if responses == 1 else then
        text += f", {abs(average - before):.1f} {direction} than {then} ({before:.1f})"
    return text + "."


def _bands_chart(ctx: Context, responses: int) -> tuple[Chart, Paragraph | None]:
    """Stage 1 response times by band, as a chart with its table, and how each band's
    share moved since the year before."""
    bands = ctx.keyed(
        "bands",
        "Stage 1 response times",
        "stage1.bands",
        BANDS,
        "Working days to respond",
        years=bool(ctx.previous),
        total="Total",
    )
    points = _band_points(ctx)
    if points:
        bands.said.append(points.text)
    chart = Chart(
        "bands_chart",
        f"Stage 1 response times, {ctx.label}",
        _bands_alt(ctx, responses),
        [label for _, label in BANDS],
        [(ctx.label, [ctx.n("stage1.bands", k) for k, _ in BANDS])]
        + (
            [(ctx.previous, [ctx.n("stage1.bands", k, ctx.previous) for k, _ in BANDS])]
            if ctx.previous
            else []
        ),
        bands,
        value_label="Number of Stage 1 responses",
        draws=(("stage1.bands", None),)
        + ((("stage1.bands", ctx.previous),) if ctx.previous else ()),
    )
    return chart, points


def _stage1_on_time(ctx: Context, responses: int) -> list[str]:
    """Stage 1 responses within the deadline, complaints acknowledged in time, and the
    extensions agreed, as bullets."""
    within = ctx.n("stage1.within_deadline", "within")
    ack = {k: ctx.n("complaints.acknowledged_within_3", k) for k in ("within", "late", NR)}
    # Those acknowledged are the complaints (printed everywhere) less those whose date was
    # not recorded: printed, they would give that count away where it is hidden.
    acknowledged = ctx.added(ack[NR], total=ack["within"] + ack["late"])
    on_time, acked = (
        ctx.shown_share(within, responses),
        ctx.shown_share(ack["within"], acknowledged),
    )
    items = [
        None
        if not responses  # "0 of 0 Stage 1 responses were within 10 working days"
        else sentence(
            f"{on_time} Stage 1 {ctx.plural(responses, 'response')} {ctx.were(within)} within "
            f"{STAGE1_DAYS} working days, or within the extended "
            f"deadline where one was agreed (never more than {STAGE1_MOST_DAYS})."
        )
        if on_time
        else f"The number of Stage 1 responses within {STAGE1_DAYS} working days, or within "
        f"the extended deadline where one was agreed, {wording.NOT_PUBLISHED}.",
        None
        if not acknowledged
        else sentence(
            f"{acked} {ctx.plural(acknowledged, 'complaint')} whose acknowledgement date was "
            f"recorded {ctx.were(ack['within'])} acknowledged "
            f"within {ACKNOWLEDGEMENT_DAYS} working days."
        )
        if acked
        else f"The number of complaints acknowledged within {ACKNOWLEDGEMENT_DAYS} working days "
        f"{wording.NOT_PUBLISHED}.",
    ]
    if ack[NR]:
        items.append(
            "The number of complaints whose acknowledgement date was not recorded "
            f"{wording.NOT_PUBLISHED}."
            if ctx.withheld(ack[NR])
            else f"The acknowledgement date was not recorded for {ctx.count(ack[NR])}."
        )
    extended = (ctx.supplementary.get("extensions") or {}).get("stage1") or {}
    if extended.get("agreed"):
        # Agreed extensions shown apart (domain.md 7.3 item 5).
        agreed = extended["agreed"]
        within = extended.get("within", 0)
        kept = ctx.shown_part(within, agreed)
        items.append(
            f"An extension was agreed for {ctx.count(agreed)} Stage 1 "
            f"{ctx.plural(agreed, 'complaint')}"
            + (
                f"; of these, {kept} {ctx.were(within)} answered within the extended deadline."
                if kept
                else "."
            )
        )
    return [item for item in items if item]


def _bands_alt(ctx: Context, responses: int) -> str:
    parts = [f"{ctx.count(ctx.n('stage1.bands', k))} {band_phrase(label)}" for k, label in BANDS]
    return (
        f"Bar chart of the {ctx.count(responses)} Stage 1 {ctx.plural(responses, 'response')} "
        f"{ctx.during} by working "
        f"days taken: {wording.join(parts)}."
    )


HALVES = {"H1": "April to September", "H2": "October to March"}


def _halves(ctx: Context, halves: dict) -> Table:
    # Said in full: "within the timescale" next to Table 4's "within 10 working days" (demo
    # 2025/26: 80 beside 69) did not say that it counts agreed extensions too.
    header = [
        "Half year",
        "Stage 1 responses",
        f"Within {STAGE1_DAYS} working days or the extended deadline",
        "% within",
    ]
    table = Table("half_years", "Stage 1 timeliness by half year", header, [])
    for r, (half, values) in enumerate(sorted(halves.items())):
        label = HALVES.get(half, half)
        responses = values.get("responses", 0)
        within = (values.get("within_deadline") or {}).get("within", 0)
        table.rows.append(
            Row(
                [
                    Cell(label),
                    ctx.number_cell(responses),
                    ctx.number_cell(within),
                    ctx.share_cell(within, responses),
                ]
            )
        )
        table.derived.append(((r, 3), (r, 2), (r, 1)))
    return table


def natures_and_services(ctx: Context) -> Section:
    complaints = ctx.n("complaints.total")
    section = Section("nature", "Nature of complaints and services complained about")
    if not complaints:
        section.add(Paragraph(ctx.no_complaints()))
    natures = {
        ctx.name("nature", k): ctx.n("complaints.natures", k)
        for k in (ctx.m("complaints.natures") or {})
    }
    if natures:
        most = wording.most(
            natures,
            ctx.count,
            "The nature most often recorded was",
            "The natures most often recorded were",
        )
        if most:
            section.add(Paragraph(f"{most}."))
        section.add(*_movers(ctx, "complaints.natures", "nature", "natures of complaint"))
    natures_table = ctx.breakdown(
        "natures",
        "Nature of complaints",
        "complaints.natures",
        "nature",
        "Nature",
        share_of=("complaint", complaints),
    )
    # Said under the table, as of the services below, not in the text before it: the
    # workbook's sheet, which has no text, showed shares adding to 155% unexplained.
    ctx.rows_add_to_more(
        natures_table,
        sum(natures.values()),
        complaints,
        "complaint",
        "be about more than one thing",
    )
    section.add(natures_table)
    services = {
        ctx.name("service_team", k): ctx.n("complaints.service_teams", k)
        for k in (ctx.m("complaints.service_teams") or {})
    }
    most = wording.most(
        services,
        ctx.count,
        "The service or team complained about most was",
        "The services and teams complained about most were",
    )
    if most:
        section.add(Paragraph(f"{most}."))
    services_table = ctx.breakdown(
        "services",
        "Complaints by service or team",
        "complaints.service_teams",
        "service_team",
        "Service or team",
        share_of=("complaint", complaints),
    )
    # Southampton 2009/10 section 3.10: "Many complainants have complained about more than
    # one service area".
    ctx.rows_add_to_more(
        services_table,
        sum((ctx.m("complaints.service_teams") or {}).values()),
        complaints,
        "complaint",
        "be about more than one service or team",
    )
    section.add(services_table)
    # Services are compared with last year as natures are (IoW 2019/20 section 6.2).
    section.blocks[-1:-1] = _movers(
        ctx, "complaints.service_teams", "service_team", "services complained about"
    )
    return section


def _movers(ctx: Context, measure: str, kind: str, what: str) -> list:
    """Codes whose count changed most on last year, worded with their base, under a line
    that says what they are (a bare "'Funding': 20, an increase of 10" left it to guess)."""
    if not ctx.previous:
        return []
    now, before = ctx.m(measure) or {}, ctx.m(measure, ctx.previous) or {}
    changes = []
    for code in set(now) | set(before):
        if code == NR:
            continue
        difference = now.get(code, 0) - before.get(code, 0)
        if difference:
            changes.append((abs(difference), code))
    changes.sort(key=lambda x: (-x[0], x[1]))
    moved = []
    for _, code in changes[:3]:
        count, was = ctx.n(measure, code), ctx.n(measure, code, ctx.previous)
        if ctx.hides(count) or ctx.hides(was):
            continue  # a change with a hidden side is not said (official statistics' rule)
        moved.append(
            f"'{ctx.name(kind, code)}': {ctx.count(count)}, "
            + wording.change(count, was, ctx.previous, ctx.count)
            + "."
        )
    if not moved:
        return []
    return [
        Paragraph(f"The largest changes in {what} {wording.against(ctx.previous)}:"),
        BulletList(moved),
    ]


def outcomes(ctx: Context) -> Section:
    complaints = ctx.n("complaints.total")
    responses = ctx.n("stage1.responses")
    sought = ctx.m("complaints.outcomes_sought") or {}
    actual = ctx.m("stage1.actual_outcomes") or {}
    section = Section("outcomes", "Outcomes sought and actual outcomes")
    if not complaints and not actual:
        section.add(Paragraph(ctx.no_complaints()))
    most = wording.most(
        {ctx.name("outcome", k): ctx.n("complaints.outcomes_sought", k) for k in sought},
        ctx.count,
        "The outcome complainants most often asked for was",
        "The outcomes complainants most often asked for were",
    )
    if most:
        section.add(
            Paragraph(
                most
                + (
                    "."
                    if ctx.hides(complaints)
                    else f", out of {ctx.count(complaints)} {ctx.plural(complaints, 'complaint')}."
                )
            )
        )
    most = wording.most(
        {ctx.name("outcome", k): ctx.n("stage1.actual_outcomes", k) for k in actual},
        ctx.count,
        "The outcome most often given at Stage 1 was",
        "The outcomes most often given at Stage 1 were",
    )
    if most:
        section.add(
            Paragraph(
                most
                + (
                    "."
                    if ctx.hides(responses)
                    else f", out of {ctx.count(responses)} Stage 1 "
                    f"{ctx.plural(responses, 'response')}."
                )
            )
        )
    codes = ctx.labels.order("outcome", [k for k, n in {**sought, **actual}.items() if n])
    sought_by, given_in = "Sought (complaints received)", "Actual (Stage 1 responses)"
    header = ["Outcome", sought_by, given_in]
    table = Table("outcomes", "Outcomes sought and actual outcomes", header, [])
    for code in codes:
        table.rows.append(
            Row(
                [
                    Cell(ctx.name("outcome", code)),
                    ctx.number_cell(sought.get(code, 0), "complaints.outcomes_sought", code),
                    ctx.number_cell(actual.get(code, 0), "stage1.actual_outcomes", code),
                ]
            )
        )
    if codes:
        alt = (
            f"Bar chart comparing, for each outcome, how many of the {ctx.count(complaints)} "
            f"{ctx.plural(complaints, 'complaint')} received asked for it and how many of the "
            f"{ctx.count(responses)} Stage 1 {ctx.plural(responses, 'response')} gave it. The "
            "table that follows has the figures."
        )
        section.add(
            Chart(
                "outcomes_chart",
                f"Outcomes sought and actual outcomes, {ctx.label}",
                alt,
                [ctx.name("outcome", c) for c in codes],
                [
                    (sought_by, [sought.get(c, 0) for c in codes]),
                    (given_in, [actual.get(c, 0) for c in codes]),
                ],
                table,
                value_label="Number of complaints (sought) or Stage 1 responses (actual)",
                draws=(("complaints.outcomes_sought", None), ("stage1.actual_outcomes", None)),
            )
        )
    if codes:
        more = Note("A complaint can seek, and a response give, more than one outcome.")
        table.said.append(more.text)  # the sheet's columns add to more than either total
        section.add(more)
    return section


def _ongoing(ctx: Context) -> Paragraph | None:
    """ "On 31 March 2026, 5 of the 112 complaints received in 2025/26 were still awaiting
    their Stage 1 response": Southampton 2009/10 (6.2) counts them beside the outcomes
    ("14 (7.7%) outcomes were recorded as ongoing"), so the outcomes are read as of the
    complaints that have one."""
    ongoing = ctx.extra("stage1_ongoing")
    complaints = ctx.n("complaints.total")
    if ongoing is None or not complaints:
        return None
    ongoing = ctx.named(ongoing, "stage1_ongoing")
    end = long_date(dt.date.fromisoformat(ctx.report["period"]["to"]))
    if ongoing == 0:
        return Paragraph(
            f"Every complaint received {ctx.during} had its Stage 1 response by {end}."
        )
    share = ctx.shown_share(ongoing, complaints)
    if share is None:
        return Paragraph(
            "The number of complaints received "
            f"{ctx.during} still awaiting their Stage 1 response on {end} "
            f"{wording.NOT_PUBLISHED}."
        )
    return Paragraph(
        f"On {end}, {share} {ctx.plural(complaints, 'complaint')} received {ctx.during} "
        f"{ctx.were(ongoing)} still awaiting {'its' if complaints == 1 else 'their'} Stage 1 "
        "response."
    )


def findings(ctx: Context) -> Section:
    responses = ctx.n("stage1.responses")
    found = {k: ctx.n("stage1.outcomes", k) for k, _ in FINDINGS}
    section = Section("findings", "Investigation outcomes")
    upheld = ctx.added(found["upheld"], found["partially_upheld"])
    if not responses:  # "Of the 0 Stage 1 responses, 0 of 0 were upheld"
        return section.add(
            Paragraph(f"No Stage 1 responses were completed {ctx.during}."), _ongoing(ctx)
        )
    section.add(
        Paragraph(_findings_text(ctx, found, responses)),
        _ongoing(ctx),
        ctx.keyed(
            "findings",
            "Stage 1 investigation outcomes",
            "stage1.outcomes",
            [f for f in FINDINGS if f[0] != NR or found.get(NR)],
            "Outcome",
            years=bool(ctx.previous),
            total="Total",
        ),
    )
    by_decision = ctx.supplementary.get("stage1_outcome_by_decision")
    if by_decision and ctx.public and any(is_small(n, ctx.threshold) for n in found.values()):
        # Each cell of the table by finding counts some of the complaints Table 10 counts
        # under that finding, so a reader knows the finding is at least any cell of its
        # column: 7 upheld complaints given an apology beside a withheld "upheld" and a
        # total that leaves 9 for it and the withdrawn ones say the withdrawn are 1 or 2.
        # Withholding cells would not help (a row's total less the other cells bounds them
        # too), so the table is not published while Table 10 hides a finding.
        section.add(
            Paragraph(
                "The actual outcomes by investigation outcome are not published in this "
                "version, to protect privacy."
            )
        )
    elif by_decision:
        section.add(_reading_by_decision(ctx, by_decision), _by_decision(ctx, by_decision))
    remedial = {k: ctx.n("stage1.remedial_action", k) for k in ("true", NR)}
    taken = remedial["true"]
    # IoW 2019/20 section 8.6: remedial action is counted among complaints upheld at least
    # in part, so that is the denominator, and the report says so.
    remedied = ctx.shown_share(taken, upheld)
    if not upheld:
        return section
    section.add(
        Paragraph(
            (
                f"Remedial action was taken in {remedied} {ctx.plural(upheld, 'complaint')} "
                "upheld or partially "
                "upheld at Stage 1."
                if remedied
                else "The number of complaints upheld or partially upheld at Stage 1 in which "
                f"remedial action was taken {wording.NOT_PUBLISHED}."
            )
            + (
                f" Whether action was taken was not recorded for {ctx.count(remedial[NR])}."
                if remedial[NR] and not ctx.withheld(remedial[NR])
                else ""
            )
        )
    )
    return section


def _findings_text(ctx: Context, found: dict, responses: int) -> str:
    """ "Of the 62 Stage 1 responses, 22 (35%) were partially upheld and 37 (60%) not
    upheld; the number upheld is not published (small numbers)." in the public version where
    a finding is hidden; as before otherwise. The responses are said once, at the start."""
    verbs = [
        ("upheld", "upheld"),
        ("partially_upheld", "partially upheld"),
        ("not_upheld", "not upheld"),
    ]
    if found["withdrawn"]:
        # Demo 2025/26: "7 (6%) were upheld, 48 (44%) partially upheld and 52 (48%) not
        # upheld" of 109, shares adding to 98% beside a table of 109 with 2 withdrawn.
        verbs.append(("withdrawn", "withdrawn"))
    if ctx.hides(responses):  # "Of the fewer than 5 Stage 1 responses, 0 of fewer than 5"
        return f"The number of Stage 1 responses by outcome {wording.NOT_PUBLISHED}."
    shown = [(found[k], verb) for k, verb in verbs if not ctx.hides(found[k])]
    hidden = [verb for k, verb in verbs if ctx.hides(found[k])]
    listed = [
        f"{ctx.part(n, responses)} {ctx.were(n) + ' ' if i == 0 else ''}{verb}"
        for i, (n, verb) in enumerate(shown)
    ]
    clauses = ([wording.join(listed)] if listed else []) + (
        [wording.not_published(hidden)] if hidden else []
    )
    return (
        f"Of the {ctx.count(responses)} Stage 1 {ctx.plural(responses, 'response')}, "
        + "; ".join(clauses)
        + "."
    )


def _reading_by_decision(ctx: Context, by_decision: dict) -> Paragraph | None:
    """The table by finding read for its most common actual outcome, as the Isle of Wight
    2019/20 report (8.5) reads its own: "'Explanation' made up 60% of complaint outcomes, of
    this 78% were 'Not Upheld' and the remaining 22% were 'Partially Upheld'". Internal
    only: the public version's table may hide any of its cells, and its text is not
    written from the cells of this table, so it says nothing the table might not."""
    if ctx.public:
        return None
    totals = {code: sum(counts.values()) for code, counts in by_decision.items()}
    leaders = ctx.leaders(totals)
    responses = ctx.n("stage1.responses")
    if leaders is None or len(leaders[0]) != 1 or not responses:
        return None
    [code], n = leaders
    counts = by_decision[code]
    parts = sorted(
        ((counts[d], label.lower()) for d, label in FINDINGS if counts.get(d)),
        key=lambda part: -part[0],
    )
    said = [
        f"{ctx.part(m, n)} {ctx.were(m) + ' ' if i == 0 else ''}{label}"
        for i, (m, label) in enumerate(parts)
    ]
    if [label for _, label in parts] == ["not upheld"]:
        # "of these, all 37 were not upheld" (demo 2023/24) also reads as "not all were".
        said = ["none was upheld, even in part"]
    return Paragraph(
        f"'{ctx.name('outcome', code)}' was the actual outcome of {ctx.share(n, responses)} "
        f"Stage 1 {ctx.plural(responses, 'response')}; of these, {wording.join(said)}."
    )


def _by_decision(ctx: Context, by_decision: dict) -> Table:
    present = {d for counts in by_decision.values() for d in counts}
    decisions = [k for k, _ in FINDINGS if k != NR or NR in present]
    header = ["Actual outcome"] + [label for k, label in FINDINGS if k in decisions] + ["Total"]
    table = Table("by_finding", "Actual outcomes by investigation outcome", header, [])
    for r, code in enumerate(ctx.labels.order("outcome", by_decision)):
        counts = by_decision[code]
        cells = [Cell(ctx.name("outcome", code))]
        cells += [ctx.number_cell(counts.get(d, 0)) for d in decisions]
        # Each cell counts some of the cases Table 10 counts under its finding: a reader
        # knows that finding is at least the cell, whatever it hides.
        table.within += [
            ((r, c), figure("stage1.outcomes", d, None, int(ctx.n("stage1.outcomes", d))))
            for c, d in enumerate(decisions, start=1)
        ]
        # The row's total is Table 9's actual outcome (the self-check proves it): named so in
        # the public version, so that it is hidden as that is (the internal version links
        # only Table 9's).
        name = ("stage1.actual_outcomes", code) if ctx.public else (None, None)
        cells.append(ctx.number_cell(sum(counts.get(d, 0) for d in decisions), *name))
        table.sums.append(((r, len(cells) - 1), [(r, c) for c in range(1, len(cells) - 1)]))
        table.rows.append(Row(cells))
    # Demo 2025/26: the upheld column added to 11 beside Table 10's 7 upheld responses.
    if any(
        sum(counts.get(d, 0) for counts in by_decision.values()) > ctx.n("stage1.outcomes", d)
        for d in decisions
    ):
        table.notes.append(
            "A Stage 1 response can give more than one actual outcome, so a column can add to "
            "more than the responses with that investigation outcome."
        )
    return table


def young_people_complaints(ctx: Context) -> str:
    """ "6 complaints were made by children or young people, the same as in 2024/25."; one
    is "made by a child or young person" (a hidden count is plural, as ever)."""
    young = ctx.n("young_people.complaints")
    change = ctx.change("young_people.complaints")
    by = ctx.plural(young, " made by a child or young person", " made by children or young people")
    return ctx.opening(
        young,
        "complaint was",
        "complaints were",
        by + (f", {change}" if change else ""),
        "complaints made by children or young people",
    )


def young_people(ctx: Context) -> Section:
    complaints = ctx.n("complaints.total")
    young = ctx.n("young_people.complaints")
    section = Section("young_people", "Complaints from children and young people")
    if not young:
        section.add(Paragraph("No complaints were recorded as made by a child or young person."))
        return section
    # The bullets share one denominator, the young people's complaints: said once, above
    # them, and each bullet's share of it beside its count ("3 (50%) were ...").
    lead_in = "Of these complaints:"
    if not ctx.hides(young):
        lead_in = (
            f"That is {ctx.share(young, complaints)} {ctx.plural(complaints, 'complaint')}. "
            f"Of these {ctx.count(young)}:"
        )
    if young == 1 and not ctx.hides(young):
        # One complaint: "Of these 1: 0 (0%) were made through an advocate" (demo 2025/26
        # Q1) gives percentages of one case; it is described as the one case it is.
        section.add(
            Paragraph(young_people_complaints(ctx)),
            Paragraph(sentence(f"That is {ctx.share(young, complaints)} complaints.")),
            BulletList(_one_young_persons_complaint(ctx)),
        )
        return section
    section.add(Paragraph(young_people_complaints(ctx)), Paragraph(lead_in))
    items, hidden = [], []
    for measure, what in (
        ("young_people.via_professional", "made through an advocate or another professional"),
        ("young_people.upheld", "upheld or partially upheld at Stage 1"),
    ):
        part = ctx.shown_part(ctx.n(measure), young)
        if part:
            items.append(sentence(f"{part} {ctx.were(ctx.n(measure))} {what}."))
        else:
            hidden.append(what)
    if hidden:
        items.append(sentence(wording.not_published(hidden)) + ".")
    section.add(BulletList(items + _advocacy(ctx, young)))
    if by_team := _young_people_by_service(ctx):
        section.add(by_team)
    return section


def _young_people_by_service(ctx: Context) -> Table | Note | None:
    """IoW 2019/20 section 6.2 and its Recommendation 5: "Only 3% of complaints relating to
    Children in Care ... were received directly from young people". The report computed
    the young people's complaints by service or team and printed nothing of them: now a
    table, each beside the service's complaints (Table 'Complaints by service or team')
    and its share of them. The public version's suppression treats it as any other table."""
    by_team = ctx.supplementary.get("young_people_by_service_team") or {}
    if not by_team:
        return None
    if ctx.public and all(is_small(n, ctx.threshold) for n in by_team.values()):
        # Public demo 2025/26: every row "fewer than 5" and every share "withheld" beside
        # the services' own complaints, a table that says nothing but where they were.
        return Note(
            "The table of complaints from children and young people by service or team is "
            "not published in this version: its numbers are too small to publish."
        )
    all_complaints = ctx.m("complaints.service_teams") or {}
    header = [
        "Service or team",
        "From children and young people",
        "All complaints",
        "% from children and young people",
    ]
    table = Table(
        "young_people_services",
        "Complaints from children and young people by service or team",
        header,
        [],
    )
    for code in ctx.labels.order("service_team", by_team):
        young, every = by_team[code], all_complaints.get(code, 0)
        r = len(table.rows)
        table.rows.append(
            Row(
                [
                    Cell(ctx.name("service_team", code)),
                    ctx.number_cell(young, "young_people_by_service_team", code),
                    ctx.number_cell(every, "complaints.service_teams", code),
                    ctx.share_cell(young, every),
                ]
            )
        )
        # A share of the service's complaints, so no more than they: a reader knows it.
        table.derived.append(((r, 3), (r, 1), (r, 2)))
    table.notes.append(
        "A complaint can be about more than one service or team, so the rows can add to "
        "more than the complaints from children and young people."
    )
    return table


def _one_young_persons_complaint(ctx: Context) -> list[str]:
    """The bullets of ``young_people`` for a single complaint, in words: "It was upheld or
    partially upheld at Stage 1."; "An advocate was offered and not taken up."."""
    items = [
        f"It {'was' if ctx.n(measure) else 'was not'} {what}."
        for measure, what in (
            ("young_people.via_professional", "made through an advocate or another professional"),
            ("young_people.upheld", "upheld or partially upheld at Stage 1"),
        )
    ]
    advocacy = (ctx.supplementary.get("advocacy") or {}).get("young_people") or {}
    if advocacy:
        offered, taken = advocacy.get("offered") or {}, advocacy.get("taken_up") or {}
        if offered.get("true"):
            items.append(
                "An advocate was offered and taken up."
                if taken.get("true")
                else "An advocate was offered and not taken up."
                if taken.get("false")
                else "An advocate was offered; whether one was taken up was not recorded."
            )
        elif offered.get("false"):
            items.append("No advocate was offered.")
        else:
            items.append("Whether an advocate was offered was not recorded.")
    return items


def _advocacy(ctx: Context, young: int) -> list[str]:
    """CA 1989 s.26A: a child making a complaint must be offered an advocate."""
    advocacy = (ctx.supplementary.get("advocacy") or {}).get("young_people") or {}
    if not advocacy:
        return []
    offered = (advocacy.get("offered") or {}).get("true", 0)
    taken = (advocacy.get("taken_up") or {}).get("true", 0)
    # Offers are a part of the young people's complaints (said above the list), so they are
    # said as the bullets above them are ("6 (100%) were offered"); those taken up are a part
    # of the offers, named as such: "taken up in 4 of 6 (67%) of those offered" said "of" twice.
    offers = ctx.shown_part(offered, young)
    takers = ctx.shown_part(taken, offered)
    if not offers:
        return [
            "The numbers in which an advocate was offered and taken up are not published "
            "(small numbers)."
        ]
    if not takers:
        return [
            sentence(
                f"{offers} {ctx.were(offered)} offered an advocate; the number who took one up "
                "is not published (small numbers)."
            )
        ]
    return [
        sentence(
            f"{offers} {ctx.were(offered)} offered an advocate, and {takers} of those offered "
            "took one up."
        )
    ]
