"""The staff area's generic views, after NetBox's generic object views: one way to write the
staff page of a published object, its publish step, and a form page.

Which to use:

- ``PublishingDetailView``: the staff page of one object that is published, with the publishing
  panel (its versions, render job, publish and withdraw buttons) and the preview of the page as
  publishing would freeze it now. Set ``model``, ``permission_required``, ``template_name``,
  ``context_object_name`` and ``publish_url_name``; add the page's own context in
  ``get_context_data``.
- ``PublishView``: that object's check page, then publishing it
  (``pcc_portal.publications.views.publish_after_review``). Set ``model`` and
  ``permission_required``; override ``publish(data)`` where publishing goes through the app's
  own service, ``review`` or ``published_message`` where the check page or the message say
  more than the default, and ``refusal()`` where the object may be in a state that cannot be
  published (said before the password is asked for).
- ``FormPage``: a mixin for ``CreateView``, ``UpdateView`` or ``FormView``, titled by
  ``page_title``, ``caption`` and ``intro`` (or their ``get_`` methods): a form that, once
  valid, saves (``save(form)``: by default a ModelForm's new object whole, and an edited one's
  changes only, under its row lock and while the page's queryset still holds it; else one
  service call),
  says so in a message (none where ``success_message`` is empty: the next page says it) and
  redirects (to ``success_url``, else the object's staff page); an invalid form, or a save
  refused with one of the ``refused`` errors (an upload the service cannot clean, say), is shown
  again with the error beside its field (the one the error names, else ``refused_field``),
  answering 400.

- ``WithdrawView`` (``pcc_portal.publications.views``, beside the withdraw page of any
  published object it also serves): withdrawing one object with the reason the public is told,
  after re-authenticating. Set ``permission_required`` and ``model`` (or ``get_object``) and
  ``withdraw(reason)``, the app's service; ``consequences``, ``caption`` and
  ``success_message`` say what the page and the message say.

- ``RemoveView``: deleting one thing for good (a draft plan or a part of it, an agenda item,
  an attachment, a draft month of spending). GET asks on one page, saying what goes with it
  (``consequences``), or why it cannot go (``blocked()``); a POST deletes it through the app's
  service (``remove()``), says so (``success_message``) and goes back (``get_back_url()``, by
  default the object's staff page). A refusal from the service is shown on the page (400). Set
  ``model`` (or ``get_object``) and ``permission_required``.

A custom flow (a step of a decision's signing, a form posted from another page that shows it
again) stays a function view that calls one service, decorated with ``staff(permission)``
(``pcc_portal.views.decorators``).
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.views.generic import DetailView, View
from django.views.generic.detail import SingleObjectMixin

from pcc_portal.errors import ChangedMeanwhile, InvalidTransition
from pcc_portal.publications import services as publishing
from pcc_portal.publications.forms import PublishForm
from pcc_portal.publications.selectors import publishing_panel
from pcc_portal.publications.views import publish_after_review
from pcc_portal.visibility import model_permission


def _visible_to_user(view, default):
    """The view's objects through the model's ``visible_to``, where it has one; else
    ``default()``, the view's own queryset."""
    if view.queryset is None and view.model is not None:
        return _visible(view.model, view.request.user)
    return default()


def _visible(model, user):
    """The objects of ``model`` that ``user`` may see: all, for a model with no visibility of
    its own (a Panel member)."""
    manager = model._default_manager
    return manager.visible_to(user) if hasattr(manager, "visible_to") else manager.all()


class VisibleToUser:
    """Objects (of a detail, edit or list view with ``model`` set) are fetched through the
    model's ``visible_to`` (``pcc_portal.visibility``): what this user may not see answers 404
    or is not listed. A model with no visibility of its own (a Panel member) is read whole."""

    def get_queryset(self):
        return _visible_to_user(self, super().get_queryset)


