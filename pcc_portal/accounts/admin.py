"""Django admin for users, offices and who holds them, with their history."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from simple_history.admin import SimpleHistoryAdmin

from .models import Office, OfficeHolding, User
from .views.sign_in import admin_sign_in

admin.site.register(User, UserAdmin)
# /admin/login/ hands over to the portal's sign-in, so that nobody signs in with a password alone.
admin.site.login = admin_sign_in


class OfficeHoldingInline(admin.TabularInline):
    model = OfficeHolding
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Office)
class OfficeAdmin(SimpleHistoryAdmin):
    list_display = ["title", "kind", "value_limit"]
    list_filter = ["kind"]
    search_fields = ["title"]
    inlines = [OfficeHoldingInline]


@admin.register(OfficeHolding)
class OfficeHoldingAdmin(SimpleHistoryAdmin):
    list_display = ["office", "user", "starts_on", "ends_on"]
    list_filter = ["office"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "office__title"]
    autocomplete_fields = ["user"]
