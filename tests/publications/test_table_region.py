"""``{% table_region %}``: a wide table scrolls in a labelled region the keyboard can reach."""

from django.template import Context, Template


def test_a_table_region_is_a_labelled_focusable_region_around_the_table():
    html = Template(
        '{% load tables %}{% table_region "Commitments under priority" number %}'
        "<table><caption>C</caption></table>{% end_table_region %}"
    ).render(Context({"number": 3}))
    assert html == (
        '<div class="pcc-table-region" role="region" aria-label="Commitments under priority 3" '
        'tabindex="0"><table><caption>C</caption></table></div>'
    )


def test_a_table_regions_label_is_escaped():
    html = Template(
        "{% load tables %}{% table_region title %}<table></table>{% end_table_region %}"
    ).render(Context({"title": '"><script>'}))
    assert "<script>" not in html and 'aria-label="&quot;&gt;&lt;script&gt;"' in html
