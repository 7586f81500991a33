"""Staff and panel members' accounts. The public never has one."""

from django.contrib.auth.models import AbstractUser


class User(AbstractUser):
    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
        permissions = [("access_manage", "Can use the staff area")]

    def __str__(self):
        return self.get_full_name() or self.username
