"""Answers to a "Move up" or "Move down" button asked for by the page's script (reorder.js): the
list as it now stands, to swap in place, so a move is one request and no page load. Without
JavaScript the move views redirect back to the page as before."""

from django.http import JsonResponse
from django.template.loader import render_to_string


def wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


def moved(request, *, template, context, row, message):
    """``template`` renders the list's region with ``context``; ``row`` is the moved row's id in
    it, for focus to stay on; ``message`` is announced."""
    html = render_to_string(template, context, request=request)
    return JsonResponse({"html": html, "row": row, "message": message})
