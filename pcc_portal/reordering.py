"""Ordered lists (a plan's sections, priorities and measures, a meeting's agenda and papers): the
number a new row takes at the end of its list, and moving a row one place up or down among its
siblings, the one way every such list is reordered. Also the answers to a "Move up" or "Move
down" button asked for by the page's script (reorder.js): the list as it now stands, to swap in
place, so a move is one request and no page load. Without JavaScript the move views redirect
back to the page, saying what happened (``answer``)."""

from django.contrib import messages
from django.db.models import Max
from django.http import JsonResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string


def next_number(siblings, *, field):
    """The number in ``field`` that puts a new row after all its ``siblings`` (a QuerySet): one
    more than the highest, so a gap left by a removed row is never filled twice."""
    return (siblings.aggregate(highest=Max(field))["highest"] or 0) + 1


def move(items, item, direction, *, field, also=(), unique=False):
    """Move ``item`` one place ``direction`` ("up" or "down") among ``items``, all its siblings
    in their order (locked by the caller), and number them 1..n in ``field`` (``renumber``).
    Returns False when it is already first or last (the siblings are numbered all the same)."""
    if direction not in ("up", "down"):
        raise ValueError("direction is up or down")
    items = list(items)
    index = next(i for i, sibling in enumerate(items) if sibling.pk == item.pk)
    other = index - 1 if direction == "up" else index + 1
    moves = 0 <= other < len(items)
    if moves:
        items[index], items[other] = items[other], items[index]
    renumber(items, field=field, also=also, unique=unique)
    setattr(item, field, getattr(items[other if moves else index], field))
    return moves


def renumber(items, *, field, also=(), unique=False):
    """Give ``items`` the numbers 1..n in ``field`` in their order, saving only the rows whose
    number changes (with the fields ``also`` names). Where the number is unique among the
    siblings (``unique``), those rows are first parked above every number in use, since the
    database checks the constraint row by row."""
    changed = [(n, row) for n, row in enumerate(items, start=1) if getattr(row, field) != n]
    if unique and changed:
        top = max(getattr(row, field) or 0 for row in items) + len(items)
        for n, row in changed:
            setattr(row, field, top + n)
            row.save(update_fields=[field, *also])
    for n, row in changed:
        setattr(row, field, n)
        row.save(update_fields=[field, *also])


def wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


def answer(request, *, moves, message, back, template, context, row):
    """What every move view answers. For the page's script: ``template`` renders the list's
    region with ``context()`` (called only then), ``row`` is the moved row's id in it, for focus
    to stay on, and ``message`` is announced. Without JavaScript, or for a list with no
    ``template``: ``message`` on the page ``back`` leads to, as a success when the row moved
    (``moves``) and as news when it was already first or last."""
    if template and wants_json(request):
        html = render_to_string(template, context(), request=request)
        return JsonResponse({"html": html, "row": row, "message": message})
    messages.add_message(request, messages.SUCCESS if moves else messages.INFO, message)
    return redirect(back)
