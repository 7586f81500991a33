"""Who may take each step of a decision: the offices held on the day, and no one in two parts.

The monitoring officer's declaration (legal) is made by whoever holds the Monitoring Officer
office that day, the chief finance officer's (financial implications) by whoever holds the Chief
Finance Officer office, and the signature by whoever holds the decision's own office, within its
value limit. The author (who drafted or submitted it), each declarer and the signatory are
different people on one decision. Each ``*_refusal`` function returns why ``user`` may not take the
step, or ``""`` when they may: the services raise it, the staff page shows it.
"""

from pcc_portal.accounts.models import Office, OfficeHolding


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


def legal_declaration_refusal(decision, user, *, on):
    if not user.has_perm("decisions.declare_decision"):
        return "Only the monitoring officer may make the monitoring officer's declaration."
    if holding(user, on=on, kind=Office.Kind.MONITORING_OFFICER) is None:
        return (
            "Only the monitoring officer may make the monitoring officer's declaration: "
            f"{holder_name(user)} does not hold the office of Monitoring Officer on {_on(on)}."
        )
    if user.pk in _authors(decision):
        return (
            "You drafted or submitted this decision: its monitoring officer's declaration must "
            "be made by someone else."
        )
    if user.pk == decision.finance_declared_by_id:
        return (
            "You made the chief finance officer's declaration on this decision: the monitoring "
            "officer's must be made by someone else."
        )
    return ""


def finance_declaration_refusal(decision, user, *, on):
    if not decision.finance_declaration_needed:
        return (
            "The decision has no financial implications: the chief finance officer's "
            "declaration is not needed."
        )
    if not user.has_perm("decisions.declare_decision"):
        return "Only the chief finance officer may make the chief finance officer's declaration."
    if holding(user, on=on, kind=Office.Kind.CHIEF_FINANCE_OFFICER) is None:
        return (
            "Only the chief finance officer may make the chief finance officer's declaration: "
            f"{holder_name(user)} does not hold the office of Chief Finance Officer on {_on(on)}."
        )
    if user.pk in _authors(decision):
        return (
            "You drafted or submitted this decision: its chief finance officer's declaration "
            "must be made by someone else."
        )
    if user.pk == decision.declared_by_id:
        return (
            "You made the monitoring officer's declaration on this decision: the chief finance "
            "officer's must be made by someone else."
        )
    return ""


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
