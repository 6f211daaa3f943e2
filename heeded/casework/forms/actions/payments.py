"""Payments made on a case, in pounds and pence as people write them."""

from __future__ import annotations

import re
from decimal import Decimal

from django import forms

from heeded.cases import actions
from heeded.cases.actions.records import LARGEST_PAYMENT
from heeded.cases.models import Payment

from ...fields import DateField
from ..base import kept_text
from ._base import ActionForm

# Money as people write it: "250", "250.00", "£250", "1,000.00". Commas only between groups
# of three digits: "1,50" is more likely a decimal comma (£1.50) than a hundred and fifty.
# No "1e3", which Python would read as a thousand.
MONEY = re.compile(r"£?\s*(?P<pounds>\d{1,3}(?:,\d{3})+|\d+)(?P<pence>\.\d+)?")


class AmountField(forms.DecimalField):
    """Pounds and pence, up to the largest payment a case holds, with one message at a time
    as GOV.UK asks (Django would list "too large" and "too many decimal places" together)."""

    def to_python(self, value):
        text = str(value or "").strip()
        if not text:
            return super().to_python(text)
        money = MONEY.fullmatch(text)
        if money is None and MONEY.fullmatch(text.removeprefix("-").strip()):
            # A number below nothing, not a word: said as for £0.
            raise forms.ValidationError(self.error_messages["min_value"], code="min_value")
        if money is None:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return super().to_python(money["pounds"].replace(",", "") + (money["pence"] or ""))

    def run_validators(self, value):
        try:
            super().run_validators(value)
        except forms.ValidationError as error:
            # Pence first: 0.001 and 123456789.123 are most likely a slip of the point.
            errors = sorted(error.error_list, key=lambda e: e.code != "max_decimal_places")
            raise forms.ValidationError(errors[:1]) from None


class PaymentForm(ActionForm):
    amount = AmountField(
        label="Amount, in pounds",
        min_value=Decimal("0.01"),
        max_value=LARGEST_PAYMENT,
        decimal_places=2,
        error_messages={
            "required": "Enter the amount",
            "invalid": "Amount must be a number, like 250.00",
            "min_value": "Amount must be more than £0.00",
            "max_value": f"Amount must be £{LARGEST_PAYMENT:,} or less",
            "max_decimal_places": "Amount must be in pounds and pence, like 250.00",
        },
    )
    paid_on = DateField(
        name="Date paid", label="Date paid (if paid)", required=False, past_only=True
    )
    reason = kept_text(Payment, "reason", label="What for", called="What the payment is for")
    recommended_by_ombudsman = forms.BooleanField(
        required=False, label="Recommended by the Ombudsman"
    )
    # Asked only when a payment of the same amount and date is already on the case.
    separate = forms.BooleanField(
        required=False,
        widget=forms.HiddenInput,
        label="This is a separate payment of the same amount, not the one already recorded",
    )
    button = "Save payment"

    def setup(self):
        if self.is_bound and self.data.get("separate") in ("on", "True", "true"):
            self._ask_if_separate()

    def _ask_if_separate(self) -> None:
        field = self.fields["separate"]
        field.widget = forms.CheckboxInput()
        field.gov_kind = "checkbox"

    def refusal(self, error) -> None:
        if getattr(error, "field", None) == "separate":
            self._ask_if_separate()
        super().refusal(error)

    def perform(self, *, by, version):
        data = self.cleaned_data
        payment = actions.record_payment(
            self.case,
            by=by,
            amount=data["amount"],
            paid_on=data["paid_on"],
            reason=data["reason"],
            recommended_by_ombudsman=data["recommended_by_ombudsman"],
            separate=data["separate"],
            expected_version=version,
        )
        return f"Payment of {payment} recorded"
