"""Reading rendered GOV.UK forms in tests."""

import re


def ticked(html, name):
    """The values of the ticked checkboxes called ``name`` in a rendered form."""
    pattern = rf'name="{re.escape(name)}"[^>]*value="([^"]*)"\s+checked'
    return set(re.findall(pattern, html))
