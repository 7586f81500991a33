"""One module of domain errors, and one actor argument, across the apps' services."""

import importlib
import inspect
import pkgutil

import pytest

from pcc_portal import errors

SERVICE_MODULES = [
    "casework.services",
    "decisions.services",
    "imports.services",
    "performance.services",
    "plans.services",
    "transparency.services",
    "pcc_portal.approvals.services",
    "pcc_portal.publications.services",
    *(
        f"panel.services.{m.name}"
        for m in pkgutil.iter_modules(importlib.import_module("panel.services").__path__)
    ),
]


@pytest.mark.parametrize(
    ("module", "name"),
    [
        ("plans.models", "InvalidTransition"),
        ("decisions.models", "InvalidTransition"),
        ("decisions.models", "NotPermitted"),
        ("performance.models", "InvalidTransition"),
        ("performance.models", "FiguresChanged"),
        ("panel.models", "InvalidTransition"),
        ("transparency.models", "InvalidTransition"),
        ("pcc_portal.publications.models", "InvalidTransition"),
        ("pcc_portal.approvals.models", "InvalidTransition"),
        ("pcc_portal.approvals.models", "NotPermitted"),
    ],
)
def test_every_app_raises_the_one_domain_error(module, name):
    assert getattr(importlib.import_module(module), name) is getattr(errors, name)


def test_refusals_are_domain_errors_a_view_can_catch_at_once():
    assert issubclass(errors.NotPermitted, errors.InvalidTransition)
    assert issubclass(errors.FiguresChanged, errors.InvalidTransition)
    assert issubclass(errors.InvalidTransition, errors.DomainError)


def test_no_app_defines_its_own_invalid_transition():
    for module in (
        "plans.models",
        "decisions.models",
        "performance.models",
        "panel.models.meetings",
        "transparency.models",
        "pcc_portal.publications.models",
        "pcc_portal.approvals.models",
    ):
        source = inspect.getsource(importlib.import_module(module))
        assert "class InvalidTransition" not in source, module
        assert "class NotPermitted" not in source, module


@pytest.mark.parametrize("module", SERVICE_MODULES)
def test_services_name_their_actor_by_and_take_it_by_keyword(module):
    for name, function in inspect.getmembers(importlib.import_module(module), inspect.isfunction):
        if name.startswith("_") or function.__module__ != module:
            continue
        parameters = inspect.signature(inspect.unwrap(function)).parameters
        assert "signed_by" not in parameters, f"{module}.{name}"
        if "by" in parameters:
            assert parameters["by"].kind is inspect.Parameter.KEYWORD_ONLY, f"{module}.{name}"
