"""Random valid interchange-v1 CSVs.

python3 gen.py SEED ROWS OUT.csv [--shuffle-columns] [--drop-columns] [--bom] [--loose]
"""

import csv
import datetime as dt
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from oracle import COLUMNS, OUTCOMES, RECORD_TYPES, add_working_days, is_working_day

D = dt.date
TD = dt.timedelta
HOW = [
    "email",
    "letter",
    "telephone",
    "in_person",
    "e_form",
    "complaint_form",
    "web",
    "ombudsman",
    "via_mp_councillor",
    "other",
]
CTYPE = [
    "parent",
    "grandparent",
    "other_relative",
    "young_person",
    "foster_carer",
    "special_guardian",
    "advocate",
    "professional",
    "mp_councillor",
    "other",
]
TEAMS = [
    "cast",
    "children_looked_after",
    "disabled_children",
    "care_leavers",
    "fostering",
    "adoption",
    "mash",
    "early_help",
    "youth_offending",
    "inclusion",
    "school_standards",
    "other",
]
NATURES = [
    "conduct_of_worker",
    "quality_of_service",
    "insufficient_support",
    "funding",
    "non_fulfilment_of_duty",
    "poor_communication",
    "breach_of_confidentiality",
    "delay",
    "decision_disagreement",
    "eligibility",
    "policy",
    "other",
]
OUTC = [
    "apology",
    "explanation",
    "apology_and_explanation",
    "agreed_service_implemented",
    "personal_budget",
    "meeting_offer",
    "change_of_worker",
    "review_of_decision",
    "payment",
    "remedial_action",
    "other",
]
REFUSAL = [
    "court_proceedings",
    "out_of_time",
    "not_eligible_complainant",
    "criminal_investigation",
    "disciplinary",
    "already_considered",
    "other",
]
LGSCO = [
    "premature",
    "not_investigated",
    "no_fault",
    "fault_no_injustice",
    "fault_injustice",
    "ongoing",
]

SPECIAL = [
    D(2022, 6, 2),
    D(2022, 6, 3),
    D(2022, 9, 19),
    D(2023, 5, 8),
    D(2020, 5, 8),
    D(2019, 12, 25),
    D(2020, 12, 25),
    D(2021, 12, 25),
    D(2022, 12, 25),
    D(2023, 12, 25),
    D(2020, 4, 10),
    D(2021, 4, 2),
    D(2022, 4, 15),
    D(2023, 4, 7),
    D(2024, 3, 29),
    D(2022, 5, 30),
    D(2023, 5, 1),
    D(2023, 5, 29),
]
EXTENDABLE = {"complaint", "area_initiated", "non_statutory_complaint", "corporate_complaint"}
START, END = D(2019, 4, 1), D(2024, 3, 31)


LATEST = D(2026, 12, 4)  # Heeded refuses dates in the future (today is 2026-12-05 on this machine)
SPECIAL_WIDE = SPECIAL + [
    D(2018, 3, 30),
    D(2018, 12, 25),
    D(2024, 12, 25),
    D(2025, 4, 18),
    D(2025, 12, 25),
    D(2026, 4, 3),
    D(2026, 5, 4),
    D(2026, 8, 31),
    D(2019, 4, 19),
    D(2018, 5, 28),
]


