"""Two publishes at once take consecutive version numbers, never the same one twice."""

import threading

import pytest
from django.db import connection, connections

from pcc_portal.publications import services
from pcc_portal.publications.models import Version
from tests.pages.factories import ContentPageFactory


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_publishes_get_consecutive_numbers(editor, settings):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers itself; the row lock matters on PostgreSQL")
    page = ContentPageFactory(slug="concurrent")
    barrier = threading.Barrier(4)
    errors = []

    def publish(n):
        try:
            barrier.wait()
            services.publish(obj=page, by=editor, note=f"Publish {n}")
        except Exception as error:  # collected and asserted below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=publish, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    numbers = sorted(Version.objects.for_object(page).values_list("number", flat=True))
    assert numbers == [1, 2, 3, 4]
