"""The measures of ``shared/spec/measures-v1.md``, computed from case data for a period.

Every figure comes from a small, constant number of grouped queries (``values().annotate(
Count(...))``): the database counts, Python only files the grouped rows under their keys.
Working days cannot be counted in SQL portably, so for those measures only the date columns
are fetched (``values_list``) and counted with numpy's business-day functions, the same rule
as ``heeded.calendars.working_days`` for one date or a million.

Conventions, the same for every measure (the spec lets zero counts be left out; we choose):

* Measures keyed by taxonomy code (``{code: n, "not_recorded": n}``) leave out every key
  whose count is 0, ``not_recorded`` included; ``representations.by_month`` leaves out
  months with no cases and ``representations.converted`` types never converted from.
* Measures whose keys the spec fixes always carry all of them, with 0 where nothing was
  counted: ``representations.by_family`` (statutory, other),
  ``complaints.acknowledged_within_3`` (within, late, not_recorded), ``stage1.bands``
  (within_10, 11_to_20, over_20), ``stageN.within_deadline`` (within, late),
  ``stageN.outcomes`` (upheld, partially_upheld, not_upheld, withdrawn, not_recorded) and
  ``stage1.remedial_action`` ("true", "false", not_recorded).
* Numbers with decimals are rounded half up (``Decimal.quantize(ROUND_HALF_UP)``): 68 cases
  over 12 months is 5.7 a month. Averages are ``None`` (JSON null) when there is nothing to
  average; ``payments.total`` is 0.0 when no payments were made. Both are returned as
  floats so that JSON carries them as numbers.
* Dicts are returned with sorted keys, so that the JSON is the same every time.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal

import numpy as np
from django.db.models import Exists, OuterRef, Q, QuerySet

from heeded.calendars.working_days import working_days_array
from heeded.cases.models import Case, Stage

from .facts import COMPLAINT, INFORMATION_REQUESTS, UPHELD, PeriodRows
from .periods import Period
from .timescales import ACKNOWLEDGEMENT_DAYS, STAGE1_DAYS, STAGE1_MOST_DAYS, STAGE_LIMITS

MEASURE_IDS: tuple[str, ...] = (
    "representations.total",
    "representations.by_type",
    "representations.by_family",
    "representations.per_month",
    "representations.by_month",
    "representations.by_how_received",
    "representations.converted",
    "complaints.total",
    "complaints.complainant_types",
    "complaints.natures",
    "complaints.service_teams",
    "complaints.outcomes_sought",
    "complaints.acknowledged_within_3",
    "refusals.reasons",
    "stage1.responses",
    "stage1.average_working_days",
    "stage1.bands",
    "stage1.within_deadline",
    "stage1.outcomes",
    "stage1.actual_outcomes",
    "stage1.remedial_action",
    "stage2.started",
    "stage2.responses",
    "stage2.average_working_days",
    "stage2.within_deadline",
    "stage2.outcomes",
    "stage3.started",
    "stage3.responses",
    "stage3.outcomes",
    "young_people.complaints",
    "young_people.via_professional",
    "young_people.upheld",
    "lgsco.received",
    "lgsco.decisions",
    "payments.total",
)

REFUSED = "refused"
NOT_RECORDED = "not_recorded"
FAMILIES = ("statutory", "other")
STAGE_OUTCOMES = ("upheld", "partially_upheld", "not_upheld", "withdrawn")
CONVERTED_INTO_COMPLAINTS = ("pre_complaint", "case_concern")


# --- Small helpers ---------------------------------------------------------------------------


def round_half_up(value: Decimal, places: int) -> float:
    return float(value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))


def _sorted(counts: dict) -> dict:
    return {key: counts[key] for key in sorted(counts)}


def _nonzero(counts: dict) -> dict:
    return _sorted({key: n for key, n in counts.items() if n})


def _fixed(keys, counts: dict) -> dict:
    return {key: counts.get(key, 0) for key in sorted(keys)}


def _tally(rows, key, count="n") -> dict:
    """Sum grouped rows' counts under ``key(row)``; a None key is ``not_recorded``."""
    totals: dict = defaultdict(int)
    for row in rows:
        name = key(row)
        totals[NOT_RECORDED if name is None or name == "" else name] += row[count]
    return totals


def _flag(value: bool | None) -> str:
    return NOT_RECORDED if value is None else ("true" if value else "false")


