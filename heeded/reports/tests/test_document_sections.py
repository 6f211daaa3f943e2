"""The report's sections, written from the figures (Isle of Wight 2019/20, seed 000)."""

import re

import pytest

from heeded.reports.document import Labels, build_document
from heeded.reports.document.structure import Chart, Quote, Table

from .document_text import section_texts
from .fixtures.sample_report import sample_report

pytestmark = pytest.mark.django_db


@pytest.fixture
def document():
    return build_document(sample_report(), labels=Labels.load())


def texts(document) -> str:
    return "\n".join(section_texts(document))


def table(document, id) -> Table:
    return next(t for t in document.tables() if t.id == id)


def rows(t: Table) -> dict[str, list[str]]:
    return {row.label: [cell.text for cell in row.cells[1:]] for row in t.rows}


def test_key_finding_states_the_total_and_its_change_with_the_base(document):
    assert "68 representations were received in 2019/20, an increase of 19 (39%) on 2018/19." in (
        texts(document)
    )


def test_iow_table_1_1_groups_statutory_and_other_with_subtotals(document):
    t = rows(table(document, "representations"))
    # Each row's share of the year's 68 in a last column, as Southampton 2009/10's Table 1
    # gives one beside each number; none on the total row.
    assert table(document, "representations").header[-1] == "% of 68 representations"
    assert t["Complaint (statutory)"] == ["28", "27", "29", "31", "41%"]
    assert t["Pre-complaint to Complaint (statutory)"] == ["2", "0", "2", "0", "3%"]
    assert t["Refused"] == ["8", "0", "6", "1", "12%"]
    assert t["Total statutory representations"] == ["38", "28", "39", "33", "56%"]
    assert t["Total other representations"] == ["30", "21", "36", "26", "44%"]
    assert t["Total representations"] == ["68", "49", "75", "59", ""]


def test_every_subtotal_is_the_sum_of_its_rows(document):
    t = table(document, "representations")
    for total, components in t.sums:
        if total is not None:  # None: a total printed elsewhere (the complaints)
            assert t.cell(total).value == sum(t.cell(p).value for p in components)


def test_percentages_carry_numerator_and_denominator(document):
    text = texts(document)
    assert "38 of 68 (56%) representations were considered under the statutory procedure" in text
    assert "and of these 30 (79%) were accepted as statutory complaints" in text


def test_equal_third_names_every_tied_nature(document):
    assert (
        "'Conduct of worker' (8), 'Quality of service' (7), and 'Insufficient support from the "
        "department' and 'Funding' (equal third, 5 each)" in texts(document)
    )


def test_a_change_from_zero_is_new_never_a_division(document):
    natures = rows(table(document, "natures"))
    assert natures["Funding"][-1] == "new"
    # Isle of Wight 2019/20: 5 complaints about funding, none the year before.
    assert "'Funding': 5, up from none in 2018/19." in texts(document)
    assert "new: none" not in texts(document)
    # Python's "inf" as a word (the information requests' own words contain "inf").
    assert not re.search(r"\binf\b", texts(document)) and "division" not in texts(document)


def test_remedial_action_uses_upheld_at_least_in_part_as_denominator(document):
    # IoW 2019/20 section 8.6: 1 of the 7 upheld or partially upheld, not 1 of 15.
    assert "Remedial action was taken in 1 of 7 (14%) complaints upheld or partially upheld" in (
        texts(document)
    )


def test_conversions_are_observed_from_the_data(document):
    text = texts(document)
    assert "Of the 7 pre-complaint records received, 2 became complaints." in text
    assert "None of the 9 case concern records received became a complaint." in text


def test_no_compliments_is_said_plainly(document):
    assert "No compliments were recorded." in texts(document)


def test_monthly_table_has_every_month_and_row_and_column_totals(document):
    t = table(document, "by_month")
    assert t.header[1] == "Apr 2019" and t.header[12] == "Mar 2020" and t.header[13] == "Total"
    totals = rows(t)["Total"]
    assert totals[-1] == "68"
    assert sum(int(x) for x in totals[:-1]) == 68


def test_labels_are_the_organisations_and_not_recorded_is_kept_apart(document):
    how = rows(table(document, "how_received"))
    assert how["Online form"] == ["12", "18%"]
    assert how["Not recorded"] == ["1", "1%"]
    assert how["Total"][0] == "68"


