"""Staff views of the registers and the forward plan: entries drafted, released as record versions
and withdrawn, and contracts' copies."""

from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.views.generic import CreateView, UpdateView

from pcc_portal.publications.forms import WithdrawForm
from pcc_portal.publications.responses import pdf_response
from pcc_portal.publications.selectors import publishing_panel
from pcc_portal.publications.views import WithdrawView
from pcc_portal.views.generic import FormPage, PublishView
from pcc_portal.visibility import model_permission

from .. import selectors, services
from ..forms import ENTRY_FORMS
from ..models import Contract, ContractCopy


def _require(request, model, action):
    if not request.user.has_perm(model_permission(model, action)):
        raise PermissionDenied


def _entry_form_class(register):
    form_class = ENTRY_FORMS.get(register)
    if form_class is None:
        raise Http404("No such register.")
    return form_class


@login_required
def entries(request, register):
    form_class = _entry_form_class(register)
    model = form_class._meta.model
    _require(request, model, "view")
    return render(
        request,
        "transparency/manage/entries.html",
        {
            "register": register,
            "title": selectors.ALL_REGISTERS[register].title,
            "entries": model.objects.visible_to(request.user)
            .with_release_state()
            .order_by("-updated_at"),
            "model_name": model._meta.model_name,
            "can_add": request.user.has_perm(model_permission(model, "add")),
        },
    )


@login_required
def contract_copy(request, pk, kind):
    """A contract's copy as it is now, a draft's included, for staff who may see the entry:
    the private store has no address of its own (the public reads the released copy)."""
    _require(request, Contract, "view")
    if kind not in ContractCopy.values:
        raise Http404("No such document.")
    entry = get_object_or_404(Contract.objects.visible_to(request.user), pk=pk)
    file = entry.copy_file(kind)
    if not file:
        raise Http404("No copy has been uploaded.")
    return pdf_response(
        file.open("rb"), filename=f"contract-{slugify(entry.reference) or pk}-{kind}.pdf"
    )


class _EntryView:
    """A view of one entry of the register named in the URL, whose model it is."""

    @cached_property
    def model(self):
        return _entry_form_class(self.kwargs["register"])._meta.model


class _EntryFormPage(_EntryView, PermissionRequiredMixin, FormPage):
    """An entry's form, on the register's form page."""

    template_name = "transparency/manage/form.html"

    def get_form_class(self):
        return _entry_form_class(self.kwargs["register"])

    def get_crumbs(self):
        register = self.kwargs["register"]
        return [
            (
                reverse("transparency_manage:entries", kwargs={"register": register}),
                selectors.ALL_REGISTERS[register].title,
            )
        ]

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "register": self.kwargs["register"]}


class EntryCreateView(_EntryFormPage, CreateView):
    """A new entry, saved as a draft: nothing is public until it is released."""

    success_message = "“{object}” was saved as a draft."

    def get_permission_required(self):
        return [model_permission(self.model, "add")]

    def get_page_title(self):
        return f"Add to {selectors.ALL_REGISTERS[self.kwargs['register']].title.lower()}"

    def save(self, form):
        return services.save_entry(
            entry=form.save(commit=False), by=self.request.user, reason="Created"
        )


entry_create = EntryCreateView.as_view()


class EntryEditView(_EntryFormPage, UpdateView):
    """An entry's page: its form, which any staff who may view the register read and those who
    may change it save, and its publishing panel."""

    def get_permission_required(self):
        actions = ["view", "change"] if self.request.method == "POST" else ["view"]
        return [model_permission(self.model, action) for action in actions]

    def get_page_title(self):
        return f"Edit {self.object}"

    def save(self, form):
        return services.save_entry(entry=self.edited(form), by=self.request.user, reason="Edited")

    def get_success_message(self):
        # Saving an edit leaves the releases as they were, so this asks after the save.
        if self.object.is_public:
            return (
                f"“{self.object}” was saved. The public still sees the last release: "
                "release it again to publish the change."
            )
        return f"“{self.object}” was saved. Nothing is public until it is released."

    def get_context_data(self, **kwargs):
        address = {"register": self.kwargs["register"], "pk": self.object.pk}
        return {
            **super().get_context_data(**kwargs),
            "model_name": self.model._meta.model_name,
            **publishing_panel(
                obj=self.object,
                user=self.request.user,
                publish_url=reverse("transparency_manage:entry_publish", kwargs=address),
                publish_permission=model_permission(self.model, "publish"),
            ),
            "withdraw_form": WithdrawForm(
                action=reverse("transparency_manage:entry_withdraw", kwargs=address)
            ),
        }


entry_edit = EntryEditView.as_view()


class EntryPublishView(_EntryView, PublishView):
    """The check page for releasing an entry: every field as the public will read it."""

    def get_permission_required(self):
        return [model_permission(self.model, "publish")]

    def publish(self, data):
        return services.release_entry(
            entry=self.object, by=self.request.user, note=data["change_note"]
        )

    def review(self):
        return selectors.release_review(entry=self.object)

    def published_message(self, version):
        return f"“{self.object}” is released: the public sees version {version.number} now."


entry_publish = EntryPublishView.as_view()


class EntryWithdrawView(_EntryView, WithdrawView):
    """Withdraw a released entry with the reason the public is told."""

    consequences = [
        "The register page, its CSV and JSON, site search, the feeds and the sitemap drop "
        "it at once.",
        "Its releases are kept for the record and never public again. To publish it again, "
        "release it again from its page, with a change note.",
    ]

    def get_permission_required(self):
        return [model_permission(self.model, "publish")]

    def get_caption(self):
        return selectors.ALL_REGISTERS[self.kwargs["register"]].title

    def withdraw(self, reason):
        services.withdraw_entry(entry=self.object, by=self.request.user, reason=reason)


entry_withdraw = EntryWithdrawView.as_view()
