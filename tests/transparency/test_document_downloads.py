"""A published document of the transparency index opens in the browser when it is a PDF, and is
saved when it is a spreadsheet, CSV or JSON file."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from tests.accounts.factories import UserFactory
from transparency import services
from transparency.models import SpecifiedItem

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("name", "disposition"),
    [
        ("senior-salaries.pdf", "inline"),
        ("senior-salaries.csv", "attachment"),
        ("senior-salaries.json", "attachment"),
    ],
)
def test_a_pdf_opens_in_the_browser_and_other_files_are_saved(client, name, disposition):
    document = services.publish_document(
        item=SpecifiedItem.objects.get(code="senior-salaries"),
        title="Senior salaries 2025",
        file=ContentFile(b"%PDF-1.4 salaries" if name.endswith(".pdf") else b"{}", name=name),
        period_from=datetime.date(2025, 6, 1),
        period_to=datetime.date(2025, 6, 1),
        by=UserFactory(),
    )
    response = client.get(reverse("transparency:document", kwargs={"pk": document.pk}))
    assert response.status_code == 200
    kind, saved_as = response["Content-Disposition"].split("; ")
    assert kind == disposition
    assert saved_as.startswith('filename="senior-salaries')
    assert saved_as.endswith(f'.{name.rsplit(".", 1)[1]}"')
