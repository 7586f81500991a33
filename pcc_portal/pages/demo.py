"""Demo content pages, written for the portal (facts from the Lancashire seeds)."""

from pcc_portal.publications import services

from .models import ContentPage

PAGES = [
    (
        "about-the-commissioner",
        "About the Commissioner",
        "The Police and Crime Commissioner for Lancashire is elected to be the public's voice "
        "in policing.",
        "## What the Commissioner does\n\n"
        "The Commissioner sets the priorities for policing in Lancashire in a police and crime "
        "plan, sets the police budget and the policing part of the council tax, and holds the "
        "Chief Constable to account for the service the public receives.\n\n"
        "## How the Commissioner is held to account\n\n"
        "The Lancashire Police and Crime Panel, made up of councillors from the county's "
        "councils and independent members, scrutinises the Commissioner's decisions and "
        "reviews the plan and the precept.\n",
    ),
    (
        "roles-and-responsibilities",
        "Roles and responsibilities",
        "Who does what in the governance of policing in Lancashire.",
        "## The Police and Crime Commissioner\n\n"
        "* issues the police and crime plan for the term of office\n"
        "* sets the budget and the precept\n"
        "* appoints, and may dismiss, the Chief Constable\n\n"
        "## The Chief Constable\n\n"
        "Has operational control of the Constabulary: the direction of its officers and staff.\n\n"
        "## The Police and Crime Panel\n\n"
        "Reviews the draft plan, the proposed precept and senior appointments, and may ask "
        "the Commissioner to attend its meetings.\n",
    ),
    (
        "accessibility",
        "Accessibility statement",
        "How accessible this website is, and how to tell us about a problem.",
        "## How accessible this website is\n\n"
        "The site uses the GOV.UK Design System's patterns and is checked automatically against "
        "the Web Content Accessibility Guidelines 2.2 at levels A and AA before each release. "
        "Documents are published as tagged PDFs with a title, a language and bookmarks.\n\n"
        "## Reporting accessibility problems\n\n"
        "If you find a problem, or need a document in another format, contact the Office of the "
        "Police and Crime Commissioner. We reply within 10 working days.\n\n"
        "## Enforcement procedure\n\n"
        "The Equality and Human Rights Commission enforces the Public Sector Bodies (Websites "
        "and Mobile Applications) (No. 2) Accessibility Regulations 2018. If you are not happy "
        "with our response, contact the Equality Advisory and Support Service.\n",
    ),
]


def load(*, publisher):
    published = []
    for slug, title, summary, body in PAGES:
        page, _ = ContentPage.objects.get_or_create(
            slug=slug, defaults={"title": title, "summary": summary, "body": body}
        )
        if not page.versions.exists():
            services.publish(obj=page, by=publisher, note="First publication")
            published.append(slug)
    return f"published {', '.join(published)}" if published else "all pages present"
