"""Drafts, withdrawn entries and restricted decisions never reach a public response: search,
the sitemap, the registers' CSV and JSON, the feeds and the forward plan. Published documents
withdrawn since (a decision, a plan, an agenda pack, one paper of a pack) answer 410 Gone at
their own URLs and are in no channel."""

import pytest
from django.urls import reverse

from decisions.models import Decision
from pcc_portal.publications import services as publishing
from tests.decisions.factories import DecisionFactory, DecisionPart2Factory
from tests.pages.factories import ContentPageFactory
from tests.transparency.factories import (
    ContractFactory,
    ForwardPlanEntryFactory,
    GiftFactory,
    GrantFactory,
    InterestFactory,
)
from tests.transparency.test_search import publish_decision
from transparency import services

SECRETS = [
    "DRAFTGRANTSECRET",
    "WITHDRAWNCONTRACTSECRET",
    "DRAFTINTERESTSECRET",
    "DRAFTGIFTSECRET",
    "DRAFTFORWARDSECRET",
    "DRAFTPAGESECRET",
    "WITHDRAWNPAGESECRET",
    "PARTTWOSECRET",
    "RESTRICTEDSUMMARYSECRET",
]

PUBLIC_URLS = [
    "/search/?q=secret",
    "/search/?q=DRAFTGRANTSECRET",
    "/search/?q=WITHDRAWNCONTRACTSECRET",
    "/search/?q=WITHDRAWNPAGESECRET",
    "/search/?q=RESTRICTEDSUMMARYSECRET",
    "/search/?q=PARTTWOSECRET",
    "/sitemap.xml",
    "/transparency/",
    "/decisions/forward-plan/",
    "/alerts/decisions/feed/",
    "/alerts/meetings/feed/",
    "/alerts/transparency/feed/",
] + [
    f"/transparency/{register}{suffix}"
    for register in ("interests", "gifts-and-hospitality", "spending", "grants", "contracts")
    for suffix in ("/", ".csv", ".json")
]


def _assert_shows_none(client, url, secrets):
    """The public page at ``url`` answers and says none of ``secrets``."""
    response = client.get(url)
    assert response.status_code == 200, url
    body = response.getvalue().decode()
    if url.startswith("/search/"):
        # The page repeats what was searched for; what it found must not say it again.
        body = body.replace(url.split("q=")[1], "")
        assert "0 results" in body, url
    for secret in secrets:
        assert secret not in body, f"{secret} leaked at {url}"


@pytest.fixture
def mixed_content(editor, decision_maker, publish, django_capture_on_commit_callbacks):
    GrantFactory(released=False, recipient="DRAFTGRANTSECRET")
    InterestFactory(released=False, description="DRAFTINTERESTSECRET")
    GiftFactory(released=False, donor="DRAFTGIFTSECRET")
    ForwardPlanEntryFactory(released=False, title="DRAFTFORWARDSECRET")
    contract = ContractFactory(released=False, title="WITHDRAWNCONTRACTSECRET")
    services.release_entry(entry=contract, by=editor, note="First release")
    services.withdraw_entry(entry=contract, by=editor, reason="Published in error")
    ContentPageFactory(slug="draft-page", title="DRAFTPAGESECRET")
    withdrawn = ContentPageFactory(slug="withdrawn-page", title="WITHDRAWNPAGESECRET")
    publish(withdrawn, editor)
    publishing.withdraw(obj=withdrawn, by=editor, reason="Published in error")
    part2 = DecisionPart2Factory(
        content="PARTTWOSECRET", decision__executive_summary="RESTRICTEDSUMMARYSECRET"
    )
    restricted = publish_decision(
        part2.decision,
        editor=editor,
        decision_maker=decision_maker,
        capture=django_capture_on_commit_callbacks,
    )
    # Things that are public, so the pages are not empty.
    GrantFactory(recipient="Sample Youth Trust")
    publish(ContentPageFactory(slug="about", title="About the Commissioner"), editor)
    published = publish_decision(
        DecisionFactory(title="Community safety grants"),
        editor=editor,
        decision_maker=decision_maker,
        capture=django_capture_on_commit_callbacks,
    )
    return restricted, published