class PublishingDetailView(PermissionRequiredMixin, VisibleToUser, DetailView):
    """The staff page of one published object, with its publishing panel and preview."""

    publish_url_name = ""  # the check page's URL name; it takes the object's pk
    preview = True  # show the page as publishing would freeze it now

    def get_published_object(self):
        """What the panel is about: the object itself, unless the page shows another one's."""
        return self.object

    def get_publish_url(self):
        return reverse(self.publish_url_name, kwargs={"pk": self.object.pk})

    def has_publishing_panel(self):
        """Whether the object is at a stage where it is published (a decision once signed)."""
        return True

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if not self.has_publishing_panel():
            return context
        published = self.get_published_object()
        context["object"] = published  # what the panel's history and withdraw links are about
        context.update(
            publishing_panel(
                obj=published,
                user=self.request.user,
                publish_url=self.get_publish_url(),
                publish_permission=model_permission(type(published), "publish"),
            )
        )
        if self.preview:
            context["preview_html"] = publishing.freeze(obj=published)[0]
        return context


class PublishView(PermissionRequiredMixin, VisibleToUser, SingleObjectMixin, View):
    """The check page of one object, then publishing it once the publisher confirms."""

    http_method_names = ["get", "post"]
    form_class = PublishForm
    refused = ()  # the app's own errors that refuse publishing, shown on the check page
    reauthenticate = None  # None: as the model asks (``Publishable.reauthenticate_to_release``)
    review = None  # or a method returning the check page's contents (``selectors.review``)
    published_message = None  # or a method of the published version returning the message

    def publish(self, data):
        """Publish the object as it is now; returns the new version."""
        return publishing.publish(obj=self.object, by=self.request.user, note=data["change_note"])

    def get_form_class(self):
        return self.form_class

    def refusal(self):
        """Why the object cannot be published as it stands, said on the check page before the
        password is asked for; "" when it can."""
        return ""

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        return publish_after_review(
            request,
            obj=self.object,
            publish=self.publish,
            form_class=self.get_form_class(),
            review=self.review,
            refused=self.refused,
            published_message=self.published_message,
            reauthenticate=self.reauthenticate,
            refusal=self.refusal,
        )

    def post(self, request, *args, **kwargs):
        return self.get(request, *args, **kwargs)


def _values(instance):
    """The values of ``instance``'s columns, by field name."""
    return {
        field.name: getattr(instance, field.attname) for field in instance._meta.concrete_fields
    }


