"""JSON for the public: the public document's tables, small counts already hidden.

The internal JSON is the measures' own report dict (``heeded report --format json``). Its
exact counts cannot be published, and hiding them key by key would not stop a hidden
count being worked out from a total, so the public file carries the same suppressed tables
the public PDF prints (``document.suppression``), each cell a number or its words.
"""

from __future__ import annotations

import json

from ..document.structure import Document

FORMAT = "heeded-report-public-tables-v1"


def render(document: Document) -> bytes:
    tables = [
        {
            "id": table.id,
            "caption": table.caption,
            "header": table.header,
            "rows": [
                [
                    cell.value if cell.is_number and c else cell.text
                    for c, cell in enumerate(row.cells)
                ]
                for row in table.rows
            ],
            "notes": table.notes,
        }
        for table in document.tables()
    ]
    content = {
        "format": FORMAT,
        "organisation": document.organisation,
        "period": {
            "from": document.period_from,
            "to": document.period_to,
            "label": document.period_label,
        },
        "small_number_threshold": document.threshold,
        "tables": tables,
        # Tables left out because, read with the others, they would give small counts away.
        "tables_not_published": document.not_published,
    }
    return (json.dumps(content, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
