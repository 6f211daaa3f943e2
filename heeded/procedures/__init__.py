"""Statutory and local procedures, declared once as data (see ``declarations.py``)."""

from .declarations import PROCEDURES, procedure_for
from .rules import Clock, CountsFrom, Oversight, Procedure, StageRule, Unit

__all__ = [
    "PROCEDURES",
    "Clock",
    "CountsFrom",
    "Oversight",
    "Procedure",
    "StageRule",
    "Unit",
    "procedure_for",
]
