"""The public version's running text: written from the tables' suppression decisions, so
that no sentence prints a figure a table hides, or gives it away by its grammar."""

import pytest

from heeded.reports.document import Labels, build_document

from .document_text import section_texts, subsection_texts
from .fixtures.sample_report import sample_report

pytestmark = pytest.mark.django_db


def public(report=None):
    return build_document(report or sample_report(), public=True, labels=Labels.load())


def internal(report=None):
    return build_document(report or sample_report(), labels=Labels.load())


def texts(document, section: str | None = None) -> list[str]:
    return section_texts(document, section)


def cells(document, table: str, column: int = 1) -> dict[str, str]:
    t = next(t for t in document.tables() if t.id == table)
    return {row.label: row.cells[column].text for row in t.rows}


def test_a_stage_1_band_table_4_withholds_is_withheld_in_the_summary_too():
    # Isle of Wight 2019/20: 19, 7 and 2 of 28 Stage 1 responses. The table withholds the 7
    # so that 28 - 19 cannot give the 2; "7 of 28 (25%)" in the summary gave it back.
    document = public()
    assert cells(document, "bands") == {
        "Within 10 working days": "19",
        "11 to 20 working days": "withheld",
        "Over 20 working days": "fewer than 5",
        "Total": "28",
    }
    assert (
        "Of 28 Stage 1 responses, 19 (68%) were within 10 working days; the numbers taking "
        "11 to 20 and over 20 working days are not published (small numbers)."
    ) in texts(document, "summary")
    assert not any("7 of 28" in text or "7 (25%)" in text for text in texts(document))
    assert (
        "Of 28 Stage 1 responses, 19 (68%) were within 10 working days, 7 (25%) took 11 to 20 "
        "working days and 2 (7%) took over 20 working days."
    ) in texts(internal(), "summary")


def test_a_hidden_count_of_1_is_written_in_the_plural_so_the_grammar_does_not_give_it_away():
    # Demo Council 2023/24 printed "Fewer than 5 complaint was made by children or young
    # people": a singular only 1 takes.
    report = sample_report()
    report["measures"]["young_people.complaints"] = 1
    report["measures"]["young_people.via_professional"] = 1
    report["measures"]["young_people.upheld"] = 0
    document = public(report)
    for section in ("summary", "young_people"):
        assert any(
            text.startswith("Fewer than 5 complaints were made by children or young people")
            for text in texts(document, section)
        ), section
    assert not any("complaint was" in text for text in texts(document))
    assert any(
        text.startswith("1 complaint was made by a child or young person")
        for text in texts(internal(report), "young_people")
    )


def test_a_stage_3_panel_count_of_1_reads_complaints_went_and_were_completed():
    report = sample_report()
    report["measures"]["stage3.started"] = 1
    report["measures"]["stage3.responses"] = 1
    report["measures"]["stage3.outcomes"] = {"not_upheld": 1}
    escalation = texts(public(report), "escalation")
    assert (
        "Fewer than 5 complaints went on to a Stage 3 review panel; fewer than 5 were completed."
    ) in escalation
    assert "1 complaint went on to a Stage 3 review panel; 1 was completed." in texts(
        internal(report), "escalation"
    )


def test_a_count_the_text_adds_up_from_a_hidden_count_is_withheld_with_no_percentage():
    # Isle of Wight 2019/20: remedial action in 1 of the 1 upheld + 6 partially upheld.
    # Table 10 hides the 1 (and withholds the 6); "1 of 7 (14%)" would give both back.
    document = public()
    assert cells(document, "findings")["Upheld"] == "fewer than 5"
    assert (
        "The number of complaints upheld or partially upheld at Stage 1 in which remedial "
        "action was taken is not published in this version, to protect privacy."
    ) in texts(document, "findings")
    assert (
        "Remedial action was taken in 1 of 7 (14%) complaints upheld or partially upheld at "
        "Stage 1."
    ) in texts(internal(), "findings")


def test_records_received_as_a_type_and_converted_are_withheld_where_table_1_hides_a_part():
    # 5 pre-complaints stayed pre-complaints (Table 1 prints 5) and 2 became complaints
    # (counted in the complaints row); "Of the 7 pre-complaint records received" gave the 2.
    document = public()
    assert cells(document, "representations")["Pre-complaint"] == "5"
    assert (
        "The numbers of pre-complaint records received and of those that became complaints "
        "are not published (small numbers)." in "\n".join(texts(document, "representations"))
    )
    assert "Of the 7 pre-complaint records received, 2 became complaints." in "\n".join(
        texts(internal(), "representations")
    )


