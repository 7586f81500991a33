"""The forward plan: decisions of significant public interest expected in the coming
months."""

from django.db import models
from django.urls import reverse

from .entries import RegisterEntry, _document, _priority_served


class ForwardPlanEntry(RegisterEntry):
    """A decision of significant public interest expected in the coming months."""

    register = "forward-plan"
    document_type = "forward-plan"

    title = models.CharField(max_length=200)
    summary = models.TextField(blank=True)
    expected_on = models.DateField("Expected date")
    decision_maker = models.CharField(
        max_length=200, help_text="The Commissioner, the Deputy, or an officer by delegation."
    )
    priority = _priority_served("forward_plan_entries")
    restriction_reason = models.CharField(
        max_length=300,
        blank=True,
        help_text="If part of the decision is expected to be restricted (Part 2), why: for "
        "example \u201ccommercially sensitive information\u201d.",
    )
    decision = models.ForeignKey(
        "decisions.Decision",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="forward_plan_entries",
        help_text="Once it is made: the decision this entry became.",
    )

    class Meta:
        ordering = ["expected_on", "pk"]
        permissions = [("publish_forwardplanentry", "Can release and withdraw entries")]
        verbose_name_plural = "forward plan entries"

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return f"{reverse('transparency:forward_plan')}#entry-{self.pk}"

    @property
    def signed_decision(self):
        """The decision this entry became, once its notice is public."""
        if self.decision_id is None:
            return None
        if not hasattr(self, "_public_decision"):  # the forward plan's selector sets it
            model = self._meta.get_field("decision").related_model
            self._public_decision = model.objects.public().filter(pk=self.decision_id).first()
        return self._public_decision

    def search_document(self):
        return _document(
            self,
            "forward-plan",
            f"Forward plan: {self.title}",
            [self.summary, self.decision_maker, str(self.priority or "")],
            self.expected_on,
        )
