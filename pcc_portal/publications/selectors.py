"""Reads for the publishing panel that every staff object page shows."""

from .forms import PublishForm
from .models import RenderJob, Version


def publishing_panel(*, obj, user, publish_url, publish_permission, publish_form=None):
    versions = list(Version.objects.for_object(obj).select_related("published_by"))
    latest_job = (
        RenderJob.objects.filter(version__in=[v.pk for v in versions])
        .select_related("version")
        .order_by("-version__number")
        .first()
    )
    return {
        "versions": versions,
        "latest_job": latest_job,
        "can_publish": user.has_perm(publish_permission),
        "publish_form": publish_form or PublishForm(action=publish_url),
    }
