"""The public's pages: no sign-in. Views parse the request; journeys, forms and
``submission.submit`` hold the rules.

Every page works without JavaScript: answers live in the session, each page is an ordinary
POST then redirect, and "Change" links come back to "Check your answers".
"""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.http import Http404, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from heeded.access import sessions
from heeded.calendars.dates import long_date
from heeded.cases.documents import ALLOWED_DESCRIPTION
from heeded.cases.models import PartyRole

from . import conf, ratelimit, uploads
from .forms import ChooseForm, DocumentsForm, Question
from .journeys import JOURNEYS, Journey, Step
from .models import Submission
from .rendering import page_view
from .state import JourneyState, mark_done, was_sent_here
from .submission import acknowledge_within, respond_by, submit

SERVICE_NAME = "Complaints, compliments and comments"


def _render(request, template: str, context: dict, status: int = 200):
    context.setdefault("errors", context.get("page", {}).get("errors", []))
    # A page of problems (too many pages, timed out, no cookie) is part of the journey whose
    # address it answers: the child's route keeps its help box on them too.
    context.setdefault("journey", _journey_of(request))
    start = reverse("public:start")
    # The public never see the staff side: the council name and service name lead here.
    context.update(service_name=SERVICE_NAME, service_url=start, organisation_url=start)
    response = render(request, template, context, status=status)
    return response


def _journey_of(request) -> Journey | None:
    match = request.resolver_match
    return JOURNEYS.get(match.kwargs.get("journey")) if match else None


def _journey(slug: str) -> Journey:
    try:
        return JOURNEYS[slug]
    except KeyError:
        raise Http404("No such form") from None


def step_url(journey: Journey, step: Step, *, changing: bool = False) -> str:
    url = reverse("public:question", args=[journey.slug, step.slug])
    return f"{url}?change=1" if changing else url


def check_url(journey: Journey) -> str:
    return reverse("public:check", args=[journey.slug])


def journey_start_url(journey: Journey) -> str:
    if journey.for_young_people:
        return reverse("public:young_person_start")
    return reverse("public:choose")


# Back and on through the pages as answered so far: without those an earlier answer made
# needless (``JourneyState.steps``).


def back_url(state: JourneyState, step: Step, changing: bool) -> str:
    journey, steps = state.journey, state.steps()
    if changing:
        return check_url(journey)
    index = steps.index(step)
    return step_url(journey, steps[index - 1]) if index else journey_start_url(journey)


def next_url(state: JourneyState, step: Step, changing: bool) -> str:
    journey, steps = state.journey, state.steps()
    index = steps.index(step)
    if changing or index + 1 == len(steps):
        return check_url(journey)
    return step_url(journey, steps[index + 1])


# On a question page refused by the per-minute limit, above what was typed (kept on the page).
TOO_MANY_PAGES = (
    "You have sent too many pages from this internet connection in a short time. "
    "Wait a minute, then select Continue again: what you typed is still on this page."
)


def too_many(request, *, submissions: bool):
    wait = "an hour" if submissions else "a minute"
    paragraphs = [
        "You have sent too many forms from this internet connection in a short time."
        if submissions
        else "You have sent too many pages from this internet connection in a short time.",
        f"Wait {wait}, then try again. We have kept the answers you gave on earlier pages."
        if not submissions
        else f"Wait {wait}, then try again. We have kept your answers.",
    ]
    response = _render(
        request,
        "public/problem.html",
        {
            "paragraphs": paragraphs,
            "next_url": request.path,
            "next_text": "Try again",
        },
        status=429,
    )
    response["Retry-After"] = "3600" if submissions else "60"
    return response


def too_large(request):
    """The page of a form too large to read (heeded.access.middleware): refused unread."""
    most = conf.upload_max_files() * conf.upload_max_bytes() // 2**20
    return _render(
        request,
        "public/problem.html",
        {
            "paragraphs": [
                f"What you sent was too large: the files you select together must add up "
                f"to less than {most}MB. Nothing has been sent.",
                "Go back and select fewer or smaller files. We have kept the answers you "
                "gave on earlier pages.",
            ],
            "next_url": request.path,
            "next_text": "Try again",
        },
        status=413,
    )


