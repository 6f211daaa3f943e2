"""The four public journeys, declared as data: which questions, in which order.

A journey is a straight line of question pages, then "Check your answers", then a
confirmation; a page an earlier answer makes needless is left out of the line (``unless``).
Adding a question means writing its form in ``forms.py`` and listing it here.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import forms as f


@dataclass(frozen=True)
class Answer:
    """An answer given on an earlier page: ``value`` chosen for ``field`` on ``step``."""

    step: str
    field: str
    value: str


@dataclass(frozen=True)
class Step:
    slug: str
    form: type[f.Question]
    # Not asked after this answer: it would ask what the person has already told us.
    unless: Answer | None = None
    # Asked only after this answer.
    only_if: Answer | None = None


@dataclass(frozen=True)
class Journey:
    slug: str  # in the address: /feedback/<slug>/...
    record_type: str  # RecordType code of the case it makes
    noun: str  # "complaint": used in page titles and e-mails
    title: str  # the service name for this journey
    steps: tuple[Step, ...]
    check_heading: str = "Check your answers before sending your {noun}"
    send_heading: str = "Now send your {noun}"
    send_text: str = (
        "By sending this {noun} you are confirming that, to the best of your knowledge, "
        "the details you are providing are correct."
    )
    send_button: str = "Send {noun}"
    for_young_people: bool = False

    def step(self, slug: str) -> Step | None:
        return next((s for s in self.steps if s.slug == slug), None)

    def words(self, text: str) -> str:
        return text.format(noun=self.noun)


COMPLAINT = Journey(
    slug="complaint",
    record_type="complaint",
    noun="complaint",
    title="Make a complaint",
    steps=(
        Step("your-name", f.NameForm),
        Step("relationship", f.RelationshipForm),
        # A child or care leaver complaining about themselves is offered an advocate, as
        # the young person's form offers one (Children Act 1989 s.26A).
        Step(
            "advocate", f.AdvocateForm, only_if=Answer("relationship", "relationship", f.THEMSELVES)
        ),
        Step("contact", f.ContactForm),
        # A young person or care leaver complaining about themselves has given their name.
        Step("child", f.ChildForm, unless=Answer("relationship", "relationship", f.THEMSELVES)),
        Step("what-happened", f.WhatHappenedForm),
        Step("service", f.ServiceForm),
        Step("when", f.WhenForm),
        Step("outcome", f.OutcomesForm),
        Step("documents", f.DocumentsForm),
    ),
)

COMPLIMENT = Journey(
    slug="compliment",
    record_type="compliment",
    noun="compliment",
    title="Pay a compliment",
    steps=(
        Step("your-name", f.NameForm),
        Step("contact", f.ReplyContactForm),
        Step("service", f.ComplimentServiceForm),
        Step("who", f.ThankForm),
        Step("compliment", f.ComplimentForm),
    ),
)

COMMENT = Journey(
    slug="comment",
    record_type="comment",
    noun="comment",
    title="Make a comment",
    steps=(
        Step("your-name", f.NameForm),
        Step("contact", f.ReplyContactForm),
        Step("service", f.CommentServiceForm),
        Step("comment", f.CommentForm),
    ),
)

YOUNG_PERSON = Journey(
    slug="young-person",
    record_type="complaint",
    noun="complaint",
    # As its start page names it, so every page of the route says the same (QA).
    title="Tell us if something is not right",
    steps=(
        Step("your-name", f.FirstNameForm),
        Step("advocate", f.AdvocateForm),
        Step("contact", f.YoungPersonContactForm),
        Step("what-happened", f.YoungPersonWhatHappenedForm),
        Step("what-you-want", f.YoungPersonWishForm),
    ),
    check_heading="Check what you have told us",
    send_heading="Ready to send?",
    send_text="When you press ‘Send’, we will get your message. You cannot change it after that.",
    send_button="Send",
    for_young_people=True,
)

JOURNEYS = {j.slug: j for j in (COMPLAINT, COMPLIMENT, COMMENT, YOUNG_PERSON)}
