"""Security headers on every page the URL rules reach, signed in and not."""

import re

import pytest

from tests.access import PUBLIC, SIGNED_IN, SUPERUSER, every_url_rule, rule_at
from tests.accounts.factories import UserFactory, sign_in

URLS = every_url_rule()


def _assert_security_headers(response):
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")
    header = response["Content-Security-Policy"]
    policy = dict(directive.strip().split(" ", 1) for directive in header.split(";"))
    assert policy["object-src"] == "'none'"
    assert policy["base-uri"] == "'none'"
    assert policy["frame-ancestors"] == "'none'"
    assert "'unsafe-inline'" not in policy["script-src"]
    # Every inline script must carry the nonce the policy names; others are blocked by the browser.
    body = b"" if response.streaming else response.content
    for tag in re.findall(r"<script\b[^>]*>", body.decode(errors="replace")):
        if "src=" not in tag:
            nonce = re.search(r"'nonce-([^']+)'", policy["script-src"])
            assert nonce and f'nonce="{nonce.group(1)}"' in tag, tag


@pytest.mark.django_db
@pytest.mark.parametrize(("url_name", "rule"), URLS, ids=[name for name, _ in URLS])
def test_every_page_sends_the_security_headers(client, url_name, rule):
    rule = rule_at(rule, url_name)
    if rule.access != PUBLIC:
        user = UserFactory(username="header-check")
        rule.grant(user)
        client.force_login(user)
    response = client.get(rule.url(), secure=True)
    _assert_security_headers(response)


@pytest.mark.django_db
@pytest.mark.parametrize(("url_name", "rule"), URLS, ids=[name for name, _ in URLS])
def test_signed_in_pages_are_never_stored_by_caches(client, url_name, rule):
    rule = rule_at(rule, url_name)
    user = UserFactory(username="cache-check")
    if rule.access not in (PUBLIC, SIGNED_IN, SUPERUSER):
        rule.grant(user)
    client.force_login(user)
    response = client.get(rule.url(), secure=True)
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


@pytest.mark.django_db
def test_staff_pages_are_never_stored_even_before_sign_in(client):
    response = client.get("/manage/", secure=True)
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_the_inline_script_carries_the_nonce_the_policy_names(client):
    response = client.get("/", secure=True)
    nonce = response["Content-Security-Policy"].split("'nonce-")[1].split("'")[0]
    assert f'<script nonce="{nonce}">' in response.content.decode()
    assert response.content.decode().count("<script") == 4  # the nonced one and three files


@pytest.mark.django_db
def test_session_and_csrf_cookies_are_host_only_and_secure(client, editor):
    response = sign_in(client, "editor", secure=True)
    assert response.status_code == 302
    session = response.cookies["__Host-sessionid"]
    assert session["secure"] and session["httponly"]
    assert session["path"] == "/"
    assert not session["domain"]
    assert response.cookies["__Host-csrftoken"]["secure"]
