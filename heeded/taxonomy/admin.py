from django.contrib import admin

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


class TermAdmin(admin.ModelAdmin):
    list_display = ["label", "code", "retired", "position"]
    list_filter = ["retired"]
    search_fields = ["label", "code"]
    list_editable = ["retired", "position"]

    def get_readonly_fields(self, request, obj=None):
        # Codes are the interchange vocabulary: fixed once created.
        return ["code"] if obj else []

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(RecordType)
class RecordTypeAdmin(TermAdmin):
    list_display = ["label", "code", "family", "procedure", "retired", "position"]
    list_filter = ["family", "procedure", "retired"]


@admin.register(ServiceTeam)
class ServiceTeamAdmin(TermAdmin):
    list_display = ["label", "code", "level", "parent", "retired", "position"]
    list_filter = ["level", "retired"]


for model in (HowReceived, ComplainantType, Nature, Outcome, RefusalReason, OmbudsmanDecision):
    admin.site.register(model, TermAdmin)
