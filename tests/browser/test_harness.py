"""The browser checks themselves: each must fail a test when the page has the problem it looks
for, or the other browser tests prove nothing."""

import pytest

from tests.browser.conftest import check_accessibility, visit

pytestmark = pytest.mark.browser


def test_an_accessibility_violation_fails_with_a_readable_list(page):
    visit(page, "/")
    page.evaluate("""() => {
        const image = document.createElement("img");
        image.src = "/static/images/favicon.svg";
        image.id = "unlabelled";
        document.querySelector("main").append(image);
    }""")
    with pytest.raises(pytest.fail.Exception) as failure:
        check_accessibility(page)
    assert "image-alt" in str(failure.value)
    assert "#unlabelled" in str(failure.value)


def test_a_content_security_policy_violation_fails(page):
    visit(page, "/")
    page.evaluate("""() => {
        const script = document.createElement("script");
        script.textContent = "window.injected = true";
        document.body.append(script);
    }""")
    with pytest.raises(pytest.fail.Exception) as failure:
        check_accessibility(page)
    assert "Content Security Policy violation" in str(failure.value)
    assert page.evaluate("() => window.injected") is None


def test_a_javascript_error_fails(page):
    visit(page, "/")
    page.evaluate("() => { setTimeout(() => { throw new Error('broken on purpose'); }); }")
    page.wait_for_timeout(100)
    with pytest.raises(pytest.fail.Exception) as failure:
        check_accessibility(page)
    assert "JavaScript error" in str(failure.value)
    assert "broken on purpose" in str(failure.value)


def test_an_unexpected_status_fails(page):
    # Only the status check is under test: the browser's own report of the 404 is expected.
    page.problems.expected_failures.add(f"{page.live_server_url}/no-such-page/")
    with pytest.raises(AssertionError, match="answered 404"):
        visit(page, "/no-such-page/")
