"""The Django admin view of cases: for administrators to inspect, never to delete.

Day-to-day work happens in the caseworker application, where the procedure's rules apply;
here state-changing fields are read-only so that nothing bypasses them.
"""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Case, CaseEvent, CaseParty, Contact, Document, Payment, Person, Stage


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class StageInline(ReadOnlyInline):
    model = Stage
    fields = [
        "number",
        "started_on",
        "due_on",
        "extended_to",
        "responded_on",
        "outcome",
        "responding_manager",
    ]


class PartyInline(ReadOnlyInline):
    model = CaseParty
    fields = ["person", "role", "relationship"]


class EventInline(ReadOnlyInline):
    model = CaseEvent
    fields = ["happened_on", "kind", "stage_number", "description", "by"]


class PaymentInline(ReadOnlyInline):
    model = Payment
    fields = ["amount", "paid_on", "reason"]


@admin.register(Case)
class CaseAdmin(SimpleHistoryAdmin):
    list_display = [
        "reference",
        "record_type",
        "received_on",
        "current_stage",
        "next_deadline",
        "closed_on",
    ]
    list_filter = ["record_type", "current_stage", "young_person", "how_received"]
    search_fields = ["reference", "summary", "parties__person__full_name"]
    date_hierarchy = "received_on"
    list_select_related = ["record_type"]
    inlines = [PartyInline, StageInline, PaymentInline, EventInline]
    readonly_fields = [f.name for f in Case._meta.concrete_fields] + [
        "service_teams",
        "natures",
        "outcomes_sought",
        "actual_outcomes",
    ]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Person)
class PersonAdmin(SimpleHistoryAdmin):
    list_display = ["full_name", "email", "postcode"]
    search_fields = ["full_name", "email", "postcode"]

    def has_delete_permission(self, request, obj=None):
        return False


for model in (Contact, Document, Payment):
    admin.site.register(
        model,
        type(
            f"{model.__name__}Admin",
            (admin.ModelAdmin,),
            {
                "has_delete_permission": lambda self, request, obj=None: False,
            },
        ),
    )
