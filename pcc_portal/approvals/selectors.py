"""Reads for approvals: who may approve a kind, the queue, and the publishing panel's part."""

import datetime
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from pcc_portal.accounts.models import OfficeHolding

from .forms import RequestForm
from .kinds import kind_of
from .models import ApprovalRequest


@dataclass
class Approver:
    user: object
    offices: list

    def __str__(self):
        name = self.user.get_full_name() or self.user.get_username()
        return f"{name} ({', '.join(self.offices)})" if self.offices else name


def who_may_approve(*, kind, exclude=None):
    """The active accounts that may approve ``kind`` (publish or release it), each with the
    offices they hold today, by name."""
    users = get_user_model().objects.with_perm(
        kind.approve_permission,
        include_superusers=False,
        backend="django.contrib.auth.backends.ModelBackend",
    )
    users = users.filter(is_active=True)
    if exclude is not None:
        users = users.exclude(pk=exclude.pk)
    users = sorted(users, key=lambda user: (user.get_full_name() or user.get_username()).lower())
    offices = {}
    for holding in (
        OfficeHolding.objects.on(timezone.localdate())
        .filter(user__in=users)
        .select_related("office")
        .order_by("office__title")
    ):
        offices.setdefault(holding.user_id, []).append(holding.office.title)
    return [Approver(user=user, offices=offices.get(user.pk, [])) for user in users]


def queue(*, user):
    """Pending requests ``user`` may approve, oldest first."""
    return list(
        ApprovalRequest.objects.approvable_by(user)
        .select_related("requested_by", "content_type")
        .order_by("requested_at")
    )


def own_requests(*, user):
    """The user's requests that are pending, or returned in the last month, newest first."""
    since = timezone.now() - datetime.timedelta(days=31)
    return list(
        ApprovalRequest.objects.filter(requested_by=user)
        .filter(status__in=[ApprovalRequest.Status.PENDING, ApprovalRequest.Status.RETURNED])
        .exclude(status=ApprovalRequest.Status.RETURNED, decided_at__lt=since)
        .select_related("decided_by")
        .order_by("-requested_at")
    )


def panel(*, obj, user):
    """The approvals part of an object's publishing panel: None when ``obj`` is not asked for
    approval. Says who may approve, the pending request, the last returned one, and whether
    this user may ask."""
    kind = kind_of(obj)
    if kind is None:
        return None
    requests = ApprovalRequest.objects.for_object(obj).select_related("requested_by", "decided_by")
    pending = next((r for r in requests if r.is_pending), None)
    returned = None
    if pending is None:
        latest = requests.first()
        if latest is not None and latest.status == ApprovalRequest.Status.RETURNED:
            returned = latest
    may_approve = user.has_perm(kind.approve_permission)
    ask_url = reverse("approvals:ask", kwargs={"kind": kind.slug, "key": kind.key(obj)})
    return {
        "kind": kind,
        "object": obj,
        "approvers": who_may_approve(kind=kind),
        "pending": pending,
        "stale": pending.is_stale() if pending else False,
        "returned": returned,
        "may_approve": may_approve,
        "may_ask": not may_approve and user.has_perm(kind.request_permission),
        "refusal": kind.refusal(obj),
        "form": RequestForm(action=ask_url, verb=kind.verb),
    }
