"""The public register's filters: financial year, plan priority, decision maker and text.

Choices are built from published decisions only, so the filter itself reveals nothing unpublished.
"""

from django import forms

from . import deadlines
from .models import PriorityScope


class RegisterFilterForm(forms.Form):
    q = forms.CharField(label="Search the register", required=False, max_length=200)
    year = forms.TypedChoiceField(
        label="Financial year", required=False, coerce=int, empty_value=None
    )
    priority = forms.ChoiceField(label="Plan priority", required=False)
    decision_maker = forms.ChoiceField(label="Decision maker", required=False)

    def __init__(self, *args, decisions, **kwargs):
        super().__init__(*args, **kwargs)
        years = sorted(
            {year for year in decisions.values_list("financial_year", flat=True) if year},
            reverse=True,
        )
        self.fields["year"].choices = [("", "All years")] + [
            (year, deadlines.financial_year_label(year)) for year in years
        ]
        from plans.models import Priority

        used = (
            Priority.objects.filter(decisions__in=decisions)
            .select_related("plan")
            .distinct()
            .order_by("-plan__term_start", "number")
        )
        self.fields["priority"].choices = [
            ("", "All"),
            (PriorityScope.ALL.value, "Decisions for all priorities"),
            (PriorityScope.GOVERNANCE.value, PriorityScope.GOVERNANCE.label),
        ] + [(str(p.pk), f"{p.title} ({p.plan.title})") for p in used]
        from pcc_portal.accounts.models import Office

        # Offices that made unrestricted published decisions: a restricted stub does not say.
        offices = Office.objects.filter(
            decisions__in=decisions.filter(is_restricted=False)
        ).distinct()
        self.fields["decision_maker"].choices = [("", "Anyone")] + [
            (str(office.pk), office.title) for office in offices
        ]

    def filter(self, decisions):
        if not self.is_valid():
            return decisions
        data = self.cleaned_data
        if data.get("year"):
            decisions = decisions.filter(financial_year=data["year"])
        priority = data.get("priority")
        if priority in (PriorityScope.ALL, PriorityScope.GOVERNANCE):
            decisions = decisions.filter(priority_scope=priority)
        elif priority:
            decisions = decisions.filter(priorities__pk=int(priority))
        if data.get("decision_maker"):
            # Who decided a restricted decision is not on its stub, so a filter must not tell.
            decisions = decisions.filter(
                decision_maker_id=int(data["decision_maker"]), is_restricted=False
            )
        if data.get("q"):
            decisions = decisions.search(data["q"])
        return decisions.distinct()

    @property
    def is_filtered(self):
        return self.is_valid() and any(self.cleaned_data.values())
