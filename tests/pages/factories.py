"""Content pages for tests."""

import factory

from pcc_portal.pages.models import ContentPage


class ContentPageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContentPage
        django_get_or_create = ("slug",)

    title = factory.Sequence(lambda n: f"About the Commissioner {n}")
    slug = factory.Sequence(lambda n: f"about-{n}")
    summary = "What the Police and Crime Commissioner for Lancashire does."
    body = (
        "## The role\n\nThe Commissioner sets the police and crime plan and the budget, "
        "and holds the Chief Constable to account.\n\n"
        "| Year | Net revenue budget |\n|---|---|\n| 2021/22 | £318.6m |\n"
    )
