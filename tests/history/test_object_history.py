"""Staff see who changed what, when and why, for any model that keeps a history."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from pcc_portal.pages.models import ContentPage
from tests.access import AccessRule
from tests.accounts.factories import UserFactory


def _grant(user, *codenames):
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    return user


def _page(**fields):
    fields = {"title": "About the Commissioner", "slug": "about", "body": "The role.", **fields}
    return ContentPage.objects.create(**fields)


def _change(obj, *, by=None, reason=None, **fields):
    for name, value in fields.items():
        setattr(obj, name, value)
    obj._history_user = by
    obj._change_reason = reason
    obj.save()
    return obj


def _history_url(obj):
    return reverse(
        "history:object",
        kwargs={
            "app_label": obj._meta.app_label,
            "model_name": obj._meta.model_name,
            "pk": obj.pk,
        },
    )


class TestObjectHistoryAccess(AccessRule):
    url_name = "history:object"
    access = "pages.view_contentpage"

    def make_url_kwargs(self):
        page = _page()
        return {"app_label": "pages", "model_name": "contentpage", "pk": page.pk}


@pytest.fixture
def viewer(db):
    return _grant(
        UserFactory(username="viewer", first_name="Vera", last_name="Viewer"),
        "view_contentpage",
    )


@pytest.fixture
def author(db):
    return UserFactory(username="author", first_name="Alice", last_name="Author")


@pytest.mark.django_db
def test_history_shows_each_change_newest_first_with_who_why_and_what(client, viewer, author):
    page = _page()
    page.history.update(history_user=author)  # the creation, as if Alice had made the page
    _change(page, by=viewer, reason="New title agreed", title="The Commissioner's role")

    client.force_login(viewer)
    response = client.get(_history_url(page))

    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>History of The Commissioner&#x27;s role - Staff area - " in html
    assert html.count("<h1") == 1
    assert "History of The Commissioner&#x27;s role</h1>" in html
    assert html.index("Changed on") < html.index("Created on")
    assert "Vera Viewer" in html
    assert "Alice Author" in html
    assert "New title agreed" in html
    changed = response.context["entries"][0]
    assert changed.change_type == "Changed"
    assert [(c.label, c.old, c.new) for c in changed.changes] == [
        ("Title", "About the Commissioner", "The Commissioner's role")
    ]
    assert response.context["entries"][1].change_type == "Created"
    assert response.context["entries"][1].changes == []


@pytest.mark.django_db
def test_changes_made_without_a_signed_in_user_are_by_the_system(client, viewer):
    page = _page()
    client.force_login(viewer)
    html = client.get(_history_url(page)).content.decode()
    assert "System" in html


@pytest.mark.django_db
def test_several_fields_are_listed_in_the_models_order(client, viewer):
    page = _page()
    _change(page, summary="What the Commissioner does.", title="Role", body="New body.")
    client.force_login(viewer)
    entry = client.get(_history_url(page)).context["entries"][0]
    assert [c.label for c in entry.changes] == ["Title", "Summary", "Body"]
    summary = entry.changes[1]
    assert (summary.old, summary.new) == ("", "What the Commissioner does.")


@pytest.mark.django_db
def test_fields_history_does_not_keep_are_not_compared(client, viewer):
    page = _page()
    _change(page)  # re-rendered body_html and updated_at only: history excludes both
    client.force_login(viewer)
    response = client.get(_history_url(page))
    assert response.context["entries"][0].changes == []
    assert "No change to the fields this page shows." in response.content.decode()


@pytest.mark.django_db
def test_long_values_are_shortened_with_the_full_text_folded(client, viewer):
    page = _page()
    _change(page, body="The Commissioner's plan. " * 30)
    client.force_login(viewer)
    html = client.get(_history_url(page)).content.decode()
    assert '<details class="govuk-details">' in html
    assert "Show the full text" in html
    assert "The Commissioner&#x27;s plan. " * 30 in html.replace("<br>", "")


@pytest.mark.django_db
def test_authors_markup_in_values_and_names_is_shown_as_text(client, viewer):
    page = _page(title="<script>alert(1)</script>")
    _change(page, body="<img src=x onerror=alert(1)>", reason="<b>why</b>")
    client.force_login(viewer)
    html = client.get(_history_url(page)).content.decode()
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "<b>why</b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


@pytest.mark.django_db
def test_a_deleted_objects_history_is_still_shown_with_its_deletion(client, viewer):
    page = _page()
    pk = page.pk
    url = _history_url(page)
    _change(page, title="Old page", by=viewer)
    page._history_user = viewer
    page.delete()

    client.force_login(viewer)
    response = client.get(url)

    assert response.status_code == 200
    html = response.content.decode()
    assert "History of Old page" in html
    assert "has been deleted" in html
    assert [e.change_type for e in response.context["entries"]] == [
        "Deleted",
        "Changed",
        "Created",
    ]
    assert not ContentPage.objects.filter(pk=pk).exists()


@pytest.mark.django_db
def test_permission_to_change_is_enough_to_read_history(client):
    page = _page()
    editor = _grant(UserFactory(username="changer"), "change_contentpage")
    client.force_login(editor)
    assert client.get(_history_url(page)).status_code == 200


@pytest.mark.django_db
def test_an_object_the_models_visibility_rules_hide_answers_404(client, viewer, monkeypatch):
    page = _page()
    queryset_class = type(ContentPage.objects.all())
    monkeypatch.setattr(queryset_class, "visible_to", lambda self, user: self.none())
    client.force_login(viewer)
    assert client.get(_history_url(page)).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("app_label", "model_name", "pk"),
    [
        ("pages", "nosuchmodel", "1"),
        ("nosuchapp", "contentpage", "1"),
        ("accounts", "user", "1"),  # a model that keeps no history
        ("pages", "historicalcontentpage", "1"),  # history records keep none of their own
        ("pages", "contentpage", "999999"),
        ("pages", "contentpage", "not-a-number"),
    ],
)
def test_unknown_models_and_objects_answer_404(client, viewer, app_label, model_name, pk):
    _page()
    client.force_login(_grant(viewer, "view_user", "view_historicalcontentpage"))
    url = reverse(
        "history:object", kwargs={"app_label": app_label, "model_name": model_name, "pk": pk}
    )
    assert client.get(url).status_code == 404


@pytest.mark.django_db
def test_signed_in_users_without_permission_are_refused(client):
    page = _page()
    client.force_login(UserFactory(username="nobody"))
    assert client.get(_history_url(page)).status_code == 403


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_sign_in(client):
    page = _page()
    response = client.get(_history_url(page))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.django_db
def test_history_is_paged_at_50_and_the_last_change_on_a_page_is_still_compared(client, viewer):
    page = _page(title="Version 0")
    for number in range(1, 55):
        _change(page, title=f"Version {number}")

    client.force_login(viewer)
    first = client.get(_history_url(page))
    second = client.get(_history_url(page) + "?page=2")

    assert len(first.context["entries"]) == 50
    assert first.context["entries"][0].changes[0].new == "Version 54"
    last_on_first_page = first.context["entries"][-1]
    assert [(c.old, c.new) for c in last_on_first_page.changes] == [("Version 4", "Version 5")]
    assert [e.change_type for e in second.context["entries"]] == ["Changed"] * 4 + ["Created"]
    assert 'href="?page=2"' in first.content.decode()
    assert 'href="?page=1"' in second.content.decode()


@pytest.mark.django_db
def test_the_number_of_queries_does_not_grow_with_the_history(
    client, viewer, django_assert_max_num_queries
):
    page = _page(title="Version 0")
    authors = [UserFactory(username=f"author{number}") for number in range(10)]
    for number in range(1, 60):
        _change(page, by=authors[number % 10], title=f"Version {number}", reason=f"R{number}")
    client.force_login(viewer)
    client.get(_history_url(page))  # warm the session and content types

    # Session, user, permissions (2), object, count, one page of records with their users.
    with django_assert_max_num_queries(7):
        response = client.get(_history_url(page))
    assert len(response.context["entries"]) == 50
    assert str(authors[9]) in response.content.decode()


@pytest.mark.django_db
def test_a_field_saved_again_unchanged_is_not_marked_as_changed(client, viewer, author):
    # A browser sends a textarea's line breaks as CRLF: saving the form after changing only the
    # title stores the body differently, though nobody touched it.
    page = _page(body="The role.\nIts duties.")
    _change(page, by=author, title="About the Police and Crime Commissioner",
            body="The role.\r\nIts duties.\r\n")  # fmt: skip
    client.force_login(viewer)
    response = client.get(_history_url(page))
    (latest, _created) = response.context["entries"][:2]
    assert [change.label for change in latest.changes] == ["Title"]
    _change(page, by=author, body="The role.\r\nIts new duties.")
    latest = client.get(_history_url(page)).context["entries"][0]
    assert [change.label for change in latest.changes] == ["Body"]
