"""Turns a bound form into what the GOV.UK component templates need.

Django's own widget rendering does not produce GOV.UK markup (error classes, hints tied by
aria-describedby, conditional reveals, the first radio's id as the error summary's target),
so each field becomes a small dict here and ``templates/public/fields/*.html`` draws it.
"""

from __future__ import annotations

from django import forms

from .fields import GovDateField
from .forms import Question

CHARACTER_COUNT_FROM = 500  # textareas allowing this many characters show a count


def field_id(name: str) -> str:
    return name.replace("_", "-")


def kind_of(field: forms.Field) -> str:
    if isinstance(field, GovDateField):
        return "date"
    if isinstance(field.widget, forms.CheckboxSelectMultiple):
        return "checkboxes"
    if isinstance(field.widget, forms.RadioSelect):
        return "radios"
    if isinstance(field.widget, forms.Textarea):
        return "textarea"
    return "input"


def top_level_fields(form: Question) -> list[str]:
    revealed = {
        n for by_choice in form.conditionals.values() for ns in by_choice.values() for n in ns
    }
    return [n for n in form.fields if n not in revealed and n != "website"]


def heading_field(form: Question) -> str | None:
    """The field whose label is the page's h1 (GOV.UK: one question, label as heading)."""
    if form.intro_template:
        return None
    names = top_level_fields(form)
    return form.heading_field or (names[0] if len(names) == 1 else None)


def field_view(form: Question, name: str, *, is_heading: bool = False) -> dict:
    bound = form[name]
    field = bound.field
    kind = kind_of(field)
    base_id = field_id(name)
    error = bound.errors[0] if bound.errors else ""
    value = bound.value()
    view = {
        "kind": kind,
        "name": name,
        "id": base_id,
        "label": field.label,
        "hint": field.help_text or (form.hint if is_heading else ""),
        "error": error,
        "is_heading": is_heading,
        "classes": form.classes.get(name, ""),
        "type": form.input_types.get(name, "text"),
        "autocomplete": form.autocomplete.get(name, ""),
        "spellcheck_off": name in form.spellcheck_off,
        "value": "" if value is None else value,
        "target": base_id,
    }
    if kind == "textarea":
        view["rows"] = field.widget.attrs.get("rows", 5)
        max_length = getattr(field, "max_length", None)
        if max_length and max_length >= CHARACTER_COUNT_FROM:
            view["maxlength"] = max_length
    if kind == "date":
        parts = value if isinstance(value, list) else field.widget.decompress(value)
        error_parts = getattr(field, "error_parts", ()) if error else ()
        view["parts"] = [
            {
                "name": f"{name}_{part}",
                "id": f"{base_id}-{part}",
                "label": part.title(),
                "value": parts[i] or "",
                "width": 4 if part == "year" else 2,
                "error": part in error_parts or (error and not error_parts),
            }
            for i, part in enumerate(("day", "month", "year"))
        ]
        first_bad = next((p for p in view["parts"] if p["error"]), view["parts"][0])
        view["target"] = first_bad["id"]
    if kind in ("radios", "checkboxes"):
        chosen = value if isinstance(value, list) else [value]
        chosen = {str(v) for v in chosen if v not in (None, "")}
        reveals = form.conditionals.get(name, {})
        hints = getattr(form, "choice_hints", {}).get
        divider = form.dividers.get(name)
        exclusive = form.exclusive.get(name)
        options = []
        for i, (choice, text) in enumerate(field.choices):
            option_id = base_id if i == 0 else f"{base_id}-{i + 1}"
            options.append(
                {
                    "value": choice,
                    "text": text,
                    "id": option_id,
                    "checked": str(choice) in chosen,
                    "hint": hints(choice, ""),
                    "divider_before": divider == choice,
                    "exclusive": exclusive == choice,
                    "conditional_id": f"conditional-{option_id}" if choice in reveals else "",
                    "conditional": [field_view(form, n) for n in reveals.get(choice, ())],
                }
            )
        view["options"] = options
    return view


def page_view(form: Question) -> dict:
    """The fields in page order, the error summary's list, and the heading arrangement."""
    heading = heading_field(form)
    fields = [field_view(form, n, is_heading=(n == heading)) for n in top_level_fields(form)]
    honeypot = field_view(form, "website")
    errors = []

    def collect(views):
        for v in views:
            if v["error"]:
                errors.append({"text": v["error"], "href": f"#{v['target']}"})
            for option in v.get("options", []):
                collect(option["conditional"])

    collect(fields)
    if honeypot["error"]:
        errors.append({"text": honeypot["error"], "href": f"#{honeypot['target']}"})
    errors.extend({"text": e, "href": "#main-content"} for e in form.non_field_errors())
    return {
        "fields": fields,
        "honeypot": honeypot,
        "errors": errors,
        "heading_in_field": heading is not None,
    }
