"""What every section builder needs: the report's figures, the organisation's labels, the
public/internal switch, and the table shapes the seed reports use."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from . import wording
from .labels import NOT_RECORDED, Labels, Term
from .structure import TOTAL, Cell, Row, Table, sentence
from .suppression import WITHHELD, Figure, fewer_than, figure, is_small

# Labels for keys that are words of the report (bands, findings), not taxonomy codes.
FIXED_KIND = "report"


class Count(int):
    """A count that knows which figure it is, as a table cell does (measure, key, period),
    so that the running text prints it as the tables do. ``parts`` are the figures a count
    the text adds up itself is made of (upheld plus partially upheld): hidden if any is."""

    figure: Figure | None
    parts: tuple[Count, ...]

    def __new__(cls, value: int, figure: Figure | None = None, parts=()) -> Count:
        count = super().__new__(cls, value)
        count.figure, count.parts = figure, tuple(parts)
        return count


@dataclass
class Context:
    report: dict
    labels: Labels
    public: bool
    threshold: int
    recommendations: list = field(default_factory=list)
    learning: list = field(default_factory=list)
    # The public version's suppression decisions (``suppression.decisions``): the text is
    # written from them, so it hides what the tables hide.
    hidden: dict = field(default_factory=dict)

    # -- figures -----------------------------------------------------------------------

    @property
    def label(self) -> str:
        return self.report["period"]["label"]

    @property
    def during(self) -> str:
        """ "in 2019/20"; "from 1 April 2019 to 30 September 2019" for custom dates."""
        return wording.during(self.label)

    @property
    def measures(self) -> dict:
        return self.report.get("measures", {})

    @property
    def comparison_labels(self) -> list[str]:
        """The comparison years the document shows: those the report has any figure for.

        The report dict carries every comparison year (``comparisons`` is the spec's); a
        year in which the report counts no case at all (nothing received, no stage started
        or answered, no Ombudsman enquiry, no payment) would print a column of zeros and
        "new" for every change, so the document leaves it out and says so
        (``years_without_records``).
        """
        left_out = self.years_without_records
        return [p for p in self.report.get("comparisons", {}) if p not in left_out]

    @cached_property
    def years_without_records(self) -> list[str]:
        """Comparison years in which every figure of the report, measures and supplementary
        figures alike, is zero or empty: no case was counted in them."""
        supplementary = self.report.get("comparison_supplementary") or {}
        return [
            p
            for p, measures in self.report.get("comparisons", {}).items()
            if not _any_figure(measures) and not _any_figure(supplementary.get(p))
        ]

    @property
    def previous(self) -> str | None:
        labels = self.comparison_labels
        return labels[0] if labels else None

    @property
    def supplementary(self) -> dict:
        return self.report.get("supplementary") or {}

    def extra(self, name: str, period: str | None = None):
        """A figure of the report beyond the spec's measures (``Facts.supplementary``)."""
        if period is None:
            return self.supplementary.get(name)
        return (self.report.get("comparison_supplementary") or {}).get(period, {}).get(name)

    def m(self, measure: str, period: str | None = None, default=None):
        source = self.measures if period is None else self.report["comparisons"].get(period, {})
        value = source.get(measure, default)
        return default if value is None and default is not None else value

    def n(self, measure: str, key: str | None = None, period: str | None = None) -> int:
        """A figure of the report, named (``Count``) when it is a count."""
        value = self.m(measure, period)
        if key is not None:
            value = (value or {}).get(key, 0)
        return self.named(value or 0, measure, key, period)

    def named(self, value, measure: str, key: str | None = None, period: str | None = None):
        if isinstance(value, bool) or not isinstance(value, int):
            return value
        return Count(value, figure(measure, key, period, value))

    def added(self, *parts: int, total: int | None = None) -> Count:
        """A count made up of figures (``total``, or else their sum), hidden wherever one of
        them is: printed beside them, it would give the hidden one away."""
        return Count(sum(parts) if total is None else total, None, parts)

    def per_month(self, text: str) -> str:
        """``text`` with the monthly average in it, or nothing where the count it is worked
        out from is hidden (the average times the months would give it)."""
        total = self.n("representations.total")
        if self.hides(total) or not total:  # "On average 0.0 were received" says nothing
            return ""
        return text.format(f"{self.m('representations.per_month') or 0:.1f}")

    def average(self, measure: str, count: str, period: str | None = None) -> float | None:
        """The average ``measure`` (working days) over the ``count`` cases it is worked out
        from; None where the public version hides that count. An average of one case is
        that case's own figure, so, as official statistics do, no average is published
        from a number too small to publish."""
        if self.hides(self.n(count, None, period)):
            return None
        return self.m(measure, period)

    def before(self, measure: str, key: str | None = None):
        """The previous year's value, or None when the report carries no comparison."""
        if self.previous is None or measure not in self.report["comparisons"][self.previous]:
            return None
        return self.n(measure, key, self.previous)

    # -- words -------------------------------------------------------------------------

    def hides(self, n) -> str:
        """How the public version prints ``n`` instead of its value ("" if it prints it):
        "fewer than N" for a small count, "withheld" for a figure a table withholds (small
        or not: "fewer than N" could give away what withholding it protects) or a count
        added up from hidden figures."""
        if not self.public:
            return ""
        how = self.hidden.get(getattr(n, "figure", None))
        if is_small(n, self.threshold) and how != "secondary":
            return fewer_than(self.threshold)
        if how or any(self.hides(part) for part in getattr(n, "parts", ())):
            return WITHHELD
        return ""

    def count(self, n: int) -> str:
        return self.hides(n) or wording.plain(n)

    def rows_add_to_more(self, table: Table, rows: int, of: int, noun: str, can: str) -> None:
        """Say under ``table`` why its rows add to ``rows``, more than the ``of`` things
        (``noun``s) they break down: one can ``can`` ("be about more than one service or
        team"). A note of the table's own, so that it goes where the table goes (a public
        version that leaves the table out says nothing of its rows). Demo 2025/26: the
        teams added to 145 of 112 complaints, the natures to 174, unexplained."""
        if rows > of:
            table.notes.append(
                f"A {noun} can {can}, so the rows add to more than the "
                + ("" if self.hides(of) else f"{self.count(of)} ")
                + f"{noun}s."
            )

    def plural(self, n: int, one: str, many: str | None = None) -> str:
        """The word for ``n`` things; for a hidden count always the plural, so that the
        grammar does not give away a count of 1."""
        return (many or one + "s") if self.hides(n) else wording.plural(n, one, many)

    def were(self, n: int) -> str:
        """The verb for ``n`` as subject: "1 of 33 (3%) was upheld", "2 of 33 were"."""
        return self.plural(n, "was", "were")

    def withheld(self, n) -> bool:
        """True where the public version prints ``n`` as "withheld": running text then says
        the figure is not published rather than putting a word where a number would be."""
        return self.hides(n) == WITHHELD

    def share(self, numerator: int, denominator: int) -> str:
        """ "19 of 28 (68%)". In the public version, "all but fewer than 5 of 67" where the
        difference is a small count no table prints: the exact pair would give it away;
        and "some but not all of 5" for "fewer than 5 of 5", which says the same."""
        return self._share(numerator, denominator, f" of {self.count(denominator)}")

    def part(self, numerator: int, denominator: int) -> str:
        """ "19 (68%)", the share where its sentence has said once what it is of ("Of 28
        Stage 1 responses, 19 (68%) were upheld"); "all but fewer than 5" as ``share``."""
        return self._share(numerator, denominator, "")

    def _share(self, numerator: int, denominator: int, of: str) -> str:
        exact = wording.share if of else wording.part
        if not self.public or self.hides(denominator):
            return exact(numerator, denominator, self.count)
        if not self.hides(numerator) and 0 < denominator - numerator < self.threshold:
            return f"all but {fewer_than(self.threshold)}{of}"
        if self.hides(numerator) == fewer_than(self.threshold) and denominator == self.threshold:
            return f"some but not all{of}"
        return exact(numerator, denominator, self.count)

    def shown_share(self, numerator: int, denominator: int) -> str | None:
        """The share, or None where it cannot be said in words without a hidden figure
        standing where a number would be (a hidden denominator, a withheld numerator):
        the sentence is then rephrased. "fewer than 5 of 62" is said, without percentage."""
        if self.hides(denominator) or self.withheld(numerator):
            return None
        return self.share(numerator, denominator)

    def shown_part(self, numerator: int, denominator: int) -> str | None:
        """The part ("19 (68%)"), or None where ``shown_share`` would be."""
        if self.shown_share(numerator, denominator) is None:
            return None
        return self.part(numerator, denominator)

    def leaders(self, counts: dict, fewest: bool = False) -> tuple[list, Count] | None:
        """The keys with the most (or the fewest) of ``counts``, ties together, and that
        count; None where any of them is hidden: which hidden count is the largest, or that
        a hidden count equals one shown, would tell something of it."""
        if not counts:
            return None
        n = (min if fewest else max)(counts.values())
        tied = [key for key, m in counts.items() if m == n]
        if any(self.hides(counts[key]) for key in tied):
            return None
        return tied, counts[tied[0]]

    def opening(self, n: int, one: str, many: str, rest: str, subject: str) -> str:
        """A sentence whose subject is the count ``n``: "Fewer than 5 complaints were
        refused."; where ``n`` is withheld, "The number of <subject> is not published in
        this version, to protect privacy." (``rest`` ends before the full stop)."""
        if self.withheld(n):
            return f"The number of {subject} {wording.NOT_PUBLISHED}."
        if n == 0:  # "No complaints were refused.", never "0 complaints were refused."
            return f"No {many}{rest}."
        return sentence(f"{self.count(n)} {self.plural(n, one, many)}{rest}.")

    def no_complaints(self) -> str:
        """What a section about complaints says when the period has none, rather than
        standing empty under its heading."""
        return f"No complaints were received {self.during}."

    def no_or_count(self, n: int) -> str:
        """ "no" for 0, else the count as printed: "The Ombudsman made no enquiries"."""
        return "no" if n == 0 and not self.hides(n) else self.count(n)

    def change(self, measure: str, key: str | None = None) -> str:
        before = self.before(measure, key)
        if before is None:
            return ""
        return wording.change(self.n(measure, key), before, self.previous, self.count)

    def name(self, kind: str, code: str) -> str:
        return self.labels.label(kind, code)

    # -- tables ------------------------------------------------------------------------

    def periods(self, years: bool) -> list[str | None]:
        return [None] + (self.comparison_labels if years else [])

    def period_header(self, period: str | None) -> str:
        return self.label if period is None else period

    @staticmethod
    def share_cell(numerator: int, denominator: int) -> Cell:
        """A percentage of its base, "31%", "less than 1%" or "more than 99%"."""
        return Cell(
            wording.percent(numerator, denominator),
            fraction=wording.beyond_whole(numerator, denominator),
        )

    def number_cell(self, value, measure=None, key=None, period=None, decimals=None) -> Cell:
        """A count, or with ``decimals`` a figure that is not one (an average, money): that
        is printed with those places whatever its value, since 0.0 and an average that
        arrives as a whole number (from JSON) would otherwise print as "0" and "12"."""
        value = value or 0
        if decimals is not None:
            value = float(value)
            return Cell(f"{value:,.{decimals}f}", value, measure, key, period, decimals=decimals)
        if isinstance(value, int) and not isinstance(value, bool):
            value = int(value)  # a table keeps the plain number; its cell names the figure
        text = wording.plain(value) if isinstance(value, int) else f"{value:,.1f}"
        return Cell(text, value, measure, key, period)

    def breakdown(
        self,
        id: str,
        title: str,
        measure: str,
        kind: str,
        first_header: str,
        *,
        years: bool = True,
        share_of: tuple[str, int] | None = None,
        total: str | None = None,
        keys: list[str] | None = None,
    ) -> Table:
        """A measure's {code: n} as rows, this period and (``years``) earlier ones.

        ``share_of`` is (noun, n): a percentage column "% of <n> <nouns>" for this period; ``total``
        adds a total row (only for single-valued measures, whose counts add up).
        """
        periods = self.periods(years)
        values = {p: (self.m(measure, p) or {}) for p in periods}
        if keys is None:
            keys = self.labels.order(kind, [k for v in values.values() for k, n in v.items() if n])
        header = [first_header] + [self.period_header(p) for p in periods]
        if share_of:
            noun, denominator = share_of
            # The denominator is a count like any other: the public version does not print
            # it in a header where the table's total hides it ("% of 1 complaints").
            header.append(
                f"% of {self.plural(denominator, noun)}"
                if self.hides(denominator)
                else f"% of {denominator:,} {wording.plural(denominator, noun)}"
            )
        if years and self.previous:
            header.append(f"Change {wording.against(self.previous)}")
        table = Table(id, title, header, [])
        for code in keys:
            cells = [Cell(self.name(kind, code))]
            cells += [self.number_cell(values[p].get(code, 0), measure, code, p) for p in periods]
            r = len(table.rows)
            if share_of:
                cells.append(self.share_cell(values[None].get(code, 0), share_of[1]))
                table.derived.append(((r, len(cells) - 1), (r, 1), None))
            if years and self.previous:
                now, before = values[None].get(code, 0), values[self.previous].get(code, 0)
                change = wording.change_figures(now, before)
                cells.append(
                    Cell(
                        wording.change_cell(now, before),
                        change=change,
                        fraction=wording.change_beyond_whole(now, before),
                    )
                )
                table.derived.append(((r, len(cells) - 1), (r, 1), (r, 2)))
            table.rows.append(Row(cells))
        if total is not None and keys:
            count = len(table.rows)
            cells = [Cell(total)]
            for c, p in enumerate(periods, start=1):
                cells.append(
                    self.number_cell(
                        sum(values[p].get(k, 0) for k in keys),
                        measure,
                        TOTAL if p is None else None,
                        p,
                    )
                )
                table.sums.append(((count, c), [(r, c) for r in range(count)]))
            cells += [Cell("") for _ in range(len(header) - len(cells))]
            table.rows.append(Row(cells, "total"))
            if share_of and _rounded_sum(values[None], keys, share_of[1]) not in (None, 100):
                # Demo 2025/26, Table 6: shares of one total, printed as 70%, 5%, ... adding to
                # 101% (IoW 2019/20's bands did the same, domain.md 7.2), unexplained.
                table.notes.append(
                    "Percentages are rounded to whole numbers, so they may not add to exactly 100%."
                )
        return table

    def keyed(
        self,
        id: str,
        title: str,
        measure: str,
        rows: list[tuple[str, str]],
        first_header: str,
        *,
        years: bool = False,
        total: str | None = None,
    ) -> Table:
        """A breakdown whose keys are fixed words (bands, findings) rather than taxonomy."""
        fixed = self.labels.kinds.setdefault(FIXED_KIND, {})
        for key, text in rows:
            fixed[key] = Term(key, text)
        return self.breakdown(
            id,
            title,
            measure,
            FIXED_KIND,
            first_header,
            years=years,
            total=total,
            keys=[k for k, _ in rows],
        )


def _rounded_sum(values: dict, keys: list[str], denominator: int) -> int | None:
    """The sum of the rows' percentages as printed (rounded), or None without a base."""
    shares = [wording.percentage(values.get(k, 0), denominator) for k in keys]
    return None if not denominator else sum(share or 0 for share in shares)


def _any_figure(value) -> bool:
    """True if ``value`` (a measure's value, or a dict or list of them) holds a non-zero
    number anywhere; codes, labels and dates are not figures."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return value != 0
    if isinstance(value, dict):
        return any(_any_figure(v) for v in value.values())
    if isinstance(value, list | tuple):
        return any(_any_figure(v) for v in value)
    return False


NR = NOT_RECORDED
