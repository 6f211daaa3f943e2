"""The kinds of code the taxonomy screens list, in the order a complaints manager meets them.

Services and teams are a hierarchy and have screens of their own (views/teams.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.http import Http404

from heeded.taxonomy.models import TAXONOMY_MODELS, Term


@dataclass(frozen=True)
class Kind:
    key: str  # as in TAXONOMY_MODELS and the interchange format
    title: str
    add_text: str
    about: str

    @property
    def slug(self) -> str:
        return self.key.replace("_", "-")

    @property
    def model(self) -> type[Term]:
        return TAXONOMY_MODELS[self.key]

    @property
    def singular(self) -> str:
        return str(self.model._meta.verbose_name)

    @property
    def is_record_type(self) -> bool:
        return self.key == "record_type"

    @property
    def is_outcome(self) -> bool:
        return self.key == "outcome"


KINDS = [
    Kind(
        "record_type",
        "Record types",
        "Add a record type",
        "What kind of representation a case is, and which procedure's stages and deadlines "
        "apply to it.",
    ),
    Kind(
        "how_received",
        "How received",
        "Add a way of receiving",
        "How a representation reached the council.",
    ),
    Kind(
        "complainant_type",
        "Complainant types",
        "Add a complainant type",
        "Who made the representation: a young person, a parent, a carer, a professional.",
    ),
    Kind(
        "nature",
        "Natures of complaint",
        "Add a nature of complaint",
        "What a complaint is about. A case can have several.",
    ),
    Kind(
        "outcome", "Outcomes", "Add an outcome", "What a complainant asks for, and what they got."
    ),
    Kind(
        "refusal_reason",
        "Refusal reasons",
        "Add a refusal reason",
        "Why a representation was not accepted into the statutory procedure.",
    ),
    Kind(
        "ombudsman_decision",
        "Ombudsman decisions",
        "Add an Ombudsman decision",
        "What the Local Government and Social Care Ombudsman decided.",
    ),
]
BY_SLUG = {kind.slug: kind for kind in KINDS}


def kind_for(slug: str) -> Kind:
    try:
        return BY_SLUG[slug]
    except KeyError:
        raise Http404(f"There is no list of codes called {slug}") from None
