"""A journey's answers, kept in the visitor's session until the form is sent.

Each page's answers are stored as the raw posted values, so a page shown again (Back, or a
"Change" link) is filled in exactly as typed, and every form is validated once more on
"Check your answers" and when sent, so a taxonomy change in between cannot slip through.
"""

from __future__ import annotations

import uuid

from django.utils.datastructures import MultiValueDict

from .journeys import Journey, Step

SESSION_KEY = "public_forms"
NOT_STORED = {"csrfmiddlewaretoken", "website", "action", "remove"}


class JourneyState:
    def __init__(self, request, journey: Journey):
        self.session = request.session
        self.journey = journey

    @property
    def _store(self) -> dict:
        everything = self.session.setdefault(SESSION_KEY, {})
        return everything.setdefault(self.journey.slug, {"answers": {}, "files": []})

    def _changed(self) -> None:
        self.session.modified = True

    def save_answers(self, step: Step, data, *, leave_out=()) -> None:
        """Keep a page's answers as posted, but for ``leave_out``: boxes that belong to a
        choice not made (see ``Question.ignored_fields``), which are not kept at all."""
        self._store["answers"][step.slug] = {
            key: data.getlist(key) for key in data if key not in NOT_STORED and key not in leave_out
        }
        self._changed()

    def is_empty(self) -> bool:
        """Nothing answered and nothing attached for this journey in this session."""
        return not self._store["answers"] and not self._store["files"]

    def has_answered(self, step: Step) -> bool:
        return step.slug in self._store["answers"]

    def form(self, step: Step, data=None):
        """The step's form: bound to ``data`` if posted, else to what was stored."""
        if data is not None:
            return step.form(data)
        stored = self._store["answers"].get(step.slug)
        return step.form(MultiValueDict(stored)) if stored is not None else step.form()

    def form_as_typed(self, step: Step, data):
        """The step's form showing ``data`` just as it was typed, not yet checked (so nothing
        on it is marked wrong): for a page that could not be taken just now."""
        form = step.form()
        form.initial = {
            name: field.widget.value_from_datadict(data, {}, form.add_prefix(name))
            for name, field in form.fields.items()
        }
        return form

    def steps(self) -> list[Step]:
        """The journey's pages as answered so far: those an earlier answer makes needless,
        or has not called for, left out (their answers, if any were given before a change,
        are not used)."""
        answers = self._store["answers"]

        def given(answer) -> bool:
            return answers.get(answer.step, {}).get(answer.field) == [answer.value]

        return [
            step
            for step in self.journey.steps
            if not (step.unless and given(step.unless))
            and not (step.only_if and not given(step.only_if))
        ]

    def first_unanswered(self, before: Step | None = None) -> Step | None:
        for step in self.steps():
            if step == before:
                return None
            if not self.has_answered(step):
                return step
        return None

    def valid_forms(self) -> tuple[dict, Step | None]:
        """Every step's validated form, or the first step that needs (re)answering."""
        forms = {}
        for step in self.steps():
            if not self.has_answered(step):
                return forms, step
            form = self.form(step)
            if not form.is_valid():
                return forms, step
            forms[step.slug] = form
        return forms, None

    @property
    def files(self) -> list[dict]:
        return self._store["files"]

    def add_file(self, item: dict) -> None:
        self._store["files"].append(item)
        self._changed()

    def remove_file(self, file_id: str) -> dict | None:
        for item in self.files:
            if item["id"] == file_id:
                self._store["files"].remove(item)
                self._changed()
                return item
        return None

    def token(self) -> str:
        """The idempotency token for this journey, issued with "Check your answers"."""
        if "token" not in self._store:
            self._store["token"] = str(uuid.uuid4())
            self._changed()
        return self._store["token"]

    def issued(self, token: str) -> bool:
        """Whether ``token`` is the one this browser was given for this journey."""
        return self._store.get("token") == token

    def clear(self) -> None:
        self.session.setdefault(SESSION_KEY, {}).pop(self.journey.slug, None)
        self._changed()


def mark_done(request, token: str) -> None:
    done = request.session.setdefault("public_forms_sent", [])
    if token not in done:
        done.append(token)
        del done[:-10]
    request.session.modified = True


def was_sent_here(request, token: str) -> bool:
    return token in request.session.get("public_forms_sent", [])
