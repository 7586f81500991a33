"""Performance and scrutiny: figures for the plan's measures, commentary, imports, quarterly
reports, and the strategic scrutiny (accountability board) meetings with their actions.

Measures themselves belong to the plan (``plans.Measure``); this app holds what happens to them.
A measure is public when its plan is: every public read goes through ``Measure`` lookups filtered
by ``public_measures()``.
"""

from .figures import (
    FIGURE_FIELDS,
    DataPoint,
    DataPointQuerySet,
    MeasureCommentary,
    MeasureCommentaryQuerySet,
    UnconfirmedFigure,
    public_measures,
    review_key,
)
from .measure_imports import MeasureImport, import_storage

# The migrations name the upload path by this module's path.
from .measure_imports import _import_path as _import_path
from .releases import FiguresRelease, FiguresWithdrawal, FiguresWithdrawalQuerySet
from .reports import QuarterlyReport, QuarterlyReportQuerySet, ReportCommentary
from .scrutiny import Paper, ScrutinyAction, ScrutinyActionQuerySet, ScrutinyMeeting

__all__ = [
    "FIGURE_FIELDS",
    "DataPoint",
    "DataPointQuerySet",
    "FiguresRelease",
    "FiguresWithdrawal",
    "FiguresWithdrawalQuerySet",
    "MeasureCommentary",
    "MeasureCommentaryQuerySet",
    "MeasureImport",
    "Paper",
    "QuarterlyReport",
    "QuarterlyReportQuerySet",
    "ReportCommentary",
    "ScrutinyAction",
    "ScrutinyActionQuerySet",
    "ScrutinyMeeting",
    "UnconfirmedFigure",
    "import_storage",
    "public_measures",
    "review_key",
]
