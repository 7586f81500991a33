"""Atom feeds for the alert topics: the same selections the email digests send."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from .alerts import feed_entries
from .models import Topic


class TopicFeed(Feed):
    feed_type = Atom1Feed

    def __init__(self, *, topic, priority=None):
        super().__init__()
        self.topic = topic
        self.priority = priority

    def get_object(self, request, *args, **kwargs):
        return None

    def title(self):
        if self.priority is not None:
            return f"Plan priority {self.priority}"
        return Topic(self.topic).label

    def link(self):
        if self.priority is not None:
            return self.priority.get_absolute_url()
        return reverse("transparency:alerts") + f"?topic={self.topic}"

    def subtitle(self):
        return "What the Police and Crime Commissioner's portal has published."

    def items(self):
        return feed_entries(topic=self.topic, priority=self.priority)

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.url

    def item_guid(self, item):
        return item.uid

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.published_at
