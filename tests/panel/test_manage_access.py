"""Who may use each of the secretary's pages: meetings, agendas, papers, packs, minutes, members
and task and finish groups."""

import pytest

from panel.services import meetings as meeting_services
from tests.access import AccessRule, PostAction, PublishAction, RemoveAction
from tests.panel.factories import (
    MemberFactory,
    PanelFactory,
    ReportFactory,
    TaskAndFinishGroupFactory,
)
from tests.panel.helpers import arranged_meeting, upload

pytestmark = pytest.mark.django_db


def _meeting_kwargs():
    return {"pk": arranged_meeting().pk}


def _item_kwargs():
    return {"pk": arranged_meeting().items.get(kind="public_questions").pk}


class TestManageMeetingsAccess(AccessRule):
    url_name = "panel_manage:meetings"
    access = "panel.view_meeting"


class TestManagePanelAccess(AccessRule):
    url_name = "panel_manage:panel"
    access = "panel.add_panel"


class TestMeetingCreateAccess(AccessRule):
    url_name = "panel_manage:meeting_create"
    access = "panel.add_meeting"

    def make_url_kwargs(self):
        PanelFactory()
        return {}


class TestMeetingDetailAccess(AccessRule):
    url_name = "panel_manage:meeting"
    access = "panel.view_meeting"

    def make_url_kwargs(self):
        return _meeting_kwargs()


class TestMeetingChangeAccess(TestMeetingDetailAccess):
    url_names = (
        "panel_manage:meeting_edit",
        "panel_manage:meeting_status",
        "panel_manage:item_create",
        "panel_manage:attendance",
    )
    access = "panel.change_meeting"


class TestMeetingPagesAccess(TestMeetingDetailAccess):
    url_names = ("panel_manage:pack_status", "panel_manage:minutes")


class TestPackPublishAccess(PublishAction, TestMeetingDetailAccess):
    url_name = "panel_manage:pack_publish"
    access = "panel.publish_agendapack"


class TestPackRetryAccess(TestMeetingDetailAccess):
    url_name = "panel_manage:pack_retry"
    access = "panel.publish_agendapack"
    method = "post"
    allowed_status = (404,)  # no failed build to retry


class TestMinutesPublishAccess(PublishAction, TestMeetingDetailAccess):
    url_name = "panel_manage:minutes_publish"
    access = "panel.publish_minutes"


class TestDeclarationCreateAccess(TestMeetingDetailAccess):
    url_name = "panel_manage:declaration_create"
    access = "panel.add_declaration"


class TestQuestionCreateAccess(TestMeetingDetailAccess):
    url_name = "panel_manage:question_create"
    access = "panel.add_publicquestion"


class TestItemEditAccess(AccessRule):
    url_name = "panel_manage:item_edit"
    access = "panel.change_meeting"

    def make_url_kwargs(self):
        return _item_kwargs()


class TestItemMoveAccess(PostAction, TestItemEditAccess):
    url_name = "panel_manage:item_move"
    data = {"direction": "up"}


class TestItemDeleteAccess(RemoveAction, TestItemEditAccess):
    url_name = "panel_manage:item_delete"


class TestItemMinutesAccess(TestItemEditAccess):
    url_name = "panel_manage:item_minutes"
    access = "panel.change_agendaitem"


class TestApproveMinutesAccess(PostAction, TestItemEditAccess):
    url_name = "panel_manage:approve_minutes"
    access = "panel.change_minutes"


class TestPaperAddAccess(TestItemEditAccess):
    url_names = (
        "panel_manage:paper_report",
        "panel_manage:paper_upload",
        "panel_manage:paper_publication",
    )
    access = "panel.add_paper"


class TestPaperDeleteAccess(RemoveAction, AccessRule):
    url_name = "panel_manage:paper_delete"
    access = "panel.delete_paper"

    def make_url_kwargs(self):
        item = arranged_meeting().items.first()
        paper = meeting_services.add_upload_paper(item=item, title="Appendix", upload=upload("A"))
        return {"pk": paper.pk}


class TestReportEditAccess(AccessRule):
    url_name = "panel_manage:report_edit"
    access = "panel.change_report"

    def make_url_kwargs(self):
        return {"pk": ReportFactory().pk}


class TestMembersAccess(AccessRule):
    url_name = "panel_manage:members"
    access = "panel.view_member"


class TestMemberCreateAccess(TestMeetingCreateAccess):
    url_name = "panel_manage:member_create"
    access = "panel.add_member"


class TestMemberEditAccess(AccessRule):
    url_name = "panel_manage:member_edit"
    access = "panel.change_member"

    def make_url_kwargs(self):
        return {"pk": MemberFactory().pk}


class TestGroupsAccess(AccessRule):
    url_name = "panel_manage:groups"
    access = "panel.view_taskandfinishgroup"


class TestGroupCreateAccess(TestMeetingCreateAccess):
    url_name = "panel_manage:group_create"
    access = "panel.add_taskandfinishgroup"


class TestGroupEditAccess(AccessRule):
    url_name = "panel_manage:group_edit"
    access = "panel.change_taskandfinishgroup"

    def make_url_kwargs(self):
        return {"pk": TaskAndFinishGroupFactory().pk}
