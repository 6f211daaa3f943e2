"""The case list's filters, search and sorting: one code path for the page and the download.

Bad input never breaks the page: a date that is not a real date or an unknown choice is
reported beside its field (GOV.UK error message) and that one filter is left out; an unknown
sort order falls back to the newest cases first.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import re

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import F, QuerySet
from django.forms.utils import flatatt
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django_filters.fields import ChoiceField

from heeded.access import policies
from heeded.access.roles import Role
from heeded.cases.models import Case
from heeded.field_messages import NamesItsFields
from heeded.reference.editions import Kept
from heeded.taxonomy.code_lists import code_lists
from heeded.taxonomy.models import Nature, RecordType, ServiceTeam

from . import selectors

DATE_FORMATS = ["%d/%m/%Y", "%d-%m-%Y", "%d %m %Y", "%Y-%m-%d"]

# A one-stage procedure's stage (an FOI request's) is named "Response", as the Stage column
# and the case page name it; "Stage 1" is a complaint's.
STAGE_CHOICES = [
    ("0", "No stages (not a staged procedure)"),
    (selectors.RESPONSE_STAGE, "Response"),
    ("1", "Stage 1"),
    ("2", "Stage 2"),
    ("3", "Stage 3"),
]
STATUS_CHOICES = [("open", "Open"), ("closed", "Closed")]
DEADLINE_CHOICES = [
    ("overdue", "Overdue"),
    ("due_today", "Due today"),
    ("due_soon", f"Due in the next {selectors.DUE_SOON_WORKING_DAYS} working days"),
]
ACKNOWLEDGEMENT_CHOICES = [("awaiting", "Awaiting acknowledgement")]
CASEWORK_GROUPS = [Role.COMPLAINTS_OFFICER, Role.COMPLAINTS_MANAGER, Role.RESPONDING_MANAGER]
# The filters whose choices are a kind of term's codes, by filter name.
CODED = {"record_type": RecordType, "team": ServiceTeam, "nature": Nature}


class GovukSelect(forms.Select):
    """A select box written out directly: Django's own widget renders a template per option,
    which was a third of the case list's time with its hundred-odd options.

    The same markup as Django's ``select.html`` (no option groups: the filters have none).
    """

    def render(self, name, value, attrs=None, renderer=None):
        chosen = {str(v) for v in self.format_value(value)}
        options = []
        for option_value, label in self.choices:
            text = "" if option_value is None else str(option_value)
            selected = " selected" if text in chosen else ""
            # The standard library's escape directly: format_html per option was most of the
            # filters' time, and Django's escape wraps it in a check for lazy strings.
            label = label.__html__() if hasattr(label, "__html__") else html.escape(str(label))
            options.append(f'\n  <option value="{html.escape(text)}"{selected}>{label}</option>')
        attributes = flatatt(self.build_attrs(self.attrs, attrs))
        return format_html(
            '<select name="{}"{}>{}\n</select>', name, attributes, mark_safe("".join(options))
        )


def officer_choices() -> list[tuple[str, str]]:
    """ "Me", "not assigned" and everyone who can be given a case, by name."""
    people = (
        get_user_model()
        .objects.filter(is_active=True, groups__name__in=[r.value for r in CASEWORK_GROUPS])
        .distinct()
        .order_by("first_name", "last_name", "username")
        # Only what a name needs, as values: DISTINCT compares fewer columns, no password
        # hashes are read and no object is made for each person.
        .values_list("pk", "first_name", "last_name", "username")
    )
    return [("me", "Me"), ("none", "Not assigned")] + [
        # A name as User.get_full_name gives it, or the username.
        (str(pk), f"{first} {last}".strip() or username)
        for pk, first, last, username in people
    ]


KEPT_OFFICERS = Kept(officer_choices)
KEPT_CODES = Kept(lambda: code_lists(*CODED.values()))


class TypedDateField(forms.DateField):
    """A date typed in one box ("27/3/2025"): a year of other than 4 numbers ("12/9/22")
    is told so in the words every date box uses, not called "not a real date"."""

    def to_python(self, value):
        try:
            return super().to_python(value)
        except ValidationError:
            parts = re.split(r"[/\- ]+", str(value or "").strip())
            day_first = len(parts) == 3 and all(p.isdigit() and len(p) <= 2 for p in parts[:2])
            if day_first and parts[2].isdigit() and len(parts[2]) != 4:
                raise ValidationError(
                    "Year must include 4 numbers, for example 27/3/2025", code="invalid"
                ) from None
            raise


def date_field(label: str) -> TypedDateField:
    return TypedDateField(
        label=label,
        required=False,
        input_formats=DATE_FORMATS,
        error_messages={"invalid": f"{label} must be a real date, for example 27/3/2025"},
        widget=forms.TextInput,
    )


def select(label: str, empty_label: str, invalid: str, choices=()) -> ChoiceField:
    """A filter's select box, its first option ``empty_label`` (no filter), ``invalid`` the
    message for a value that is not one of its choices."""
    return ChoiceField(
        label=label,
        required=False,
        widget=GovukSelect,
        choices=choices,
        empty_label=empty_label,
        error_messages={"invalid_choice": invalid},
    )


class CaseFilterForm(NamesItsFields, forms.Form):
    """The case list's filters, each field made once, when this module loads; the officer
    and coded filters' choices are given to each form (``_offer_choices``)."""

    called = {"q": "Search words"}

    q = forms.CharField(
        label="Reference, name, email, postcode or words in the summary", required=False
    )
    # In the order the page shows them (case_list.html), which the error summary follows.
    status = select("Open or closed", "Either", "Select open or closed", STATUS_CHOICES)
    record_type = select("Type", "Any", "Select a type from the list")
    stage = select("Current stage", "Any", "Select a stage from the list", STAGE_CHOICES)
    deadline = select("Deadline", "Any", "Select a deadline from the list", DEADLINE_CHOICES)
    team = select("Service or team", "Any", "Select a service or team from the list")
    nature = select("Nature of complaint", "Any", "Select a nature of complaint from the list")
    officer = select("Officer or responding manager", "Anyone", "Select an officer from the list")
    acknowledgement = select(
        "Acknowledgement",
        "Any",
        "Select an acknowledgement filter from the list",
        ACKNOWLEDGEMENT_CHOICES,
    )
    received_from = date_field("Received from")
    received_to = date_field("Received to")

    def __init__(self, data):
        super().__init__(data)
        self._offer_choices()

    def _offer_choices(self) -> None:
        """Give the officer and coded filters their choices: functions, so that the lists
        are looked up only when the form is checked or drawn, and the form's copy of its
        fields copies no list. Both are kept by the process until the reference data
        changes (``heeded.reference.editions``). A coded filter's values are codes; the
        filters find the term each names from the same lists (``term_id``)."""
        # Each looked up once for the form, however often its choices are gone through.
        lists = functools.cache(KEPT_CODES.get)
        officers = functools.cache(KEPT_OFFICERS.get)

        def choices(model):
            return lambda: [(term.code, term.label) for term in lists()[model]]

        for name, model in CODED.items():
            self.fields[name].choices = choices(model)
        self.fields["officer"].choices = officers
        self.term_id = lambda model, code: next(t.pk for t in lists()[model] if t.code == code)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("received_from"), cleaned.get("received_to")
        if start and end and start > end:
            self.add_error("received_to", "Received to must be the same as or after received from")
            # Neither date is applied: either may be the mistake.
            cleaned.pop("received_from", None)
        return cleaned


