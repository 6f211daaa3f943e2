"""The columns of the case interchange format, version 1 (shared/spec/interchange-v1.md).

Declared once, in the spec's order: the exporter writes them in this order and the importer
checks headers against these names (case-sensitive, as the spec says).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Kind(StrEnum):
    TEXT = "text"
    CODE = "code"
    CODES = "codes"  # multi-valued, separated by |
    DATE = "date"
    BOOLEAN = "boolean"
    AMOUNT = "amount"
    OUTCOME = "outcome"  # a stage outcome: one of the four StageOutcome values


@dataclass(frozen=True)
class Column:
    name: str
    kind: Kind
    required: bool = False
    # For codes: the TAXONOMY_MODELS key whose codes the cell holds.
    taxonomy: str | None = None
    # Dates that record something that has happened, so cannot be later than today.
    past_only: bool = True


COLUMNS: tuple[Column, ...] = (
    Column("reference", Kind.TEXT, required=True),
    Column("record_type", Kind.CODE, required=True, taxonomy="record_type"),
    Column("received_on", Kind.DATE, required=True),
    Column("converted_from", Kind.CODE, taxonomy="record_type"),
    Column("converted_on", Kind.DATE),
    Column("how_received", Kind.CODE, taxonomy="how_received"),
    Column("complainant_type", Kind.CODE, taxonomy="complainant_type"),
    Column("young_person", Kind.BOOLEAN),
    Column("via_professional", Kind.BOOLEAN),
    Column("service_teams", Kind.CODES, taxonomy="service_team"),
    Column("natures", Kind.CODES, taxonomy="nature"),
    Column("outcomes_sought", Kind.CODES, taxonomy="outcome"),
    Column("refusal_reason", Kind.CODE, taxonomy="refusal_reason"),
    Column("acknowledged_on", Kind.DATE),
    Column("stage1_started_on", Kind.DATE),
    # An agreed extended deadline may lie in the future.
    Column("stage1_extended_to", Kind.DATE, past_only=False),
    Column("stage1_responded_on", Kind.DATE),
    Column("stage1_outcome", Kind.OUTCOME),
    Column("stage2_started_on", Kind.DATE),
    Column("stage2_responded_on", Kind.DATE),
    Column("stage2_outcome", Kind.OUTCOME),
    Column("stage3_started_on", Kind.DATE),
    Column("stage3_responded_on", Kind.DATE),
    Column("stage3_outcome", Kind.OUTCOME),
    Column("actual_outcomes", Kind.CODES, taxonomy="outcome"),
    Column("remedial_action", Kind.BOOLEAN),
    Column("payment_amount", Kind.AMOUNT),
    Column("lgsco_received_on", Kind.DATE),
    Column("lgsco_decision", Kind.CODE, taxonomy="ombudsman_decision"),
    Column("closed_on", Kind.DATE),
)

BY_NAME: dict[str, Column] = {c.name: c for c in COLUMNS}
NAMES: tuple[str, ...] = tuple(c.name for c in COLUMNS)
REQUIRED: tuple[str, ...] = tuple(c.name for c in COLUMNS if c.required)
STAGES = (1, 2, 3)

# Case fields that hold a taxonomy code, by column (columns and fields differ for the
# Ombudsman's, which the spec calls by its name, the LGSCO).
CODE_FIELDS = {
    "record_type": "record_type",
    "converted_from": "converted_from",
    "how_received": "how_received",
    "complainant_type": "complainant_type",
    "refusal_reason": "refusal_reason",
    "lgsco_decision": "ombudsman_decision",
}
DATE_FIELDS = {
    "received_on": "received_on",
    "converted_on": "converted_on",
    "acknowledged_on": "acknowledged_on",
    "lgsco_received_on": "ombudsman_received_on",
    "closed_on": "closed_on",
}
BOOLEAN_FIELDS = {
    "young_person": "young_person",
    "via_professional": "via_professional",
    "remedial_action": "remedial_action",
}
MULTI_FIELDS = {
    "service_teams": "service_teams",
    "natures": "natures",
    "outcomes_sought": "outcomes_sought",
    "actual_outcomes": "actual_outcomes",
}


def column_letter(index: int) -> str:
    """Spreadsheet column letters for a 0-based index: 0 -> A, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def stage1_implied_start(record_type_code: str, received_on, converted_on):
    """The spec's Stage 1 clock start when ``stage1_started_on`` is empty: a complaint's
    conversion date where it has one, else the date received."""
    if record_type_code == "complaint" and converted_on:
        return converted_on
    return received_on
