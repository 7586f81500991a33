"""The URL table as a whole: staff routes keep their paths and names, and no route is hidden
behind one matched before it."""

import itertools
import re

import pytest
from django.contrib.admindocs.views import extract_views_from_urlpatterns
from django.urls import NoReverseMatch, get_resolver, resolve, reverse


@pytest.mark.parametrize(
    ("url_name", "kwargs", "url"),
    [
        ("decisions_manage:list", {}, "/manage/decisions/"),
        ("decisions_manage:publish", {"pk": 7}, "/manage/decisions/7/publish/"),
        ("decisions_manage:report_detail", {"pk": 7}, "/manage/decisions/reports/7/"),
        ("pages_manage:edit", {"pk": 7}, "/manage/pages/7/edit/"),
        ("offices_manage:create", {}, "/manage/offices/new/"),
        ("panel_manage:meetings", {}, "/manage/panel/"),
        ("panel_manage:meeting", {"pk": 7}, "/manage/panel/meetings/7/"),
        ("panel_manage:group_edit", {"pk": 7}, "/manage/panel/groups/7/edit/"),
        ("performance_manage:reports", {}, "/manage/performance/reports/"),
        ("performance_manage:import_upload", {}, "/manage/performance/imports/new/"),
        ("imports:decisions", {"pk": 7}, "/manage/imports/decisions/7/"),
        ("imports:entry_discard", {"pk": 7}, "/manage/imports/entries/7/discard/"),
        ("casework_manage:case_release", {"pk": 7}, "/manage/casework/cases/7/release/"),
        ("transparency_manage:spending", {}, "/manage/transparency/spending/"),
        ("transparency_manage:item", {"pk": 7}, "/manage/transparency/items/7/"),
    ],
)
def test_staff_routes_keep_their_paths_and_names(url_name, kwargs, url):
    assert reverse(url_name, kwargs=kwargs) == url
    assert resolve(url).view_name == url_name


def test_a_route_is_served_by_the_view_its_urls_module_names():
    from pcc_portal.pages.views import manage

    assert resolve("/manage/pages/7/publish/").func.view_class is manage.PagePublishView


# A value each URL argument accepts, for building one address of every pattern.
_SAMPLES = {
    "register": ["interests", "spending", "forward-plan"],
    "date": ["2021-12-06"],
    "quarter": ["2021-22-q1"],
    "year": [2021],
    "extension": ["csv"],
}


# An argument of a route (``<int:pk>``) or of a regular expression (``(?P<register>...)``).
_ARGUMENT = re.compile(r"<(?:\w+:)?(\w+)>|\(\?P<(\w+)>")


def _an_address(url_name, route):
    arguments = [in_route or in_regex for in_route, in_regex in _ARGUMENT.findall(route)]
    choices = [_SAMPLES.get(argument, [1]) for argument in arguments]
    for values in itertools.product(*choices):
        try:
            return reverse(url_name, kwargs=dict(zip(arguments, values, strict=True)))
        except NoReverseMatch:
            continue
    raise AssertionError(f"no sample address for {url_name}: add a value to _SAMPLES")


def test_no_route_is_hidden_behind_one_matched_before_it():
    # An earlier pattern must not catch a later one's addresses (a `<slug>` before `new/`, say).
    hidden = []
    for _view, route, namespaces, name in extract_views_from_urlpatterns(
        get_resolver().url_patterns
    ):
        url_name = ":".join([*(namespaces or []), name]) if name else None
        if not url_name or url_name.startswith("admin:"):
            continue  # Django's admin, whose own tests keep its order
        address = _an_address(url_name, route)
        if resolve(address).view_name != url_name:
            hidden.append((url_name, address, resolve(address).view_name))
    assert hidden == []
