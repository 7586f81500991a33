"""The portal's domain errors, in one place: what a service raises when the rules say no.

Every message is written for the person who asked (a view shows it beside the form), so a
view catches ``DomainError`` or one of its kinds and never needs to know which app raised it.
An app's own refusals that carry more than a message (``CaseworkError``'s field, a spending
file's rows) are kinds of ``DomainError`` defined beside the service that raises them.
"""


class DomainError(Exception):
    """A step the portal's rules do not allow; the message says why."""


class InvalidTransition(DomainError):
    """An object was asked to move to a state its current state does not allow (a plan's
    lifecycle step, a decision's signature, a render job, an approval, a register entry)."""


class NotPermitted(InvalidTransition):
    """This user may not take this step (an editor asked to sign, an approver who asked)."""


class ChangedMeanwhile(InvalidTransition):
    """An object left the set its edit page may save to (a decision no longer a draft) between
    the page loading it and the edit being saved."""


class FiguresChanged(InvalidTransition):
    """The figures to release are no longer those the decision maker was shown."""