def _in(field: str, period: Period) -> Q:
    return Q(**{f"{field}__range": (period.start, period.end)})


def _complaints() -> Q:
    return Q(record_type__code=COMPLAINT)


def _dates(values) -> np.ndarray:
    return np.array(values, dtype="datetime64[D]")


def ranked(counts: dict[str, int], top: int = 3) -> list[dict]:
    """The codes ranked by count, ties sharing a rank ("equal third"), down to rank ``top``.

    Competition ranking: a code's rank is one more than the number of codes counted more
    often, so two codes equal second are followed by fourth, and every code tied for a
    place within the top is kept.
    """
    ordered = sorted(((n, code) for code, n in counts.items() if n), key=lambda x: (-x[0], x[1]))
    result = []
    for n, code in ordered:
        rank = 1 + sum(1 for other in counts.values() if other > n)
        if rank > top:
            break
        tied = sum(1 for other in counts.values() if other == n) > 1
        result.append({"code": code, "count": n, "rank": rank, "tied": tied})
    return result


# --- Timeliness, counted with numpy over fetched date columns --------------------------------


def timeliness(starts, responses, extended_to, stage: int, counts=None) -> dict:
    """Average, bands and within-deadline counts of one stage's responses.

    The deadline is the normal limit, or the working days to an agreed extension when that
    is longer, never more than the procedure's maximum (stage 1: 10, up to 20). ``counts``
    is how many responses each (start, response, extension) stands for (default: one).
    """
    normal, maximum = STAGE_LIMITS[stage]
    starts, responses, extended_to = _dates(starts), _dates(responses), _dates(extended_to)
    counts = np.ones(len(starts), dtype="int64") if counts is None else np.asarray(counts)
    taken = working_days_array(starts, responses) if len(starts) else np.array([], dtype=int)
    # No extension agreed: count to the start itself (0 days) so the normal limit applies.
    extension = np.where(np.isnat(extended_to), starts, extended_to)
    agreed = working_days_array(starts, extension) if len(starts) else taken
    limit = np.clip(agreed, normal, maximum)

    def how_many(chosen) -> int:
        return int(counts[chosen].sum())

    within = how_many(taken <= limit)
    responded = int(counts.sum())
    total_days = int((taken * counts).sum())
    average = round_half_up(Decimal(total_days) / Decimal(responded), 1) if responded else None
    extended = ~np.isnat(extended_to)
    figures = {
        "extensions": {
            "agreed": how_many(extended),
            "within": how_many(extended & (taken <= limit)),
        },
        "responses": responded,
        "average_working_days": average,
        "within_deadline": {"late": responded - within, "within": within},
    }
    if stage == 1:
        figures["bands"] = {key: how_many(chosen) for key, chosen in stage1_bands(taken).items()}
    return figures


def stage1_bands(taken: np.ndarray) -> dict[str, np.ndarray]:
    """Which of the Stage 1 responses that took ``taken`` working days fall in each band:
    within the normal limit, within the most an extension may allow, or over it."""
    return {
        "11_to_20": (taken > STAGE1_DAYS) & (taken <= STAGE1_MOST_DAYS),
        "over_20": taken > STAGE1_MOST_DAYS,
        "within_10": taken <= STAGE1_DAYS,
    }


# --- The grouped rows every measure is filed from --------------------------------------------


