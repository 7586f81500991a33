"""What may be asked for approval: each kind names its model, the permission that approves it
(publishing or releasing it), the permission that lets an editor ask, where its check page is, and
how to tell whether it changed since the request.

Approving always goes through the kind's own publishing path (the check page and its services);
this module only says where that is.
"""

import hashlib
from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse


@dataclass(frozen=True)
class Kind:
    slug: str
    model_label: str  # "app_label.ModelName"
    approve_permission: str  # publishing or releasing it
    request_permission: str  # editing it: who may ask
    noun: str  # "plan", for messages: "ask for approval to publish this plan"
    verb: str  # "publish" or "release"
    check_url: Callable  # obj -> the check page where approving happens
    key: Callable  # obj -> the key in the request URL
    get_object: Callable  # (key, user) -> the object, 404 if the user may not see it
    fingerprint: Callable  # obj -> what it would release now, as a digest
    refusal: Callable  # obj -> why it cannot be released now ("" when it can)

    @property
    def model(self):
        return apps.get_model(self.model_label)


def _digest(*texts):
    return hashlib.sha256("\x00".join(texts).encode()).hexdigest()


def _publishable_fingerprint(obj):
    """What publishing ``obj`` would freeze now: its page and its document."""
    from pcc_portal.publications.services import freeze

    page_html, document_html, _ = freeze(obj=obj)
    return _digest(page_html, document_html)


def _visible(model_label):
    def get(key, user):
        model = apps.get_model(model_label)
        if not str(key).isdigit():
            raise Http404("No such object.")
        return get_object_or_404(model.objects.visible_to(user), pk=int(key))

    return get


def _published_kind(model_label, *, slug, noun, check_url_name, refusal=lambda obj: ""):
    """The kind of an object that is published from its check page (``check_url_name``, taking
    its pk): those who may publish it approve, those who may change it ask."""
    app_label, model_name = model_label.lower().split(".")
    return Kind(
        slug=slug,
        model_label=model_label,
        approve_permission=f"{app_label}.publish_{model_name}",
        request_permission=f"{app_label}.change_{model_name}",
        noun=noun,
        verb="publish",
        check_url=lambda obj: reverse(check_url_name, kwargs={"pk": obj.pk}),
        key=lambda obj: str(obj.pk),
        get_object=_visible(model_label),
        fingerprint=_publishable_fingerprint,
        refusal=refusal,
    )


# --- plans ------------------------------------------------------------------------------------
def _plan_refusal(plan):
    # A plan is published by the step that issues or varies it, once the steps before are taken.
    if plan.publishing_stage() is not None:
        return ""
    return (
        f"\u201c{plan}\u201d is at \u201c{plan.get_stage_display()}\u201d: a plan is published "
        "when it is issued, and again when it is varied."
    )


# --- quarterly figures ------------------------------------------------------------------------
def _figures_points(release):
    from performance.models import DataPoint

    return list(DataPoint.objects.awaiting_release().in_quarter(release.period))


def _figures_fingerprint(release):
    from performance.models import review_key

    return review_key(_figures_points(release))


def _figures_refusal(release):
    if _figures_points(release):
        return ""
    return f"No figures for {release.period.label} are waiting to be released."


def _figures_release(key, user):
    from performance.models import FiguresRelease
    from performance.periods import PeriodError, parse_quarter_slug

    if not user.has_perm("performance.view_datapoint"):
        raise Http404("No such quarter.")
    try:
        period = parse_quarter_slug(key)
    except PeriodError as error:
        raise Http404("No such quarter.") from error
    release = FiguresRelease.objects.filter(period_start=period.start).first()
    return release or FiguresRelease(period_start=period.start)


KINDS = {
    kind.slug: kind
    for kind in [
        _published_kind(
            "plans.Plan",
            slug="plan",
            noun="plan",
            check_url_name="plans_manage:publish",
            refusal=_plan_refusal,
        ),
        _published_kind(
            "performance.QuarterlyReport",
            slug="quarterly-report",
            noun="quarterly report",
            check_url_name="performance_manage:report_publish",
        ),
        Kind(
            slug="figures",
            model_label="performance.FiguresRelease",
            approve_permission="performance.release_figures",
            request_permission="performance.change_datapoint",
            noun="quarter's figures",
            verb="release",
            check_url=lambda release: release.get_manage_url(),
            key=lambda release: release.period.slug,
            get_object=_figures_release,
            fingerprint=_figures_fingerprint,
            refusal=_figures_refusal,
        ),
    ]
}


def kind_of(obj):
    """The kind of ``obj``, or None when it is not asked for approval (it is published by
    those who may, with no request)."""
    label = obj._meta.label
    return next((kind for kind in KINDS.values() if kind.model_label == label), None)


def get_kind(slug):
    try:
        return KINDS[slug]
    except KeyError as error:
        raise Http404("Nothing of that kind is approved here.") from error
