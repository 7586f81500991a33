"""Public plan pages, served from the latest published version (and its frozen parts)."""

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.shortcuts import render

from pcc_portal.caching import cached_fragment, lazy_context
from pcc_portal.publications.models import Version
from pcc_portal.publications.public import (
    NOT_ON_PAGES,
    live_version,
    published_and_live_version,
    published_or_gone,
    version_changes_response,
    version_pdf_or_gone,
)
from pcc_portal.publications.responses import version_pdf_response

from ..models import DeliveryReport, Plan
from ..selectors import (
    PublishedPlan,
    public_steps,
    public_versions,
    published_part,
    released_deliveries,
    released_delivery,
)


def _published(slug):
    return published_and_live_version(Plan.objects, slug=slug)


def plan_list(request):
    """Current plan first, earlier plans after, each with its latest published version."""
    plans = list(Plan.objects.public().in_public_order())
    latest = {}
    for version in (
        Version.objects.public()
        .filter(
            content_type=ContentType.objects.get_for_model(Plan),
            object_id__in=[plan.pk for plan in plans],
        )
        .order_by("-number")
    ):
        latest.setdefault(version.object_id, version)
    entries = [(plan, latest[plan.pk]) for plan in plans]
    current = entries[0] if entries and not entries[0][0].is_superseded else None
    earlier = entries[1:] if current else entries
    return render(request, "plans/list.html", {"current": current, "earlier": earlier})


def _published_heading(slug):
    """The plan and its live version without the version's page (kept in the cache whole, a
    plan's page would be kept twice: here and in the page's cached part)."""
    plan = published_or_gone(Plan.objects, slug=slug)
    return {"plan": plan, "version": live_version(plan, defer=("html", *NOT_ON_PAGES))}


def plan_detail(request, slug):
    # Kept for the publication generation, like the page's content (plans/detail.html): a
    # release or a withdrawal moves it on; signed-in users always read it afresh.
    heading = cached_fragment(request, "plan-heading", lambda: _published_heading(slug), (slug,))
    plan, version = heading["plan"], heading["version"]
    content = lazy_context(
        ["versions", "steps"],
        lambda: {
            "versions": public_versions(plan=plan),
            "steps": list(public_steps(plan=plan, version=version)),
        },
    )
    return render(request, "plans/detail.html", {**heading, **content})


def _priority_page(slug, number):
    heading = _published_heading(slug)
    plan, version = heading["plan"], heading["version"]
    part = published_part(version=version, key=f"priority-{number}")
    if part is None:
        raise Http404("This plan has no such priority.")
    return {**heading, "part": part, "priority": _priority_as_published(plan, version, number)}


def plan_priority(request, slug, number):
    # The priority as published is kept for the publication generation, its golden thread
    # too (plans/priority.html): nothing here changes but by a release or a withdrawal.
    context = cached_fragment(
        request, "plan-priority", lambda: _priority_page(slug, number), (slug, number)
    )
    return render(request, "plans/priority.html", context)


def _priority_as_published(plan, version, number):
    """The priority that was number ``number`` when ``version`` was published (a draft may have
    renumbered the plan's priorities since), as published; None if there was none."""
    return PublishedPlan(plan, version=version).priority(number)


def plan_commitments(request, slug):
    """The commitments tracker: the latest delivery update released, or, if the plan has been
    published since, the tracker frozen with the plan's version; with the list of delivery
    updates released either way."""
    plan, version = _published(slug)
    delivery = released_delivery(plan=plan)
    context = {"plan": plan, "version": version, "versions": released_deliveries(plan=plan)}
    if delivery is not None and delivery.published_at > version.published_at:
        return render(
            request,
            "plans/commitments.html",
            {**context, "delivery": delivery, "html": delivery.html},
        )
    part = published_part(version=version, key="commitments")
    if part is None:
        raise Http404("This version of the plan has no commitments tracker.")
    return render(request, "plans/commitments.html", {**context, "html": part.html})


def plan_pdf(request, slug):
    plan, version = _published(slug)
    return version_pdf_response(version, filename=f"{plan.slug}.pdf")


def plan_version_pdf(request, slug, number):
    plan = published_or_gone(Plan.objects, slug=slug)
    return version_pdf_or_gone(plan, number, filename=f"{plan.slug}-version-{number}.pdf")


def plan_version_changes(request, slug, number):
    plan = published_or_gone(Plan.objects, slug=slug)
    return version_changes_response(
        request, plan, number, version_pdf=("plans:version_pdf", {"slug": plan.slug})
    )


def plan_delivery_pdf(request, slug):
    """The PDF of the latest delivery update released: 410 with the notice once withdrawn."""
    plan = published_or_gone(Plan.objects, slug=slug)
    report = published_or_gone(DeliveryReport.objects, plan=plan)
    return version_pdf_response(live_version(report), filename=f"{plan.slug}-delivery.pdf")


def delivery_version_changes(request, slug, number):
    """What delivery update ``number`` changed in the tracker against the update before."""
    plan = published_or_gone(Plan.objects, slug=slug)
    report = published_or_gone(DeliveryReport.objects, plan=plan)
    return version_changes_response(request, report, number, current_url=plan.get_commitments_url())
