"""Reads for the publishing panel that every staff object page shows."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists
from django.urls import reverse

from .forms import PublishForm, WithdrawForm
from .models import RenderJob, Version, Withdrawal


def publishing_panel(*, obj, user, publish_url, publish_permission, publish_form=None):
    versions = list(
        Version.objects.for_object(obj)
        .select_related("published_by")
        .annotate(is_withdrawn=Exists(Withdrawal.objects.covering_outer_version()))
    )
    latest_job = (
        RenderJob.objects.filter(version__in=[v.pk for v in versions])
        .select_related("version")
        .order_by("-version__number")
        .first()
    )
    content_type = ContentType.objects.get_for_model(obj, for_concrete_model=False)
    withdraw_url = reverse(
        "publications_manage:withdraw",
        kwargs={"content_type_id": content_type.pk, "pk": obj.pk},
    )
    return {
        "versions": versions,
        "latest_job": latest_job,
        "can_publish": user.has_perm(publish_permission),
        "publish_form": publish_form or PublishForm(action=publish_url),
        "withdrawal": obj.withdrawal(),
        "withdraw_form": WithdrawForm(action=withdraw_url),
    }
