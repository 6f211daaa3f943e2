"""Sentences and tables as a complaints manager reads them before publishing: the demo
council's 2025/26 report and its first quarter, read beside the seed reports."""

import pytest

from heeded.reports.document import Labels, build_document

from .document_text import section_texts
from .fixtures.sample_report import sample_report

pytestmark = pytest.mark.django_db


def test_no_complaint_going_on_to_stage_3_reads_none_not_no():
    # Demo 2025/26 Q1's summary: "4 complaints went on to Stage 2 and no to a Stage 3
    # review panel."
    report = sample_report(measures={"stage3.started": 0, "stage3.responses": 0})
    summary = section_texts(build_document(report, labels=Labels.load()), "summary")
    assert "4 complaints went on to Stage 2 and none to a Stage 3 review panel." in summary


def test_two_information_requests_all_answered_on_time_are_both_not_all_2():
    # Demo 2025/26 Q1: "All 2 subject access requests answered in 2025/26 Q1 were answered
    # on time."
    report = sample_report()
    report["measures"]["representations.by_type"]["subject_access_request"] = 3
    report["supplementary"]["information_requests"] = {
        "subject_access_request": {"received": 3, "responded": 2, "within": 2, "late": 0}
    }
    texts = section_texts(build_document(report, labels=Labels.load()), "information")
    assert "Both subject access requests answered in 2019/20 were answered on time." in texts


@pytest.mark.parametrize(
    ("completed", "expected"),
    [
        (1, "The Stage 2 investigation was not completed within 25 working days"),
        (2, "None of the 2 Stage 2 investigations was completed within 25 working days"),
    ],
)
def test_no_stage_2_investigation_in_time_is_said_in_words(completed, expected):
    # Demo 2025/26 Q1: "0 of 1 (0%) Stage 2 investigation were completed within 25 working
    # days", a number where a word belongs and a plural verb on a singular noun.
    report = sample_report(
        measures={
            "stage2.responses": completed,
            "stage2.within_deadline": {"within": 0, "late": completed},
            "stage2.outcomes": {"not_upheld": completed},
        }
    )
    texts = section_texts(build_document(report, labels=Labels.load()), "escalation")
    assert any(t.startswith(expected + ", or the extended deadline") for t in texts), texts


def test_one_complaint_from_a_young_person_is_described_without_shares_of_one():
    # Demo 2025/26 Q1: "That is 1 of 30 (3%) complaints. Of these 1:" then "0 (0%) were
    # made through an advocate or another professional." and "1 (100%) was offered an
    # advocate, and 0 (0%) of those offered took one up."
    report = sample_report(
        measures={
            "young_people.complaints": 1,
            "young_people.via_professional": 0,
            "young_people.upheld": 1,
        }
    )
    report["supplementary"]["advocacy"]["young_people"] = {
        "complaints": 1,
        "offered": {"true": 1, "false": 0, "not_recorded": 0},
        "taken_up": {"true": 0, "false": 1, "not_recorded": 0},
    }
    texts = section_texts(build_document(report, labels=Labels.load()), "young_people")
    assert texts[1:] == [
        "That is 1 of 30 (3%) complaints.",
        "It was not made through an advocate or another professional.",
        "It was upheld or partially upheld at Stage 1.",
        "An advocate was offered and not taken up.",
    ]


def test_the_monthly_tables_complaints_row_is_not_labelled_as_table_1s_row_without_conversions():
    # Demo 2025/26: Table 1 "Complaint (statutory)" 106 (its 1 case concern and 5
    # pre-complaints that became complaints on rows of their own), Table 2 "Complaint
    # (statutory)" 112 under the same label.
    document = build_document(sample_report(), labels=Labels.load())
    tables = {t.id: t for t in document.tables()}
    table1 = {row.label: row.cells[1].value for row in tables["representations"].rows}
    monthly = {row.label: row.cells[-1].value for row in tables["by_month"].rows}
    assert table1["Complaint (statutory)"] == 28
    assert "Complaint (statutory)" not in monthly
    assert monthly["Complaint (statutory), including converted"] == 30
    assert tables["by_month"].notes == [
        "'Complaint (statutory), including converted' also counts those that began as "
        "'Pre-complaint' records, which the table of representations received shows on rows "
        "of their own."
    ]


