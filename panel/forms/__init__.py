"""Staff forms for the panel: meetings, agenda items, papers, packs, proceedings, membership."""

from .meetings import AgendaItemForm, MeetingForm, MeetingStatusForm, TimeInput
from .papers import PublicationPaperForm, PublishPackForm, ReportForm, UploadPaperForm
from .people import MemberForm, PanelForm, TaskAndFinishGroupForm
from .proceedings import AttendanceForm, DeclarationForm, ItemMinutesForm, PublicQuestionForm

__all__ = [
    "AgendaItemForm",
    "AttendanceForm",
    "DeclarationForm",
    "ItemMinutesForm",
    "MeetingForm",
    "MeetingStatusForm",
    "MemberForm",
    "PanelForm",
    "PublicQuestionForm",
    "PublicationPaperForm",
    "PublishPackForm",
    "ReportForm",
    "TaskAndFinishGroupForm",
    "TimeInput",
    "UploadPaperForm",
]
