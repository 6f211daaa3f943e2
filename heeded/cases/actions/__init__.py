"""Every change of state on a case: named, atomic, checked against the procedure, recorded.

Each action takes the acting user as ``by`` and raises ``ProcedureError`` with a message an
officer can act on when the procedure does not allow the move.
"""

from ._base import ProcedureError, StaleCase, StalePerson, long_date, refused_words
from .clocks import refresh_clocks
from .editing import changes_since, update_details
from .lifecycle import (
    acknowledge,
    close,
    convert,
    refusal_details_refusals,
    refuse,
    refused_because,
    reopen,
    withdraw,
)
from .people import same_person_as
from .recording import AlreadyRecorded, next_reference, record_representation
from .records import (
    PERSON_DETAILS,
    add_note,
    assign,
    change_person_details,
    contact_refusals,
    log_contact,
    not_the_ombudsman,
    ombudsman_decision_refusals,
    person_version,
    record_advocacy,
    record_ombudsman_decision,
    record_ombudsman_enquiry,
    record_payment,
)
from .reminders import start_reminders, stop_reminders, stopped_words
from .stages import (
    acknowledge_stage,
    agree_statement,
    delay_notice_refusals,
    explain_delay,
    extend_stage,
    extension_refusals,
    record_panel,
    record_panel_report,
    remedial_answer_refusals,
    respond_to_stage,
    response_refusals,
    start_stage,
)

__all__ = [
    "PERSON_DETAILS",
    "AlreadyRecorded",
    "ProcedureError",
    "StaleCase",
    "StalePerson",
    "acknowledge",
    "acknowledge_stage",
    "add_note",
    "agree_statement",
    "explain_delay",
    "assign",
    "change_person_details",
    "changes_since",
    "close",
    "convert",
    "extend_stage",
    "delay_notice_refusals",
    "extension_refusals",
    "contact_refusals",
    "log_contact",
    "not_the_ombudsman",
    "ombudsman_decision_refusals",
    "long_date",
    "next_reference",
    "person_version",
    "record_advocacy",
    "record_ombudsman_decision",
    "record_ombudsman_enquiry",
    "record_panel",
    "record_panel_report",
    "record_payment",
    "record_representation",
    "refresh_clocks",
    "refusal_details_refusals",
    "refused_because",
    "refused_words",
    "refuse",
    "reopen",
    "remedial_answer_refusals",
    "respond_to_stage",
    "same_person_as",
    "response_refusals",
    "start_reminders",
    "start_stage",
    "stop_reminders",
    "stopped_words",
    "update_details",
    "withdraw",
]
