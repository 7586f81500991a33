"""Searching the index: a query's words, their matches ranked, a page of results with snippets
and the type and year filters' options."""

import re
from dataclasses import dataclass
from functools import lru_cache

from django.core.paginator import Paginator
from django.db import connection, models, transaction
from django.db.models.expressions import RawSQL
from django.utils.html import escape
from django.utils.safestring import mark_safe
from snowballstemmer import stemmer

from ..models import SearchEntry

PAGE_SIZE = 20

# Labels for the type filter; unknown types are shown by their name.
KINDS = {
    "plan": "Police and crime plans",
    "decision": "Decisions",
    "decisions-report": "Decisions reports",
    "panel-pack": "Panel agenda packs",
    "panel-report": "Panel reports",
    "panel-minutes": "Panel minutes",
    "panel-precept": "Panel: precepts",
    "panel-confirmation-hearing": "Panel: confirmation hearings",
    "panel-annual-report": "Panel: annual reports",
    "performance": "Performance reports",
    "measure": "Measures",
    "page": "Pages",
    "grant": "Grants",
    "contract": "Contracts",
    "interest": "Register of interests",
    "gift": "Gifts and hospitality",
    "spending": "Spending over £500",
    "forward-plan": "Forward plan",
    "document": "Transparency documents",
}


def kind_label(kind):
    return KINDS.get(kind, kind.replace("-", " ").capitalize())


TERM = re.compile(r'"([^"]+)"|(\S+)')


def terms(query):
    """The phrases and words of a query, as people type them ("quoted phrase" words)."""
    found = []
    for phrase, word in TERM.findall(query):
        text = (phrase or word).strip().strip("\"'.,;:!?()").lower()
        if text and text not in ("and", "or", "the", "of", "a", "to", "in"):
            found.append(text)
    return found[:10]


@dataclass
class Result:
    entry: SearchEntry
    snippet: str

    @property
    def kind_label(self):
        return kind_label(self.entry.kind)


def _postgres(query):
    """(matches, rank) for ``query`` on PostgreSQL: the match uses the GIN index over
    ``search_vector``; the rank weighs titles through ``rank_vector``."""
    table = SearchEntry._meta.db_table
    vector, rank_vector = f'"{table}"."search_vector"', f'"{table}"."rank_vector"'
    tsquery = "websearch_to_tsquery('english', %s)"
    # The SQL is fixed text; the query itself is always a bound parameter.
    matches = SearchEntry.objects.filter(
        RawSQL(f"{vector} @@ {tsquery}", [query], output_field=models.BooleanField())  # noqa: S611
    )
    return matches, RawSQL(f"ts_rank({rank_vector}, {tsquery})", [query])  # noqa: S611


_STEMMER = stemmer("english")


@lru_cache(maxsize=1024)
def word_stem(word):
    """What a word's forms share, to match in text: its Snowball stem, less the "i" that stands
    for a final "y" ("robberies" and "robbery" are both "robberi": "robber" is in either).
    A phrase, or a stem too short to mean anything, is matched as it is."""
    if " " in word or not word.isalpha():
        return word
    stem = _STEMMER.stemWord(word)
    if stem.endswith("i"):
        stem = stem[:-1]
    return stem if len(stem) >= 3 and word.startswith(stem) else word


def _simple(words):
    """(matches, rank) for ``words`` on SQLite: every word (by its stem) in the title or body;
    a match in the title ranks first."""
    matches = SearchEntry.objects.all()
    in_title = models.Q()
    for word in words:
        word = word_stem(word)
        matches = matches.filter(models.Q(title__icontains=word) | models.Q(body__icontains=word))
        in_title &= models.Q(title__icontains=word)
    rank = models.Case(
        models.When(in_title, then=models.Value(1.0)),
        default=models.Value(0.1),
        output_field=models.FloatField(),
    )
    return matches, rank


def _matches_and_rank(query):
    words = terms(query)
    if not words:
        return SearchEntry.objects.none(), models.Value(0.0)
    if connection.vendor == "postgresql":
        return _postgres(query)
    return _simple(words)


def snippet(text, words, width=220, fallback=""):
    """A short extract of ``text`` around the first match, escaped, matches in <mark>; when
    the words match only ``fallback`` (the title), the extract starts with it."""
    text = re.sub(r"\s+", " ", text or "").strip()
    stems = [word_stem(w) for w in words]
    pattern = (
        re.compile(
            "|".join(
                rf"\b{re.escape(stem)}\w*" if " " not in stem else re.escape(stem) for stem in stems
            ),
            re.IGNORECASE,
        )
        if stems
        else None
    )
    start = 0
    if pattern:
        first = pattern.search(text)
        if first:
            start = max(first.start() - width // 3, 0)
        elif fallback:
            text = f"{fallback}. {text}"
    extract = text[start : start + width]
    if start > 0:
        extract = "…" + extract.split(" ", 1)[-1]
    if start + width < len(text):
        extract = extract.rsplit(" ", 1)[0] + "…"
    if not pattern:
        return escape(extract)
    pieces, last = [], 0
    for match in pattern.finditer(extract):
        pieces.append(escape(extract[last : match.start()]))
        pieces.append(f"<mark>{escape(match.group(0))}</mark>")
        last = match.end()
    pieces.append(escape(extract[last:]))
    return mark_safe("".join(pieces))  # noqa: S308 (every piece is escaped above)


@dataclass
class SearchPage:
    query: str
    page: object  # a Paginator page of Results
    kinds: list  # (kind, label, count)
    years: list  # (year, count)


class _Counted:
    """A ranked QuerySet whose length is already known, for the Paginator: counting it again
    would match (and rank) every entry a second time."""

    def __init__(self, queryset, count):
        self.queryset, self._count = queryset, count

    def count(self):
        return self._count

    def __getitem__(self, index):
        return list(self.queryset[index])


def search(*, query, kind="", year=None, page_number=1):
    """One page of results for ``query`` with the type and year filters' options, in two
    queries: the matches counted by type and year (the filters' options and the total), then
    the page itself, ranked. Only the page's entries are loaded."""
    words = terms(query)
    with transaction.atomic():
        if connection.vendor == "postgresql":
            # The planner cannot see that matching by scanning rows (every row, or every row in
            # the (kind, year) index's order for the counts) reads each row's large vector;
            # through the GIN index's bitmap it reads only the matches (a decade: 6 ms, not 15).
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off")
        matches, rank = _matches_and_rank(query)
        kinds, years, total = {}, {}, 0
        counted = matches.order_by().values_list("kind", "year").annotate(n=models.Count("pk"))
        for entry_kind, entry_year, n in counted:
            kinds[entry_kind] = kinds.get(entry_kind, 0) + n
            if entry_year:
                years[entry_year] = years.get(entry_year, 0) + n
            if (not kind or entry_kind == kind) and (not year or entry_year == year):
                total += n
        if kind:
            matches = matches.filter(kind=kind)
        if year:
            matches = matches.filter(year=year)
        ranked = matches.annotate(rank=rank).order_by("-rank", "-published_at", "pk")
        result_page = Paginator(_Counted(ranked, total), PAGE_SIZE).get_page(page_number)
        result_page.object_list = [
            Result(entry=entry, snippet=snippet(entry.body, words, fallback=entry.title))
            for entry in result_page.object_list
        ]
    return SearchPage(
        query=query,
        page=result_page,
        kinds=sorted((k, kind_label(k), n) for k, n in kinds.items()),
        years=sorted(years.items(), reverse=True),
    )
