"""What is wrong with an import file, cell by cell, as the user will be shown it."""

from __future__ import annotations

from dataclasses import dataclass, field

# Enough to fix a file by; a file with more is usually one systematic mistake.
MAX_SHOWN = 1_000


@dataclass(frozen=True)
class Problem:
    row: int  # as a spreadsheet counts: the header is row 1
    column: str
    value: str
    message: str

    def __str__(self) -> str:
        where = f"Row {self.row:,}"
        if self.column:
            where += f", {self.column}"
        if self.value:
            shown = self.value if len(self.value) <= 60 else self.value[:57] + "..."
            where += f" ({shown!r})"
        return f"{where}: {self.message}"


@dataclass
class Problems:
    """Every problem found, keeping the first MAX_SHOWN and counting the rest."""

    shown: list[Problem] = field(default_factory=list)
    total: int = 0

    def add(self, row: int, column: str, value: str, message: str) -> None:
        self.total += 1
        if len(self.shown) < MAX_SHOWN:
            self.shown.append(Problem(row, column, value[:200], message))

    @property
    def more(self) -> int:
        return self.total - len(self.shown)

    def __bool__(self) -> bool:
        return self.total > 0

    def __iter__(self):
        # In the order of the file: rows are checked a chunk at a time, new cases before
        # updates, so problems are found out of order.
        return iter(sorted(self.shown, key=lambda problem: problem.row))
