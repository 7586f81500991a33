"""The staff area's generic form page: what it does with a refused save, a valid and an invalid
form. The publishing views are exercised through each app's staff pages."""

import pytest
from django import forms
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.signed_cookies import SessionStore
from django.test import RequestFactory
from django.views.generic import FormView

from pcc_portal.accounts import roles
from pcc_portal.errors import InvalidTransition
from pcc_portal.views.generic import FormPage
from tests.accounts.factories import UserFactory


class _Refusal(InvalidTransition):
    def __init__(self, message, field=None):
        super().__init__(message)
        self.field = field


class _NameForm(forms.Form):
    name = forms.CharField()


class _Saved:
    def __init__(self, name):
        self.name = name

    def __str__(self):
        return self.name


class _NamePage(FormPage, FormView):
    form_class = _NameForm
    template_name = "panel/manage/form.html"
    page_title = "Name it"
    success_url = "/manage/done/"
    refused = (_Refusal,)

    def save(self, form):
        name = form.cleaned_data["name"]
        if name == "taken":
            raise _Refusal("That name is taken.", field="name")
        if name == "closed":
            raise _Refusal("The register is closed.")
        return _Saved(name)


class _NameBesideItsFieldPage(_NamePage):
    refused_field = "name"


def _post(data, page=_NamePage):
    request = RequestFactory().post("/manage/name/", data)
    request.user = UserFactory(roles=[roles.EDITOR])
    request.session = SessionStore()
    request._messages = FallbackStorage(request)
    return request, page.as_view()(request)


@pytest.mark.django_db
def test_a_valid_form_is_saved_with_a_message_and_a_redirect():
    request, response = _post({"name": "Audit"})
    assert response.status_code == 302
    assert response["Location"] == "/manage/done/"
    assert [str(m) for m in get_messages(request)] == ["“Audit” was saved."]


@pytest.mark.django_db
def test_an_invalid_form_is_shown_again_with_400_and_no_message():
    request, response = _post({"name": ""})
    assert response.status_code == 400
    assert response.context_data["form"].errors == {"name": ["This field is required."]}
    assert response.context_data["title"] == "Name it"
    assert list(get_messages(request)) == []


@pytest.mark.django_db
def test_a_refused_save_shows_the_error_beside_the_field_it_names():
    request, response = _post({"name": "taken"})
    assert response.status_code == 400
    assert response.context_data["form"].errors == {"name": ["That name is taken."]}
    assert list(get_messages(request)) == []


@pytest.mark.django_db
def test_a_refused_save_without_a_field_is_shown_above_the_form():
    _request, response = _post({"name": "closed"})
    assert response.status_code == 400
    assert response.context_data["form"].non_field_errors() == ["The register is closed."]


@pytest.mark.django_db
def test_a_refused_save_without_a_field_goes_beside_the_pages_refused_field():
    _request, response = _post({"name": "closed"}, page=_NameBesideItsFieldPage)
    assert response.status_code == 400
    assert response.context_data["form"].errors == {"name": ["The register is closed."]}


# No mixins stacked three deep (STYLE): a view builds on its app's page and the generic view
# that page builds on, with any mixin of its own beside them, so a reader finds what a page does
# within two steps of it.

_OUR_PACKAGES = {
    "casework",
    "decisions",
    "imports",
    "panel",
    "pcc_portal",
    "performance",
    "plans",
    "transparency",
}


def _ours(cls):
    return cls.__module__.split(".")[0] in _OUR_PACKAGES


def _depth(cls):
    """How many of our classes stand one on another from ``cls`` up, ``cls`` counted."""
    return 1 + max((_depth(base) for base in cls.__bases__ if _ours(base)), default=0)


def _routed_view_classes():
    from django.urls import URLResolver, get_resolver

    def walk(resolver):
        for pattern in resolver.url_patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern)
            elif view_class := getattr(pattern.callback, "view_class", None):
                yield view_class

    return set(walk(get_resolver()))


def test_no_view_stands_on_mixins_stacked_three_deep():
    views = _routed_view_classes()
    assert len(views) > 50  # the staff area's class-based views are all found
    too_deep = sorted(
        f"{view.__module__}.{view.__name__}"
        for view in views
        if max((_depth(base) for base in view.__bases__ if _ours(base)), default=0) > 2
    )
    assert too_deep == []
