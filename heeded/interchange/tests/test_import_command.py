"""``heeded import``: what is created, every kind of problem named, all or nothing."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from heeded.cases.models import Case, EventKind, Payment, Stage
from heeded.interchange.columns import column_letter
from heeded.interchange.importing import import_file
from heeded.organisation.models import Organisation, Stage2ClockStart

from .helpers import complaint, csv_file, stored

pytestmark = pytest.mark.django_db
TODAY = dt.date(2024, 6, 1)


def problems_of(tmp_path, rows, columns=None, **options):
    report = import_file(csv_file(tmp_path, rows, columns), by=None, today=TODAY, **options)
    assert not report.written
    return [(p.row, p.column, p.value, p.message) for p in report.problems]


class TestCreating:
    def test_a_complaint_is_created_with_its_stage_deadline_timeline_and_history(
        self, tmp_path, manager, code
    ):
        row = complaint(payment_amount="250", service_teams="cast|children_looked_after")
        report = import_file(csv_file(tmp_path, [row]), by=manager, today=TODAY)
        assert report.ok and report.written and report.to_create == 1
        case = Case.objects.get(reference="IOW-1920-001")
        assert case.record_type == code("record_type", "complaint")
        assert case.young_person is False and case.via_professional is None
        assert sorted(t.code for t in case.natures.all()) == [
            "conduct_of_worker",
            "quality_of_service",
        ]
        stage = case.stages.get()
        # Monday 7 October 2019 + 10 working days
        assert (stage.started_on, stage.due_on) == (dt.date(2019, 10, 7), dt.date(2019, 10, 21))
        assert case.current_stage == 1 and case.next_deadline is None
        assert case.payments.get().amount == Decimal("250.00")
        kinds = list(case.events.values_list("kind", flat=True))
        assert kinds == [
            EventKind.RECORDED,
            EventKind.STAGE_STARTED,
            EventKind.STAGE_RESPONDED,
            EventKind.CLOSED,
            EventKind.PAYMENT,  # dated the day of the import: the file has no payment date
            EventKind.IMPORTED,
        ]
        history = case.history.get()
        assert history.history_user == manager
        assert history.history_change_reason == "Imported from cases.csv"
        assert history.history_type == "+"
        # The history row holds the case as stored, column for column.
        for field in Case.history.model.tracked_fields:
            assert getattr(history, field.attname) == getattr(case, field.attname), field.name
        assert stage.history.get().history_change_reason == "Imported from cases.csv"
        assert case.payments.get().history.get().amount == Decimal("250.00")

    def test_a_compliment_has_no_stage_unless_the_file_gives_stage_dates(self, tmp_path):
        rows = [
            {"reference": "C1", "record_type": "compliment", "received_on": "2020-01-06"},
            {
                "reference": "C2",
                "record_type": "case_concern",
                "received_on": "2020-01-06",
                "stage1_responded_on": "2020-01-07",
            },
        ]
        assert import_file(csv_file(tmp_path, rows), by=None, today=TODAY).written
        assert not Stage.objects.filter(case__reference="C1").exists()
        concern = Stage.objects.get(case__reference="C2")
        assert (concern.started_on, concern.due_on) == (dt.date(2020, 1, 6), None)

    def test_a_converted_complaint_starts_stage_1_on_its_conversion(self, tmp_path):
        row = complaint(
            converted_from="pre_complaint",
            converted_on="2019-10-10",
            acknowledged_on="2019-10-08",
            stage1_responded_on="",
            stage1_outcome="",
            closed_on="",
            actual_outcomes="",
        )
        import_file(csv_file(tmp_path, [row]), by=None, today=TODAY)
        case = Case.objects.get()
        assert case.stage(1).started_on == dt.date(2019, 10, 10)
        assert case.next_deadline == dt.date(2019, 10, 24)
        assert list(case.events.values_list("kind", flat=True)) == [
            "recorded",
            "acknowledged",
            "converted",
            "stage_started",
            "imported",
        ]

    def test_columns_left_out_are_not_recorded(self, tmp_path):
        path = csv_file(
            tmp_path,
            [{"reference": "A", "record_type": "comment", "received_on": "2021-03-01"}],
            columns=["reference", "record_type", "received_on"],
        )
        assert import_file(path, by=None, today=TODAY).written
        case = Case.objects.get()
        assert case.young_person is None and case.remedial_action is None

    def test_a_corporate_stage_2_counts_from_its_request_where_childrens_count_from_statements(
        self, tmp_path
    ):
        """QA: with the organisation counting Stage 2 from the agreed statement of complaint,
        a corporate complaint's stage2_started_on was stored as a statement date. Only the
        children's Stage 2 has a statement (domain.md section 1.6); a corporate Stage 2
        counts from its request (spec: "the request for Stage 2 by default")."""
        organisation = Organisation.current()
        organisation.stage2_clock_start = Stage2ClockStart.STATEMENT_AGREED
        organisation.save()
        stage_2 = {"stage2_started_on": "2019-10-25", "closed_on": ""}
        rows = [
            complaint("CHILD", **stage_2),
            complaint("CORP", record_type="corporate_complaint", **stage_2),
        ]
        assert import_file(csv_file(tmp_path, rows, name="v1.csv"), by=None, today=TODAY).written

        def stage_2_of(reference):
            stage = Case.objects.get(reference=reference).stage(2)
            return stage.requested_on, stage.statement_agreed_on, stage.started_on

        day = dt.date(2019, 10, 25)
        assert stage_2_of("CHILD") == (None, day, day)
        assert stage_2_of("CORP") == (day, None, day)
        # The same when an update corrects the date.
        rows[1]["stage2_started_on"] = "2019-10-28"
        path = csv_file(tmp_path, rows, name="v2.csv")
        assert import_file(path, by=None, update=True, today=TODAY).written
        day = dt.date(2019, 10, 28)
        assert stage_2_of("CORP") == (day, None, day)

    def test_a_retired_code_is_accepted_for_old_cases(self, tmp_path, code):
        delay = code("nature", "delay")
        delay.retired = True
        delay.save()
        report = import_file(csv_file(tmp_path, [complaint(natures="delay")]), by=None, today=TODAY)
        assert report.written
        assert list(Case.objects.get().natures.all()) == [delay]


class TestEveryProblemIsNamed:
    def test_an_unknown_code_names_row_column_and_value(self, tmp_path):
        found = problems_of(tmp_path, [complaint(), complaint("B", natures="delay|dealy")])
        assert found == [(3, "natures", "dealy", "dealy is not a nature code. Did you mean delay?")]

    def test_bad_dates_booleans_amounts_and_outcomes(self, tmp_path):
        row = complaint(
            received_on="07/10/2019",
            acknowledged_on="2019-02-30",
            young_person="yes",
            payment_amount="£250",
            stage1_outcome="resolved",
        )
        found = {(p[1], p[2]): p[3] for p in problems_of(tmp_path, [row])}
        assert found == {
            ("received_on", "07/10/2019"): "Write dates as YYYY-MM-DD, for example 2022-09-19.",
            ("acknowledged_on", "2019-02-30"): "2019-02-30 is not a real date.",
            ("young_person", "yes"): "Write true or false (in lower case), or leave it empty.",
            ("payment_amount", "£250"): "Write the amount in pounds with no £ sign or "
            "commas, for example 250.00.",
            ("stage1_outcome", "resolved"): "A stage outcome must be one of upheld, "
            "partially_upheld, not_upheld, withdrawn.",
        }

    # A date cell formatted as a number shows Excel's day count; one with a time of day
    # comes out as 2022-09-19T14:30:00 (the State Funeral, from a workbook).
    @pytest.mark.parametrize(
        "text, message",
        [
            (
                "44823",
                "44823 looks like a spreadsheet's number for the date 2022-09-19: write it as "
                "2022-09-19 (in the spreadsheet, format the column as text or as a date).",
            ),
            (
                "2022-09-19T14:30:00",
                "Write the date alone, without a time of day: 2022-09-19, not 2022-09-19T14:30:00.",
            ),
            (
                "2022-09-20 09:00",
                "Write the date alone, without a time of day: 2022-09-20, not 2022-09-20 09:00.",
            ),
            ("123", "Write dates as YYYY-MM-DD, for example 2022-09-19."),
        ],
    )
    def test_a_date_a_spreadsheet_kept_as_a_number_or_with_a_time_is_told_apart(
        self, tmp_path, text, message
    ):
        found = problems_of(tmp_path, [complaint(acknowledged_on=text)])
        assert found == [(2, "acknowledged_on", text, message)]

    def test_an_unknown_ombudsman_decision_is_named_with_its_article(self, tmp_path):
        row = complaint(lgsco_received_on="2019-11-01", lgsco_decision="upheld")
        assert [p[3] for p in problems_of(tmp_path, [row])] == [
            "upheld is not an Ombudsman decision code."
        ]

    def test_dates_out_of_order(self, tmp_path):
        rows = [
            complaint("A", acknowledged_on="2019-10-01"),
            complaint("B", stage1_responded_on="2019-10-04", closed_on="2019-10-20"),
            complaint(
                "C",
                stage2_started_on="2019-10-17",
                stage2_responded_on="2019-11-01",
                closed_on="2019-11-01",
            ),
            complaint(
                "D",
                converted_from="pre_complaint",
                converted_on="2019-10-01",
            ),
        ]
        found = [(p[0], p[1], p[3]) for p in problems_of(tmp_path, rows)]
        assert found == [
            (
                2,
                "acknowledged_on",
                "acknowledged_on (2019-10-01) cannot be before received_on (2019-10-07).",
            ),
            (
                3,
                "stage1_responded_on",
                "stage1_responded_on (2019-10-04) cannot be before stage1_started_on (2019-10-07).",
            ),
            (
                4,
                "stage2_started_on",
                "stage2_started_on (2019-10-17) cannot be before stage1_responded_on (2019-10-18).",
            ),
            (
                5,
                "converted_on",
                "converted_on (2019-10-01) cannot be before received_on (2019-10-07).",
            ),
        ]

    def test_stage_3_not_before_stage_2_response(self, tmp_path):
        row = complaint(
            stage2_started_on="2019-11-01",
            stage2_responded_on="2019-12-02",
            stage2_outcome="partially_upheld",
            stage3_started_on="2019-11-29",
            stage3_outcome="upheld",
            closed_on="",
        )
        found = [(p[1], p[3]) for p in problems_of(tmp_path, [row])]
        assert found == [
            (
                "stage3_started_on",
                "stage3_started_on (2019-11-29) cannot be before stage2_responded_on (2019-12-02).",
            ),
        ]

    def test_duplicate_references_and_references_already_held(self, tmp_path):
        import_file(csv_file(tmp_path, [complaint("OLD")], name="first.csv"), by=None, today=TODAY)
        found = problems_of(tmp_path, [complaint("A"), complaint("A"), complaint("OLD")])
        assert [(p[0], p[1], p[2]) for p in found] == [
            (3, "reference", "A"),
            (4, "reference", "OLD"),
        ]
        assert found[0][3] == "The reference A is also on row 2."
        assert found[1][3] == (
            "A case with the reference OLD already exists. Import with --update to change it."
        )

    def test_header_problems_missing_unknown_and_case_sensitive(self, tmp_path):
        columns = ["reference", "Record_Type", "recieved_on", "notes"]
        found = problems_of(tmp_path, [{"reference": "A"}], columns=columns)
        assert found == [
            (
                1,
                "B",
                "Record_Type",
                "Record_Type is not a column of the case interchange "
                "format. Did you mean record_type? Column names are case-sensitive.",
            ),
            (
                1,
                "C",
                "recieved_on",
                "recieved_on is not a column of the case interchange "
                "format. Did you mean received_on? Column names are case-sensitive.",
            ),
            (1, "D", "notes", "notes is not a column of the case interchange format."),
            (1, "record_type", "", "The required column record_type is missing."),
            (1, "received_on", "", "The required column received_on is missing."),
        ]

    def test_an_unknown_column_does_not_hide_the_rows_problems(self, tmp_path):
        rows = [complaint("A", received_on="2019-02-30", notes="x"), complaint("B", notes="y")]
        columns = [*complaint("A"), "notes"]
        found = problems_of(tmp_path, rows, columns=columns)
        notes_column = column_letter(len(columns) - 1)
        assert [(p[0], p[1]) for p in found] == [(1, notes_column), (2, "received_on")]
        assert found[0][3] == "notes is not a column of the case interchange format."

    def test_a_negative_payment_is_told_how_to_write_none(self, tmp_path):
        found = problems_of(tmp_path, [complaint("A", payment_amount="-50")])
        assert [(p[1], p[2], p[3]) for p in found] == [
            (
                "payment_amount",
                "-50",
                "A payment cannot be less than 0.00. Write 0.00 if none was made, or leave "
                "the cell empty if that was not recorded.",
            )
        ]

    def test_minus_nothing_is_told_to_drop_the_minus(self, tmp_path):
        found = problems_of(tmp_path, [complaint("A", payment_amount="-0.00")])
        assert [(p[1], p[3]) for p in found] == [
            ("payment_amount", "Write 0.00 without a minus sign.")
        ]

    def test_a_reference_with_an_invisible_character_is_refused(self, tmp_path):
        found = problems_of(tmp_path, [complaint("R\u200bX")])
        assert [(p[1], p[2]) for p in found] == [("reference", "R\u200bX")]
        assert "invisible characters" in found[0][3]

    def test_empty_required_cells_and_bad_multi_values(self, tmp_path):
        row = complaint(record_type="", natures="delay||funding", outcomes_sought="apology|apology")
        found = [(p[1], p[3]) for p in problems_of(tmp_path, [row])]
        assert found == [
            ("record_type", "The record_type is missing; every case needs one."),
            ("natures", "There is an empty code between | separators."),
            ("outcomes_sought", "apology is listed twice."),
        ]

    def test_a_value_is_checked_again_in_each_column_and_row(self, tmp_path):
        """Cells already read are remembered by column, and only when they were right."""
        rows = [
            # A future date is right for an extension, not for a closure.
            complaint("A", stage1_extended_to="2024-07-01", closed_on=""),
            complaint("B", closed_on="2024-07-01"),
            complaint("C", record_type="", young_person="yes"),
            complaint("D", record_type="", young_person="yes"),
        ]
        found = [(p[0], p[1], p[2]) for p in problems_of(tmp_path, rows)]
        assert found == [
            (3, "closed_on", "2024-07-01"),
            (4, "record_type", ""),
            (4, "young_person", "yes"),
            (5, "record_type", ""),
            (5, "young_person", "yes"),
        ]

    def test_a_ragged_row_is_named(self, tmp_path):
        path = csv_file(tmp_path, [complaint()])
        with open(path, "a", encoding="utf-8", newline="") as out:
            out.write("B,complaint,2019-10-07\r\n")
        report = import_file(path, by=None, today=TODAY)
        assert [str(p) for p in report.problems] == [
            "Row 3 ('3 cells'): Row 3 has 3 cells, but the header row has 30 columns. "
            "Check for a missing or extra comma."
        ]


class TestAllOrNothing:
    def test_one_bad_row_among_many_writes_nothing(self, tmp_path, officer):
        from heeded.cases.tests.factories import record

        record(officer)
        before = stored()
        rows = [complaint(f"R{i}") for i in range(2500)]
        rows[2400]["closed_on"] = "2019-13-01"
        report = import_file(csv_file(tmp_path, rows), by=None, today=TODAY)
        assert report.problems.total == 1 and not report.written
        assert stored() == before

    def test_a_dry_run_writes_nothing_and_counts(self, tmp_path):
        report = import_file(
            csv_file(tmp_path, [complaint("A"), complaint("B")]),
            by=None,
            dry_run=True,
            today=TODAY,
        )
        assert report.ok and report.to_create == 2 and not report.written
        assert report.summary() == (
            "cases.csv is valid: 2 cases to create, 0 to update, 0 unchanged. "
            "Nothing was written (dry run)."
        )
        assert Case.objects.count() == 0

    def test_a_file_with_more_problems_than_shown_says_how_many_more(self, tmp_path):
        rows = [complaint(f"R{i}", received_on="soon") for i in range(1200)]
        report = import_file(csv_file(tmp_path, rows), by=None, today=TODAY)
        assert report.problems.total == 1200 and report.problems.more == 200


class TestUpdating:
    def test_update_changes_only_the_cases_that_differ_and_creates_the_rest(self, tmp_path):
        import_file(
            csv_file(tmp_path, [complaint("A"), complaint("B")], name="v1.csv"),
            by=None,
            today=TODAY,
        )
        rows = [
            complaint("A", stage1_outcome="upheld", actual_outcomes="apology"),
            complaint("B"),
            complaint("C"),
        ]
        report = import_file(
            csv_file(tmp_path, rows, name="v2.csv"), by=None, update=True, today=TODAY
        )
        assert (report.to_create, report.to_update, report.unchanged) == (1, 1, 1)
        a = Case.objects.get(reference="A")
        assert a.stage(1).outcome == "upheld" and a.version == 2
        assert [o.code for o in a.actual_outcomes.all()] == ["apology"]
        assert a.history.first().history_change_reason == "Imported from v2.csv"
        imported = a.events.filter(kind=EventKind.IMPORTED).last()
        assert imported.description == "Updated from v2.csv: stage1_outcome, actual_outcomes"

    def test_an_update_keeps_columns_the_file_leaves_out(self, tmp_path):
        import_file(
            csv_file(tmp_path, [complaint("A", payment_amount="100.00")]), by=None, today=TODAY
        )
        path = csv_file(
            tmp_path,
            [
                {
                    "reference": "A",
                    "record_type": "complaint",
                    "received_on": "2019-10-07",
                    "lgsco_received_on": "2020-01-06",
                    "lgsco_decision": "no_fault",
                }
            ],
            columns=[
                "reference",
                "record_type",
                "received_on",
                "lgsco_received_on",
                "lgsco_decision",
            ],
            name="lgsco.csv",
        )
        assert import_file(path, by=None, update=True, today=TODAY).written
        case = Case.objects.get()
        assert case.ombudsman_decision.code == "no_fault"
        assert case.payments.get().amount == Decimal("100.00")
        assert case.stage(1).outcome == "not_upheld"

    def test_an_update_replaces_a_changed_payment(self, tmp_path):
        rows = [complaint("A", payment_amount="100.00"), complaint("B", payment_amount="50.00")]
        import_file(csv_file(tmp_path, rows, name="v1.csv"), by=None, today=TODAY)
        rows = [complaint("A", payment_amount="200.00"), complaint("B", payment_amount="50.00")]
        report = import_file(
            csv_file(tmp_path, rows, name="v2.csv"), by=None, update=True, today=TODAY
        )
        assert report.written and (report.to_update, report.unchanged) == (1, 1)
        a = Case.objects.get(reference="A")
        assert [p.amount for p in a.payments.all()] == [Decimal("200.00")]
        removed = Payment.history.filter(history_type="-").get()
        assert (removed.case_id, removed.amount) == (a.pk, Decimal("100.00"))
        assert Case.objects.get(reference="B").payments.get().amount == Decimal("50.00")

    def test_without_update_an_existing_reference_is_a_problem(self, tmp_path):
        import_file(csv_file(tmp_path, [complaint("A")]), by=None, today=TODAY)
        report = import_file(csv_file(tmp_path, [complaint("A")]), by=None, today=TODAY)
        assert report.problems.total == 1


class TestTheCommand:
    def test_it_prints_the_summary(self, tmp_path, capsys):
        call_command("import", str(csv_file(tmp_path, [complaint()])), verbosity=0)
        assert "Imported cases.csv: 1 case created" in capsys.readouterr().out

    def test_it_lists_every_problem_and_fails(self, tmp_path, capsys):
        rows = [complaint("A", received_on="2019-1-1"), complaint("B", natures="x")]
        with pytest.raises(CommandError, match="2 problems found. Nothing was written"):
            call_command("import", str(csv_file(tmp_path, rows)), verbosity=0)
        err = capsys.readouterr().err
        assert "Row 2, received_on ('2019-1-1'): Write dates as YYYY-MM-DD" in err
        assert "Row 3, natures ('x'): x is not a nature code." in err

    def test_a_file_that_is_not_there_is_named(self, tmp_path, capsys):
        with pytest.raises(CommandError, match=r"There is no file at .*cases\.csv\."):
            call_command("import", str(tmp_path / "cases.csv"), verbosity=0)
        with pytest.raises(CommandError, match="There is no file at"):
            (tmp_path / "a-folder.csv").mkdir()
            call_command("import", str(tmp_path / "a-folder.csv"), verbosity=0)

    def test_an_export_to_a_folder_that_is_not_there_is_named(self, tmp_path):
        with pytest.raises(CommandError, match="There is no folder .*missing to write cases.csv"):
            call_command("export", str(tmp_path / "missing" / "cases.csv"))

    def test_dry_run(self, tmp_path, capsys):
        call_command("import", str(csv_file(tmp_path, [complaint()])), dry_run=True, verbosity=0)
        assert "1 case to create" in capsys.readouterr().out
        assert Case.objects.count() == 0


class TestUpdatingACaseRecordedInTheApplication:
    def test_a_correction_keeps_what_the_format_does_not_carry_and_removes_a_stage(
        self, tmp_path, officer, manager, responding
    ):
        from heeded.cases import actions
        from heeded.cases.tests.factories import record

        case = record(officer, received_on=dt.date(2022, 9, 12))
        actions.assign(case, by=officer, responding_manager=responding, stage_number=1)
        actions.respond_to_stage(case, 1, by=officer, on=dt.date(2022, 9, 26), outcome="upheld")
        actions.start_stage(case, 2, by=officer, requested_on=dt.date(2022, 10, 3))
        # The complaints team finds Stage 2 was keyed on the wrong case: the file says so.
        row = {
            "reference": case.reference,
            "record_type": "complaint",
            "received_on": "2022-09-12",
            "stage1_responded_on": "2022-09-26",
            "stage1_outcome": "upheld",
            "closed_on": "2022-09-28",
        }
        # An empty cell clears; a column left out would have kept Stage 2 as it stands.
        columns = [*row, "stage2_started_on"]
        report = import_file(
            csv_file(tmp_path, [row], columns=columns), by=manager, update=True, today=TODAY
        )
        assert report.written and report.to_update == 1, [str(p) for p in report.problems]
        case.refresh_from_db()
        assert [s.number for s in case.stages.all()] == [1]
        assert case.stage(1).responding_manager == responding
        assert (case.closed_on, case.current_stage, case.next_deadline) == (
            dt.date(2022, 9, 28),
            1,
            None,
        )
        removed = Stage.history.filter(number=2, history_type="-").get()
        assert removed.history_user == manager
        assert removed.history_change_reason == "Imported from cases.csv"
        assert case.events.filter(kind=EventKind.CLOSED, happened_on=dt.date(2022, 9, 28))


class TestWhatTheSpecAllows:
    """An old system's gaps are imported as they are: the spec checks only the order of the
    dates it gives, not that each stage was answered before the next or the case closed."""

    def test_a_closed_complaint_with_no_recorded_response(self, tmp_path):
        row = complaint(stage1_responded_on="", stage1_outcome="", closed_on="2019-11-01")
        assert import_file(csv_file(tmp_path, [row]), by=None, today=TODAY).written
        case = Case.objects.get()
        stage = case.stages.get()
        assert (stage.responded_on, case.closed_on) == (None, dt.date(2019, 11, 1))
        # Closed: nothing is chased.
        assert (case.next_deadline, case.next_deadline_what) == (None, "")

    def test_stage_2_after_a_withdrawal_or_an_unrecorded_response(self, tmp_path):
        rows = [
            complaint("W", stage1_outcome="withdrawn", stage2_started_on="2019-10-21"),
            complaint(
                "U", stage1_responded_on="", stage1_outcome="", stage2_started_on="2019-10-21"
            ),
        ]
        for row in rows:
            row["closed_on"] = ""
        assert import_file(csv_file(tmp_path, rows), by=None, today=TODAY).written
        assert sorted(Case.objects.values_list("reference", "current_stage")) == [
            ("U", 2),
            ("W", 2),
        ]

    def test_a_case_closed_before_a_response_it_records_is_still_refused(self, tmp_path):
        row = complaint(stage1_responded_on="2019-10-18", closed_on="2019-10-17")
        assert [(p[1], p[3]) for p in problems_of(tmp_path, [row])] == [
            (
                "closed_on",
                "closed_on (2019-10-17) cannot be before stage1_responded_on (2019-10-18).",
            )
        ]


def test_a_payment_of_nothing_is_kept_apart_from_one_not_recorded(tmp_path):
    rows = [complaint("NONE", payment_amount="0.00"), complaint("BLANK", payment_amount="")]
    assert import_file(csv_file(tmp_path, rows), by=None, today=TODAY).written
    assert list(Payment.objects.values_list("case__reference", "amount")) == [
        ("NONE", Decimal("0.00"))
    ]
    event = Case.objects.get(reference="NONE").events.get(kind=EventKind.PAYMENT)
    assert (event.description, event.new_value) == ("Imported: no payment was made", "£0.00")