@pytest.mark.django_db
def test_nothing_unpublished_or_restricted_reaches_a_public_response(client, mixed_content):
    restricted, published = mixed_content
    assert Decision.objects.public().filter(pk=restricted.pk).exists()  # its stub is public
    for url in PUBLIC_URLS:
        _assert_shows_none(client, url, SECRETS)
    sitemap = client.get("/sitemap.xml").content.decode()
    assert published.get_absolute_url() in sitemap
    assert restricted.get_absolute_url() not in sitemap
    assert "/pages/about/" in sitemap
    assert "/pages/withdrawn-page/" not in sitemap
    assert "/manage/" not in sitemap


@pytest.mark.django_db
def test_restricted_decisions_are_left_out_of_the_decisions_feed(client, mixed_content):
    restricted, published = mixed_content
    feed = client.get("/alerts/decisions/feed/").content.decode()
    assert published.get_absolute_url() in feed
    assert restricted.get_absolute_url() not in feed


@pytest.mark.django_db
def test_robots_txt_keeps_crawlers_out_of_staff_pages_and_names_the_sitemap(client):
    robots = client.get("/robots.txt").content.decode()
    assert "Disallow: /manage/" in robots
    assert "Disallow: /admin/" in robots
    assert "Sitemap: http://testserver/sitemap.xml" in robots


# Withdrawn after publication: the secrets are in their bodies (the notice shows only titles).
WITHDRAWN_SECRETS = [
    "WITHDRAWNDECISIONSECRET",
    "WITHDRAWNPLANSECRET",
    "WITHDRAWNMEASURESECRET",
    "WITHDRAWNPAPERSECRET",
    "WITHDRAWNPACKSECRET",
]
WITHDRAWN_CHANNELS = [
    "/decisions/",
    "/decisions.csv",
    "/decisions.json",
    "/decisions/feed/",
    "/alerts/decisions/feed/",
    "/alerts/meetings/feed/",
    "/sitemap.xml",
    "/plans/",
    "/performance/",
    "/panel/meetings/",
    "/panel/meetings/2021-12-06/",
    "/panel/meetings/2021-12-13/",
] + [f"/search/?q={secret}" for secret in WITHDRAWN_SECRETS]


@pytest.fixture
def withdrawn_content(
    editor, decision_maker, panel_secretary, publish, django_capture_on_commit_callbacks
):
    """A decision, a plan, an agenda pack and one paper of another pack, each published (and
    so indexed, listed and fed) and then withdrawn."""
    import datetime

    from panel.models import AgendaItem, PackPaper
    from panel.services import meetings as meeting_services
    from panel.services import packs
    from plans.services import freeze_parts
    from tests.panel.helpers import arranged_meeting, upload
    from tests.plans.factories import MeasureFactory, PlanFactory, PriorityFactory

    decision = publish_decision(
        DecisionFactory(title="Estates review", executive_summary="WITHDRAWNDECISIONSECRET"),
        editor=editor,
        decision_maker=decision_maker,
        capture=django_capture_on_commit_callbacks,
    )
    publishing.withdraw(obj=decision, by=editor, reason="Signed in error")

    plan = PlanFactory(slug="withdrawn-plan", title="Police and Crime Plan 2021-2025")
    priority = PriorityFactory(plan=plan, number=1, title="WITHDRAWNPLANSECRET")
    MeasureFactory(plan=plan, priority=priority, wording="WITHDRAWNMEASURESECRET")
    freeze_parts(plan=plan, version=publish(plan, editor))
    publishing.withdraw(obj=plan, by=editor, reason="Published before the Panel's review")

    def _meeting(date, text, title):
        meeting = arranged_meeting(date=date)
        item = meeting_services.add_item(
            meeting=meeting, item=AgendaItem(title="PCC Update Report", kind="report")
        )
        meeting_services.add_upload_paper(item=item, title="PCC update", upload=upload("KEPT"))
        meeting_services.add_upload_paper(item=item, title=title, upload=upload(text))
        with django_capture_on_commit_callbacks(execute=True):
            packs.publish_pack(meeting=meeting, by=panel_secretary, note="Agenda published")
        return meeting

    whole = _meeting(datetime.date(2021, 12, 6), "WITHDRAWNPACKSECRET", "Budget")
    publishing.withdraw(obj=whole.pack, by=panel_secretary, reason="Published too early")
    part = _meeting(datetime.date(2021, 12, 13), "WITHDRAWNPAPERSECRET", "Tender scores")
    mistake = PackPaper.objects.get(title="Tender scores")
    with django_capture_on_commit_callbacks(execute=True):
        packs.withdraw_paper(paper=mistake, by=panel_secretary, reason="Exempt, by mistake")
    own_urls = [
        decision.get_absolute_url(),
        reverse(
            "decisions:pdf", kwargs={"year": decision.financial_year, "number": decision.number}
        ),
        plan.get_absolute_url(),
        f"/plans/{plan.slug}.pdf",
        f"/plans/{plan.slug}/versions/1.pdf",
        f"/plans/{plan.slug}/priorities/1/",
        "/panel/meetings/2021-12-06/pack.pdf",
        "/panel/meetings/2021-12-06/pack/v1.pdf",
        "/panel/meetings/2021-12-13/pack/v1.pdf",
        f"/panel/meetings/2021-12-13/papers/{mistake.pk}.pdf",
    ] + [
        f"/panel/meetings/2021-12-06/papers/{paper.pk}.pdf"
        for paper in PackPaper.objects.filter(item__build__meeting=whole)
    ]
    return {"decision": decision, "plan": plan, "own_urls": own_urls, "part": part}


