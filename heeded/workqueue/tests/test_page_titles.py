"""Every page's title says what its heading says (WCAG 2.4.2, GOV.UK's page titles): a screen
reader user hears the title first, and a tab or a history list shows only it. The title may
be the heading cut short ("Remove 28 December 2022 – Settings – Heeded" for "Remove 28
December 2022 as a closure day?"), never another sentence."""

from __future__ import annotations

import html
import re

import pytest
from django.urls import reverse

from .test_site_access import QUERY_FOR, named_urls

pytestmark = pytest.mark.django_db

# Not pages of ours: Django's admin, allauth's own screens we do not use, files and feeds.
SKIP = ("admin:", "account_", "socialaccount", "mfa_", "usersessions", "headless")


def _text(fragment: str) -> str:
    fragment = re.sub(r'<span class="govuk-caption[^"]*">.*?</span>', "", fragment, flags=re.S)
    fragment = re.sub(r'<span class="govuk-visually-hidden">.*?</span>', "", fragment, flags=re.S)
    # A status tag beside a case's reference is not part of its name.
    fragment = re.sub(r'<strong class="govuk-tag[^"]*">.*?</strong>', "", fragment, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", fragment)).split())


def test_every_page_title_starts_with_its_heading(client, admin_user, examples):
    by_argument, by_name = examples
    client.force_login(admin_user)
    mismatched = []
    for name, argument_names in named_urls():
        if name.startswith(SKIP) or any(a.startswith("#") for a in argument_names):
            continue
        values = {**by_argument, **by_name.get(name, {})}
        url = reverse(name, kwargs={a: values[a] for a in argument_names})
        response = client.get(url + QUERY_FOR.get(name, ""))
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        page = response.content.decode()
        if "<html" not in page:
            continue  # a part of a page, fetched by HTMX
        title = re.search(r"<title>(.*?)</title>", page, re.S)
        heading = re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S)
        if not (title and heading):
            mismatched.append(f"{name}: no title or no h1")
            continue
        title, heading = _text(title.group(1)).removeprefix("Error: "), _text(heading.group(1))
        if not heading.startswith(title.split(" – ")[0]):
            mismatched.append(f"{name}: title {title!r}, heading {heading!r}")
    assert not mismatched, "\n".join(mismatched)
