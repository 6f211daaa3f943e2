"""The council's own settings: one row, changed only through its form, every change logged."""

import re
from importlib import import_module

import pytest
from django.apps import apps
from django.urls import reverse

from heeded.organisation.models import Organisation
from heeded.reference.models import ChangeLog

from .conftest import errors_of

URL = reverse("reference:organisation")


def filled(**changes):
    data = {
        "name": "Isle of Wight Council",
        "department": "Children's Services",
        "reference_prefix": "IW",
        "stage2_clock_start": "statement_agreed",
        "mp_enquiry_working_days": "15",
        "small_number_threshold": "5",
        "reminder_days_before": "5, 2, 0",
        "reminder_overdue_every": "5",
        "complaints_manager_name": "Jo Bloggs",
        "complaints_email": "complaints@iow.gov.uk",
    }
    return data | changes


def test_the_form_shows_the_current_settings(as_manager):
    Organisation.current()
    html = as_manager.get(URL).content.decode()
    assert 'value="Demo Borough Council"' in html and 'value="CS"' in html


def test_a_manager_changes_the_settings_and_each_change_is_logged(as_manager, manager):
    response = as_manager.post(URL, filled())
    assert response.status_code == 302
    organisation = Organisation.current()
    assert organisation.name == "Isle of Wight Council"
    assert organisation.stage2_clock_start == "statement_agreed"
    assert organisation.mp_enquiry_working_days == 15
    prefix = ChangeLog.objects.get(area="organisation", field="reference_prefix")
    assert (prefix.old, prefix.new, prefix.changed_by) == ("CS", "IW", manager)
    # Unchanged fields (the threshold stays 5) are not logged.
    assert not ChangeLog.objects.filter(field="small_number_threshold").exists()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"name": ""}, "Enter the organisation's name"),
        ({"reference_prefix": ""}, "Enter a case reference prefix"),
        ({"reference_prefix": "cs-1"}, "Reference prefix must be 1 to 8 capital letters or digits"),
        ({"reference_prefix": "CHILDRENS"}, "Reference prefix must be 1 to 8 capital letters"),
        ({"stage2_clock_start": ""}, "Select when the Stage 2 clock starts"),
        ({"mp_enquiry_working_days": "0"}, "Target for MP and councillor enquiries must be"),
        ({"mp_enquiry_working_days": "ten"}, "Target for MP and councillor enquiries must be a"),
        ({"small_number_threshold": "21"}, "Small number threshold must be between 3 and 20"),
        (
            {"safeguarding_phone": "call the duty desk"},
            "Enter a phone number using digits, spaces and brackets, like 0300 555 0100",
        ),
        # 1 or 2 would print counts of 1 and 2 in the public report: no protection at all.
        ({"small_number_threshold": "1"}, "Small number threshold must be between 3 and 20"),
        ({"complaints_email": "complaints at iow"}, "Enter an email address in the correct"),
        *(
            ({"reminder_days_before": typed}, "Reminder days must be whole numbers from 0 to 20")
            for typed in ("five", "21", "-1", "2.5", "5; 2")
        ),
        (
            {"reminder_overdue_every": "21"},
            "Number of working days between reminders once late must be between 0 and 20",
        ),
        ({"reminder_overdue_every": ""}, "Enter the number of working days between reminders"),
        ({"privacy_notice_url": "our privacy page"}, "Privacy notice must be a web address"),
        (
            {"advocacy_service_phone": "ring NYAS"},
            "Enter a phone number using digits, spaces and brackets, like 0300 555 0100",
        ),
        ({"advocacy_service_url": "nyas dot net"}, "Advocacy service must be a web address"),
        # Too long to keep (PostgreSQL would refuse it): said in GOV.UK words, naming the box.
        ({"name": "N" * 201}, "Organisation name must be 200 characters or fewer"),
        ({"department": "D" * 201}, "Department must be 200 characters or fewer"),
        (
            {"complaints_email": "a" * 64 + "@" + ".".join(["b" * 63] * 3) + ".uk"},
            "Complaints team email address must be 254 characters or fewer",
        ),
        (
            {"accessibility_statement_url": "https://council.gov.uk/" + "a" * 200},
            "Accessibility statement web address must be 200 characters or fewer",
        ),
    ],
)
def test_bad_settings_are_refused_with_a_message_saying_why(as_manager, changes, message):
    response = as_manager.post(URL, filled(**changes))
    assert response.status_code == 200
    assert any(e.startswith(message) for e in errors_of(response)), errors_of(response)
    assert Organisation.current().name == "Demo Borough Council"
    assert not ChangeLog.objects.exists()


