"""What every form says alike, staff and public: a message that names its field.

Django's own message for a null character (\\x00, which PostgreSQL cannot store) is "Null
characters are not allowed.", naming no field, in no one's voice. Every form of Heeded
mixes in ``NamesNullCharacters``, so that each text box says it in GOV.UK's way: "Full
name must not contain a null character".
"""

from __future__ import annotations

import re

from django import forms
from django.core.validators import ProhibitNullCharactersValidator

# The code Django's ProhibitNullCharactersValidator raises, which a field's error_messages
# can put into words.
NULL_CHARACTERS = ProhibitNullCharactersValidator.code


def label_name(label: str) -> str:
    """A label as a message names it: "Full name (if known)" is "Full name", "Description
    (optional)" is "Description"."""
    return _without_note(label).rstrip("?")


def field_name(field: forms.Field, called: str = "") -> str:
    """How a message names ``field``: as the form calls it (``called``), else by its label;
    a question ("Why is more time needed?") is quoted, as it reads badly as a name."""
    if called:
        return called
    label = _without_note(str(field.label or ""))
    return f"The answer to ‘{label}’" if label.endswith("?") else label


def _without_note(label: str) -> str:
    return re.sub(r"\s*\([^)]*\)$", "", label)


class NamesNullCharacters:
    """A form whose text boxes refuse a null character with a message naming the box.

    ``called`` names a box whose label reads badly in a message ({"full_name": "Your
    name"}), as does a field's own ``called``. Set as the form is cleaned, when every label
    is final (some forms write their labels in ``__init__``).
    """

    called: dict[str, str] = {}

    def full_clean(self):
        for name, field in self.fields.items():
            if any(isinstance(v, ProhibitNullCharactersValidator) for v in field.validators):
                called = self.called.get(name) or getattr(field, "called", "")
                field.error_messages[NULL_CHARACTERS] = (
                    f"{field_name(field, called)} must not contain a null character"
                )
        super().full_clean()