def test_timeliness_bands_have_a_chart_with_alt_text_and_its_table(document):
    chart = next(
        b
        for s in document.sections
        for b in s.blocks
        if isinstance(b, Chart) and b.id == "bands_chart"
    )
    # Not "7 11 to 20 working days": two numbers side by side read as one list.
    assert (
        "19 within 10 working days, 7 taking 11 to 20 working days and 2 taking over 20 working "
        "days" in chart.alt
    )
    assert rows(chart.table)["Total"][0] == "28"


def test_half_year_split_and_actual_outcomes_by_decision(document):
    assert rows(table(document, "half_years"))["April to September"] == ["13", "12", "92%"]
    # IoW 2019/20 section 8.5: 'Explanation' 7 not upheld and 2 partially upheld.
    by_finding = rows(table(document, "by_finding"))
    assert by_finding["Explanation"] == ["0", "2", "7", "0", "9"]


def test_glossary_comes_from_the_taxonomy_descriptions(document):
    glossary = next(s for s in document.sections if s.id == "glossary")
    headings = [b.heading for b in glossary.blocks]
    assert "Case concern" in headings and "Complaint (statutory)" in headings


def test_escalation_rate_extensions_and_advocacy_are_stated_with_their_bases(document):
    text = texts(document)
    assert "(the escalation rate): 4 of 28 (14%)" in text
    assert "An extension was agreed for 3 Stage 1 complaints; of these, 2 (67%)" in text
    # Of the 2 complaints from young people (said above the list), offered in both.
    assert "Both were offered an advocate, and " in text


def test_change_columns_sign_falls_and_rises_alike(document):
    # IoW 2019/20 natures: 'Non-fulfilment of duty' 1, down from 5 in 2018/19 (80%);
    # 'Conduct of worker' 8, up from 5 (60%).
    natures = rows(table(document, "natures"))
    assert natures["Non-fulfilment of duty"][-1] == "\u22124 (\u221280%)"
    assert natures["Conduct of worker"][-1] == "+3 (+60%)"


def test_learning_examples_print_each_text_once_in_the_order_of_their_first_case():
    phone = "A worker's manner on the phone fell short; training followed."
    minutes = "Minutes of meetings are now sent within ten working days."
    learning = [
        ("Complaint (statutory), Stage 1", phone),
        ("Complaint (statutory), Stage 2", minutes),
        ("Complaint (statutory), Stage 1 (a young person's complaint)", phone),
        ("Complaint (statutory), Stage 1", minutes + "\n"),
        ("Complaint (statutory), Stage 1", phone),
    ]
    document = build_document(sample_report(), labels=Labels.load(), learning=learning)
    section = next(s for s in document.sections if s.id == "learning")
    quotes = [(b.heading, b.text) for b in section.blocks if isinstance(b, Quote)]
    assert quotes == [
        ("Complaint (statutory), Stage 1", phone),
        ("Complaint (statutory), Stage 2", minutes),
    ]


def test_the_outcome_most_often_sought_is_named_in_the_singular(document):
    assert "The outcome most often sought was 'Apology and explanation': 4 of " in texts(document)


def test_outcomes_equally_often_sought_are_named_together_in_the_plural():
    report = sample_report()
    report["measures"]["complaints.outcomes_sought"]["explanation"] = 4
    text = texts(build_document(report, labels=Labels.load()))
    assert (
        "The outcomes most often sought were 'Apology and explanation' and 'Explanation': 4 of "
        in text
    )
    assert "complaints each." in text
    # One pair of brackets, the share's: never "(4 of 12 (33%))".
    assert "%))" not in text


def test_services_are_compared_with_earlier_years_as_natures_are(document):
    # The issue asks for natures *and services* with year-on-year changes (IoW 2019/20 6.2
    # compares services with earlier periods); Table 8 had the current year alone.
    services = table(document, "services")
    assert services.header == [
        "Service or team",
        "2019/20",
        "2018/19",
        "2017/18",
        "2016/17",
        "% of 30 complaints",
        "Change on 2018/19",
    ]


def test_the_largest_changes_are_introduced_as_such(document):
    section = next(s for s in document.sections if s.id == "nature")
    paragraphs = [b.text for b in section.blocks if b.kind == "paragraph"]
    assert "The largest changes in natures of complaint on 2018/19:" in paragraphs


def compliments_report() -> dict:
    """3 compliments, about 4 services or teams."""
    report = sample_report()
    report["measures"]["representations.by_type"]["compliment"] = 3
    report["supplementary"]["compliments"] = {
        "by_service_team": {"fostering": 2, "adoption": 1, "cast": 1},
        "received": 3,
    }
    return report


