"""The recording journey's two questions pages: what kind it is, then its details."""

from __future__ import annotations

from django import forms

from heeded.calendars.dates import long_date
from heeded.cases.models import Case, CaseParty, Person
from heeded.taxonomy.models import (
    ComplainantType,
    HowReceived,
    Nature,
    Outcome,
    RecordType,
    ServiceTeam,
)

from ..fields import DateField
from ..people import name_fits
from ..questions import Questions, questions_for
from .base import (
    GovForm,
    as_bool,
    check_child_complainant,
    date_of_birth_field,
    email_field,
    kept_text,
    yes_no,
)

# What the journey asks about the person making it, beyond their name: typed with someone on
# file chosen, these are their latest details, kept on their record (and its history).
CONTACT_DETAILS = ("email", "telephone", "postcode", "address")
# The journey's choices of someone on file: the radios' name, the check page's row for who
# was chosen, and the name box left unused then (the name on file is kept). The person's
# row is the form's heading over them ("The constituent it is about"): "Person on file",
# above an MP's name, did not say who they were.
ON_FILE = {
    "person": ("", "full_name"),
    "child": ("Child or young person on file", "child_name"),
}


def name_changed(data, radios: str) -> bool:
    """Whether the name beside the radios called ``radios`` has been changed since the
    people on file were last found for it (kept beside them as ``<radios>_found_for``):
    not known, from a page that did not say, is not changed."""
    found_for = data.get(f"{radios}_found_for")
    name = data.get(ON_FILE[radios][1]) or ""
    return found_for is not None and found_for.split() != name.split()


class RecordTypeForm(GovForm):
    record_type = forms.ModelChoiceField(
        queryset=RecordType.objects.in_use().exclude(code="refused"),
        to_field_name="code",
        widget=forms.RadioSelect,
        empty_label=None,
        label="What kind of representation is it?",
        error_messages={"required": "Select what kind of representation it is"},
    )

    def groups(self) -> list[tuple[str, list[RecordType]]]:
        types = list(self.fields["record_type"].queryset)
        return [
            ("Statutory", [t for t in types if t.family == "statutory"]),
            ("Other", [t for t in types if t.family != "statutory"]),
        ]


