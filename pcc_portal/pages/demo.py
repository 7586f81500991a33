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
        "This statement applies to the website of the Police and Crime Commissioner for "
        "Lancashire. We want as many people as possible to be able to use it: to zoom in up to "
        "400% without the text spilling off the screen, to use it with a keyboard or speech "
        "recognition software, and to listen to it with a screen reader.\n\n"
        "## How accessible this website is\n\n"
        "The site uses the GOV.UK Design System's patterns and is checked automatically against "
        "the Web Content Accessibility Guidelines 2.2 at levels A and AA before each release. "
        "Documents the site makes are tagged PDFs with a title, a language and bookmarks; some "
        "documents uploaded to it are not, and are listed below.\n\n"
        "## Contact us\n\n"
        "* Email: commissioner@lancashire-pcc.gov.uk\n"
        "* Telephone: 01772 533587\n"
        "* Post: Office of the Police and Crime Commissioner for Lancashire, PO Box 100, "
        "County Hall, Preston, PR1 0LD\n",
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
