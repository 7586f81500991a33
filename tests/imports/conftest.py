"""Fixtures for the imports: a sample export folder, the Panel, and running an import."""

import shutil
from pathlib import Path

import pytest

from tests.panel.factories import PanelFactory
from tests.panel.helpers import pdf_bytes

SAMPLE = Path(__file__).parent / "moderngov"

# The documents the sample's meetings link to; 9204 is left out, as a source may lose one.
DOCUMENTS = {
    "9101": "CONSULTATIONTEXT The plan consultation report.",
    "9201": "PLANTEXT The Police and Crime Plan 2021-2025.",
    "9202": "UPDATETEXT The Commissioner's update to the panel.",
    "9203": "SECRETESTATES Exempt appendix: the estates review.",
}


@pytest.fixture
def sample(tmp_path):
    """A copy of the sample folder saved from Modern.gov, with its documents as small PDFs."""
    folder = tmp_path / "moderngov"
    shutil.copytree(SAMPLE, folder)
    (folder / "documents").mkdir()
    for attachment, text in DOCUMENTS.items():
        (folder / "documents" / f"{attachment}.pdf").write_bytes(pdf_bytes(text))
    return folder


@pytest.fixture
def panel(db):
    return PanelFactory()


@pytest.fixture
def run_import(django_capture_on_commit_callbacks, panel_secretary, panel):
    """Import as the secretary, running what the import queues on commit (pack builds, PDF
    renders) as a commit would."""
    from imports import moderngov, services

    def _run(folder=None, *, source=None, **options):
        source = source or moderngov.FolderSource(folder)
        with django_capture_on_commit_callbacks(execute=True):
            return services.import_moderngov(source=source, by=panel_secretary, **options)

    return _run
