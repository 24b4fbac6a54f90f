"""Bad image input and slow OCR end in one clear Chinese sentence (exit 2), never a traceback:
garbage behind an image signature, truncated PNGs, a time limit that runs out."""

from __future__ import annotations

import io

import numpy as np
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image, ImageDraw

from gongkai.cli import cli
from gongkai.report.parse import UnreadableInput, read_report
from gongkai.report.parse.detect import detect_kind
from gongkai.report.parse.ocr_engine import ocr_time_limit

SIGNATURES = [b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*"]


def _page() -> bytes:
    """A small image with a few lines of text and a ruled box, as PNG."""
    image = Image.fromarray(np.full((300, 600), 255, np.uint8))
    draw = ImageDraw.Draw(image)
    draw.rectangle((40, 150, 560, 260), outline=0, width=2)
    draw.line((300, 150, 300, 260), fill=0, width=2)
    draw.text((50, 40), "Annual report 2024", fill=0)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


PAGE = _page()


@pytest.mark.parametrize("signature", SIGNATURES)
def test_images_are_detected_by_content(signature: bytes) -> None:
    assert detect_kind(signature + b"\x00" * 16) == "image"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(signature=st.sampled_from(SIGNATURES), tail=st.binary(max_size=2000))
def test_garbage_behind_an_image_signature_is_refused_clearly(
    signature: bytes, tail: bytes
) -> None:
    with pytest.raises(UnreadableInput) as caught:
        read_report(signature + tail, "scan.png")
    assert any("\u4e00" <= c <= "\u9fff" for c in str(caught.value))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cut=st.integers(min_value=8, max_value=len(PAGE) - 1))  # past the signature
def test_a_truncated_png_is_refused_clearly_or_read(cut: int) -> None:
    """Cut inside the image data: refused in Chinese. Cut after it (only the end marker
    lost): the picture is whole and is read."""
    try:
        read_report(PAGE[:cut], "scan.png")
    except UnreadableInput as exc:
        assert "图片" in str(exc) or "文件" in str(exc)


def test_a_png_cut_in_its_image_data_is_refused() -> None:
    import weasyprint  # noqa: F401  (it tells PIL to load truncated images; we must not)

    with pytest.raises(UnreadableInput, match="图片文件已损坏"):
        read_report(PAGE[: len(PAGE) // 2], "scan.png")


def test_running_out_of_time_stops_with_a_chinese_message() -> None:
    with ocr_time_limit(0.001), pytest.raises(UnreadableInput, match="OCR 识别超过"):
        read_report(PAGE, "scan.png")


def test_the_cli_exits_2_with_one_line_for_a_broken_or_slow_scan(tmp_path, monkeypatch) -> None:
    broken = tmp_path / "broken.png"
    broken.write_bytes(PAGE[: len(PAGE) // 2])
    result = CliRunner().invoke(cli, ["parse", str(broken)])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "图片" in result.output
    whole = tmp_path / "page.png"
    whole.write_bytes(PAGE)
    monkeypatch.setenv("GONGKAI_OCR_SECONDS", "0.001")
    result = CliRunner().invoke(cli, ["parse", str(whole)])
    assert result.exit_code == 2 and "OCR 识别超过" in result.output


def test_an_image_too_large_is_refused_before_it_is_decoded() -> None:
    huge = Image.new("1", (9000, 9000), 1)  # 81 million pixels, a few KB as PNG
    buffer = io.BytesIO()
    huge.save(buffer, "PNG")
    with pytest.raises(UnreadableInput, match="图片过大"):
        read_report(buffer.getvalue(), "huge.png")
