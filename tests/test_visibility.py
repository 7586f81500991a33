"""One visibility contract: every model whose QuerySet says who sees it implements
``pcc_portal.visibility.VisibilityQuerySet`` (``public()`` and ``visible_to(user)``)."""

import pytest
from django.apps import apps
from django.contrib.auth.models import AnonymousUser

from pcc_portal.visibility import VisibilityQuerySet
from tests.accounts.factories import UserFactory


def _with_visibility():
    for model in apps.get_models():
        queryset = model._default_manager.all()
        if hasattr(queryset, "visible_to") or hasattr(queryset, "public"):
            yield model, queryset


def test_every_model_with_visibility_implements_the_one_contract():
    found = list(_with_visibility())
    assert len(found) >= 10
    outside = [
        model.__name__
        for model, queryset in found
        if not isinstance(queryset, VisibilityQuerySet)
        and model._meta.app_label not in {"allauth", "account", "mfa", "socialaccount"}
    ]
    assert outside == [], "give these QuerySets the contract of pcc_portal.visibility"


@pytest.mark.django_db
def test_the_public_sees_public_and_a_superuser_everything():
    """On the empty database the queries must still be well formed for every model."""
    anonymous = AnonymousUser()
    superuser = UserFactory(is_superuser=True)
    for model, queryset in _with_visibility():
        if not isinstance(queryset, VisibilityQuerySet):
            continue
        assert list(queryset.visible_to(anonymous).values_list("pk", flat=True)) == list(
            queryset.public().values_list("pk", flat=True)
        ), model.__name__
        if model.__name__ != "ApprovalRequest":  # requests follow their kinds, not drafts
            assert queryset.visible_to(superuser).count() == queryset.count(), model.__name__


def test_permissions_that_see_drafts_name_real_permissions():
    for model, queryset in _with_visibility():
        if not isinstance(queryset, VisibilityQuerySet):
            continue
        opts = model._meta
        for name in queryset.draft_permissions:
            app_label, _, codename = (
                name.partition(".")
                if "." in name
                else (opts.app_label, ".", f"{name}_{opts.model_name}")
            )
            owner = apps.get_app_config(app_label)
            declared = {
                f"{action}_{m._meta.model_name}"
                for m in owner.get_models()
                for action in m._meta.default_permissions
            } | {code for m in owner.get_models() for code, _ in m._meta.permissions}
            assert codename in declared, f"{model.__name__}: {name}"


@pytest.mark.django_db
def test_whoever_may_change_an_object_sees_every_one_of_its_kind():
    """So a save never hides what was saved from its editor, and edit views need no check after
    saving that the object is still theirs to see. Papers and approval requests, which follow a
    seat on the Panel and a request's kinds, are not edited in forms."""
    from django.contrib.auth.models import Permission
    from django.contrib.contenttypes.models import ContentType

    from pcc_portal.visibility import model_permission

    checked = []
    for model, queryset in _with_visibility():
        if type(queryset).visible_to is not VisibilityQuerySet.visible_to:
            continue
        codename = model_permission(model, "change").partition(".")[2]
        editor = UserFactory(username=f"editor-of-{model._meta.label_lower}")
        editor.user_permissions.add(
            Permission.objects.get(
                content_type=ContentType.objects.get_for_model(model), codename=codename
            )
        )
        editor = type(editor).objects.get(pk=editor.pk)  # no cached permissions
        assert queryset.sees_everything(editor), model.__name__
        checked.append(model)
    assert len(checked) >= 10
