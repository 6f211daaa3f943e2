"""One form per question page (GOV.UK "Question pages": one thing per page).

Each form says how its page reads (``heading``, ``hint``), which fields a choice reveals
(``conditionals``), and how its answers read back on "Check your answers" (``summary``).
Messages follow the GOV.UK error message pattern: say what happened and how to fix it.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError

from heeded.field_messages import NamesItsFields
from heeded.taxonomy.models import ComplainantType, Outcome, ServiceTeam

from .fields import GovDateField, clean_phone, clean_postcode

DONT_KNOW = "dont_know"
DETAILS_MAX = 5000


class HoneypotField(forms.Field):
    """The box robots fill and people leave alone: anything in it, however long and whatever
    it holds, is refused in the same plain words, which say what to do. Never kept (its
    answer is always empty), so it has no length to keep to and no null character to fear:
    a message naming it ("Leave this blank must be 200 characters or fewer") would puzzle
    the screen reader user or autofill tool that filled it."""

    def __init__(self):
        super().__init__(required=False, label="Leave this blank")

    def clean(self, value):
        if value:
            raise ValidationError(
                "Delete what is in the box labelled ‘Leave this blank’", code="filled"
            )
        return ""


class Question(NamesItsFields, forms.Form):
    heading = ""
    hint = ""
    # A template with more to read before the question (e.g. what an advocate is), and
    # the h1 it opens with: the page's title, as GOV.UK asks.
    intro_template = ""
    intro_heading = ""
    # choice field -> {choice: the fields it reveals} (GOV.UK conditional reveal).
    conditionals: dict[str, dict[str, tuple[str, ...]]] = {}
    # The same, for follow-up boxes that are always on the page but belong to one choice
    # (a radio may not reveal one: see RelationshipForm).
    follow_ups: dict[str, dict[str, tuple[str, ...]]] = {}
    dividers: dict[str, str] = {}  # field -> the choice an "or" divider comes before
    exclusive: dict[str, str] = {}  # field -> the checkbox that unticks all the others
    classes: dict[str, str] = {}  # field -> GOV.UK width class
    input_types: dict[str, str] = {}
    autocomplete: dict[str, str] = {}
    spellcheck_off: tuple[str, ...] = ()
    heading_field = ""  # on a page with a follow-up box, the field that is the question

    # The honeypot: hidden from sight and from the Tab order, labelled for the screen
    # readers that still find it. People never fill it in; form-filling robots do.
    website = HoneypotField()

    def summary(self) -> list[tuple[str, str]]:
        """Rows for "Check your answers": (what was asked, the answer)."""
        return []

    def chosen(self, choice_field: str) -> set[str]:
        """The choices ticked or selected in ``choice_field``, as posted."""
        value = self[choice_field].data
        values = value if isinstance(value, (list, tuple)) else [value]
        return {str(v) for v in values if v not in (None, "")}

    def ignored_fields(self) -> set[str]:
        """Fields belonging to a choice that is not chosen: hidden (or not asked), so
        whatever is in them is never checked, never used and never kept."""
        belonging, wanted = set(), set()
        for groups in (self.conditionals, self.follow_ups):
            for choice_field, by_choice in groups.items():
                chosen = self.chosen(choice_field)
                for choice, names in by_choice.items():
                    belonging.update(names)
                    if choice in chosen:
                        wanted.update(names)
        return belonging - wanted

    def _clean_fields(self):
        # Every field is cleaned as usual, then a box whose choice is not chosen has its
        # error (if any) dropped and its answer emptied: GOV.UK's conditional reveal, where
        # an unticked option's box is hidden and must not stop anyone going on.
        super()._clean_fields()
        for name in self.ignored_fields():
            self._errors.pop(name, None)
            self.cleaned_data[name] = self.fields[name].to_python(None)

    def require_when(self, choice_field: str, chosen: str, field: str, message: str) -> None:
        chosen_values = self.cleaned_data.get(choice_field) or []
        if isinstance(chosen_values, str):
            chosen_values = [chosen_values]
        missing = chosen in chosen_values and not self.cleaned_data.get(field)
        if missing and field not in self.errors:
            self.add_error(field, message)


def _choice_label(field: forms.ChoiceField, value) -> str:
    return str(dict(field.choices).get(value, value))


class NameForm(Question):
    heading = "What is your name?"
    full_name = forms.CharField(
        label="What is your name?",
        max_length=200,
        error_messages={"required": "Enter your full name"},
    )
    autocomplete = {"full_name": "name"}
    spellcheck_off = ("full_name",)
    called = {"full_name": "Your name"}

    def summary(self):
        return [("Your name", self.cleaned_data["full_name"])]


# Relationship to the child, in public words, mapped to ComplainantType codes. The child
# or young person themselves, a care leaver among them, may use this form rather than the
# young person's: they are then not asked who the complaint is about.
THEMSELVES = "young_person"
RELATIONSHIPS = [
    (THEMSELVES, "It is about me: I am the child or young person, or a care leaver"),
    ("parent", "Parent"),
    ("grandparent", "Grandparent"),
    ("foster_carer", "Foster carer"),
    ("special_guardian", "Special guardian"),
    ("other_relative", "Another relative, for example an aunt or older brother"),
    ("professional", "Professional, for example a teacher, doctor or social worker"),
    ("advocate", "Advocate"),
    ("other", "Something else"),
]


class RelationshipForm(Question):
    heading = "What is your relationship to the child or young person?"
    relationship = forms.ChoiceField(
        label="What is your relationship to the child or young person?",
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select your relationship to the child or young person",
            "invalid_choice": "Select your relationship to the child or young person",
        },
    )
    # Always shown rather than revealed: GOV.UK's script marks a revealing radio with
    # aria-expanded, which radios may not carry (axe-core: aria-allowed-attr, WCAG 4.1.2).
    relationship_other = forms.CharField(
        label="If you chose ‘Something else’, what is your relationship to them?",
        required=False,
        max_length=100,
    )
    follow_ups = {"relationship": {"other": ("relationship_other",)}}
    heading_field = "relationship"
    called = {"relationship_other": "Your relationship to the child"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        in_use = set(ComplainantType.objects.in_use().values_list("code", flat=True))
        self.fields["relationship"].choices = [c for c in RELATIONSHIPS if c[0] in in_use]

    def clean(self):
        super().clean()
        self.require_when(
            "relationship",
            "other",
            "relationship_other",
            "Enter your relationship to the child or young person",
        )

    def describe(self) -> str:
        cd = self.cleaned_data
        if cd["relationship"] == "other":
            return cd["relationship_other"]
        return _choice_label(self.fields["relationship"], cd["relationship"]).split(",")[0]

    def summary(self):
        return [("Your relationship to the child", self.describe())]


class ContactForm(Question):
    heading = "How should we contact you?"
    hint = "Select all that apply."
    method_labels = {"email": "Email", "phone": "Phone", "post": "Post"}
    contact_methods = forms.MultipleChoiceField(
        label="How should we contact you?",
        widget=forms.CheckboxSelectMultiple,
        choices=[("email", "Email"), ("phone", "Phone"), ("post", "Post")],
        error_messages={
            "required": "Select how we should contact you",
            "invalid_choice": "Select how we should contact you",
        },
    )
    email = forms.EmailField(
        label="Email address",
        required=False,
        max_length=254,
        error_messages={
            "invalid": "Enter an email address in the correct format, like name@example.com"
        },
    )
    telephone = forms.CharField(label="Phone number", required=False, max_length=40)
    address = forms.CharField(
        label="Address", required=False, max_length=500, widget=forms.Textarea(attrs={"rows": 4})
    )
    postcode = forms.CharField(label="Postcode", required=False, max_length=10)
    conditionals = {
        "contact_methods": {
            "email": ("email",),
            "phone": ("telephone",),
            "post": ("address", "postcode"),
        }
    }
    classes = {"telephone": "govuk-input--width-20", "postcode": "govuk-input--width-10"}
    input_types = {"email": "email", "telephone": "tel"}
    autocomplete = {
        "email": "email",
        "telephone": "tel",
        "address": "street-address",
        "postcode": "postal-code",
    }
    spellcheck_off = ("email", "telephone", "postcode")

    def clean_telephone(self):
        value = self.cleaned_data["telephone"]
        return clean_phone(value) if value.strip() else ""

    def clean_postcode(self):
        value = self.cleaned_data["postcode"]
        return clean_postcode(value) if value.strip() else ""

    def clean(self):
        super().clean()
        self.require_when("contact_methods", "email", "email", "Enter your email address")
        self.require_when("contact_methods", "phone", "telephone", "Enter your phone number")
        self.require_when("contact_methods", "post", "address", "Enter your address")
        self.require_when("contact_methods", "post", "postcode", "Enter your postcode")
        # Details typed for a method then unticked are neither checked nor kept (we only
        # hold what we use): see Question.ignored_fields.

    def summary(self):
        cd = self.cleaned_data
        lines = []
        if cd.get("email"):
            lines.append(f"Email: {cd['email']}")
        if cd.get("telephone"):
            lines.append(f"Phone: {cd['telephone']}")
        if cd.get("address"):
            lines.append(f"Post: {cd['address']}, {cd['postcode']}")
        rows = [("How to contact you", "\n".join(lines))]
        if cd.get("safe_note"):
            rows.append(("Keeping you safe", cd["safe_note"]))
        return rows


NO_REPLY = "none"


class ReplyContactForm(ContactForm):
    """For a compliment or a comment, which may be made without wanting a reply: GOV.UK's
    checkboxes with a "none" option after an "or", which unticks the others (and they it)."""

    contact_methods = forms.MultipleChoiceField(
        label="How should we contact you?",
        widget=forms.CheckboxSelectMultiple,
        choices=[*ContactForm.method_labels.items(), (NO_REPLY, "I do not need a reply")],
        error_messages={
            "required": "Select how we should contact you, or select ‘I do not need a reply’",
            "invalid_choice": "Select how we should contact you",
        },
    )
    dividers = {"contact_methods": NO_REPLY}
    exclusive = {"contact_methods": NO_REPLY}

    def clean(self):
        # Without JavaScript nothing unticks the others, so both may arrive together.
        chosen = self.cleaned_data.get("contact_methods") or []
        if NO_REPLY in chosen and len(chosen) > 1:
            self.add_error(
                "contact_methods",
                "Select how we should contact you, or select ‘I do not need a reply’, not both",
            )
        super().clean()

    def summary(self):
        if NO_REPLY in (self.cleaned_data.get("contact_methods") or []):
            return [("How to contact you", "I do not need a reply")]
        return super().summary()


class YoungPersonContactForm(ContactForm):
    heading = "How can we get in touch with you safely?"
    hint = "Choose all the ways that are safe for you."
    # The ways to get in touch are the question; the note below them is optional.
    heading_field = "contact_methods"
    contact_methods = forms.MultipleChoiceField(
        label="How can we get in touch with you safely?",
        widget=forms.CheckboxSelectMultiple,
        choices=[("email", "Email"), ("phone", "Phone call or text message"), ("post", "Letter")],
        error_messages={
            "required": "Choose at least one way we can get in touch with you",
            "invalid_choice": "Choose at least one way we can get in touch with you",
        },
    )
    safe_note = forms.CharField(
        label="Is there anything we should know so we can contact you safely? (optional)",
        help_text="For example, only call after 4pm, or do not send letters to your home.",
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    called = {"safe_note": "What we should know to contact you safely"}


# The children's procedure is for children and young people, care leavers among them until
# about 25 (domain.md section 1.2), and a complaint is made within a year or so of what
# happened (reg 9). A date of birth, or a date it happened, further back than this is a
# slip (1914 for 2014): it is refused with the year it must be from.
YOUNG_PERSON_YEARS = 26


class ChildForm(Question):
    heading = "Who is the child or young person?"
    hint = "Tell us who your complaint is about."
    child_name = forms.CharField(
        label="Their full name",
        max_length=200,
        error_messages={"required": "Enter the child or young person’s full name"},
    )
    child_date_of_birth = GovDateField(
        what="Date of birth",
        within_years=YOUNG_PERSON_YEARS,
        label="Their date of birth (optional)",
        help_text="For example, 27 3 2014",
        required=False,
    )
    spellcheck_off = ("child_name",)
    called = {"child_name": "The child or young person’s full name"}

    def summary(self):
        dob = self.cleaned_data.get("child_date_of_birth")
        return [
            ("Child or young person", self.cleaned_data["child_name"]),
            ("Their date of birth", str(dob) if dob else "Not given"),
        ]


class DetailsForm(Question):
    """A long free-text answer with GOV.UK's character count."""

    heading = "What happened?"
    summary_label = "What happened"
    required_message = "Enter what happened"
    details = forms.CharField(
        label="What happened?",
        max_length=DETAILS_MAX,
        widget=forms.Textarea(attrs={"rows": 8}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["details"]
        field.label = self.heading
        field.help_text = self.hint
        field.error_messages["required"] = self.required_message

    @property
    def called(self) -> dict[str, str]:
        return {"details": self.summary_label}

    def summary(self):
        return [(self.summary_label, self.cleaned_data["details"])]


class WhatHappenedForm(DetailsForm):
    heading = "What happened?"
    hint = (
        "Tell us what went wrong and how it has affected the child or young person. "
        "You do not need to tell us everything now: we will contact you."
    )


class ServiceForm(Question):
    heading = "Which service is your complaint about?"
    hint = "If it is about more than one, choose the main one."
    about = "complaint"
    service = forms.ChoiceField(label="", widget=forms.RadioSelect)
    dividers = {"service": DONT_KNOW}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["service"]
        field.label = self.heading
        field.help_text = self.hint
        message = f"Select which service your {self.about} is about, or select ‘I do not know’"
        field.error_messages.update({"required": message, "invalid_choice": message})
        teams = ServiceTeam.objects.in_use().filter(level="team").order_by("position", "label")
        field.choices = [(t.code, t.label) for t in teams] + [(DONT_KNOW, "I do not know")]

    def summary(self):
        return [("Service", _choice_label(self.fields["service"], self.cleaned_data["service"]))]


class ComplimentServiceForm(ServiceForm):
    heading = "Which service is your compliment about?"
    hint = ""
    about = "compliment"


class CommentServiceForm(ServiceForm):
    heading = "Which service is your comment about?"
    hint = ""
    about = "comment"


class WhenForm(Question):
    heading = "When did it happen?"
    when = GovDateField(
        what="The date it happened",
        day_optional=True,
        within_years=YOUNG_PERSON_YEARS,
        label="Date",
        help_text="For example, 27 3 2026. If you do not know the day, enter the month and year.",
        required=False,
    )
    when_roughly = forms.CharField(
        label="If you are not sure of the date, tell us roughly when",
        help_text="For example, ‘last summer’ or ‘since 2024’.",
        required=False,
        max_length=200,
    )
    called = {"when_roughly": "When it happened"}

    def clean(self):
        super().clean()
        # A date or a rough "when" already refused has its own message: asking for one of
        # them as well would ask for what was typed.
        if "when" in self.errors or "when_roughly" in self.errors:
            return
        if not self.cleaned_data.get("when") and not self.cleaned_data.get("when_roughly"):
            self.add_error("when", "Enter when it happened, or tell us roughly when")
            self.fields["when"].error_parts = ("day", "month", "year")

    def describe(self) -> str:
        parts = [str(self.cleaned_data["when"])] if self.cleaned_data.get("when") else []
        if self.cleaned_data.get("when_roughly"):
            parts.append(self.cleaned_data["when_roughly"])
        return "; ".join(parts)

    def summary(self):
        return [("When it happened", self.describe())]


class OutcomesForm(Question):
    heading = "What would you like to happen?"
    hint = "Select all that apply."
    outcomes = forms.MultipleChoiceField(
        label="What would you like to happen?",
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": "Select what you would like to happen",
            "invalid_choice": "Select what you would like to happen",
        },
    )
    # The choices are the question; the box below them is optional.
    heading_field = "outcomes"
    outcome_details = forms.CharField(
        label="Tell us more (optional)",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    called = {"outcome_details": "More about what you would like"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # In the council's words for the public (Outcome.public_wording), not the team's.
        self.fields["outcomes"].choices = [
            (outcome.code, outcome.public_label)
            for outcome in Outcome.objects.in_use()
            .filter(asked_online=True)
            .order_by("position", "label")
        ]

    def summary(self):
        labels = dict(self.fields["outcomes"].choices)
        rows = [
            ("What you would like", "\n".join(labels[c] for c in self.cleaned_data["outcomes"]))
        ]
        if self.cleaned_data.get("outcome_details"):
            rows.append(("More about what you would like", self.cleaned_data["outcome_details"]))
        return rows


class DocumentsForm(Question):
    """Attachments are uploaded one POST at a time and kept until the form is sent."""

    heading = "Do you want to send us any documents or photos?"
    hint = "This is optional."

    def summary(self):
        return []


class ThankForm(Question):
    heading = "Who would you like to thank? (optional)"
    person = forms.CharField(
        label="Who would you like to thank? (optional)",
        help_text="For example, the name of a social worker or a team. "
        "Leave this blank if you do not know.",
        required=False,
        max_length=200,
    )
    called = {"person": "Who you would like to thank"}

    def summary(self):
        return [("Who you would like to thank", self.cleaned_data.get("person") or "Not given")]


class ComplimentForm(DetailsForm):
    heading = "What would you like to tell us?"
    hint = "Tell us what went well and the difference it made."
    summary_label = "Your compliment"
    required_message = "Enter your compliment"


class CommentForm(DetailsForm):
    heading = "What is your comment?"
    hint = "Tell us your idea or what you think we could do better."
    summary_label = "Your comment"
    required_message = "Enter your comment"


# The route for children and young people: short sentences, "you" and "we".


class FirstNameForm(Question):
    heading = "What is your first name?"
    first_name = forms.CharField(
        label="What is your first name?",
        help_text="You can tell us the name you like to be called.",
        max_length=100,
        error_messages={"required": "Enter your first name"},
    )
    autocomplete = {"first_name": "given-name"}
    spellcheck_off = ("first_name",)
    classes = {"first_name": "govuk-!-width-one-half"}
    called = {"first_name": "Your first name"}

    def summary(self):
        return [("Your first name", self.cleaned_data["first_name"])]


class AdvocateForm(Question):
    heading = "Would you like an advocate to help you?"
    intro_template = "public/includes/advocate_intro.html"
    intro_heading = "Getting help from an advocate"
    advocate = forms.ChoiceField(
        label="Would you like an advocate to help you?",
        choices=[("yes", "Yes, I would like an advocate"), ("no", "No, not now")],
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose yes if you would like an advocate",
            "invalid_choice": "Choose yes if you would like an advocate",
        },
    )

    def summary(self):
        answer = "Yes" if self.cleaned_data["advocate"] == "yes" else "No, not now"
        return [("Would you like an advocate?", answer)]


class YoungPersonWhatHappenedForm(DetailsForm):
    heading = "What happened?"
    hint = "Tell us in your own words. You can write as much or as little as you like."
    summary_label = "What happened"
    required_message = "Tell us what happened"


class YoungPersonWishForm(DetailsForm):
    heading = "What would you like to happen?"
    hint = (
        "For example, you might want someone to say sorry, or to change something. "
        "It is OK if you are not sure."
    )
    summary_label = "What you would like to happen"
    required_message = "Tell us what you would like to happen, or write ‘not sure’"


class ChooseForm(Question):
    heading = "What would you like to do?"
    choice = forms.ChoiceField(
        label="What would you like to do?",
        widget=forms.RadioSelect,
        choices=[
            ("complaint", "Make a complaint"),
            ("compliment", "Pay a compliment"),
            ("comment", "Make a comment or suggestion"),
            ("young-person", "I am a child or young person"),
        ],
        error_messages={
            "required": "Select what you would like to do",
            "invalid_choice": "Select what you would like to do",
        },
    )
    dividers = {"choice": "young-person"}
    choice_hints = {
        "complaint": "Tell us about something that went wrong for a child or young person.",
        "compliment": "Tell us about something that went well.",
        "comment": "Tell us an idea or what you think.",
        "young-person": "Tell us about something that is not right for you, in easy steps.",
    }
