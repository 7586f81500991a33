"""Who may take each step of a decision: the offices held on the day, and no one in two parts.

The monitoring officer's declaration (legal) is made by whoever holds the Monitoring Officer
office that day, the chief finance officer's (financial implications) by whoever holds the Chief
Finance Officer office, and the signature by whoever holds the decision's own office, within its
value limit. The author (who drafted or submitted it), each declarer and the signatory are
different people on one decision. Each ``*_refusal`` function returns why ``user`` may not take the
step, or ``""`` when they may: the services raise it, the staff page shows it (``open_steps``).
"""

from dataclasses import dataclass

from pcc_portal.accounts.models import Office, OfficeHolding

from .models import Decision

Status = Decision.Status


def holding(user, *, on, office=None, kind=None):
    """The office holding by which ``user`` holds ``office`` (or an office of ``kind``) on the
    day ``on``, or None. An ended holding does not count."""
    if user is None or not user.is_authenticated:
        return None
    holdings = OfficeHolding.objects.on(on).filter(user=user).select_related("office")
    if office is not None:
        holdings = holdings.filter(office=office)
    if kind is not None:
        holdings = holdings.filter(office__kind=kind)
    return holdings.order_by("-starts_on").first()


def holder_name(user):
    return user.get_full_name() or user.get_username()


def _authors(decision):
    return {decision.created_by_id, decision.submitted_by_id} - {None}


def _on(day):
    return f"{day:%-d %B %Y}"


def _money(amount):
    return f"\u00a3{amount:,.2f}".removesuffix(".00")


@dataclass(frozen=True)
class Declaration:
    """One of a decision's two declarations: who makes it, and the fields that record it
    (``<made_by>_at``, ``<made_by>_by``; ``<officer>_name``, ``_title`` and ``_holding``)."""

    role: str  # as a sentence names the officer: "monitoring officer"
    kind: str  # the Office.Kind whose holder makes it
    made: str  # the decision's property saying it is made
    made_by: str
    officer: str


LEGAL = Declaration(
    "monitoring officer",
    Office.Kind.MONITORING_OFFICER,
    made="legal_declared",
    made_by="declared",
    officer="monitoring_officer",
)
FINANCE = Declaration(
    "chief finance officer",
    Office.Kind.CHIEF_FINANCE_OFFICER,
    made="finance_declared",
    made_by="finance_declared",
    officer="finance_officer",
)


def _declaration_refusal(decision, user, *, on, declaration, other):
    role = declaration.role
    if not user.has_perm("decisions.declare_decision"):
        return f"Only the {role} may make the {role}'s declaration."
    if holding(user, on=on, kind=declaration.kind) is None:
        return (
            f"Only the {role} may make the {role}'s declaration: "
            f"{holder_name(user)} does not hold the office of {role.title()} on {_on(on)}."
        )
    if user.pk in _authors(decision):
        return (
            f"You drafted or submitted this decision: its {role}'s declaration must be made by "
            "someone else."
        )
    if user.pk == getattr(decision, f"{other.made_by}_by_id"):
        return (
            f"You made the {other.role}'s declaration on this decision: the {role}'s must be "
            "made by someone else."
        )
    return ""


def legal_declaration_refusal(decision, user, *, on):
    return _declaration_refusal(decision, user, on=on, declaration=LEGAL, other=FINANCE)


def finance_declaration_refusal(decision, user, *, on):
    if not decision.finance_declaration_needed:
        return (
            "The decision has no financial implications: the chief finance officer's "
            "declaration is not needed."
        )
    return _declaration_refusal(decision, user, on=on, declaration=FINANCE, other=LEGAL)


def value_refusal(decision, office):
    """Why ``office`` may not decide ``decision`` for its value, or ``""``."""
    if office.value_limit is None:
        return ""
    if decision.value is None:
        if decision.has_financial_implications:
            return (
                f"The {office} may decide only up to {_money(office.value_limit)}: give the "
                "decision's value so that it can be checked."
            )
        return ""
    if decision.value > office.value_limit:
        return (
            f"The decision's value, {_money(decision.value)}, is over the "
            f"{_money(office.value_limit)} limit of the {office} under the scheme of delegation."
        )
    return ""


def _decision_maker_refusal(decision, user, *, on, step):
    office = decision.decision_maker
    if holding(user, on=on, office=office) is None:
        return (
            f"This decision is for the {office} to {step}: {holder_name(user)} does not hold "
            f"that office on {_on(on)}."
        )
    if user.pk in _authors(decision):
        return f"You drafted or submitted this decision: you cannot {step} it."
    return ""


def signature_refusal(decision, user, *, on):
    if not user.has_perm("decisions.sign_decision"):
        return "Only a decision maker may sign a decision."
    refusal = _decision_maker_refusal(decision, user, on=on, step="sign")
    if refusal:
        return refusal
    if user.pk in {decision.declared_by_id, decision.finance_declared_by_id}:
        return "You made a declaration on this decision: it must be signed by someone else."
    return value_refusal(decision, decision.decision_maker)


def rejection_refusal(decision, user, *, on):
    if not user.has_perm("decisions.sign_decision"):
        return "Only a decision maker may reject a decision."
    return _decision_maker_refusal(decision, user, on=on, step="reject")


def open_steps(decision, user, *, on):
    """For each step open on ``decision`` now, why ``user`` may not take it, or ``""`` when they
    may: shown beside the step to those whose role has it, so a refusal is explained rather than
    a dead end."""
    steps = {}
    if decision.status == Status.SUBMITTED:
        if not decision.legal_declared:
            steps["legal"] = legal_declaration_refusal(decision, user, on=on)
        if decision.finance_declaration_needed and not decision.finance_declared:
            steps["finance"] = finance_declaration_refusal(decision, user, on=on)
    if decision.status == Status.DECLARED:
        steps["sign"] = signature_refusal(decision, user, on=on)
    if decision.status in (Status.SUBMITTED, Status.DECLARED):
        steps["reject"] = rejection_refusal(decision, user, on=on)
    return steps
