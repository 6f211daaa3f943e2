"""The timescales a report measures complaints against, and says in its words, read from the
statutory procedure's declaration (``heeded.procedures.declarations``).

The spec's complaints are cases accepted into the Children Act 1989 procedure
(measures-v1.md, "Which cases each measure counts"), so its clocks are the ones counted: the
figures and the sentences beside them cannot then disagree with the deadlines officers see.
The measures' keys ("within_10", "complaints.acknowledged_within_3") are the spec's names
and stay as they are written there.
"""

from __future__ import annotations

from heeded.procedures.declarations import CHILDREN_STATUTORY

_STAGE1, _STAGE2, _STAGE3 = (CHILDREN_STATUTORY.stage(n) for n in (1, 2, 3))

# Working days from receipt to the acknowledgement.
ACKNOWLEDGEMENT_DAYS = CHILDREN_STATUTORY.acknowledgement.limit
# (normal limit, the most an agreed extension may allow), in working days.
STAGE_LIMITS = {
    rule.number: (rule.response.limit, rule.response.max_limit) for rule in (_STAGE1, _STAGE2)
}
# Working days from the Stage 3 request to the review panel meeting.
PANEL_DAYS = _STAGE3.panel.limit

STAGE1_DAYS, STAGE1_MOST_DAYS = STAGE_LIMITS[1]
STAGE2_DAYS, STAGE2_MOST_DAYS = STAGE_LIMITS[2]

# Stage 1 responses by working days taken: the measure's keys, with their words.
STAGE1_BANDS = [
    ("within_10", f"Within {STAGE1_DAYS} working days"),
    ("11_to_20", f"{STAGE1_DAYS + 1} to {STAGE1_MOST_DAYS} working days"),
    ("over_20", f"Over {STAGE1_MOST_DAYS} working days"),
]
