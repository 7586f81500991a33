"""Querysets over rows about one object of any model, reached through a generic relation."""

from django.contrib.contenttypes.models import ContentType
from django.db import models


class ForObjectQuerySet(models.QuerySet):
    """Rows about one object of any model, through ``content_type`` and ``object_id``: its
    versions, its withdrawals, approval requests, the mark of an import."""

    def for_object(self, obj):
        return self.filter(
            content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
            object_id=obj.pk,
        )
