"""The mixin and queryset for a model published through frozen versions."""

from django.contrib.contenttypes.fields import GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.db import models

from pcc_portal.visibility import VisibilityQuerySet

from .versions import Version
from .withdrawals import Withdrawal


class PublishableQuerySet(VisibilityQuerySet):
    """Visibility for anything published through versions: the public sees objects with a
    ready version no withdrawal covers; staff who may view, change or publish the model see
    drafts too."""

    draft_permissions = ("view", "change", "publish")

    def _outer(self, queryset):
        content_type = ContentType.objects.get_for_model(self.model, for_concrete_model=False)
        return queryset.filter(content_type=content_type, object_id=models.OuterRef("pk"))

    def public(self):
        return self.filter(models.Exists(self._outer(Version.objects.public())))

    def with_live_published_at(self):
        """Each object with ``live_published_at``, when the version the public sees was
        published (None while none is), in the same query: for lists of many objects."""
        live = self._outer(Version.objects.public()).order_by("-number").values("published_at")
        return self.annotate(live_published_at=models.Subquery(live[:1]))

    def withdrawn(self):
        """Objects that were public and are no longer: every ready version is withdrawn. Their
        public URLs answer 410 Gone with the withdrawal notice, not 404."""
        return self.filter(
            models.Exists(self._outer(Withdrawal.objects.all())),
            ~models.Exists(self._outer(Version.objects.public())),
        )


class Publishable(models.Model):
    """Mixin for a model published through frozen versions.

    A subclass names its templates: ``page_template`` renders the public page's body and
    ``document_template`` the whole document the PDF is made from (it extends
    ``publications/document.html``). Both receive ``object`` and ``publication_context()``.
    ``document_type`` picks the print stylesheet ``static/pdf/<document_type>.css``.
    ``search_reads_pdf`` is False for a model whose versions' text already holds all that their
    PDF says, so site search need not read the PDF again.

    A model whose ``version_kind`` is ``Version.Kind.RECORD`` (a register entry) freezes
    ``publication_data()`` instead of templates: its version is ready, and public, as soon as
    it is released, with no PDF.

    Its QuerySet is ``PublishableQuerySet``; a subclass with more to say about who sees what
    declares its own subclass of it.
    """

    document_type = "document"
    version_kind = Version.Kind.DOCUMENT
    page_template = ""
    document_template = ""
    search_reads_pdf = True
    # Releasing or withdrawing asks the publisher to re-authenticate (the password again, or a
    # code with two-factor sign-in), and the object's history records it.
    reauthenticate_to_release = True

    versions = GenericRelation(Version)

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True

    def publication_title(self):
        return str(self)

    def publication_context(self):
        return {}

    def publication_text(self):
        """Plain text for search; subclasses add their Markdown fields' text."""
        return self.publication_title()

    def publication_data(self):
        """A record's fields as the public will read them (records only)."""
        raise NotImplementedError

    def live_version(self):
        return Version.objects.latest_ready_for(self)

    @property
    def is_public(self):
        """The public can read a version of it now."""
        return self.live_version() is not None

    def withdrawal(self):
        """The withdrawal in force: the latest, unless a version published since is ready."""
        withdrawal = Withdrawal.objects.for_object(self).order_by("-up_to_number").first()
        if withdrawal is None:
            return None
        later = Version.objects.for_object(self).ready().filter(number__gt=withdrawal.up_to_number)
        return None if later.exists() else withdrawal

    def get_manage_url(self):
        """The staff page with this object's publishing panel."""
        raise NotImplementedError

    def get_preview_url(self):
        """Where staff see what publishing it now would show the public: by default the
        preview on its staff page."""
        return self.get_manage_url() + "#preview"
