"""The Police and Crime Panel: its members, meetings, agendas and papers, proceedings and packs."""

from .meetings import AgendaItem, Meeting, MeetingQuerySet
from .members import Member, Panel, TaskAndFinishGroup
from .packs import AgendaPack, PackBuild, PackItem, PackPaper, PaperRender, PaperWithdrawal
from .papers import Paper, Report
from .proceedings import (
    Attendance,
    Declaration,
    ExemptMinutes,
    MinutedAttendance,
    MinutedDeclaration,
    Minutes,
    PublicQuestion,
    Resolution,
)

__all__ = [
    "AgendaItem",
    "AgendaPack",
    "Attendance",
    "Declaration",
    "ExemptMinutes",
    "Meeting",
    "MeetingQuerySet",
    "Member",
    "MinutedAttendance",
    "MinutedDeclaration",
    "Minutes",
    "PackBuild",
    "PackItem",
    "PackPaper",
    "Panel",
    "Paper",
    "PaperRender",
    "PaperWithdrawal",
    "PublicQuestion",
    "Report",
    "Resolution",
    "TaskAndFinishGroup",
]
