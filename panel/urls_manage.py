"""Staff URLs for the Police and Crime Panel, under /manage/panel/."""

from django.urls import path

from .views import manage_agenda as agenda
from .views import manage_meetings as meetings
from .views import manage_people as people
from .views import manage_proceedings as proceedings

app_name = "panel_manage"

urlpatterns = [
    path("", meetings.MeetingListView.as_view(), name="meetings"),
    path("panel/", people.PanelEditView.as_view(), name="panel"),
    path("meetings/new/", meetings.MeetingCreateView.as_view(), name="meeting_create"),
    path("meetings/<int:pk>/", meetings.meeting_detail, name="meeting"),
    path("meetings/<int:pk>/edit/", meetings.MeetingUpdateView.as_view(), name="meeting_edit"),
    path("meetings/<int:pk>/status/", meetings.meeting_status, name="meeting_status"),
    path("meetings/<int:pk>/items/new/", agenda.item_create, name="item_create"),
    path("meetings/<int:pk>/pack/publish/", meetings.pack_publish, name="pack_publish"),
    path("meetings/<int:pk>/pack/retry/", meetings.pack_retry, name="pack_retry"),
    path("meetings/<int:pk>/pack/status.json", meetings.pack_status, name="pack_status"),
    path("meetings/<int:pk>/minutes/", proceedings.minutes, name="minutes"),
    path("meetings/<int:pk>/minutes/publish/", proceedings.minutes_publish, name="minutes_publish"),
    path("meetings/<int:pk>/attendance/", proceedings.attendance, name="attendance"),
    path(
        "meetings/<int:pk>/declarations/new/",
        proceedings.DeclarationCreateView.as_view(),
        name="declaration_create",
    ),
    path(
        "meetings/<int:pk>/questions/new/",
        proceedings.QuestionCreateView.as_view(),
        name="question_create",
    ),
    path("items/<int:pk>/edit/", agenda.ItemUpdateView.as_view(), name="item_edit"),
    path("items/<int:pk>/move/", agenda.item_move, name="item_move"),
    path("items/<int:pk>/delete/", agenda.item_delete, name="item_delete"),
    path("items/<int:pk>/minutes/", proceedings.item_minutes, name="item_minutes"),
    path("items/<int:pk>/approve-minutes/", proceedings.approve_minutes, name="approve_minutes"),
    path("items/<int:pk>/papers/report/", agenda.paper_report_create, name="paper_report"),
    path("items/<int:pk>/papers/upload/", agenda.paper_upload, name="paper_upload"),
    path("items/<int:pk>/papers/published/", agenda.paper_publication, name="paper_publication"),
    path("papers/<int:pk>/delete/", agenda.paper_delete, name="paper_delete"),
    path("pack-papers/<int:pk>/withdraw/", agenda.pack_paper_withdraw, name="pack_paper_withdraw"),
    path("reports/<int:pk>/edit/", agenda.report_edit, name="report_edit"),
    path("members/", people.MemberListView.as_view(), name="members"),
    path("members/new/", people.MemberCreateView.as_view(), name="member_create"),
    path("members/<int:pk>/edit/", people.MemberUpdateView.as_view(), name="member_edit"),
    path("groups/", people.GroupListView.as_view(), name="groups"),
    path("groups/new/", people.GroupCreateView.as_view(), name="group_create"),
    path("groups/<int:pk>/edit/", people.GroupUpdateView.as_view(), name="group_edit"),
]
