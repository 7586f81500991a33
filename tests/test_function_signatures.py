"""STYLE: services and selectors are plain functions with keyword-only arguments, so a call
names what it passes (``sign_decision(decision=..., by=...)``) and two arguments cannot swap
unseen."""

import importlib
import inspect
import pkgutil

import pytest

PACKAGES = (
    "casework",
    "decisions",
    "imports",
    "panel",
    "performance",
    "plans",
    "transparency",
    "pcc_portal.approvals",
    "pcc_portal.publications",
)


def _modules(kind):
    for package in PACKAGES:
        try:
            top = importlib.import_module(f"{package}.{kind}")
        except ModuleNotFoundError:  # an app with no selectors of its own
            continue
        yield top
        for info in pkgutil.iter_modules(getattr(top, "__path__", [])):
            yield importlib.import_module(f"{top.__name__}.{info.name}")


def _public_functions(kind):
    for module in _modules(kind):
        for name, function in inspect.getmembers(module, inspect.isfunction):
            if function.__module__ == module.__name__ and not name.startswith("_"):
                yield f"{module.__name__}.{name}", function


SERVICES = dict(_public_functions("services"))
SELECTORS = dict(_public_functions("selectors"))


def test_the_service_and_selector_modules_are_found():
    assert len(SERVICES) > 80
    assert len(SELECTORS) > 60


@pytest.mark.parametrize("name", sorted({**SERVICES, **SELECTORS}))
def test_every_service_and_selector_takes_keyword_only_arguments(name):
    function = SERVICES.get(name) or SELECTORS[name]
    positional = [
        parameter.name
        for parameter in inspect.signature(function).parameters.values()
        if parameter.kind in (parameter.POSITIONAL_ONLY, parameter.POSITIONAL_OR_KEYWORD)
    ]
    assert positional == [], f"{name} takes {positional} by position"
