"""Southampton 2009/10 (seed 004), Table 3 (contacts month by month) and Table 2 (how
received), rebuilt as 441 cases written in bulk."""

from __future__ import annotations

import datetime as dt
import itertools

from heeded.cases.models import Case
from heeded.taxonomy.models import HowReceived, RecordType

MONTHS = [
    f"{y}-{m:02d}" for y, m in [(2009, m) for m in range(4, 13)] + [(2010, 1), (2010, 2), (2010, 3)]
]
TABLE_3 = {
    "comment": [0, 0, 0, 0, 0, 0, 1, 17, 0, 4, 1, 1],
    "compliment": [0, 1, 1, 3, 1, 4, 12, 6, 1, 2, 2, 2],
    "corporate_complaint": [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1],
    "lgsco": [0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 2],
    "mp_councillor_enquiry": [14, 6, 4, 8, 2, 8, 7, 11, 8, 4, 7, 10],
    "referral": [0, 0, 0, 1, 0, 0, 1, 2, 1, 0, 3, 0],
    "informal_representation": [7, 11, 9, 9, 3, 10, 10, 7, 10, 8, 13, 7],
    "school_complaint": [0, 0, 0, 0, 1, 1, 0, 1, 0, 0, 3, 2],
    "complaint": [6, 14, 12, 19, 13, 17, 22, 15, 6, 8, 21, 14],
}
MONTH_TOTALS = [27, 32, 26, 41, 20, 40, 53, 59, 26, 26, 52, 39]
TABLE_2 = {
    "complaint_form": 8,
    "email": 114,
    "in_person": 7,
    "letter": 165,
    "ombudsman": 4,
    "telephone": 136,
    "web": 7,
}


def build() -> None:
    types = {t.code: t for t in RecordType.objects.filter(code__in=TABLE_3)}
    channels = itertools.chain.from_iterable(
        itertools.repeat(HowReceived.objects.get(code=code), n) for code, n in TABLE_2.items()
    )
    cases = []
    for code, counts in TABLE_3.items():
        for month, count in zip(MONTHS, counts, strict=True):
            year, number = (int(part) for part in month.split("-"))
            for day in range(count):
                cases.append(
                    Case(
                        reference=f"SOTON-{len(cases):05d}",
                        record_type=types[code],
                        # Spread over the month; the 28th is in every month.
                        received_on=dt.date(year, number, 1 + day % 28),
                        how_received=next(channels),
                    )
                )
    Case.objects.bulk_create(cases)
