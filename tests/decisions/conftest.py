"""Fixtures for decisions: declaring, signing and publishing one at a given time, PDFs, and the
people the separation-of-duties tests ask."""

import datetime
import zoneinfo

import pytest

from decisions import services
from pcc_portal.accounts import roles
from pcc_portal.accounts.models import Office
from tests.accounts.factories import (
    UserFactory,
    finance_officer_user,
    hold,
    monitoring_officer_user,
)
from tests.decisions.factories import DecisionFactory

LONDON = zoneinfo.ZoneInfo("Europe/London")
ENDED = datetime.date(2021, 6, 30)  # before every date the separation-of-duties steps are taken on


def at(year, month, day, hour=12, minute=0):
    """A UK local time, as decision makers sign."""
    return datetime.datetime(year, month, day, hour, minute, tzinfo=LONDON)


def declare(decision, at=None):
    """Make a submitted decision's declarations, each by the holder of its office: the
    monitoring officer's, and the chief finance officer's when it has financial implications."""
    services.declare_decision(decision=decision, by=monitoring_officer_user(), at=at)
    if decision.has_financial_implications:
        services.declare_decision_finance(decision=decision, by=finance_officer_user(), at=at)
    return decision


@pytest.fixture
def sign(editor, decision_maker):
    """Take a draft through submission and both declarations to its signature by the
    Commissioner, or ``signed_by`` (at ``signed_at``)."""

    def _sign(decision=None, signed_at=None, priorities=(), signed_by=None, **fields):
        decision = decision or DecisionFactory(**fields)
        if priorities:
            decision.priorities.add(*priorities)
        services.submit_decision(decision=decision, by=editor)
        declare(decision)
        services.sign_decision(
            decision=decision, by=signed_by or decision_maker, signed_at=signed_at
        )
        return decision

    return _sign


@pytest.fixture
def publish_decision(editor, django_capture_on_commit_callbacks):
    """Publish a signed decision and run its PDF render, as a commit would."""

    def _publish(decision, note="First publication"):
        with django_capture_on_commit_callbacks(execute=True):
            version = services.publish_decision(decision=decision, by=editor, note=note)
        version.refresh_from_db()
        return version

    return _publish


def pdf_bytes(text="A business case"):
    """A small, valid one-page PDF whose text says ``text``."""
    from pcc_portal.publications.pdf import render_pdf

    html = (
        "<!DOCTYPE html><html lang='en'><head><title>t</title></head>"
        f"<body><p>{text}</p></body></html>"
    )
    return render_pdf(html).content


@pytest.fixture
def pdf_file():
    from django.core.files.uploadedfile import SimpleUploadedFile

    def _file(name="business-case.pdf", text="A business case"):
        return SimpleUploadedFile(name, pdf_bytes(text), content_type="application/pdf")

    return _file


@pytest.fixture
def people(
    editor, decision_maker, deputy, monitoring_officer, finance_officer, panel_member, superuser
):
    """Everyone the matrix asks, by name."""
    director_office = Office.objects.create(
        kind=Office.Kind.DELEGATED,
        title="Director of Resources",
        delegation="Contracts and grants within the approved budget.",
        value_limit=50_000,
    )
    director = hold(
        UserFactory(username="director", roles=[roles.DECISION_MAKER]), office=director_office
    )
    former_monitoring_officer = hold(
        UserFactory(username="former-monitoring", roles=[roles.STATUTORY_OFFICER]),
        Office.Kind.MONITORING_OFFICER,
        ends_on=ENDED,
    )
    former_finance_officer = hold(
        UserFactory(username="former-finance", roles=[roles.STATUTORY_OFFICER]),
        Office.Kind.CHIEF_FINANCE_OFFICER,
        ends_on=ENDED,
    )
    former_commissioner = hold(
        UserFactory(username="former-commissioner", roles=[roles.DECISION_MAKER]),
        Office.Kind.COMMISSIONER,
        ends_on=ENDED,
    )
    former_deputy = hold(
        UserFactory(username="former-deputy", roles=[roles.DECISION_MAKER]),
        Office.Kind.DEPUTY,
        ends_on=ENDED,
    )
    return {
        "editor": editor,
        "other editor": UserFactory(username="other-editor", roles=[roles.EDITOR]),
        "commissioner": decision_maker,
        "deputy": deputy,
        "director": director,
        "monitoring officer": monitoring_officer,
        "finance officer": finance_officer,
        "former monitoring officer": former_monitoring_officer,
        "former finance officer": former_finance_officer,
        "former commissioner": former_commissioner,
        "former deputy": former_deputy,
        "panel secretary": UserFactory(username="secretary", roles=[roles.PANEL_SECRETARY]),
        "panel member": panel_member,
        "superuser": superuser,
    }
