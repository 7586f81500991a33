"""Part 2, restricted Part 1 and unpublished drafts reach no public response of any kind.

A unique marker goes into every Part 2 field and document, every withheld Part 1 field of a
restricted decision, every field of drafts and of a signed decision not yet published, and every
field and document of a decision published and then withdrawn (whose URLs answer 410). Then an
anonymous visitor fetches every public decisions URL, crawls every page reachable from the home
page and the register, reads the PDFs' text, the feed, CSV, JSON, the sitemap and site search
(when they exist): the marker appears nowhere. Frozen versions (what search indexes) are checked
too.
"""

import importlib.util
import re
from urllib.parse import urljoin, urlparse

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import Resolver404, resolve, reverse

from decisions import services
from decisions.models import DecisionAttachment, DecisionPart2, Part2Attachment
from pcc_portal.publications import services as publishing
from pcc_portal.publications.models import Version
from tests.decisions.conftest import at, pdf_bytes
from tests.decisions.factories import DecisionFactory, DecisionsReportFactory
from tests.pdfs import pdf_text

MARKER = "Zqxleak7731"
SEARCHED = MARKER.lower()  # searches match regardless of case

PART1_TEXT_FIELDS = [
    "report_by",
    "executive_summary",
    "recommendation",
    "background",
    "legal_implications",
    "financial_implications",
    "equality_implications",
    "consultation_implications",
    "background_papers",
]


def _marked(label):
    return {field: f"{label} {field} {MARKER}" for field in PART1_TEXT_FIELDS}


def _attach_part1(decision, label):
    DecisionAttachment.objects.create(
        decision=decision,
        title=f"{label} attachment {MARKER}",
        file=SimpleUploadedFile("a.pdf", pdf_bytes(f"{label} {MARKER}"), "application/pdf"),
    )


def _part2(decision, label):
    part2 = DecisionPart2.objects.create(
        decision=decision, exemption=f"{label} exemption {MARKER}", content=f"{label} {MARKER}"
    )
    Part2Attachment.objects.create(
        part2=part2,
        title=f"{label} Part 2 document {MARKER}",
        file=SimpleUploadedFile("p2.pdf", pdf_bytes(f"Part 2 {MARKER}"), "application/pdf"),
    )
    return part2


@pytest.fixture
def search_index(settings):
    """Index published versions for site search, when the portal has it."""
    if importlib.util.find_spec("transparency.search") is not None:
        listeners = list(settings.PUBLICATION_LISTENERS)
        if "transparency.search" not in listeners:
            settings.PUBLICATION_LISTENERS = [*listeners, "transparency.search"]
        return True
    return False


