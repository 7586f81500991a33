"""Register entries for tests, the publisher who releases them, and a plan in force."""

import datetime
from decimal import Decimal

import factory

from pcc_portal.accounts import roles
from pcc_portal.publications import services as publishing
from tests.accounts.factories import UserFactory
from tests.plans.factories import PlanFactory, PriorityFactory
from tests.plans.helpers import issue
from transparency.models import (
    Contract,
    ForwardPlanEntry,
    GiftHospitality,
    Grant,
    Interest,
)


def register_publisher():
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.filter(username="register-publisher").first()
    return user or UserFactory(username="register-publisher", roles=[roles.EDITOR])


def plan_in_force(slug):
    """An issued plan in force on the registers' dates (from May 2025), whose priorities 1,
    Preventing crime, and 2, Supporting victims, entries name by number."""
    plan = PlanFactory(slug=slug, term_start=datetime.date(2025, 5, 1),
                       term_end=datetime.date(2029, 5, 1))  # fmt: skip
    PriorityFactory(plan=plan, number=1, title="Preventing crime")
    PriorityFactory(plan=plan, number=2, title="Supporting victims")
    issue(plan)
    return plan


class _Entry(factory.django.DjangoModelFactory):
    """An entry, released (a record version) unless made with ``released=False``."""

    is_sample = True

    class Meta:
        skip_postgeneration_save = True

    @factory.post_generation
    def released(obj, create, extracted, **kwargs):
        if create and extracted is not False:
            publishing.publish(obj=obj, by=register_publisher(), note="First release")


class InterestFactory(_Entry):
    class Meta:
        model = Interest

    holder = "Sample Office Holder"
    office = "Police and Crime Commissioner"
    category = Interest.Category.MEMBERSHIP
    description = "Member of a sample community association."
    registered_on = datetime.date(2025, 5, 13)


class GiftFactory(_Entry):
    class Meta:
        model = GiftHospitality

    offered_on = datetime.date(2025, 9, 4)
    recipient = "Sample Office Holder"
    recipient_role = "Police and Crime Commissioner"
    donor = "Sample Partnership Board"
    kind = GiftHospitality.Kind.HOSPITALITY
    description = "Lunch at a partnership conference."
    estimated_value = Decimal("25.00")
    outcome = GiftHospitality.Outcome.ACCEPTED


class GrantFactory(_Entry):
    class Meta:
        model = Grant

    recipient = factory.Sequence(lambda n: f"Sample Community Safety Partnership {n}")
    fund = "Community Action Fund"
    amount = Decimal("12500.00")
    purpose = "Youth diversion activities in the evenings."
    conditions = "Quarterly monitoring returns."
    awarded_on = datetime.date(2025, 7, 1)


class ContractFactory(_Entry):
    class Meta:
        model = Contract

    reference = factory.Sequence(lambda n: f"OPCC-2025-{n:03d}")
    title = "Victims' referral service"
    supplier = "Sample Support Services Ltd"
    value = Decimal("450000.00")
    starts_on = datetime.date(2025, 4, 1)
    ends_on = datetime.date(2028, 3, 31)
    procurement = "Open tender"


class ForwardPlanEntryFactory(_Entry):
    class Meta:
        model = ForwardPlanEntry

    title = "Approve the revenue budget and precept 2026/27"
    expected_on = factory.LazyFunction(
        lambda: datetime.date.today() + datetime.timedelta(days=60)  # noqa: DTZ011
    )
    decision_maker = "Police and Crime Commissioner"