class Gen:
    def __init__(self, seed, strict=True, wide=False):
        self.wide = wide
        self.start, self.end = (D(2018, 1, 1), D(2026, 9, 30)) if wide else (START, END)
        self.special = SPECIAL_WIDE if wide else SPECIAL
        self.r = random.Random(seed)
        # strict: avoid what the spec allows but a tidy system would not write (converted_from
        # without converted_on; stage1_extended_to on e.g. a miscellaneous; an outcome without
        # its response date; the Ombudsman's decision without the date of the enquiry)
        self.strict = strict

    def received(self):
        r = self.r
        if r.random() < 0.45:
            d = r.choice(self.special) + TD(days=r.randint(-25, 4))
        else:
            d = self.start + TD(days=r.randint(0, (self.end - self.start).days))
        return min(max(d, self.start), self.end)

    def after(self, a, lo=0, hi=10, wd_prob=0.7):
        """A date not before a: mostly a working-day offset, sometimes a raw calendar offset."""
        r = self.r
        if r.random() < wd_prob:
            return add_working_days(a, r.randint(lo, hi))
        return a + TD(days=r.randint(lo, int(hi * 1.5) + 1))

    def opt(self, p, fn):
        return fn() if self.r.random() < p else ""

    def multi(self, codes, p_empty=0.2):
        r = self.r
        if r.random() < p_empty:
            return ""
        return "|".join(r.sample(codes, r.choice([1, 1, 1, 2, 2, 3])))

    def boolean(self, p_empty=0.25):
        r = self.r
        return "" if r.random() < p_empty else r.choice(["true", "false"])

    def row(self, i):
        while True:
            x = self._row(i)
            if all(
                not v
                or not (len(v) == 10 and v[4] == "-" and v[7] == "-")
                or D.fromisoformat(v) <= LATEST
                for v in x.values()
            ):
                return x

    def _row(self, i):
        r = self.r
        x = {c: "" for c in COLUMNS}
        x["reference"] = f"ORC-{i:05d}"
        rt = r.choices(["complaint", "other", "refused", "area_initiated"], [45, 40, 8, 7])[0]
        if rt == "other":
            rt = r.choice(RECORD_TYPES[3:])
        rec = self.received()
        x["record_type"], x["received_on"] = rt, rec.isoformat()
        conv_on = None
        if rt == "complaint" and r.random() < 0.3:
            x["converted_from"] = r.choice(
                [
                    "pre_complaint",
                    "case_concern",
                    "pre_complaint",
                    "case_concern",
                    "informal_representation",
                    "non_statutory_complaint",
                ]
            )
            if self.strict or r.random() < 0.92:
                conv_on = self.after(rec, 0, 15)
                x["converted_on"] = conv_on.isoformat()
        elif rt != "complaint" and r.random() < 0.05:
            x["converted_from"] = r.choice(["complaint", "pre_complaint", "case_concern"])
            if x["converted_from"] == rt:
                x["converted_from"] = "ad_hoc"
            conv_on = self.after(rec, 0, 10)
            x["converted_on"] = conv_on.isoformat()
        x["how_received"] = self.opt(0.85, lambda: r.choice(HOW))
        x["complainant_type"] = self.opt(0.85, lambda: r.choice(CTYPE))
        x["young_person"] = self.boolean()
        x["via_professional"] = self.boolean()
        x["service_teams"] = self.multi(TEAMS)
        x["natures"] = self.multi(NATURES)
        x["outcomes_sought"] = self.multi(OUTC)
        if rt == "refused":
            x["refusal_reason"] = self.opt(0.8, lambda: r.choice(REFUSAL))
        dates = [rec]
        if r.random() < 0.75:
            a = self.after(rec, 0, 6)
            x["acknowledged_on"] = a.isoformat()
            dates.append(a)
        has_stages = rt == "complaint" or r.random() < 0.08
        if has_stages and r.random() < 0.9:
            base = conv_on if (rt == "complaint" and conv_on) else rec
            if r.random() < 0.3:
                start = self.after(base, 0, 5)
                x["stage1_started_on"] = start.isoformat()
            else:
                start = base
            dates.append(start)
            if r.random() < 0.25 and (not self.strict or rt in EXTENDABLE):
                # extension agreed, within 20 working days of the clock start (mostly beyond day 10)
                k = r.randint(11, 20) if r.random() < 0.85 else r.randint(1, 10)
                ext = add_working_days(start, k)
                if (
                    r.random() < 0.1
                ):  # sometimes the agreed date is a weekend/holiday before the 20th WD
                    e2 = ext - TD(days=1)
                    while is_working_day(e2) and e2 > start:
                        e2 -= TD(days=1)
                    if e2 > start:
                        ext = e2
                x["stage1_extended_to"] = ext.isoformat()
                dates.append(ext)
            if r.random() < 0.85:
                resp = self.after(start, 0, 28)
                x["stage1_responded_on"] = resp.isoformat()
                dates.append(resp)
                x["stage1_outcome"] = self.opt(0.85, lambda: r.choice(OUTCOMES))
                if r.random() < 0.3:
                    s2 = resp + TD(days=r.randint(0, 30))
                    x["stage2_started_on"] = s2.isoformat()
                    dates.append(s2)
                    if r.random() < 0.8:
                        r2 = self.after(s2, 0, 75)
                        x["stage2_responded_on"] = r2.isoformat()
                        dates.append(r2)
                        x["stage2_outcome"] = self.opt(0.85, lambda: r.choice(OUTCOMES))
                        if r.random() < 0.4:
                            s3 = r2 + TD(days=r.randint(0, 30))
                            x["stage3_started_on"] = s3.isoformat()
                            dates.append(s3)
                            if r.random() < 0.75:
                                r3 = self.after(s3, 5, 60)
                                x["stage3_responded_on"] = r3.isoformat()
                                dates.append(r3)
                                x["stage3_outcome"] = self.opt(0.85, lambda: r.choice(OUTCOMES))
                x["actual_outcomes"] = self.multi(OUTC, 0.4)
                x["remedial_action"] = self.boolean(0.3)
            elif not self.strict and r.random() < 0.3:
                # an outcome whose response date an old system never recorded
                x["stage1_outcome"] = r.choice(OUTCOMES)
        elif r.random() < 0.05:
            x["actual_outcomes"] = self.multi(OUTC, 0.0)
        pay = r.random()
        if pay < 0.12:
            x["payment_amount"] = "0.00"
        elif pay < 0.32:
            x["payment_amount"] = f"{r.randint(1, 150000) / 100:.2f}"
        elif pay < 0.36:
            x["payment_amount"] = str(r.choice([50, 100, 150, 250, 400]))
        if r.random() < 0.12:
            lg = self.after(max(dates), 0, 60)
            x["lgsco_received_on"] = lg.isoformat()
            dates.append(lg)
            x["lgsco_decision"] = self.opt(0.8, lambda: r.choice(LGSCO))
        elif not self.strict and r.random() < 0.03:
            # the Ombudsman's decision without the date of the enquiry
            x["lgsco_decision"] = r.choice(LGSCO)
        if r.random() < 0.6:
            cl = self.after(max(dates), 0, 20)
            x["closed_on"] = cl.isoformat()
        return x


