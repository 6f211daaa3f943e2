"""One small form per move on the case page. Each parses its answers and calls one action.

``perform`` returns the words for the success banner; a refused move raises the action's
``ProcedureError``, which the view shows in the error summary with the form kept.

The forms live beside the moves they make: ``_base`` (what they share), ``people``
(assigning, advocacy), ``case_file`` (contacts, notes, documents), ``stages`` (the stage
clock), ``responses`` (the response that ends a stage), ``closing`` (convert, refuse,
withdraw, close, reopen), ``ombudsman`` and ``payments``.
"""

from ._base import ActionForm, on_date
from .case_file import ContactForm, DocumentForm, NoteForm
from .closing import CloseForm, ConvertForm, RefuseForm, ReopenForm, WithdrawForm
from .ombudsman import OmbudsmanDecisionForm, OmbudsmanEnquiryForm
from .payments import MONEY, AmountField, PaymentForm
from .people import (
    CLOCK_STILL_RUNS,
    AdvocacyForm,
    AssignForm,
    RemindForm,
    StaffChoiceField,
    StartRemindersForm,
    StopRemindersForm,
    staff,
)
from .responses import RespondForm
from .stages import (
    AcknowledgeForm,
    AcknowledgeStageForm,
    AgreeStatementForm,
    ExplainDelayForm,
    ExtendForm,
    PanelHeldForm,
    PanelReportForm,
    StartStageForm,
)

__all__ = [
    "CLOCK_STILL_RUNS",
    "MONEY",
    "AcknowledgeForm",
    "AcknowledgeStageForm",
    "ActionForm",
    "AdvocacyForm",
    "AgreeStatementForm",
    "AmountField",
    "AssignForm",
    "CloseForm",
    "ContactForm",
    "ConvertForm",
    "DocumentForm",
    "ExplainDelayForm",
    "ExtendForm",
    "NoteForm",
    "OmbudsmanDecisionForm",
    "OmbudsmanEnquiryForm",
    "PanelHeldForm",
    "PanelReportForm",
    "PaymentForm",
    "ReopenForm",
    "RefuseForm",
    "RemindForm",
    "RespondForm",
    "StaffChoiceField",
    "StartRemindersForm",
    "StartStageForm",
    "StopRemindersForm",
    "WithdrawForm",
    "on_date",
    "staff",
]
