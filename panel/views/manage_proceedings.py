"""Staff views for what happened at a meeting: attendance, declarations, public questions,
minutes and resolutions per item, and publishing and approving the minutes."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_POST
from django.views.generic import CreateView, FormView

from pcc_portal.views.decorators import staff
from pcc_portal.views.generic import PublishingDetailView, PublishView
from pcc_portal.views.steps import refusal_as_message

from ..forms import AttendanceForm, DeclarationForm, ItemMinutesForm, PublicQuestionForm
from ..models import Minutes
from ..services import proceedings
from .manage_meetings import (
    AtItem,
    AtMeeting,
    MeetingFormPage,
    _item,
    _meeting,
    _meeting_crumbs,
)


class _MeetingsMinutes:
    """The minutes of the meeting at this address (its ``pk``), for a meeting this user may
    see; created empty the first time."""

    def get_object(self, queryset=None):
        self.meeting = _meeting(self.request, self.kwargs["pk"])
        return proceedings.minutes_of(meeting=self.meeting)


class MinutesDetailView(_MeetingsMinutes, PublishingDetailView):
    """The meeting's proceedings and minutes, with the minutes' publishing panel."""

    permission_required = "panel.view_meeting"
    model = Minutes
    template_name = "panel/manage/proceedings.html"
    context_object_name = "minutes"
    publish_url_name = "panel_manage:minutes_publish"

    def get_publish_url(self):
        return reverse(self.publish_url_name, kwargs={"pk": self.meeting.pk})

    def get_context_data(self, **kwargs):
        meeting = self.meeting
        return {
            **super().get_context_data(**kwargs),
            "meeting": meeting,
            "items": meeting.items.order_by("number").prefetch_related(
                "resolutions", "declarations__member"
            ),
            "attendance": meeting.attendance.select_related("member"),
            "questions": meeting.public_questions.all(),
        }


minutes = MinutesDetailView.as_view()


class MinutesPublishView(_MeetingsMinutes, PublishView):
    """The check page, then publishing the minutes as they stand."""

    permission_required = "panel.publish_minutes"
    model = Minutes

    def publish(self, data):
        return proceedings.publish_minutes(
            meeting=self.meeting, by=self.request.user, note=data["change_note"]
        )

    def published_message(self, version):
        return (
            f"Version {version.number} of the minutes is being "
            "published. The public sees it as soon as its PDF is ready."
        )


minutes_publish = MinutesPublishView.as_view()


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


class AttendanceView(_ProceedingsPage, AtMeeting, MeetingFormPage, FormView):
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


class ItemMinutesView(_ProceedingsPage, AtItem, MeetingFormPage, FormView):
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
@staff("panel.change_minutes")
def approve_minutes(request, pk):
    item = _item(request, pk)
    with refusal_as_message(request):
        approved = proceedings.approve_minutes(item=item)
        messages.success(request, f"{approved} were recorded as agreed.")
    return redirect("panel_manage:minutes", pk=item.meeting_id)


class _RecordView(_ProceedingsPage, AtMeeting):
    """A record of the meeting (a declaration, a public question), shown in its proceedings."""

    def save(self, form):
        form.instance.meeting = self.get_meeting()
        return super().save(form)


class DeclarationCreateView(_RecordView, MeetingFormPage, CreateView):
    permission_required = "panel.add_declaration"
    form_class = DeclarationForm
    page_title = "Record a declaration of interest"
    success_message = "The declaration was recorded."

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "meeting": self.get_meeting()}


class QuestionCreateView(_RecordView, MeetingFormPage, CreateView):
    permission_required = "panel.add_publicquestion"
    form_class = PublicQuestionForm
    page_title = "Record a public question"
    success_message = "The question was recorded."
