"""Files attached to an agreement's update as evidence: which files are taken,
and what is stored of them. No Flask: the form passes the bytes and the limit.

A file's kind is told by its content, never by its name or by what the browser
says it is: a photo is one that Pillow reads as JPEG, PNG or WebP; a PDF starts
with its header; a Word or Excel file is a ZIP container holding the parts of
one (and no macros).

Photos are made anew from their pixels: turned upright as the camera said,
brought to sRGB, scaled down to ``MAX_SIDE`` so that slow supplier links cope,
and saved without anything else the file carried: no EXIF (where and when it
was taken, the phone), no XMP, no comment, no colour profile. A photo can still
show a worker's face or a place; the form says so. Documents are stored as they
are, their authors' names and the like included; the form says that too.
"""

from __future__ import annotations

import io
import re
import unicodedata
import warnings
import zipfile
from dataclasses import dataclass

from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

from ..text import N_, without_control_characters

#: The longest side of a stored photo, in pixels: sharp enough to read a notice
#: or a payslip on it, small enough (some hundred kilobytes) for a slow link.
MAX_SIDE = 2000
#: The longest side of the small picture shown in an agreement's history.
THUMBNAIL_SIDE = 240
#: A bigger picture is refused before it is decoded: a phone's photo has 12 to
#: 50 megapixels; a file claiming far more is a "decompression bomb".
MAX_PIXELS = 50_000_000

#: Pillow's format -> how it is stored (Pillow's format, MIME type, extension).
#: A PNG stays a PNG (screenshots of text stay sharp); photos become JPEG.
PHOTO_FORMATS = ("JPEG", "PNG", "WEBP")
JPEG = ("JPEG", "image/jpeg", "jpg")
PNG = ("PNG", "image/png", "png")

#: Documents: kind -> (MIME type, extension, the part a ZIP container must hold).
DOCUMENTS = {
    "pdf": ("application/pdf", "pdf", None),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
             "docx", "word/document.xml"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
             "xlsx", "xl/workbook.xml"),
}

#: The brands of an ISO media file that hold HEIF pictures (iPhones' HEIC).
HEIF_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"hevm", b"hevs",
               b"mif1", b"msf1"}

#: Why a file is refused: code -> message, translated where shown.
REFUSALS = {
    "empty": N_("The file is empty."),
    "too_large": N_("The file is too large: files of up to %(size)s MB can be attached."),
    "heic": N_("HEIC photos (the iPhone's own format) cannot be read here. Please attach the "
               "photo as JPEG: on an iPhone, choose Settings › Camera › Formats › Most "
               "Compatible, or share the photo as JPEG."),
    "unreadable": N_("This picture could not be read: the file may be damaged. Please "
                     "attach it again, or take the photo again."),
    "too_many_pixels": N_("This picture is too large to process: at most %(megapixels)s "
                          "megapixels. Please attach a smaller one."),
    "macros": N_("Word and Excel files with macros are not taken. Please save the file "
                 "as a plain .docx or .xlsx, or as PDF."),
    "wrong_type": N_("This kind of file is not taken. Please attach a photo (JPEG, PNG or "
                     "WebP) or a document (PDF, Word .docx or Excel .xlsx). What the file "
                     "holds is checked, not its name."),
}


class Refused(ValueError):
    """The file is not taken; ``code`` is a key of ``REFUSALS``."""

    def __init__(self, code: str, **params):
        super().__init__(code)
        self.code, self.params = code, params


@dataclass(frozen=True)
class Checked:
    """What is stored of a file that was taken."""

    content: bytes
    content_type: str
    #: The sender's name for it, cleaned, with the extension of what is stored.
    filename: str
    #: A photo's size as stored, and its small picture; None for a document.
    width: int | None = None
    height: int | None = None
    thumbnail: bytes | None = None


def check(data: bytes, filename: str, max_bytes: int) -> Checked:
    """Take the file, or raise ``Refused`` saying why not."""
    if not data:
        raise Refused("empty")
    if len(data) > max_bytes:
        raise Refused("too_large", size=megabytes(max_bytes))
    if data[4:8] == b"ftyp" and data[8:12] in HEIF_BRANDS:
        raise Refused("heic")
    kind = _document_kind(data)
    if kind is not None:
        content_type, extension, _part = DOCUMENTS[kind]
        return Checked(data, content_type, clean_name(filename, extension))
    return _photo(data, filename)


def megabytes(size: int) -> str:
    """A limit in megabytes, as people read it: 8, or 0.5."""
    value = size / 2**20
    return f"{value:.0f}" if value >= 1 else f"{value:.1f}"


