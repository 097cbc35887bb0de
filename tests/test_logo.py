"""The unit's logo: how a file is recognised and found, and `logo-not-found` on models and on files."""

from __future__ import annotations

import base64
import json
import os

import attrs
import pytest

from sopdsl.cli import main
from sopdsl.logo import LogoError, media_type, read_logo, sop_logo, source_folder
from sopdsl.model import Text
from sopdsl.parse import parse_text
from sopdsl.rules import logo_not_found
from sopdsl.rules.base import SopContext

from .conftest import FIXTURES

LOGOS = FIXTURES / "rules" / "logo-not-found"
PNG = (LOGOS / "logo.png").read_bytes()
SVG = (LOGOS / "lambang.svg").read_bytes()
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00"
HEADER = "sop layanan: Pelayanan Permohonan Informasi\n"


@pytest.mark.parametrize("data, expected", [
    (PNG, "image/png"),
    (JPEG, "image/jpeg"),
    (SVG, "image/svg+xml"),
    (b'\xef\xbb\xbf<!-- lambang -->\n<!DOCTYPE svg>\n<svg viewBox="0 0 1 1"/>', "image/svg+xml"),
    (b"GIF89a\x01\x00\x01\x00", None),
    (b"<html><body><svg></svg></body></html>", None),
    (b"", None),
])
def test_an_image_is_known_by_its_content(data, expected):
    assert media_type(data) == expected


def test_a_logo_is_read_relative_to_the_sop_folder_and_embedded_as_a_data_uri(tmp_path, monkeypatch):
    (tmp_path / "gambar").mkdir()
    (tmp_path / "gambar" / "lambang.jpg").write_bytes(PNG)  # the content counts, not the name
    monkeypatch.chdir(LOGOS)
    logo = read_logo("gambar/lambang.jpg", source_folder(tmp_path / "a.sop"))
    assert logo.media_type == "image/png"
    assert logo.data_uri() == "data:image/png;base64," + base64.b64encode(PNG).decode("ascii")
    assert read_logo(str(LOGOS / "lambang.svg"), tmp_path).media_type == "image/svg+xml"
    assert read_logo("logo.png", source_folder("-")).data == PNG  # standard input: the working folder


@pytest.mark.parametrize("name, message", [
    ("tidak-ada.png", "logo 'tidak-ada.png' does not exist"),
    ("gambar", "logo 'gambar' is not a file"),
    ("bukan-gambar.png", "logo 'bukan-gambar.png' is not a PNG, JPEG or SVG image"),
])
def test_a_logo_that_cannot_be_printed_says_why(tmp_path, name, message):
    (tmp_path / "gambar").mkdir()
    (tmp_path / "bukan-gambar.png").write_bytes(b"GIF89a\x01\x00\x01\x00")
    with pytest.raises(LogoError, match=f"^{message}"):
        read_logo(name, tmp_path)
    sop = attrs.evolve(parse_text(HEADER), logo=Text(value=name))
    assert sop_logo(sop, tmp_path) is None


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_an_unreadable_logo_says_so(tmp_path):
    path = tmp_path / "logo.png"
    path.write_bytes(PNG)
    path.chmod(0)
    with pytest.raises(LogoError, match="^logo 'logo.png' cannot be read"):
        read_logo("logo.png", tmp_path)


def _findings(sop, path):
    return [(finding.span.line, finding.message) for finding in logo_not_found.check(SopContext(sop, str(path)))]


def test_the_rule_reports_a_missing_or_wrong_file_at_the_sop_of_a_model(tmp_path):
    sop = parse_text(HEADER)
    source = tmp_path / "layanan.sop"
    (tmp_path / "logo.png").write_bytes(PNG)
    (tmp_path / "catatan.png").write_text("bukan gambar", encoding="utf-8")
    assert _findings(sop, source) == []
    assert _findings(attrs.evolve(sop, logo=Text(value="logo.png")), source) == []
    assert _findings(attrs.evolve(sop, logo=Text(value="logo.png")), tmp_path / "lain" / "layanan.sop") == [
        (1, f"logo 'logo.png' does not exist (looked for {tmp_path / 'lain' / 'logo.png'}); "
            "the document prints without it")]
    assert _findings(attrs.evolve(sop, logo=Text(value="catatan.png")), source) == [
        (1, f"logo 'catatan.png' is not a PNG, JPEG or SVG image ({tmp_path / 'catatan.png'}); "
            "the document prints without it")]


def test_check_reports_a_logo_that_is_not_there_at_its_value(tmp_path, capsys):
    (tmp_path / "logo.png").write_bytes(PNG)
    good, bad = tmp_path / "baik.sop", tmp_path / "salah.sop"
    good.write_text(HEADER + "  logo: logo.png\n", encoding="utf-8")
    bad.write_text(HEADER + "  logo: gambar/logo.png\n", encoding="utf-8")
    main(["check", "--format", "json", str(good), str(bad)])
    findings = [f for f in json.loads(capsys.readouterr().out) if f["rule"] == "logo-not-found"]
    assert [(f["path"], f["line"], f["column"], f["severity"]) for f in findings] == [(str(bad), 2, 9, "error")]


@pytest.mark.parametrize("written", ["~0", "~no-such-user-here/logo.png"])
def test_a_logo_under_the_home_of_no_known_user_is_not_found_not_an_internal_error(tmp_path, capsys, written):
    """`logo: ~0` stopped check, render and build with 'internal error: RuntimeError' (found by the fmt fuzzer)."""
    path = tmp_path / "a.sop"
    path.write_text(HEADER + f"  logo: {written}\n", encoding="utf-8")
    assert main(["check", "--format", "json", str(path)]) == 1
    findings = [f for f in json.loads(capsys.readouterr().out) if f["rule"] == "logo-not-found"]
    assert [(f["line"], f["column"]) for f in findings] == [(2, 9)]
    assert main(["render", str(path), "--to", "html", "-o", str(tmp_path / "a.html")]) == 0