def test_the_stage_1_findings_sentence_names_the_withdrawn_so_its_shares_add_up():
    # Demo 2025/26: "Of the 109 Stage 1 responses, 7 (6%) were upheld, 48 (44%) partially
    # upheld and 52 (48%) not upheld": 98%, the 2 withdrawn left out.
    outcomes = {"upheld": 7, "partially_upheld": 48, "not_upheld": 52, "withdrawn": 2}
    report = sample_report(measures={"stage1.responses": 109, "stage1.outcomes": outcomes})
    texts = section_texts(build_document(report, labels=Labels.load()), "findings")
    assert texts[0] == (
        "Of the 109 Stage 1 responses, 7 (6%) were upheld, 48 (44%) partially upheld, "
        "52 (48%) not upheld and 2 (2%) withdrawn."
    )


def test_the_note_in_place_of_the_ombudsman_table_writes_ombudsman_with_its_capital():
    from heeded.reports.document.structure import Cell, Row, Table
    from heeded.reports.document.suppression import too_small_note

    table = Table("ombudsman", "Ombudsman decisions", ["Decision", "2025/26"], [])
    table.rows.append(Row([Cell("Premature"), Cell("2", 2)]))
    assert too_small_note(table, 5).startswith(
        "The table of Ombudsman decisions is not published in this version"
    )


def test_services_adding_to_more_than_the_complaints_say_why_under_their_table():
    # Demo 2025/26, Table 8: 9 services adding to 145 (129%) of 112 complaints, unexplained.
    teams = {"cast": 12, "children_looked_after": 9, "disabled_children": 7, "fostering": 4}
    report = sample_report(measures={"complaints.service_teams": teams})
    services = next(
        t for t in build_document(report, labels=Labels.load()).tables() if t.id == "services"
    )
    assert services.notes == [
        "A complaint can be about more than one service or team, so the rows add to more "
        "than the 30 complaints."
    ]
    # The IoW's own teams add to its 30 complaints: nothing to explain.
    document = build_document(sample_report(), labels=Labels.load())
    assert next(t for t in document.tables() if t.id == "services").notes == []


def test_natures_adding_to_more_than_the_complaints_say_why_under_their_table():
    # Demo 2025/26, Table 7: 11 natures adding to 174 (155%) of 112 complaints; the text
    # before the table said "A complaint can be about more than one thing", which the
    # workbook's sheet, having no text, did not.
    natures = {"conduct_of_worker": 20, "delay": 15}
    document = build_document(
        sample_report(measures={"complaints.natures": natures}), labels=Labels.load()
    )
    natures_table = next(t for t in document.tables() if t.id == "natures")
    said = (
        "A complaint can be about more than one thing, so the rows add to more than the 30 "
        "complaints."
    )
    assert said in natures_table.notes
    assert section_texts(document, "nature")[0] == (
        "The natures most often recorded were 'Conduct of worker' (20) and 'Delay' (15)."
    )
    # The IoW's own natures add to its 30 complaints: nothing to explain.
    document = build_document(sample_report(), labels=Labels.load())
    assert said[:40] not in " ".join(next(t for t in document.tables() if t.id == "natures").notes)


