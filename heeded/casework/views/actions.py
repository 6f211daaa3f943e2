"""The moves on a case: one view that finds the move's form, parses it and calls its action."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from heeded.calendars.dates import long_date
from heeded.cases.actions import ProcedureError, StaleCase, changes_since

from ..fields import DateField
from ..forms import actions as f
from ..forms.editing import EditDetailsForm
from ..moves import complaints_team_only, find_move, may_ever, why_not
from ..selectors import case_for

FORMS = {
    "acknowledge": f.AcknowledgeForm,
    "acknowledge-stage": f.AcknowledgeStageForm,
    "assign": f.AssignForm,
    "contact": f.ContactForm,
    "note": f.NoteForm,
    "document": f.DocumentForm,
    "start-stage": f.StartStageForm,
    "agree-statement": f.AgreeStatementForm,
    "extend": f.ExtendForm,
    "explain-delay": f.ExplainDelayForm,
    "panel-held": f.PanelHeldForm,
    "panel-report": f.PanelReportForm,
    "respond": f.RespondForm,
    "convert": f.ConvertForm,
    "refuse": f.RefuseForm,
    "withdraw": f.WithdrawForm,
    "ombudsman-enquiry": f.OmbudsmanEnquiryForm,
    "ombudsman-decision": f.OmbudsmanDecisionForm,
    "payment": f.PaymentForm,
    "advocacy": f.AdvocacyForm,
    "remind": f.RemindForm,
    "stop-reminders": f.StopRemindersForm,
    "start-reminders": f.StartRemindersForm,
    "close": f.CloseForm,
    "reopen": f.ReopenForm,
    "edit": EditDetailsForm,
}


@login_required
@require_http_methods(["GET", "POST"])
def case_action(request, reference: str, action: str):
    form_class = FORMS.get(action)
    if form_class is None:
        raise Http404("No such action")
    case = case_for(request.user, reference)
    move = find_move(case, request.user, action)
    if not may_ever(request.user, action):
        raise PermissionDenied(complaints_team_only(case, action))
    if move is None and request.method == "POST":
        return _overtaken(request, case, form_class, action)
    if move is None:
        # Already done (perhaps by someone else a moment ago), or not yet possible.
        messages.warning(request, why_not(case, action, request.user))
        return redirect("casework:case", reference=case.reference)
    stale = None
    if request.method == "POST":
        form = form_class(request.POST, request.FILES, case=case, move=move)
        if form.is_valid():
            version = form.cleaned_data["expected_version"]
            try:
                message = form.perform(by=request.user, version=version)
            except StaleCase as error:
                stale = error
                form = _with_current_version(form, request, case, move, error)
            except ProcedureError as error:
                form.refusal(error)
            else:
                messages.success(request, message)
                # A note, a contact or a document never clashes (it overwrites nothing),
                # but whoever adds one should still learn that, say, the case was closed
                # while they typed it.
                if meanwhile := _meanwhile(case, version):
                    messages.warning(
                        request,
                        f"While you had the page open, {case.reference} changed: "
                        f"{'; '.join(meanwhile)}.",
                    )
                return redirect("casework:case", reference=case.reference)
    else:
        form = form_class(case=case, move=move)
    return render(
        request,
        "casework/action.html",
        {"case": case, "form": form, "move": move, "stale": stale},
        status=409 if stale else (400 if form.errors else 200),
    )


def _with_current_version(form, request, case, move, error: StaleCase):
    """The same answers, now carrying the version the other person saved.

    The person is shown what changed; sending the form again is then a deliberate choice
    made knowing those changes, never a silent overwrite.
    """
    form_class = type(form)
    fresh = case_for(request.user, case.reference)
    data, their_changes = form.after_clash(form_class(case=fresh, move=move))
    data["expected_version"] = str(error.case.version)
    error.changes += their_changes
    again = form_class(data, request.FILES, case=fresh, move=move)
    again.is_valid()
    return again


def _overtaken(request, case, form_class, action: str):
    """Answers sent for a move that stopped being possible while the form was open (a
    colleague recorded the response first): nothing is saved, the person is told why, and
    what they typed is shown back, so that none of it is lost."""
    typed = []
    for name, field in form_class.base_fields.items():
        posted = [
            value.strip()
            for key, values in request.POST.lists()
            if key == name or key.startswith(f"{name}_")
            for value in values
            if value.strip()
        ]
        if posted and name != "expected_version":
            typed.append((field.label or name, _as_shown(field, posted)))
    return render(
        request,
        "casework/overtaken.html",
        {
            "case": case,
            "reason": why_not(case, action, request.user),
            "meanwhile": _meanwhile(case, request.POST.get("expected_version")),
            "typed": typed,
            "keep": _as_note_form(request, case, typed),
        },
        status=409,
    )


def _as_note_form(request, case, typed: list[tuple[str, list[str]]]):
    """A note holding what was typed, ready to add to the case as it stands now (and to
    edit first), so that a finding written while a colleague answered is kept in one click
    rather than copied by hand. None if nothing was typed or notes are not theirs to add."""
    move = find_move(case, request.user, "note")
    if not typed or move is None:
        return None
    lines = ["Entered on a form that could not be saved because the case had changed:"]
    for label, values in typed:
        label = label.rstrip("?:")  # "What was the finding: Upheld", not "finding?: Upheld"
        lines.append(f"{label}: {values[0]}" if len(values) == 1 else f"{label}:")
        lines.extend(f"- {value}" for value in values if len(values) > 1)
    return f.NoteForm(initial={"text": "\n".join(lines)}, case=case, move=move)


def _meanwhile(case, opened_at) -> list[str]:
    """Who changed what on the case since the form was opened at version ``opened_at``
    (as posted: perhaps missing or damaged, then nothing is said). The reason a move is no
    longer possible ("No stage of CS-2026-01111 is open") does not say who got there first."""
    try:
        opened_at = int(opened_at)
    except (TypeError, ValueError):
        return []
    return changes_since(case, opened_at) if opened_at < case.version else []


def _as_shown(field, posted: list[str]) -> list[str]:
    """Posted values as the form showed them: a date's three boxes as one date, a choice
    by its label."""
    if isinstance(field, DateField):
        return [_date_as_shown(posted)]
    choices = getattr(field, "choices", None)
    if choices is None:
        return posted
    labels = {str(value): str(label) for value, label in choices}
    return [labels.get(value, value) for value in posted]


def _date_as_shown(parts: list[str]) -> str:
    """A date's day, month and year boxes as "7 December 2026"; as typed ("31/2/2026") if
    they make no date."""
    try:
        return long_date(dt.date(*(int(part) for part in reversed(parts))))
    except (TypeError, ValueError):
        return "/".join(parts)