def write(
    seed, n, out, shuffle_columns=False, drop_columns=False, bom=False, strict=True, wide=False
):
    g = Gen(seed, strict, wide)
    rows = [g.row(i) for i in range(1, n + 1)]
    cols = list(COLUMNS)
    if drop_columns:
        # leave out only columns no other cell depends on (Heeded refuses e.g. a Stage 3 response
        # without its start; see docs/interchange-readings.md)
        keep = {
            "reference",
            "record_type",
            "received_on",
            "converted_from",
            "converted_on",
            "stage1_responded_on",
            "stage2_started_on",
            "stage2_responded_on",
            "stage3_started_on",
            "stage3_responded_on",
            "lgsco_received_on",
        }
        optional = [c for c in cols if c not in keep]
        for c in g.r.sample(optional, 3):
            cols.remove(c)
            for x in rows:
                x[c] = ""
    if shuffle_columns:
        g.r.shuffle(cols)
    with open(out, "w", newline="", encoding="utf-8-sig" if bom else "utf-8") as f:
        w = csv.DictWriter(f, fieldnames=cols, extrasaction="ignore")
        w.writeheader()
        w.writerows(rows)
    return cols, rows


if __name__ == "__main__":
    a = sys.argv[1:]
    cols, rows = write(
        int(a[0]),
        int(a[1]),
        a[2],
        "--shuffle-columns" in a,
        "--drop-columns" in a,
        "--bom" in a,
        "--loose" not in a,
        "--wide" in a,
    )
    print(f"wrote {len(rows)} rows, {len(cols)} columns to {a[2]}")