@pytest.fixture
def world(editor, decision_maker, sign, publish_decision, publish, search_index):
    """Published decisions with Part 2s, a restricted one, drafts, and a signed unpublished one."""
    # Published, unrestricted, with a Part 2 and a Part 1 document.
    open_decision = DecisionFactory(title="Community Safety Partnerships Funding")
    DecisionAttachment.objects.create(  # published with it: no marker
        decision=open_decision,
        title="Business case",
        file=SimpleUploadedFile("case.pdf", pdf_bytes("Business case"), "application/pdf"),
    )
    _part2(open_decision, "open")
    sign(decision=open_decision, signed_at=at(2021, 10, 8))
    publish_decision(open_decision)

    # Published, restricted: Part 1 beyond its stub is withheld too.
    restricted = DecisionFactory(
        title="Victim Services Contract Award", is_restricted=True, **_marked("restricted")
    )
    _attach_part1(restricted, "restricted")
    _part2(restricted, "restricted")
    sign(decision=restricted, signed_at=at(2021, 11, 3))
    publish_decision(restricted)

    # Signed but not yet published.
    signed = DecisionFactory(title=f"Signed unpublished {MARKER}", **_marked("signed"))
    _part2(signed, "signed")
    sign(decision=signed, signed_at=at(2021, 11, 15))

    # Drafts at each stage before signature, and a withdrawn one.
    draft = DecisionFactory(title=f"Draft {MARKER}", **_marked("draft"))
    _attach_part1(draft, "draft")
    _part2(draft, "draft")
    submitted = DecisionFactory(title=f"Submitted {MARKER}", **_marked("submitted"))
    services.submit_decision(decision=submitted, by=editor)
    withdrawn = DecisionFactory(title=f"Withdrawn {MARKER}", **_marked("withdrawn"))
    services.withdraw_decision(decision=withdrawn, by=editor, reason=f"Reason {MARKER}")

    # Published with its marked Part 1 and document, then withdrawn from the public site.
    retracted = DecisionFactory(title="Estates Strategy Approval", **_marked("retracted"))
    _attach_part1(retracted, "retracted")
    sign(decision=retracted, signed_at=at(2021, 11, 20))
    publish_decision(retracted)
    publishing.withdraw(obj=retracted, by=editor, reason="Signed under the wrong delegation")

    # The Panel's report for the period, published, and a draft report.
    report = DecisionsReportFactory(period_start=at(2021, 10, 1).date())
    publish(report, by=editor)
    report.introduction = f"Draft edit {MARKER}"  # saved, never published
    report.save()
    DecisionsReportFactory(title=f"Draft report {MARKER}")
    # A report whose second version was withdrawn: no version of it is public any more.
    withdrawn_report = DecisionsReportFactory(period_start=at(2021, 10, 1).date())
    publish(withdrawn_report, by=editor)
    withdrawn_report.introduction = f"Withdrawn version {MARKER}"
    withdrawn_report.save()
    publish(withdrawn_report, by=editor, note="Second")
    publishing.withdraw(obj=withdrawn_report, by=editor, reason="Published in error")
    return {
        "open": open_decision,
        "restricted": restricted,
        "signed": signed,
        "retracted": retracted,
        "report": report,
        "withdrawn_report": withdrawn_report,
    }


def _body(response):
    content = response.getvalue()
    if response.get("Content-Type", "").startswith("application/pdf"):
        return pdf_text(content) + content.decode("latin-1")
    return content.decode("utf-8", errors="replace")


def _assert_clean(client, url, seen):
    response = client.get(url)
    seen[url] = response.status_code
    body = _body(response)
    if SEARCHED in url:
        # The page may echo what was searched for (lower case); the content has a capital.
        assert MARKER not in body, f"{url} leaks the marker"
    else:
        assert MARKER.lower() not in body.lower(), f"{url} leaks the marker"
    return response, body


def _decisions_urls(world):
    """Every public URL pattern of the decisions app, with every object it can name."""
    decisions = [world["open"], world["restricted"], world["signed"], world["retracted"]]
    candidates = []
    for decision in decisions:
        year, number = decision.financial_year, decision.number
        candidates += [
            ("decisions:detail", {"year": year, "number": number}),
            ("decisions:pdf", {"year": year, "number": number}),
        ]
        for version in (1, 2):  # what changed in a version: none has a second one here
            candidates.append(
                (
                    "decisions:version_changes",
                    {"year": year, "number": number, "version": version},
                )
            )
        for attachment in DecisionAttachment.objects.all():
            candidates.append(
                ("decisions:attachment", {"year": year, "number": number, "pk": attachment.pk})
            )
    from decisions.models import DecisionsReport

    for report in DecisionsReport.objects.all():
        candidates += [
            ("decisions:report", {"pk": report.pk}),
            ("decisions:report_pdf", {"pk": report.pk}),
        ]
        for number in (1, 2):
            candidates += [
                ("decisions:report_version_pdf", {"pk": report.pk, "number": number}),
                ("decisions:report_version_changes", {"pk": report.pk, "number": number}),
            ]
    for name in ("register", "data", "csv", "json", "feed"):
        candidates.append((f"decisions:{name}", {}))
    return [reverse(name, kwargs=kwargs) for name, kwargs in candidates]


def _optional(path):
    try:
        resolve(urlparse(path).path)
    except Resolver404:
        return None
    return path