def test_a_manager_names_the_councils_advocacy_service(as_manager):
    changes = {
        "advocacy_service_name": "NYAS",
        "advocacy_service_phone": "0808 808 1001",
        "advocacy_service_url": "www.nyas.net",
    }
    assert as_manager.post(URL, filled(**changes)).status_code == 302
    organisation = Organisation.current()
    assert (
        organisation.advocacy_service_name,
        organisation.advocacy_service_phone,
        organisation.advocacy_service_url,
    ) == ("NYAS", "0808 808 1001", "https://www.nyas.net")
    assert ChangeLog.objects.filter(field="advocacy_service_name", new="NYAS").exists()


def test_a_manager_sets_when_responding_managers_are_reminded(as_manager):
    assert 'value="5, 2, 0"' in as_manager.get(URL).content.decode()
    changes = {"reminder_days_before": " 0, 10,3 , 3", "reminder_overdue_every": "0"}
    assert as_manager.post(URL, filled(**changes)).status_code == 302
    organisation = Organisation.current()
    # Each day once, the furthest ahead first, whatever order they were typed in.
    assert (organisation.reminder_days_before, organisation.reminder_overdue_every) == (
        [10, 3, 0],
        0,
    )
    assert 'value="10, 3, 0"' in as_manager.get(URL).content.decode()
    # None before the deadline: chased only once late.
    assert as_manager.post(URL, filled(reminder_days_before="")).status_code == 302
    assert Organisation.current().reminder_days_before == []
    logged = ChangeLog.objects.filter(field="reminder_days_before").order_by("pk")
    assert [(change.old, change.new) for change in logged] == [
        ("5, 2, 0", "10, 3, 0"),
        ("10, 3, 0", ""),
    ]


def test_the_public_forms_show_the_councils_number_and_links_once_set(as_manager, client):
    start = reverse("public:start")
    page = client.get(start).content.decode()
    assert "Privacy notice" not in page and "tel:" not in page
    changes = {
        "safeguarding_phone": "01983 814545",
        "privacy_notice_url": "iow.gov.uk/privacy",
        "accessibility_statement_url": "https://www.iow.gov.uk/accessibility",
    }
    assert as_manager.post(URL, filled(**changes)).status_code == 302
    page = client.get(start).content.decode()
    assert (
        'social care now on <a class="govuk-link" href="tel:01983814545">01983 814545</a>' in page
    )
    # A web address typed without its scheme is taken as https.
    assert 'href="https://iow.gov.uk/privacy">Privacy notice</a>' in page
    assert 'href="https://www.iow.gov.uk/accessibility">Accessibility statement</a>' in page


def test_a_threshold_stored_below_3_is_raised_to_3_by_the_migration(db):
    # 0003 made 3 the least a council may set; a 1 saved before it printed every count.
    migration = import_module("heeded.organisation.migrations.0004_raise_small_number_threshold")
    Organisation.objects.update(small_number_threshold=1)
    migration.raise_to_least(apps, None)
    assert set(Organisation.objects.values_list("small_number_threshold", flat=True)) == {3}


def test_web_address_and_email_boxes_are_govuk_inputs_outlined_in_red_when_wrong(as_manager):
    page = as_manager.get(URL).content.decode()
    assert 'type="url" name="privacy_notice_url"' in page
    assert re.search(r'<input type="url" name="privacy_notice_url"[^>]* class="govuk-input"', page)
    wrong = {"privacy_notice_url": "our privacy page", "complaints_email": "complaints at iow"}
    page = as_manager.post(URL, filled(**wrong)).content.decode()
    for name in wrong:
        box = re.search(rf'<input [^>]*name="{name}"[^>]*>', page).group()
        assert 'class="govuk-input govuk-input--error"' in box, box