class CaseFilter:
    """The case list's filters for one request: the form, and the cases its filters leave
    (``qs``), each filter a ``filter_<name>`` method given the filter's value.

    A plain form, not django-filters' FilterSet, which copied every filter and then made a
    form class and its fields anew for each request, some 3,000 Python calls a page.
    """

    def __init__(self, data, *, queryset: QuerySet[Case], request, today: dt.date):
        self.form = CaseFilterForm(data)
        self.queryset = queryset
        self.request = request
        self.today = today

    def is_valid(self) -> bool:
        return self.form.is_valid()

    @cached_property
    def qs(self) -> QuerySet[Case]:
        queryset = self.queryset.all()
        # A filter with a problem is not in cleaned_data: it is left out.
        self.form.is_valid()
        for name, value in self.form.cleaned_data.items():
            if value not in ("", None):
                queryset = getattr(self, f"filter_{name}")(queryset, value)
        return queryset

    def filter_record_type(self, queryset, value: str):
        return queryset.filter(record_type_id=self.form.term_id(RecordType, value))

    def filter_q(self, queryset: QuerySet[Case], value: str):
        # The search box.
        words = value.strip()
        if not words:
            return queryset
        return queryset.filter(pk__in=selectors.matching(words))

    def filter_stage(self, queryset, value: str):
        return queryset.filter(selectors.at_stage(value))

    def filter_status(self, queryset, value):
        return queryset.filter(closed_on__isnull=(value == "open"))

    def filter_team(self, queryset, value: str):
        # A directorate or service includes every team under it.
        teams = with_everything_under(self.form.term_id(ServiceTeam, value))
        through = Case.service_teams.through.objects.filter(serviceteam_id__in=teams)
        return queryset.filter(pk__in=through.values("case_id"))

    def filter_nature(self, queryset, value: str):
        through = Case.natures.through.objects.filter(nature_id=self.form.term_id(Nature, value))
        return queryset.filter(pk__in=through.values("case_id"))

    def filter_officer(self, queryset, value: str):
        if value == "none":
            return queryset.filter(selectors.not_assigned())
        user = self.request.user if value == "me" else get_user_model()(pk=int(value))
        return queryset.filter(policies.responsible_for(user))

    def filter_received_from(self, queryset, value: dt.date):
        return queryset.filter(received_on__gte=value)

    def filter_received_to(self, queryset, value: dt.date):
        return queryset.filter(received_on__lte=value)

    def filter_deadline(self, queryset, value: str):
        return queryset.filter(
            selectors.deadline_condition(value, self.today), closed_on__isnull=True
        )

    def filter_acknowledgement(self, queryset, value: str):
        return queryset.filter(selectors.awaiting_acknowledgement(), closed_on__isnull=True)


