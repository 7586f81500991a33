"""Who may use each decisions URL: the public, or staff with the named permission."""

from django.core.files.uploadedfile import SimpleUploadedFile

from decisions import services
from decisions.models import DecisionAttachment, Part2Attachment
from pcc_portal.publications import services as publishing
from tests.access import AccessRule, PostAction, PublishAction, RemoveAction, published
from tests.accounts.factories import UserFactory, commissioner_user
from tests.decisions.conftest import at, declare, pdf_bytes
from tests.decisions.factories import (
    DecisionFactory,
    DecisionPart2Factory,
    DecisionsReportFactory,
)


def _users():
    from pcc_portal.accounts import roles

    editor = UserFactory(username="access-editor", roles=[roles.EDITOR])
    maker = commissioner_user("access-maker")
    return editor, maker


def _declared(**fields):
    editor, _ = _users()
    decision = DecisionFactory(**fields)
    services.submit_decision(decision=decision, by=editor)
    return declare(decision)


def _signed(**fields):
    _, maker = _users()
    decision = _declared(**fields)
    services.sign_decision(decision=decision, by=maker, signed_at=at(2021, 11, 3))
    return decision


def _published(**fields):
    editor, _ = _users()
    decision = _signed(**fields)
    version = services.publish_decision(decision=decision, by=editor, note="First publication")
    # The test transaction never commits, so run the queued render directly.
    publishing.run_render_job(job_id=version.render_job.pk)
    return decision


def _public_kwargs():
    decision = _published()
    return {"year": decision.financial_year, "number": decision.number}


def _attachment(decision):
    return DecisionAttachment.objects.create(
        decision=decision,
        title="Business case",
        file=SimpleUploadedFile("case.pdf", pdf_bytes(), content_type="application/pdf"),
    )


# --- public --------------------------------------------------------------------------------------
class TestRegisterAccess(AccessRule):
    url_names = (
        "decisions:register",
        "decisions:data",
        "decisions:csv",
        "decisions:json",
        "decisions:feed",
    )


class TestDetailAccess(AccessRule):
    url_names = ("decisions:detail", "decisions:pdf")

    def make_url_kwargs(self):
        return _public_kwargs()


class TestPublicAttachmentAccess(AccessRule):
    url_name = "decisions:attachment"

    def make_url_kwargs(self):
        editor, _ = _users()
        decision = _declared()
        attachment = _attachment(decision)
        _, maker = _users()
        services.sign_decision(decision=decision, by=maker)
        version = services.publish_decision(decision=decision, by=editor, note="First")
        publishing.run_render_job(job_id=version.render_job.pk)
        return {"year": decision.financial_year, "number": decision.number, "pk": attachment.pk}


def _published_report():
    return {"pk": published(DecisionsReportFactory(), note="For the 6 December meeting").pk}


class TestReportAccess(AccessRule):
    url_names = ("decisions:report", "decisions:report_pdf")

    def make_url_kwargs(self):
        return _published_report()


# --- staff ---------------------------------------------------------------------------------------
def _draft_kwargs():
    return {"pk": DecisionFactory().pk}


class TestManageListAccess(AccessRule):
    url_name = "decisions_manage:list"
    access = "decisions.view_decision"


class TestManageCreateAccess(AccessRule):
    url_name = "decisions_manage:create"
    access = "decisions.add_decision"


class TestManageDetailAccess(AccessRule):
    url_name = "decisions_manage:detail"
    access = "decisions.view_decision"

    def make_url_kwargs(self):
        return _draft_kwargs()


class TestManageChangeAccess(TestManageDetailAccess):
    url_names = (
        "decisions_manage:edit",
        "decisions_manage:withdraw",
        "decisions_manage:attachment_add",
    )
    access = "decisions.change_decision"


class TestManageSubmitAccess(PostAction, TestManageDetailAccess):
    url_name = "decisions_manage:submit"
    access = "decisions.change_decision"


