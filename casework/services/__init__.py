"""What the panel secretary does with the Panel's casework, each in one transaction."""

from ..models import CaseworkError
from .cases import (
    DOCUMENT_LIMIT,
    REQUIRES,
    VOTED,
    change_case,
    open_case,
    record_step,
    release_case,
    release_refusal,
    withdraw_case,
)
from .complaints import save_complaint
from .questions import (
    CONFIRM_QUESTION_FOR,
    QuestionRefused,
    answer_question,
    ask_question,
    confirm_question,
    decide_question,
    set_question_window,
)

__all__ = [
    "CONFIRM_QUESTION_FOR",
    "DOCUMENT_LIMIT",
    "REQUIRES",
    "VOTED",
    "CaseworkError",
    "QuestionRefused",
    "answer_question",
    "ask_question",
    "change_case",
    "confirm_question",
    "decide_question",
    "open_case",
    "record_step",
    "release_case",
    "release_refusal",
    "save_complaint",
    "set_question_window",
    "withdraw_case",
]