def style_for_govuk(form: forms.Form) -> forms.Form:
    """GOV.UK classes on the select boxes, and their error links, once the form is checked."""
    for name, field in form.fields.items():
        if isinstance(field.widget, forms.Select):
            bad = name in form.errors
            field.widget.attrs["class"] = "govuk-select" + (" govuk-select--error" if bad else "")
            if bad:
                field.widget.attrs["aria-describedby"] = f"id_{name}-error"
    return form


def with_everything_under(team_id: int) -> set[int]:
    """The ids of a team and every service and team beneath it in the hierarchy."""
    children: dict[int | None, list[int]] = {}
    for pk, parent in ServiceTeam.objects.values_list("pk", "parent_id"):
        children.setdefault(parent, []).append(pk)
    found, waiting = set(), [team_id]
    while waiting:
        pk = waiting.pop()
        if pk not in found:
            found.add(pk)
            waiting.extend(children.get(pk, []))
    return found


# Sorting ---------------------------------------------------------------------------------

SORTS = {
    "received": "Received",
    "reference": "Reference",
    "type": "Type",
    "deadline": "Next deadline",
}
DEFAULT_SORT = "-received"


def parse_sort(value: str | None) -> tuple[str, bool]:
    """("received", True) for "-received"; anything unknown gives the default."""
    value = value or DEFAULT_SORT
    descending = value.startswith("-")
    key = value.removeprefix("-")
    if key not in SORTS:
        return parse_sort(DEFAULT_SORT)
    return key, descending


def order_cases(queryset: QuerySet[Case], key: str, descending: bool) -> QuerySet[Case]:
    columns = {
        "received": ["received_on", "id"],
        "reference": ["reference"],
        "type": ["record_type__label", "received_on", "id"],
        "deadline": ["next_deadline", "id"],
    }[key]
    if key == "deadline":
        # Cases with no deadline (closed, or no clock) go last either way round.
        first = F("next_deadline")
        first = first.desc(nulls_last=True) if descending else first.asc(nulls_last=True)
        return queryset.order_by(first, "-id" if descending else "id")
    # The other columns are never empty: plain ordering, so PostgreSQL can walk the index
    # backwards instead of sorting every case (NULLS LAST on a descending sort defeats it).
    return queryset.order_by(*(("-" if descending else "") + column for column in columns))