@pytest.mark.django_db
def test_nothing_withdrawn_reaches_a_public_channel(client, withdrawn_content):
    for url in withdrawn_content["own_urls"]:
        response = client.get(url)
        assert response.status_code == 410, url
        body = response.getvalue().decode()
        assert "Withdrawn on " in body, url
        for secret in WITHDRAWN_SECRETS:
            assert secret not in body, f"{secret} leaked at {url}"
    for url in PUBLIC_URLS + WITHDRAWN_CHANNELS:
        _assert_shows_none(client, url, WITHDRAWN_SECRETS)
    sitemap = client.get("/sitemap.xml").content.decode()
    assert withdrawn_content["decision"].get_absolute_url() not in sitemap
    assert withdrawn_content["plan"].get_absolute_url() not in sitemap
    assert "/plans/withdrawn-plan/priorities/1/" not in sitemap
    # The pack rebuilt without the withdrawn paper is public again, with the rest of its text.
    assert withdrawn_content["part"].get_absolute_url() in sitemap
    assert client.get("/panel/meetings/2021-12-13/pack.pdf").status_code == 200


# Register entries: released as frozen records, withdrawn everywhere at once --------------------

REGISTER_CHANNELS = {
    "interests": ["/transparency/interests/", "/transparency/interests.csv"],
    "gifts-and-hospitality": [
        "/transparency/gifts-and-hospitality/",
        "/transparency/gifts-and-hospitality.json",
    ],
    "grants": ["/transparency/grants/", "/transparency/grants.csv", "/transparency/grants.json"],
    "contracts": ["/transparency/contracts/", "/transparency/contracts.json"],
    "forward-plan": ["/decisions/forward-plan/"],
}
EVERY_CHANNEL = (
    [url for urls in REGISTER_CHANNELS.values() for url in urls]
    + [
        f"/transparency/{register}{suffix}"
        for register in ("interests", "gifts-and-hospitality", "grants", "contracts")
        for suffix in ("/", ".csv", ".json")
    ]
    + ["/alerts/transparency/feed/", "/sitemap.xml"]
)


def _released_entries(marker):
    """One released entry in each register, each naming ``marker``."""
    return [
        InterestFactory(description=f"Trustee of the {marker} trust"),
        GiftFactory(donor=f"{marker} Partnership"),
        GrantFactory(recipient=f"{marker} Youth Project"),
        ContractFactory(title=f"{marker} referral service"),
        ForwardPlanEntryFactory(title=f"Approve the {marker} strategy"),
    ]


def _everywhere(client, text):
    """The public channels, and site search for ``text``, where ``text`` appears."""
    found = [url for url in EVERY_CHANNEL if text in client.get(url).getvalue().decode()]
    search = client.get(f"/search/?q={text}").getvalue().decode().replace(f"q={text}", "")
    if "0 results" not in search:
        found.append("/search/")
    return found


@pytest.mark.django_db
def test_a_withdrawn_entry_leaves_every_register_channel_at_once(client, editor):
    entries = _released_entries("RELEASEDMARKER")
    assert _everywhere(client, "RELEASEDMARKER")  # public before the withdrawal
    assert "/alerts/transparency/feed/" in _everywhere(client, "RELEASEDMARKER")
    for entry in entries:
        services.withdraw_entry(entry=entry, by=editor, reason="Entered in error")
    assert _everywhere(client, "RELEASEDMARKER") == []


