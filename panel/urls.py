"""Public pages of the Police and Crime Panel: meetings, packs, papers, minutes and members."""

from django.urls import path

from pcc_portal.caching.responses import published_download

from .views import public

app_name = "panel"

urlpatterns = [
    path("panel/meetings/", public.meetings, name="meetings"),
    path(
        "panel/meetings.ics",
        published_download("meetings-calendar")(public.calendar),
        name="calendar",
    ),
    path("panel/members/", public.members, name="members"),
    path("panel/members/<int:pk>/", public.member, name="member"),
    path("panel/my-meetings/", public.my_meetings, name="my_meetings"),
    path("panel/meetings/<isodate:date>/", public.meeting, name="meeting"),
    path("panel/meetings/<isodate:date>/pack.pdf", public.pack_pdf, name="pack_pdf"),
    path(
        "panel/meetings/<isodate:date>/pack/v<int:number>.pdf",
        public.pack_version_pdf,
        name="pack_version_pdf",
    ),
    path(
        "panel/meetings/<isodate:date>/pack/v<int:number>/changes/",
        public.pack_version_changes,
        name="pack_version_changes",
    ),
    path(
        "panel/meetings/<isodate:date>/members-pack.pdf",
        public.members_pack_pdf,
        name="members_pack",
    ),
    path(
        "panel/meetings/<isodate:date>/members-pack/v<int:number>.pdf",
        public.members_pack_version_pdf,
        name="members_pack_version",
    ),
    path(
        "panel/meetings/<isodate:date>/papers/<int:pk>.pdf",
        public.paper_pdf,
        name="paper_pdf",
    ),
    path("panel/meetings/<isodate:date>/minutes.pdf", public.minutes_pdf, name="minutes_pdf"),
    path(
        "panel/meetings/<isodate:date>/minutes/versions/<int:number>.pdf",
        public.minutes_version_pdf,
        name="minutes_version_pdf",
    ),
    path(
        "panel/meetings/<isodate:date>/minutes/versions/<int:number>/changes/",
        public.minutes_version_changes,
        name="minutes_version_changes",
    ),
]
