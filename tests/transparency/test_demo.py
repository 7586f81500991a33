"""The transparency demo data: sample registers, a month of spending, idempotent."""

import pytest

from transparency import demo
from transparency.models import (
    Contract,
    GiftHospitality,
    Grant,
    Interest,
    ItemDocument,
    Payment,
    SearchEntry,
    SmallContract,
    SpendingUpload,
)


def _counts():
    return [
        m.objects.count()
        for m in (
            Interest,
            GiftHospitality,
            Grant,
            Contract,
            SmallContract,
            ItemDocument,
            SpendingUpload,
            Payment,
        )
    ]


@pytest.mark.django_db
def test_the_demo_loads_sample_entries_and_a_month_of_spending_and_is_idempotent(
    decision_maker,
):
    summary = demo.load(publisher=decision_maker)
    assert "sample register entries" in summary
    counts = _counts()
    # The Commissioner's month and the Chief Constable's, each marked.
    assert set(SpendingUpload.objects.public().values_list("source", flat=True)) == {
        "commissioner",
        "chief-officer",
    }
    assert Payment.objects.filter(is_redacted=True).count() == 3
    assert not Payment.objects.filter(purpose="").exists()
    assert not Grant.objects.filter(crime_reduction_reasons="").exists()
    assert SmallContract.objects.public().count() == 3
    copied = Contract.objects.exclude(contract_copy="").get(reference="OPCC-S-001")
    assert copied.tender_copy and copied.contract_copy_redacted_because
    assert Interest.objects.filter(is_nil_return=True).count() == 1
    assert GiftHospitality.objects.filter(is_nil_return=True).count() == 1
    for model in (Interest, GiftHospitality, Grant, Contract):
        assert not model.objects.filter(is_sample=False).exists()
    # Register entries are about sample office holders, never real people.
    assert set(Interest.objects.values_list("holder", flat=True)) <= {
        "Sample Office Holder A",
        "Sample Office Holder B",
    }
    assert SearchEntry.objects.filter(kind="spending").exists()

    demo.load(publisher=decision_maker)
    assert counts == _counts()
