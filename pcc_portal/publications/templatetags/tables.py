"""Wide tables on a narrow screen: ``{% table_region "Label" %}`` ... ``{% end_table_region %}``
around a ``<table>`` puts it in a labelled region that scrolls sideways on its own and takes
keyboard focus, so the page itself never scrolls sideways on a phone (WCAG 1.4.10 Reflow) and the
table can still be scrolled without a mouse (WCAG 2.1.1)."""

from django import template
from django.utils.html import format_html

register = template.Library()


class TableRegionNode(template.Node):
    def __init__(self, label_parts, nodelist):
        self.label_parts = label_parts
        self.nodelist = nodelist

    def render(self, context):
        label = " ".join(str(part.resolve(context)) for part in self.label_parts)
        return format_html(
            '<div class="pcc-table-region" role="region" aria-label="{}" tabindex="0">{}</div>',
            label,
            self.nodelist.render(context),
        )


@register.tag
def table_region(parser, token):
    """``{% table_region label... %}`` ... ``{% end_table_region %}``: the label names the table
    as a screen reader announces the region; its parts (strings or variables) are joined by
    spaces, as in ``{% table_region "Commitments under priority" priority.number %}``."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f"{bits[0]} needs the region's label")
    nodelist = parser.parse(("end_table_region",))
    parser.delete_first_token()
    return TableRegionNode([parser.compile_filter(bit) for bit in bits[1:]], nodelist)