class Facts:
    """The grouped rows of one period, each fetched once and shared by the measures.

    ``rows`` may hold the rows of several periods (a report's comparison years), fetched
    together; by default they are fetched for this period alone.
    """

    def __init__(self, period: Period, rows: PeriodRows | None = None):
        self.period = period
        self.rows = rows if rows is not None else PeriodRows([period])
        self.index = self.rows.index(period)

    def _mine(name: str):  # noqa: N805 (a helper that builds properties, not a method)
        return property(lambda self: getattr(self.rows, name)[self.index])

    volume = _mine("volume")
    complaints = _mine("complaints")
    young_people_upheld = _mine("young_people_upheld")
    stage1_ongoing = _mine("stage1_ongoing")
    natures = _mine("natures")
    outcomes_sought = _mine("outcomes_sought")
    service_teams = _mine("service_teams")
    acknowledgements = _mine("acknowledgements")
    stage_dates = _mine("stage_dates")
    stage_outcomes = _mine("stage_outcomes")
    stages_started = _mine("stages_started")
    actual_outcomes = _mine("actual_outcomes")
    ombudsman = _mine("ombudsman")
    information_requests = _mine("information_requests")

    @property
    def payments(self) -> Decimal:
        return Decimal(self.rows.payments[self.index][0] or 0)

    @property
    def cases_paid(self) -> int:
        return self.rows.payments[self.index][1]

    # --- The measures, filed from the rows above -------------------------------------------

    def _stage_timeliness(self, number: int, also: np.ndarray | bool = True) -> dict:
        """Timeliness of stage ``number``'s responses (``also``: a further mask on them)."""
        stage, start, response, extended_to, counts = self.stage_dates
        chosen = (stage == number) & also
        return timeliness(
            start[chosen], response[chosen], extended_to[chosen], number, counts[chosen]
        )

    def _outcomes(self, number: int) -> dict:
        rows = [row for row in self.stage_outcomes if row["number"] == number]
        return _fixed((*STAGE_OUTCOMES, NOT_RECORDED), _tally(rows, lambda r: r["outcome"]))

    def _codes(self, rows, code_field, record_type=COMPLAINT) -> dict:
        rows = [row for row in rows if row["case__record_type__code"] == record_type]
        return _nonzero(_tally(rows, lambda r: r[code_field]))

    def measures(self) -> dict[str, object]:
        volume, complaints, period = self.volume, self.complaints, self.period
        total = sum(row["n"] for row in volume)
        by_month: dict[str, dict] = defaultdict(lambda: defaultdict(int))
        converted: dict[str, dict] = defaultdict(lambda: defaultdict(int))
        for row in volume:
            by_month[row["month"]][row["record_type__code"]] += row["n"]
            if row["converted_from__code"]:
                converted[row["converted_from__code"]][row["record_type__code"]] += row["n"]
        refused = [row for row in volume if row["record_type__code"] == REFUSED]
        young = [row for row in complaints if row["young_person"]]
        stage1 = self._stage_timeliness(1)
        stage2 = self._stage_timeliness(2)
        upheld_stage1 = [
            r for r in self.stage_outcomes if r["number"] == 1 and r["outcome"] in UPHELD
        ]
        acknowledged = self._acknowledged_within()
        values = {
            "representations.total": total,
            "representations.by_type": _nonzero(_tally(volume, lambda r: r["record_type__code"])),
            "representations.by_family": _fixed(
                FAMILIES, _tally(volume, lambda r: r["record_type__family"])
            ),
            "representations.per_month": round_half_up(Decimal(total) / period.months, 1),
            "representations.by_month": {
                month: _nonzero(counts) for month, counts in sorted(by_month.items())
            },
            "representations.by_how_received": _nonzero(
                _tally(volume, lambda r: r["how_received__code"])
            ),
            "representations.converted": {
                source: _nonzero(counts) for source, counts in sorted(converted.items())
            },
            "complaints.total": sum(row["n"] for row in complaints),
            "complaints.complainant_types": _nonzero(
                _tally(complaints, lambda r: r["complainant_type__code"])
            ),
            "complaints.natures": self._codes(self.natures, "nature__code"),
            "complaints.service_teams": self._codes(self.service_teams, "serviceteam__code"),
            "complaints.outcomes_sought": self._codes(self.outcomes_sought, "outcome__code"),
            "complaints.acknowledged_within_3": acknowledged,
            "refusals.reasons": _nonzero(_tally(refused, lambda r: r["refusal_reason__code"])),
            "stage1.responses": stage1["responses"],
            "stage1.average_working_days": stage1["average_working_days"],
            "stage1.bands": stage1["bands"],
            "stage1.within_deadline": stage1["within_deadline"],
            "stage1.outcomes": self._outcomes(1),
            "stage1.actual_outcomes": _nonzero(
                _tally(self.actual_outcomes, lambda r: r["outcome__code"])
            ),
            "stage1.remedial_action": _fixed(
                ("true", "false", NOT_RECORDED),
                _tally(upheld_stage1, lambda r: _flag(r["case__remedial_action"])),
            ),
            "stage2.started": self.stages_started.get(2, 0),
            "stage2.responses": stage2["responses"],
            "stage2.average_working_days": stage2["average_working_days"],
            "stage2.within_deadline": stage2["within_deadline"],
            "stage2.outcomes": self._outcomes(2),
            "stage3.started": self.stages_started.get(3, 0),
            "stage3.responses": sum(self._outcomes(3).values()),
            "stage3.outcomes": self._outcomes(3),
            "young_people.complaints": sum(row["n"] for row in young),
            "young_people.via_professional": sum(r["n"] for r in young if r["via_professional"]),
            "young_people.upheld": self.young_people_upheld,
            "lgsco.received": sum(row["n"] for row in self.ombudsman),
            "lgsco.decisions": _nonzero(
                _tally(self.ombudsman, lambda r: r["ombudsman_decision__code"])
            ),
            "payments.total": round_half_up(self.payments, 2),
        }
        return {measure: values[measure] for measure in MEASURE_IDS}

    def _acknowledged_within(self) -> dict:
        received, acknowledged, counts = self.acknowledgements
        recorded = ~np.isnat(acknowledged)
        taken = (
            working_days_array(received[recorded], acknowledged[recorded])
            if recorded.any()
            else np.array([], dtype=int)
        )
        within = int(counts[recorded][taken <= ACKNOWLEDGEMENT_DAYS].sum())
        return {
            "late": int(counts[recorded].sum()) - within,
            NOT_RECORDED: int(counts[~recorded].sum()),
            "within": within,
        }

    # --- Figures the report needs beyond the spec ------------------------------------------

    def supplementary(self) -> dict[str, object]:
        measures = self.measures()
        return _sorted(
            {
                "stage1_by_half_year": self._stage1_by_half_year(),
                "stage1_outcome_by_decision": self._outcome_by_decision(),
                # Agreed extensions shown apart (domain.md 7.3 item 5): how many, and how
                # many of those were answered within the extended deadline.
                "extensions": {
                    f"stage{number}": self._stage_timeliness(number)["extensions"]
                    for number in (1, 2)
                },
                "compliments": self._compliments(),
                "information_requests": self._information_requests(),
                "escalation": {
                    "stage1_responses": measures["stage1.responses"],
                    "stage2_started": measures["stage2.started"],
                    "stage2_responses": measures["stage2.responses"],
                    "stage3_started": measures["stage3.started"],
                },
                "converted_into_complaints": {
                    source: self._became_complaints(source) for source in CONVERTED_INTO_COMPLAINTS
                },
                "top_natures": ranked(measures["complaints.natures"]),
                "top_service_teams": ranked(measures["complaints.service_teams"]),
                "young_people_by_service_team": _nonzero(
                    _tally(
                        [
                            r
                            for r in self.service_teams
                            if r["case__record_type__code"] == COMPLAINT and r["case__young_person"]
                        ],
                        lambda r: r["serviceteam__code"],
                    )
                ),
                "advocacy": self._advocacy(),
                "cases_paid": self.cases_paid,
                # Of the complaints received, those still awaiting their Stage 1 response
                # at the period's end (Southampton 2009/10 section 6.2's "ongoing").
                "stage1_ongoing": self.stage1_ongoing,
                # Of the Ombudsman's enquiries received, those it had not decided by the
                # period's end (Isle of Wight 2019/20 section 12.1's "currently ongoing").
                "lgsco_ongoing": sum(row["ongoing"] for row in self.ombudsman),
            }
        )

    def _stage1_by_half_year(self) -> dict:
        """Stage 1 timeliness in each half of a financial year (H1 April to September)."""
        period = self.period
        if not (period.start == dt.date(period.start.year, 4, 1) and period.months == 12):
            return {}
        if period.end != dt.date(period.start.year + 1, 3, 31):
            return {}
        october = dt.date(period.start.year, 10, 1)
        first_half = self.stage_dates[2] < np.datetime64(october)
        halves = {}
        for half, in_half in (("H1", first_half), ("H2", ~first_half)):
            figures = self._stage_timeliness(1, in_half)
            halves[half] = _sorted(
                {
                    "responses": figures["responses"],
                    "bands": figures["bands"],
                    "within_deadline": figures["within_deadline"],
                }
            )
        return halves

    def _outcome_by_decision(self) -> dict:
        crosstab: dict[str, dict] = defaultdict(lambda: defaultdict(int))
        for row in self.actual_outcomes:
            decision = row["case__stages__outcome"] or NOT_RECORDED
            crosstab[row["outcome__code"]][decision] += row["n"]
        return {code: _nonzero(counts) for code, counts in sorted(crosstab.items())}

    def _compliments(self) -> dict:
        received = sum(r["n"] for r in self.volume if r["record_type__code"] == "compliment")
        return {
            "by_service_team": self._codes(self.service_teams, "serviceteam__code", "compliment"),
            "received": received,
        }

    def _information_requests(self) -> dict:
        received = _tally(self.volume, lambda r: r["record_type__code"])
        answered = {row["case__record_type__code"]: row for row in self.information_requests}
        figures = {}
        for record_type in INFORMATION_REQUESTS:
            row = answered.get(record_type, {"n": 0, "within": 0, "no_deadline": 0})
            figures[record_type] = {
                "late": row["n"] - row["within"] - row["no_deadline"],
                NOT_RECORDED: row["no_deadline"],
                "received": received.get(record_type, 0),
                "responded": row["n"],
                "within": row["within"],
            }
        return figures

    def _became_complaints(self, source: str) -> dict:
        """Of the ``source`` cases received in P, how many became complaints (or other types)."""
        rows = [
            r
            for r in self.volume
            if r["record_type__code"] == source or r["converted_from__code"] == source
        ]
        became = _tally(
            [r for r in rows if r["converted_from__code"] == source],
            lambda r: r["record_type__code"],
        )
        return {
            "became": _nonzero(became),
            "complaints": became.get(COMPLAINT, 0),
            "received": sum(r["n"] for r in rows),
        }

    def _advocacy(self) -> dict:
        def counts(rows) -> dict:
            offered = [r for r in rows if r["advocacy_offered"]]
            return {
                "complaints": sum(r["n"] for r in rows),
                "offered": _fixed(
                    ("true", "false", NOT_RECORDED),
                    _tally(rows, lambda r: _flag(r["advocacy_offered"])),
                ),
                "taken_up": _fixed(
                    ("true", "false", NOT_RECORDED),
                    _tally(offered, lambda r: _flag(r["advocacy_taken_up"])),
                ),
            }

        return {
            "all_complaints": counts(self.complaints),
            "young_people": counts([r for r in self.complaints if r["young_person"]]),
        }


