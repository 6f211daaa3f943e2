"""The organisation's own words for the taxonomy codes a report is keyed by.

Measures are keyed by stable codes; the report prints the labels the council has chosen,
in the order it has chosen, and "Not recorded" for an empty field.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..timescales import STAGE1_BANDS

NOT_RECORDED = "not_recorded"
# The part of a record type's count that was received as that type, not converted into it
# from another (Table 1 shows conversions on rows of their own): "complaint/not_converted".
NOT_CONVERTED = "not_converted"

# Keys the measures use that are not taxonomy codes.
FIXED = {
    NOT_RECORDED: "Not recorded",
    NOT_CONVERTED: "not converted from another type",
    "upheld": "Upheld",
    "partially_upheld": "Partially upheld",
    "not_upheld": "Not upheld",
    "withdrawn": "Withdrawn",
    "within": "Within the timescale",
    "late": "Late",
    **dict(STAGE1_BANDS),
    "true": "Yes",
    "false": "No",
    "statutory": "Statutory",
    "other": "Other",
}


@dataclass
class Term:
    code: str
    label: str
    description: str = ""
    position: int = 0
    family: str = ""


@dataclass
class Labels:
    """kind -> code -> Term; unknown codes fall back to a readable form of the code."""

    kinds: dict[str, dict[str, Term]] = field(default_factory=dict)

    @classmethod
    def load(cls, only: tuple[str, ...] | None = None) -> Labels:
        """Every kind's labels (one query per kind), or ``only`` those kinds."""
        from heeded.taxonomy.models import TAXONOMY_MODELS

        kinds: dict[str, dict[str, Term]] = {}
        for kind, model in TAXONOMY_MODELS.items():
            if only is not None and kind not in only:
                continue
            has_family = kind == "record_type"
            kinds[kind] = {
                row.code: Term(
                    row.code,
                    row.label,
                    row.description,
                    row.position,
                    row.family if has_family else "",
                )
                for row in model.objects.order_by("position", "label")
            }
        return cls(kinds)

    def label(self, kind: str, code: str) -> str:
        if code in self.kinds.get(kind, {}):
            return self.kinds[kind][code].label
        if code in FIXED:
            return FIXED[code]
        return code.replace("_", " ").capitalize()

    def family(self, code: str) -> str:
        term = self.kinds.get("record_type", {}).get(code)
        return term.family if term else "other"

    def order(self, kind: str, codes) -> list[str]:
        """Codes in the organisation's order; unknown codes after, "not recorded" last."""
        terms = self.kinds.get(kind, {})
        known = list(terms)

        def key(code: str):
            if code == NOT_RECORDED:
                return (2, 0, code)
            if code in terms:
                return (0, known.index(code), code)
            return (1, 0, code)

        return sorted(set(codes), key=key)

    def terms(self, kind: str) -> list[Term]:
        return list(self.kinds.get(kind, {}).values())
