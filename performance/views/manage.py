"""Staff views: figures and commentary per measure, spreadsheet imports, quarterly reports and
strategic scrutiny meetings with their actions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from pcc_portal.errors import InvalidTransition
from pcc_portal.publications import services as publishing
from pcc_portal.publications.selectors import publishing_panel, review
from pcc_portal.publications.services import freeze
from pcc_portal.publications.views import publish_after_review
from pcc_portal.tables import csv_response

from .. import selectors, services
from ..forms import (
    ActionForm,
    ActionUpdateForm,
    CommentaryForm,
    FigureForm,
    ImportUploadForm,
    PaperForm,
    ReportCommentaryForm,
    ReportForm,
    ScrutinyMeetingForm,
)
from ..models import (
    DataPoint,
    MeasureImport,
    QuarterlyReport,
    ReportCommentary,
    ScrutinyAction,
    ScrutinyMeeting,
    UnconfirmedFigure,
)

PREVIEW_ROWS = 50


def staff(permission):
    """login_required then the permission (403 for the signed-in without it)."""

    def decorate(view):
        return login_required(permission_required(permission, raise_exception=True)(view))

    return decorate


def _form_page(request, form, *, title, crumbs, intro="", status=200, enctype=False):
    return render(
        request,
        "performance/manage/form.html",
        {"form": form, "title": title, "crumbs": crumbs, "intro": intro, "multipart": enctype},
        status=400 if request.method == "POST" and form.errors else status,
    )


def _plans():
    from plans.models import Plan

    return Plan.objects.order_by("-term_start")


def _measure(pk):
    from plans.models import Measure

    return get_object_or_404(Measure.objects.select_related("plan", "priority"), pk=pk)


# Measures and figures -------------------------------------------------------------------------


@staff("performance.view_datapoint")
def index(request):
    plan_id = request.GET.get("plan")
    plans = list(_plans())
    plan = next((p for p in plans if str(p.pk) == plan_id), None) or (plans[0] if plans else None)
    sections = selectors.plan_sections(plan, figures=selectors.ENTERED) if plan else []
    return render(
        request,
        "performance/manage/index.html",
        {
            "plans": plans,
            "plan": plan,
            "sections": sections,
            "awaiting_release": selectors.quarters_awaiting_release(),
            "releasers": selectors.who_may_release(),
            "recent_imports": MeasureImport.objects.select_related("uploaded_by")[:5],
            "open_actions": ScrutinyAction.objects.open().select_related("raised_at")[:10],
        },
    )


@staff("performance.view_datapoint")
def measure(request, pk):
    measure = _measure(pk)
    row = selectors.measure_row(measure, figures=selectors.ENTERED)
    figure_form = None
    if measure.is_numeric:
        figure_form = FigureForm(measure=measure)
        figure_form.helper.form_action = reverse("performance_manage:figure_add", args=[pk])
    return render(
        request,
        "performance/manage/measure.html",
        {
            "measure": measure,
            "row": row,
            "points": list(reversed(row.points)),
            "commentary": selectors.measure_commentary(measure),
            "figure_form": figure_form,
            "releasers": selectors.who_may_release(),
        },
    )


def _record(request, form, *, measure, period):
    """Record the figure the valid ``form`` holds; False, with the problem on the form, if the
    service refuses it (a figure changed since the form was checked)."""
    data = form.cleaned_data
    try:
        services.record_figure(
            measure=measure,
            period=period,
            value=data["value"],
            comparison_value=data["comparison_value"],
            target=data["target"],
            source=data["source"],
            note=data["note"],
            by=request.user,
            # Only the warning the person was shown is confirmed.
            confirmed=bool(form.flag and data["confirmed"]),
        )
    except ValidationError as error:
        form.add_error(None, error)  # by field when the service names them
        return False
    except UnconfirmedFigure as error:
        form.show_flag(str(error))
        return False
    return True


def _saved_message(request, period, verb):
    messages.success(
        request,
        f"The figure for {period.label} was {verb}. It is a draft until a decision maker "
        "releases the quarter's figures.",
    )


@staff("performance.add_datapoint")
def figure_add(request, pk):
    measure = _measure(pk)
    crumbs = [
        (reverse("performance_manage:index"), "Performance"),
        (reverse("performance_manage:measure", args=[measure.pk]), measure.wording),
    ]
    if not measure.is_numeric:
        messages.error(request, "This measure has no unit: add commentary instead of figures.")
        return redirect("performance_manage:measure", pk=measure.pk)
    form = FigureForm(request.POST or None, measure=measure)
    if request.method == "POST" and form.is_valid():
        period = form.cleaned_data["period"]
        if _record(request, form, measure=measure, period=period):
            _saved_message(request, period, "saved")
            return redirect("performance_manage:measure", pk=measure.pk)
    return _form_page(request, form, title=f"Add a figure: {measure.wording}", crumbs=crumbs)


@staff("performance.change_datapoint")
def figure_edit(request, pk):
    point = get_object_or_404(DataPoint.objects.select_related("measure"), pk=pk)
    measure = point.measure
    crumbs = [
        (reverse("performance_manage:index"), "Performance"),
        (reverse("performance_manage:measure", args=[measure.pk]), measure.wording),
    ]
    form = FigureForm(request.POST or None, instance=point, measure=measure)
    saved = (
        request.method == "POST"
        and form.is_valid()
        and _record(request, form, measure=measure, period=point.period)
    )
    if saved:
        _saved_message(request, point.period, "corrected")
        return redirect("performance_manage:measure", pk=measure.pk)
    intro = measure.wording
    if point.is_released:
        intro += (
            ". This figure is public: your correction is a draft, and the public keeps the "
            "released figure until a decision maker releases the correction."
        )
    return _form_page(
        request,
        form,
        title=f"Correct the figure for {point.period.label}",
        crumbs=crumbs,
        intro=intro,
    )


@staff("performance.add_measurecommentary")
def commentary_add(request, pk):
    measure = _measure(pk)
    crumbs = [
        (reverse("performance_manage:index"), "Performance"),
        (reverse("performance_manage:measure", args=[measure.pk]), measure.wording),
    ]
    form = CommentaryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        entry = form.save(commit=False)
        entry.measure = measure
        entry.written_by = request.user
        entry.save()
        messages.success(request, "The commentary was added.")
        return redirect("performance_manage:measure", pk=measure.pk)
    return _form_page(request, form, title=f"Add commentary: {measure.wording}", crumbs=crumbs)


# Imports --------------------------------------------------------------------------------------


@staff("performance.view_measureimport")
def import_list(request):
    imports = MeasureImport.objects.select_related("plan", "uploaded_by", "applied_by")[:100]
    return render(request, "performance/manage/import_list.html", {"imports": imports})


@staff("performance.add_measureimport")
def import_upload(request):
    crumbs = [
        (reverse("performance_manage:index"), "Performance"),
        (reverse("performance_manage:imports"), "Imports"),
    ]
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        measure_import = services.upload_import(
            plan=form.cleaned_data["plan"], upload=form.cleaned_data["file"], by=request.user
        )
        return redirect(measure_import.get_absolute_url())
    return render(
        request,
        "performance/manage/import_upload.html",
        {
            "form": form,
            "title": "Import figures from a spreadsheet",
            "crumbs": crumbs,
            "plans": _import_measures(),
        },
        status=400 if request.method == "POST" and form.errors else 200,
    )


def _import_measures():
    """Each plan with the measures a spreadsheet can give figures for (those with a unit), as
    staff see them (priority, wording) beside the number the spreadsheet names them by."""
    from plans.models import Measure

    plans = list(_plans())
    measures = (
        Measure.objects.filter(plan__in=plans)
        .exclude(unit="")
        .select_related("priority")
        .order_by("priority__number", "order", "pk")
    )
    by_plan = {}
    for measure in measures:
        by_plan.setdefault(measure.plan_id, []).append(measure)
    return [(plan, by_plan.get(plan.pk, [])) for plan in plans]


@staff("performance.add_measureimport")
def import_template(request):
    from plans.models import Measure

    plan_id = request.GET.get("plan", "")
    valid = plan_id.isdecimal() and len(plan_id) < 19  # a number the database can compare
    plan = get_object_or_404(_plans(), pk=int(plan_id) if valid else 0)
    measures = Measure.objects.filter(plan=plan).exclude(unit="")
    rows = [
        ["measure", "period", "value", "comparison", "target", "source", "note"],
        *(
            [measure.pk, "", "", "", "", "", measure.wording]
            for measure in measures.order_by("priority__number", "order", "pk")
        ),
    ]
    return csv_response(rows, filename=f"figures-{plan.slug}.csv")


@staff("performance.view_measureimport")
def import_detail(request, pk):
    measure_import = get_object_or_404(
        MeasureImport.objects.select_related("plan", "uploaded_by", "applied_by"), pk=pk
    )
    by_row = {}
    for error in measure_import.errors:
        by_row.setdefault(error["row"], []).append(error)
    error_rows = sorted(by_row.items())
    return render(
        request,
        "performance/manage/import.html",
        {
            "measure_import": measure_import,
            "flagged": _flagged_rows(measure_import),
            "flags_cut_short": measure_import.flag_count > len(measure_import.flags),
            "error_rows": error_rows,
            "error_count": measure_import.error_count,
            "error_row_count": measure_import.error_row_count,
            "errors_cut_short": measure_import.error_row_count > len(error_rows),
            "preview": _preview_rows(measure_import) if not measure_import.errors else [],
            "preview_limit": PREVIEW_ROWS,
        },
    )


def _flagged_rows(measure_import):
    """The rows flagged for confirmation, each with its measure."""
    from plans.models import Measure

    if measure_import.errors or not measure_import.flags:
        return []
    ids = {flag["measure"] for flag in measure_import.flags}
    measures = Measure.objects.in_bulk(ids)
    return [{**flag, "measure": measures.get(flag["measure"])} for flag in measure_import.flags]


def _preview_rows(measure_import):
    """The first rows as they will be applied, with the figure each replaces."""
    from plans.models import Measure

    if measure_import.status not in (MeasureImport.Status.PREVIEWED, MeasureImport.Status.APPLIED):
        return []
    try:
        measure_import.file.open("rb")
        from ..imports import check_rows, read_rows

        header, body = read_rows(measure_import.file, measure_import.original_name)
    except Exception:  # the stored file is gone: the counts above still tell the story
        return []
    finally:
        measure_import.file.close()
    measures = {m.pk: m for m in Measure.objects.filter(plan=measure_import.plan).exclude(unit="")}
    result = check_rows(header, body[:PREVIEW_ROWS], measures=measures)
    flagged = {flag["row"] for flag in measure_import.flags}
    return [
        {"row": row, "measure": measures[row.measure_id], "flagged": row.row in flagged}
        for row in result.rows
    ]


@require_POST
@staff("performance.change_measureimport")
def import_apply(request, pk):
    measure_import = get_object_or_404(MeasureImport, pk=pk)
    confirmed = request.POST.get("confirmed") == "yes"
    try:
        measure_import = services.apply_import(
            measure_import=measure_import, by=request.user, confirmed=confirmed
        )
    except InvalidTransition as error:
        messages.error(request, str(error))
    else:
        if measure_import.status == MeasureImport.Status.APPLIED:
            messages.success(
                request,
                f"{measure_import.row_count} rows applied: {measure_import.new_count} new "
                f"figures, {measure_import.replaced_count} replaced. They are drafts until a "
                "decision maker releases each quarter's figures.",
            )
        elif measure_import.errors:
            messages.error(request, "Nothing was applied: the file now has errors, listed below.")
        elif confirmed:
            messages.error(
                request,
                "Nothing was applied: the rows to check changed since you saw them. Check the "
                "rows listed below, then confirm again.",
            )
        else:
            messages.error(
                request,
                "Nothing was applied: tick “I have checked the flagged figures” once you have "
                "checked each row listed below.",
            )
    return redirect(measure_import.get_absolute_url())


@require_POST
@staff("performance.change_measureimport")
def import_discard(request, pk):
    measure_import = get_object_or_404(MeasureImport, pk=pk)
    try:
        services.discard_import(measure_import=measure_import, by=request.user)
    except InvalidTransition as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "The import was discarded: nothing was applied.")
    return redirect(measure_import.get_absolute_url())


# Quarterly reports ----------------------------------------------------------------------------


@staff("performance.view_quarterlyreport")
def report_list(request):
    reports = QuarterlyReport.objects.visible_to(request.user).select_related("plan")
    return render(request, "performance/manage/report_list.html", {"reports": reports})


def _report_crumbs(report=None):
    crumbs = [
        (reverse("performance_manage:index"), "Performance"),
        (reverse("performance_manage:reports"), "Quarterly reports"),
    ]
    if report is not None:
        crumbs.append((report.get_manage_url(), str(report)))
    return crumbs


@staff("performance.add_quarterlyreport")
def report_create(request):
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        report = form.save(commit=False)
        report._history_user = request.user
        report.save()
        messages.success(request, f"“{report}” was saved as a draft.")
        return redirect(report.get_manage_url())
    return _form_page(request, form, title="Start a quarterly report", crumbs=_report_crumbs())


@staff("performance.change_quarterlyreport")
def report_edit(request, pk):
    report = get_object_or_404(QuarterlyReport.objects.visible_to(request.user), pk=pk)
    form = ReportForm(request.POST or None, instance=report)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Your changes were saved. The public sees them when you publish.")
        return redirect(report.get_manage_url())
    return _form_page(request, form, title=f"Edit {report}", crumbs=_report_crumbs(report))


@staff("performance.change_quarterlyreport")
def report_commentary(request, pk):
    from plans.models import Priority

    report = get_object_or_404(QuarterlyReport.objects.visible_to(request.user), pk=pk)
    existing = {c.priority_id: c.text for c in ReportCommentary.objects.filter(report=report)}
    form = ReportCommentaryForm(
        request.POST or None,
        priorities=Priority.objects.filter(plan=report.plan).order_by("number"),
        existing=existing,
    )
    if request.method == "POST" and form.is_valid():
        services.save_report_commentary(report=report, texts=form.texts(), by=request.user)
        messages.success(request, "The commentary was saved.")
        return redirect(report.get_manage_url())
    return _form_page(
        request,
        form,
        title="Commentary per priority",
        crumbs=_report_crumbs(report),
        intro=str(report),
    )


def _report_page(request, report):
    context = {
        "report": report,
        "object": report,
        **publishing_panel(
            obj=report,
            user=request.user,
            publish_url=reverse("performance_manage:report_publish", kwargs={"pk": report.pk}),
            publish_permission="performance.publish_quarterlyreport",
        ),
        "preview_html": freeze(obj=report)[0],
    }
    return render(request, "performance/manage/report.html", context)


@staff("performance.view_quarterlyreport")
def report_detail(request, pk):
    report = get_object_or_404(
        QuarterlyReport.objects.visible_to(request.user).select_related("plan"), pk=pk
    )
    return _report_page(request, report)


@require_http_methods(["GET", "POST"])
@staff("performance.publish_quarterlyreport")
def report_publish(request, pk):
    """The check page (with the quarter's figures it releases), then publishing the report."""
    report = get_object_or_404(QuarterlyReport.objects.visible_to(request.user), pk=pk)
    return publish_after_review(
        request,
        obj=report,
        publish=lambda data: services.publish_report(
            report=report, by=request.user, note=data["change_note"]
        ),
        review=lambda: review(obj=report, parts=selectors.report_release_parts(report)),
        refused=(InvalidTransition,),
    )


# Strategic scrutiny meetings ------------------------------------------------------------------


def _meeting_crumbs(meeting=None):
    crumbs = [
        (reverse("performance_manage:index"), "Performance"),
        (reverse("performance_manage:meetings"), "Scrutiny meetings"),
    ]
    if meeting is not None:
        crumbs.append((meeting.get_manage_url(), str(meeting)))
    return crumbs


@staff("performance.view_scrutinymeeting")
def meeting_list(request):
    meetings = ScrutinyMeeting.objects.visible_to(request.user).order_by("-date")
    actions = ScrutinyAction.objects.open().select_related("raised_at")
    return render(
        request, "performance/manage/meeting_list.html", {"meetings": meetings, "actions": actions}
    )


@staff("performance.add_scrutinymeeting")
def meeting_create(request):
    form = ScrutinyMeetingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        meeting = form.save(commit=False)
        meeting._history_user = request.user
        meeting.save()
        messages.success(request, f"“{meeting}” was saved as a draft.")
        return redirect(meeting.get_manage_url())
    return _form_page(
        request, form, title="Record a strategic scrutiny meeting", crumbs=_meeting_crumbs()
    )


@staff("performance.change_scrutinymeeting")
def meeting_edit(request, pk):
    meeting = get_object_or_404(ScrutinyMeeting.objects.visible_to(request.user), pk=pk)
    form = ScrutinyMeetingForm(request.POST or None, instance=meeting)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Your changes were saved. The public sees them when you publish.")
        return redirect(meeting.get_manage_url())
    return _form_page(request, form, title=f"Edit {meeting}", crumbs=_meeting_crumbs(meeting))


def _meeting_page(request, meeting):
    context = {
        "meeting": meeting,
        "object": meeting,
        **meeting.publication_context(),
        **publishing_panel(
            obj=meeting,
            user=request.user,
            publish_url=reverse("performance_manage:meeting_publish", kwargs={"pk": meeting.pk}),
            publish_permission="performance.publish_scrutinymeeting",
        ),
        "preview_html": freeze(obj=meeting)[0],
    }
    return render(request, "performance/manage/meeting.html", context)


@staff("performance.view_scrutinymeeting")
def meeting_detail(request, pk):
    meeting = get_object_or_404(ScrutinyMeeting.objects.visible_to(request.user), pk=pk)
    return _meeting_page(request, meeting)


@require_http_methods(["GET", "POST"])
@staff("performance.publish_scrutinymeeting")
def meeting_publish(request, pk):
    """The check page, then publishing the note of the meeting."""
    meeting = get_object_or_404(ScrutinyMeeting.objects.visible_to(request.user), pk=pk)
    return publish_after_review(
        request,
        obj=meeting,
        publish=lambda data: publishing.publish(
            obj=meeting, by=request.user, note=data["change_note"]
        ),
        published_message=lambda version: (
            f"Version {version.number} of the note is being "
            "published. The public sees it as soon as its PDF is ready."
        ),
    )


@staff("performance.add_paper")
def paper_add(request, pk):
    # Anyone who may add to a meeting's record is staff who may see its draft.
    meeting = get_object_or_404(ScrutinyMeeting, pk=pk)
    form = PaperForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        paper = form.save(commit=False)
        paper.meeting = meeting
        paper.order = meeting.papers.count() + 1
        paper._history_user = request.user
        paper.save()
        messages.success(request, f"“{paper}” was added to the papers received.")
        return redirect(meeting.get_manage_url())
    return _form_page(request, form, title="Add a paper received", crumbs=_meeting_crumbs(meeting))


@staff("performance.add_scrutinyaction")
def action_add(request, pk):
    # Anyone who may add to a meeting's record is staff who may see its draft.
    meeting = get_object_or_404(ScrutinyMeeting, pk=pk)
    form = ActionForm(request.POST or None, initial={"owner": "Chief Constable"})
    if request.method == "POST" and form.is_valid():
        action = form.save(commit=False)
        action.raised_at = meeting
        action._history_user = request.user
        action.save()
        form.save_m2m()
        messages.success(request, "The action was added. It is carried forward until closed.")
        return redirect(meeting.get_manage_url())
    return _form_page(
        request,
        form,
        title="Add an action for the Chief Constable",
        crumbs=_meeting_crumbs(meeting),
    )


@staff("performance.change_scrutinyaction")
def action_edit(request, pk):
    action = get_object_or_404(ScrutinyAction.objects.select_related("raised_at"), pk=pk)
    form = ActionUpdateForm(
        request.POST or None,
        initial={
            "status": action.status,
            "update": action.update,
            "closed_on": action.closed_on,
            "priorities": action.priorities.all(),
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.update_action(
                action=action,
                status=data["status"],
                update=data["update"],
                closed_on=data["closed_on"],
                priorities=data["priorities"],
                by=request.user,
            )
        except (InvalidTransition, ValidationError) as error:
            form.add_error("status", str(error.message if hasattr(error, "message") else error))
        else:
            messages.success(request, "The action's progress was saved.")
            return redirect(action.raised_at.get_manage_url())
    return _form_page(
        request,
        form,
        title="Record progress on an action",
        crumbs=_meeting_crumbs(action.raised_at),
        intro=action.description,
    )
