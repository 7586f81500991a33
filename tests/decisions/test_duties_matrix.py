"""Separation of duties, step by step: who may take each step of a decision (submit, the
monitoring officer's declaration, the chief finance officer's, sign, publish, reject, withdraw),
by office held that day and by role."""

import pytest
from django.utils import timezone

from decisions import services
from decisions.duties import open_steps
from decisions.models import Decision
from pcc_portal.errors import NotPermitted
from tests.decisions.duties_helpers import (
    DECLARED_ON,
    SIGNED_ON,
    SUBMITTED_ON,
    Status,
    _declared,
    _draft,
    _signed,
    _submitted,
)

pytestmark = pytest.mark.django_db


# Each step, the state it starts from, and what the service is called with.
STEPS = {
    "submit": (
        _draft,
        lambda d, by: services.submit_decision(decision=d, by=by, at=SUBMITTED_ON),
    ),
    "legal declaration": (
        _submitted,
        lambda d, by: services.declare_decision(decision=d, by=by, at=DECLARED_ON),
    ),
    "finance declaration": (
        _submitted,
        lambda d, by: services.declare_decision_finance(decision=d, by=by, at=DECLARED_ON),
    ),
    "sign": (
        _declared,
        lambda d, by: services.sign_decision(decision=d, by=by, signed_at=SIGNED_ON),
    ),
    "publish": (
        _signed,
        lambda d, by: services.publish_decision(decision=d, by=by, note="First publication"),
    ),
    "reject": (
        _declared,
        lambda d, by: services.reject_decision(decision=d, by=by, reason="Not affordable"),
    ),
    "withdraw": (
        _submitted,
        lambda d, by: services.withdraw_decision(decision=d, by=by, reason="Superseded"),
    ),
}

# step, who, whether they may (on a Commissioner's decision written by "editor")
MATRIX = [
    ("submit", "editor", True),
    ("submit", "other editor", True),
    ("submit", "commissioner", True),
    ("submit", "deputy", True),
    ("submit", "director", True),
    ("submit", "superuser", True),
    ("submit", "monitoring officer", False),
    ("submit", "finance officer", False),
    ("submit", "panel secretary", False),
    ("submit", "panel member", False),
    ("legal declaration", "monitoring officer", True),
    ("legal declaration", "former monitoring officer", False),
    ("legal declaration", "finance officer", False),
    ("legal declaration", "editor", False),
    ("legal declaration", "other editor", False),
    ("legal declaration", "commissioner", False),
    ("legal declaration", "deputy", False),
    ("legal declaration", "director", False),
    ("legal declaration", "former commissioner", False),
    ("legal declaration", "panel secretary", False),
    ("legal declaration", "panel member", False),
    ("legal declaration", "superuser", False),
    ("finance declaration", "finance officer", True),
    ("finance declaration", "former finance officer", False),
    ("finance declaration", "monitoring officer", False),
    ("finance declaration", "editor", False),
    ("finance declaration", "other editor", False),
    ("finance declaration", "commissioner", False),
    ("finance declaration", "deputy", False),
    ("finance declaration", "director", False),
    ("finance declaration", "panel secretary", False),
    ("finance declaration", "panel member", False),
    ("finance declaration", "superuser", False),
    ("sign", "commissioner", True),
    ("sign", "former commissioner", False),
    ("sign", "deputy", False),
    ("sign", "former deputy", False),
    ("sign", "director", False),
    ("sign", "monitoring officer", False),
    ("sign", "finance officer", False),
    ("sign", "editor", False),
    ("sign", "other editor", False),
    ("sign", "panel secretary", False),
    ("sign", "panel member", False),
    ("sign", "superuser", False),
    ("publish", "editor", True),
    ("publish", "other editor", True),
    ("publish", "commissioner", True),
    ("publish", "deputy", True),
    ("publish", "director", True),
    ("publish", "superuser", True),
    ("publish", "monitoring officer", False),
    ("publish", "finance officer", False),
    ("publish", "panel secretary", False),
    ("publish", "panel member", False),
    ("reject", "commissioner", True),
    ("reject", "former commissioner", False),
    ("reject", "deputy", False),
    ("reject", "director", False),
    ("reject", "monitoring officer", False),
    ("reject", "finance officer", False),
    ("reject", "editor", False),
    ("reject", "panel secretary", False),
    ("reject", "panel member", False),
    ("reject", "superuser", False),
    ("withdraw", "editor", True),
    ("withdraw", "other editor", True),
    ("withdraw", "commissioner", True),
    ("withdraw", "superuser", True),
    ("withdraw", "monitoring officer", False),
    ("withdraw", "finance officer", False),
    ("withdraw", "panel secretary", False),
    ("withdraw", "panel member", False),
]


# What each step changes, to tell that it was taken.
TAKEN = {
    "submit": lambda d: d.status == Status.SUBMITTED,
    "legal declaration": lambda d: d.legal_declared,
    "finance declaration": lambda d: d.finance_declared,
    "sign": lambda d: d.status == Status.SIGNED,
    "publish": lambda d: d.is_published and d.versions.exists(),
    "reject": lambda d: d.status == Status.REJECTED,
    "withdraw": lambda d: d.status == Status.WITHDRAWN,
}


@pytest.mark.parametrize(
    ("step", "who", "may"),
    MATRIX,
    ids=[f"{step}-{who}-{'may' if may else 'may not'}" for step, who, may in MATRIX],
)
def test_who_may_take_each_step(people, step, who, may):
    prepare, take = STEPS[step]
    decision = prepare(people)
    if may:
        take(decision, people[who])
    else:
        with pytest.raises(NotPermitted):
            take(decision, people[who])
    assert TAKEN[step](Decision.objects.get(pk=decision.pk)) is may


def test_the_steps_open_are_those_the_decisions_status_has_each_with_its_refusal(people):
    today = timezone.localdate()
    submitted = _submitted(people)
    assert open_steps(submitted, people["monitoring officer"], on=today) == {
        "legal": "",
        "finance": "Only the chief finance officer may make the chief finance officer's "
        "declaration: "
        f"{people['monitoring officer'].get_full_name()} does not hold the office of Chief "
        f"Finance Officer on {today:%-d %B %Y}.",
        "reject": "Only a decision maker may reject a decision.",
    }
    declared = _declared(people)
    assert open_steps(declared, people["commissioner"], on=today) == {"sign": "", "reject": ""}
    assert open_steps(_signed(people), people["commissioner"], on=today) == {}
