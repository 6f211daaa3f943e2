"""Which questions the recording journey asks for each record type, decided in one place.

A compliment needs no outcomes sought and no child; a complaint does. An information request
needs the requester and what they asked for; an MP's enquiry needs the MP or councillor and
the constituent. The answer follows the record type's procedure, so a council's own record
types (added in settings) get the right questions without code.
"""

from __future__ import annotations

from dataclasses import dataclass

from heeded.procedures import procedure_for
from heeded.taxonomy.models import RecordType
from heeded.taxonomy.wording import in_sentence

COMPLAINT_PROCEDURES = frozenset({"children_statutory", "corporate", "adult_social_care"})
INFORMATION_PROCEDURES = frozenset({"foi", "eir", "sar"})
# Early contacts that may become complaints: worth classifying the same way.
COMPLAINT_LIKE_CODES = frozenset({"pre_complaint", "case_concern", "professional", "lgsco"})


@dataclass(frozen=True)
class Questions:
    noun: str  # how messages name the thing: "complaint", "request", "enquiry"
    person_heading: str
    person_required: bool
    summary_label: str
    summary_hint: str
    complainant_type: bool = False
    natures: bool = False
    outcomes_sought: bool = False
    child: bool = False
    # CA 1989 s.26A: a child making a complaint must be offered an advocate.
    advocacy: bool = False
    representative: bool = False
    # Above the MP's or councillor's own fields, before the person the enquiry is about.
    representative_heading: str = ""
    # How the case page names the person recorded first, where "Made the representation"
    # would be wrong: an MP's enquiry is made by the MP, about the constituent.
    complainant_role: str = ""
    # What messages call the person recorded first ("Enter the full name of the constituent").
    person_noun: str = "person"


def questions_for(record_type: RecordType) -> Questions:
    procedure = record_type.procedure
    if procedure in COMPLAINT_PROCEDURES:
        children = procedure == "children_statutory"
        return Questions(
            noun="complaint",
            person_heading="Who is making the complaint",
            person_required=True,
            summary_label="What the complaint is about",
            summary_hint="In the complainant's words where you can.",
            complainant_type=True,
            natures=True,
            outcomes_sought=True,
            child=children,
            advocacy=children,
        )
    if procedure in INFORMATION_PROCEDURES:
        return Questions(
            noun="request",
            person_heading="Who made the request",
            person_required=True,
            summary_label="What they asked for",
            summary_hint="The request as they worded it, or a close summary.",
        )
    if procedure == "mp_enquiry":
        return Questions(
            noun="enquiry",
            person_heading="The constituent it is about",
            person_required=True,
            summary_label="What the enquiry is about",
            summary_hint="",
            representative=True,
            representative_heading="The MP or councillor",
            complainant_role="The constituent the enquiry is about",
            person_noun="constituent",
        )
    if record_type.code in COMPLAINT_LIKE_CODES:
        return Questions(
            noun="representation",
            person_heading="Who made it",
            person_required=True,
            summary_label="What it is about",
            summary_hint="",
            complainant_type=True,
            natures=True,
            child=True,
        )
    return Questions(
        noun=in_sentence(record_type.label),
        person_heading="Who made it (if known)",
        person_required=False,
        summary_label="What they said",
        summary_hint="",
    )


def eligibility_warning(record_type: RecordType, complainant_type) -> str:
    """What the check page says when who is complaining may not use the record type's
    procedure in their own right (a neighbour's Children Act complaint): recorded as it
    is, but with the decision the council must make first; "" when there is none.

    The procedure declares who may (``Procedure.entitled``); a complainant type a council
    adds in settings is not among them, so it is asked about too."""
    procedure = procedure_for(record_type.procedure)
    if complainant_type is None or procedure.entitled is None:
        return ""
    if complainant_type.code in procedure.entitled:
        return ""
    return (
        f"Someone recorded as ‘{complainant_type.label}’ may not use the {procedure.name} in "
        f"their own right ({procedure.entitled_source}). {procedure.others}"
    )