def compute_measures(period: Period) -> dict[str, object]:
    """Every measure of measures-v1.md for ``period``: id -> value, in the spec's order."""
    return Facts(period).measures()


def compute_supplementary(period: Period) -> dict[str, object]:
    """Figures the annual report needs that the spec does not define (counts only)."""
    return Facts(period).supplementary()


# --- Drill-down: the cases behind a figure ---------------------------------------------------


def _flag_filter(field: str, key: str) -> Q:
    if key == NOT_RECORDED:
        return Q(**{f"{field}__isnull": True})
    if key not in ("true", "false"):
        raise ValueError(f"'{key}' is not a key of this measure (true, false or not_recorded)")
    return Q(**{field: key == "true"})


def _code_filter(field: str, key: str) -> Q:
    if key == NOT_RECORDED:
        return Q(**{f"{field}__isnull": True})
    return Q(**{f"{field}__code": key})


def _stage_cases(number: int, period: Period, on: str = "responded_on") -> QuerySet[Case]:
    stages = Stage.objects.filter(
        case=OuterRef("pk"), number=number, **{f"{on}__range": (period.start, period.end)}
    )
    return Case.objects.filter(_complaints()).filter(Exists(stages))


def _by_working_days(cases: QuerySet[Case], key: str, measure_id: str, period: Period):
    """Cases of a working-day bucket: the dates are counted with numpy, then looked up by id."""
    if measure_id == "complaints.acknowledged_within_3":
        if key == NOT_RECORDED:
            return cases.filter(acknowledged_on__isnull=True)
        rows = list(
            cases.filter(acknowledged_on__isnull=False).values_list(
                "pk", "received_on", "acknowledged_on"
            )
        )
        taken = working_days_array(_dates([r[1] for r in rows]), _dates([r[2] for r in rows]))
        buckets = {"within": taken <= ACKNOWLEDGEMENT_DAYS, "late": taken > ACKNOWLEDGEMENT_DAYS}
    else:
        number = int(measure_id[5])
        normal, maximum = STAGE_LIMITS[number]
        rows = list(
            Stage.objects.filter(
                case__in=cases, number=number, responded_on__range=(period.start, period.end)
            ).values_list("case_id", "started_on", "responded_on", "extended_to")
        )
        starts, responses = _dates([r[1] for r in rows]), _dates([r[2] for r in rows])
        extended = _dates([r[3] for r in rows])
        taken = working_days_array(starts, responses)
        agreed = working_days_array(starts, np.where(np.isnat(extended), starts, extended))
        within = taken <= np.clip(agreed, normal, maximum)
        buckets = {"within": within, "late": ~within, **stage1_bands(taken)}
    if key not in buckets:
        raise ValueError(f"'{key}' is not a key of {measure_id}")
    ids = [row[0] for row, chosen in zip(rows, buckets[key], strict=True) if chosen]
    return cases.filter(pk__in=ids)