def test_actual_outcomes_adding_to_more_than_a_finding_say_why_under_their_table():
    # Demo 2025/26, Table 11: the upheld column added to 11 beside Table 10's 7 upheld
    # Stage 1 responses, unexplained.
    said = (
        "A Stage 1 response can give more than one actual outcome, so a column can add to "
        "more than the responses with that investigation outcome."
    )
    report = sample_report()
    report["supplementary"]["stage1_outcome_by_decision"] = {
        "explanation": {"not_upheld": 7, "partially_upheld": 2},
        "apology_and_explanation": {"partially_upheld": 6},
    }
    by_finding = next(
        t for t in build_document(report, labels=Labels.load()).tables() if t.id == "by_finding"
    )
    assert by_finding.notes == [said]
    # The IoW's own: each column adds to at most its finding.
    document = build_document(sample_report(), labels=Labels.load())
    assert next(t for t in document.tables() if t.id == "by_finding").notes == []


def young_people_report() -> dict:
    report = sample_report()
    report["supplementary"]["young_people_by_service_team"] = {
        "children_looked_after": 1,
        "care_leavers": 1,
    }
    return report


def test_young_peoples_complaints_by_service_are_set_beside_each_services_complaints():
    # IoW 2019/20 section 6.2: "Only 3% of complaints relating to Children in Care and a
    # further 3% relating to Care Leavers services, were received directly from young
    # people". Demo 2025/26 computed these counts and printed none of them.
    document = build_document(young_people_report(), labels=Labels.load())
    table = next(t for t in document.tables() if t.id == "young_people_services")
    assert table.caption.endswith("Complaints from children and young people by service or team")
    assert [[c.text for c in row.cells] for row in table.rows] == [
        ["Children looked after", "1", "7", "14%"],
        ["Care leavers", "1", "3", "33%"],
    ]
    section = next(s for s in document.sections if s.id == "young_people")
    assert section.blocks[-1] is table


def test_the_columns_of_shares_say_what_they_are_shares_of():
    # Demo 2025/26's workbook: Table 5's "Within the timescale" (80) beside Table 4's
    # "Within 10 working days" (69), and two columns headed only "%".
    tables = {t.id: t for t in build_document(young_people_report(), labels=Labels.load()).tables()}
    assert tables["half_years"].header == [
        "Half year",
        "Stage 1 responses",
        "Within 10 working days or the extended deadline",
        "% within",
    ]
    assert tables["young_people_services"].header[3] == "% from children and young people"


def test_the_public_version_leaves_out_young_peoples_complaints_by_service_all_too_few():
    # Public demo 2025/26: every row of the table "fewer than 5", every share "withheld".
    document = build_document(young_people_report(), labels=Labels.load(), public=True)
    assert not any(t.id == "young_people_services" for t in document.tables())
    assert (
        "The table of complaints from children and young people by service or team is not "
        "published in this version: its numbers are too small to publish."
    ) in section_texts(document, "young_people")


def test_shares_of_one_total_that_round_to_101_percent_say_why():
    # Demo 2025/26, Table 6: complainants 78, 6, 4, 6, 7, 3, 1, 3, 4 of 112 printed as
    # 70%, 5%, 4%, 5%, 6%, 3%, 1%, 3%, 4%: 101%, with nothing to say why.
    types = {
        "parent": 78,
        "grandparent": 6,
        "other_relative": 4,
        "young_person": 6,
        "foster_carer": 7,
        "special_guardian": 3,
        "advocate": 1,
        "professional": 3,
        "other": 4,
    }
    report = sample_report(
        measures={"complaints.complainant_types": types, "complaints.total": 112}
    )
    document = build_document(report, labels=Labels.load())
    table = next(t for t in document.tables() if t.id == "complainant_types")
    column = next(c for c, head in enumerate(table.header) if head.startswith("% of"))
    assert sum(int(row.cells[column].text.rstrip("%")) for row in table.rows[:-1]) == 101
    assert "Percentages are rounded to whole numbers, so they may not add to exactly 100%." in (
        table.notes
    )


