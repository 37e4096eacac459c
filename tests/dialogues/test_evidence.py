"""Evidence files on agreement updates: both sides attach a photo or a document;
photos lose their metadata, files are checked by what they hold, and only the
dialogue's brand and supplier see them."""

from __future__ import annotations

import io
import struct
import zipfile
from datetime import date, datetime

import pytest
import sqlalchemy as sa
from PIL import Image, ImageCms

from wsdialog.dialogues import evidence
from wsdialog.dialogues.models import (
    Action,
    ActionStatus,
    ActionUpdate,
    Dialogue,
    DialogueStatus,
    EvidenceFile,
)
from wsdialog.extensions import db
from wsdialog.models import Role

from .. import factories as f


@pytest.fixture
def app_config(app_config):
    return {**app_config, "FIXED_TODAY": "2027-04-01"}


@pytest.fixture
def story(app):
    """Noordwind held a dialogue with Saigon Stitch and agreed to pay on the 5th;
    Linde buys from Saigon Stitch too."""
    noordwind = f.company("Noordwind")
    eva = f.user(company=noordwind, name="Eva", admin=True)
    saigon = f.supplier(noordwind, name="Saigon Stitch")
    site = f.site(saigon, name="Thu Duc")
    cycle = f.cycle(noordwind, site, f.published(noordwind, "Survey"),
                    starts_on=date(2027, 3, 1), ends_on=date(2027, 3, 14))
    cycle.results_shared_on, cycle.results_shared_by = date(2027, 3, 20), eva
    dialogue = f._add(Dialogue(company=noordwind, cycle=cycle,
                               starts_at=datetime(2027, 3, 25, 3), timezone="Asia/Ho_Chi_Minh",
                               language="vi", created_by=eva, status=DialogueStatus.held,
                               held_on=date(2027, 3, 25)))
    action = Action(title="Pay on the 5th", owner="factory", due_on=date(2027, 5, 31))
    dialogue.actions.append(action)
    lan = f.user(Role.supplier, supplier=saigon, name="Lan")
    linde = f.company("Linde")
    f.relate(linde, saigon)
    pieter = f.user(company=linde, name="Pieter")
    db.session.commit()
    return eva, lan, pieter, action


def _post(client, action, data: bytes, name: str, **fields):
    return client.post(f"/actions/{action.id}", data={
        "status": "in_progress", **fields, "file": (io.BytesIO(data), name)})


def _stored() -> list[EvidenceFile]:
    db.session.expire_all()
    return list(db.session.scalars(sa.select(EvidenceFile)))


def _jpeg_segments(data: bytes) -> set[int]:
    """The markers of a JPEG's segments before its image data (APP1 = EXIF or
    XMP, APP2 = ICC profile, APP13 = IPTC, COM = a comment)."""
    markers, i = set(), 2
    while i < len(data) and data[i] == 0xFF:
        marker = data[i + 1]
        if marker == 0xDA:  # start of scan: the pixels follow
            break
        markers.add(marker)
        i += 2 + struct.unpack(">H", data[i + 2:i + 4])[0]
    return markers


APP1, APP2, APP13, COM = 0xE1, 0xE2, 0xED, 0xFE


def _phone_photo(size=(400, 300)) -> bytes:
    """A JPEG as a phone takes it: turned (EXIF orientation 6), with where and
    when and which phone, a colour profile, XMP and a comment."""
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: turn 90° clockwise to show
    exif[0x010F], exif[0x0110] = "PhoneMaker", "Phone 12"
    exif[0x0132] = "2027:04:01 09:30:00"
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2], gps[3], gps[4] = "N", (10.0, 50.0, 12.0), "E", (106.0, 45.0, 30.0)
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    return f.photo(size, exif=exif, icc_profile=srgb, comment=b"Thu Duc line 3",
                   xmp=b"<x:xmpmeta>PhoneMaker</x:xmpmeta>")


def test_a_photo_is_stored_without_its_metadata_upright_and_scaled_down(story, as_user):
    eva, lan, _pieter, action = story
    original = _phone_photo(size=(4000, 3000))
    assert {APP1, APP2, COM} <= _jpeg_segments(original)
    response = _post(as_user(lan), action, original, "IMG_0412.JPG",
                     comment="New payroll calendar on the notice board")
    assert response.status_code == 303
    [stored] = _stored()
    assert stored.supplier_id == lan.supplier_id and stored.company_id is None
    assert stored.update.comment == "New payroll calendar on the notice board"
    assert (stored.filename, stored.content_type) == ("IMG_0412.jpg", "image/jpeg")
    served = as_user(eva).get(f"/evidence/{stored.id}")
    assert served.status_code == 200 and served.data == stored.content
    picture = Image.open(io.BytesIO(served.data))
    assert picture.size == (1500, 2000)  # turned upright, then at most 2000 px
    assert not picture.getexif() and not picture.getexif().get_ifd(0x8825)
    assert {"exif", "icc_profile", "comment", "xmp"}.isdisjoint(picture.info)
    assert _jpeg_segments(served.data).isdisjoint({APP1, APP2, APP13, COM})
    for trace in (b"PhoneMaker", b"Phone 12", b"Thu Duc", b"2027:04:01", b"Exif"):
        assert trace not in served.data
    assert served.headers["X-Content-Type-Options"] == "nosniff"
    assert served.headers["Content-Disposition"].startswith("inline")
    assert "sandbox" in served.headers["Content-Security-Policy"]
    small = as_user(eva).get(f"/evidence/{stored.id}/small")
    assert small.mimetype == "image/jpeg"
    assert max(Image.open(io.BytesIO(small.data)).size) == evidence.THUMBNAIL_SIDE


