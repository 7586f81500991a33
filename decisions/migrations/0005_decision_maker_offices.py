"""Existing decisions get their decision-making office (the Commissioner's, the Deputy's, or a
delegated officer's for the Director's) and, once signed or declared, the office titles their
record shows; whether they have financial implications (they do when the form says any); and, when
published, whether that was within three working days. A decision
that was awaiting signature with financial implications goes back to awaiting the chief finance
officer's declaration, which signature now needs. Reversible: the offices map back to the old
choices (the status change is not undone: it was the right state under the new rules)."""

from django.db import migrations
from django.utils import timezone

from decisions import deadlines

KINDS = {"commissioner": "commissioner", "deputy": "deputy", "director": "delegated"}
DIRECTOR_TITLE = "Director of the Office of the Police and Crime Commissioner"
DEFAULT_TITLES = {
    "commissioner": "Police and Crime Commissioner",
    "deputy": "Deputy Police and Crime Commissioner",
}


def _office(office_model, choice):
    kind = KINDS.get(choice, "commissioner")
    if kind == "delegated":
        office, _ = office_model.objects.get_or_create(
            title=DIRECTOR_TITLE, defaults={"kind": "delegated"}
        )
        return office
    office = office_model.objects.filter(kind=kind).first()
    return office or office_model.objects.create(kind=kind, title=DEFAULT_TITLES[kind])


def forwards(apps, schema_editor):
    office_model = apps.get_model("accounts", "Office")
    offices = {}
    for model_name in ("Decision", "HistoricalDecision"):
        model = apps.get_model("decisions", model_name)
        for choice in model.objects.values_list("decision_maker", flat=True).distinct():
            if choice not in offices:
                offices[choice] = _office(office_model, choice)
            model.objects.filter(decision_maker=choice).update(
                decision_maker_office=offices[choice]
            )

    decision_model = apps.get_model("decisions", "Decision")
    # What was signed and declared says in which office, as new records do.
    for office in offices.values():
        decision_model.objects.filter(
            decision_maker_office=office, signed_at__isnull=False, signatory_title=""
        ).update(signatory_title=office.title)
    decision_model.objects.filter(declared_at__isnull=False, monitoring_officer_title="").update(
        monitoring_officer_title="Monitoring Officer"
    )
    decision_model.objects.filter(financial_implications="").update(
        has_financial_implications=False
    )
    decision_model.objects.filter(status="declared", has_financial_implications=True).update(
        status="submitted"
    )
    for decision in decision_model.objects.filter(
        status="published", published_at__isnull=False, decision_date__isnull=False
    ):
        published_on = timezone.localdate(decision.published_at)
        decision.published_on_time = published_on <= deadlines.publication_due_on(
            decision.decision_date
        )
        decision.save(update_fields=["published_on_time"])


def backwards(apps, schema_editor):
    choices = {"commissioner": "commissioner", "deputy": "deputy", "delegated": "director"}
    for model_name in ("Decision", "HistoricalDecision"):
        model = apps.get_model("decisions", model_name)
        for kind, choice in choices.items():
            model.objects.filter(decision_maker_office__kind=kind).update(decision_maker=choice)


class Migration(migrations.Migration):
    dependencies = [("decisions", "0004_offices_declarations_compliance")]

    operations = [migrations.RunPython(forwards, backwards)]