def test_a_ranking_names_no_place_whose_count_is_hidden():
    # Demo Council 2023/24: "... and 'Agreed service implemented' and 'Change of worker'
    # (equal third, fewer than 5 each)" told that the two hidden counts were equal.
    report = sample_report()
    report["measures"]["stage1.actual_outcomes"] = {
        "explanation": 37,
        "apology_and_explanation": 24,
        "agreed_service": 2,
        "change_of_worker": 2,
    }
    assert (
        "The outcomes most often given at Stage 1 were 'Explanation' (37) and 'Apology and "
        "explanation' (24), out of 28 Stage 1 responses."
    ) in texts(public(report), "outcomes")
    assert any(
        "(equal third, 2 each), out of 28 Stage 1 responses." in text
        for text in texts(internal(report), "outcomes")
    )


@pytest.mark.usefixtures("every_table_printed")
def test_a_refused_count_withheld_in_table_1_is_withheld_in_the_text_and_its_percentages():
    # The statutory rows of Demo Council 2023/24: 61 complaints, 6 converted, 2 area
    # initiated, 12 refused; 67 complaints and 81 statutory stated. Withholding the 12 keeps
    # 81 - 67 - 12 from giving the 2, and the text's "12 complaints were refused" goes too.
    report = sample_report()
    m = report["measures"]
    m["representations.by_type"].update(complaint=67, refused=12, area_initiated=2)
    m["representations.converted"] = {"pre_complaint": {"complaint": 6}}
    m["refusals.reasons"] = {"court_proceedings": 6, "already_considered": 6}
    m["complaints.total"] = 67
    m["representations.by_family"]["statutory"] = 81
    m["representations.total"] = 111
    document = public(report)
    statutory = cells(document, "representations")
    assert [
        statutory[label]
        for label in (
            # Counted with the complaints: an earlier year shown converted fewer than 5.
            "Complaint (statutory), including converted",
            "Area initiated complaint",
            "Refused",
            "Total statutory representations",
        )
    ] == ["67", "fewer than 5", "withheld", "81"]
    assert cells(document, "refusals")["Total"] == "withheld"
    refusals = texts(document, "refusals")[0]
    assert refusals == (
        "The number of complaints refused is not published in this version, to protect privacy."
    )
    assert "12" not in refusals


@pytest.mark.usefixtures("every_table_printed")
def test_an_actual_outcome_withheld_in_table_11_is_withheld_in_table_9_too():
    # Demo Council 2024/25: Personal budget, 1 upheld ("fewer than 5") and 5 partially upheld
    # (withheld, so at least 5), was 6 in both tables: 6 = 5 + 1 gave both away.
    report = sample_report()
    report["measures"]["stage1.actual_outcomes"] = {"explanation": 9, "personal_budget": 6}
    # No finding small in Table 10, or Table 11 is not published at all.
    report["measures"]["stage1.outcomes"] = {
        "upheld": 5,
        "partially_upheld": 6,
        "not_upheld": 8,
        "not_recorded": 9,
    }
    report["supplementary"]["stage1_outcome_by_decision"] = {
        "explanation": {"not_upheld": 8, "not_recorded": 1},
        "personal_budget": {"upheld": 1, "partially_upheld": 5},
    }
    document = public(report)
    by_finding = next(t for t in document.tables() if t.id == "by_finding")
    row = next(r for r in by_finding.rows if r.label == "Personal budget")
    assert [c.text for c in row.cells[1:3] + row.cells[-1:]] == [
        "fewer than 5",
        "withheld",
        "withheld",
    ]
    assert cells(document, "outcomes", 2)["Personal budget"] == "withheld"
    assert cells(internal(report), "outcomes", 2)["Personal budget"] == "6"


# -- how the public text reads where a figure is hidden (UK official statistics' practice:
# no "withheld" where a number would be; the clause is rephrased or left out, and the reader
# is told once why).


def every_text(document) -> list[str]:
    return texts(document) + [t for s in document.sections for t in subsection_texts(s)]


