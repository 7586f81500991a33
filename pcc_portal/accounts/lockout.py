"""How django-axes names the account being tried, whichever way allauth passes it."""


def attempted_username(request, credentials):
    # allauth authenticates with `username` or `email`; the form field itself is `login`.
    credentials = credentials or {}
    name = credentials.get("username") or credentials.get("email")
    if not name and request is not None:
        name = request.POST.get("login")
    return (name or "").strip().lower() or None
