"""Every public page has one h1, a meaningful title ending in the site's name, and one canonical
link (issue 9: discoverability; STYLE: one h1, "Page - Section - Site")."""

import re

import pytest
from django.conf import settings

from tests.access import PUBLIC, every_url_rule, rule_at

URLS = [(name, rule) for name, rule in every_url_rule() if rule.access == PUBLIC]


@pytest.mark.django_db
@pytest.mark.parametrize(("url_name", "rule"), URLS, ids=[name for name, _ in URLS])
def test_public_pages_have_a_title_one_h1_and_a_canonical_link(client, url_name, rule):
    response = client.get(rule_at(rule, url_name).url())
    if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
        pytest.skip("not an HTML page")
    html = response.content.decode()
    if 'class="govuk-template' not in html:
        pytest.skip("not one of the portal's own pages")
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1).strip()
    assert title.endswith(settings.PORTAL_NAME)
    assert title == settings.PORTAL_NAME or len(title) > len(settings.PORTAL_NAME) + 3
    assert html.count('rel="canonical"') == 1
    assert f'href="http://testserver{response.request["PATH_INFO"]}"' in html
    assert len(re.findall(r"<h1\b", html)) == 1
