"""``heeded export``: a file appears under its name only once it is whole."""

import datetime as dt

import pytest
from django.core.management import call_command

from heeded.interchange import exporting
from heeded.interchange.importing import import_file

from .helpers import complaint, csv_file

pytestmark = pytest.mark.django_db
TODAY = dt.date(2024, 6, 1)


def two_cases(tmp_path):
    """Imported from a file of their own; the export goes to a folder of its own."""
    rows = [complaint(reference="A-1"), complaint(reference="A-2", received_on="2019-10-08")]
    assert import_file(csv_file(tmp_path, rows), by=None, today=TODAY).written
    out = tmp_path / "out"
    out.mkdir()
    return out


def failing_after_first_row(monkeypatch):
    """The database lost after the first row is written, as a dropped connection would."""
    real = exporting.export_rows

    def rows(cases):
        iterator = real(cases)
        yield next(iterator)
        raise ConnectionError("server closed the connection unexpectedly")

    monkeypatch.setattr(exporting, "export_rows", rows)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_failed_export_leaves_no_partial_file_that_would_import_as_fewer_cases(
    tmp_path, monkeypatch, suffix
):
    # Seen: an export run against a database without its tables left a header-only CSV,
    # which `heeded import` then took as "0 cases created".
    out = two_cases(tmp_path)
    failing_after_first_row(monkeypatch)
    target = out / f"cases{suffix}"
    with pytest.raises(ConnectionError):
        call_command("export", str(target))
    assert not target.exists()
    assert list(out.iterdir()) == []


def test_a_failed_export_keeps_the_last_good_file_of_that_name(tmp_path, monkeypatch):
    target = two_cases(tmp_path) / "cases.csv"
    call_command("export", str(target))
    good = target.read_bytes()
    failing_after_first_row(monkeypatch)
    with pytest.raises(ConnectionError):
        call_command("export", str(target))
    assert target.read_bytes() == good


def test_a_whole_export_is_written_under_its_name(tmp_path):
    target = two_cases(tmp_path) / "cases.csv"
    call_command("export", str(target))
    lines = target.read_text(encoding="utf-8-sig").splitlines()
    assert [line.split(",")[0] for line in lines] == ["reference", "A-1", "A-2"]


def test_an_export_says_when_it_leaves_out_an_extended_stage_2_deadline(tmp_path, capsys):
    # Version 1 of the format has no column for it, and it changes stage2.within_deadline.
    from heeded.cases.models import Stage

    rows = [
        complaint(
            reference="A-1",
            stage2_started_on="2019-11-01",
            stage2_responded_on="2019-12-20",
            stage2_outcome="upheld",
            closed_on="2019-12-20",
        ),
        complaint(reference="A-2", received_on="2019-10-08"),
    ]
    assert import_file(csv_file(tmp_path, rows), by=None, today=TODAY).written
    target = tmp_path / "cases.csv"
    call_command("export", str(target))
    assert "Stage 2" not in capsys.readouterr().err

    Stage.objects.filter(case__reference="A-1", number=2).update(extended_to=dt.date(2020, 1, 30))
    call_command("export", str(target))
    assert capsys.readouterr().err.strip() == (
        "Note: 1 case had the Stage 2 deadline extended. Version 1 of the interchange format "
        "has no column for that, so the file leaves it out: imported again, each Stage 2 "
        "response is timed against 25 working days."
    )
    call_command("export", str(target), "--from", "2019-10-08")
    assert capsys.readouterr().err == ""