def not_found(request):
    return _render(request, "404.html", {}, status=404)


def form_not_taken(request):
    """The page of a form sent without its cookie (cleared or blocked after the page was
    opened): nothing was taken."""
    return _render(
        request,
        "public/problem.html",
        {
            "paragraphs": [
                "We could not take this page, because your browser's cookies were cleared "
                "or blocked after the page was opened. Nothing has been sent.",
                "This form needs cookies to remember your answers from page to page. "
                "Check that your browser allows cookies for this site, then start again.",
            ],
            "next_url": (
                journey_start_url(journey)
                if (journey := _journey_of(request))
                else reverse("public:start")
            ),
            "next_text": "Start again",
        },
        status=403,
    )


def idle_minutes(request) -> int:
    """How long answers are kept without a page being sent: the session's idle limit."""
    return max(1, request.session.get_expiry_age() // 60)


# Both start pages say how long answers are kept while nothing is sent (WCAG 2.2.1): told
# beforehand, someone can write a long account elsewhere first, or take a break in time.
def start(request):
    return _render(request, "public/start.html", {"idle_minutes": idle_minutes(request)})


def young_person_start(request):
    return _render(
        request,
        "public/young_person_start.html",
        {"journey": JOURNEYS["young-person"], "idle_minutes": idle_minutes(request)},
    )


@never_cache
def choose(request):
    form = ChooseForm(request.POST or None)
    if request.method == "POST":
        if not ratelimit.allow_post(request):
            return too_many(request, submissions=False)
        if form.is_valid():
            choice = form.cleaned_data["choice"]
            journey = JOURNEYS[choice]
            if journey.for_young_people:
                return redirect("public:young_person_start")
            return redirect(step_url(journey, journey.steps[0]))
    return _render(
        request,
        "public/question.html",
        {"form": form, "page": page_view(form), "back_url": reverse("public:start")},
    )


@never_cache
def question(request, journey: str, step: str):
    journey = _journey(journey)
    step = journey.step(step) or _not_found()
    state = JourneyState(request, journey)
    missing = state.first_unanswered(before=step)
    if missing:
        if state.is_empty():
            sent = _sent_here(request, journey)
            if sent:
                # Back (twice) from the confirmation: as on "Check your answers" below.
                return redirect("public:done", journey.slug, sent.token)
            if request.method == "POST":
                _keep_after_time_out(request, state, step)
        return redirect(step_url(journey, missing))
    changing = request.GET.get("change") == "1"
    if step not in state.steps():
        # A page an earlier answer made needless, opened from its address or the history:
        # "Check your answers" shows the answers, or sends on to the first page unanswered.
        return redirect(check_url(journey))
    if step.form is DocumentsForm:
        return documents(request, journey, step, state, changing)
    refused = request.method == "POST" and not ratelimit.allow_post(request)
    if refused:
        # Not taken for now, but nothing typed is lost: the page comes back as it was sent.
        form = state.form_as_typed(step, request.POST)
    elif request.method == "POST":
        form = state.form(step, request.POST)
        if form.is_valid():
            state.save_answers(step, request.POST, leave_out=form.ignored_fields())
            return redirect(next_url(state, step, changing))
    else:
        form = state.form(step)
    page = page_view(form)
    if refused:
        page["errors"].insert(0, {"text": TOO_MANY_PAGES, "href": "#main-content"})
    response = _render(
        request,
        "public/question.html",
        {
            "journey": journey,
            "form": form,
            "page": page,
            "caption": journey.title,
            "back_url": back_url(state, step, changing),
        },
        status=429 if refused else 200,
    )
    if refused:
        response["Retry-After"] = "60"
    return response


def _keep_after_time_out(request, state: JourneyState, step: Step) -> None:
    """A page sent after the session ended (no earlier answer left, as only a page opened
    in an earlier session can be): keep what was typed on it, as typed, and say why the
    person is back at the first question. Without this, 30 minutes spent writing what
    happened vanished on Continue with no word of why (WCAG 2.2.1, timing adjustable)."""
    if not ratelimit.allow_post(request):
        return
    minutes = idle_minutes(request)
    said = (
        f"You did not do anything for {minutes} minutes, so we deleted your earlier answers "
        "to keep your information safe."
    )
    if step.form is not DocumentsForm:  # files are not kept: they were never held
        form = step.form(request.POST)
        state.save_answers(step, request.POST, leave_out=form.ignored_fields())
        said += f" We have kept what you typed on ‘{form.intro_heading or form.heading}’."
    messages.info(request, f"{said} Answer the questions again from here.")


def _not_found():
    raise Http404("No such question")


def documents(request, journey: Journey, step: Step, state: JourneyState, changing: bool):
    form = DocumentsForm(request.POST or None)
    upload_error = ""
    if request.method == "POST":
        if not ratelimit.allow_post(request):
            return too_many(request, submissions=False)
        if form.is_valid():
            if request.POST.get("remove"):
                removed = state.remove_file(request.POST["remove"])
                uploads.discard([removed] if removed else [])
                return redirect(request.get_full_path())
            upload_error = _hold_uploads(request, state)
            if not upload_error:
                if request.POST.get("action") == "continue":
                    state.save_answers(step, QueryDict())
                    return redirect(next_url(state, step, changing))
                return redirect(request.get_full_path())
    page = page_view(form)
    if upload_error:
        page["errors"].insert(0, {"text": upload_error, "href": "#documents"})
    return _render(
        request,
        "public/documents.html",
        {
            "journey": journey,
            "form": form,
            "page": page,
            "caption": journey.title,
            "back_url": back_url(state, step, changing),
            "upload_error": upload_error,
            "files": state.files,
            "max_files": conf.upload_max_files(),
            "max_mb": conf.upload_max_bytes() // 2**20,
            "allowed": ALLOWED_DESCRIPTION,
        },
    )


def _hold_uploads(request, state: JourneyState) -> str:
    """Keep the posted files; return a GOV.UK error message, or "" if all went well."""
    files = request.FILES.getlist("documents")
    if not files:
        return "Select a file" if request.POST.get("action") == "upload" else ""
    limit = conf.upload_max_files()
    room = limit - len(state.files)
    if len(files) > room:
        # Say what is possible from here: "Remove a file" alone puzzled someone who had
        # selected 6 files with none added yet, and had nothing to remove.
        if not room:
            return (
                f"You can send up to {limit} {_files(limit)}. Remove a file before adding another"
            )
        if room == limit:
            return f"Select up to {limit} {_files(limit)}"
        return f"You can add {room} more {_files(room)}. Select fewer files"
    for upload in files:
        try:
            state.add_file(uploads.hold(upload))
        except uploads.UploadRefused as refused:
            return str(refused)
    return ""


def _files(count: int) -> str:
    return "file" if count == 1 else "files"


def _parse_token(value: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(value)
    except (TypeError, ValueError):
        return None


@never_cache
def check(request, journey: str):
    journey = _journey(journey)
    state = JourneyState(request, journey)
    honeypot = Question(request.POST or None)
    if request.method == "POST":
        token = _parse_token(request.POST.get("token", ""))
        # Only this browser's own token: another's (from a shared computer's history) must
        # not open the confirmation that names the person who sent it.
        ours = token and (state.issued(str(token)) or was_sent_here(request, str(token)))
        sent = ours and Submission.objects.filter(token=token, case__isnull=False).first()
        if sent:
            # Sent already (a double click, or Back then Send): same case, same page.
            mark_done(request, str(token))
            return redirect("public:done", journey.slug, token)
        if not ratelimit.allow_post(request):
            return too_many(request, submissions=False)
    forms, missing = state.valid_forms()
    if missing:
        if request.method == "POST" and not forms:
            return _session_expired(request, journey)
        sent = None if forms else _sent_here(request, journey)
        if sent:
            # Back from the confirmation: the answers went with the form, and an empty
            # first question read as if nothing was sent, inviting a second complaint.
            return redirect("public:done", journey.slug, sent.token)
        return redirect(step_url(journey, missing))
    if request.method == "POST" and honeypot.is_valid():
        if str(token) != state.token():
            # A page from before an answer was changed elsewhere: show the answers again.
            return redirect(check_url(journey))
        if not ratelimit.allow_submission(request):
            return too_many(request, submissions=True)
        submit(journey=journey, forms=forms, files=list(state.files), token=token)
        mark_done(request, str(token))
        state.clear()
        return redirect("public:done", journey.slug, token)
    rows = [
        {"key": key, "value": value, "change_url": step_url(journey, step, changing=True)}
        for step in state.steps()
        for key, value in forms[step.slug].summary()
    ]
    if any(step.form is DocumentsForm for step in journey.steps):
        step = next(s for s in journey.steps if s.form is DocumentsForm)
        names = "\n".join(f["name"] for f in state.files) or "None"
        rows.append(
            {
                "key": "Documents and photos",
                "value": names,
                "change_url": step_url(journey, step, changing=True),
            }
        )
    return _render(
        request,
        "public/check.html",
        {
            "journey": journey,
            "page": page_view(honeypot),
            "rows": rows,
            "token": state.token(),
            "caption": journey.title,
            "check_heading": journey.words(journey.check_heading),
            "send_heading": journey.words(journey.send_heading),
            "send_text": journey.words(journey.send_text),
            "send_button": journey.words(journey.send_button),
            "back_url": step_url(journey, state.steps()[-1]),
        },
    )


def _sent_here(request, journey: Journey) -> Submission | None:
    """The form of this kind last sent from this browser, if any."""
    tokens = request.session.get("public_forms_sent", [])
    return (
        Submission.objects.filter(token__in=tokens, journey=journey.slug, case__isnull=False)
        .order_by("-submitted_at", "-pk")
        .first()
    )


def _has_session(request) -> bool:
    """Whether the visitor has a session that has not ended, without making one."""
    session = request.session
    if session.session_key:
        session.get(sessions.RENEWED)  # loads it: the key of one that had ended is dropped
    return bool(session.session_key)


@never_cache
@require_GET
def keep_alive(request):
    """ "Continue with my answers" in the timeout warning: renews the visitor's session, and
    changes nothing else. A visitor without one (or whose one has ended) is not given one:
    410, so the page knows its answers are gone."""
    if not _has_session(request):
        return HttpResponse(status=410)
    sessions.renew(request.session, force=True)
    return HttpResponse(status=204)


@sessions.reads_time_left
def session_status(request):
    """How long the visitor's answers have left (the session middleware's header), without
    renewing them: a tab whose clock has run out asks, because the form may be in use in
    another tab. 410 when they have gone, as for the keep-alive."""
    if not _has_session(request):
        return HttpResponse(status=410)
    return HttpResponse(status=204)


@never_cache
def timed_out(request, journey: str):
    """Where the timeout warning sends someone who did not answer it: the answers have gone
    with the session, and the page says why."""
    return _session_expired(request, _journey(journey), status=200)


def _session_expired(request, journey: Journey, status: int = 400):
    minutes = idle_minutes(request)
    return _render(
        request,
        "public/problem.html",
        {
            "paragraphs": [
                f"You did not do anything for {minutes} minutes, so we deleted your answers "
                "to keep your information safe.",
                "Nothing has been sent. You will need to start again.",
            ],
            "next_url": journey_start_url(journey),
            "next_text": "Start again",
        },
        status=status,
    )


@never_cache
def done(request, journey: str, token: uuid.UUID):
    journey = _journey(journey)
    if not was_sent_here(request, str(token)):
        # Confirmation pages are shown only in the browser that sent the form: a shared
        # computer's history must not show that a child complained.
        raise Http404("This page has expired")
    submission = get_object_or_404(
        Submission.objects.select_related("case"), token=token, case__isnull=False
    )
    case = submission.case
    party = case.parties.filter(role=PartyRole.COMPLAINANT).select_related("person").first()
    return _render(
        request,
        "public/done.html",
        {
            "journey": journey,
            "case": case,
            "first_name": party.person.full_name if party else "",
            "has_email": bool(party and party.person.email),
            "wants_reply": bool(
                party and (party.person.email or party.person.telephone or party.person.address)
            ),
            "wants_advocate": case.advocacy_taken_up,
            "respond_by": long_date(respond_by(case)),
            "acknowledge_within": acknowledge_within(case),
        },
    )
