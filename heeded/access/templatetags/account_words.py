"""allauth's headings and buttons in GOV.UK's sentence case.

allauth writes them in title case ("Change Password", "Confirm Access"); GOV.UK's style
capitalises only the first word. Its pages are drawn by our element templates
(templates/allauth/elements), which pass each heading and button through ``sentence_case``,
so none of allauth's page templates needs copying to change its words.
"""

import re

from django import template
from django.utils.safestring import mark_safe

register = template.Library()

# A word in title case: a capital, then only small letters ("Password", not "PIN" or "OK").
TITLE_CASE_WORD = re.compile(r"(?<=\s)([A-Z])([a-z]+)\b")


@register.filter(is_safe=True)
def sentence_case(text: str) -> str:
    """``text`` with every word after the first in lower case, unless it is an acronym:
    "Change Password" is "Change password"; surrounding space is dropped."""
    words = TITLE_CASE_WORD.sub(lambda word: word[1].lower() + word[2], str(text).strip())
    return mark_safe(words)  # only letters changed case: as safe as the text given