class FormPage:
    """A form page: valid, saved, a message and a redirect; otherwise shown again with 400.
    An edit page finds its object through ``visible_to``, as ``VisibleToUser`` does. It builds
    on no mixin of its own, so that an app's page and the view above it stay two deep."""

    page_title = ""
    caption = ""  # the caption above the heading
    intro = ""  # a paragraph under the heading
    list_url = None  # the breadcrumb back to the list, where there is one
    list_label = ""
    success_message = "“{object}” was saved."
    change_reason = ""  # the history's reason for a ModelForm's save, as "Drafted"
    refused = ()  # domain errors ``save`` may raise, shown beside the field they name
    refused_field = None  # where a refusal naming no field of the form goes (None: above it)

    def get_queryset(self):
        return _visible_to_user(self, super().get_queryset)

    def get_page_title(self):
        return self.page_title

    def get_caption(self):
        return self.caption

    def get_intro(self):
        return self.intro

    def get_crumbs(self):
        """The breadcrumbs above the page's own: (address, label) pairs."""
        return [(self.list_url, self.list_label)] if self.list_url else []

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "title": self.get_page_title(),
            "caption": self.get_caption(),
            "intro": self.get_intro(),
            "crumbs": self.get_crumbs(),
        }

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        instance = kwargs.get("instance")
        if instance is not None and not instance._state.adding:
            # The object as this request loaded it, before the form wrote to it: what differs
            # from this when it is saved is what this request changed.
            self.loaded = _values(instance)
        return kwargs

    def save(self, form):
        """Save what the valid form holds and return the object saved. A page whose save goes
        through a service passes the service ``self.edited(form)``."""
        if not isinstance(form, forms.BaseModelForm):
            return form.save()
        obj = self.edited(form)
        obj.save()
        form.save_m2m()
        return obj

    def edited(self, form):
        """The object a valid ModelForm holds, not saved yet: a new one as the form built it
        (a page that both adds and edits), an edited one as its row stands now, locked until the
        save commits, with this request's changes on it. So a step taken on it since the page
        was loaded (a decision submitted, a meeting postponed, a part moved) is not undone by
        the fields this page did not change, and once the object has left the page's queryset
        (a decision is no longer a draft), nothing is saved over it."""
        edited = form.save(commit=False)
        if not hasattr(self, "loaded"):  # a new object
            return edited
        model = type(edited)
        # Unordered: an ordering across a nullable relation (a measure's priority) would join it,
        # and PostgreSQL cannot lock the nullable side of an outer join.
        locked = model._base_manager.select_for_update().filter(pk=edited.pk).order_by()
        current = locked.first()
        try:
            editable = self.get_queryset()
        except ImproperlyConfigured:  # a page that finds its object its own way (``get_object``)
            editable = _visible(model, self.request.user)
        if current is None or not editable.filter(pk=edited.pk).exists():
            raise ChangedMeanwhile(
                f"“{edited}” changed while you were editing it and can no longer be edited "
                "here, so nothing was saved. What you typed is still below."
            )
        for field in model._meta.concrete_fields:
            unchanged = getattr(edited, field.attname) == self.loaded[field.name]
            if unchanged and not field.primary_key:  # as it is now, maybe newer than the page's
                setattr(edited, field.attname, getattr(current, field.attname))
        return edited

    def get_success_message(self):
        return self.success_message.format(object=self.object)

    def get_success_url(self):
        if self.success_url:
            return super().get_success_url()
        return self.object.get_manage_url()

    def form_valid(self, form):
        if self.change_reason:
            form.instance._change_reason = self.change_reason
        try:
            with transaction.atomic():  # an edit's row stays locked until its save commits
                self.object = self.save(form)
        except (*self.refused, ChangedMeanwhile) as error:
            field = getattr(error, "field", None)
            form.add_error(field if field in form.fields else self.refused_field, str(error))
            return self.form_invalid(form)
        if message := self.get_success_message():  # a page the redirect explains has none
            messages.success(self.request, message)
        return redirect(self.get_success_url())

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400  # the form is shown again with what was typed and why
        return response


class RemoveView(PermissionRequiredMixin, VisibleToUser, DetailView):
    """Deleting one thing for good, after asking on a page that says what goes with it."""

    template_name = "manage/remove.html"
    heading = "Remove “{object}”"  # the page's h1, formatted with the object
    caption = ""
    consequences = ""  # what goes with it, or what follows
    button = "Remove"
    success_message = "“{object}” was removed."

    def blocked(self):
        """Why the object cannot be removed, asked before showing the button; "" if it can."""
        return ""

    def remove(self):
        """Delete the object through the app's service (which may refuse: InvalidTransition)."""
        raise NotImplementedError

    def get_back_url(self):
        """Where the page goes back to, and by default where removing ends."""
        return self.object.get_manage_url()

    def get_success_url(self):
        """Where removing ends, found before the object is deleted."""
        return self.get_back_url()

    def get_heading(self):
        return self.heading.format(object=self.object)

    def get_caption(self):
        return self.caption

    def get_summary(self):
        """What is removed, in a few words under the heading, where the heading does not say."""
        return ""

    def get_consequences(self):
        return self.consequences

    def get_button(self):
        return self.button

    def get_success_message(self):
        return self.success_message.format(object=self.object)

    def get_crumbs(self):
        """The breadcrumbs above the page's own: (address, label) pairs."""
        return []

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            heading=self.get_heading(),
            caption=self.get_caption(),
            summary=self.get_summary(),
            consequences=self.get_consequences(),
            button=self.get_button(),
            back_url=self.get_back_url(),
            crumbs=self.get_crumbs(),
            blocked=kwargs.pop("blocked", None) or self.blocked(),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        success_url = self.get_success_url()  # while what it names still exists
        message = self.get_success_message()
        refusal = self.blocked()
        if not refusal:
            try:
                with transaction.atomic():
                    self.remove()
            except InvalidTransition as error:
                refusal = str(error)
            else:
                messages.success(request, message)
                return redirect(success_url)
        context = self.get_context_data(blocked=refusal)
        return self.render_to_response(context, status=400)
