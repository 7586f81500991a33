"""Staff forms for the Panel and its people: the panel's details, members and task and
finish groups."""

from django import forms
from django.contrib.auth import get_user_model
from django.db import models

from pcc_portal.accounts import roles
from pcc_portal.forms import StaffModelForm, govuk_fields

from ..models import Member, Panel, TaskAndFinishGroup


class PanelForm(StaffModelForm):
    class Meta:
        model = Panel
        fields = ["name", "host_authority", "secretary_name", "secretary_email", "secretary_phone"]


class MemberForm(StaffModelForm):
    submit_label = "Save the member"

    class Meta:
        model = Member
        formfield_callback = govuk_fields
        fields = [
            "name",
            "kind",
            "council",
            "political_group",
            "role",
            "substitutes",
            "term_start",
            "term_end",
            "email",
            "user",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only accounts with the panel member role; the link goes when it is emptied.
        accounts = (
            get_user_model()
            .objects.filter(is_active=True, groups__name=roles.PANEL_MEMBER)
            .order_by("username")
        )
        if self.instance.user_id:  # keep showing the linked account, whatever its role now
            accounts = accounts | get_user_model().objects.filter(pk=self.instance.user_id)
        self.fields["user"].queryset = accounts.distinct()
        self.fields["user"].empty_label = "Not linked to an account"
        self.fields["user"].label_from_instance = _account_label

    def clean(self):
        data = super().clean()
        if data.get("kind") == Member.Kind.COUNCILLOR and not data.get("council", "").strip():
            self.add_error("council", "Name the council that appointed this councillor.")
        start, end = data.get("term_start"), data.get("term_end")
        if start and end and end < start:
            self.add_error("term_end", "The term must end after it starts.")
        user = data.get("user")
        if user and start:
            overlapping = (
                Member.objects.filter(user=user)
                .exclude(pk=self.instance.pk)
                .filter(models.Q(term_end__isnull=True) | models.Q(term_end__gte=start))
            )
            if end:
                overlapping = overlapping.filter(term_start__lte=end)
            other = overlapping.first()
            if other is not None:
                self.add_error(
                    "user",
                    f"That account is already linked to {other} for part of this term: "
                    "end that membership first.",
                )
        return data


def _account_label(user):
    name = user.get_full_name()
    return f"{name} ({user.username})" if name else user.username


class TaskAndFinishGroupForm(StaffModelForm):
    submit_label = "Save the group"

    class Meta:
        model = TaskAndFinishGroup
        formfield_callback = govuk_fields
        fields = ["title", "scope", "members", "status", "report_back_by", "report_back_to"]
        widgets = {
            "members": forms.CheckboxSelectMultiple,
            "scope": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["members"].queryset = Member.objects.current()
