"""Staff views for releasing figures: which quarters have figures awaiting release, the figures of
one quarter with who entered them and any warning they confirmed, and the decision maker's
"Release these figures"."""

from allauth.account.decorators import reauthentication_required
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from pcc_portal.approvals.models import NotPermitted
from pcc_portal.publications.views import reauthenticated_at

from .. import selectors, services
from ..models import FiguresChanged, FiguresRelease, review_key
from ..periods import PeriodError, parse_quarter_slug
from .manage import staff


def _quarter(slug):
    try:
        return parse_quarter_slug(slug)
    except PeriodError as error:
        raise Http404("No such quarter.") from error


@staff("performance.view_datapoint")
def release_list(request):
    return render(
        request,
        "performance/manage/release_list.html",
        {
            "quarters": selectors.quarters_awaiting_release(),
            "releasers": selectors.who_may_release(),
        },
    )


@staff("performance.view_datapoint")
def release_quarter(request, quarter):
    period = _quarter(quarter)
    points = selectors.figures_awaiting_release(period)
    return render(
        request,
        "performance/manage/release.html",
        {
            "quarter": period,
            "points": points,
            "reviewed": review_key(points),
            "releasers": selectors.who_may_release(),
            "figures_release": FiguresRelease.objects.filter(period_start=period.start).first()
            or FiguresRelease(period_start=period.start),
        },
    )


# Releasing asks for the password (or, with two-factor sign-in, a code) again when the session
# has not re-authenticated in the last few minutes; allauth then replays this POST.
@require_POST
@staff("performance.release_figures")
@reauthentication_required
def release_figures(request, quarter):
    period = _quarter(quarter)
    page = reverse("performance_manage:release_quarter", kwargs={"quarter": period.slug})
    try:
        released = services.release_quarter_figures(
            quarter=period,
            by=request.user,
            reviewed=request.POST.get("reviewed", ""),
            reauthenticated_at=reauthenticated_at(request),
        )
    except (FiguresChanged, NotPermitted) as error:
        messages.error(request, str(error))
        return redirect(page)
    if released:
        messages.success(
            request,
            f"{len(released)} figure{'s' if len(released) != 1 else ''} for {period.label} "
            "released: the public sees them now.",
        )
    else:
        messages.info(request, f"No figures for {period.label} were waiting to be released.")
    return redirect(page)
