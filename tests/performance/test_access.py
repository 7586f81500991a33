"""Who may use each performance URL: public pages for anyone, staff pages by permission."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile

from performance import services
from tests.access import AccessRule, PostAction, PublishAction, published
from tests.accounts.factories import UserFactory
from tests.performance.factories import (
    DataPointFactory,
    QuarterlyReportFactory,
    ScrutinyActionFactory,
    ScrutinyMeetingFactory,
    mark_published,
)
from tests.plans.factories import MeasureFactory, PlanFactory


def _publisher():
    return UserFactory(username="publisher")


def _published_measure():
    measure = MeasureFactory()
    mark_published(measure.plan, by=_publisher())
    DataPointFactory(measure=measure)
    return measure


def _published_report():
    measure = _published_measure()
    return published(QuarterlyReportFactory(plan=measure.plan))


def _import():
    plan = PlanFactory()
    upload = SimpleUploadedFile("figures.csv", b"measure,period,value\n")
    return services.upload_import(plan=plan, upload=upload, by=_publisher())


class TestDashboardAccess(AccessRule):
    url_name = "performance:dashboard"

    def make_url_kwargs(self):
        _published_measure()
        return {}


class TestMeasureAccess(AccessRule):
    url_names = ("performance:measure", "performance:measure_csv")

    def make_url_kwargs(self):
        return {"pk": _published_measure().pk}


class TestListsAccess(AccessRule):
    url_names = ("performance:reports", "performance:meetings")


class TestReportAccess(AccessRule):
    url_names = ("performance:report", "performance:report_pdf")

    def make_url_kwargs(self):
        return {"quarter": _published_report().slug}


class TestReportVersionPdfAccess(AccessRule):
    url_name = "performance:report_version_pdf"

    def make_url_kwargs(self):
        return {"quarter": _published_report().slug, "number": "1"}


class TestMeetingAccess(AccessRule):
    url_names = ("performance:meeting", "performance:meeting_pdf")

    def make_url_kwargs(self):
        return {"date": published(ScrutinyMeetingFactory()).date.isoformat()}


# Staff pages.
class TestManageIndexAccess(AccessRule):
    url_name = "performance_manage:index"
    access = "performance.view_datapoint"

    def make_url_kwargs(self):
        DataPointFactory()
        return {}


class TestManageMeasureAccess(AccessRule):
    url_name = "performance_manage:measure"
    access = "performance.view_datapoint"

    def make_url_kwargs(self):
        return {"pk": DataPointFactory().measure.pk}


class TestFigureAddAccess(AccessRule):
    url_name = "performance_manage:figure_add"
    access = "performance.add_datapoint"

    def make_url_kwargs(self):
        return {"pk": MeasureFactory().pk}


class TestCommentaryAddAccess(AccessRule):
    url_name = "performance_manage:commentary_add"
    access = "performance.add_measurecommentary"

    def make_url_kwargs(self):
        return {"pk": MeasureFactory(unit="").pk}


class TestFigureEditAccess(AccessRule):
    url_name = "performance_manage:figure_edit"
    access = "performance.change_datapoint"

    def make_url_kwargs(self):
        return {"pk": DataPointFactory().pk}


class TestReleaseListAccess(AccessRule):
    url_name = "performance_manage:release_list"
    access = "performance.view_datapoint"

    def make_url_kwargs(self):
        DataPointFactory(released_at=None)
        return {}


class TestReleaseQuarterAccess(AccessRule):
    url_name = "performance_manage:release_quarter"
    access = "performance.view_datapoint"

    def make_url_kwargs(self):
        DataPointFactory(released_at=None)  # 2021-22 Q1
        return {"quarter": "2021-22-q1"}


class TestReleaseAccess(PostAction, AccessRule):
    url_name = "performance_manage:release"
    access = "performance.release_figures"

    def make_url_kwargs(self):
        DataPointFactory(released_at=None)
        return {"quarter": "2021-22-q1"}


class TestImportListAccess(AccessRule):
    url_name = "performance_manage:imports"
    access = "performance.view_measureimport"


class TestImportUploadAccess(AccessRule):
    url_name = "performance_manage:import_upload"
    access = "performance.add_measureimport"


class TestImportTemplateAccess(AccessRule):
    url_name = "performance_manage:import_template"
    access = "performance.add_measureimport"

    def url(self):
        return super().url() + f"?plan={MeasureFactory().plan.pk}"


class TestImportAccess(AccessRule):
    url_name = "performance_manage:import"
    access = "performance.view_measureimport"

    def make_url_kwargs(self):
        return {"pk": _import().pk}


class TestImportApplyAccess(PostAction, TestImportAccess):
    url_names = ("performance_manage:import_apply", "performance_manage:import_discard")
    access = "performance.change_measureimport"


class TestManageReportListAccess(AccessRule):
    url_name = "performance_manage:reports"
    access = "performance.view_quarterlyreport"


class TestReportCreateAccess(AccessRule):
    url_name = "performance_manage:report_create"
    access = "performance.add_quarterlyreport"


class TestManageReportAccess(AccessRule):
    url_name = "performance_manage:report"
    access = "performance.view_quarterlyreport"

    def make_url_kwargs(self):
        return {"pk": QuarterlyReportFactory().pk}


class TestReportEditAccess(TestManageReportAccess):
    url_names = ("performance_manage:report_edit", "performance_manage:report_commentary")
    access = "performance.change_quarterlyreport"


class TestReportPublishAccess(PublishAction, TestManageReportAccess):
    url_name = "performance_manage:report_publish"
    access = "performance.publish_quarterlyreport"


class TestManageMeetingListAccess(AccessRule):
    url_name = "performance_manage:meetings"
    access = "performance.view_scrutinymeeting"

    def make_url_kwargs(self):
        ScrutinyActionFactory()
        return {}


class TestMeetingCreateAccess(AccessRule):
    url_name = "performance_manage:meeting_create"
    access = "performance.add_scrutinymeeting"


class TestManageMeetingAccess(AccessRule):
    url_name = "performance_manage:meeting"
    access = "performance.view_scrutinymeeting"

    def make_url_kwargs(self):
        return {"pk": ScrutinyActionFactory().raised_at.pk}


class TestMeetingEditAccess(AccessRule):
    url_name = "performance_manage:meeting_edit"
    access = "performance.change_scrutinymeeting"

    def make_url_kwargs(self):
        return {"pk": ScrutinyMeetingFactory().pk}


class TestMeetingPublishAccess(PublishAction, TestMeetingEditAccess):
    url_name = "performance_manage:meeting_publish"
    access = "performance.publish_scrutinymeeting"


class TestPaperAddAccess(TestMeetingEditAccess):
    url_name = "performance_manage:paper_add"
    access = "performance.add_paper"


class TestActionAddAccess(TestMeetingEditAccess):
    url_name = "performance_manage:action_add"
    access = "performance.add_scrutinyaction"


class TestActionEditAccess(AccessRule):
    url_name = "performance_manage:action_edit"
    access = "performance.change_scrutinyaction"

    def make_url_kwargs(self):
        return {"pk": ScrutinyActionFactory(due_date=datetime.date(2022, 1, 31)).pk}


class TestReportVersionChangesAccess(TestReportVersionPdfAccess):
    url_name = "performance:report_version_changes"
    allowed_status = (404,)  # version 1 has nothing before it; comparisons: test_report_changes


class TestWithdrawFiguresAccess(AccessRule):
    url_name = "performance_manage:withdraw_figures"
    access = "performance.release_figures"
    allowed_status = (302,)  # nothing released to withdraw: back to the quarter's page

    def make_url_kwargs(self):
        return {"quarter": "2021-22-q1"}


class TestMeetingVersionChangesAccess(AccessRule):
    url_name = "performance:meeting_version_changes"
    allowed_status = (404,)  # version 1 has nothing before it; comparisons: test_scrutiny_changes

    def make_url_kwargs(self):
        return {"date": published(ScrutinyMeetingFactory()).date.isoformat(), "number": 1}
