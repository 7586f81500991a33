"""Who may open each transparency URL."""

from tests.access import AccessRule, PostAction, RemoveAction
from tests.transparency.factories import GrantFactory
from transparency.models import SpecifiedItem


def _item_kwargs():
    return {"pk": SpecifiedItem.objects.get(code="senior-salaries").pk}


def _document_kwargs():
    import datetime

    from django.core.files.base import ContentFile

    from tests.accounts.factories import UserFactory
    from transparency import services

    document = services.publish_document(
        item=SpecifiedItem.objects.get(code="senior-salaries"),
        title="Senior salaries 2025",
        file=ContentFile(b"name,salary\n", name="senior-salaries.csv"),
        period_from=datetime.date(2025, 6, 1),
        period_to=datetime.date(2025, 6, 1),
        by=UserFactory(username="uploader"),
    )
    return {"pk": document.pk}


def _upload_kwargs():
    import datetime

    from tests.accounts.factories import UserFactory
    from transparency import services

    upload = services.upload_spending(
        month=datetime.date(2025, 10, 1),
        content=b"Date,Transaction number,Supplier,Expense type,Amount\n"
        b"06/10/2025,T1,Sample Stationers Ltd,Stationery,612.40\n",
        filename="october.csv",
        by=UserFactory(username="uploader"),
    )
    return {"pk": upload.pk}


class TestPagesAccess(AccessRule):
    url_names = (
        "transparency:index",
        "transparency:forward_plan",
        "transparency:search",
        "transparency:alerts",
        "transparency:alerts_sent",
        "transparency:sitemap",
        "transparency:robots",
    )


class TestDocumentAccess(AccessRule):
    url_name = "transparency:document"

    def make_url_kwargs(self):
        return _document_kwargs()


class TestRegisterAccess(AccessRule):
    url_name = "transparency:register"
    url_kwargs = {"register": "grants"}


class TestRegisterCsvAccess(AccessRule):
    url_name = "transparency:register_csv"
    url_kwargs = {"register": "spending"}


class TestRegisterJsonAccess(AccessRule):
    url_name = "transparency:register_json"
    url_kwargs = {"register": "contracts"}


class TestPriorityAccess(AccessRule):
    url_names = ("transparency:golden_thread", "transparency:priority_feed")
    url_kwargs = {"slug": "no-such-plan", "number": 1}
    allowed_status = (404,)  # published priorities are covered in test_golden_thread


class TestAlertsTokenAccess(AccessRule):
    url_names = ("transparency:alerts_confirm", "transparency:alerts_unsubscribe")
    url_kwargs = {"token": "not-a-real-token"}


class TestAlertsConfirmPostAccess(AccessRule):
    url_name = "transparency:alerts_confirm"
    url_kwargs = {"token": "not-a-real-token"}
    method = "post"
    allowed_status = (410,)


class TestTopicFeedAccess(AccessRule):
    url_name = "transparency:topic_feed"
    url_kwargs = {"topic": "decisions"}


# Staff pages.
class TestManageItemsAccess(AccessRule):
    url_name = "transparency_manage:items"
    access = "transparency.view_specifieditem"


class TestManageItemAccess(AccessRule):
    url_name = "transparency_manage:item"
    access = "transparency.view_specifieditem"

    def make_url_kwargs(self):
        return _item_kwargs()


class TestManageItemEditAccess(TestManageItemAccess):
    url_name = "transparency_manage:item_edit"
    access = "transparency.change_specifieditem"


class TestManageDocumentCreateAccess(TestManageItemAccess):
    url_name = "transparency_manage:document_create"
    access = "transparency.add_itemdocument"
    method = "post"
    data = {"title": ""}
    allowed_status = (400,)  # no file: the page again, with the form's errors


class TestManageDocumentWithdrawAccess(AccessRule):
    url_name = "transparency_manage:document_withdraw"
    access = "transparency.change_itemdocument"

    def make_url_kwargs(self):
        return _document_kwargs()


class TestManageSpendingAccess(AccessRule):
    url_name = "transparency_manage:spending"
    access = "transparency.view_spendingupload"


class TestManageSpendingDetailAccess(AccessRule):
    url_name = "transparency_manage:spending_detail"
    access = "transparency.view_spendingupload"

    def make_url_kwargs(self):
        return _upload_kwargs()


class TestManageSpendingReleaseAccess(PostAction, TestManageSpendingDetailAccess):
    url_name = "transparency_manage:spending_release"
    access = "transparency.publish_spendingupload"


class TestManageSpendingDiscardAccess(RemoveAction, TestManageSpendingDetailAccess):
    url_name = "transparency_manage:spending_discard"
    access = "transparency.delete_spendingupload"


class TestManageEntriesAccess(AccessRule):
    url_name = "transparency_manage:entries"
    access = "transparency.view_grant"
    url_kwargs = {"register": "grants"}


class TestManageEntryCreateAccess(AccessRule):
    url_name = "transparency_manage:entry_create"
    access = "transparency.add_contract"
    url_kwargs = {"register": "contracts"}


class TestManageEntryEditAccess(AccessRule):
    url_name = "transparency_manage:entry_edit"
    access = "transparency.view_grant"

    def make_url_kwargs(self):
        return {"register": "grants", "pk": GrantFactory().pk}


class TestManageEntryPublishAccess(AccessRule):
    url_name = "transparency_manage:entry_publish"
    access = "transparency.publish_grant"

    def make_url_kwargs(self):
        return {"register": "grants", "pk": GrantFactory(released=False).pk}


class TestManageEntryWithdrawAccess(TestManageEntryEditAccess):
    url_name = "transparency_manage:entry_withdraw"
    access = "transparency.publish_grant"


def _contract_copy_kwargs():
    import io

    import pikepdf
    from django.core.files.base import ContentFile

    from tests.transparency.factories import ContractFactory

    document = pikepdf.new()
    document.add_blank_page()
    buffer = io.BytesIO()
    document.save(buffer)
    contract = ContractFactory(contract_copy=ContentFile(buffer.getvalue(), name="copy.pdf"))
    return {"pk": contract.pk, "kind": "contract"}


class TestManageContractCopyAccess(AccessRule):
    url_name = "transparency_manage:contract_copy"
    access = "transparency.view_contract"

    def make_url_kwargs(self):
        return _contract_copy_kwargs()
