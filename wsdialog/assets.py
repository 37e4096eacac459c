"""Static files under content-hashed names, compressed once, for slow links.

``css/app.css`` is linked as ``css/app.<hash>.css``: the name changes whenever the
content does, so a browser may keep the file for a year without asking again
(``immutable``), and a new release is fetched at once. Each file is read, hashed
and compressed (gzip and Brotli) once per process, on first use, and kept in
memory: the static folder is small (the largest file is htmx, 52 KB).

No Flask here: the app wires it in ``create_app``.
"""

from __future__ import annotations

import gzip
import hashlib
import mimetypes
import threading
from dataclasses import dataclass, field
from pathlib import Path

import brotli

#: How long a browser (or a proxy) may keep a file whose name carries its hash.
IMMUTABLE = "public, max-age=31536000, immutable"
#: A file asked for by its plain name must be checked again before use.
REVALIDATE = "no-cache"
#: Compressing a smaller file saves less than the header it costs.
MIN_COMPRESS = 500
COMPRESSIBLE = ("text/", "application/javascript", "image/svg+xml", "application/json")
HASH_LENGTH = 12
#: The names web servers look for beside a file, per Content-Encoding.
SUFFIXES = {"gzip": "gz", "br": "br"}


@dataclass(frozen=True)
class Asset:
    """One static file: its bytes, and the same bytes gzip'ed and Brotli'ed
    when that makes them smaller."""

    name: str
    digest: str
    mimetype: str
    raw: bytes
    encoded: dict[str, bytes] = field(default_factory=dict)

    @property
    def hashed_name(self) -> str:
        return hashed(self.name, self.digest)

    def body_for(self, accept_encoding: str) -> tuple[bytes, str | None]:
        """The smallest body the client accepts, and its Content-Encoding."""
        accepted = {part.split(";")[0].strip().lower()
                    for part in accept_encoding.split(",")}
        for encoding in ("br", "gzip"):
            if encoding in accepted and encoding in self.encoded:
                return self.encoded[encoding], encoding
        return self.raw, None


def hashed(name: str, digest: str) -> str:
    """``css/app.css`` → ``css/app.<digest>.css``."""
    folder, _sep, base = name.rpartition("/")
    stem, dot, suffix = base.rpartition(".")
    if not dot:
        stem, suffix = base, ""
    new = f"{stem}.{digest}" + (f".{suffix}" if suffix else "")
    return f"{folder}/{new}" if folder else new


def _is_digest(part: str) -> bool:
    return len(part) == HASH_LENGTH and all(c in "0123456789abcdef" for c in part)


def unhashed(name: str) -> tuple[str, str | None]:
    """``css/app.<digest>.css`` → (``css/app.css``, digest); a plain name → (name, None)."""
    folder, _sep, base = name.rpartition("/")
    parts = base.split(".")
    # The digest stands before the suffix, or last in a name without one.
    at = len(parts) - 2 if len(parts) >= 3 else len(parts) - 1
    if at < 1 or not _is_digest(parts[at]):
        return name, None
    plain = ".".join(parts[:at] + parts[at + 1:])
    return (f"{folder}/{plain}" if folder else plain), parts[at]


def _load(path: Path, name: str) -> Asset:
    raw = path.read_bytes()
    mimetype = mimetypes.guess_type(name)[0] or "application/octet-stream"
    encoded: dict[str, bytes] = {}
    if len(raw) >= MIN_COMPRESS and mimetype.startswith(COMPRESSIBLE):
        for encoding, data in (("br", brotli.compress(raw, quality=11)),
                               ("gzip", gzip.compress(raw, 9, mtime=0))):
            if len(data) < len(raw):
                encoded[encoding] = data
    digest = hashlib.sha256(raw).hexdigest()[:HASH_LENGTH]
    return Asset(name, digest, mimetype, raw, encoded)


class StaticFiles:
    """The files of one static folder, loaded on first use."""

    def __init__(self, folder: str | Path, cache: bool = True):
        self.folder = Path(folder).resolve()
        self.cache = cache  # off while developing: an edited file shows at once
        self._assets: dict[str, Asset] = {}
        self._lock = threading.Lock()

    def get(self, name: str) -> Asset | None:
        """The file under its plain name, or None when there is no such file
        (or the name tries to leave the folder)."""
        if self.cache and name in self._assets:
            return self._assets[name]
        path = (self.folder / name).resolve()
        if not (path.is_relative_to(self.folder) and path.is_file()):
            return None  # not remembered: asking for made-up names must not fill memory
        found = _load(path, name)
        with self._lock:
            self._assets[name] = found
        return found

    def url_name(self, name: str) -> str:
        """The name to link: hashed when the file exists, else unchanged."""
        asset = self.get(name)
        return asset.hashed_name if asset else name

    def resolve(self, requested: str) -> tuple[Asset | None, bool]:
        """The asset for a requested name, and whether the name carried its
        current hash (then it may be cached for good). A stale hash serves the
        current file, but not as immutable."""
        plain, digest = unhashed(requested)
        if digest is not None:
            asset = self.get(plain)
            if asset is not None:
                return asset, asset.digest == digest
        return self.get(requested), False

    def export(self, target: str | Path) -> list[str]:
        """Write every file into ``target`` under its hashed name, with its gzip'ed
        and Brotli'ed bytes beside it (``.gz``, ``.br``), for a web server in front
        (nginx's ``gzip_static``/``brotli_static``) to serve without asking the app.

        Only hashed names are written, so the server can cache all it finds for a
        year (``immutable``) and leave a plain or stale name to the app (which
        answers ``no-cache``). Files of earlier releases stay: a page still open in
        a browser, or served by an app server not yet upgraded, finds its own
        version. Each file is written under a temporary name and renamed, so the
        server never serves half of one. Returns the hashed names written."""
        target = Path(target)
        written = []
        for path in sorted(self.folder.rglob("*")):
            name = path.relative_to(self.folder).as_posix()
            if not path.is_file() or any(part.startswith(".") for part in name.split("/")):
                continue
            asset = self.get(name)
            destination = target / asset.hashed_name
            destination.parent.mkdir(parents=True, exist_ok=True)
            # The compressed copies first: the server looks for them only once the
            # plain file exists.
            for encoding, data in asset.encoded.items():
                suffix = SUFFIXES[encoding]
                _write_atomically(destination.with_name(f"{destination.name}.{suffix}"), data)
            _write_atomically(destination, asset.raw)
            written.append(asset.hashed_name)
        return written


def _write_atomically(path: Path, data: bytes) -> None:
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_bytes(data)
    temporary.replace(path)
