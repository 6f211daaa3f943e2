"""What every move's form shares: the version the case was opened at, the move it makes,
the procedure's refusals shown beside the answers, and the date a move happened on."""

from __future__ import annotations

from django import forms
from django.http import QueryDict

from heeded.cases.models import Case
from heeded.taxonomy.models import Term

from ...fields import DateField
from ..base import GovForm


class ActionForm(GovForm):
    """Carries the version of the case the form was opened at (see StaleCase)."""

    expected_version = forms.IntegerField(widget=forms.HiddenInput)
    title = ""
    button = "Save"
    # Whether the page shows what the move answers and by when (casework/_answering.html).
    answering = False

    def __init__(self, *args, case: Case, move, **kwargs):
        kwargs.setdefault("initial", {})
        kwargs["initial"].setdefault("expected_version", case.version)
        kwargs["initial"].update(self.initial_for(case))
        super().__init__(*args, **kwargs)
        self.case = case
        self.move = move
        self.keep_held_terms()
        self.setup()

    def initial_for(self, case: Case) -> dict:
        return {}

    def setup(self) -> None:
        pass

    def keep_held_terms(self) -> None:
        """Offer, beside the codes in use, any retired code this form opens with.

        A form that opens on the case's answers (its natures, how it was received, the
        Ombudsman's decision) ticks what the case has. A retired code is not in the choices
        new cases get, so it would be left unticked and dropped from the case on saving,
        though retiring a code promises that old cases keep it.
        """
        for name, field in self.fields.items():
            queryset = getattr(field, "queryset", None)
            if queryset is None or not issubclass(queryset.model, Term):
                continue
            held = held_keys(self.initial.get(name))
            if held:
                field.queryset = queryset | queryset.model.objects.filter(pk__in=held)

    @property
    def stage_number(self) -> int | None:
        return self.move.stage_number

    @property
    def stage_rule(self):
        return self.case.procedure.stage(self.stage_number) if self.stage_number else None

    def heading(self) -> str:
        return self.title or self.move.label

    def perform(self, *, by, version: int) -> str:
        raise NotImplementedError

    def refused(self, stage, data: dict) -> list:
        """What the procedure refuses in these answers on ``stage`` (its ``*_refusals``),
        where the action lists them: shown beside their answers with the form's own errors,
        in one round (the action checks them again when it saves)."""
        return []

    def clean(self):
        data = super().clean()
        stage = self.case.stage(self.stage_number) if self.stage_number else None
        if stage is not None:
            self.refusals(self.refused(stage, data))
        return data

    def after_clash(self, current: ActionForm) -> tuple[QueryDict, list[str]]:
        """This form's answers to show again after someone else saved the case first
        (``current``: the form as it would open now), and any of their changes the case's
        history does not tell. The answers stand as typed unless a form says otherwise."""
        return self.data.copy(), []


def held_keys(value) -> list:
    """The primary keys of an initial value: a term, its key, or a list of either."""
    values = value if isinstance(value, list | tuple) else [value]
    return [getattr(v, "pk", v) for v in values if v is not None and v != ""]


def on_date(name: str, label: str = "", **kwargs) -> DateField:
    return DateField(name=name, label=label or name, past_only=True, **kwargs)
