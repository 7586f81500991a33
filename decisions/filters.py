"""The decision lists' filters: the public register's (financial year, plan priority, decision
maker and text) and the staff list's (status).

The public choices are built from published decisions only, so the filter itself reveals nothing
unpublished.
"""

import django_filters
from django import forms

from pcc_portal.financial_year import financial_year_label
from plans.models import Priority

from .models import Decision, PriorityScope


class RegisterFilterForm(forms.Form):
    @property
    def is_filtered(self):
        return self.is_valid() and any(self.cleaned_data.values())


class DecisionFilter(django_filters.FilterSet):
    """``queryset`` is the published decisions to filter; the choices come from
    ``Decision.objects.public()``. A query string the form refuses filters nothing."""

    q = django_filters.CharFilter(label="Search the register", max_length=200, method="search")
    year = django_filters.TypedChoiceFilter(
        field_name="financial_year",
        label="Financial year",
        coerce=int,
        empty_value=None,
    )
    priority = django_filters.ChoiceFilter(
        label="Plan priority", method="filter_priority", empty_label=None
    )
    decision_maker = django_filters.ChoiceFilter(
        label="Decision maker", method="filter_decision_maker", empty_label=None
    )

    class Meta:
        form = RegisterFilterForm

    def __init__(self, data, *, queryset, decisions):
        super().__init__(data, queryset=queryset)
        years = sorted(
            {year for year in decisions.values_list("financial_year", flat=True) if year},
            reverse=True,
        )
        self.filters["year"].extra["choices"] = [("", "All years")] + [
            (year, financial_year_label(year)) for year in years
        ]

        used = (
            Priority.objects.filter(decisions__in=decisions)
            .select_related("plan")
            .distinct()
            .order_by("-plan__term_start", "number")
        )
        self.filters["priority"].extra["choices"] = [
            ("", "All"),
            (PriorityScope.ALL.value, "Decisions for all priorities"),
            (PriorityScope.GOVERNANCE.value, PriorityScope.GOVERNANCE.label),
        ] + [(str(p.pk), f"{p.title} ({p.plan.title})") for p in used]
        from pcc_portal.accounts.models import Office

        # Offices that made unrestricted published decisions: a restricted stub does not say.
        offices = Office.objects.filter(
            decisions__in=decisions.filter(is_restricted=False)
        ).distinct()
        self.filters["decision_maker"].extra["choices"] = [("", "Anyone")] + [
            (str(office.pk), office.title) for office in offices
        ]

    def filter_queryset(self, queryset):
        if not self.form.is_valid():
            return queryset
        return super().filter_queryset(queryset).distinct()

    def search(self, decisions, name, value):
        return decisions.search(value)

    def filter_priority(self, decisions, name, value):
        if value in (PriorityScope.ALL, PriorityScope.GOVERNANCE):
            return decisions.filter(priority_scope=value)
        return decisions.filter(priorities__pk=int(value))

    def filter_decision_maker(self, decisions, name, value):
        # Who decided a restricted decision is not on its stub, so a filter must not tell.
        return decisions.filter(decision_maker_id=int(value), is_restricted=False)


class StaffDecisionFilter(django_filters.FilterSet):
    """The staff list's filter: a decision's status. A status the form refuses filters nothing."""

    status = django_filters.ChoiceFilter(choices=Decision.Status.choices, empty_label="Any status")

    @property
    def chosen_status(self):
        """The status filtered on, or "" for any."""
        return self.form.cleaned_data.get("status", "") if self.form.is_valid() else ""
