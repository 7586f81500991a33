"""Forms for the transparency hub: staff edit index items, upload documents and spending files,
and keep the registers and the forward plan; the public subscribe to alerts."""

from .alerts import SubscribeForm
from .base import MAX_UPLOAD
from .index import InspectionReportForm, ItemDocumentForm, SpecifiedItemForm
from .registers import (
    ENTRY_FORMS,
    FIRST_FINANCIAL_YEAR,
    ContractForm,
    FinancialYearField,
    ForwardPlanEntryForm,
    GiftHospitalityForm,
    GrantForm,
    InterestForm,
    SmallContractForm,
)
from .spending import MonthField, MonthInput, SpendingReviewForm, SpendingUploadForm

__all__ = [
    "ENTRY_FORMS",
    "FIRST_FINANCIAL_YEAR",
    "MAX_UPLOAD",
    "ContractForm",
    "FinancialYearField",
    "ForwardPlanEntryForm",
    "GiftHospitalityForm",
    "GrantForm",
    "InspectionReportForm",
    "InterestForm",
    "ItemDocumentForm",
    "MonthField",
    "MonthInput",
    "SmallContractForm",
    "SpecifiedItemForm",
    "SpendingReviewForm",
    "SpendingUploadForm",
    "SubscribeForm",
]
