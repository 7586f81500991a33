"""/healthz reports the database and the broker, and answers 503 when either is down."""

from unittest import mock

import pytest
import redis
from django.db.utils import OperationalError


@pytest.mark.django_db
def test_healthy_on_the_embedded_default(client, settings):
    settings.REDIS_URL = ""
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "broker": "eager"}


@pytest.mark.django_db
def test_database_down_answers_503(client, settings):
    settings.REDIS_URL = ""
    with mock.patch(
        "pcc_portal.views.public.connection.cursor", side_effect=OperationalError("gone")
    ):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"


@pytest.mark.django_db
def test_broker_down_answers_503(client, settings):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"  # nothing listens on port 1
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["broker"] == "unavailable"


@pytest.mark.django_db
def test_broker_up_reports_ok(client, settings):
    settings.REDIS_URL = "redis://127.0.0.1:6379/0"
    with mock.patch.object(redis.Redis, "ping", return_value=True):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["broker"] == "ok"


@pytest.mark.django_db
def test_health_is_never_cached(client):
    assert "no-cache" in client.get("/healthz")["Cache-Control"]