def test_no_sentence_of_the_public_text_puts_withheld_where_a_number_would_be():
    text = " ".join(every_text(public()))
    assert "withheld of" not in text
    assert "of withheld" not in text
    assert "Withheld " not in text
    assert "compared with withheld" not in text
    assert "fewer than 5 of fewer than 5" not in text.lower()


def test_a_sentence_whose_subject_is_a_small_count_starts_with_a_capital_fewer_than():
    report = sample_report()
    report["measures"]["refusals.reasons"] = {"court_proceedings": 3}
    report["measures"]["representations.by_type"]["refused"] = 3
    document = public(report)
    assert texts(document, "refusals")[0] == "Fewer than 5 complaints were refused."


def test_a_comparison_with_another_year_is_left_out_when_either_side_is_hidden():
    report = sample_report()
    report["measures"]["young_people.complaints"] = 2
    document = public(report)
    young = texts(document, "young_people")[0]
    assert young == "Fewer than 5 complaints were made by children or young people."
    assert "compared with" not in " ".join(every_text(document))


def test_hidden_stage_1_bands_are_said_once_as_not_published_in_the_summary():
    summary = texts(public(), "summary")
    assert (
        "Of 28 Stage 1 responses, 19 (68%) were within 10 working days; the numbers taking "
        "11 to 20 and over 20 working days are not published (small numbers)."
    ) in summary


def test_hidden_findings_are_left_out_of_the_list_and_named_once_as_not_published():
    findings = texts(public(), "findings")
    assert findings[0] == (
        "Of the 28 Stage 1 responses, 8 (29%) were not upheld; the numbers upheld and "
        "partially upheld are not published (small numbers)."
    )


def test_the_introduction_says_once_why_some_figures_are_not_published():
    # It said "(see the note on small numbers)"; public demo 2025/26 has no note by that
    # name, so the note now says itself what "fewer than 5" and "withheld" mean. A reader
    # told nothing of "withheld" took it as 5 or more, and so could work out a small count
    # withheld in place of "fewer than 5" from the total beside it.
    notes = [t for t in texts(public(), "introduction") if t.startswith("Some figures")]
    assert notes == [
        "Some figures are not published, to protect the privacy of the children and families "
        'involved: a count from 1 to 4 is shown as "fewer than 5", and a figure from which '
        'such a count could be worked out is shown as "withheld". A withheld figure may be '
        "of any size, fewer than 5 included."
    ]
    assert not any(t.startswith("Some figures") for t in texts(internal(), "introduction"))


def test_fewer_than_at_the_start_of_a_sentence_is_capitalised_and_has_no_percentage():
    for text in every_text(public()):
        assert not text.startswith("fewer than"), text
        assert "fewer than 5 of" not in text or "%)" not in text.split("fewer than 5 of")[1][:12]


def test_a_share_that_would_give_away_a_small_difference_says_all_but_fewer_than():
    # 65 of 67 acknowledged on time tells the reader 2 were late, a count no table prints.
    report = sample_report()
    report["measures"]["complaints.acknowledged_within_3"] = {"within": 65, "late": 2}
    document = public(report)
    assert (
        "All but fewer than 5 of 67 complaints whose acknowledgement date was recorded were "
        "acknowledged within 3 working days."
    ) in texts(document, "timeliness")
    assert not any("65 of 67" in t for t in every_text(document))
    assert (
        "65 of 67 (97%) complaints whose acknowledgement date was recorded were acknowledged "
        "within 3 working days."
    ) in texts(internal(report), "timeliness")


@pytest.mark.parametrize(
    ("numerator", "denominator", "public_words", "internal_words"),
    [
        (3, 5, "some but not all of 5", "3 of 5 (60%)"),  # not "fewer than 5 of 5"
        (3, 6, "fewer than 5 of 6", "3 of 6 (50%)"),
        (64, 67, "all but fewer than 5 of 67", "64 of 67 (96%)"),  # the 3 left over
        (19, 28, "19 of 28 (68%)", "19 of 28 (68%)"),
        (0, 5, "0 of 5 (0%)", "0 of 5 (0%)"),  # none is no one, and said
    ],
)
def test_a_share_says_no_more_than_the_tables_and_reads_as_english(
    numerator, denominator, public_words, internal_words
):
    from heeded.reports.document.context import Context

    def share(public):
        ctx = Context(report={}, labels=Labels.load(), public=public, threshold=5)
        return ctx.share(numerator, denominator)

    assert share(True) == public_words
    assert share(False) == internal_words


