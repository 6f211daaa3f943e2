"""Independent oracle for Heeded's measures-v1, computed from an interchange-v1 CSV alone.

Nothing here imports heeded. Bank holidays typed by hand (England and Wales, 2017-2027).
Usage: python3 oracle.py FILE.csv FROM TO
(prints JSON: measures, comparisons, comparison_periods)
"""

import csv
import datetime as dt
import json
import sys
from decimal import ROUND_HALF_UP, Decimal

D = dt.date

# England and Wales bank holidays (incl. Christmas Day and Good Friday), typed by hand.
BANK_HOLIDAYS_EW = {
    2017: ["01-02", "04-14", "04-17", "05-01", "05-29", "08-28", "12-25", "12-26"],
    2018: ["01-01", "03-30", "04-02", "05-07", "05-28", "08-27", "12-25", "12-26"],
    2019: ["01-01", "04-19", "04-22", "05-06", "05-27", "08-26", "12-25", "12-26"],
    2020: [
        "01-01",
        "04-10",
        "04-13",
        "05-08",
        "05-25",
        "08-31",
        "12-25",
        "12-28",
    ],  # VE day moved early May
    2021: ["01-01", "04-02", "04-05", "05-03", "05-31", "08-30", "12-27", "12-28"],
    2022: [
        "01-03",
        "04-15",
        "04-18",
        "05-02",
        "06-02",
        "06-03",
        "08-29",
        "09-19",
        "12-26",
        "12-27",
    ],
    2023: ["01-02", "04-07", "04-10", "05-01", "05-08", "05-29", "08-28", "12-25", "12-26"],
    2024: ["01-01", "03-29", "04-01", "05-06", "05-27", "08-26", "12-25", "12-26"],
    2025: ["01-01", "04-18", "04-21", "05-05", "05-26", "08-25", "12-25", "12-26"],
    2026: ["01-01", "04-03", "04-06", "05-04", "05-25", "08-31", "12-25", "12-28"],
    2027: ["01-01", "03-26", "03-29", "05-03", "05-31", "08-30", "12-27", "12-28"],
}
HOLIDAYS = {D.fromisoformat(f"{y}-{md}") for y, mds in BANK_HOLIDAYS_EW.items() for md in mds}


def is_working_day(d):
    if d.year < 2017 or d.year > 2027:
        raise ValueError(f"no holiday data for {d}")
    return d.weekday() < 5 and d not in HOLIDAYS


def working_days_between(a, b):
    """Working days d with a < d <= b (day of receipt is day 0). Negative never expected."""
    if b < a:
        return -working_days_between(b, a)
    n = 0
    d = a
    while d < b:
        d += dt.timedelta(days=1)
        if is_working_day(d):
            n += 1
    return n


def add_working_days(a, n):
    d = a
    while n > 0:
        d += dt.timedelta(days=1)
        if is_working_day(d):
            n -= 1
    return d


# ---------------------------------------------------------------- taxonomy
STATUTORY = {"complaint", "area_initiated", "refused"}
RECORD_TYPES = [
    "complaint",
    "area_initiated",
    "refused",
    "pre_complaint",
    "case_concern",
    "informal_representation",
    "non_statutory_complaint",
    "corporate_complaint",
    "school_complaint",
    "hscp",
    "lgsco",
    "professional",
    "information_request",
    "foi_request",
    "subject_access_request",
    "mp_councillor_enquiry",
    "referral",
    "ad_hoc",
    "comment",
    "compliment",
    "miscellaneous",
]
OUTCOMES = ["upheld", "partially_upheld", "not_upheld", "withdrawn"]

COLUMNS = [
    "reference",
    "record_type",
    "received_on",
    "converted_from",
    "converted_on",
    "how_received",
    "complainant_type",
    "young_person",
    "via_professional",
    "service_teams",
    "natures",
    "outcomes_sought",
    "refusal_reason",
    "acknowledged_on",
    "stage1_started_on",
    "stage1_extended_to",
    "stage1_responded_on",
    "stage1_outcome",
    "stage2_started_on",
    "stage2_responded_on",
    "stage2_outcome",
    "stage3_started_on",
    "stage3_responded_on",
    "stage3_outcome",
    "actual_outcomes",
    "remedial_action",
    "payment_amount",
    "lgsco_received_on",
    "lgsco_decision",
    "closed_on",
]
DATE_COLS = {
    "received_on",
    "converted_on",
    "acknowledged_on",
    "stage1_started_on",
    "stage1_extended_to",
    "stage1_responded_on",
    "stage2_started_on",
    "stage2_responded_on",
    "stage3_started_on",
    "stage3_responded_on",
    "lgsco_received_on",
    "closed_on",
}
MULTI_COLS = {"service_teams", "natures", "outcomes_sought", "actual_outcomes"}