@pytest.mark.django_db
def test_unreleased_edits_of_a_released_entry_never_reach_the_public(client, editor):
    entries = _released_entries("FIRSTRELEASE")
    for entry in entries:
        for name in ("description", "donor", "recipient", "title"):
            if hasattr(entry, name):
                setattr(entry, name, "UNRELEASEDEDITSECRET")
        services.save_entry(entry=entry, by=editor, reason="Edited")
    assert _everywhere(client, "UNRELEASEDEDITSECRET") == []
    for url in EVERY_CHANNEL[:-2]:
        body = client.get(url).getvalue().decode()
        assert "FIRSTRELEASE" in body or url.rsplit("/", 1)[-1] == "", url
    # Released on purpose, the edit is public and the earlier release is not.
    grant = entries[2]
    services.release_entry(entry=grant, by=editor, note="Renamed the recipient")
    page = client.get("/transparency/grants/").getvalue().decode()
    assert "UNRELEASEDEDITSECRET" in page and "FIRSTRELEASE Youth Project" not in page


@pytest.mark.django_db
def test_a_withdrawn_entry_comes_back_only_by_a_new_release(client, editor):
    grant = GrantFactory(recipient="Sample Returning Trust")
    services.withdraw_entry(entry=grant, by=editor, reason="Wrong amount")
    grant.amount = 9000
    services.save_entry(entry=grant, by=editor, reason="Corrected the amount")
    assert "Sample Returning Trust" not in client.get("/transparency/grants/").getvalue().decode()
    with pytest.raises(Exception, match="not on the public site"):
        services.withdraw_entry(entry=grant, by=editor, reason="Again")
    services.release_entry(entry=grant, by=editor, note="Released with the right amount")
    page = client.get("/transparency/grants/").getvalue().decode()
    assert "Sample Returning Trust" in page and "£9,000.00" in page
    first, second = grant.versions.order_by("number")
    assert first.withdrawal().reason == "Wrong amount" and second.withdrawal() is None


@pytest.mark.django_db
def test_a_withdrawn_month_of_spending_answers_gone_at_its_addresses_and_leaves_every_channel(
    client, decision_maker
):
    from pcc_portal.publications import services as publishing
    from tests.transparency.test_spending import GOOD, _release

    upload = _release(GOOD, decision_maker)
    month = "?month=2025-10"
    assert (
        "Sample Stationers Ltd" in client.get(f"/transparency/spending/{month}").getvalue().decode()
    )
    publishing.withdraw(obj=upload, by=decision_maker, reason="Contained a duplicate payment")
    for suffix in ("/", ".csv", ".json"):
        response = client.get(f"/transparency/spending{suffix}{month}")
        assert response.status_code == 410, suffix
        assert "Contained a duplicate payment" in response.getvalue().decode()
    for url in (
        "/transparency/spending/",
        "/transparency/spending.csv",
        "/transparency/spending.json",
        "/alerts/transparency/feed/",
        "/search/?q=Sample+Stationers",
    ):
        body = client.get(url).getvalue().decode().replace("q=Sample+Stationers", "")
        assert "Sample Stationers Ltd" not in body, url
        assert "October 2025" not in body or url.startswith("/search/"), url
    # The month's draft cannot be released again: a new file is a new, deliberate release.
    with pytest.raises(services.InvalidTransition):
        services.release_spending(upload=upload, by=decision_maker)


@pytest.mark.django_db
def test_a_withdrawn_entrys_comparison_goes_with_it(client, editor):
    grant = GrantFactory(recipient="COMPAREDMARKER Youth Project")
    grant.recipient = "COMPAREDMARKER Youth Trust"
    services.save_entry(entry=grant, by=editor, reason="Renamed")
    services.release_entry(entry=grant, by=editor, note="Renamed the recipient")
    url = reverse(
        "transparency:entry_version_changes",
        kwargs={"register": "grants", "pk": grant.pk, "number": 2},
    )
    assert "COMPAREDMARKER Youth Trust" in client.get(url).getvalue().decode()
    services.withdraw_entry(entry=grant, by=editor, reason="Entered in error")
    assert client.get(url).status_code == 410  # the withdrawal notice, not the comparison
    assert _everywhere(client, "COMPAREDMARKER") == []