def _of_type(cases: QuerySet[Case], code: str, received_as: str) -> QuerySet[Case]:
    """A record type's cases, or with NOT_CONVERTED only those received as that type."""
    from .document.labels import NOT_CONVERTED

    if received_as not in ("", NOT_CONVERTED):
        raise ValueError(f"'{received_as}' is not a part of a record type's count")
    cases = cases.filter(record_type__code=code)
    return cases.filter(converted_from__isnull=True) if received_as else cases


def cases_behind(measure_id: str, key: str | None, period: Period) -> QuerySet[Case]:
    """The cases a figure counts, for a report's drill-down links.

    ``key`` picks one entry of a measure whose value is a dict (``None``: every case the
    measure counts). Nested measures take "outer/inner": ``representations.by_month`` with
    "2019-04/complaint", ``representations.converted`` with "pre_complaint/complaint".
    Multi-valued measures give each case once, however many of the codes it holds.
    """
    if measure_id not in MEASURE_IDS:
        raise ValueError(f"'{measure_id}' is not a measure of measures-v1")
    received = Case.objects.filter(_in("received_on", period))
    complaints = received.filter(_complaints())
    up = Q(stages__number=1, stages__outcome__in=UPHELD)
    group, _, name = measure_id.partition(".")
    outer, _, inner = (key or "").partition("/")

    if group == "representations":
        cases = received
        if key is None:
            return cases
        if name == "by_type":
            return _of_type(cases, outer, inner)
        if name == "by_family":
            return cases.filter(record_type__family=key)
        if name == "by_how_received":
            return cases.filter(_code_filter("how_received", key))
        if name == "by_month":
            year, month = (int(part) for part in outer.split("-"))
            cases = cases.filter(received_on__year=year, received_on__month=month)
            return cases.filter(record_type__code=inner) if inner else cases
        if name == "converted":
            cases = cases.filter(converted_from__code=outer)
            return cases.filter(record_type__code=inner) if inner else cases
        return cases
    if group == "complaints":
        if key is None or name == "total":
            return complaints
        if name == "complainant_types":
            return complaints.filter(_code_filter("complainant_type", key))
        if name in ("natures", "service_teams", "outcomes_sought"):
            return complaints.filter(**{f"{name}__code": key}).distinct()
        return _by_working_days(complaints, key, measure_id, period)
    if group == "refusals":
        refused = received.filter(record_type__code=REFUSED)
        return refused if key is None else refused.filter(_code_filter("refusal_reason", key))
    if group.startswith("stage"):
        number = int(group[-1])
        if name == "started":
            return _stage_cases(number, period, on="started_on")
        cases = _stage_cases(number, period)
        if key is None or name in ("responses", "average_working_days"):
            return cases
        if name == "outcomes":
            outcome = "" if key == NOT_RECORDED else key
            return cases.filter(stages__number=number, stages__outcome=outcome)
        if name == "actual_outcomes":
            return cases.filter(actual_outcomes__code=key).distinct()
        if name == "remedial_action":
            return cases.filter(up).filter(_flag_filter("remedial_action", key)).distinct()
        return _by_working_days(cases, key, measure_id, period)
    if group == "young_people":
        young = complaints.filter(young_person=True)
        if name == "via_professional":
            return young.filter(via_professional=True)
        if name == "upheld":
            return young.filter(up).distinct()
        return young
    if group == "lgsco":
        cases = Case.objects.filter(_in("ombudsman_received_on", period))
        return cases if key is None else cases.filter(_code_filter("ombudsman_decision", key))
    # payments.total: the cases that were paid something (a payment of 0.00 records that
    # nothing was, and adds nothing to the total).
    closed = Case.objects.filter(_in("closed_on", period))
    return closed.filter(payments__amount__gt=0).distinct()
