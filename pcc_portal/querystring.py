"""What public pages accept in their query string. A NUL byte is refused with a 400 before a view
reads anything: nobody types one, and PostgreSQL cannot compare text that holds one."""

from functools import wraps

from django.core.exceptions import BadRequest


def refuse_nul_bytes(view):
    """Answer 400 when any name or value in the query string holds a NUL byte."""

    @wraps(view)
    def checked(request, *args, **kwargs):
        for name, values in request.GET.lists():
            if "\x00" in name or any("\x00" in value for value in values):
                raise BadRequest("The query string holds a NUL byte.")
        return view(request, *args, **kwargs)

    return checked


def without_page(query):
    """The query string (``request.GET``) without its page number, encoded: what the links to
    a paginated page's other pages add their own ``page=`` to."""
    query = query.copy()
    query.pop("page", None)
    return query.urlencode()
