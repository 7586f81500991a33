"""Transparency: the Specified Information index, the registers, the forward plan, alerts and the
search index.

The index lists each item of the Elected Local Policing Bodies (Specified Information) Order 2011
with where the portal publishes it; its freshness is computed (``freshness.py``) from the dates the
portal reads itself (``sources``) or from documents staff upload. Registers are structured data
published entry by entry; every editable model keeps its history.
"""

from .alerts import Subscription, SubscriptionQuerySet, SubscriptionToken, Topic
from .contracts import (
    CONTRACT_THRESHOLD,
    Contract,
    ContractCopy,
    SmallContract,
    _contract_copy_path,
    _private_storage,
)
from .entries import PeriodEntry, RegisterEntry, RegisterQuerySet
from .forward_plan import ForwardPlanEntry
from .index import (
    Cadence,
    DocumentWithdrawal,
    InspectionReport,
    ItemDocument,
    ItemDocumentQuerySet,
    ItemReminder,
    Paragraph,
    SpecifiedItem,
    SpecifiedItemQuerySet,
    _document_path,
)
from .registers import GiftHospitality, Grant, Interest
from .search import SearchEntry
from .spending import (
    SPENDING_THRESHOLD,
    Payment,
    PaymentQuerySet,
    SpendingUpload,
    SpendingUploadQuerySet,
)

__all__ = [
    "CONTRACT_THRESHOLD",
    "SPENDING_THRESHOLD",
    "Cadence",
    "Contract",
    "ContractCopy",
    "DocumentWithdrawal",
    "ForwardPlanEntry",
    "GiftHospitality",
    "Grant",
    "InspectionReport",
    "Interest",
    "ItemDocument",
    "ItemDocumentQuerySet",
    "ItemReminder",
    "Paragraph",
    "Payment",
    "PaymentQuerySet",
    "PeriodEntry",
    "RegisterEntry",
    "RegisterQuerySet",
    "SearchEntry",
    "SmallContract",
    "SpecifiedItem",
    "SpecifiedItemQuerySet",
    "SpendingUpload",
    "SpendingUploadQuerySet",
    "Subscription",
    "SubscriptionQuerySet",
    "SubscriptionToken",
    "Topic",
    # Named by the migrations that store these files.
    "_contract_copy_path",
    "_document_path",
    "_private_storage",
]
