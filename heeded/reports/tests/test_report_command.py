import io
import json
import sys
import types

import pytest
from django.core.management import CommandError, call_command

from . import isle_of_wight


def run(*args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("report", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_json_for_dates_goes_to_standard_output_labelled_as_the_financial_year(db):
    isle_of_wight.build()
    out, _ = run("--from", "2019-04-01", "--to", "2020-03-31", "--format", "json")
    report = json.loads(out)
    assert report["period"]["label"] == "2019/20"
    assert report["measures"]["representations.total"] == 68
    # Keys are sorted in the JSON, so the comparison years read oldest first.
    assert list(report["comparisons"]) == ["2016/17", "2017/18", "2018/19"]


def test_json_is_written_to_the_output_file(db, tmp_path):
    target = tmp_path / "report.json"
    _, err = run("--year", "2019/20", "--comparisons", "1", "--output", str(target))
    report = json.loads(target.read_text())
    assert list(report["comparisons"]) == ["2018/19"]
    assert "Wrote the 2019/20 report" in err


def test_year_with_half_or_quarter(db):
    out, _ = run("--year", "2019-20", "--half", "2", "--comparisons", "0")
    assert json.loads(out)["period"] == {
        "from": "2019-10-01",
        "label": "2019/20 H2",
        "to": "2020-03-31",
    }
    out, _ = run("--year", "2019/20", "--quarter", "1", "--comparisons", "0")
    assert json.loads(out)["period"]["to"] == "2019-06-30"


def test_progress_is_shown_on_standard_error_when_asked(db):
    _, err = run("--year", "2019/20", "--comparisons", "1", "--progress", "--output", "/dev/null")
    # tqdm writes to the real standard error; the command's own line goes to err.
    assert "Wrote the 2019/20 report to /dev/null" in err


@pytest.mark.parametrize(
    "args, message",
    [
        (["--from", "2019-04-31", "--to", "2020-03-31"], "--from must be a real date"),
        (["--from", "2020-03-31", "--to", "2019-04-01"], "--to (2019-04-01) is before --from"),
        (["--year", "2019/21"], "not a financial year"),
        (["--year", "19-20"], "write it as 2019/20"),
        (["--year", "2019/20", "--from", "2019-04-01"], "not both"),
        (["--half", "1"], "need --year"),
        (["--from", "0003-04-01", "--to", "0004-03-31"], "1 April 3 is outside them"),
        (["--from", "2025-04-01", "--to", "9999-12-31"], "from 1990 to 2075"),
        (["--year", "2080/81", "--quarter", "2"], "1 July 2080 is outside them"),
        ([], "Say which period"),
        (["--year", "2019/20", "--comparisons", "-1"], "a number from 0 to 3"),
        (["--year", "2019/20", "--comparisons", "5"], "compares up to 3 earlier years"),
        (["--year", "2019/20", "--format", "pdf"], "needs --output"),
        (["--year", "2019/20", "--output", "/no/such/folder/r.json"], "no folder /no/such/folder"),
        (["--year", "2019/20", "--output", "/tmp"], "/tmp is a folder"),
    ],
)
def test_bad_arguments_get_a_clear_message(db, args, message):
    with pytest.raises(CommandError, match=message.replace("(", r"\(").replace(")", r"\)")):
        run(*args)


def test_a_document_format_is_rendered_by_the_renderers(db, tmp_path, monkeypatch):
    calls = []

    def render(report, fmt, public):
        calls.append((report["period"]["label"], fmt, public))
        return b"%PDF-1.7 the report"

    monkeypatch.setitem(
        sys.modules, "heeded.reports.renderers", types.SimpleNamespace(render=render)
    )
    target = tmp_path / "report.pdf"
    run("--year", "2019/20", "--format", "pdf", "--public", "--output", str(target))
    assert calls == [("2019/20", "pdf", True)]
    assert target.read_bytes() == b"%PDF-1.7 the report"


def test_without_the_renderers_a_document_format_fails_clearly(db, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "heeded.reports.renderers", None)
    with pytest.raises(CommandError, match="renderers"):
        run("--year", "2019/20", "--format", "docx", "--output", str(tmp_path / "r.docx"))
    assert not (tmp_path / "r.docx").exists()
