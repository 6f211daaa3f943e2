"""Changing the taxonomy: labels are the council's, codes are for ever.

A code is the interchange format's vocabulary and the key of every report measure
(shared/spec/interchange-v1.md, "Default taxonomy"), so it is fixed once created and a code
that is no longer wanted is retired, never deleted: old cases keep their meaning.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max

from heeded.taxonomy.models import TAXONOMY_MODELS, RecordType, Term, code_validator

from ..models import Action
from . import changelog

CODE_MAX_LENGTH = Term._meta.get_field("code").max_length
EDITABLE = ("label", "description", "position")
# What else each kind has that a complaints manager may change.
EDITABLE_BY_KIND = {
    "record_type": EDITABLE + ("family", "procedure"),
    "outcome": EDITABLE + ("public_wording", "asked_online"),
}


def editable(kind: str) -> tuple[str, ...]:
    return EDITABLE_BY_KIND.get(kind, EDITABLE)


def kind_of(term: Term) -> str:
    return next(kind for kind, model in TAXONOMY_MODELS.items() if isinstance(term, model))


def check_code_format(code: str) -> None:
    """Raise a ValidationError saying what is wrong with how ``code`` is written, if anything."""
    if not code:
        raise ValidationError("Enter a code")
    if len(code) > CODE_MAX_LENGTH:
        raise ValidationError(f"Code must be {CODE_MAX_LENGTH} characters or fewer")
    try:
        code_validator(code)
    except ValidationError:
        raise ValidationError(
            "Code must use only lower-case letters, digits and underscores, like late_response"
        ) from None


def check_new_code(model: type[Term], code: str) -> None:
    """Raise a ValidationError on ``code`` saying what is wrong with it, if anything."""
    try:
        check_code_format(code)
    except ValidationError as error:
        raise ValidationError({"code": error.messages}) from None
    existing = model.objects.filter(code=code).first()
    if existing is not None:
        what = str(model._meta.verbose_name)
        if existing.retired:
            raise ValidationError(
                {
                    "code": f"There is already a retired {what} with the code {code} "
                    f"({existing.label}): put it back in use instead"
                }
            )
        article = "an" if what[0].lower() in "aeiou" else "a"
        raise ValidationError(
            {"code": f"There is already {article} {what} with the code {code} ({existing.label})"}
        )


def check_label_free(model: type[Term], label: str, *, besides: Term | None = None) -> None:
    """Refuse a label another code of the same kind already has: officers choose codes by
    label, and the report would print two rows under one name."""
    same = model.objects.filter(label__iexact=label.strip())
    if besides is not None:
        same = same.exclude(pk=besides.pk)
    other = same.first()
    if other is None:
        return
    if other.retired:
        advice = f"rename that one first, for example to {other.label} (retired)"
        whose = f"the retired code {other.code}"
    else:
        advice = "choose another label"
        whose = f"the code {other.code}"
    raise ValidationError({"label": f"{other.label} is already the label of {whose}: {advice}"})


def next_position(model: type[Term]) -> int:
    highest = model.objects.aggregate(highest=Max("position"))["highest"]
    return 0 if highest is None else highest + 1


def add_term(
    kind: str,
    *,
    by,
    code: str,
    label: str,
    description: str = "",
    position: int | None = None,
    **extra,
) -> Term:
    """Add a code to one kind of the taxonomy (``extra``: a record type's family, procedure)."""
    model = TAXONOMY_MODELS[kind]
    code = (code or "").strip()
    check_new_code(model, code)
    check_label_free(model, label)
    values = dict(
        label=label,
        description=description,
        position=next_position(model) if position is None else position,
        **extra,
    )
    term = model(code=code, **values)
    term.full_clean(validate_unique=False)
    try:
        with transaction.atomic():
            term.save()
            changelog.log_created(by=by, area=kind, subject=code, values=values)
    except IntegrityError:
        # Someone added the same code between our check and our save.
        check_new_code(model, code)
        raise
    return term


def update_term(term: Term, *, by, **changes) -> Term:
    """Change a code's label, description, position (and a record type's family, procedure;
    an outcome's wording on the online form).

    The code itself is not among the things that can change.
    """
    allowed = editable(kind_of(term))
    unknown = set(changes) - set(allowed)
    if unknown:
        raise TypeError(f"These cannot be changed here: {', '.join(sorted(unknown))}")
    if isinstance(term, RecordType) and "procedure" in changes:
        check_procedure_change(term, changes["procedure"])
    if "label" in changes:
        check_label_free(type(term), changes["label"], besides=term)
    before = {name: getattr(term, name) for name in changes}
    for name, value in changes.items():
        setattr(term, name, value)
    term.full_clean(validate_unique=False)
    with transaction.atomic():
        term.save(update_fields=list(changes) or None)
        changelog.log_changes(
            by=by, area=kind_of(term), subject=term.code, before=before, after=changes
        )
    return term


def check_procedure_change(record_type: RecordType, procedure: str) -> None:
    """Refuse to change the procedure of a record type that cases already use.

    The procedure decides which clocks and stages apply. Changing it would move the
    deadlines of every open case of that type and rewrite last year's timeliness figures,
    without anyone touching those cases. The council retires the record type and adds a new
    one with the other procedure, so new cases follow the new rules and old ones keep theirs.
    """
    if procedure == record_type.procedure:
        return
    in_use = record_type.cases.count()
    if in_use:
        cases = "1 case is" if in_use == 1 else f"{in_use} cases are"
        raise ValidationError(
            {
                "procedure": f"The procedure cannot be changed because {cases} recorded as "
                f"{record_type.label}: their deadlines would change. Retire this record type "
                "and add a new one with the procedure you want"
            }
        )


def retire_term(term: Term, *, by) -> Term:
    """Stop offering a code for new cases; cases that have it keep it."""
    return _set_retired(term, True, by=by)


def unretire_term(term: Term, *, by) -> Term:
    return _set_retired(term, False, by=by)


def _set_retired(term: Term, retired: bool, *, by) -> Term:
    if term.retired == retired:
        return term
    with transaction.atomic():
        term.retired = retired
        term.save(update_fields=["retired"])
        changelog.log(
            by=by,
            area=kind_of(term),
            subject=term.code,
            action=Action.RETIRED if retired else Action.UNRETIRED,
            field="retired",
            old=not retired,
            new=retired,
        )
    return term
