"""Walking the sources: folders, zip and tar archives, URL lists; hostile ones fuzzed."""

from __future__ import annotations

import io
import tarfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.corpus.sources import Item, SourceError, count_files, walk


def _items(*sources: Path) -> dict[str, Item]:
    return {item.source: item for item in walk(str(s) for s in sources)}


def test_folder_zip_tar_and_url_list(tmp_path: Path) -> None:
    (tmp_path / "dir" / "sub").mkdir(parents=True)
    (tmp_path / "dir" / "a.txt").write_bytes(b"A")
    (tmp_path / "dir" / "sub" / "b.html").write_bytes(b"B")
    (tmp_path / "dir" / ".hidden").write_bytes(b"H")
    with zipfile.ZipFile(tmp_path / "r.zip", "w") as z:
        z.writestr("2020/c.txt", b"C")
        z.writestr("folder/", b"")
    with tarfile.open(tmp_path / "r.tar.gz", "w:gz") as t:
        info = tarfile.TarInfo("d.txt")
        info.size = 1
        t.addfile(info, io.BytesIO(b"D"))
        link = tarfile.TarInfo("link")
        link.type = tarfile.SYMTYPE
        link.linkname = "/etc/passwd"
        t.addfile(link)
    saved = tmp_path / "dl" / "www.gov.cn" / "gk" / "2021"
    saved.mkdir(parents=True)
    (saved / "index.html").write_bytes(b"E")
    (tmp_path / "dl" / "f.html").write_bytes(b"F")
    (tmp_path / "dl" / "list.urls").write_text(
        "# 下载清单\n"
        "https://www.gov.cn/gk/2021/\n"
        "https://www.gov.cn/gk/f.html\tf.html\n"
        "ftp://www.gov.cn/x.txt\n"
        "https://www.gov.cn/missing.html missing.html\n"
        "https://www.gov.cn/evil.html ../../etc/passwd\n",
        encoding="utf-8",
    )
    items = _items(
        tmp_path / "dir", tmp_path / "r.zip", tmp_path / "r.tar.gz", tmp_path / "dl" / "list.urls"
    )
    data = {k: v.data for k, v in items.items() if v.data is not None}
    assert data == {
        str(tmp_path / "dir" / "a.txt"): b"A",
        str(tmp_path / "dir" / "sub" / "b.html"): b"B",
        f"{tmp_path / 'r.zip'}!2020/c.txt": b"C",
        f"{tmp_path / 'r.tar.gz'}!d.txt": b"D",
        "https://www.gov.cn/gk/2021/": b"E",
        "https://www.gov.cn/gk/f.html": b"F",
    }
    errors = {k: v.error for k, v in items.items() if v.error}
    assert "http:// 或 https://" in errors[f"{tmp_path / 'dl' / 'list.urls'}:4"]
    assert "找不到文件" in errors["https://www.gov.cn/missing.html"]
    assert "超出清单所在目录" in errors["https://www.gov.cn/evil.html"]
    assert (
        count_files([str(tmp_path / "dir"), str(tmp_path / "r.zip"), str(tmp_path / "r.tar.gz")])
        == 4
    )


def test_unreadable_item_has_a_stable_hash() -> None:
    a, b = Item("x.urls:3", error="坏"), Item("x.urls:3", error="坏")
    assert a.hash == b.hash and a.hash.startswith("unreadable:")
    assert Item("x", b"1").hash != Item("y", b"2").hash


def test_missing_source_and_bad_archives_are_refused_in_chinese(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="找不到来源"):
        list(walk([str(tmp_path / "nope")]))
    (tmp_path / "bad.zip").write_bytes(b"not a zip at all")
    with pytest.raises(SourceError, match="不是可读的 zip 压缩包"):
        list(walk([str(tmp_path / "bad.zip")]))
    (tmp_path / "bad.tar").write_bytes(b"\x01" * 700)
    with pytest.raises(SourceError, match="不是可读的 tar 压缩包"):
        list(walk([str(tmp_path / "bad.tar")]))
    (tmp_path / "bad.urls").write_bytes(b"\xff\xfe\x00https://")
    with pytest.raises(SourceError, match="网址清单"):
        list(walk([str(tmp_path / "bad.urls")]))


def test_a_bad_archive_inside_a_folder_is_recorded_not_fatal(tmp_path: Path) -> None:
    (tmp_path / "bad.zip").write_bytes(b"PK\x03\x04 broken")
    (tmp_path / "ok.txt").write_bytes(b"ok")
    items = _items(tmp_path)
    assert items[str(tmp_path / "ok.txt")].data == b"ok"
    assert "zip" in (items[str(tmp_path / "bad.zip")].error or "")


def _valid_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("a.txt", "平潭综合实验区交通与建设局" * 50)
        z.writestr("b/c.html", "<p>年度报告</p>" * 50)
    return buffer.getvalue()


def _valid_tar() -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as t:
        for name, body in (("a.txt", b"x" * 300), ("b.txt", b"y" * 300)):
            info = tarfile.TarInfo(name)
            info.size = len(body)
            t.addfile(info, io.BytesIO(body))
    return buffer.getvalue()


def _assert_clean(path: Path) -> None:
    """Either Chinese refusal of the whole source, or items that each have data or a reason."""
    try:
        items = list(walk([str(path)]))
    except SourceError as exc:
        assert any("\u4e00" <= ch <= "\u9fff" for ch in str(exc)), str(exc)
        return
    for item in items:
        assert (item.data is None) != (item.error is None)
        if item.error:
            assert any("\u4e00" <= ch <= "\u9fff" for ch in item.error), item.error


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    kind=st.sampled_from(["zip", "tar.gz"]),
    cuts=st.lists(st.tuples(st.integers(0, 10_000), st.binary(min_size=0, max_size=8)), max_size=4),
    truncate=st.one_of(st.none(), st.integers(0, 10_000)),
)
def test_fuzz_mangled_archives(
    tmp_path_factory: pytest.TempPathFactory,
    kind: str,
    cuts: list[tuple[int, bytes]],
    truncate: int | None,
) -> None:
    data = bytearray(_valid_zip() if kind == "zip" else _valid_tar())
    for at, junk in cuts:
        at %= len(data)
        data[at : at + len(junk)] = junk
    if truncate is not None:
        data = data[: truncate % (len(data) + 1)]
    path = tmp_path_factory.mktemp("fuzz") / f"x.{kind}"
    path.write_bytes(bytes(data))
    _assert_clean(path)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    lines=st.lists(
        st.one_of(
            st.text(max_size=60),
            st.builds(lambda p: f"https://www.gov.cn/{p}", st.text(max_size=30)),
            st.builds(
                lambda u, p: f"{u} {p}",
                st.sampled_from(["http://a.cn/x", "https://b.cn/"]),
                st.text(max_size=30),
            ),
        ),
        max_size=8,
    ),
    raw=st.one_of(st.none(), st.binary(max_size=200)),
)
def test_fuzz_url_lists(
    tmp_path_factory: pytest.TempPathFactory, lines: list[str], raw: bytes | None
) -> None:
    folder = tmp_path_factory.mktemp("urls")
    (folder / "x.html").write_bytes(b"<p>x</p>")
    path = folder / "list.urls"
    path.write_bytes(raw if raw is not None else "\n".join(lines).encode("utf-8", "surrogatepass"))
    _assert_clean(path)
