"""Permission tests by inheritance.

Each view's test class names its URL (or the URLs that take the same object under the same rule)
and who may use it; the base class checks it for an anonymous visitor, a signed-in user without
the permission, and one with it. ``tests/test_url_access.py`` fails when a URL pattern has no
such class.
"""

import importlib
import pkgutil

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

import tests
from pcc_portal.publications import services as publishing
from tests.accounts.factories import UserFactory

PUBLIC = "public"  # anyone, signed in or not
SIGNED_IN = "signed in"  # any signed-in account
SUPERUSER = "superuser"  # Django's admin: superusers only


class AccessRule:
    """Subclass as ``Test<View>Access`` and set the class attributes below."""

    url_name: str = ""
    # Or several URLs that take the same object under the same rule: each is checked in turn.
    url_names: tuple = ()
    url_kwargs: dict = {}
    # PUBLIC, SIGNED_IN, SUPERUSER, or a permission label such as "decisions.sign_decision".
    access: str = PUBLIC
    # The status the one who may use it gets; the others get a sign-in redirect or 403. One status
    # a URL: a test that accepts two cannot tell a page from a redirect or a 404.
    allowed_status: tuple = (200,)
    # Where a PUBLIC view answers a visitor and a signed-in account differently (the sign-in page
    # sends a signed-in account on), the visitor's status; the signed-in get ``allowed_status``.
    anonymous_status: int | None = None
    # What a signed-in account without the permission gets: 403, or 404 where the page is about
    # an object it may not see and so does not learn exists (an approval request).
    denied_status: int = 403
    # An action that only accepts POST is checked with a POST of this data.
    method: str = "get"
    data: dict = {}

    def pytest_generate_tests(self, metafunc):
        if self.url_names:
            # A subclass naming its own URL must not inherit its parent's list.
            assert "url_name" not in vars(type(self)), f"{type(self).__name__}: one or several"
            metafunc.parametrize("_each_url_name", self.url_names, indirect=True)

    @pytest.fixture(autouse=True)
    def _each_url_name(self, request):
        if hasattr(request, "param"):
            self.url_name = request.param

    # Where the object a URL names comes from: override to create it (returns url_kwargs).
    def make_url_kwargs(self):
        return self.url_kwargs

    def url(self):
        return reverse(self.url_name, kwargs=self.make_url_kwargs())

    def request(self, client):
        return getattr(client, self.method)(self.url(), self.data)

    def grant(self, user):
        if self.access == SUPERUSER:
            user.is_staff = user.is_superuser = True
            user.save()
        elif self.access not in (PUBLIC, SIGNED_IN):
            app_label, codename = self.access.split(".")
            user.user_permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )

    @pytest.mark.django_db
    def test_anonymous(self, client):
        response = self.request(client)
        if self.access == PUBLIC:
            assert response.status_code == (self.anonymous_status or self.expected_status())
        else:
            assert response.status_code == 302
            assert "login" in response["Location"]

    @pytest.mark.django_db
    def test_signed_in_without_permission(self, client):
        client.force_login(UserFactory(username="no-permissions"))
        response = self.request(client)
        if self.access in (PUBLIC, SIGNED_IN):
            assert response.status_code == self.expected_status()
        elif self.access == SUPERUSER:
            assert response.status_code == 302  # the admin sends non-staff to its own sign-in
        else:
            assert response.status_code == self.denied_status

    @pytest.mark.django_db
    def test_signed_in_with_permission(self, client):
        user = UserFactory(username="permitted")
        self.grant(user)
        client.force_login(user)
        response = self.request(client)
        assert response.status_code == self.expected_status()

    def expected_status(self):
        (status,) = self.allowed_status
        return status


class PostAction:
    """An action that only accepts POST and, done, sends the one who may use it on. Mix it in
    before the rule: ``class TestDeleteAccess(PostAction, TestDetailAccess)``."""

    method = "post"
    allowed_status = (302,)


class PublishAction(PostAction):
    """A publish URL: its POST publishes with a change note, and its GET shows the check page
    first (the same URL, object and permission). Each rule's three checks run for both. Mix it
    in before the rule: ``class TestPublishAccess(PublishAction, TestDetailAccess)``."""

    data = {"change_note": "First publication", "confirm": "on"}
    # What the one who may publish gets for the check page.
    check_page_status = 200

    @pytest.fixture(autouse=True, params=["publish", "check page"])
    def _publish_or_check_page(self, request):
        if request.param == "check page":
            self.method, self.data, self.allowed_status = "get", {}, (self.check_page_status,)


class RemoveAction(PostAction):
    """A removal URL (``RemoveView``): its GET asks first on a page, its POST removes (the same
    URL, object and permission). Each rule's three checks run for both. Mix it in before the
    rule: ``class TestDeleteAccess(RemoveAction, TestDetailAccess)``."""

    @pytest.fixture(autouse=True, params=["remove", "asking page"])
    def _remove_or_asking_page(self, request):
        if request.param == "asking page":
            self.method, self.data, self.allowed_status = "get", {}, (200,)


def published(obj, note="First publication"):
    """Publish ``obj`` for a rule's URL through the one publishing service: the test transaction
    never commits, so the queued render is run here."""
    version = publishing.publish(obj=obj, by=UserFactory(username="publisher"), note=note)
    publishing.run_render_job(job_id=version.render_job.pk)
    return obj


def every_url_rule():
    """Each URL the access rules cover, as (its name, the rule for it): a rule naming several
    URLs (``url_names``) is listed once for each of them."""
    return [
        (name, rule)
        for rule in all_access_rules()
        for name in (rule.url_names or (rule.url_name,))
        if name
    ]


def rule_at(rule, url_name):
    """An instance of ``rule`` checking the URL ``url_name``."""
    instance = rule()
    instance.url_name = url_name
    return instance


def all_access_rules():
    """Every AccessRule subclass in the test suite (importing every test module to find them)."""
    for module in pkgutil.walk_packages(tests.__path__, "tests."):
        if not module.name.startswith("tests.browser"):
            importlib.import_module(module.name)
    pending, found = [AccessRule], []
    while pending:
        for subclass in pending.pop().__subclasses__():
            pending.append(subclass)
            found.append(subclass)
    return found