def test_a_png_stays_a_png_without_its_text_chunks():
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Lan at Thu Duc")
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    data = f.photo((300, 200), "PNG", pnginfo=info, exif=exif, icc_profile=srgb)
    assert b"PhoneMaker" in data and b"iCCP" in data
    checked = evidence.check(data, "screenshot.png", 2**20)
    assert checked.content_type == "image/png" and checked.filename == "screenshot.png"
    for trace in (b"Lan at Thu Duc", b"PhoneMaker", b"tEXt", b"iTXt", b"zTXt", b"eXIf",
                  b"iCCP"):
        assert trace not in checked.content


def test_a_photo_with_a_broken_exif_block_is_taken_as_it_shows():
    data = f.photo((300, 200), exif=b"Exif\x00\x00MM\x00*\x00\x00\x00\x08")
    checked = evidence.check(data, "photo.jpg", 2**20)
    assert (checked.width, checked.height) == (300, 200)
    assert APP1 not in _jpeg_segments(checked.content)


def test_the_page_shows_a_small_picture_that_links_to_the_whole_one(story, as_user):
    eva, lan, _pieter, action = story
    _post(as_user(lan), action, _phone_photo(), "payroll.jpg")
    pdf = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
    _post(as_user(eva), action, pdf, "Training list (May).pdf")
    photo, document = sorted(_stored(), key=lambda e: e.id)
    page = as_user(eva).get(f"/actions/{action.id}").get_data(as_text=True)
    assert f'href="/evidence/{photo.id}"' in page
    assert f'src="/evidence/{photo.id}/small"' in page and 'loading="lazy"' in page
    assert f'href="/evidence/{document.id}" download>Training list (May).pdf</a>' in page
    assert 'enctype="multipart/form-data"' in page


def test_a_document_is_stored_as_it_is_and_downloaded(story, as_user):
    eva, lan, _pieter, action = story
    pdf = b"%PDF-1.7\n% Author: Lan\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
    assert _post(as_user(eva), action, pdf, "../../etc/Payroll calendar.PDF").status_code == 303
    [stored] = _stored()
    assert stored.company_id == eva.company_id and stored.supplier_id is None
    assert stored.filename == "Payroll calendar.pdf" and stored.content == pdf
    response = as_user(lan).get(f"/evidence/{stored.id}")
    assert response.data == pdf and response.mimetype == "application/pdf"
    assert response.headers["Content-Disposition"].startswith("attachment")
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert as_user(lan).get(f"/evidence/{stored.id}/small").status_code == 404


