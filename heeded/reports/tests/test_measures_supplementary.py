import datetime as dt

from heeded.reports.measures import compute_supplementary, ranked
from heeded.reports.periods import custom, financial_year

from . import isle_of_wight
from .case_data import case

D = dt.date
YEAR = financial_year(2022)


def reply(received, responded, due_on=None, extended_to=None) -> tuple[dict, ...]:
    stage = {"number": 1, "started_on": received, "responded_on": responded, "due_on": due_on}
    return ({**stage, "extended_to": extended_to},)


def test_information_requests_within_their_own_deadline_or_late(db):
    received = D(2022, 5, 3)
    due = D(2022, 6, 1)
    case("foi_request", received, stages=reply(received, due, due_on=due))  # on the day
    case("foi_request", received, stages=reply(received, D(2022, 6, 2), due_on=due))  # late
    # Within an extension agreed for the public interest test.
    case(
        "foi_request",
        received,
        stages=reply(received, D(2022, 6, 20), due_on=due, extended_to=D(2022, 6, 29)),
    )
    case("foi_request", received)  # not answered yet
    case("subject_access_request", received, stages=reply(received, D(2022, 5, 20)))
    case("mp_councillor_enquiry", D(2022, 3, 30), stages=reply(D(2022, 3, 30), D(2022, 4, 5), due))
    figures = compute_supplementary(YEAR)["information_requests"]
    assert figures["foi_request"] == {
        "late": 1,
        "not_recorded": 0,
        "received": 4,
        "responded": 3,
        "within": 2,
    }
    # No deadline on the stage: kept apart, never guessed.
    assert figures["subject_access_request"]["not_recorded"] == 1
    # Answered in the year, received in the one before.
    assert figures["mp_councillor_enquiry"] == {
        "late": 0,
        "not_recorded": 0,
        "received": 0,
        "responded": 1,
        "within": 1,
    }
    assert figures["eir_request"]["received"] == 0


def test_compliments_by_service_team_count_once_per_team(db):
    case("compliment", D(2022, 6, 1), service_teams=["fostering", "adoption"])
    case("compliment", D(2022, 6, 1), service_teams=["fostering"])
    case("compliment", D(2022, 6, 1))
    case("complaint", D(2022, 6, 1), service_teams=["fostering"])
    assert compute_supplementary(YEAR)["compliments"] == {
        "by_service_team": {"adoption": 1, "fostering": 2},
        "received": 3,
    }


def test_young_peoples_complaints_by_service_team(db):
    case("complaint", D(2022, 6, 1), young_person=True, service_teams=["care_leavers"])
    case("complaint", D(2022, 6, 1), young_person=True, service_teams=["care_leavers", "cast"])
    case("complaint", D(2022, 6, 1), young_person=False, service_teams=["cast"])
    case("complaint", D(2022, 6, 1), young_person=None, service_teams=["cast"])
    figures = compute_supplementary(YEAR)["young_people_by_service_team"]
    assert figures == {"care_leavers": 2, "cast": 1}


def test_advocacy_offered_and_taken_up(db):
    on = D(2022, 6, 1)
    case("complaint", on, young_person=True, advocacy_offered=True, advocacy_taken_up=True)
    case("complaint", on, young_person=True, advocacy_offered=True, advocacy_taken_up=False)
    case("complaint", on, young_person=True, advocacy_offered=False)
    case("complaint", on, young_person=False, advocacy_offered=True)
    case("complaint", on)
    advocacy = compute_supplementary(YEAR)["advocacy"]
    assert advocacy["young_people"] == {
        "complaints": 3,
        "offered": {"false": 1, "not_recorded": 0, "true": 2},
        "taken_up": {"false": 1, "not_recorded": 0, "true": 1},
    }
    assert advocacy["all_complaints"] == {
        "complaints": 5,
        "offered": {"false": 1, "not_recorded": 1, "true": 3},
        "taken_up": {"false": 1, "not_recorded": 1, "true": 1},
    }


