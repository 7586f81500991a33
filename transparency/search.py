"""Site search: the index of published content and the query over it.

Only published, unrestricted content is ever written to ``SearchEntry``: ``index_version`` takes
a ready ``Version`` (its frozen text plus the text of its PDF; a register entry's record version
its frozen text), ``index_object`` a measure of a published plan, and ``remove_object`` takes
anything out (call it in the transaction that unpublishes or restricts). On PostgreSQL the query
runs over a weighted tsvector column with a GIN index (title before body), stemmed by the
'english' configuration; on other databases, a simpler match over the same columns, each word
matched by its Snowball (English) stem, so "robberies" finds "robbery" on both.
"""

import datetime
import logging
import re
from dataclasses import dataclass
from functools import lru_cache

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db import connection, models, transaction
from django.db.models.expressions import RawSQL
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from snowballstemmer import stemmer

from pcc_portal.publications.pdf_safety import extract_text

from .models import SearchEntry

logger = logging.getLogger(__name__)

MAX_BODY = 400_000  # characters kept per document: PostgreSQL's tsvector holds at most 1 MB
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


# Indexing -----------------------------------------------------------------------------------


def _content_type(obj):
    return ContentType.objects.get_for_model(obj, for_concrete_model=False)


def is_public(obj):
    """Published and not restricted, by the object's own QuerySet: the one rule for visibility."""
    if getattr(obj, "is_restricted", False):
        return False
    manager = type(obj)._default_manager
    if not hasattr(manager, "public"):
        return False
    return manager.public().filter(pk=obj.pk).exists()


def pdf_text(version):
    """The text inside the version's published PDF, or "" if there is none or it cannot be read."""
    return extract_text(version.pdf, max_chars=MAX_BODY) if version.pdf else ""


# Where things keep their own date, for the year filter: a decision is filed under the year it
# was made, a meeting's pack, papers and minutes under the meeting's, a report under its period,
# never under the day it was put online (a 2021 pack loaded in 2026 is a 2021 pack).
OWN_DATES = (
    "decision_date",
    "meeting_date",
    "meeting.date",
    "period.end",
    "period_end",
    "date",
    "term_start",
)


def _own_date(obj):
    for path in OWN_DATES:
        value = obj
        for name in path.split("."):
            value = getattr(value, name, None)
            if value is None:
                break
        if isinstance(value, datetime.date):
            return value
    return None


def _year(obj, fallback):
    year = getattr(obj, "search_year", None)
    if callable(year):
        year = year()
    own = _own_date(obj)
    return year or (own.year if own else fallback.year)


def _store(obj, *, kind, title, body, url, year, published_at):
    entry, _ = SearchEntry.objects.update_or_create(
        content_type=_content_type(obj),
        object_id=obj.pk,
        defaults={
            "kind": kind,
            "title": title[:300],
            "body": body[:MAX_BODY],
            "url": url,
            "year": year,
            "published_at": published_at,
        },
    )
    return entry


def index_version(version):
    """Put a ready version of a published, unrestricted object in the index (replacing the
    object's earlier version), or take the object out if it is no longer public.

    Called inside the transaction that makes the version public: a failure here is logged
    and leaves the object out of search (never stale), without undoing the publication."""
    try:
        with transaction.atomic():
            return _index_version(version)
    except Exception:
        logger.exception("could not index %s for search; it is left out of search", version)
        obj = version.content_object
        if obj is not None:
            with transaction.atomic():
                remove_object(obj)
        return None


def _index_version(version):
    from pcc_portal.publications.models import Version

    if version.status != Version.Status.READY:
        return None
    obj = version.content_object
    if obj is None:
        return None
    if not is_public(obj):
        remove_object(obj)
        return None
    latest = Version.objects.latest_ready_for(obj)
    if latest is not None and latest.number > version.number:
        return None  # a later version is (or will be) indexed instead
    inside = pdf_text(version) if getattr(obj, "search_reads_pdf", True) else ""
    body = version.text or ""
    if inside and inside.strip() != body.strip():
        body = f"{body}\n{inside}"
    entry = _store(
        obj,
        kind=version.document_type,
        title=version.title,
        body=body,
        url=obj.get_absolute_url(),
        year=(version.data or {}).get("year")
        or _year(obj, timezone.localtime(version.published_at)),
        published_at=version.published_at,
    )
    if obj._meta.label_lower == "plans.plan":
        for measure in obj.measures.select_related("plan", "priority"):
            index_object(measure)
    return entry


def _measure_document(measure):
    from django.urls import NoReverseMatch, reverse

    try:
        url = reverse("performance:measure", kwargs={"pk": measure.pk})
    except NoReverseMatch:
        url = measure.priority.get_absolute_url() if measure.priority_id else ""
        url = url or measure.plan.get_absolute_url()
    where = str(measure.priority) if measure.priority_id else measure.theme
    return {
        "kind": "measure",
        "title": measure.wording,
        "body": f"{measure.wording}\n{where}\n{measure.plan.title}",
        "url": url,
        "year": measure.plan.term_start.year,
        "published_at": timezone.now(),
    }


def index_object(obj):
    """Index something published without versions of its own (a measure of a published plan):
    it describes itself with ``search_document()``; anything not public is removed."""
    if obj._meta.label_lower == "plans.measure":
        if not is_public(obj.plan):
            return remove_object(obj)
        return _store(obj, **_measure_document(obj))
    if not is_public(obj):
        return remove_object(obj)
    return _store(obj, **obj.search_document())


def remove_object(obj):
    """Take ``obj`` out of the index. Call it in the transaction that unpublishes or restricts.
    A plan's measures, indexed because the plan is public, go with it."""
    SearchEntry.objects.filter(content_type=_content_type(obj), object_id=obj.pk).delete()
    if obj._meta.label_lower == "plans.plan":
        measures = list(obj.measures.values_list("pk", flat=True))
        if measures:
            from django.apps import apps

            SearchEntry.objects.filter(
                content_type=_content_type(apps.get_model("plans", "Measure")),
                object_id__in=measures,
            ).delete()


def rebuild_index():
    """Index everything published, from scratch; returns the number of entries."""
    from pcc_portal.publications.models import Version

    SearchEntry.objects.all().delete()
    latest = (
        Version.objects.public()
        .values("content_type", "object_id")
        .annotate(number=models.Max("number"))
    )
    for row in latest:
        version = (
            Version.objects.public()
            .filter(content_type=row["content_type"], object_id=row["object_id"])
            .get(number=row["number"])
        )
        index_version(version)
    return SearchEntry.objects.count()


# Searching ----------------------------------------------------------------------------------

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
