from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from .models import User
from .views.sign_in import admin_sign_in

admin.site.register(User, UserAdmin)
# /admin/login/ hands over to the portal's sign-in, so that nobody signs in with a password alone.
admin.site.login = admin_sign_in
