"""Answers a real person might give, page by page, and a client that walks the journeys."""

from __future__ import annotations

import re

from django.urls import reverse

COMPLAINT = {
    "your-name": {"full_name": "Margaret Okafor"},
    "relationship": {"relationship": "grandparent"},
    "contact": {
        "contact_methods": ["email", "phone"],
        "email": "margaret.okafor@example.com",
        "telephone": "07700 900 982",
    },
    "child": {
        "child_name": "Tayo Okafor",
        "child_date_of_birth_day": "14",
        "child_date_of_birth_month": "6",
        "child_date_of_birth_year": "2013",
    },
    "what-happened": {
        "details": "Tayo's social worker changed three times this year and nobody told us. "
        "His contact visits were cancelled twice without notice."
    },
    "service": {"service": "children_looked_after"},
    "when": {"when_day": "", "when_month": "3", "when_year": "2026", "when_roughly": ""},
    "outcome": {"outcomes": ["apology", "explanation"], "outcome_details": ""},
    "documents": {"action": "continue"},
}

COMPLIMENT = {
    "your-name": {"full_name": "Daniel Reyes"},
    "contact": {
        "contact_methods": ["post"],
        "address": "1 High Street\nNewport",
        "postcode": "po30 1ud",
    },
    "service": {"service": "fostering"},
    "who": {"person": "Priya in the fostering team"},
    "compliment": {"details": "Priya helped us through our first placement with real kindness."},
}

COMMENT = {
    "your-name": {"full_name": "Jo Banks"},
    "contact": {"contact_methods": ["email"], "email": "jo@example.com"},
    "service": {"service": "dont_know"},
    "comment": {"details": "Your letters would be easier to read with less jargon."},
}

YOUNG_PERSON = {
    "your-name": {"first_name": "Kai"},
    "advocate": {"advocate": "yes"},
    "contact": {
        "contact_methods": ["phone"],
        "telephone": "07700 900 123",
        "safe_note": "Please text first, not call",
    },
    "what-happened": {"details": "I am not allowed to see my brother since I moved."},
    "what-you-want": {"details": "I want to see my brother every week."},
}

ANSWERS = {
    "complaint": COMPLAINT,
    "compliment": COMPLIMENT,
    "comment": COMMENT,
    "young-person": YOUNG_PERSON,
}


def step_url(journey: str, step: str) -> str:
    return reverse("public:question", args=[journey, step])


def check_url(journey: str) -> str:
    return reverse("public:check", args=[journey])


def answer_all(client, journey: str, answers: dict | None = None) -> None:
    for step, data in (answers or ANSWERS[journey]).items():
        response = client.post(step_url(journey, step), data)
        assert response.status_code == 302, (step, response.content.decode()[:3000])


def token_on(page) -> str:
    return re.search(r'name="token" value="([0-9a-f-]+)"', page.content.decode()).group(1)


def send(client, journey: str, answers: dict | None = None):
    """Answer every page, open Check your answers, and send: the response to the send."""
    answer_all(client, journey, answers)
    token = token_on(client.get(check_url(journey)))
    return client.post(check_url(journey), {"token": token})
