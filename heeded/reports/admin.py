from django.contrib import admin

from .models import Recommendation, RecommendationProgress


class ProgressInline(admin.StackedInline):
    model = RecommendationProgress
    extra = 1


@admin.register(Recommendation)
class RecommendationAdmin(admin.ModelAdmin):
    list_display = ["title", "raised_in", "position"]
    list_filter = ["raised_in"]
    search_fields = ["title", "text"]
    inlines = [ProgressInline]
