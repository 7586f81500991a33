"""Template tags for pages of other apps that show the transparency hub's parts: the staff
dashboard's list of index items needing attention, and a plan priority's golden thread."""

from django import template

from .. import selectors

register = template.Library()


@register.simple_tag
def index_needing_attention():
    return selectors.dashboard_attention()


@register.simple_tag
def golden_thread(priority, version):
    """The parts of a priority's golden thread on the page of ``version`` of its plan: the
    plan's priority page uses ``{% golden_thread priority version as thread %}``, then includes
    ``transparency/_golden_thread.html``."""
    from .. import thread

    return thread.golden_thread(priority, version)
