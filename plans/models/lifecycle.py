"""The statutory lifecycle of a plan: its stages, the steps each may take next, and who may
record them."""

from django.db import models


class Stage(models.TextChoices):
    """The statutory lifecycle of a plan (Police Reform and Social Responsibility Act 2011, s5)."""

    DRAFT = "draft", "Draft"
    PUBLIC_CONSULTED = "public_consulted", "Public and victims consulted"
    CONSULTED = "consulted", "Chief Constable consulted"
    SENT_TO_PANEL = "sent_to_panel", "Sent to the Panel"
    PANEL_RESPONDED = "panel_responded", "Panel report or recommendations received"
    RESPONSE_PUBLISHED = "response_published", "Commissioner's response published"
    ISSUED = "issued", "Issued"
    REVIEWED = "reviewed", "Reviewed"
    VARIED = "varied", "Varied"
    SUPERSEDED = "superseded", "Superseded"


# The statutory steps (s5(6) and s28(3) of the Act): a draft plan, and later a draft variation,
# goes to the Chief Constable, then to the Panel, whose report the Commissioner answers before
# the plan is issued (or varied). ``PUBLISH`` stands for issuing a plan never issued, and varying
# one in force. Once issued, a plan is reviewed (annually), varied (a variation takes the steps
# again, unless it is recorded as minor, with the reason), or superseded by the next term's plan.
PUBLISH = "publish"
IN_FORCE_STAGES = [Stage.ISSUED, Stage.REVIEWED, Stage.VARIED]
# The steps a draft plan or a draft variation takes before it is published.
DRAFTING_STAGES = [Stage.PUBLIC_CONSULTED, Stage.CONSULTED, Stage.SENT_TO_PANEL,
                   Stage.PANEL_RESPONDED, Stage.RESPONSE_PUBLISHED]  # fmt: skip
# A plan in force, whether issued, reviewed or varied, goes on the same ways: reviewed again, a
# variation started (consulting first or not), varied, or superseded.
IN_FORCE_NEXT_STAGES = [Stage.REVIEWED, Stage.PUBLIC_CONSULTED, Stage.CONSULTED, Stage.VARIED,
                        Stage.SUPERSEDED]  # fmt: skip
# Obtaining the views of the people of the area and of victims of crime before a plan is issued
# (Police Act 1996, s96, as the 2011 Act amended it) comes before the Chief Constable's and the
# Panel's steps.
NEXT_STAGES = {
    Stage.DRAFT: [Stage.PUBLIC_CONSULTED, Stage.CONSULTED],
    Stage.PUBLIC_CONSULTED: [Stage.CONSULTED],
    Stage.CONSULTED: [Stage.SENT_TO_PANEL],
    # The Panel may make no report: then there is no response either, and the plan is issued.
    Stage.SENT_TO_PANEL: [Stage.PANEL_RESPONDED, PUBLISH],
    Stage.PANEL_RESPONDED: [Stage.RESPONSE_PUBLISHED],
    Stage.RESPONSE_PUBLISHED: [PUBLISH],
    Stage.ISSUED: IN_FORCE_NEXT_STAGES,
    Stage.REVIEWED: IN_FORCE_NEXT_STAGES,
    Stage.VARIED: IN_FORCE_NEXT_STAGES,
    Stage.SUPERSEDED: [],
}
# Issuing, varying and superseding a plan are the Commissioner's decisions; the other steps
# record work the office does.
STEP_PERMISSIONS = {
    Stage.PUBLIC_CONSULTED: "plans.change_plan",
    Stage.CONSULTED: "plans.change_plan",
    Stage.SENT_TO_PANEL: "plans.change_plan",
    Stage.PANEL_RESPONDED: "plans.change_plan",
    Stage.RESPONSE_PUBLISHED: "plans.change_plan",
    Stage.ISSUED: "plans.publish_plan",
    Stage.REVIEWED: "plans.change_plan",
    Stage.VARIED: "plans.publish_plan",
    Stage.SUPERSEDED: "plans.publish_plan",
}
# Stages in which the plan is in force with no variation under way.
PUBLISHABLE_STAGES = IN_FORCE_STAGES
# Stages whose step publishes a new version of the plan: issuing it, and varying it. They are
# taken from the check page that lists what becomes public, never from the plain step form.
PUBLISHING_STAGES = (Stage.ISSUED, Stage.VARIED)
