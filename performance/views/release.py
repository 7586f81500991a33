"""Staff views for releasing figures: which quarters have figures awaiting release, the figures of
one quarter with who entered them and any warning they confirmed, and the decision maker's
"Release these figures"."""

from allauth.account.decorators import reauthentication_required
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from pcc_portal.errors import FiguresChanged, InvalidTransition, NotPermitted
from pcc_portal.publications.forms import WithdrawForm
from pcc_portal.publications.views import (
    reauthenticated_at,
    render_withdraw_page,
    require_reauthentication,
)
from pcc_portal.views.decorators import staff

from .. import selectors, services
from ..models import DataPoint, FiguresRelease, FiguresWithdrawal, review_key
from ..periods import PeriodError, parse_quarter_slug


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
    points = selectors.figures_awaiting_release(quarter=period)
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
            "released_count": DataPoint.objects.released().in_quarter(period).count(),
            "withdrawals": FiguresWithdrawal.objects.in_quarter(period).select_related(
                "withdrawn_by"
            ),
        },
    )


def _withdraw_consequences(period, reports):
    consequences = [
        f"The figures for {period.label} (the quarter's and its months') leave every public "
        "page at once: the performance dashboard, each measure's page, chart and CSV, the "
        "golden thread and the API.",
        f"Where they used to show, the public reads “Figures for {period.label} withdrawn on "
        "<date>: <reason>” until figures for the quarter are released again.",
        "The figures become drafts awaiting release: correct them, then release them again as "
        "a new release. The figures withdrawn are kept, as released, for the record.",
    ]
    for report in reports:
        consequences.append(
            f"“{report.publication_title()}” shows them, so it is withdrawn too, with the "
            "same reason (its address answers “Gone” with the notice)."
        )
    return consequences


# Withdrawing asks for the password again too, once the reason is given; allauth then replays
# the POST.
@require_http_methods(["GET", "POST"])
@staff("performance.release_figures")
def withdraw_figures(request, quarter):
    period = _quarter(quarter)
    page = reverse("performance_manage:release_quarter", kwargs={"quarter": period.slug})
    released = list(DataPoint.objects.released().in_quarter(period).select_related("measure__plan"))
    if not released:
        messages.info(request, f"No figures for {period.label} are public: none to withdraw.")
        return redirect(page)
    form = WithdrawForm(request.POST or None, action=request.path)
    form.fields[
        "reason"
    ].help_text = (
        f"The public notice says it: “Figures for {period.label} withdrawn on <date>: <reason>”."
    )
    if request.method == "POST" and form.is_valid():
        require_reauthentication(request)
        try:
            withdrawal, reports = services.withdraw_figures(
                quarter=period,
                by=request.user,
                reason=form.cleaned_data["reason"],
                reauthenticated_at=reauthenticated_at(request),
            )
        except (ValidationError, InvalidTransition) as error:
            form.add_error("reason", "; ".join(getattr(error, "messages", [str(error)])))
        else:
            messages.success(
                request,
                f"{len(withdrawal.figures)} figure{'s' if len(withdrawal.figures) != 1 else ''} "
                f"for {period.label} withdrawn from the public site"
                + (
                    f", with {len(reports)} report{'s' if len(reports) != 1 else ''}"
                    if reports
                    else ""
                )
                + ". Correct them below, then release them again.",
            )
            return redirect(page)
    return render_withdraw_page(
        request,
        form=form,
        title=f"Figures for {period.label}",
        caption=f"{len(released)} figure{'s' if len(released) != 1 else ''} public now",
        back_url=page,
        consequences=_withdraw_consequences(period, selectors.reports_showing(points=released)),
        warning="A withdrawal cannot be undone: the figures withdrawn stay withdrawn, kept for "
        "the record. Corrected figures for the quarter are public again only once they are "
        "released, as a new release.",
        status=400 if form.errors else 200,
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
        released = services.release_figures(
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