@pytest.mark.parametrize(
    ("statutory", "public", "accepted"),
    [
        # Demo 2025/26: "122 (36%) were statutory; 112 of 122 (92%) of these were accepted
        # and managed as statutory complaints": "of" twice, the 122 said twice.
        (38, False, "30 (79%)"),
        # Public demo: "all but fewer than 5 of 68 of these were accepted".
        (32, True, "all but fewer than 5"),
    ],
)
def test_the_statutory_representations_accepted_as_complaints_say_of_once(
    statutory, public, accepted
):
    report = sample_report()
    report["measures"]["representations.by_family"] = {
        "statutory": statutory,
        "other": 68 - statutory,
    }
    document = build_document(report, labels=Labels.load(), public=public)
    share = f"{statutory} ({round(statutory * 100 / 68)}%)"
    assert (
        f"{share} were statutory; of these, {accepted} were accepted and managed as statutory "
        "complaints."
    ) in section_texts(document, "representations")
    summary = f"{statutory} of 68 ({round(statutory * 100 / 68)}%) representations were "
    assert any(
        t.startswith(
            summary + "considered under the statutory procedure, and of these "
            f"{accepted} were accepted as statutory complaints."
        )
        for t in section_texts(document, "summary")
    )
    assert not any(" of these were" in t for t in section_texts(document))


def test_an_actual_outcome_never_upheld_says_none_was_not_all_were_not():
    # Demo 2023/24: "'Explanation' was the actual outcome of 37 of 62 (60%) Stage 1
    # responses; of these, all 37 were not upheld", which also reads as "not all were".
    report = sample_report()
    report["supplementary"]["stage1_outcome_by_decision"]["explanation"] = {"not_upheld": 9}
    texts = section_texts(build_document(report, labels=Labels.load()), "findings")
    assert (
        "'Explanation' was the actual outcome of 9 of 28 (32%) Stage 1 responses; of these, "
        "none was upheld, even in part."
    ) in texts
    # Findings of more than one kind are still each given with their share.
    report["supplementary"]["stage1_outcome_by_decision"]["explanation"] = {
        "not_upheld": 7,
        "partially_upheld": 2,
    }
    texts = section_texts(build_document(report, labels=Labels.load()), "findings")
    assert any(
        "of these, 7 (78%) were not upheld and 2 (22%) partially upheld." in t for t in texts
    )


def test_extensions_kept_say_of_these_once():
    # Demo 2025/26: "An extension was agreed for 11 Stage 1 complaints; 11 of 11 (100%) of
    # these were answered within the extended deadline."
    document = build_document(sample_report(), labels=Labels.load())
    assert (
        "An extension was agreed for 3 Stage 1 complaints; of these, 2 (67%) were answered "
        "within the extended deadline."
    ) in section_texts(document, "timeliness")


def test_one_stage_2_investigation_says_what_it_took_not_an_average():
    # Demo 2025/26 Q1: "The Stage 2 investigation was not completed within 25 working days,
    # ...; the average was 54.0 working days": an average of one investigation.
    report = sample_report(
        measures={
            "stage2.responses": 1,
            "stage2.within_deadline": {"within": 0, "late": 1},
            "stage2.outcomes": {"not_upheld": 1},
            "stage2.average_working_days": 54.0,
        }
    )
    texts = section_texts(build_document(report, labels=Labels.load()), "escalation")
    assert any(t.endswith("; it took 54 working days.") for t in texts), texts
    assert not any("average" in t for t in texts)
    # The public version neither gives the one case's figure nor says there was one.
    public = " ".join(
        section_texts(build_document(report, labels=Labels.load(), public=True), "escalation")
    )
    assert "54" not in public and "it took" not in public
    assert "the average is not published (small numbers)." in public


def test_the_outcomes_chart_says_its_actual_bars_count_stage_1_responses():
    # Demo 2025/26, Chart 2: "Number of complaints" under bars of which the "Actual" ones
    # count Stage 1 responses (109), not complaints (112).
    document = build_document(sample_report(), labels=Labels.load())
    chart = next(
        b for s in document.sections for b in s.blocks if getattr(b, "id", "") == "outcomes_chart"
    )
    assert chart.value_label == "Number of complaints (sought) or Stage 1 responses (actual)"
    assert (
        [name for name, _ in chart.series]
        == chart.table.header[1:]
        == [
            "Sought (complaints received)",
            "Actual (Stage 1 responses)",
        ]
    )


