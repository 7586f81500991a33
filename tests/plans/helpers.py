"""Building plans in tests: a full plan, and one taken through the statutory steps."""

import datetime

from pcc_portal.accounts import roles
from pcc_portal.publications import services as publishing
from plans import services
from plans.models import Stage
from tests.accounts.factories import UserFactory
from tests.plans.factories import (
    AccountabilityItemFactory,
    CapitalLineFactory,
    CommitmentFactory,
    MeasureFactory,
    PlanFactory,
    PriorityFactory,
    RevenueFigureFactory,
    SectionFactory,
)

STEPS_TO_ISSUE = [
    Stage.CONSULTED,
    Stage.SENT_TO_PANEL,
    Stage.PANEL_RESPONDED,
    Stage.RESPONSE_PUBLISHED,
    Stage.ISSUED,
]


def full_plan(**kwargs):
    """A plan with a section each side of two priorities, their lists, measures and finance."""
    plan = PlanFactory(**kwargs)
    SectionFactory(plan=plan, title="Foreword from the Commissioner", order=1)
    SectionFactory(
        plan=plan, title="Delivering efficient and effective policing", kind="finance",
        placement="after", order=1,
    )  # fmt: skip
    for number, title in [(1, "Getting tough on anti-social behaviour"),
                          (2, "Disrupting and dismantling organised crime")]:  # fmt: skip
        priority = PriorityFactory(plan=plan, number=number, title=title)
        CommitmentFactory(priority=priority, wording=f"Launch a fund for priority {number}")
        AccountabilityItemFactory(priority=priority, wording=f"Repeat offenders ({number})")
        MeasureFactory(plan=plan, priority=priority, wording=f"Public confidence ({number})")
    MeasureFactory(
        plan=plan, priority=None, theme="National crime and policing measures",
        wording="Reduce murder and other homicides", direction="reduce", is_national=True,
    )  # fmt: skip
    RevenueFigureFactory(plan=plan)
    RevenueFigureFactory(plan=plan, kind="band_d_precept", amount="226.45")
    CapitalLineFactory(plan=plan)
    CapitalLineFactory(plan=plan, financial_year="2022/23", amount_millions="10.080")
    return plan


def decision_maker_user(username="plan-decision-maker"):
    return UserFactory(username=username, roles=[roles.DECISION_MAKER])


def issue(plan, by=None, *, render=True, until=Stage.ISSUED):
    """Take the plan through each statutory step up to ``until`` (issuing publishes it) and,
    as the test transaction never commits, run the queued render directly."""
    by = by or decision_maker_user()
    day = datetime.date(2021, 9, 1)
    step = None
    for stage in STEPS_TO_ISSUE[: STEPS_TO_ISSUE.index(until) + 1]:
        day += datetime.timedelta(days=10)
        step = services.record_step(
            plan=plan, stage=stage, date=day, by=by, note=f"{stage.label} note",
            reference="28/2021" if stage == Stage.ISSUED else "",
        )  # fmt: skip
    if render and step and step.version:
        render_version(step.version)
    plan.refresh_from_db()
    return step


def render_version(version):
    publishing.run_render_job(job_id=version.render_job.pk)
    version.refresh_from_db()
    return version


def published_plan(*, by=None, **kwargs):
    """A ``full_plan`` issued (by ``by``, or a decision maker of its own) and so published."""
    plan = full_plan(**kwargs)
    issue(plan, by)
    return plan
