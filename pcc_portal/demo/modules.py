"""The apps' demo modules, each with ``load(*, publisher)``, in the order they are loaded."""

import importlib

# Later apps link to what earlier ones made (decisions to plan priorities, meetings to
# decisions and reports).
DEMO_MODULES = [
    "pcc_portal.pages.demo",
    "plans.demo",
    "decisions.demo",
    "performance.demo",
    "panel.demo",
    "casework.demo",
    "transparency.demo",
]


def demo_modules(*, leave_out=()):
    """(name, module) of each app's demo module in loading order, but those in ``leave_out``
    and those that do not exist."""
    for name in DEMO_MODULES:
        if name in leave_out:
            continue
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as error:
            if error.name != name:
                raise
            continue
        yield name, module