@pytest.mark.django_db
def test_part2_restricted_and_unpublished_content_reaches_no_public_response(
    client, world, search_index
):
    seen = {}
    for url in _decisions_urls(world):
        _assert_clean(client, url, seen)
    # The marker is searched for through every filter the register offers.
    for query in ({"q": SEARCHED}, {"q": "restricted"}, {"year": 2021}, {"priority": "all"}):
        _, body = _assert_clean(
            client,
            reverse("decisions:register")
            + "?"
            + "&".join(f"{key}={value}" for key, value in query.items()),
            seen,
        )
    assert "0 decisions" in client.get("/decisions/", {"q": SEARCHED}).content.decode()

    # Site-wide search and sitemap, when the portal has them; they do list the public content.
    for path in ("/sitemap.xml", f"/search/?q={SEARCHED}", "/search/?q=Victim"):
        if _optional(path):
            _assert_clean(client, path, seen)
    if _optional("/sitemap.xml"):
        assert world["open"].get_absolute_url() in client.get("/sitemap.xml").content.decode()
    if _optional("/search/") and search_index:
        found = client.get("/search/", {"q": "Community Safety Partnerships"}).content.decode()
        assert world["open"].get_absolute_url() in found

    # Crawl everything an anonymous visitor can reach from the home page and the register.
    queue, visited = ["/", "/decisions/", "/decisions/feed/"], set()
    while queue and len(visited) < 300:
        url = queue.pop()
        if url in visited:
            continue
        visited.add(url)
        response, body = _assert_clean(client, url, seen)
        if response.status_code != 200 or not response.get("Content-Type", "").startswith(
            ("text/html", "application/atom")
        ):
            continue
        for link in re.findall(r'href="([^"#]+)"', body):
            target = urljoin(url, link.replace("&amp;", "&"))
            parsed = urlparse(target)
            if parsed.netloc not in ("", "testserver") or parsed.path.startswith(
                ("/manage/", "/accounts/", "/admin/", "/static/", "/media/")
            ):
                continue
            path = parsed.path + (f"?{parsed.query}" if parsed.query else "")
            if path not in visited:
                queue.append(path)

    # The published decisions really were reachable (the test fetched real content).
    open_url = world["open"].get_absolute_url()
    assert seen[open_url] == 200 and seen[world["restricted"].get_absolute_url()] == 200
    assert (
        seen[reverse("decisions:pdf", kwargs={"year": 2021, "number": world["open"].number})] == 200
    )
    signed = world["signed"]
    assert seen[signed.get_absolute_url()] == 404
    # The withdrawn decision answers 410 Gone, with its notice and none of its text.
    retracted = world["retracted"]
    year, number = retracted.financial_year, retracted.number
    assert seen[retracted.get_absolute_url()] == 410
    assert seen[reverse("decisions:pdf", kwargs={"year": year, "number": number})] == 410
    for attachment in retracted.attachments.all():
        url = reverse(
            "decisions:attachment", kwargs={"year": year, "number": number, "pk": attachment.pk}
        )
        assert seen[url] == 410
    assert seen[world["report"].get_absolute_url()] == 200
    withdrawn_report = world["withdrawn_report"].pk
    report_pdf = reverse(
        "decisions:report_version_pdf", kwargs={"pk": world["report"].pk, "number": 1}
    )
    assert seen[report_pdf] == 200
    for name in ("decisions:report_version_pdf", "decisions:report_version_changes"):
        assert seen[reverse(name, kwargs={"pk": withdrawn_report, "number": 2})] == 410

    # What search indexes and what the public is served comes from frozen versions the public
    # can read: none has it (a withdrawn version keeps its text for the record, never served).
    for version in Version.objects.public():
        for field in ("title", "html", "document_html", "text", "change_note"):
            assert MARKER not in getattr(version, field), f"version {version} {field}"


@pytest.mark.django_db
def test_the_marker_really_is_in_the_withheld_content(world, client, editor):
    """A guard for the test above: staff do see the marked content."""
    client.force_login(editor)
    part2 = client.get(
        reverse("decisions_manage:part2", kwargs={"pk": world["restricted"].pk})
    ).content.decode()
    assert MARKER in part2
    staff = client.get(reverse("decisions_manage:list")).content.decode()
    assert MARKER in staff
