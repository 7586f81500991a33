"""A status shows as a GOV.UK tag whose colour its object names (``tag_class``): every status
has one, so no template chooses a colour for itself."""

import pytest

from imports.models import ImportRun
from panel.models import Meeting, PackBuild
from pcc_portal.publications.models import RenderJob
from performance.models import ScrutinyAction
from plans.models import Commitment
from plans.models.lifecycle import Stage
from tests.plans.factories import PlanFactory
from transparency.models import SpendingUpload

GOVUK_TAG_COLOURS = {
    f"govuk-tag--{colour}"
    for colour in (
        "grey",
        "green",
        "turquoise",
        "blue",
        "light-blue",
        "purple",
        "pink",
        "red",
        "orange",
        "yellow",
    )
}

MODELS = [Commitment, ScrutinyAction, Meeting, ImportRun, RenderJob, PackBuild]


@pytest.mark.parametrize("model", MODELS, ids=[model.__name__ for model in MODELS])
def test_every_status_has_a_govuk_tag_colour(model):
    colours = {model(status=status).tag_class for status in model.Status.values}
    assert colours <= GOVUK_TAG_COLOURS
    assert len(colours) > 1


@pytest.mark.parametrize(
    ("status", "colour"),
    [
        (RenderJob.Status.QUEUED, "govuk-tag--blue"),
        (RenderJob.Status.RUNNING, "govuk-tag--blue"),
        (RenderJob.Status.FAILED, "govuk-tag--orange"),
        (RenderJob.Status.DEAD, "govuk-tag--red"),
        (RenderJob.Status.SUCCEEDED, "govuk-tag--green"),
        (PackBuild.Status.READY, "govuk-tag--green"),
    ],
)
def test_a_worker_job_is_green_only_once_done_and_red_once_given_up(status, colour):
    model = PackBuild if status == PackBuild.Status.READY else RenderJob
    assert model(status=status).tag_class == colour


@pytest.mark.parametrize(
    ("state", "colour"),
    [
        (SpendingUpload.State.DRAFT, "govuk-tag--blue"),
        (SpendingUpload.State.RELEASED, "govuk-tag--green"),
        (SpendingUpload.State.WITHDRAWN, "govuk-tag--grey"),
    ],
)
def test_a_month_of_spending_is_coloured_by_its_state(state, colour):
    upload = SpendingUpload()
    upload.state = state  # worked out from its release and its versions
    assert upload.tag_class == colour


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("stage", "colour"),
    [
        (Stage.DRAFT, "govuk-tag--blue"),
        (Stage.SENT_TO_PANEL, "govuk-tag--blue"),
        (Stage.ISSUED, "govuk-tag--green"),
        (Stage.VARIED, "govuk-tag--green"),
        (Stage.SUPERSEDED, "govuk-tag--grey"),
    ],
)
def test_a_plan_is_green_while_in_force(stage, colour):
    assert PlanFactory(stage=stage).tag_class == colour