def test_those_acknowledged_are_not_printed_where_they_give_the_unrecorded_count_away():
    # The sample: 30 complaints, 29 with an acknowledgement date. "All but fewer than 5 of
    # 29" beside "not recorded for fewer than 5" gave the 1 away (30 - 29).
    document = public()
    timeliness = texts(document, "timeliness")
    assert not any(" of 29 " in t for t in every_text(document))
    assert (
        "The number of complaints acknowledged within 3 working days is not published in "
        "this version, to protect privacy."
    ) in timeliness
    assert "The acknowledgement date was not recorded for fewer than 5." in timeliness
    assert any(" of 29 (" in t for t in texts(internal(), "timeliness"))


@pytest.mark.usefixtures("every_table_printed")
def test_a_tie_for_the_most_is_not_named_where_one_of_the_tied_counts_is_hidden():
    # Parents 14 and grandparents 14 of 30: the table withholds one of the 14s (the young
    # people's 2 is "fewer than 5"), so "'Parent' and 'Grandparent' made the most
    # complaints: 14 of 30" would give both away (30 - 28 = 2).
    report = sample_report()
    report["measures"]["complaints.complainant_types"] = {
        "grandparent": 14,  # first: the one a max() of the counts picks
        "parent": 14,
        "young_person": 2,
    }
    document = public(report)
    who = cells(document, "complainant_types")
    assert who["Child or young person"] == "fewer than 5"
    assert sorted([who["Parent"], who["Grandparent"]]) == ["14", "withheld"]
    assert not any("made the most complaints" in t for t in every_text(document))
    assert any(
        "'Grandparent' and 'Parent' made the most complaints" in t
        for t in every_text(internal(report))
    )


def test_an_average_over_fewer_than_5_cases_is_not_published():
    # Isle of Wight 2019/20: 2 Stage 2 investigations completed, averaging 48.5 working days.
    # With 1 of them, the average is that child's complaint's own figure.
    document = public()
    escalation = " ".join(texts(document, "escalation"))
    assert "48.5" not in escalation
    assert "the average is not published (small numbers)." in escalation
    assert cells(document, "key_figures")["Stage 2 average working days"] == "withheld"
    # 28 Stage 1 responses: their average stays, in the text and the appendix.
    assert "11.7 working days" in " ".join(texts(document, "timeliness"))
    assert cells(document, "key_figures")["Stage 1 average working days"] == "11.7"
    # The internal version prints both.
    assert "the average was 48.5 working days" in " ".join(texts(internal(), "escalation"))


def test_a_small_year_s_stage_1_average_is_neither_printed_nor_compared():
    report = sample_report()
    report["measures"]["stage1.responses"] = 3
    report["measures"]["stage1.bands"] = {"within_10": 2, "11_to_20": 1, "over_20": 0}
    document = public(report)
    timeliness = " ".join(texts(document, "timeliness"))
    assert "The average time to respond is not published (small numbers)." in timeliness
    assert "11.7" not in " ".join(t for s in document.sections for t in s.texts())
    assert not any("answered in an average" in t for t in texts(document, "summary"))
    assert cells(document, "key_figures")["Stage 1 average working days"] == "withheld"


def test_a_payment_total_over_fewer_than_5_cases_is_not_published():
    # Isle of Wight 2019/20: one time and trouble payment of £250. Published, it is what
    # that family was paid.
    ombudsman = " ".join(texts(public(), "ombudsman"))
    assert "250" not in ombudsman
    assert (
        "Payments were made to complainants on fewer than 5 cases closed in 2019/20; "
        "their total is not published (small numbers)."
    ) in ombudsman
    key_figures = cells(public(), "key_figures")
    assert key_figures["Cases closed with a payment"] == "fewer than 5"
    assert key_figures["Payments (£)"] == "withheld"
    # The internal version says how much, and on how many cases.
    assert "Payments to complainants on 1 case closed in 2019/20 came to £250.00." in " ".join(
        texts(internal(), "ombudsman")
    )


def test_a_payment_total_shared_by_5_cases_is_published():
    report = sample_report()
    report["supplementary"]["cases_paid"] = 5
    document = public(report)
    assert "Payments to complainants on 5 cases closed in 2019/20 came to £250.00." in " ".join(
        texts(document, "ombudsman")
    )
    assert cells(document, "key_figures")["Payments (£)"] == "250.00"
