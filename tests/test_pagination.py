"""The one pagination include: a page of decisions and a page of history render the same
GOV.UK markup, each with its own words; a long list's page numbers are elided."""

from django.core.paginator import Paginator
from django.template.loader import render_to_string


def _render(page, **context):
    return render_to_string("includes/pagination.html", {"page_obj": page, **context})


def test_one_page_renders_no_pagination():
    page = Paginator(range(5), 10).get_page(1)
    assert _render(page, label="decisions").strip() == ""


def test_decisions_pages_keep_the_filters_and_say_previous_and_next_page():
    page = Paginator(range(30), 10).get_page(2)
    html = _render(page, label="decisions", query="status=draft")
    assert 'aria-label="Pages of decisions"' in html
    assert 'href="?status=draft&amp;page=1" rel="prev"' in html
    assert 'href="?status=draft&amp;page=3" rel="next"' in html
    assert 'Previous<span class="govuk-visually-hidden"> page</span>' in html
    assert 'Next<span class="govuk-visually-hidden"> page</span>' in html
    assert 'href="?status=draft&amp;page=2" aria-label="Page 2" aria-current="page"' in html


def test_a_short_list_shows_every_page_number():
    page = Paginator(range(100), 10).get_page(5)
    html = _render(page, label="entries")
    assert "govuk-pagination__item--ellipses" not in html
    assert all(f'aria-label="Page {number}"' in html for number in range(1, 11))


def test_history_pages_elide_the_range_and_say_newer_and_older_changes():
    paginator = Paginator(range(200), 10)
    page = paginator.get_page(10)
    html = _render(
        page,
        label="changes",
        previous_title="Newer",
        next_title="Older",
        unit="changes",
    )
    assert 'aria-label="Pages of changes"' in html
    assert 'href="?page=9" rel="prev"' in html
    assert 'Newer<span class="govuk-visually-hidden"> changes</span>' in html
    assert 'Older<span class="govuk-visually-hidden"> changes</span>' in html
    assert html.count("govuk-pagination__item--ellipses") == 2
    assert 'href="?page=10" aria-label="Page 10" aria-current="page"' in html
