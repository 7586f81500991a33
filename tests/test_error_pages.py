"""Error pages render whatever was wrong with the request that led to them."""

import pytest


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/decisions/", "/no-such-page/", "/transparency/search/"])
def test_a_host_not_allowed_gets_the_400_page_not_a_crash(client, path):
    client.raise_request_exception = False
    response = client.get(path, HTTP_HOST="evil.example")
    assert response.status_code == 400
    page = response.content.decode()
    assert "Sorry, there is a problem with your request" in page
    assert "evil.example" not in page
