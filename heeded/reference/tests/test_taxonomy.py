"""The code lists: labels change, codes never do, codes are retired rather than deleted."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from heeded.cases.tests.factories import record
from heeded.reference.models import Action, ChangeLog
from heeded.reference.services import taxonomy
from heeded.taxonomy.models import Nature, RecordType

from .conftest import errors_of


def add_url(kind="nature"):
    return reverse("reference:term_add", kwargs={"kind": kind})


def edit_url(code, kind="nature"):
    return reverse("reference:term_edit", kwargs={"kind": kind, "code": code})


def test_the_list_shows_each_code_with_its_label_and_status(as_manager, manager, code):
    taxonomy.retire_term(code("nature", "funding"), by=manager)
    page = as_manager.get(reverse("reference:term_list", kwargs={"kind": "nature"}))
    html = page.content.decode()
    assert "Conduct of worker" in html and "<code>conduct_of_worker</code>" in html
    assert html.count("Retired</strong>") == 1
    assert html.count("In use</strong>") == Nature.objects.in_use().count()


def test_the_list_pages_take_the_same_queries_however_many_codes(
    as_manager, manager, django_assert_max_num_queries
):
    url = reverse("reference:term_list", kwargs={"kind": "record-type"})
    as_manager.get(url)  # warm the session
    with django_assert_max_num_queries(10) as few:
        as_manager.get(url)
    for n in range(30):
        taxonomy.add_term("record_type", by=manager, code=f"extra_{n}", label=f"Extra {n}")
    most = len(few.captured_queries)  # now: a request empties Django's log of queries
    # The page after a change to the reference data reads the organisation again.
    as_manager.get(url)
    with django_assert_max_num_queries(most):
        response = as_manager.get(url)
    assert "extra_29" in response.content.decode()


def test_a_manager_adds_a_nature_of_complaint(as_manager, manager):
    response = as_manager.post(
        add_url(), {"code": "late_response", "label": "Late response", "position": "40"}
    )
    assert response.status_code == 302
    nature = Nature.objects.get(code="late_response")
    assert (nature.label, nature.position, nature.retired) == ("Late response", 40, False)
    logged = ChangeLog.objects.filter(area="nature", subject="late_response")
    assert {(c.field, c.new) for c in logged} >= {("label", "Late response"), ("position", "40")}
    assert {c.changed_by for c in logged} == {manager}


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "Enter a code"),
        ("Late Response", "Code must use only lower-case letters, digits and underscores"),
        ("late-response", "Code must use only lower-case letters, digits and underscores"),
        ("x" * 51, "Code must be 50 characters or fewer"),
        ("delay", "There is already a nature of complaint with the code delay (Delay)"),
    ],
)
def test_a_bad_code_is_refused_with_a_message_saying_why(as_manager, typed, message):
    before = Nature.objects.count()
    response = as_manager.post(add_url(), {"code": typed, "label": "Late", "position": "1"})
    assert response.status_code == 200
    assert any(e.startswith(message) for e in errors_of(response)), errors_of(response)
    assert "Error: " in response.content.decode()
    assert Nature.objects.count() == before


def test_a_retired_code_cannot_be_added_again_but_can_be_put_back_in_use(as_manager, manager, code):
    taxonomy.retire_term(code("nature", "funding"), by=manager)
    response = as_manager.post(add_url(), {"code": "funding", "label": "Money", "position": "1"})
    assert errors_of(response) == [
        "There is already a retired nature of complaint with the code funding (Funding): "
        "put it back in use instead"
    ]


def test_a_label_without_a_code_is_refused(as_manager):
    response = as_manager.post(add_url(), {"code": "late", "label": "", "position": "1"})
    assert errors_of(response) == ["Enter a label"]


def test_editing_changes_the_label_and_description_but_never_the_code(as_manager, code):
    response = as_manager.post(
        edit_url("delay"),
        {"code": "slow", "label": "Delay in answering", "description": "Late.", "position": "7"},
    )
    assert response.status_code == 302
    nature = code("nature", "delay")
    assert (nature.label, nature.description, nature.position) == ("Delay in answering", "Late.", 7)
    assert not Nature.objects.filter(code="slow").exists()
    change = ChangeLog.objects.get(area="nature", subject="delay", field="label")
    assert change.action == Action.CHANGED
    assert (change.old, change.new) == ("Delay", "Delay in answering")


def test_the_edit_page_shows_the_code_as_text_not_as_an_input(as_manager):
    html = as_manager.get(edit_url("delay")).content.decode()
    assert "<code>delay</code>" in html
    assert 'name="code"' not in html


def test_the_service_refuses_to_change_a_code(manager, code):
    with pytest.raises(TypeError, match="code"):
        taxonomy.update_term(code("nature", "delay"), by=manager, code="slow")


def test_retiring_keeps_the_code_on_old_cases_and_stops_offering_it(as_manager, manager, code):
    case = record(manager, record_type="complaint")
    case.natures.add(code("nature", "funding"))
    url = reverse("reference:term_retire", kwargs={"kind": "nature", "code": "funding"})
    assert as_manager.post(url, {"retired": "true"}).status_code == 302
    assert code("nature", "funding").retired
    assert list(case.natures.values_list("code", flat=True)) == ["funding"]
    assert not Nature.objects.in_use().filter(code="funding").exists()
    as_manager.post(url, {"retired": "false"})
    assert not code("nature", "funding").retired
    actions = list(
        ChangeLog.objects.filter(subject="funding").order_by("pk").values_list("action", flat=True)
    )
    assert actions == [Action.RETIRED, Action.UNRETIRED]


def test_retiring_is_a_post_only_action(as_manager, code):
    url = reverse("reference:term_retire", kwargs={"kind": "nature", "code": "funding"})
    response = as_manager.get(url)
    assert response.status_code == 405
    assert not code("nature", "funding").retired
    # Not Django's blank page: it says what happened and what to do.
    page = response.content.decode()
    assert "This address is a button, not a page" in page
    assert "Go back to that page and use its button" in page


def test_a_new_record_type_has_a_family_and_a_procedure(as_manager):
    response = as_manager.post(
        add_url("record-type"),
        {
            "code": "police_request",
            "label": "Police request for records",
            "family": "other",
            "procedure": "sar",
            "position": "50",
        },
    )
    assert response.status_code == 302
    added = RecordType.objects.get(code="police_request")
    assert (added.family, added.procedure) == ("other", "sar")


def test_the_procedure_of_a_record_type_nobody_has_used_can_change(manager, code):
    # Southampton counted police requests as "Access to Records" (domain.md): a council
    # that set a new type up wrongly fixes it before any case uses it.
    school = code("record_type", "school_complaint")
    taxonomy.update_term(school, by=manager, procedure="corporate")
    assert code("record_type", "school_complaint").procedure == "corporate"


def test_changing_the_procedure_of_a_record_type_with_cases_is_refused(as_manager, manager, code):
    record(manager, record_type="corporate_complaint")
    corporate = code("record_type", "corporate_complaint")
    response = as_manager.post(
        edit_url("corporate_complaint", "record-type"),
        {
            "label": corporate.label,
            "family": "other",
            "procedure": "children_statutory",
            "position": corporate.position,
        },
    )
    assert response.status_code == 200
    assert errors_of(response) == [
        "The procedure cannot be changed because 1 case is recorded as Corporate complaint: "
        "their deadlines would change. Retire this record type and add a new one with the "
        "procedure you want"
    ]
    assert code("record_type", "corporate_complaint").procedure == "corporate"
    assert not ChangeLog.objects.filter(subject="corporate_complaint").exists()


def test_a_record_type_with_cases_keeps_its_procedure_while_its_label_changes(manager, code):
    record(manager, record_type="corporate_complaint")
    corporate = code("record_type", "corporate_complaint")
    taxonomy.update_term(
        corporate, by=manager, label="Corporate (Stage 1 and 2)", procedure="corporate"
    )
    assert code("record_type", "corporate_complaint").label == "Corporate (Stage 1 and 2)"


def test_the_edit_page_warns_that_the_procedure_is_fixed_once_cases_exist(as_manager, manager):
    record(manager, record_type="complaint")
    html = as_manager.get(edit_url("complaint", "record-type")).content.decode()
    assert "1 case has this record type, so its procedure cannot be changed" in html


def test_an_unchanged_save_logs_nothing(manager, code):
    delay = code("nature", "delay")
    taxonomy.update_term(delay, by=manager, label=delay.label, position=delay.position)
    assert not ChangeLog.objects.exists()


def test_the_service_refuses_a_duplicate_code_with_the_right_article(manager):
    with pytest.raises(ValidationError) as refused:
        taxonomy.add_term("outcome", by=manager, code="apology", label="Sorry")
    assert refused.value.message_dict["code"] == [
        "There is already an outcome with the code apology (Apology)"
    ]


def test_a_bad_code_and_a_missing_label_are_both_reported_at_once(as_manager):
    response = as_manager.post(add_url(), {"code": "Late!", "label": ""})
    assert errors_of(response) == [
        "Code must use only lower-case letters, digits and underscores, like late_response",
        "Enter a label",
    ]


def test_a_code_added_without_a_position_goes_to_the_end_of_the_list(as_manager):
    as_manager.post(add_url(), {"code": "late_response", "label": "Late response"})
    last = Nature.objects.order_by("position").last()
    assert last.code == "late_response"


def test_a_label_another_code_has_is_refused_beside_the_label(as_manager, code):
    taken = code("nature", "poor_communication").label
    response = as_manager.post(
        edit_url("delay"), {"label": taken.upper(), "description": "", "position": "7"}
    )
    assert errors_of(response) == [
        f"{taken} is already the label of the code poor_communication: choose another label"
    ]
    assert code("nature", "delay").label == "Delay"


def test_a_retired_codes_label_must_be_renamed_before_it_is_used_again(manager, code):
    taxonomy.retire_term(code("nature", "delay"), by=manager)
    with pytest.raises(ValidationError) as refused:
        taxonomy.add_term("nature", by=manager, code="slow_response", label="Delay")
    assert refused.value.message_dict["label"] == [
        "Delay is already the label of the retired code delay: rename that one first, "
        "for example to Delay (retired)"
    ]
    taxonomy.update_term(code("nature", "delay"), by=manager, label="Delay (before 2026)")
    assert taxonomy.add_term("nature", by=manager, code="slow_response", label="Delay").pk


def test_a_code_keeps_its_own_label_when_saved_again(manager, code):
    nature = code("nature", "delay")
    taxonomy.update_term(nature, by=manager, label="Delay", description="Answered late.")
    assert code("nature", "delay").description == "Answered late."


def test_a_manager_words_an_outcome_for_the_online_form_and_can_stop_offering_it(as_manager, code):
    # The label is the team's and the report's word; the online form speaks to a parent.
    page = as_manager.get(edit_url("meeting_offer", kind="outcome")).content.decode()
    assert 'value="A meeting to talk about it"' in page
    response = as_manager.post(
        edit_url("meeting_offer", kind="outcome"),
        {
            "label": "Meeting offer",
            "public_wording": "A meeting with the manager",
            "asked_online": "False",
            "position": "5",
        },
    )
    assert response.status_code == 302
    outcome = code("outcome", "meeting_offer")
    assert (outcome.public_wording, outcome.asked_online) == ("A meeting with the manager", False)
    change = ChangeLog.objects.get(area="outcome", subject="meeting_offer", field="asked_online")
    assert (change.old, change.new) == ("yes", "no")
    listed = as_manager.get(reverse("reference:term_list", kwargs={"kind": "outcome"}))
    assert "A meeting to talk about it" not in listed.content.decode()
    assert "Not offered" in listed.content.decode()


def test_an_outcome_without_an_answer_about_the_online_form_is_refused(as_manager):
    response = as_manager.post(
        add_url("outcome"), {"code": "training", "label": "Staff training", "position": "1"}
    )
    assert errors_of(response) == ["Select yes if someone complaining online can ask for it"]


def test_a_new_outcome_is_offered_online_under_its_label_unless_worded(as_manager, code):
    response = as_manager.post(
        add_url("outcome"),
        {"code": "training", "label": "Staff training", "asked_online": "True", "position": "1"},
    )
    assert response.status_code == 302
    training = code("outcome", "training")
    assert (training.public_label, training.asked_online) == ("Staff training", True)


def test_a_label_or_wording_too_long_to_keep_is_refused_naming_the_box(as_manager):
    response = as_manager.post(
        edit_url("meeting_offer", kind="outcome"),
        {
            "label": "L" * 201,
            "public_wording": "W" * 201,
            "asked_online": "True",
            "position": "5",
        },
    )
    assert errors_of(response) == [
        "Label must be 200 characters or fewer",
        "Wording on the online form must be 200 characters or fewer",
    ]
