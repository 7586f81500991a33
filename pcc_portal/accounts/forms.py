"""The two-factor code forms: django-allauth's own, refusing every code, the right one included,
while the account or the address is locked out (see lockout.py); and the staff forms for offices
and who holds them."""

from allauth.core import context
from allauth.mfa.base import forms as allauth_forms
from axes.handlers.proxy import AxesProxyHandler
from crispy_forms_gds.layout import Field, Size
from django import forms
from django.contrib.auth import get_user_model
from django.db import models

from pcc_portal.forms import GovUKFormMixin, form_helper, govuk_fields

from .models import Office, OfficeHolding

LOCKED_OUT = "Sign-in is locked for now after too many failed attempts. Try again later."


class _RefusedWhileLockedOut:
    def clean_code(self):
        request = context.request
        credentials = {"username": self.user.get_username()}
        if not AxesProxyHandler.is_allowed(request, credentials):
            # As django-axes does for a password: its middleware answers with the lockout page.
            request.axes_locked_out = True
            request.axes_credentials = credentials
            raise forms.ValidationError(LOCKED_OUT, code="locked_out")
        return super().clean_code()


class AuthenticateForm(_RefusedWhileLockedOut, allauth_forms.AuthenticateForm):
    """The code asked for after the password, to sign in."""


class ReauthenticateForm(_RefusedWhileLockedOut, allauth_forms.ReauthenticateForm):
    """The code asked for again before a sensitive change, such as removing the app."""


class OfficeForm(GovUKFormMixin, forms.ModelForm):
    """An office of the OPCC: its kind, its title as signed, and for an office that makes
    decisions what it may decide and up to what value."""

    class Meta:
        model = Office
        fields = ["kind", "title", "delegation", "value_limit"]
        widgets = {
            "kind": forms.RadioSelect,
            "delegation": forms.Textarea(attrs={"rows": 5}),
        }
        labels = {"kind": "What kind of office is it?"}
        error_messages = {
            "title": {
                "required": "Enter the office's title",
                "unique": "There is already an office with this title",
            },
            "kind": {"required": "Choose what kind of office it is"},
            "value_limit": {"invalid": "Enter the limit in pounds, like 50000"},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["value_limit"].widget.attrs.update(inputmode="decimal", spellcheck="false")
        self.helper = form_helper(
            Field.radios("kind", legend_size=Size.SMALL),
            Field.text("title"),
            Field.textarea("delegation"),
            Field.text("value_limit", field_width=10),
            submit="Save the office",
        )

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        if kind and kind not in Office.DECISION_MAKING and data.get("value_limit") is not None:
            self.add_error(
                "value_limit",
                "Only an office that makes decisions has a value limit: clear it, or choose the "
                "Commissioner, the Deputy or an officer with delegated authority.",
            )
        if (
            kind
            and kind not in Office.DECISION_MAKING
            and self.instance.pk
            and self.instance.decisions.exists()
        ):
            self.add_error(
                "kind",
                "Decisions are made by this office: it must stay an office that makes decisions.",
            )
        if data.get("value_limit") is not None and data["value_limit"] < 0:
            self.add_error("value_limit", "The limit cannot be less than \u00a30")
        if kind and kind != Office.Kind.DELEGATED:
            taken = Office.objects.of_kind(kind).exclude(pk=self.instance.pk)
            if taken.exists():
                self.add_error(
                    "kind",
                    f"There is already an office of {Office.Kind(kind).label}: "
                    f"\u201c{taken.first()}\u201d. Change that one, or choose another kind.",
                )
        return data


class OfficeHoldingForm(GovUKFormMixin, forms.ModelForm):
    """Who holds an office, from when, and (once they leave) to when."""

    class Meta:
        model = OfficeHolding
        formfield_callback = govuk_fields
        fields = ["user", "starts_on", "ends_on"]
        # A date field's value is ISO 8601 whatever the language, or the browser shows it empty.
        labels = {"user": "Who holds it"}
        error_messages = {
            "user": {"required": "Choose who holds the office"},
            "starts_on": {
                "required": "Enter the first day in office",
                "invalid": "Enter the first day in office as a date",
            },
            "ends_on": {"invalid": "Enter the last day in office as a date"},
        }

    def __init__(self, *args, office, **kwargs):
        super().__init__(*args, **kwargs)
        self.office = office
        self.fields["user"].queryset = (
            get_user_model().objects.filter(is_active=True).order_by("first_name", "last_name")
        )
        if self.instance.pk:
            # Who held it stays on the record: only the dates change.
            self.fields["user"].disabled = True
        self.helper = form_helper(
            Field.select("user"),
            "starts_on",
            "ends_on",
            submit="Save",
        )

    def clean(self):
        data = super().clean()
        starts, ends, user = data.get("starts_on"), data.get("ends_on"), data.get("user")
        if starts and ends and ends < starts:
            self.add_error("ends_on", "The last day in office must be on or after the first")
        elif starts and user:
            overlapping = OfficeHolding.objects.filter(user=user, office=self.office).exclude(
                pk=self.instance.pk
            )
            overlapping = overlapping.filter(
                models.Q(ends_on__isnull=True) | models.Q(ends_on__gte=starts)
            )
            if ends:
                overlapping = overlapping.filter(starts_on__lte=ends)
            if overlapping.exists():
                self.add_error(
                    "starts_on",
                    f"{user} already holds this office for some of these dates: change that "
                    "holding instead.",
                )
        return data
