"""Lists that grow: sorted by a column the user picks (``?sort=name`` or
``?sort=-name``) and paged (``?page=2``) in SQL, whatever else the page filters."""

from __future__ import annotations

from collections.abc import Mapping
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


def listing(stmt: sa.Select, sorts: Mapping[str, sa.ColumnElement], default: str,
            args: Mapping[str, str], *, rows: bool = False,
            per_page: int = PER_PAGE) -> Listing:
    """Order ``stmt`` by the chosen column (then by ``default``, so the order is
    stable) and fetch one page: objects, or whole rows with ``rows=True``."""
    requested = args.get("sort", default) or default
    descending = requested.startswith("-")
    key = requested.lstrip("-")
    if key not in sorts:
        key, descending = default.lstrip("-"), default.startswith("-")
    column = sorts[key]
    fallback = sorts[default.lstrip("-")]
    stmt = stmt.order_by(None).order_by(column.desc() if descending else column.asc(),
                                        fallback)
    total = db.session.scalar(sa.select(sa.func.count()).select_from(
        stmt.order_by(None).subquery()))
    pages = max(1, -(-total // per_page))
    try:
        page = min(max(int(args.get("page", 1)), 1), pages)
    except ValueError:
        page = 1
    paged = stmt.limit(per_page).offset((page - 1) * per_page)
    items = db.session.execute(paged).all() if rows else list(db.session.scalars(paged))
    others = {k: v for k, v in args.items() if k not in ("sort", "page") and v}
    return Listing(items, page, pages, total, key, descending, others)
