"""Every source the index can read, by key, and the choices staff pick an item's source from."""

from .as_made import _agendas, _decisions, _minutes
from .latest import _latest_entry, _latest_page
from .periods import _decisions_report, _plan, _quarterly_report, _scrutiny_meeting, _spending
from .readings import Source

SOURCES = {
    source.key: source
    for source in [
        Source(
            "decisions",
            "The decisions register",
            "decisions:register",
            _decisions,
        ),
        Source(
            "decisions-report",
            "Decisions reports to the Panel",
            "decisions:register",
            _decisions_report,
        ),
        Source(
            "forward-plan",
            "The forward plan",
            "transparency:forward_plan",
            _latest_entry("ForwardPlanEntry"),
        ),
        Source(
            "panel-meetings",
            "Police and Crime Panel agendas and papers",
            "panel:meetings",
            _agendas,
        ),
        Source(
            "panel-minutes",
            "Police and Crime Panel minutes",
            "panel:meetings",
            _minutes,
        ),
        Source("plan", "The police and crime plan", "plans:list", _plan),
        Source(
            "performance-reports",
            "Quarterly performance reports",
            "performance:dashboard",
            _quarterly_report(),
        ),
        Source(
            "national-statement",
            "The national statement in the quarterly performance reports",
            "performance:dashboard",
            _quarterly_report(national_statement=True),
        ),
        Source(
            "scrutiny-meetings",
            "Strategic scrutiny meetings",
            "performance:dashboard",
            _scrutiny_meeting,
        ),
        Source(
            "spending",
            "Spending over £500",
            "transparency:register",
            _spending,
            (("register", "spending"),),
        ),
        Source(
            "grants",
            "Crime and disorder reduction grants",
            "transparency:register",
            _latest_entry("Grant"),
            (("register", "grants"),),
        ),
        Source(
            "contracts",
            "Contracts over £10,000",
            "transparency:register",
            _latest_entry("Contract"),
            (("register", "contracts"),),
        ),
        Source(
            "small-contracts",
            "Contracts of £10,000 or less",
            "transparency:small_contracts",
            _latest_entry("SmallContract"),
        ),
        Source(
            "interests",
            "Register of interests",
            "transparency:register",
            _latest_entry("Interest"),
            (("register", "interests"),),
        ),
        Source(
            "gifts",
            "Gifts and hospitality",
            "transparency:register",
            _latest_entry("GiftHospitality"),
            (("register", "gifts-and-hospitality"),),
        ),
        Source(
            "about",
            "About the Commissioner",
            "pages:detail",
            _latest_page("about-the-commissioner"),
            (("slug", "about-the-commissioner"),),
        ),
        Source(
            "roles",
            "Roles and responsibilities",
            "pages:detail",
            _latest_page("roles-and-responsibilities"),
            (("slug", "roles-and-responsibilities"),),
        ),
    ]
}


def choices():
    return [("", "None: staff upload it")] + [(key, s.label) for key, s in SOURCES.items()]
