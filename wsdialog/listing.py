"""Lists that grow: sorted by a column the user picks (``?sort=name`` or
``?sort=-name``) and paged (``?page=2``) in SQL, whatever else the page filters."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field

import sqlalchemy as sa

from .extensions import db

PER_PAGE = 50


@dataclass
class Listing:
    items: list
    page: int
    pages: int
    total: int
    sort: str  # a key of the page's sorts
    descending: bool
    #: The page's other query arguments (filters), kept in every link.
    args: dict = field(default_factory=dict)

    def link_args(self, **changes) -> dict:
        """Query arguments for a link to another page or order of this list."""
        sort = f"-{self.sort}" if self.descending else self.sort
        return {**self.args, "sort": sort, "page": self.page, **changes}

    def sort_args(self, key: str) -> dict:
        """Sort by ``key``; the current column again reverses the order."""
        again = key == self.sort and not self.descending
        return self.link_args(sort=f"-{key}" if again else key, page=1)


def count(stmt: sa.Select) -> int:
    """How many rows ``stmt`` selects, counted in SQL."""
    return db.session.scalar(sa.select(sa.func.count()).select_from(
        stmt.order_by(None).subquery()))


def _chosen_sort(sorts: Mapping, default: str, args: Mapping[str, str]) -> tuple[str, bool]:
    """(key, descending) of the order asked in ``?sort=``, or the default."""
    requested = args.get("sort", default) or default
    key, descending = requested.lstrip("-"), requested.startswith("-")
    if key not in sorts:
        key, descending = default.lstrip("-"), default.startswith("-")
    return key, descending


def _page_number(args: Mapping[str, str], pages: int) -> int:
    try:
        return min(max(int(args.get("page", 1)), 1), pages)
    except ValueError:
        return 1


def _others(args: Mapping[str, str]) -> dict:
    return {k: v for k, v in args.items() if k not in ("sort", "page") and v}


def listing(stmt: sa.Select, sorts: Mapping[str, sa.ColumnElement], default: str,
            args: Mapping[str, str], *, rows: bool = False,
            per_page: int = PER_PAGE, then: tuple = ()) -> Listing:
    """Order ``stmt`` by the chosen column (then by ``default``, the columns
    ``then`` and last the primary key of what it selects first, so the order is
    total and stable from page to page: two rows alike are never both on page 1
    and page 2) and fetch one page: objects, or whole rows with ``rows=True``."""
    key, descending = _chosen_sort(sorts, default, args)
    column = sorts[key]
    fallback = sorts[default.lstrip("-")]
    stmt = stmt.order_by(None).order_by(column.desc() if descending else column.asc(),
                                        fallback, *then, *_identity(stmt))
    total = count(stmt)
    pages = max(1, -(-total // per_page))
    page = _page_number(args, pages)
    paged = stmt.limit(per_page).offset((page - 1) * per_page)
    items = db.session.execute(paged).all() if rows else list(db.session.scalars(paged))
    return Listing(items, page, pages, total, key, descending, _others(args))


def _identity(stmt: sa.Select) -> tuple:
    """The primary key columns of the entity ``stmt`` selects first (none for a
    plain column)."""
    entity = stmt.column_descriptions[0].get("entity")
    return tuple(sa.inspect(entity).primary_key) if entity is not None else ()


def listing_of(items: list, sorts: Mapping[str, Callable], default: str,
               args: Mapping[str, str], *, per_page: int = PER_PAGE) -> Listing:
    """``listing`` for rows already read (light ones, a few thousand at most):
    sorted by the chosen key function (each must give a total order), one page."""
    key, descending = _chosen_sort(sorts, default, args)
    ordered = sorted(items, key=sorts[key], reverse=descending)
    pages = max(1, -(-len(ordered) // per_page))
    page = _page_number(args, pages)
    return Listing(ordered[(page - 1) * per_page:page * per_page], page, pages, len(ordered),
                   key, descending, _others(args))


class Few:
    """The rows of a long list that a home page shows, and how many the list
    holds in all (counted in SQL). In a template it reads like the whole list:
    its length is the total, and a loop gives the rows fetched. ``name`` is what
    ``?all=`` calls it; ``whole`` says it is shown whole, ``page`` of ``pages``."""

    def __init__(self, items: list, total: int, *, name: str = "", page: int = 1,
                 pages: int = 1, whole: bool = False):
        self.items = items
        self.total = total
        self.name = name
        self.page = page
        self.pages = pages
        self.whole = whole

    def __len__(self) -> int:
        return self.total

    def __iter__(self):
        return iter(self.items)

    def __getitem__(self, index):
        return self.items[index]

    def link_args(self, **changes) -> dict:
        """Query arguments for a link to another page of the list shown whole."""
        return {"all": self.name, "page": self.page, **changes}

    def holding(self, items: list) -> Few:
        """The same window of the list, holding other rows (the fetched ones
        paired with what the page shows beside each)."""
        return Few(items, self.total, name=self.name, page=self.page, pages=self.pages,
                   whole=self.whole)


def few(stmt: sa.Select, limit: int, *, page: int = 1, name: str = "",
        whole: bool = False) -> Few:
    """Page ``page`` of ``limit`` objects ``stmt`` selects, and how many it
    selects in all (counted only when there may be more)."""
    items = list(db.session.scalars(stmt.limit(limit).offset((page - 1) * limit)))
    short = len(items) < limit and (items or page == 1)  # the end is in sight
    total = (page - 1) * limit + len(items) if short else count(stmt)
    return Few(items, total, name=name, page=page, pages=max(1, -(-total // limit)), whole=whole)


@dataclass(frozen=True)
class Glance:
    """How much of each list a home page shows: the first ``rows`` of each, and
    the one named in ``?all=`` whole, a page of ``PER_PAGE`` at a time. A brand
    with 1,500 sites gets a light page either way."""
    expanded: str = ""
    page: int = 1
    rows: int = 8

    @classmethod
    def from_args(cls, args: Mapping[str, str], rows: int) -> Glance:
        return cls(args.get("all", "")[:40], _page_number(args, 10**6), rows)

    def few(self, stmt: sa.Select, name: str) -> Few:
        """``stmt``'s rows as the list called ``name`` shows them."""
        if name != self.expanded:
            return few(stmt, self.rows, name=name)
        found = few(stmt, PER_PAGE, page=self.page, name=name, whole=True)
        if found.page > found.pages:  # a page past the end (the list shrank): its last
            found = few(stmt, PER_PAGE, page=found.pages, name=name, whole=True)
        return found


def in_chunks(stmt: sa.Select, size: int = 200) -> Iterator[list]:
    """``stmt``'s objects a few hundred at a time, in its order (which must be
    total): an export's memory does not grow with its rows. The session's
    identity map holds objects weakly, so chunks already read are let go."""
    offset = 0
    while chunk := list(db.session.scalars(stmt.limit(size).offset(offset))):
        yield chunk
        offset += size
