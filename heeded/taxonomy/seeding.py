"""Load the default taxonomy; safe to run again (existing codes and labels are kept)."""

from . import defaults
from .models import (
    ComplainantType,
    HowReceived,
    Nature,
    OmbudsmanDecision,
    Outcome,
    RecordType,
    RefusalReason,
    ServiceTeam,
)


def seed_default_taxonomy(models=None) -> None:
    """Create every default code that is missing. ``models`` lets a migration pass its own."""
    m = models or {
        "RecordType": RecordType,
        "HowReceived": HowReceived,
        "ComplainantType": ComplainantType,
        "ServiceTeam": ServiceTeam,
        "Nature": Nature,
        "Outcome": Outcome,
        "RefusalReason": RefusalReason,
        "OmbudsmanDecision": OmbudsmanDecision,
    }
    for position, (code, label, family, procedure, description) in enumerate(defaults.RECORD_TYPES):
        m["RecordType"].objects.get_or_create(
            code=code,
            defaults=dict(
                label=label,
                family=family,
                procedure=procedure,
                description=description,
                position=position,
            ),
        )
    simple = [
        ("HowReceived", defaults.HOW_RECEIVED),
        ("ComplainantType", defaults.COMPLAINANT_TYPES),
        ("Nature", defaults.NATURES),
        ("Outcome", defaults.OUTCOMES),
        ("RefusalReason", defaults.REFUSAL_REASONS),
        ("OmbudsmanDecision", defaults.OMBUDSMAN_DECISIONS),
    ]
    for model_name, rows in simple:
        for position, (code, label) in enumerate(rows):
            m[model_name].objects.get_or_create(
                code=code,
                defaults=dict(label=label, position=position, **_online(m[model_name], code)),
            )
    for position, (code, label, level, parent_code) in enumerate(defaults.SERVICE_TEAMS):
        parent = m["ServiceTeam"].objects.get(code=parent_code) if parent_code else None
        m["ServiceTeam"].objects.get_or_create(
            code=code, defaults=dict(label=label, level=level, parent=parent, position=position)
        )


def _online(model, code: str) -> dict:
    """An outcome's wording on the online complaint form, and whether it is offered there.

    Nothing for other kinds, nor for an outcome as migrations before these fields know it.
    """
    if not any(f.name == "public_wording" for f in model._meta.get_fields()):
        return {}
    return {
        "public_wording": defaults.PUBLIC_OUTCOME_WORDING.get(code, ""),
        "asked_online": code not in defaults.NOT_ASKED_ONLINE,
    }