def _document_kind(data: bytes) -> str | None:
    if b"%PDF-" in data[:1024]:  # the header may follow a few bytes of junk
        return "pdf"
    if not data.startswith(b"PK\x03\x04"):
        return None
    try:
        # Only the list of parts is read: nothing is unpacked.
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except (zipfile.BadZipFile, ValueError, OSError):
        raise Refused("wrong_type") from None
    if "[Content_Types].xml" not in names:
        raise Refused("wrong_type")
    if any(name.lower().endswith("vbaproject.bin") for name in names):
        raise Refused("macros")
    for kind, (_type, _extension, part) in DOCUMENTS.items():
        if part in names:
            return kind
    raise Refused("wrong_type")


def _photo(data: bytes, filename: str) -> Checked:
    # Pillow warns of a broken EXIF block and goes on reading the pixels: so do
    # we, whatever the process's warning filters say (the pixel limit is ours).
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            image = Image.open(io.BytesIO(data), formats=PHOTO_FORMATS)
        except UnidentifiedImageError:
            raise Refused("unreadable" if _looks_like_photo(data) else "wrong_type") from None
        except Exception:  # a known format whose header is broken
            raise Refused("unreadable") from None
        source = image.format
        width, height = image.size
        if width * height > MAX_PIXELS:
            raise Refused("too_many_pixels", megapixels=MAX_PIXELS // 1_000_000)
        try:
            picture = _remade(image)
        except Exception:  # Pillow's decoders raise many kinds for a damaged file
            raise Refused("unreadable") from None
    keeps_alpha = picture.mode == "RGBA"
    fmt, content_type, extension = PNG if source == "PNG" or keeps_alpha else JPEG
    return Checked(_encoded(picture, fmt), content_type, clean_name(filename, extension),
                   picture.width, picture.height, _thumbnail(picture))


def _looks_like_photo(data: bytes) -> bool:
    """Begins as a JPEG, PNG or WebP file does (so one Pillow cannot read is damaged)."""
    return data.startswith((b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n")) or (
        data[:4] == b"RIFF" and data[8:12] == b"WEBP")


def _remade(image: Image.Image) -> Image.Image:
    """The picture upright, in sRGB, at most ``MAX_SIDE`` wide and high, as a new
    image that carries nothing of the file but its pixels."""
    image.draft("RGB", (MAX_SIDE, MAX_SIDE))  # a JPEG decodes at a smaller scale: faster
    image.load()
    upright = ImageOps.exif_transpose(image)
    alpha = upright.mode in ("RGBA", "LA", "PA") or (
        upright.mode == "P" and "transparency" in upright.info)
    mode = "RGBA" if alpha else "RGB"
    profile = upright.info.get("icc_profile")
    converted = None
    if profile:
        try:
            converted = ImageCms.profileToProfile(
                upright if upright.mode in ("RGB", "RGBA", "CMYK", "L") else upright.convert(mode),
                ImageCms.ImageCmsProfile(io.BytesIO(profile)), ImageCms.createProfile("sRGB"),
                outputMode=mode)
        except (ImageCms.PyCMSError, ValueError, OSError):
            converted = None  # a broken or mismatched profile: the pixels as they are
    picture = (converted or upright).convert(mode)
    picture.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
    clean = Image.new(mode, picture.size)
    clean.paste(picture)
    return clean


def _encoded(picture: Image.Image, fmt: str) -> bytes:
    out = io.BytesIO()
    if fmt == "JPEG":
        # Progressive: a slow link shows the whole photo early, then sharpens it.
        picture.save(out, "JPEG", quality=85, optimize=True, progressive=True)
    else:
        picture.save(out, "PNG", optimize=True)
    return out.getvalue()


def _thumbnail(picture: Image.Image) -> bytes:
    small = picture.copy()
    small.thumbnail((THUMBNAIL_SIDE, THUMBNAIL_SIDE), Image.Resampling.LANCZOS)
    if small.mode == "RGBA":
        flat = Image.new("RGB", small.size, "white")
        flat.paste(small, mask=small.getchannel("A"))
        small = flat
    out = io.BytesIO()
    small.save(out, "JPEG", quality=70, optimize=True)
    return out.getvalue()


def thumbnail_box(width: int, height: int, side: int) -> tuple[int, int]:
    """The size of a ``width`` × ``height`` picture shown within ``side`` pixels."""
    scale = min(1, side / max(width, height, 1))
    return max(1, round(width * scale)), max(1, round(height * scale))


def clean_name(filename: str, extension: str) -> str:
    """The sender's file name without folders, control characters or anything
    but letters, digits, spaces and ``-_.,()``, with ``extension``: safe in a
    download's header and on any disk, and never a hidden file."""
    name = unicodedata.normalize("NFC", without_control_characters(filename or ""))
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    stem = name.rsplit(".", 1)[0] if "." in name else name
    stem = re.sub(r"[^\w\-.,() ]+", "_", stem)
    stem = re.sub(r"\s+", " ", stem).strip(" _-.")[:80].strip(" _-.")
    return f"{stem or 'evidence'}.{extension}"
