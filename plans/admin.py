"""Django admin for plans (superusers only). Staff build plans at /manage/plans/; the admin
shows the records, and keeps the lifecycle and published parts read-only: they are changed only
through the services that check their rules."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    AccountabilityItem,
    CapitalLine,
    Commitment,
    LifecycleStep,
    Measure,
    Plan,
    Priority,
    ProgressNote,
    PublishedPart,
    RevenueFigure,
    Section,
)


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class LifecycleStepInline(admin.TabularInline):
    model = LifecycleStep
    fields = ["stage", "date", "note", "reference", "recorded_by", "version"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Plan)
class PlanAdmin(SimpleHistoryAdmin):
    list_display = ["title", "slug", "commissioner", "term_start", "term_end", "stage"]
    list_filter = ["stage", "force_area"]
    search_fields = ["title", "slug", "commissioner"]
    readonly_fields = ["stage", "copied_from"]
    inlines = [LifecycleStepInline]


@admin.register(Section)
class SectionAdmin(SimpleHistoryAdmin):
    list_display = ["title", "plan", "kind", "placement", "order"]
    list_filter = ["kind", "placement", "plan"]


@admin.register(Priority)
class PriorityAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "plan"]
    list_filter = ["plan"]


@admin.register(Commitment)
class CommitmentAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "priority", "status"]
    list_filter = ["status", "priority__plan"]
    readonly_fields = ["status"]


@admin.register(AccountabilityItem)
class AccountabilityItemAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "priority"]
    list_filter = ["priority__plan"]


@admin.register(Measure)
class MeasureAdmin(SimpleHistoryAdmin):
    list_display = ["wording", "plan", "priority", "theme", "direction", "is_national"]
    list_filter = ["plan", "is_national", "direction"]


@admin.register(RevenueFigure)
class RevenueFigureAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "plan", "kind", "financial_year"]
    list_filter = ["plan", "kind"]


@admin.register(CapitalLine)
class CapitalLineAdmin(SimpleHistoryAdmin):
    list_display = ["scheme", "financial_year", "amount_millions", "plan"]
    list_filter = ["plan"]


@admin.register(ProgressNote)
class ProgressNoteAdmin(ReadOnlyAdmin):
    list_display = ["commitment", "date", "status", "recorded_by"]


@admin.register(LifecycleStep)
class LifecycleStepAdmin(ReadOnlyAdmin):
    list_display = ["plan", "stage", "date", "recorded_by", "reference"]
    list_filter = ["stage", "plan"]


@admin.register(PublishedPart)
class PublishedPartAdmin(ReadOnlyAdmin):
    list_display = ["title", "version", "key"]
