"""The pieces models share (abstract bases, field factories, QuerySet methods) serve every model
that uses them as each model's own declaration did."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError

from imports.models import ImportedRecord
from panel.models import PackBuild
from pcc_portal.approvals.models import ApprovalRequest
from pcc_portal.publications.models import RenderJob, Version, Withdrawal
from plans.models import AccountabilityItem, Commitment, Plan
from tests.plans.factories import (
    AccountabilityItemFactory,
    CommitmentFactory,
    PlanFactory,
    PriorityFactory,
)
from tests.transparency.factories import GrantFactory
from transparency.models import (
    Contract,
    ForwardPlanEntry,
    GiftHospitality,
    Grant,
    Interest,
    SmallContract,
    SpendingUpload,
)

REGISTERS = [Interest, GiftHospitality, Grant, Contract, SmallContract, SpendingUpload,
             ForwardPlanEntry]  # fmt: skip


@pytest.mark.parametrize("model", REGISTERS, ids=lambda model: model.__name__)
def test_each_register_keeps_its_own_history_without_the_bookkeeping_column(model):
    history = model.history.model
    assert history.__name__ == f"Historical{model.__name__}"
    assert history._meta.db_table == f"transparency_historical{model._meta.model_name}"
    fields = {field.name for field in history._meta.fields}
    assert "is_sample" in fields
    assert "updated_at" not in fields


@pytest.mark.django_db
def test_a_register_entry_records_each_change_in_its_history():
    grant = GrantFactory(released=False)
    grant.purpose = "Evening youth clubs."
    grant.save()
    assert [record.purpose for record in grant.history.order_by("history_id")] == [
        "Youth diversion activities in the evenings.",
        "Evening youth clubs.",
    ]


@pytest.mark.django_db
def test_a_register_entry_is_public_once_released():
    assert not GrantFactory(released=False).is_public
    assert GrantFactory().is_public


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("factory", "model"),
    [(CommitmentFactory, Commitment), (AccountabilityItemFactory, AccountabilityItem)],
    ids=["commitment", "accountability item"],
)
def test_a_priority_list_item_has_its_siblings_history_and_order(factory, model):
    priority = PriorityFactory()
    second = factory(priority=priority, order=2, wording="Second")
    first = factory(priority=priority, order=1, wording="First")
    factory(priority=PriorityFactory(plan=priority.plan))  # another priority's list

    assert list(first.siblings().in_order()) == [first, second]
    assert all(type(item) is model for item in first.siblings())
    assert list(model.objects.filter(priority=priority)) == [first, second]
    assert str(first) == "First"
    assert first.history.count() == 1


@pytest.mark.parametrize(
    ("model", "name"),
    [(RenderJob, "render_job_attempts_within_cap"), (PackBuild, "pack_build_attempts_within_cap")],
)
def test_each_worker_job_keeps_its_attempts_within_its_cap(model, name):
    (constraint,) = [c for c in model._meta.constraints if c.name == name]
    assert "max_attempts" in str(constraint.condition)


def _rendering_version(obj, *, by):
    """A version still rendering (so not frozen), written directly."""
    return Version.objects.create(
        content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk, number=1,
        title=str(obj), html="", document_html="", change_note="First", published_by=by,
    )  # fmt: skip


@pytest.mark.django_db
def test_rows_about_an_object_are_found_by_its_content_type_and_id(editor):
    plan, other = PlanFactory(), PlanFactory()
    version = _rendering_version(plan, by=editor)
    _rendering_version(other, by=editor)
    withdrawal = Withdrawal.objects.create(
        content_type=version.content_type, object_id=plan.pk, up_to_number=1, reason="Wrong",
        withdrawn_by=editor,
    )  # fmt: skip

    assert list(Version.objects.for_object(plan)) == [version]
    assert list(Withdrawal.objects.for_object(plan)) == [withdrawal]
    assert not Withdrawal.objects.for_object(other).exists()
    assert not ApprovalRequest.objects.for_object(plan).exists()
    assert not ImportedRecord.objects.for_object(plan).exists()


@pytest.mark.django_db
def test_an_unsaved_object_has_no_approval_requests_without_asking_the_database(
    django_assert_num_queries,
):
    with django_assert_num_queries(0):
        assert list(ApprovalRequest.objects.for_object(Plan())) == []


@pytest.mark.django_db
def test_the_database_still_refuses_more_attempts_than_the_cap(editor):
    version = _rendering_version(PlanFactory(), by=editor)
    with pytest.raises(IntegrityError):
        RenderJob.objects.create(
            version=version, renderer_version="1", idempotency_key="k", attempts=5, max_attempts=4
        )