@pytest.mark.parametrize(
    ("ongoing", "public", "expected"),
    [
        (
            2,
            False,
            "On 31 March 2020, 2 of 30 (7%) complaints received in 2019/20 were still "
            "awaiting their Stage 1 response.",
        ),
        (
            2,
            True,
            "On 31 March 2020, fewer than 5 of 30 complaints received in 2019/20 were "
            "still awaiting their Stage 1 response.",
        ),
        (
            0,
            False,
            "Every complaint received in 2019/20 had its Stage 1 response by 31 March 2020.",
        ),
    ],
)
def test_complaints_still_awaiting_stage_1_at_the_end_are_said_beside_the_outcomes(
    ongoing, public, expected
):
    # Southampton 2009/10 (6.2): "14 (7.7%) outcomes were recorded as ongoing"; the demo's
    # 2025/26 report left its 5 unanswered complaints out.
    report = sample_report()
    report["supplementary"]["stage1_ongoing"] = ongoing
    document = build_document(report, labels=Labels.load(), public=public)
    assert expected in section_texts(document, "findings")
    key_figures = next(t for t in document.tables() if t.id == "key_figures")
    row = next(r for r in key_figures.rows if r.label.startswith("Complaints awaiting"))
    assert row.cells[1].text == ("fewer than 5" if public and ongoing else str(ongoing))


def test_the_stage_1_bands_shares_are_compared_with_last_year_in_percentage_points():
    # Isle of Wight 2019/20 (1.4.4): "66% ... within 10 working days (47 percentage point
    # increase on the previous reporting period); 26% between 10-20 working days (45
    # percentage points down ...) and 9% ... (1 percentage point down". Its own tables give
    # 19, 7 and 2 of 28 against 5, 19 and 3 of 27.
    document = build_document(sample_report(), labels=Labels.load())
    assert (
        "Compared with 2018/19, the share of Stage 1 responses within 10 working days rose by "
        "49 percentage points (from 19% to 68%), the share taking 11 to 20 working days fell "
        "by 45 percentage points (from 70% to 25%) and the share taking over 20 working days "
        "fell by 4 percentage points (from 11% to 7%)."
    ) in section_texts(document, "timeliness")


def test_the_public_version_compares_only_the_bands_it_prints_in_percentage_points():
    # Public sample: 7 and 5 (withheld) and 2 and 2 (fewer than 5) are hidden; their shares
    # would give them away, so only the band shown in both years is compared.
    report = sample_report()
    report["comparisons"]["2018/19"]["stage1.bands"] = {
        "within_10": 20,
        "11_to_20": 5,
        "over_20": 2,
    }
    public = section_texts(build_document(report, labels=Labels.load(), public=True))
    compared = [t for t in public if t.startswith("Compared with 2018/19, the share")]
    assert compared == [
        "Compared with 2018/19, the share of Stage 1 responses within 10 working days fell by "
        "6 percentage points (from 74% to 68%)."
    ]
    assert not any("(from 7%" in t or "to 7%)" in t or "to 25%)" in t for t in public)


@pytest.mark.parametrize(
    ("received", "ongoing", "public", "expected"),
    [
        # Isle of Wight 2019/20 (12.1): "All four LGSCO complaints were received within the
        # reporting period with two currently ongoing".
        (
            4,
            2,
            False,
            "Of these, 2 (50%) were still awaiting the Ombudsman's decision on 31 March 2020.",
        ),
        (
            4,
            2,
            True,
            "The number still awaiting the Ombudsman's decision on 31 March 2020 is "
            "not published in this version, to protect privacy.",
        ),
        (
            10,
            2,
            True,
            "Of these, fewer than 5 were still awaiting the Ombudsman's decision on 31 March 2020.",
        ),
        (4, 0, False, "The Ombudsman had decided all of them by 31 March 2020."),
    ],
)
def test_ombudsman_enquiries_not_decided_by_the_end_are_said(received, ongoing, public, expected):
    report = sample_report(measures={"lgsco.received": received})
    report["supplementary"]["lgsco_ongoing"] = ongoing
    document = build_document(report, labels=Labels.load(), public=public)
    [made] = [t for t in section_texts(document, "ombudsman") if t.startswith("The Ombudsman")]
    assert made.endswith(expected), made


