"""A decision's status is its workflow only: drafted, submitted, declared, signed (or rejected or
withdrawn before signature). Whether the public sees it comes from the one publishing mechanism,
its versions and withdrawals (issue "One publishing path", leftovers of item 1)."""

import importlib

import pytest
from django.apps import apps

from decisions.models import Decision
from pcc_portal.publications import services as publishing

pytestmark = pytest.mark.django_db

Status = Decision.Status


def test_the_status_has_no_published_state():
    assert "published" not in Status.values
    assert Status.WITHDRAWN.label == "Withdrawn before signature"


def test_a_published_decision_stays_signed_and_is_public_through_its_version(
    sign, publish_decision, editor
):
    decision = sign()
    assert list(Decision.objects.awaiting_publication()) == [decision]
    publish_decision(decision)
    decision.refresh_from_db()
    assert decision.status == Status.SIGNED and decision.is_published
    assert not Decision.objects.awaiting_publication().exists()
    assert list(Decision.objects.published()) == [decision]
    assert list(Decision.objects.public()) == [decision]


def test_withdrawing_its_version_takes_it_off_the_public_site_without_touching_its_status(
    sign, publish_decision, editor
):
    decision = sign()
    publish_decision(decision)
    publishing.withdraw(obj=decision, by=editor, reason="Published in error")
    decision.refresh_from_db()
    assert decision.status == Status.SIGNED
    assert not Decision.objects.public().exists()
    assert list(Decision.objects.withdrawn()) == [decision]
    assert not decision.publication_overdue()  # it was published: nothing is due


def test_a_decision_signed_but_never_published_is_not_public_and_is_due(sign):
    decision = sign()
    assert not decision.is_published and not Decision.objects.public().exists()
    assert not Decision.objects.published().exists()


def test_the_migration_turns_published_decisions_into_signed_ones(sign, publish_decision):
    migration = importlib.import_module("decisions.migrations.0007_status_is_the_workflow_only")
    published, signed = sign(), sign()
    publish_decision(published)
    Decision.objects.filter(pk=published.pk).update(status="published")  # as stored before
    migration.published_is_signed(apps, None)
    assert Decision.objects.get(pk=published.pk).status == Status.SIGNED
    assert Decision.objects.get(pk=signed.pk).status == Status.SIGNED
    migration.signed_and_published_is_published(apps, None)  # and back
    assert Decision.objects.get(pk=published.pk).status == "published"
    assert Decision.objects.get(pk=signed.pk).status == Status.SIGNED
