"""Importing an interchange file: all or nothing, every problem reported at once.

One pass over the file, a chunk of rows at a time: each chunk is checked (cells, dates in
order, references unique in the file and, unless updating, new to the database) and, while
no problem has been found anywhere, written. Everything happens inside one transaction; if
any row of the file has a problem (or it is a dry run), the transaction is rolled back, so
nothing is written, and every problem of the file is still reported. Memory stays flat
however long the file is: only references are kept from one chunk to the next.
"""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass, field
from pathlib import Path

from django.db import OperationalError, connection, transaction
from tqdm import tqdm

from heeded.cases import bulk
from heeded.cases.models import Case

from .cells import needs_quote
from .exporting import export_rows
from .problems import Problems
from .reading import FileRefused, open_table
from .validation import CaseRow, Header, RowChecker
from .writing import Batch, Writer

CHUNK = 2_000
# Any fixed number: the key of the PostgreSQL lock that one import holds at a time.
IMPORT_LOCK = 5_492_001
# How long an import waits for another to finish on PostgreSQL before giving up, as SQLite
# gives up after its busy timeout: well inside a web server's time limit for one request.
LOCK_WAIT_SECONDS = 20
BUSY = (
    "Another import, or another large change, is being saved at this moment. Nothing was "
    "written. Try again in a minute."
)


# How to change a case that already exists, in the words of where the file was imported: a
# council officer in the application has no "--update" to type.
HOW_TO_UPDATE_COMMAND = "Import with --update to change it."
HOW_TO_UPDATE_APPLICATION = (
    "To change it, upload the file again with 'Update cases that already exist' ticked."
)
# A spreadsheet runs such a cell as a formula, so the export writes it with a ' in front:
# the export would not give the file's cell back. Cases imported before this was refused
# keep their references, and an update still finds them.
FORMULA_REFERENCE = (
    "A new reference cannot begin with =, +, - or @: a spreadsheet would run it as a "
    "formula, so the export could not give it back unchanged. Begin it with a letter or "
    "a number."
)


@dataclass
class ImportReport:
    file_name: str
    dry_run: bool = False
    how_to_update: str = HOW_TO_UPDATE_COMMAND
    problems: Problems = field(default_factory=Problems)
    refused: str = ""  # why the file could not be read at all
    to_create: int = 0
    to_update: int = 0
    unchanged: int = 0
    written: bool = False

    @property
    def ok(self) -> bool:
        return not self.refused and not self.problems

    @property
    def no_cases(self) -> bool:
        """A header and nothing under it: nothing to confirm."""
        return self.ok and not (self.to_create or self.to_update or self.unchanged)

    def summary(self) -> str:
        if self.refused:
            return f"{self.file_name} was not imported: {self.refused}"
        if self.problems:
            return (
                f"{self.file_name} was not imported: {self.problems.total:,} "
                f"problem{'s' if self.problems.total != 1 else ''} found. Nothing was written."
            )
        counts = (
            f"{self.to_create:,} case{'s' if self.to_create != 1 else ''} to create, "
            f"{self.to_update:,} to update, {self.unchanged:,} unchanged"
        )
        if self.written:
            return (
                f"Imported {self.file_name}: {self.to_create:,} "
                f"case{'s' if self.to_create != 1 else ''} created, {self.to_update:,} updated, "
                f"{self.unchanged:,} unchanged."
            )
        return f"{self.file_name} is valid: {counts}. Nothing was written (dry run)."


class _RollBack(Exception):
    pass


def import_file(
    path: str | Path,
    *,
    by,
    file_name: str | None = None,
    update: bool = False,
    dry_run: bool = False,
    progress: bool = False,
    today: dt.date | None = None,
    how_to_update: str = HOW_TO_UPDATE_COMMAND,
) -> ImportReport:
    """Check and (unless ``dry_run`` or anything is wrong) import the file at ``path``."""
    file_name = file_name or Path(path).name
    report = ImportReport(file_name, dry_run=dry_run, how_to_update=how_to_update)
    today = today or dt.date.today()
    try:
        with bulk.loading(), transaction.atomic():
            _one_import_at_a_time()
            _run(path, report, by=by, update=update, today=today, progress=progress)
            if not report.ok or dry_run:
                raise _RollBack
            report.written = True
    except _RollBack:
        pass
    except FileRefused as refused:
        report.refused = str(refused)
    except OperationalError as error:
        if not _gave_up_waiting(error):
            raise
        report.refused = BUSY
    return report


