"""Checking an interchange file's header and rows, and turning cells into values.

Every problem is collected (row, column, value, what is wrong) rather than stopping at the
first, so the user can fix the whole file at once. Nothing here writes.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field
from decimal import Decimal
from operator import itemgetter

from heeded.calendars.working_days import FIRST_YEAR, LAST_YEAR
from heeded.cases.models import StageOutcome
from heeded.procedures import procedure_for
from heeded.taxonomy.models import TAXONOMY_MODELS

from . import cells
from .columns import (
    BY_NAME,
    COLUMNS,
    NAMES,
    REQUIRED,
    STAGES,
    Column,
    Kind,
    column_letter,
    stage1_implied_start,
)
from .problems import Problems

DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# Excel and LibreOffice count days from 30 December 1899; five digits from 10000 (1927)
# to 99999 (2173) cover every date an interchange file may hold.
SPREADSHEET_DAY = re.compile(r"[1-9]\d{4}")
SPREADSHEET_EPOCH = dt.date(1899, 12, 30)
DATE_AND_TIME = re.compile(r"(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?")
AMOUNT = re.compile(r"\d{1,8}(\.\d{1,2})?")
CONTROL = re.compile(r"[\x00-\x1f\x7f]")
# Characters that print as nothing: "R\u200bX" would look like another case's "RX".
INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u2060-\u2064\ufeff]")
REFERENCE_LENGTH = 40
OUTCOMES = ", ".join(StageOutcome.values)
OUTCOME_VALUES = frozenset(StageOutcome.values)
CODES_NAMES = frozenset(c.name for c in COLUMNS if c.kind is Kind.CODES)
# Each stage's columns: started_on, extended_to, responded_on, outcome.
STAGE_COLUMNS = {
    number: tuple(
        f"stage{number}_{part}" for part in ("started_on", "extended_to", "responded_on", "outcome")
    )
    for number in STAGES
}
TAXONOMY_WORDS = {
    "record_type": "a record type",
    "how_received": "a how received",
    "complainant_type": "a complainant type",
    "service_team": "a service or team",
    "nature": "a nature",
    "outcome": "an outcome",
    "refusal_reason": "a refusal reason",
    "ombudsman_decision": "an Ombudsman decision",
}


@dataclass
class StageDates:
    number: int
    started_on: dt.date
    extended_to: dt.date | None = None
    responded_on: dt.date | None = None
    outcome: str = ""
    # Stage 1's start was left empty: the spec's rule gave it (stage1_implied_start).
    start_implied: bool = False


@dataclass
class CaseRow:
    """One valid row: the cells (after merging, for an update) and their values."""

    row: int
    cells: dict[str, str]
    values: dict = field(default_factory=dict)
    stages: dict[int, StageDates] = field(default_factory=dict)
    # For an update: the case as it stands, as a row.
    previous: CaseRow | None = None

    @property
    def reference(self) -> str:
        return self.values["reference"]

    def canonical(self) -> dict[str, str]:
        """The cells as an export of the imported case would write them."""
        cells = {}
        for column in COLUMNS:
            value = self.values.get(column.name)
            if column.name.startswith("stage"):
                number, part = int(column.name[5]), column.name[7:]
                stage = self.stages.get(number)
                value = getattr(stage, part) if stage else None
            cells[column.name] = _text_of(value)
        if 1 in self.stages and self.stages[1].start_implied:
            cells["stage1_started_on"] = ""
        return cells


def _text_of(value) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "|".join(sorted(term.code for term in value))
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    if hasattr(value, "code"):
        return value.code
    return str(value)


class Header:
    """Which file column holds which interchange column."""

    def __init__(self, names: list[str], file_format: str):
        self.names = names
        self.format = file_format
        self.index = {name: i for i, name in enumerate(names) if name in BY_NAME}
        self.present = [name for name in NAMES if name in self.index]
        # The padding cell after the last column keeps itemgetter's answer a tuple, even
        # for a file of one column.
        self._pick = itemgetter(*self.index.values(), len(names)) if self.index else None

    def check(self, problems: Problems) -> None:
        seen: dict[str, int] = {}
        for i, name in enumerate(self.names):
            letter = column_letter(i)
            if name == "":
                problems.add(1, letter, "", f"Column {letter} has no heading.")
            elif name in seen:
                problems.add(
                    1,
                    letter,
                    name,
                    f"The column {name} appears more than once "
                    f"(columns {column_letter(seen[name])} and {letter}).",
                )
            elif name not in BY_NAME:
                problems.add(1, letter, name, _unknown_column(name))
            seen.setdefault(name, i)
        for name in self.missing_required:
            problems.add(1, name, "", f"The required column {name} is missing.")

    @property
    def missing_required(self) -> list[str]:
        return [name for name in REQUIRED if name not in self.index]

    def cells(self, number: int, raw: list[str], problems: Problems) -> dict[str, str] | None:
        """The row's cells by column name, or None (with a problem) when it is misshapen."""
        width = len(self.names)
        if self.format == "csv" and len(raw) != width:
            problems.add(
                number,
                "",
                f"{len(raw):,} cells",
                f"Row {number:,} has {len(raw):,} cells, but the header row has {width:,} "
                "columns. Check for a missing or extra comma.",
            )
            return None
        extra = (
            next((i for i in range(width, len(raw)) if raw[i].strip()), None)
            if len(raw) > width
            else None
        )
        if extra is not None:
            problems.add(
                number,
                column_letter(extra),
                raw[extra],
                f"Column {column_letter(extra)} has a value but no heading.",
            )
            return None
        if self._pick is None:
            return {}
        # One stripped text per file column, "" past a short spreadsheet row's end.
        texts = list(map(str.strip, raw))
        texts += [""] * (width + 1 - len(texts))
        picked = self._pick(texts)
        row = dict(zip(self.index, picked, strict=False))
        # Only a row with a quote somewhere can hold an exported formula's protective quote.
        if "'" in "".join(picked):
            for name, text in row.items():
                if text[:1] == "'":
                    row[name] = cells.unescape(text)
        return row


