"""What every form says alike, staff and public: a message that names its field.

Django's own messages for a null character (\\x00, which PostgreSQL cannot store) and for
too much text are "Null characters are not allowed." and "Ensure this value has at most 200
characters (it has 425).", naming no field, in no one's voice. Every form of Heeded mixes in
``NamesItsFields``, so that each text box says them in GOV.UK's way: "Full name must not
contain a null character", "Full name must be 200 characters or fewer".
"""

from __future__ import annotations

import re

from django import forms
from django.core.validators import MaxLengthValidator, ProhibitNullCharactersValidator

# The codes Django's validators raise, which a field's error_messages can put into words.
NULL_CHARACTERS = ProhibitNullCharactersValidator.code
TOO_LONG = MaxLengthValidator.code


def field_name(field: forms.Field, called: str = "") -> str:
    """How a message names ``field``: as the form calls it (``called``), else by its label
    without a note ("Full name (if known)" is "Full name"); a question ("Why is more time
    needed?") is quoted, as it reads badly as a name."""
    if called:
        return called
    label = re.sub(r"\s*\([^)]*\)$", "", str(field.label or ""))
    return f"The answer to ‘{label}’" if label.endswith("?") else label


def length_limit(field: forms.Field) -> int | None:
    """How many characters ``field`` takes, if Django's own words would say so: a
    CharField's ``max_length`` (EmailField's too) is a MaxLengthValidator with Django's
    message, which a validator given words of its own does not have. Of two (a limit
    added to one a field has already), the lower."""
    limits = [
        validator.limit_value() if callable(validator.limit_value) else validator.limit_value
        for validator in field.validators
        if isinstance(validator, MaxLengthValidator)
        and validator.message == MaxLengthValidator.message
    ]
    return min(limits, default=None)


class NamesItsFields:
    """A form whose text boxes refuse a null character, or too much text, with a message
    naming the box.

    ``called`` names a box whose label reads badly in a message ({"full_name": "Your
    name"}), as does a field's own ``called``. A message for too much text written by hand
    (the field's ``error_messages["max_length"]``) is kept. Set as the form is cleaned,
    when every label is final (some forms write their labels in ``__init__``).
    """

    called: dict[str, str] = {}

    def full_clean(self):
        for name, field in self.fields.items():
            named = field_name(field, self.called.get(name) or getattr(field, "called", ""))
            if any(isinstance(v, ProhibitNullCharactersValidator) for v in field.validators):
                field.error_messages[NULL_CHARACTERS] = f"{named} must not contain a null character"
            limit = length_limit(field)
            if limit is not None and _djangos(field.error_messages.get(TOO_LONG)):
                # GOV.UK writes numbers over 999 with a comma: "5,000 characters".
                field.error_messages[TOO_LONG] = f"{named} must be {limit:,} characters or fewer"
        super().full_clean()


def _djangos(message) -> bool:
    """Whether a field's message for too much text is Django's own, or none at all."""
    return message is None or str(message) == str(MaxLengthValidator.message)