@pytest.mark.parametrize(
    ("decisions", "public", "expected"),
    [
        # Demo 2025/26: "3 (30%) were still awaiting the Ombudsman's decision on 31 March
        # 2026" above a table of 10 decisions, 3 of them made after that day.
        (
            {"premature": 2, "no_fault": 2},
            False,
            "The decisions are those recorded when the report was produced: 2 of them were "
            "made after 31 March 2020, on enquiries still awaiting the Ombudsman's decision "
            "then.",
        ),
        (
            {"premature": 5, "no_fault": 5},  # of 10, so that the public version prints them
            True,
            "The decisions are those recorded when the report was produced: some were made "
            "after 31 March 2020, on enquiries still awaiting the Ombudsman's decision then.",
        ),
        # The IoW's own: its 2 undecided enquiries are recorded as "Ongoing".
        ({"premature": 1, "fault_injustice": 1, "ongoing": 2}, False, None),
    ],
)
def test_ombudsman_decisions_made_after_the_end_are_said_under_their_table(
    decisions, public, expected
):
    received = sum(decisions.values())
    report = sample_report(measures={"lgsco.decisions": decisions, "lgsco.received": received})
    report["supplementary"]["lgsco_ongoing"] = 2
    document = build_document(report, labels=Labels.load(), public=public)
    table = next(t for t in document.tables() if t.id == "ombudsman")
    later = [n for n in table.notes if n.startswith("The decisions are those recorded")]
    assert later == ([expected] if expected else [])


def test_the_table_by_finding_is_read_for_its_most_common_actual_outcome():
    # Isle of Wight 2019/20 (8.5): "'Explanation' made up 60% of complaint outcomes, of this
    # 78% were 'Not Upheld' and the remaining 22% were 'Partially Upheld'" (7 and 2 of 9).
    texts = section_texts(build_document(sample_report(), labels=Labels.load()), "findings")
    assert (
        "'Explanation' was the actual outcome of 9 of 28 (32%) Stage 1 responses; of these, "
        "7 (78%) were not upheld and 2 (22%) partially upheld."
    ) in texts
    # The public version's table may hide any of its cells: its text reads none of them.
    report = sample_report(
        measures={"stage1.outcomes": {"upheld": 5, "partially_upheld": 6, "not_upheld": 17}}
    )
    public = section_texts(build_document(report, labels=Labels.load(), public=True), "findings")
    assert not any("was the actual outcome of" in t for t in public)


def test_one_stage_1_response_says_what_it_took_not_an_average():
    # A quarter with one Stage 1 response said "The average time to respond was 12.0 working
    # days": an average of one response.
    report = sample_report(
        measures={
            "stage1.responses": 1,
            "stage1.average_working_days": 12.0,
            "stage1.bands": {"within_10": 0, "11_to_20": 1, "over_20": 0},
        }
    )
    document = build_document(report, labels=Labels.load())
    timeliness = " ".join(section_texts(document, "timeliness"))
    assert "It took 12 working days" in timeliness
    assert "The average time to respond" not in timeliness
    summary = " ".join(section_texts(document, "summary"))
    assert "The Stage 1 response took 12 working days" in summary
    assert "answered in an average of" not in summary
    # The public version neither gives the one response's figure nor says there was one.
    public = build_document(report, labels=Labels.load(), public=True)
    assert "It took 12" not in " ".join(section_texts(public, "timeliness"))
    assert "took 12" not in " ".join(section_texts(public, "summary"))
