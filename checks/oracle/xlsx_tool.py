"""CSV to .xlsx and back, for run.py (openpyxl only; nothing of heeded).
xlsx_tool.py to-xlsx IN.csv OUT.xlsx | to-csv IN.xlsx OUT.csv"""

import csv
import sys

import openpyxl

cmd, src, dst = sys.argv[1:4]
if cmd == "to-xlsx":
    wb = openpyxl.Workbook()
    ws = wb.active
    with open(src, newline="", encoding="utf-8-sig") as f:
        for row in csv.reader(f):
            ws.append([c if c != "" else None for c in row])
    wb.save(dst)
else:
    wb = openpyxl.load_workbook(src, read_only=True)
    ws = wb.worksheets[0]
    with open(dst, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        for row in ws.iter_rows(values_only=True):
            w.writerow(
                [
                    "" if v is None else (v.isoformat()[:10] if hasattr(v, "isoformat") else str(v))
                    for v in row
                ]
            )
