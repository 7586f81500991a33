"""The services that attach PDFs to a decision's Part 1 and Part 2 and remove them: only while
the decision is a draft."""

import pytest

from decisions import services
from decisions.models import Decision, DecisionAttachment, Part2Attachment
from pcc_portal.errors import InvalidTransition
from tests.decisions.factories import DecisionFactory, DecisionPart2Factory

pytestmark = pytest.mark.django_db


def _submitted(decision):
    Decision.objects.filter(pk=decision.pk).update(status=Decision.Status.SUBMITTED)


def test_a_draft_takes_a_part_1_attachment_recorded_as_uploaded_by_its_editor(editor, pdf_file):
    decision = DecisionFactory()
    attachment = services.add_attachment(
        decision=decision, title="Business case", upload=pdf_file(), by=editor
    )
    assert list(decision.attachments.all()) == [attachment]
    assert attachment.title == "Business case" and attachment.page_count == 1
    assert attachment.history.first().history_user == editor


def test_a_draft_takes_a_part_2_attachment(editor, pdf_file):
    part2 = DecisionPart2Factory()
    attachment = services.add_part2_attachment(
        part2=part2, title="Exempt costs", upload=pdf_file(), by=editor
    )
    assert list(part2.attachments.all()) == [attachment]


def test_a_submitted_decision_takes_no_attachment(editor, pdf_file):
    part2 = DecisionPart2Factory()
    _submitted(part2.decision)
    with pytest.raises(InvalidTransition):
        services.add_attachment(decision=part2.decision, title="Late", upload=pdf_file(), by=editor)
    with pytest.raises(InvalidTransition):
        services.add_part2_attachment(part2=part2, title="Late", upload=pdf_file(), by=editor)
    assert not DecisionAttachment.objects.exists() and not Part2Attachment.objects.exists()


def test_an_attachment_is_removed_from_a_draft(editor, pdf_file):
    decision = DecisionFactory()
    attachment = services.add_attachment(
        decision=decision, title="Business case", upload=pdf_file(), by=editor
    )
    services.remove_attachment(decision=decision, attachment=attachment, by=editor)
    assert not decision.attachments.exists()


def test_an_attachment_of_a_submitted_decision_is_not_removed(editor, pdf_file):
    decision = DecisionFactory()
    attachment = services.add_attachment(
        decision=decision, title="Business case", upload=pdf_file(), by=editor
    )
    _submitted(decision)
    with pytest.raises(InvalidTransition):
        services.remove_attachment(decision=decision, attachment=attachment, by=editor)
    assert decision.attachments.get() == attachment
