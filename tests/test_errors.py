"""One module of domain errors, and one actor argument, across the apps' services."""

import ast
import importlib
import inspect
import pkgutil
from pathlib import Path

import pytest

from pcc_portal import errors


def _and_its_modules(name):
    """The module ``name`` and, when it is a package, each module in it: a package's code lives
    in its modules, its ``__init__`` only names it."""
    path = getattr(importlib.import_module(name), "__path__", ())
    return [name, *(f"{name}.{m.name}" for m in pkgutil.iter_modules(path))]


SERVICE_MODULES = [
    module
    for name in (
        "casework.services",
        "decisions.services",
        "imports.services",
        "performance.services",
        "plans.services",
        "transparency.services",
        "pcc_portal.approvals.services",
        "pcc_portal.publications.services",
        "panel.services",
    )
    for module in _and_its_modules(name)
]


def test_every_domain_error_is_imported_from_the_one_module():
    """No app re-exports the errors: code and tests name ``pcc_portal.errors`` itself."""
    root = Path(__file__).resolve().parent.parent
    names = {"DomainError", "InvalidTransition", "NotPermitted", "FiguresChanged"}
    elsewhere = []
    for path in root.rglob("*.py"):
        if {".venv", "node_modules", "migrations"} & set(path.parts):
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.module != "pcc_portal.errors":
                found = names & {alias.name for alias in node.names}
                if found:
                    elsewhere.append(f"{path.relative_to(root)}:{node.lineno} {sorted(found)}")
    assert elsewhere == []


def test_refusals_are_domain_errors_a_view_can_catch_at_once():
    assert issubclass(errors.NotPermitted, errors.InvalidTransition)
    assert issubclass(errors.FiguresChanged, errors.InvalidTransition)
    assert issubclass(errors.InvalidTransition, errors.DomainError)


@pytest.mark.parametrize(
    "name",
    [
        "casework.models.CaseworkError",
        "casework.services.QuestionRefused",
        "imports.services.ImportFailed",
        "performance.models.UnconfirmedFigure",
        "pcc_portal.publications.services.NothingToPublish",
        "transparency.services.SpendingDraftExists",
        "transparency.services.SpendingFileInvalid",
        "transparency.services.TokenInvalid",
    ],
)
def test_each_apps_own_refusals_are_domain_errors(name):
    module, _, error = name.rpartition(".")
    assert issubclass(getattr(importlib.import_module(module), error), errors.DomainError)


def test_no_app_defines_its_own_invalid_transition():
    for name in (
        "plans.models",
        "decisions.models",
        "performance.models",
        "panel.models.meetings",
        "transparency.models",
        "pcc_portal.publications.models",
        "pcc_portal.approvals.models",
    ):
        for module in _and_its_modules(name):
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