def test_agreed_extensions_are_shown_apart(db):
    start = D(2022, 9, 5)
    stage = {"number": 1, "started_on": start, "extended_to": D(2022, 9, 30)}
    case("complaint", start, stages=({**stage, "responded_on": D(2022, 9, 29)},))
    case("complaint", start, stages=({**stage, "responded_on": D(2022, 10, 3)},))
    case("complaint", start, stages=({"number": 1, "started_on": start, "responded_on": start},))
    extensions = compute_supplementary(YEAR)["extensions"]
    assert extensions["stage1"] == {"agreed": 2, "within": 1}
    assert extensions["stage2"] == {"agreed": 0, "within": 0}


def test_half_years_are_only_given_for_a_financial_year(db):
    assert compute_supplementary(custom(D(2022, 4, 1), D(2022, 9, 30)))["stage1_by_half_year"] == {}
    assert set(compute_supplementary(YEAR)["stage1_by_half_year"]) == {"H1", "H2"}


def test_ranking_keeps_everything_tied_for_third_place():
    counts = {"a": 5, "b": 4, "c": 4, "d": 3, "e": 3, "f": 1}
    assert [(r["code"], r["rank"], r["tied"]) for r in ranked(counts)] == [
        ("a", 1, False),
        ("b", 2, True),
        ("c", 2, True),
    ]
    counts = {"a": 5, "b": 4, "c": 3, "d": 3}
    assert [(r["code"], r["rank"]) for r in ranked(counts)] == [
        ("a", 1),
        ("b", 2),
        ("c", 3),
        ("d", 3),
    ]
    assert ranked({"a": 0}) == []


def test_complaints_still_awaiting_stage_1_at_the_periods_end(db):
    # Southampton 2009/10 (6.2): "14 (7.7%) outcomes were recorded as ongoing".
    march = D(2023, 3, 20)
    case("complaint", march)  # no Stage 1 recorded: not counted as one under way
    case("complaint", march, stages=reply(march, None))  # ongoing
    case("complaint", march, stages=reply(march, D(2023, 4, 3)))  # answered after the end
    case("complaint", march, stages=reply(march, D(2023, 3, 31)))  # on the last day
    case("complaint", D(2022, 3, 20), stages=reply(D(2022, 3, 20), None))  # received before
    case("case_concern", march, stages=reply(march, None))  # not a complaint
    assert compute_supplementary(YEAR)["stage1_ongoing"] == 2
    # Each period at its own end: the same cases seen from the first quarter's.
    assert compute_supplementary(custom(D(2023, 1, 1), D(2023, 3, 25)))["stage1_ongoing"] == 3
    # And beside its comparison years, which are fetched together.
    from heeded.reports.build import build_report

    report = build_report(financial_year(2023), comparisons=1)
    assert report["comparison_supplementary"]["2022/23"]["stage1_ongoing"] == 2
    assert report["supplementary"]["stage1_ongoing"] == 0


def test_ombudsman_enquiries_not_decided_by_the_periods_end(db):
    # Isle of Wight 2019/20 (12.1): of four enquiries, "two currently ongoing".
    isle_of_wight.build()
    assert compute_supplementary(financial_year(2019))["lgsco_ongoing"] == 2


def test_an_ombudsman_decision_after_the_periods_end_leaves_it_ongoing_then(db):
    enquiry = {"ombudsman_received_on": D(2023, 2, 1), "ombudsman_decision": "no_fault"}
    case("lgsco", D(2023, 2, 1), **enquiry, ombudsman_decided_on=D(2023, 4, 20))  # after
    case("lgsco", D(2023, 2, 1), **enquiry, ombudsman_decided_on=D(2023, 3, 31))  # on the day
    case("lgsco", D(2023, 2, 1), **enquiry)  # decided, its date not recorded: decided
    assert compute_supplementary(YEAR)["lgsco_ongoing"] == 1