class Case:
    def __init__(self, row):
        self.raw = {c: (row.get(c) or "").strip() for c in COLUMNS}
        for c in COLUMNS:
            v = self.raw[c]
            if c in DATE_COLS:
                v = D.fromisoformat(v) if v else None
            elif c in MULTI_COLS:
                v = [x for x in v.split("|") if x] if v else []
            setattr(self, c, v)

    @property
    def is_complaint(self):
        return self.record_type == "complaint"

    def stage1_clock_start(self):
        # spec: "when empty and the case is a complaint: converted_on, else received_on"
        if self.stage1_started_on:
            return self.stage1_started_on
        if self.is_complaint and self.converted_on:
            return self.converted_on
        return self.received_on


def read_cases(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        return [Case(r) for r in csv.DictReader(f)]


def inc(dct, key, n=1):
    dct[key] = dct.get(key, 0) + n


def round1(x, mode=ROUND_HALF_UP):
    return float(Decimal(str(x)).quantize(Decimal("0.1"), rounding=mode))


def months_in(frm, to):
    """Calendar months P touches (first to last month inclusive)."""
    return (to.year - frm.year) * 12 + to.month - frm.month + 1


def measures(cases, frm, to, rounding=ROUND_HALF_UP, ext_mode="date"):
    """ext_mode 'date': within the extended deadline means the response date is on or before
    stage1_extended_to (literal); 'wd': working days to the response <= working days to
    stage1_extended_to (Heeded's reading)."""

    def inP(d):
        return d is not None and frm <= d <= to

    vol = [c for c in cases if inP(c.received_on)]
    comp = [c for c in vol if c.is_complaint]
    m = {}
    m["representations.total"] = len(vol)
    by_type, by_family, by_month, by_how, conv = {}, {"statutory": 0, "other": 0}, {}, {}, {}
    for c in vol:
        inc(by_type, c.record_type)
        inc(by_family, "statutory" if c.record_type in STATUTORY else "other")
        inc(by_month.setdefault(c.received_on.strftime("%Y-%m"), {}), c.record_type)
        inc(by_how, c.how_received or "not_recorded")
        if c.converted_from:
            inc(conv.setdefault(c.converted_from, {}), c.record_type)
    m["representations.by_type"] = by_type
    m["representations.by_family"] = by_family
    m["representations.per_month"] = round1(len(vol) / months_in(frm, to), rounding)
    m["representations.by_month"] = by_month
    m["representations.by_how_received"] = by_how
    m["representations.converted"] = conv
    m["complaints.total"] = len(comp)
    ct, nat, st, os_, ack = {}, {}, {}, {}, {"within": 0, "late": 0, "not_recorded": 0}
    for c in comp:
        inc(ct, c.complainant_type or "not_recorded")
        for x in c.natures:
            inc(nat, x)
        for x in c.service_teams:
            inc(st, x)
        for x in c.outcomes_sought:
            inc(os_, x)
        if c.acknowledged_on is None:
            ack["not_recorded"] += 1
        elif working_days_between(c.received_on, c.acknowledged_on) <= 3:
            ack["within"] += 1
        else:
            ack["late"] += 1
    m["complaints.complainant_types"] = ct
    m["complaints.natures"] = nat
    m["complaints.service_teams"] = st
    m["complaints.outcomes_sought"] = os_
    m["complaints.acknowledged_within_3"] = ack
    ref = {}
    for c in vol:
        if c.record_type == "refused":
            inc(ref, c.refusal_reason or "not_recorded")
    m["refusals.reasons"] = ref

    # Stage 1
    s1 = [c for c in cases if c.is_complaint and inP(c.stage1_responded_on)]
    m["stage1.responses"] = len(s1)
    wds = [working_days_between(c.stage1_clock_start(), c.stage1_responded_on) for c in s1]
    m["stage1.average_working_days"] = round1(sum(wds) / len(wds), rounding) if wds else None
    bands = {"within_10": 0, "11_to_20": 0, "over_20": 0}
    wd_ = {"within": 0, "late": 0}
    out1, act1, rem = (
        {k: 0 for k in OUTCOMES + ["not_recorded"]},
        {},
        {"true": 0, "false": 0, "not_recorded": 0},
    )
    for c, w in zip(s1, wds, strict=True):
        bands["within_10" if w <= 10 else "11_to_20" if w <= 20 else "over_20"] += 1
        within = w <= 10
        if c.stage1_extended_to:
            # extended deadline, never more than 20 working days
            if ext_mode == "date":
                ok = c.stage1_responded_on <= c.stage1_extended_to
            else:
                ok = w <= working_days_between(c.stage1_clock_start(), c.stage1_extended_to)
            within = within or (ok and w <= 20)
        wd_["within" if within else "late"] += 1
        inc(out1, c.stage1_outcome or "not_recorded")
        for x in c.actual_outcomes:
            inc(act1, x)
        if c.stage1_outcome in ("upheld", "partially_upheld"):
            inc(rem, c.remedial_action or "not_recorded")
    m["stage1.bands"] = bands
    m["stage1.within_deadline"] = wd_
    m["stage1.outcomes"] = out1
    m["stage1.actual_outcomes"] = act1
    m["stage1.remedial_action"] = rem

    # Stage 2
    m["stage2.started"] = sum(1 for c in cases if c.is_complaint and inP(c.stage2_started_on))
    s2 = [c for c in cases if c.is_complaint and inP(c.stage2_responded_on)]
    m["stage2.responses"] = len(s2)
    wds2 = [
        working_days_between(c.stage2_started_on, c.stage2_responded_on)
        for c in s2
        if c.stage2_started_on
    ]
    m["stage2.average_working_days"] = round1(sum(wds2) / len(wds2), rounding) if wds2 else None
    w2 = {"within": 0, "late": 0}
    out2 = {k: 0 for k in OUTCOMES + ["not_recorded"]}
    for c in s2:
        if c.stage2_started_on:
            w2[
                "within"
                if working_days_between(c.stage2_started_on, c.stage2_responded_on) <= 25
                else "late"
            ] += 1
        inc(out2, c.stage2_outcome or "not_recorded")
    m["stage2.within_deadline"] = w2
    m["stage2.outcomes"] = out2

    m["stage3.started"] = sum(1 for c in cases if c.is_complaint and inP(c.stage3_started_on))
    s3 = [c for c in cases if c.is_complaint and inP(c.stage3_responded_on)]
    m["stage3.responses"] = len(s3)
    out3 = {k: 0 for k in OUTCOMES + ["not_recorded"]}
    for c in s3:
        inc(out3, c.stage3_outcome or "not_recorded")
    m["stage3.outcomes"] = out3

    yp = [c for c in comp if c.young_person == "true"]
    m["young_people.complaints"] = len(yp)
    m["young_people.via_professional"] = sum(1 for c in yp if c.via_professional == "true")
    m["young_people.upheld"] = sum(
        1 for c in yp if c.stage1_outcome in ("upheld", "partially_upheld")
    )

    lg = [c for c in cases if inP(c.lgsco_received_on)]
    m["lgsco.received"] = len(lg)
    dec = {}
    for c in lg:
        inc(dec, c.lgsco_decision or "not_recorded")
    m["lgsco.decisions"] = dec
    tot = sum(
        (Decimal(c.payment_amount) for c in cases if inP(c.closed_on) and c.payment_amount),
        Decimal("0"),
    )
    m["payments.total"] = float(tot.quantize(Decimal("0.01")))
    return m


MEASURE_IDS = sorted(measures([], D(2022, 4, 1), D(2023, 3, 31)).keys())
assert len(MEASURE_IDS) == 35, len(MEASURE_IDS)


def shift_years(d, k):
    try:
        return d.replace(year=d.year - k)
    except ValueError:  # 29 Feb -> 28 Feb
        return d.replace(year=d.year - k, day=28)


def comparison_periods(frm, to, n=3):
    return [(shift_years(frm, k), shift_years(to, k)) for k in range(1, n + 1)]


def normalise(v):
    """Drop zero-count keys (the spec allows them to be left out), recursively."""
    if isinstance(v, dict):
        out = {}
        for k, x in v.items():
            x = normalise(x)
            if x == 0 or x == {}:
                continue
            out[k] = x
        return out
    return v


def report(cases, frm, to, n=3):
    return {
        "measures": measures(cases, frm, to),
        "comparison_periods": [
            (a.isoformat(), b.isoformat()) for a, b in comparison_periods(frm, to, n)
        ],
        "comparisons": {
            f"{a.isoformat()}..{b.isoformat()}": measures(cases, a, b)
            for a, b in comparison_periods(frm, to, n)
        },
    }


def _self_check():
    # domain.md worked examples and spec examples
    assert add_working_days(D(2019, 12, 20), 10) == D(2020, 1, 8)
    assert add_working_days(D(2019, 12, 20), 20) == D(2020, 1, 22)
    assert add_working_days(D(2019, 12, 20), 25) == D(2020, 1, 29)
    assert add_working_days(D(2019, 12, 20), 65) == D(2020, 3, 25)
    assert add_working_days(D(2025, 4, 17), 10) == D(2025, 5, 6)
    assert add_working_days(D(2025, 12, 19), 20) == D(2026, 1, 21)
    assert working_days_between(D(2025, 6, 2), D(2025, 6, 9)) == 5

    # rule-based holidays vs typed list (one-offs aside)
    def easter(y):
        a = y % 19
        b = y // 100
        c = y % 100
        d = b // 4
        e = b % 4
        f = (b + 8) // 25
        g = (b - f + 1) // 3
        h = (19 * a + b - d - g + 15) % 30
        i = c // 4
        k = c % 4
        el = (32 + 2 * e + 2 * i - h - k) % 7
        m = (a + 11 * h + 22 * el) // 451
        mo = (h + el - 7 * m + 114) // 31
        da = ((h + el - 7 * m + 114) % 31) + 1
        return D(y, mo, da)

    def first_mon(y, mo):
        d = D(y, mo, 1)
        return d + dt.timedelta(days=(7 - d.weekday()) % 7)

    def last_mon(y, mo):
        d = D(y, mo + 1, 1) - dt.timedelta(days=1)
        return d - dt.timedelta(days=d.weekday())

    for y in range(2017, 2028):
        exp = set()
        nyd = D(y, 1, 1)
        exp.add(nyd if nyd.weekday() < 5 else nyd + dt.timedelta(days=7 - nyd.weekday()))
        e = easter(y)
        exp |= {e - dt.timedelta(days=2), e + dt.timedelta(days=1)}
        exp |= {first_mon(y, 5), last_mon(y, 5), last_mon(y, 8)}
        xd, bd = D(y, 12, 25), D(y, 12, 26)
        if xd.weekday() == 5:
            exp |= {D(y, 12, 27), D(y, 12, 28)}
        elif xd.weekday() == 6:
            exp |= {D(y, 12, 26), D(y, 12, 27)}
        elif bd.weekday() == 5:
            exp |= {xd, D(y, 12, 28)}
        else:
            exp |= {xd, bd}
        oneoffs = {
            2020: ({D(2020, 5, 8)}, {D(2020, 5, 4)}),
            2022: ({D(2022, 6, 2), D(2022, 6, 3), D(2022, 9, 19)}, {D(2022, 5, 30)}),
            2023: ({D(2023, 5, 8)}, set()),
        }
        add, remove = oneoffs.get(y, (set(), set()))
        exp = (exp - remove) | add
        got = {d for d in HOLIDAYS if d.year == y}
        assert got == exp, (y, sorted(got ^ exp))


_self_check()

if __name__ == "__main__":
    cases = read_cases(sys.argv[1])
    print(
        json.dumps(
            report(cases, D.fromisoformat(sys.argv[2]), D.fromisoformat(sys.argv[3])),
            indent=1,
            sort_keys=True,
        )
    )