def test_compliments_by_team_say_why_they_add_to_more_than_the_compliments():
    # Demo 2025/26: 23 compliments, and Table 15's teams add to 31 with nothing to say why.
    report = compliments_report()
    assert table(build_document(report, labels=Labels.load()), "compliments").notes == [
        "A compliment can be about more than one service or team, so the rows add to more "
        "than the 3 compliments."
    ]


def test_a_public_version_without_the_compliments_table_says_nothing_of_its_rows():
    # Public demo 2025/26: "The table of compliments by service or team is not published
    # in this version" and then "A compliment can be about more than one service or team,
    # so the rows add to more than the 23 compliments": rows the reader cannot see.
    document = build_document(compliments_report(), labels=Labels.load(), public=True)
    texts = section_texts(document, "compliments")
    assert not any(t.startswith("A compliment can be about") for t in texts), texts
    assert not any(t.id == "compliments" for t in document.tables())


def test_stage_2_and_3_outcomes_have_a_total_equal_to_the_responses(document):
    # Every other findings table has a Total; this one left the reader to add it up.
    t = table(document, "later_stages")
    total = t.rows[-1]
    assert total.kind == "total" and total.label == "Total"
    report = sample_report()
    assert [c.value for c in total.cells[1:]] == [
        report["measures"]["stage2.responses"],
        report["measures"]["stage3.responses"],
    ]
    for position, parts in t.sums:
        assert t.cell(position).value == sum(t.cell(p).value for p in parts)


def test_information_requests_answered_in_the_year_are_not_read_as_those_received():
    # Demo 2025/26: 11 FOI requests received and "10 of 10 (100%) answered within the
    # timescale" printed under them, as though one had been lost.
    report = sample_report()
    report["measures"]["representations.by_type"]["foi_request"] = 11
    report["supplementary"]["information_requests"] = {
        "foi_request": {"received": 11, "responded": 10, "within": 10, "late": 0}
    }
    section = next(
        s for s in build_document(report, labels=Labels.load()).sections if s.id == "information"
    )
    assert (
        "All 10 Freedom of Information requests answered in 2019/20 were answered on time."
    ) in section.own_texts()


def information_texts(timely: dict, public: bool = False) -> list[str]:
    report = sample_report()
    for code, v in timely.items():
        report["measures"]["representations.by_type"][code] = v["received"]
    report["supplementary"]["information_requests"] = timely
    document = build_document(report, labels=Labels.load(), public=public)
    return next(s for s in document.sections if s.id == "information").own_texts()


def test_information_requests_answered_on_time_read_as_a_council_writes_them():
    # Demo 2025/26 printed "Subject access request: 14 of 15 (93%) answered in 2025/26 were
    # within the timescale.", a table row in words. Southampton 2009/10 (seed 004): "In
    # 2009/10 62 (96%) access requests were completed within the statutory timescale".
    texts = information_texts(
        {
            "subject_access_request": {"received": 16, "responded": 15, "within": 14},
            "mp_councillor_enquiry": {"received": 41, "responded": 39, "within": 35},
            "foi_request": {"received": 3, "responded": 3, "within": 0},
            "eir_request": {"received": 1, "responded": 1, "within": 1},
        }
    )
    assert texts[-5:] == [
        "Of the 15 subject access requests answered in 2019/20, 14 (93%) were answered on time.",
        "Of the 39 MP or councillor enquiries answered in 2019/20, 35 (90%) were answered on time.",
        "None of the 3 Freedom of Information requests answered in 2019/20 was answered on time.",
        "The 1 Environmental Information request answered in 2019/20 was answered on time.",
        "On time means by the deadline, or by the extended deadline where one was agreed.",
    ]


def test_information_requests_too_few_to_publish_are_said_to_be_not_published():
    texts = information_texts(
        {"subject_access_request": {"received": 3, "responded": 3, "within": 2}}, public=True
    )
    assert (
        "The number of subject access requests answered on time is not published (small "
        "numbers)." in texts
    )


def months_report(totals: list[int]) -> dict:
    """The sample report with these monthly totals, April 2019 to March 2020."""
    report = sample_report()
    keys = [f"2019-{m:02d}" for m in range(4, 13)] + [f"2020-{m:02d}" for m in range(1, 4)]
    report["measures"]["representations.by_month"] = {
        key: {"complaint": n} for key, n in zip(keys, totals, strict=True) if n
    }
    return report


def busiest_sentence(totals: list[int]) -> str:
    document = build_document(months_report(totals), labels=Labels.load())
    starts = ("The most representations", "The same number of representations")
    return next(t for t in section_texts(document) if t.startswith(starts))


