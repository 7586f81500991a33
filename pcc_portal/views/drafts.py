"""Staff form pages that draft a published object and edit it: what they save is a draft, and
the public sees it only once it is published."""

from django.contrib.auth.mixins import PermissionRequiredMixin
from django.views.generic import CreateView, UpdateView

from .generic import FormPage


class DraftCreateView(PermissionRequiredMixin, FormPage, CreateView):
    """A new object, saved as a draft. Set ``permission_required``, ``form_class`` and
    ``template_name``."""

    success_message = "\u201c{object}\u201d was saved as a draft."


class DraftUpdateView(PermissionRequiredMixin, FormPage, UpdateView):
    """Changes to an object the public may read in an earlier version: they see the changes once
    it is published again. Set ``model``, ``permission_required``, ``form_class`` and
    ``template_name``."""

    success_message = (
        "Your changes to \u201c{object}\u201d were saved. The public sees them when you publish."
    )