def _unknown_column(name: str) -> str:
    message = f"{name} is not a column of the case interchange format."
    close = difflib.get_close_matches(name.lower(), NAMES, n=1, cutoff=0.75)
    if close:
        message += f" Did you mean {close[0]}? Column names are case-sensitive."
    return message


class RowChecker:
    """Turns one row's cells into values, adding a problem for each thing wrong."""

    def __init__(self, problems: Problems, today: dt.date):
        self.problems = problems
        self.today = today
        self.terms = {
            kind: {term.code: term for term in model.objects.all()}
            for kind, model in TAXONOMY_MODELS.items()
        }
        self._suggestions: dict[tuple[str, str], str] = {}
        # Dates already read from the file: most rows share a few hundred dates.
        self._days: dict[str, dt.date] = {}
        # Lists of codes already read, by taxonomy and cell: a file repeats a few dozen.
        self._code_lists: dict[tuple[str, str], tuple] = {}
        self._parsers = {
            column.name: (column, getattr(self, f"_{column.kind.value}")) for column in COLUMNS
        }

    def check(self, number: int, cells: dict[str, str]) -> CaseRow | None:
        before = self.problems.total
        row = CaseRow(number, cells)
        values, parsers = row.values, self._parsers
        for name, text in cells.items():
            if text:
                column, parse = parsers[name]
                values[name] = parse(row, column, text)
            else:
                if name in REQUIRED:
                    self._problem(row, name, f"The {name} is missing; every case needs one.")
                values[name] = [] if name in CODES_NAMES else None
        if self.problems.total == before:
            self._check_together(row)
        return row if self.problems.total == before else None

    def parsed(self, number: int, cells: dict[str, str]) -> CaseRow:
        """The row's values whatever is wrong with them (for a case as it already stands)."""
        row = CaseRow(number, cells)
        for name, text in cells.items():
            column = BY_NAME[name]
            empty = [] if column.kind is Kind.CODES else None
            row.values[name] = self._parse(row, column, text) if text else empty
        self._check_together(row)
        return row

    def _problem(self, row: CaseRow, name: str, message: str, value: str | None = None) -> None:
        self.problems.add(
            row.row, name, row.cells.get(name, "") if value is None else value, message
        )

    # --- one cell --------------------------------------------------------------------------

    def _parse(self, row: CaseRow, column: Column, text: str):
        _, parse = self._parsers[column.name]
        return parse(row, column, text)

    def _text(self, row, column, text):
        if len(text) > REFERENCE_LENGTH:
            self._problem(
                row, column.name, f"A reference must be {REFERENCE_LENGTH} characters or fewer."
            )
        elif CONTROL.search(text):
            self._problem(row, column.name, "A reference cannot contain tabs or line breaks.")
        elif INVISIBLE.search(text):
            self._problem(
                row,
                column.name,
                "A reference cannot contain invisible characters (such as a zero-width space), "
                "which would make it look like another reference.",
            )
        return text

    def _code(self, row, column, text):
        term = self.terms[column.taxonomy].get(text)
        if term is None:
            self._problem(row, column.name, self._unknown_code(column.taxonomy, text), text)
        return term

    def _codes(self, row, column, text):
        key = (column.taxonomy, text)
        known = self._code_lists.get(key)
        if known is not None:
            return list(known)
        before = self.problems.total
        terms = self._read_codes(row, column, text)
        if self.problems.total == before:
            self._code_lists[key] = tuple(terms)
        return terms

    def _read_codes(self, row, column, text):
        terms, seen = [], set()
        for code in (part.strip() for part in text.split("|")):
            if code == "":
                self._problem(row, column.name, "There is an empty code between | separators.")
            elif code in seen:
                self._problem(row, column.name, f"{code} is listed twice.")
            else:
                seen.add(code)
                term = self._code(row, column, code)
                if term is not None:
                    terms.append(term)
        return terms

    def _unknown_code(self, kind: str, text: str) -> str:
        key = (kind, text)
        if key not in self._suggestions:
            message = f"{text} is not {TAXONOMY_WORDS[kind]} code."
            close = (
                difflib.get_close_matches(text.lower(), list(self.terms[kind]), n=1)
                if len(text) <= 60  # no fuzzy matching of pasted paragraphs
                else []
            )
            if close:
                message += f" Did you mean {close[0]}?"
            self._suggestions[key] = message
        return self._suggestions[key]

    def _date(self, row, column, text):
        day = self._days.get(text)
        if day is None:
            day = self._read_date(row, column, text)
        if day is not None and column.past_only and day > self.today:
            self._problem(row, column.name, f"{text} is in the future.")
            return None
        return day

    def _read_date(self, row, column, text) -> dt.date | None:
        """The date, or None with a problem; remembered once known to be a good one."""
        if not DATE.fullmatch(text):
            self._problem(row, column.name, _not_a_date(text))
            return None
        try:
            day = dt.date.fromisoformat(text)
        except ValueError:
            self._problem(row, column.name, f"{text} is not a real date.")
            return None
        if not FIRST_YEAR <= day.year <= LAST_YEAR:
            self._problem(row, column.name, f"Dates must be between {FIRST_YEAR} and {LAST_YEAR}.")
            return None
        self._days[text] = day
        return day

    def _boolean(self, row, column, text):
        if text == "true":
            return True
        if text == "false":
            return False
        self._problem(row, column.name, "Write true or false (in lower case), or leave it empty.")
        return None

    def _amount(self, row, column, text):
        # "-50" is a number, just not a payment: told so below, not told how to write one.
        if not AMOUNT.fullmatch(text.removeprefix("-")):
            self._problem(
                row,
                column.name,
                "Write the amount in pounds with no £ sign or commas, for example 250.00.",
            )
            return None
        if text.startswith("-") and Decimal(text) == 0:
            self._problem(row, column.name, "Write 0.00 without a minus sign.")
            return None
        if text.startswith("-"):
            self._problem(
                row,
                column.name,
                "A payment cannot be less than 0.00. Write 0.00 if none was made, or leave "
                "the cell empty if that was not recorded.",
            )
            return None
        # 0.00 is a record that nothing was paid, which the spec keeps apart from an empty
        # cell (not recorded).
        return Decimal(text).quantize(Decimal("0.01"))

    def _outcome(self, row, column, text):
        if text not in OUTCOME_VALUES:
            self._problem(row, column.name, f"A stage outcome must be one of {OUTCOMES}.")
            return None
        return text

    # --- the row as a whole ----------------------------------------------------------------

    def _check_together(self, row: CaseRow) -> None:
        v = row.values
        get = v.get
        record_type = v["record_type"]
        received = v["received_on"]

        # An old system may know what a case was before without the day it changed (the
        # spec makes neither column depend on the other): kept, the date not recorded. A
        # conversion date with nothing converted from is a mistake in the file.
        if get("converted_on") and not get("converted_from"):
            self._problem(row, "converted_from", "Give converted_from with converted_on.", "")
        if get("converted_from") is not None and get("converted_from") == record_type:
            self._problem(row, "converted_from", "A case cannot be converted to its own type.")
        if get("refusal_reason") is not None and record_type.code != "refused":
            self._problem(
                row, "refusal_reason", "A refusal reason is only for the record type refused."
            )
        for name in ("converted_on", "acknowledged_on", "lgsco_received_on", "closed_on"):
            self._not_before(row, name, received, "received_on")
        self._check_stages(row, procedure_for(record_type.procedure))
        # A closed case whose response went unrecorded is kept as it is (an old system's
        # gaps are the council's to see, not a reason to refuse its history); a case
        # closed before a response it records is a mistake in the file.
        for stage in row.stages.values():
            self._not_before(
                row, "closed_on", stage.responded_on, f"stage{stage.number}_responded_on"
            )

    def _not_before(self, row, name, earliest, earliest_name, value=None) -> bool:
        day = row.values.get(name) if value is None else value
        if day is not None and earliest is not None and day < earliest:
            self._problem(
                row,
                name,
                f"{name} ({day.isoformat()}) cannot be before {earliest_name} "
                f"({earliest.isoformat()}).",
                day.isoformat(),
            )
            return False
        return True

    def _check_stages(self, row: CaseRow, procedure) -> None:
        v = row.values
        received = v["received_on"]
        previous: StageDates | None = None
        for number in STAGES:
            names = STAGE_COLUMNS[number]
            # A stage's values are dates, an outcome's text or None: true exactly when given.
            given = any(map(v.get, names))
            started = v.get(names[0])
            implied = False
            if number == 1:
                if not (given or procedure.has_stages):
                    continue
                if started is None:
                    implied = True
                    started = stage1_implied_start(
                        v["record_type"].code, received, v.get("converted_on")
                    )
                else:
                    self._not_before(row, names[0], received, "received_on")
            else:
                if not given:
                    break
                if started is None:
                    self._problem(row, names[0], f"Give the date Stage {number} started.", "")
                    return
                if previous is None:
                    self._problem(
                        row,
                        names[0],
                        f"Stage {number} cannot start without Stage {number - 1}: give "
                        f"stage{number - 1}_started_on or another Stage {number - 1} date.",
                    )
                    return
                # Only the spec's order of dates is checked: legacy files hold stages whose
                # earlier response went unrecorded, or that followed a withdrawal.
                self._not_before(row, names[0], received, "received_on")
                self._not_before(
                    row, names[0], previous.responded_on, f"stage{number - 1}_responded_on"
                )
            stage = StageDates(
                number,
                started,
                extended_to=v.get(names[1]),
                responded_on=v.get(names[2]),
                outcome=v.get(names[3]) or "",
                start_implied=implied,
            )
            if stage.extended_to is not None:
                # Kept as the file gives it, even where the record type's procedure has no
                # such deadline today (a case concern an old system gave a Stage 1 clock):
                # the spec allows it, and a stage without a clock is only history here.
                self._not_before(row, names[1], started, f"stage{number}_started_on")
            # An outcome whose response date went unrecorded (a legacy system's "withdrawn"
            # with no date), like an Ombudsman decision without the date of the enquiry, is
            # kept: the spec makes neither depend on the other, and the measures count an
            # outcome only by its response date, so it is history and not a figure.
            if stage.responded_on is not None:
                self._not_before(row, names[2], started, f"stage{number}_started_on")
            row.stages[number] = stage
            previous = stage


def _not_a_date(text: str) -> str:
    """What is wrong with a date cell that is not YYYY-MM-DD, in the words that fix it.

    Two shapes come from spreadsheets and are told apart, as "write dates as YYYY-MM-DD"
    left the user looking at a cell that showed a date: a date cell formatted as a number
    (Excel's day count, 44823 for 19 September 2022), and a date cell holding a time too.
    """
    serial = SPREADSHEET_DAY.fullmatch(text)
    if serial:
        day = SPREADSHEET_EPOCH + dt.timedelta(days=int(text))
        return (
            f"{text} looks like a spreadsheet's number for the date {day.isoformat()}: write "
            f"it as {day.isoformat()} (in the spreadsheet, format the column as text or as a "
            "date)."
        )
    with_time = DATE_AND_TIME.fullmatch(text)
    if with_time:
        return f"Write the date alone, without a time of day: {with_time.group(1)}, not {text}."
    return "Write dates as YYYY-MM-DD, for example 2022-09-19."
