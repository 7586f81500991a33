"""Staff views for what happened at a meeting: attendance, declarations, public questions,
minutes and resolutions per item, and publishing and approving the minutes."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST
from django.views.generic import CreateView

from pcc_portal.errors import InvalidTransition
from pcc_portal.publications import services as publishing
from pcc_portal.publications.selectors import publishing_panel
from pcc_portal.publications.views import publish_after_review

from ..forms import AttendanceForm, DeclarationForm, ItemMinutesForm, PublicQuestionForm
from ..models import Minutes
from ..services import proceedings
from .manage_agenda import _item
from .manage_meetings import MeetingFormPage, _form_page, _meeting, _meeting_crumbs


def _proceedings(request, meeting):
    minutes, _ = Minutes.objects.get_or_create(meeting=meeting)
    action = reverse("panel_manage:minutes_publish", kwargs={"pk": meeting.pk})
    return render(
        request,
        "panel/manage/proceedings.html",
        {
            "meeting": meeting,
            "object": minutes,
            "minutes": minutes,
            "items": meeting.items.order_by("number").prefetch_related(
                "resolutions", "declarations__member"
            ),
            "attendance": meeting.attendance.select_related("member"),
            "questions": meeting.public_questions.all(),
            "preview_html": publishing.freeze(obj=minutes)[0],
            **publishing_panel(
                obj=minutes,
                user=request.user,
                publish_url=action,
                publish_permission="panel.publish_minutes",
            ),
        },
    )


@login_required
@permission_required("panel.view_meeting", raise_exception=True)
def minutes(request, pk):
    return _proceedings(request, _meeting(request, pk))


@require_http_methods(["GET", "POST"])
@login_required
@permission_required("panel.publish_minutes", raise_exception=True)
def minutes_publish(request, pk):
    """The check page, then publishing the minutes as they stand."""
    meeting = _meeting(request, pk)
    minutes, _ = Minutes.objects.get_or_create(meeting=meeting)
    return publish_after_review(
        request,
        obj=minutes,
        publish=lambda data: proceedings.publish_minutes(
            meeting=meeting, by=request.user, note=data["change_note"]
        ),
        published_message=lambda version: (
            f"Version {version.number} of the minutes is being "
            "published. The public sees it as soon as its PDF is ready."
        ),
    )


def _back_to_proceedings(meeting):
    return [
        *_meeting_crumbs(meeting),
        (reverse("panel_manage:minutes", kwargs={"pk": meeting.pk}), "Proceedings and minutes"),
    ]


@login_required
@permission_required("panel.change_meeting", raise_exception=True)
def attendance(request, pk):
    meeting = _meeting(request, pk)
    form = AttendanceForm(request.POST or None, meeting=meeting)
    if request.method == "POST" and form.is_valid():
        proceedings.record_attendance(
            meeting=meeting, statuses=form.statuses(), visitors=form.visitor_pairs()
        )
        messages.success(request, "Attendance was saved.")
        return redirect("panel_manage:minutes", pk=meeting.pk)
    return _form_page(
        request,
        form,
        title=f"Attendance at the meeting on {meeting.date:%-d %B %Y}",
        crumbs=_back_to_proceedings(meeting),
        intro="Members serving on the date of the meeting are listed.",
        status=400 if form.errors else 200,
    )


@login_required
@permission_required("panel.change_agendaitem", raise_exception=True)
def item_minutes(request, pk):
    item = _item(request, pk)
    initial = {
        "minutes": item.minutes,
        "resolutions": "\n".join(r.text for r in item.resolutions.order_by("position")),
        "webcast_time": item.webcast_time,
    }
    form = ItemMinutesForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        proceedings.record_item_minutes(
            item=item,
            minutes=form.cleaned_data["minutes"],
            resolutions=form.cleaned_data["resolutions"].splitlines(),
            webcast_start=form.cleaned_data["webcast_time"],
        )
        messages.success(request, f"The minutes of item {item.number} were saved.")
        return redirect("panel_manage:minutes", pk=item.meeting_id)
    return _form_page(
        request,
        form,
        title=f"Minutes of item {item.number}",
        caption=item.title,
        crumbs=_back_to_proceedings(item.meeting),
        status=400 if form.errors else 200,
    )


@require_POST
@login_required
@permission_required("panel.change_minutes", raise_exception=True)
def approve_minutes(request, pk):
    item = _item(request, pk)
    try:
        approved = proceedings.approve_minutes(item=item)
    except (ValueError, InvalidTransition) as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"{approved} were recorded as agreed.")
    return redirect("panel_manage:minutes", pk=item.meeting_id)


class _RecordView(MeetingFormPage, CreateView):
    """A record of the meeting (a declaration, a public question), shown in its proceedings."""

    def get_meeting(self):
        if not hasattr(self, "meeting"):
            self.meeting = _meeting(self.request, self.kwargs["pk"])
        return self.meeting

    def get_crumbs(self):
        return _back_to_proceedings(self.get_meeting())

    def save(self, form):
        form.instance.meeting = self.get_meeting()
        return form.save()

    def get_success_url(self):
        return reverse("panel_manage:minutes", kwargs={"pk": self.get_meeting().pk})


class DeclarationCreateView(_RecordView):
    permission_required = "panel.add_declaration"
    form_class = DeclarationForm
    page_title = "Record a declaration of interest"
    success_message = "The declaration was recorded."

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "meeting": self.get_meeting()}


class QuestionCreateView(_RecordView):
    permission_required = "panel.add_publicquestion"
    form_class = PublicQuestionForm
    page_title = "Record a public question"
    success_message = "The question was recorded."
