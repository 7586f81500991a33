"""Whether a plan, or a part of it, may be deleted: what outside the plan depends on it."""

from collections import Counter

from django.db import router
from django.db.models import ProtectedError, RestrictedError
from django.db.models.deletion import Collector
from django.template.defaultfilters import pluralize


def deletion_blockers(*, obj):
    """What outside the plan would go with ``obj`` if it were deleted (performance figures,
    decisions' links to a priority, transparency records...): such a part must not be deleted.
    Returns descriptions like "12 data points", empty when nothing outside the plan depends on
    it."""
    collector = Collector(using=router.db_for_write(type(obj)))
    try:
        collector.collect([obj])
    except (ProtectedError, RestrictedError) as error:
        objects = getattr(error, "protected_objects", None) or error.restricted_objects
        return [f"{len(objects)} record{pluralize(len(objects))} that depend on it"]
    counts = Counter()
    for model, instances in collector.data.items():
        counts[model] += len(instances)
    for queryset in collector.fast_deletes:
        counts[queryset.model] += queryset.count()
    return [
        f"{count} {model._meta.verbose_name if count == 1 else model._meta.verbose_name_plural}"
        for model, count in counts.items()
        if count and model._meta.app_label != "plans" and not _is_history(model)
    ]


def plan_deletion_refusal(*, plan):
    """Why ``plan`` cannot be deleted (it has been published, or records outside it depend on
    it), or "" when it can."""
    if plan.versions.exists():
        return "This plan has been published, so it stays: its versions are the public record."
    if blockers := deletion_blockers(obj=plan):
        return (
            f"Other records depend on this plan ({', '.join(blockers)}), so it cannot be deleted."
        )
    return ""


def _is_history(model):
    return model.__name__.startswith("Historical")
