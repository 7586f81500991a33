"""The public read API: published, public content only, through each model's public QuerySet.

Every endpoint answers GET (and HEAD and OPTIONS) to anyone, with no session or sign-in used
(so a signed-in member of staff reads exactly what the public reads), CORS headers for any
origin, an ETag (and, for decisions, Last-Modified) that a conditional request answers 304 to,
and a rate limit per address (``API_RATE``).
"""
