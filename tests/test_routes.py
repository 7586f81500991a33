"""The staff objects' standard routes (``pcc_portal/routes.py``) and the URL table they build."""

import itertools
import re

import pytest
from django.contrib.admindocs.views import extract_views_from_urlpatterns
from django.urls import NoReverseMatch, get_resolver, resolve, reverse
from django.views.generic import TemplateView

from pcc_portal.routes import object_routes


def _list_view(request):
    raise AssertionError("not called")


class _DetailView(TemplateView):
    template_name = "unused.html"


def _routes(patterns):
    return [(str(pattern.pattern), pattern.name) for pattern in patterns]


def test_an_objects_routes_are_named_after_it_and_its_own_page_bears_its_name():
    routes = object_routes(
        "reports/",
        "report",
        list=_list_view,
        create=_list_view,
        detail=_DetailView,
        edit=_list_view,
        publish=_list_view,
    )
    assert _routes(routes) == [
        ("reports/", "report_list"),
        ("reports/new/", "report_create"),
        ("reports/<int:pk>/", "report"),
        ("reports/<int:pk>/edit/", "report_edit"),
        ("reports/<int:pk>/publish/", "report_publish"),
    ]


def test_the_namespaces_own_object_has_routes_named_for_their_actions():
    routes = object_routes("", list=_list_view, detail=_DetailView, withdraw=_list_view)
    assert _routes(routes) == [
        ("", "list"),
        ("<int:pk>/", "detail"),
        ("<int:pk>/withdraw/", "withdraw"),
    ]


def test_a_name_given_before_the_convention_is_kept():
    routes = object_routes(
        "imports/",
        "import",
        list=_list_view,
        create=_list_view,
        apply=_list_view,
        names={"list": "imports", "create": "import_upload"},
    )
    assert _routes(routes) == [
        ("imports/", "imports"),
        ("imports/new/", "import_upload"),
        ("imports/<int:pk>/apply/", "import_apply"),
    ]


def test_a_view_class_is_served_by_its_as_view_and_a_function_as_it_is():
    listing, detail = object_routes("", list=_list_view, detail=_DetailView)
    assert listing.callback is _list_view
    assert detail.callback.view_class is _DetailView


@pytest.mark.parametrize(
    "arguments",
    [{"delete": _list_view}, {"list": _list_view, "names": {"detail": "report"}}],
    ids=["an action it does not know", "a name for an action with no view"],
)
def test_a_route_it_cannot_build_is_refused(arguments):
    with pytest.raises(TypeError):
        object_routes("reports/", "report", **arguments)


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
def test_standard_routes_keep_their_paths_and_names(url_name, kwargs, url):
    assert reverse(url_name, kwargs=kwargs) == url
    assert resolve(url).view_name == url_name


def test_a_standard_route_is_served_by_the_view_its_urls_module_names():
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
    # The standard routes come in their own order: an earlier pattern must not catch a later one's
    # addresses.
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
