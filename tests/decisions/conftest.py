"""Fixtures for decisions: declaring, signing and publishing one at a given time, and PDFs."""

import datetime
import zoneinfo

import pytest

from decisions import services
from tests.accounts.factories import finance_officer_user, monitoring_officer_user
from tests.decisions.factories import DecisionFactory

LONDON = zoneinfo.ZoneInfo("Europe/London")


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