def _terms(model, label: str, **kwargs) -> forms.ModelMultipleChoiceField:
    return forms.ModelMultipleChoiceField(
        queryset=model.objects.in_use(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label=label,
        **kwargs,
    )


class ServiceTeamsField(forms.ModelMultipleChoiceField):
    """Teams with the service they belong to ("Fostering (Children looked after)"): a flat
    list of forty teams hides where each sits."""

    def __init__(self, label: str):
        super().__init__(
            queryset=ServiceTeam.objects.in_use().select_related("parent"),
            widget=forms.CheckboxSelectMultiple,
            required=False,
            label=label,
        )

    def label_from_instance(self, unit: ServiceTeam) -> str:
        return f"{unit.label} ({unit.parent.label})" if unit.parent else unit.label


class RepresentationForm(GovForm):
    """Every detail any record type may need; ``__init__`` drops what this type does not."""

    received_on = DateField(name="Date received", past_only=True, label="Date received")
    how_received = forms.ModelChoiceField(
        queryset=HowReceived.objects.in_use(),
        label="How was it received?",
        empty_label="Choose how",
        error_messages={"required": "Select how it was received"},
    )
    # The person who made it: someone already on file, or a new person.
    person = forms.CharField(required=False, widget=forms.HiddenInput)
    full_name = kept_text(Person, "full_name", label="Full name")
    email = email_field()
    telephone = kept_text(Person, "telephone", label="Telephone")
    postcode = kept_text(Person, "postcode", label="Postcode")
    address = forms.CharField(label="Address", widget=forms.Textarea, required=False)
    complainant_type = forms.ModelChoiceField(
        queryset=ComplainantType.objects.in_use(),
        label="Who are they?",
        empty_label="Choose one",
        required=False,
    )
    representative_name = kept_text(Person, "full_name", label="MP or councillor's name")
    representative_organisation = kept_text(
        Person, "organisation", label="Constituency, ward or office"
    )
    # The child or young person it concerns: someone on file, or a new person.
    child = forms.CharField(required=False, widget=forms.HiddenInput)
    child_name = kept_text(
        Person, "full_name", label="Child or young person it concerns (if different)"
    )
    child_date_of_birth = date_of_birth_field(name="Child's date of birth", hint="")
    relationship = kept_text(CaseParty, "relationship", label="Their relationship to the child")
    young_person = yes_no("Is the complaint made by a child or young person?", unknown=True)
    via_professional = yes_no(
        "Is it made on their behalf by an advocate or professional?", unknown=True
    )
    advocacy_offered = yes_no(
        "Has the child been offered an advocate?",
        help_text="A child making a complaint must be offered an advocate "
        "(Children Act 1989 section 26A).",
    )
    advocacy_provider = kept_text(
        Case,
        "advocacy_provider",
        label="Advocacy provider (if known)",
        help_text="For example NYAS.",
    )
    service_teams = ServiceTeamsField("Which services or teams is it about?")
    natures = _terms(Nature, "What is it about?")
    outcomes_sought = _terms(Outcome, "What outcomes are they seeking?")
    summary = forms.CharField(label="Summary", widget=forms.Textarea, required=False)

    def __init__(self, *args, record_type: RecordType, **kwargs):
        super().__init__(*args, **kwargs)
        self.record_type = record_type
        self.questions = q = questions_for(record_type)
        self.fields["received_on"].missing = f"Enter the date the {q.noun} was received"
        self.fields["summary"].label = q.summary_label
        self.fields["summary"].help_text = q.summary_hint
        drop = {
            "complainant_type": not q.complainant_type,
            "natures": not q.natures,
            "outcomes_sought": not q.outcomes_sought,
            "child_name": not q.child,
            "child_date_of_birth": not q.child,
            "child": not q.child,
            "relationship": not q.child,
            "young_person": not q.child,
            "via_professional": not q.child,
            "advocacy_offered": not q.advocacy,
            "advocacy_provider": not q.advocacy,
            "representative_name": not q.representative,
            "representative_organisation": not q.representative,
        }
        for name, gone in drop.items():
            if gone:
                del self.fields[name]
        if q.representative:
            self.fields["representative_name"].required = True
            self.fields["representative_name"].error_messages["required"] = (
                "Enter the name of the MP or councillor"
            )

    def chosen(self, radios: str) -> Person | None:
        """The person on file chosen in the radios called ``radios`` ("person", "child")."""
        if radios not in self.fields:
            return None
        value = (self.data.get(self.add_prefix(radios)) or "").strip()
        if value.isdigit():
            return Person.objects.filter(pk=int(value)).first()
        return None

    def clean(self):
        data = super().clean()
        q: Questions = self.questions
        for radios, (_, box) in ON_FILE.items():
            data[f"existing_{radios}"] = chosen = self.chosen(radios)
            name = self.data.get(box) or ""
            if chosen and name_changed(self.data, radios) and not name_fits(chosen, name):
                # Sent before the suggestions caught up with the name, or without JavaScript.
                self.add_error(
                    box,
                    f"{chosen.full_name}, chosen on file, does not have the name typed: "
                    f"continue to add {' '.join(name.split())} as someone new, or choose "
                    f"{chosen.full_name} again",
                )
        # A name refused for its length has been told so: it is not missing.
        named = data.get("full_name") or self.has_error("full_name")
        if q.person_required and not data["existing_person"] and not named:
            self.add_error(
                "full_name",
                f"Enter the full name of the {q.person_noun}, or choose someone on file",
            )
        # A summary refused (a null character in it) has been told so: it is not missing.
        if not (data.get("summary") or "").strip() and not self.has_error("summary"):
            self.add_error("summary", f"Enter {q.summary_label[0].lower()}{q.summary_label[1:]}")
        child_complainant = check_child_complainant(self, data)
        child_complaining = data.get("young_person") == "yes" or child_complainant
        if q.advocacy and child_complaining and not data.get("advocacy_offered"):
            self.add_error(
                "advocacy_offered",
                "Say whether the child has been offered an advocate: a child making a "
                "complaint must be offered one",
            )
        return data

    def case_details(self) -> dict:
        """The Case fields for ``record_representation``, from the cleaned answers."""
        data = self.cleaned_data
        details = {
            "how_received": data["how_received"],
            "summary": data["summary"].strip(),
            "service_teams": list(data["service_teams"]),
        }
        for name in ("complainant_type",):
            if name in self.fields:
                details[name] = data.get(name)
        for name in ("natures", "outcomes_sought"):
            if name in self.fields:
                details[name] = list(data[name])
        for name in ("young_person", "via_professional"):
            if name in self.fields:
                details[name] = as_bool(data.get(name))
        if "advocacy_offered" in self.fields:
            details["advocacy_offered"] = as_bool(data.get("advocacy_offered"))
            details["advocacy_provider"] = data.get("advocacy_provider", "").strip()
        return details

    def answers(self) -> list[tuple[str, str]]:
        """(question, answer) rows for the check page."""
        rows = []
        data = self.cleaned_data
        chosen = {radios: data.get(f"existing_{radios}") for radios in ON_FILE}
        unused = {box for radios, (_, box) in ON_FILE.items() if chosen[radios]}
        for name, field in self.fields.items():
            if name in ON_FILE:
                if chosen[name]:
                    label = ON_FILE[name][0] or self.questions.person_heading
                    rows.append((label, _describe_person(chosen[name], on_file=name == "person")))
                continue
            if name in unused:
                continue  # the name on file is kept: the row above says whose
            value = data.get(name)
            if hasattr(value, "all") or isinstance(value, list):
                text = ", ".join(str(v) for v in value)
            elif hasattr(field, "choices") and isinstance(value, str):
                text = dict(field.choices).get(value, "")
            elif hasattr(value, "strftime"):
                text = long_date(value)
            else:
                text = "" if value is None else str(value)
            if text:
                rows.append((self._question(name, field), text))
        return rows

    def _question(self, name: str, field) -> str:
        chosen = self.cleaned_data.get("existing_person")
        if chosen and name in CONTACT_DETAILS:
            return f"{field.label}, saved to {chosen.full_name}'s details"
        child = self.cleaned_data.get("existing_child")
        if child and name == "child_date_of_birth":
            return f"{field.name}, saved to {child.full_name}'s details"
        # "Full name" beside an MP's name or a child's does not say whose: the check page
        # says it as the form's heading over it does ("The constituent it is about").
        return self.questions.person_heading if name == "full_name" else field.label


def _describe_person(person: Person, *, on_file: bool = False) -> str:
    bits = [person.full_name] + [b for b in (person.email, person.postcode) if b]
    if person.date_of_birth:
        bits.append(f"born {long_date(person.date_of_birth)}")
    return ", ".join(bits) + (" (on file)" if on_file else "")