def _office(*parts: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for part in ("[Content_Types].xml", *parts):
            z.writestr(part, "<x/>")
    return out.getvalue()


@pytest.mark.parametrize(("parts", "name", "kind"), [
    (("word/document.xml",), "report.docx", "docx"),
    (("xl/workbook.xml",), "training list.xlsx", "xlsx"),
])
def test_word_and_excel_files_are_taken_by_their_parts(parts, name, kind):
    checked = evidence.check(_office(*parts), name.replace(kind, "zip"), 2**20)
    assert checked.content_type == evidence.DOCUMENTS[kind][0]
    assert checked.filename.endswith(f".{kind}") and checked.thumbnail is None


def _gif() -> bytes:
    return f.photo((10, 10), "GIF")


@pytest.mark.parametrize(("data", "name", "message"), [
    (b"MZ\x90\x00\x03" + bytes(200), "photo.jpg", "This kind of file is not taken"),
    (b"<html><script>alert(1)</script></html>", "photo.png", "This kind of file is not taken"),
    (_gif(), "animation.gif", "This kind of file is not taken"),
    (b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + bytes(100), "IMG_0001.HEIC",
     "HEIC photos"),
    (f.photo((400, 300))[:600], "broken.jpg", "This picture could not be read"),
    (b"\x89PNG\r\n\x1a\n" + bytes(40), "broken.png", "This picture could not be read"),
    (_office("word/document.xml", "word/vbaProject.bin"), "macro.docm", "with macros"),
    (_office("content.xml"), "notes.odt", "This kind of file is not taken"),
    (b"PK\x03\x04 not really a zip", "report.docx", "This kind of file is not taken"),
    (b"", "empty.jpg", "The file is empty"),
    (b"", "", None),
])
def test_a_file_that_is_not_taken_is_named_on_the_form_and_nothing_is_stored(
        story, as_user, data, name, message):
    _eva, lan, _pieter, action = story
    response = _post(as_user(lan), action, data, name, comment="See the file")
    if message is None:  # no file chosen: the browser sends an empty part
        assert response.status_code == 303 and _stored() == []
        return
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert message in page and "See the file" in page  # the comment typed stays
    assert _stored() == [] and db.session.get(Action, action.id).updates == []


def test_a_file_too_large_is_refused_with_the_limit(story, as_user, app):
    _eva, lan, _pieter, action = story
    app.config["EVIDENCE_MAX_BYTES"] = 100 * 1024
    page = as_user(lan).get(f"/actions/{action.id}").get_data(as_text=True)
    assert "up to 0.1 MB" in page
    response = _post(as_user(lan), action, b"%PDF-1.4\n" + bytes(200 * 1024), "big.pdf")
    assert response.status_code == 422
    assert "files of up to 0.1 MB can be attached" in response.get_data(as_text=True)
    assert _stored() == []


def test_a_picture_with_too_many_pixels_is_refused_before_it_is_decoded():
    header = f.photo((8, 8), "PNG")
    # The same PNG claiming 10,000 × 10,000 pixels in its header.
    ihdr = struct.pack(">II", 10_000, 10_000) + header[24:29]
    import zlib

    forged = header[:16] + ihdr + struct.pack(">I", zlib.crc32(b"IHDR" + ihdr)) + header[33:]
    with pytest.raises(evidence.Refused) as refused:
        evidence.check(forged, "huge.png", 2**20)
    assert refused.value.code == "too_many_pixels"


def test_only_the_dialogues_brand_and_supplier_reach_the_file(story, as_user):
    eva, lan, pieter, action = story
    _post(as_user(lan), action, _phone_photo(), "payroll.jpg")
    [stored] = _stored()
    for path in (f"/evidence/{stored.id}", f"/evidence/{stored.id}/small"):
        assert as_user(eva).get(path).status_code == 200
        assert as_user(lan).get(path).status_code == 200
        # Linde buys from the same supplier, but the dialogue is Noordwind's.
        assert as_user(pieter).get(path).status_code == 404
    other_supplier = f.user(Role.supplier, supplier=f.supplier(pieter.company), name="Other")
    db.session.commit()
    assert as_user(other_supplier).get(f"/evidence/{stored.id}").status_code == 404


def test_a_file_goes_with_its_agreement(story, as_user):
    _eva, lan, _pieter, action = story
    _post(as_user(lan), action, _phone_photo(), "payroll.jpg")
    assert len(_stored()) == 1
    db.session.delete(db.session.get(Action, action.id))
    db.session.commit()
    assert _stored() == []
    assert db.session.scalar(sa.select(sa.func.count(ActionUpdate.id))) == 0


def test_a_file_alone_is_an_update_and_tells_the_brand(story, as_user):
    eva, lan, _pieter, action = story
    response = _post(as_user(lan), action, _phone_photo(), "payroll.jpg",
                     status=action.status.value)
    assert response.status_code == 303
    [update] = db.session.get(Action, action.id).updates
    assert update.file is not None and update.status is ActionStatus.planned
    assert not update.seen_by_brand
    assert "News from suppliers" in as_user(eva).get("/").get_data(as_text=True)


@pytest.mark.parametrize(("name", "extension", "expected"), [
    ("IMG_0412.HEIC.jpg", "jpg", "IMG_0412.HEIC.jpg"),
    ("Overtime register, line 3 (May).JPG", "jpg", "Overtime register, line 3 (May).jpg"),
    (".htaccess", "pdf", "evidence.pdf"),
    ("..", "pdf", "evidence.pdf"),
    ("C:\\Users\\lan\\Bảng lương tháng 5.xlsx", "xlsx", "Bảng lương tháng 5.xlsx"),
    ("../../etc/passwd", "pdf", "passwd.pdf"),
    ("\x00\x1b[31m.jpg", "jpg", "31m.jpg"),
    ("...", "jpg", "evidence.jpg"),
    ('a"; filename="evil.html', "pdf", 'a_ filename_evil.pdf'),
    ("工资单.pdf", "pdf", "工资单.pdf"),
    ("", "png", "evidence.png"),
])
def test_a_file_name_is_cleaned(name, extension, expected):
    assert evidence.clean_name(name, extension) == expected
