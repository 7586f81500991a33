"""The Police and Crime Panel's statutory casework: the precept, confirmation hearings and the
annual report, each a case whose steps (dated, with a document and a vote) make its timetable;
complaints about the Commissioner and the Deputy; public questions asked online."""

# The migrations name the steps' document storage by this module's path.
from pcc_portal.publications.models import private_storage as private_storage

from .cases import (
    CASE_WORK_PERMISSIONS,
    SEARCH_KINDS,
    STEP_LABELS,
    Case,
    CaseQuerySet,
    CaseworkError,
    Step,
)
from .complaints import Complaint
from .questions import (
    DEFAULT_QUESTION_RULES,
    QuestionQuerySet,
    QuestionToken,
    QuestionWindow,
    SubmittedQuestion,
)

__all__ = [
    "CASE_WORK_PERMISSIONS",
    "DEFAULT_QUESTION_RULES",
    "SEARCH_KINDS",
    "STEP_LABELS",
    "Case",
    "CaseQuerySet",
    "CaseworkError",
    "Complaint",
    "QuestionQuerySet",
    "QuestionToken",
    "QuestionWindow",
    "Step",
    "SubmittedQuestion",
]