def _one_import_at_a_time() -> None:
    """Wait, inside the import's transaction, until no other import is running.

    Two managers confirming files with the same new references at once would otherwise
    both find them new, and the second would fail on the database's uniqueness rule
    with a server error. Waiting, the second checks its file against what the first
    wrote and names each reference already taken. SQLite needs nothing: the import's
    transaction is IMMEDIATE, so it is already the only writer. Either way the wait is
    limited, and an import that waits too long writes nothing and says why (BUSY).
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT set_config('lock_timeout', %s, true)", [f"{LOCK_WAIT_SECONDS}s"])
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [IMPORT_LOCK])
            # Only this wait is limited: the import's own row locks wait as usual.
            cursor.execute("SET LOCAL lock_timeout TO DEFAULT")


def _gave_up_waiting(error: OperationalError) -> bool:
    """SQLite's busy timeout, or PostgreSQL's lock_timeout (SQLSTATE 55P03), ran out."""
    return "database is locked" in str(error) or (
        getattr(error.__cause__, "sqlstate", None) == "55P03"
    )


def _run(path, report: ImportReport, *, by, update: bool, today: dt.date, progress=False):
    with open_table(path, report.file_name, report.problems) as table:
        header = Header(table.header, table.format)
        header.check(report.problems)
        if header.missing_required:
            # Every row would be wrong for the same reason: say it once, at the header.
            return
        # Past any other header problem (an unknown or repeated column) the rows are still
        # checked, so that every problem in the file is named at once; nothing is written
        # once there is a problem.
        rows = tqdm(
            table.rows,
            desc=report.file_name,
            unit=" rows",
            file=sys.stderr,
            disable=not progress,
            mininterval=0.5,
        )
        with bulk.Alongside() as alongside:
            job = _Job(report, by=by, update=update, today=today, alongside=alongside)
            chunk: list[tuple[int, dict[str, str]]] = []
            for number, raw in rows:
                cells = header.cells(number, raw, report.problems)
                if cells is not None:
                    chunk.append((number, cells))
                if len(chunk) == CHUNK:
                    job.process(chunk)
                    chunk = []
            job.process(chunk)
            job.write_checked()


class _Job:
    """Chunk by chunk: look its references up, check it, write it.

    A chunk is written on a second thread (``alongside``) while the next one is checked, so
    reading the file and storing it overlap; lookups happen between two writes.
    """

    def __init__(self, report: ImportReport, *, by, update: bool, today: dt.date, alongside):
        self.report = report
        self.alongside = alongside
        self.update = update
        self.checker = RowChecker(report.problems, today)
        # The case as it stands is parsed apart, so its own oddities are not the file's.
        self.reader = RowChecker(Problems(), today)
        self.writer = (
            None if report.dry_run else Writer(by=by, file_name=report.file_name, today=today)
        )
        self.seen: dict[str, int] = {}
        self.built: Batch | None = None  # the chunk last checked, ready to store

    def process(self, chunk: list[tuple[int, dict[str, str]]]) -> None:
        if not chunk:
            return
        # Queries first, while nothing is being written.
        self.alongside.wait()
        existing, previous = self._look_up(chunk)
        if self.writer is not None:
            self.writer.reserve(len(chunk))
        self.write_checked()
        creating, updating = self._check(chunk, existing, previous)
        if self.writer is not None and not self.report.problems:
            self.built = self.writer.build(creating, updating)

    def write_checked(self) -> None:
        """Start storing the chunk last checked, unless nothing is to be written."""
        built, self.built = self.built, None
        if built is not None and not self.report.problems:
            self.alongside.start(self.writer.store, built)

    def _look_up(self, chunk) -> tuple[dict[str, int], dict[str, dict[str, str]]]:
        """The chunk's cases already in the database, and (updating) their rows as they are."""
        problems = self.report.problems
        first_seen = []
        for number, cells in chunk:
            reference = cells.get("reference", "")
            if reference and reference in self.seen:
                problems.add(
                    number,
                    "reference",
                    reference,
                    f"The reference {reference} is also on row {self.seen[reference]:,}.",
                )
            elif reference:
                self.seen[reference] = number
                first_seen.append(reference)
        existing = bulk.keys_by(Case, "reference", first_seen)
        previous = {}
        if self.update and existing:
            previous = {
                cells["reference"]: cells
                for cells in export_rows(Case.objects.filter(id__in=existing.values()))
            }
        return existing, previous

    def _check(self, chunk, existing, previous) -> tuple[list[CaseRow], list[CaseRow]]:
        """The chunk's rows to create and to update; each problem is added to the report."""
        problems = self.report.problems
        creating: list[CaseRow] = []
        updating: list[CaseRow] = []
        for number, cells in chunk:
            reference = cells.get("reference", "")
            if self.seen.get(reference) != number:
                self.checker.check(number, cells)  # a duplicate: still report its cells
                continue
            if reference not in existing:
                row = self.checker.check(number, cells)
                if needs_quote(reference):
                    problems.add(number, "reference", reference, FORMULA_REFERENCE)
                elif row is not None:
                    creating.append(row)
                continue
            if not self.update:
                problems.add(
                    number,
                    "reference",
                    reference,
                    f"A case with the reference {reference} already exists. "
                    f"{self.report.how_to_update}",
                )
                self.checker.check(number, cells)
                continue
            old = previous[reference]
            row = self.checker.check(number, {**old, **cells})
            if row is None:
                continue
            if row.canonical() == old:
                self.report.unchanged += 1
                continue
            row.previous = self.reader.check(number, old) or self.reader.parsed(number, old)
            updating.append(row)
        self.report.to_create += len(creating)
        self.report.to_update += len(updating)
        return creating, updating
