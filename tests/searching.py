"""Searching in tests: what the public search page found, and the titles the search selector
ranks for a query."""

from transparency import search


def found(client, query):
    """The public search page without the query it repeats back: only what it found."""
    return client.get("/search/", {"q": query}).content.decode().replace(query, "")


def titles(query, **filters):
    """The titles of the first page of results, best first."""
    return [result.entry.title for result in search.search(query=query, **filters).page.object_list]
