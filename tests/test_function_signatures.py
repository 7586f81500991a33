"""STYLE: a service is a plain function with keyword-only arguments, so a call names what it
passes (``sign_decision(decision=..., signed_by=...)``) and two arguments cannot swap unseen."""

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


def _service_modules():
    for package in PACKAGES:
        services = importlib.import_module(f"{package}.services")
        yield services
        for info in pkgutil.iter_modules(getattr(services, "__path__", [])):
            yield importlib.import_module(f"{services.__name__}.{info.name}")


def _public_functions():
    for module in _service_modules():
        for name, function in inspect.getmembers(module, inspect.isfunction):
            if function.__module__ == module.__name__ and not name.startswith("_"):
                yield f"{module.__name__}.{name}", function


SERVICES = dict(_public_functions())


def test_the_service_modules_are_found():
    assert len(SERVICES) > 80


@pytest.mark.parametrize("name", sorted(SERVICES))
def test_every_service_takes_keyword_only_arguments(name):
    positional = [
        parameter.name
        for parameter in inspect.signature(SERVICES[name]).parameters.values()
        if parameter.kind in (parameter.POSITIONAL_ONLY, parameter.POSITIONAL_OR_KEYWORD)
    ]
    assert positional == [], f"{name} takes {positional} by position"
