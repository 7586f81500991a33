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


RESHOWN_FORM = """<!doctype html><html lang="en"><head><title>Error: a form</title></head>
<body><main><h1>A form</h1><form method="post"><button>Send</button></form></main></body></html>"""


def _answer_400(route):
    route.fulfill(status=400, content_type="text/html; charset=utf-8", body=RESHOWN_FORM)


def _submit_form(page, action):
    page.evaluate(
        """(action) => {
            const form = document.createElement("form");
            form.method = "post";
            form.action = action;
            document.body.append(form);
            form.submit();
        }""",
        action,
    )


def _wait_for_failed_loads(page, count):
    # The console message can come a moment after the navigation it reports on.
    for _ in range(50):
        if len(page.problems.failed_loads) >= count:
            return
        page.wait_for_timeout(100)


def test_a_form_reshown_with_its_errors_is_no_problem(page):
    # Every staff form answers a form with errors 400, and Chromium logs that as a failed load.
    page.route("**/a-form/", _answer_400)
    visit(page, "/")
    with page.expect_navigation():
        _submit_form(page, "/a-form/")
    with page.expect_navigation():
        page.locator("main button").click()
    _wait_for_failed_loads(page, 2)
    # Both submissions were logged as failed loads, and neither is reported.
    assert [where for where, _, _ in page.problems.failed_loads] == [page.url, page.url]
    page.problems.check()


def test_a_page_fetched_with_get_that_answers_400_still_fails(page):
    # Only a submission is a re-shown form: after one, the same URL fetched again still counts.
    page.route("**/a-form/", _answer_400)
    visit(page, "/")
    with page.expect_navigation():
        _submit_form(page, "/a-form/")
    page.goto("/a-form/")
    _wait_for_failed_loads(page, 2)
    with pytest.raises(pytest.fail.Exception) as failure:
        page.problems.check()
    assert failure.value.msg.count("status of 400") == 1
