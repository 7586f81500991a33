"""The search index: one row per published thing, as search sees it."""

from django.contrib.contenttypes.models import ContentType
from django.db import models


class SearchEntry(models.Model):
    """One published thing, as search sees it. Only published, unrestricted content is ever
    written here; on PostgreSQL a generated tsvector column with a GIN index backs the search
    (added by migration 0003), elsewhere a simpler match runs over ``title`` and ``body``."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    kind = models.CharField(max_length=40, help_text="The type filter: decision, plan...")
    title = models.CharField(max_length=300)
    body = models.TextField(blank=True)
    url = models.CharField(max_length=500)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    published_at = models.DateTimeField()
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="one_search_entry_per_object"
            )
        ]
        indexes = [models.Index(fields=["kind", "year"])]
        verbose_name_plural = "search entries"

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return self.url
