"""Cases in and out in the case interchange format (shared/spec/interchange-v1.md).

Where the spec leaves a choice open, what Heeded does and why is in docs/interchange-readings.md.

- ``columns.py``: the spec's 30 columns, in its order, declared once.
- ``reading.py``: a CSV or XLSX file as a header and numbered rows of text, refusing hostile
  or mistaken files (size, encoding, binary, zip bombs, endless or empty rows) early.
- ``cells.py``: formula escaping on export and its exact undoing on import.
- ``validation.py``: every problem of every row (row, column, value, what is wrong).
- ``importing.py``: all or nothing, in one transaction, chunk by chunk (``heeded import``).
- ``writing.py``: valid rows as cases, stages, deadlines (the application's own clock
  functions), timeline events and history, in bulk (``heeded/cases/bulk.py``: COPY on
  PostgreSQL, executemany on SQLite).
- ``timeline.py``: the events the application would have written for an imported case.
- ``exporting.py``: the same format out, streamed, reproducible byte for byte
  (``heeded export``).
- ``views.py``: upload, check, confirm, for complaints managers (``/import/``).
"""