def test_months_tied_for_the_most_are_all_named_with_each():
    # Apr and Jun 2019 tied on 13: not one picked, nor "April 2019 and June 2019 (13)".
    assert busiest_sentence([13, 8, 13, 9, 9, 9, 9, 9, 9, 9, 9, 5]) == (
        "The most representations were received in April and June 2019 (13 each) and the "
        "fewest in March 2020 (5)."
    )


def test_tied_months_across_the_new_year_name_both_years():
    assert busiest_sentence([9, 9, 9, 9, 9, 9, 9, 9, 4, 4, 9, 12]) == (
        "The most representations were received in March 2020 (12) and the fewest in "
        "December 2019 and January 2020 (4 each)."
    )


def test_months_with_nothing_received_are_none_not_the_fewest_0():
    assert busiest_sentence([6, 0, 6, 6, 6, 0, 6, 6, 6, 6, 6, 7]) == (
        "The most representations were received in March 2020 (7) and none in May and "
        "September 2019."
    )


def test_every_month_alike_is_said_once_not_as_most_and_fewest():
    assert busiest_sentence([3] * 12) == (
        "The same number of representations was received each month (3)."
    )


def test_appendix_prints_each_kind_of_figure_with_the_same_places_in_every_year():
    # A year with no payments and no months has 0.0 for both; one read back from JSON can
    # carry an average as a whole number (12). They printed "0" and "12" beside "11.7".
    report = sample_report()
    earlier = report["comparisons"]["2018/19"]
    earlier.update(
        {"payments.total": 0.0, "representations.per_month": 0.0, "stage1.average_working_days": 12}
    )
    key = rows(table(build_document(report, labels=Labels.load()), "key_figures"))
    assert key["Payments (£)"][:2] == ["250.00", "0.00"]
    assert key["Representations per month"][:2] == ["5.7", "0.0"]
    assert key["Stage 1 average working days"][:2] == ["11.7", "12.0"]
    assert key["Stage 1 responses"][0] == "28"  # a count stays a whole number


def test_who_made_the_most_complaints_says_complaints_once(document):
    # Isle of Wight 2019/20: 21 of the 30 complaints were from parents. It read "made the
    # most complaints: 21 of 30 (70%) complaints".
    sentence = "Complainants recorded as 'Parent' made the most complaints: 21 of 30 (70%)."
    assert sentence in section_texts(document, "summary")
    assert sentence in section_texts(document, "who")


def test_complainant_types_tied_for_the_most_each_have_the_share():
    tie = {"grandparent": 14, "parent": 14, "young_person": 2}
    document = build_document(
        sample_report(measures={"complaints.complainant_types": tie}), labels=Labels.load()
    )
    assert (
        "Complainants recorded as 'Grandparent' and 'Parent' made the most complaints: "
        "14 of 30 (47%) each." in section_texts(document, "who")
    )


def test_one_complaint_from_a_young_person_is_singular_throughout():
    # Demo Council 2023/24: "1 complaint was made by children or young people."
    report = sample_report(measures={"young_people.complaints": 1})
    document = build_document(report, labels=Labels.load())
    sentence = "1 complaint was made by a child or young person, a decrease of 3 (75%) on 2018/19."
    assert sentence in section_texts(document, "summary")
    assert sentence in section_texts(document, "young_people")


def test_ombudsman_enquiries_that_differ_from_table_1s_row_say_why():
    # Demo Council 2025/26: "The Ombudsman made 10 enquiries" beside Table 1's "Ombudsman
    # enquiry: 6" (4 of the 10 were on statutory complaints), with nothing to say why.
    report = sample_report(measures={"lgsco.received": 6})  # Table 1's row: 4
    text = section_texts(build_document(report, labels=Labels.load()), "ombudsman")
    assert (
        "These are the cases of any type on which an Ombudsman enquiry was received in "
        "2019/20. The 4 shown as 'Ombudsman enquiry' under Representations received are the "
        "records of that type received in 2019/20." in text
    )


def test_ombudsman_enquiries_equal_to_table_1s_row_need_no_note(document):
    assert not any(t.startswith("These are the cases") for t in texts(document).splitlines())


def test_the_summary_says_how_many_complaints_went_on_to_stages_2_and_3(document):
    # IoW 2019/20 section 11.1: "four complaints were escalated to Stage Two", one of them
    # on to Stage Three.
    summary = section_texts(document, "summary")
    assert "4 complaints went on to Stage 2 and 1 to a Stage 3 review panel." in summary


def test_the_public_summary_leaves_escalation_to_its_section_when_a_count_is_hidden():
    document = build_document(sample_report(), public=True, labels=Labels.load())
    assert not any("Stage 3 review panel" in t for t in section_texts(document, "summary"))
