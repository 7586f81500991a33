"""Staff views for what happened at a meeting: attendance, declarations, public questions,
minutes and resolutions per item, and publishing and approving the minutes."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST
from django.views.generic import CreateView, FormView

from pcc_portal.errors import InvalidTransition
from pcc_portal.publications import services as publishing
from pcc_portal.publications.selectors import publishing_panel
from pcc_portal.publications.views import publish_after_review

from ..forms import AttendanceForm, DeclarationForm, ItemMinutesForm, PublicQuestionForm
from ..models import Minutes
from ..services import proceedings
from .manage_meetings import AtItem, AtMeeting, _item, _meeting, _meeting_crumbs


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


class _ProceedingsPage:
    """A page recording what happened at the meeting: under its proceedings, and back there
    once saved."""

    def get_crumbs(self):
        return _back_to_proceedings(self.get_meeting())

    def get_success_url(self):
        return reverse("panel_manage:minutes", kwargs={"pk": self.get_meeting().pk})


class AttendanceView(_ProceedingsPage, AtMeeting, FormView):
    form_class = AttendanceForm
    intro = "Members serving on the date of the meeting are listed."
    success_message = "Attendance was saved."

    def get_page_title(self):
        return f"Attendance at the meeting on {self.get_meeting().date:%-d %B %Y}"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "meeting": self.get_meeting()}

    def save(self, form):
        return proceedings.record_attendance(
            meeting=self.get_meeting(), statuses=form.statuses(), visitors=form.visitor_pairs()
        )


attendance = AttendanceView.as_view()


class ItemMinutesView(_ProceedingsPage, AtItem, FormView):
    permission_required = "panel.change_agendaitem"
    form_class = ItemMinutesForm
    success_message = "The minutes of item {object.number} were saved."

    def get_page_title(self):
        return f"Minutes of item {self.get_item().number}"

    def get_initial(self):
        item = self.get_item()
        return {
            "minutes": item.minutes,
            "resolutions": "\n".join(r.text for r in item.resolutions.order_by("position")),
            "webcast_time": item.webcast_time,
        }

    def save(self, form):
        return proceedings.record_item_minutes(
            item=self.get_item(),
            minutes=form.cleaned_data["minutes"],
            resolutions=form.cleaned_data["resolutions"].splitlines(),
            webcast_start=form.cleaned_data["webcast_time"],
        )


item_minutes = ItemMinutesView.as_view()


@require_POST
@login_required
@permission_required("panel.change_minutes", raise_exception=True)
def approve_minutes(request, pk):
    item = _item(request, pk)
    try:
        approved = proceedings.approve_minutes(item=item)
    except InvalidTransition as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"{approved} were recorded as agreed.")
    return redirect("panel_manage:minutes", pk=item.meeting_id)


class _RecordView(_ProceedingsPage, AtMeeting, CreateView):
    """A record of the meeting (a declaration, a public question), shown in its proceedings."""

    def save(self, form):
        form.instance.meeting = self.get_meeting()
        return form.save()


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
