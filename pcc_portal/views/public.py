"""Site-wide public pages: home, accessibility statement, health check, error pages."""

import logging

import redis
from django.conf import settings
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from panel.models import Meeting
from pcc_portal.caching import lazy_context
from plans.selectors import PublishedPlan, current_plan

logger = logging.getLogger(__name__)


class HomeView(TemplateView):
    """The current plan and its priorities, the latest decisions, the next panel meetings."""

    template_name = "home.html"

    def get_context_data(self, **kwargs):
        # Read only when the page's cached part is missing (pcc_portal.caching): it changes
        # with a release or a meeting's change, and with the day (the next meetings).
        return {
            **super().get_context_data(**kwargs),
            **lazy_context(["plan", "priorities", "meetings"], self.content),
            "today": timezone.localdate(),
        }

    @staticmethod
    def content():
        plan = current_plan()
        # As the plan's live version published them: draft edits stay private.
        published = PublishedPlan(plan) if plan else None
        return {
            "plan": published.plan if published else None,
            "priorities": published.priorities if published else [],
            "meetings": list(Meeting.objects.public().upcoming()[:3]),
        }


def _database_status():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:  # any failure means the database is not usable
        logger.exception("health check: database unavailable")
        return "unavailable"
    return "ok"


def _broker_status():
    if not settings.REDIS_URL:
        return "eager"  # the embedded default runs tasks in-process: there is no broker to lose
    try:
        redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=2, socket_timeout=2).ping()
    except redis.RedisError:
        logger.exception("health check: broker unavailable")
        return "unavailable"
    return "ok"


@never_cache
def healthz(request):
    checks = {"database": _database_status(), "broker": _broker_status()}
    healthy = all(value in ("ok", "eager") for value in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", **checks}, status=200 if healthy else 503
    )


def bad_request(request, exception=None):
    return render(request, "errors/400.html", status=400)


def permission_denied(request, exception=None):
    return render(request, "errors/403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "errors/404.html", status=404)


def server_error(request):
    return render(request, "errors/500.html", status=500)
