"""The case page, and downloading a document from it."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.utils.timezone import localdate
from django.views.decorators.http import require_GET

from heeded.access.policies import can_record_cases
from heeded.cases.actions import refused_because, stopped_words
from heeded.taxonomy.wording import in_sentence

from ..deadlines import deadline_rows
from ..forms.actions import CLOCK_STILL_RUNS
from ..moves import available_moves, grouped
from ..people import role_words
from ..questions import questions_for
from ..selectors import case_for, for_case_page, term_labels, with_stages
from ..templatetags.casework import long_date, person_name, stage_name
from ..timeline import late_extensions, timeline


def case_status(case, stages) -> str:
    """Where the case is, in words: "Stage 2 open", or for an FOI request "Open: response
    sent on 3 October 2026" (stages that are not numbered are called by their own name)."""
    if case.closed_on:
        return f"Closed on {long_date(case.closed_on)}"
    if not stages:
        return "Open"
    open_stage = case.open_stage
    stage = open_stage or stages[-1]
    rule = case.procedure.stage(stage.number)
    if rule is not None and not rule.numbered:
        if open_stage:
            return f"Open: {in_sentence(rule.title)} not sent yet"
        return f"Open: {in_sentence(rule.title)} sent on {long_date(stage.responded_on)}"
    return f"Stage {stage.number} {'open' if open_stage else 'answered'}"


def nothing_for_you(case, user) -> str:
    """What a responding manager with no stage of theirs to answer is told: whose the case
    is now. The deadline at the top of the page is someone else's, and no button says so."""
    if can_record_cases(user) or case.closed_on or case.assigned_officer_id == user.pk:
        return ""
    stage = case.open_stage
    if stage is not None and stage.responding_manager_id == user.pk:
        return ""
    waiting = "Nothing on this case is waiting for you."
    if stage is not None:
        holder = person_name(stage.responding_manager)
        with_whom = f"is with {holder}" if holder else "has no responding manager yet"
        return f"{stage_name(stage, case)} {with_whom}. {waiting}"
    officer = person_name(case.assigned_officer)
    who = f"{officer}, the case officer," if officer else "The complaints team"
    return f"{waiting} {who} takes it from here."


def reminders_stopped(case) -> dict | None:
    """What the page says beside the deadline while the team has stopped the reminders, so
    that nobody is surprised a manager was not chased; the clock still runs."""
    if case.closed_on or not case.reminders_stopped:
        return None
    return {
        "words": stopped_words(case),
        "why": case.reminders_stopped_reason,
        "clock": CLOCK_STILL_RUNS,
    }


@login_required
@require_GET
def case_page(request, reference: str):
    case = case_for(request.user, reference, read=for_case_page)
    today = localdate()
    stages = sorted(case.stages.all(), key=lambda s: s.number)
    # An extension agreed only after the deadline had passed is said so beside it.
    late = late_extensions(case)
    for stage in stages:
        stage.agreed_late = late.get(stage.number)
    moves = available_moves(case, request.user)
    parties = list(case.parties.all())
    for party in parties:
        party.role_words = role_words(party)
    return render(
        request,
        "casework/case.html",
        {
            "case": case,
            "stages": stages,
            "status": case_status(case, stages),
            "refused_because": refused_because(case),
            "procedure": case.procedure,
            # What was asked when it was recorded: a compliment has no outcomes sought.
            "questions": questions_for(case.record_type),
            "deadlines": deadline_rows(case, today),
            "reminders_stopped": reminders_stopped(case),
            "terms": term_labels(case),
            "parties": parties,
            # Who they are (a parent, ...) is said beside the person who made it.
            "complainant_party": next((p for p in parties if p.role == "complainant"), None),
            # The team corrects people's details; a responding manager reads them.
            "can_record": can_record_cases(request.user),
            "nothing_for_you": nothing_for_you(case, request.user),
            "payment_total": sum((p.amount for p in case.payments.all()), start=0),
            "payments": list(case.payments.all()),
            "timeline": timeline(case),
            "move_groups": grouped(moves),
            # The next steps of the procedure, as buttons at the top (first on a phone).
            "primary_moves": [m for m in moves if m.primary],
        },
    )


@login_required
@require_GET
def download_document(request, reference: str, pk: int):
    case = case_for(request.user, reference, read=with_stages)
    document = get_object_or_404(case.documents.all(), pk=pk)
    try:
        handle = document.file.open("rb")
    except FileNotFoundError:
        raise Http404("The file is missing from storage") from None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=document.original_name,
        content_type=document.content_type,
    )
    # Never let a browser guess a type and run an uploaded file as a page.
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
