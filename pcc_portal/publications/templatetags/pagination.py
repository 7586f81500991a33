"""The page numbers GOV.UK pagination shows, for ``includes/pagination.html``: every page of a
short list; of a long one (ten years of decisions), the first two, three either side of the
page shown and the last two, with an ellipsis for each gap."""

from django import template

register = template.Library()


@register.filter
def page_numbers(page):
    return page.paginator.get_elided_page_range(page.number)