class TestManageDeclareAccess(PostAction, AccessRule):
    url_names = ("decisions_manage:declare", "decisions_manage:declare_finance")
    access = "decisions.declare_decision"

    def make_url_kwargs(self):
        editor, _ = _users()
        decision = DecisionFactory()
        services.submit_decision(decision=decision, by=editor)
        return {"pk": decision.pk}


class TestManageNumberingAccess(AccessRule):
    url_name = "decisions_manage:numbering"
    access = "decisions.change_decisionsequence"


class TestManageSignAccess(PostAction, AccessRule):
    url_name = "decisions_manage:sign"
    access = "decisions.sign_decision"

    def make_url_kwargs(self):
        return {"pk": _declared().pk}


class TestManageRejectAccess(AccessRule):
    url_name = "decisions_manage:reject"
    access = "decisions.sign_decision"

    def make_url_kwargs(self):
        return {"pk": _declared().pk}


class TestManageReturnAccess(AccessRule):
    url_name = "decisions_manage:return"
    access = "decisions.change_decision"

    def make_url_kwargs(self):
        return {"pk": _declared().pk}


class TestManagePublishAccess(PublishAction, AccessRule):
    url_name = "decisions_manage:publish"
    access = "decisions.publish_decision"
    check_page_status = 302  # the password again first, as for publishing

    def make_url_kwargs(self):
        return {"pk": _signed().pk}


class TestManageAttachmentDownloadAccess(AccessRule):
    url_name = "decisions_manage:attachment_download"
    access = "decisions.view_decision"

    def make_url_kwargs(self):
        decision = DecisionFactory()
        return {"pk": decision.pk, "attachment_pk": _attachment(decision).pk}


class TestManageAttachmentDeleteAccess(RemoveAction, TestManageAttachmentDownloadAccess):
    url_name = "decisions_manage:attachment_delete"
    access = "decisions.change_decision"


def _part2_attachment():
    part2 = DecisionPart2Factory()
    attachment = Part2Attachment.objects.create(
        part2=part2,
        title="Tender evaluation",
        file=SimpleUploadedFile("scores.pdf", pdf_bytes(), content_type="application/pdf"),
    )
    return {"pk": part2.decision.pk, "attachment_pk": attachment.pk}


class TestManagePart2Access(AccessRule):
    url_name = "decisions_manage:part2"
    access = "decisions.view_decisionpart2"

    def make_url_kwargs(self):
        return {"pk": DecisionPart2Factory().decision.pk}


class TestManagePart2ChangeAccess(TestManagePart2Access):
    url_names = ("decisions_manage:part2_edit", "decisions_manage:part2_attachment_add")
    access = "decisions.change_decisionpart2"


class TestManagePart2AttachmentDownloadAccess(AccessRule):
    url_name = "decisions_manage:part2_attachment_download"
    access = "decisions.view_decisionpart2"

    def make_url_kwargs(self):
        return _part2_attachment()


class TestManagePart2AttachmentDeleteAccess(RemoveAction, TestManagePart2AttachmentDownloadAccess):
    url_name = "decisions_manage:part2_attachment_delete"
    access = "decisions.change_decisionpart2"


class TestManageReportListAccess(AccessRule):
    url_name = "decisions_manage:report_list"
    access = "decisions.view_decisionsreport"


class TestManageReportCreateAccess(AccessRule):
    url_name = "decisions_manage:report_create"
    access = "decisions.add_decisionsreport"


class TestManageReportDetailAccess(AccessRule):
    url_name = "decisions_manage:report_detail"
    access = "decisions.view_decisionsreport"

    def make_url_kwargs(self):
        return {"pk": DecisionsReportFactory().pk}


class TestManageReportEditAccess(TestManageReportDetailAccess):
    url_name = "decisions_manage:report_edit"
    access = "decisions.change_decisionsreport"


class TestManageReportPublishAccess(PublishAction, TestManageReportDetailAccess):
    url_name = "decisions_manage:report_publish"
    access = "decisions.publish_decisionsreport"
