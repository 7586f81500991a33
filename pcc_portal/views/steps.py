"""The one way a staff view takes a step a button asks for, with no form to show a refusal in."""

from contextlib import contextmanager

from django.contrib import messages

from pcc_portal.errors import InvalidTransition


@contextmanager
def refusal_as_message(request):
    """Run the block (a service call, then its success message); if the service refuses the
    step, the rest of the block is skipped and the refusal is shown as an error message on the
    page the view redirects to, so a refused step never reaches the user as a server error."""
    try:
        yield
    except InvalidTransition as error:
        messages.error(request, str(error))
