"""Staff pages for the Panel's statutory cases: the timetable of every open case, and a case's
steps, documents and votes."""

from django.contrib.auth.mixins import PermissionRequiredMixin
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.functional import cached_property
from django.views.generic import CreateView, UpdateView

from panel.models import Panel
from panel.views.manage_people import PanelFirst
from pcc_portal.publications.forms import WithdrawForm
from pcc_portal.publications.responses import pdf_response
from pcc_portal.publications.selectors import Part, review
from pcc_portal.publications.views import WithdrawView
from pcc_portal.views.decorators import staff
from pcc_portal.views.generic import FormPage, PublishingDetailView, PublishView

from .. import selectors, services
from ..forms import CaseForm, StepForm
from ..models import Case, CaseworkError, Step


class CaseworkPage(PermissionRequiredMixin, FormPage):
    """A staff form page of the Panel's casework, a refusal of the law shown beside its field."""

    template_name = "casework/manage/form.html"
    refused = (CaseworkError,)


@staff("casework.view_case")
def dashboard(request):
    return render(request, "casework/manage/dashboard.html", selectors.dashboard(user=request.user))


class CaseCreateView(CaseworkPage, PanelFirst, CreateView):
    permission_required = "casework.add_case"
    form_class = CaseForm
    success_message = "“{object}” was opened."

    def dispatch(self, request, *args, **kwargs):
        if self.has_permission() and kwargs["kind"] not in Case.Kind.values:
            raise Http404("No such kind of case.")
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return f"New: {Case.Kind(self.kwargs['kind']).label.lower()}"

    def get_form_kwargs(self):
        kind = self.kwargs["kind"]
        return {
            **super().get_form_kwargs(),
            "kind": kind,
            "instance": Case(panel=Panel.objects.first(), kind=kind),
        }

    def save(self, form):
        return services.open_case(case=form.save(commit=False), by=self.request.user)


case_create = CaseCreateView.as_view()


def _case(request, pk):
    return get_object_or_404(
        Case.objects.visible_to(request.user).select_related("meeting", "agenda_item"), pk=pk
    )


class CaseDetailView(PublishingDetailView):
    permission_required = "casework.view_case"
    model = Case
    template_name = "casework/manage/case.html"
    context_object_name = "case"
    publish_url_name = "casework_manage:case_release"
    preview = False  # the case's page is its record: steps and documents, shown as they are

    def get_queryset(self):
        return super().get_queryset().select_related("meeting", "agenda_item")

    def get_context_data(self, **kwargs):
        case = self.object
        return {
            **super().get_context_data(**kwargs),
            **selectors.case_page(case=case),
            "withdraw_form": WithdrawForm(
                action=reverse("casework_manage:case_withdraw", kwargs={"pk": case.pk})
            ),
        }


class CaseUpdateView(CaseworkPage, UpdateView):
    permission_required = "casework.change_case"
    model = Case
    form_class = CaseForm
    page_title = "Change the case"

    def get_queryset(self):
        return super().get_queryset().select_related("meeting", "agenda_item")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "kind": self.object.kind}

    def get_caption(self):
        return str(self.object)

    def save(self, form):
        return services.change_case(case=self.edited(form), by=self.request.user)


case_edit = CaseUpdateView.as_view()


class StepCreateView(CaseworkPage, CreateView):
    permission_required = "casework.add_step"
    form_class = StepForm
    page_title = "Record a step"

    @cached_property
    def case(self):
        return _case(self.request, self.kwargs["pk"])

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "case": self.case}

    def get_caption(self):
        return str(self.case)

    def get_intro(self):
        if self.case.is_public:
            return (
                "This case is public as last released: what you record now is public only once "
                "you release the case again."
            )
        return ""

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "case": self.case}

    def save(self, form):
        return services.record_step(
            step=form.save(commit=False),
            document=form.cleaned_data.get("document"),
            by=self.request.user,
        )

    def get_success_message(self):
        note = f"“{self.object.label}” was recorded."
        if self.object.document_removed:
            note += " Removed from its PDF: " + ", ".join(self.object.document_removed) + "."
        return note

    def get_success_url(self):
        return self.case.get_manage_url()


step_create = StepCreateView.as_view()


def _release_review(case):
    """The check page: every step and document the release makes public, and what is new
    since the version the public was last given."""
    released = case.live_version()
    before = {row["pk"] for row in (released.data or {}).get("steps", [])} if released else set()
    parts = []
    for step in case.steps.order_by("date", "pk"):
        detail = f"{step.date:%-d %B %Y}"
        if step.outcome:
            detail += f": {step.get_outcome_display()}"
        parts.append(Part(title=step.label, detail=detail, pdf=False, new=step.pk not in before))
        if step.document:
            parts.append(
                Part(
                    title=step.document_title or step.label,
                    group=step.label,
                    detail="Uploaded PDF, cleaned of scripts, actions and embedded files",
                    new=step.pk not in before,
                )
            )
    return review(
        obj=case,
        parts=parts,
        claims=[
            "The case page has no PDF of its own: the public reads the case, its timetable and "
            "these steps on its page and in search, and each step's cleaned document. Steps "
            "recorded after this release stay private until the next one."
        ],
    )


class CaseReleaseView(PublishView):
    """The check page for releasing a case; releasing asks for the password again."""

    permission_required = "casework.publish_case"
    model = Case
    refused = (CaseworkError,)

    def get_queryset(self):
        return super().get_queryset().select_related("meeting", "agenda_item")

    def refusal(self):
        return services.release_refusal(case=self.object)

    def publish(self, data):
        return services.release_case(
            case=self.object, by=self.request.user, note=data["change_note"]
        )

    def review(self):
        return _release_review(self.object)

    def published_message(self, version):
        return (
            f"“{self.object}” is released: the public sees version {version.number} at "
            f"{self.object.get_absolute_url()}."
        )


class CaseWithdrawView(WithdrawView):
    """Withdraw a released case with the reason the public is told."""

    permission_required = "casework.publish_case"
    caption = "Panel casework"
    consequences = [
        "Its public page and every document it released answer “Gone” with a notice: the "
        "title, and “Withdrawn on <date>: <reason>”.",
        "Site search and the sitemap drop it at once.",
        "Its versions are kept for the record and never served again; only a new release "
        "puts the case back.",
    ]

    def get_object(self):
        return _case(self.request, self.kwargs["pk"])

    def withdraw(self, reason):
        services.withdraw_case(case=self.object, by=self.request.user, reason=reason)


case_withdraw = CaseWithdrawView.as_view()


@staff("casework.view_step")
def step_document(request, pk):
    """The document as it will be published (cleaned), for staff to check."""
    step = get_object_or_404(
        Step.objects.filter(case__in=Case.objects.visible_to(request.user)).exclude(document=""),
        pk=pk,
    )
    return pdf_response(step.document.open("rb"), filename=f"{step.case.kind}-{step.kind}.pdf")
