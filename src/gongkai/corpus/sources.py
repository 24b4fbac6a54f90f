"""Where the files come from: folders, zip/tar archives and URL lists (来源).

``walk(sources)`` yields one ``Item`` per file: its display name (path, ``archive!member`` or
the URL it was downloaded from) and its bytes, or — for a member that cannot be read — the
reason, so the run records it and goes on. A source that cannot be used at all (missing, not
an archive, a URL list that is not text) raises ``SourceError`` with a Chinese message.

A URL list (``*.urls``) names files already downloaded, one per line: ``URL PATH`` with PATH
relative to the list's folder, or just ``URL`` for a file saved the way ``wget -x`` saves it
(``host/path``, ``index.html`` for a path ending in ``/``). Lines starting with ``#`` are
comments. The URL becomes the report's source.
"""

from __future__ import annotations

import hashlib
import lzma
import tarfile
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from ..report.parse.detect import MAX_INPUT_BYTES

ARCHIVE_SUFFIXES = (".zip", ".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tar.xz", ".txz")
URL_LIST_SUFFIX = ".urls"


# Everything a damaged archive makes the stdlib raise (RuntimeError: an encrypted zip member).
BROKEN = (
    zipfile.BadZipFile,
    tarfile.TarError,
    OSError,
    ValueError,
    EOFError,
    zlib.error,
    lzma.LZMAError,
    RuntimeError,
)


class SourceError(ValueError):
    """A source that cannot be used at all; the message is for the user, in Chinese."""


@dataclass(frozen=True)
class Item:
    """One file to ingest: ``data`` is None when it could not be read, with ``error`` saying why."""

    source: str
    data: bytes | None = None
    error: str | None = None

    @property
    def hash(self) -> str:
        """The key of the file in the dataset: sha256 of its bytes (of its name when unreadable)."""
        if self.data is None:
            return "unreadable:" + hashlib.sha256(self.source.encode()).hexdigest()
        return hashlib.sha256(self.data).hexdigest()


def is_archive(path: Path) -> bool:
    return path.name.lower().endswith(ARCHIVE_SUFFIXES)


def walk(sources: Iterable[str]) -> Iterator[Item]:
    for source in sources:
        path = Path(source)
        if path.is_dir():
            yield from _walk_folder(path)
        elif not path.exists():
            raise SourceError(f"找不到来源 {source}")
        else:
            yield from _walk_file(path)


def _walk_folder(folder: Path) -> Iterator[Item]:
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()):
        if path.name.startswith("."):
            continue
        try:
            yield from _walk_file(path)
        except SourceError as exc:
            yield Item(str(path), error=str(exc))


def _walk_file(path: Path) -> Iterator[Item]:
    name = path.name.lower()
    if name.endswith(URL_LIST_SUFFIX):
        yield from read_url_list(path)
    elif name.endswith(".zip"):
        yield from read_zip(path)
    elif is_archive(path):
        yield from read_tar(path)
    else:
        yield _read_file(path, str(path))


def _read_file(path: Path, source: str) -> Item:
    try:
        size = path.stat().st_size
        if size > MAX_INPUT_BYTES:
            return Item(source, error=_too_big(size))
        return Item(source, path.read_bytes())
    except FileNotFoundError:
        return Item(source, error="找不到文件")
    except IsADirectoryError:
        return Item(source, error="这是一个目录，不是文件")
    except OSError as exc:
        return Item(source, error=f"无法读取文件：{exc.strerror}")


def _too_big(size: int) -> str:
    return (
        f"文件过大（{size // (1024 * 1024)} MB），超过 {MAX_INPUT_BYTES // (1024 * 1024)} MB 的上限"
    )


def read_zip(path: Path) -> Iterator[Item]:
    try:
        archive = zipfile.ZipFile(path)
    except BROKEN as exc:
        raise SourceError(f"{path} 不是可读的 zip 压缩包（{_why(exc)}）") from None
    with archive:
        for info in archive.infolist():
            if info.is_dir():
                continue
            source = f"{path}!{info.filename}"
            if info.file_size > MAX_INPUT_BYTES:
                yield Item(source, error=_too_big(info.file_size))
                continue
            try:
                with archive.open(info) as member:
                    data = member.read(MAX_INPUT_BYTES + 1)
            except BROKEN as exc:
                yield Item(source, error=f"压缩包成员无法读取（{_why(exc)}）")
                continue
            if len(data) > MAX_INPUT_BYTES:
                yield Item(source, error=_too_big(len(data)))
                continue
            yield Item(source, data)


def read_tar(path: Path) -> Iterator[Item]:
    try:
        archive = tarfile.open(path)  # noqa: SIM115  (closed by the with below)
    except BROKEN as exc:
        raise SourceError(f"{path} 不是可读的 tar 压缩包（{_why(exc)}）") from None
    with archive:
        while True:
            try:
                info = archive.next()
            except BROKEN as exc:
                yield Item(
                    f"{path}!", error=f"tar 压缩包在此处损坏，其余成员无法读取（{_why(exc)}）"
                )
                return
            if info is None:
                return
            if not info.isfile():
                continue  # folders, links and devices are not reports
            source = f"{path}!{info.name}"
            if info.size > MAX_INPUT_BYTES:
                yield Item(source, error=_too_big(info.size))
                continue
            try:
                member = archive.extractfile(info)
                data = member.read() if member is not None else b""
            except BROKEN as exc:
                yield Item(source, error=f"压缩包成员无法读取（{_why(exc)}）")
                return  # a tar stream cannot skip past a broken member
            yield Item(source, data)


def read_url_list(path: Path) -> Iterator[Item]:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SourceError(f"网址清单 {path} 不是 UTF-8 文本") from None
    except OSError as exc:
        raise SourceError(f"无法读取网址清单 {path}：{exc.strerror}") from None
    if "\x00" in text:
        raise SourceError(f"网址清单 {path} 不是文本文件")
    base = path.parent
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        where = f"{path}:{number}"
        url, *named = line.split(None, 1)
        rest = named[0].strip() if named else ""
        parts = urlsplit(url) if _looks_like_url(url) else None
        if parts is None or not parts.netloc:
            yield Item(where, error=f"网址清单第 {number} 行不是以 http:// 或 https:// 开头的网址")
            continue
        relative = rest or _wget_path(parts.netloc, parts.path)
        local = _inside(base, relative)
        if local is None:
            yield Item(url, error=f"网址清单第 {number} 行的本地路径“{relative}”超出清单所在目录")
            continue
        item = _read_file(local, url)
        if item.error is not None:
            item = Item(url, error=f"{item.error}（{relative}，{where}）")
        yield item


def _looks_like_url(text: str) -> bool:
    return text.lower().startswith(("http://", "https://"))


def _wget_path(host: str, path: str) -> str:
    path = unquote(path) or "/"
    if path.endswith("/"):
        path += "index.html"
    return host + path


def _inside(base: Path, relative: str) -> Path | None:
    """The file the list names, or None if the name would leave the list's folder."""
    pure = PurePosixPath(relative.replace("\\", "/"))
    if pure.is_absolute() or ".." in pure.parts or "\x00" in relative:
        return None
    return base / pure


def _why(exc: BaseException) -> str:
    return str(exc) or type(exc).__name__


def count_files(sources: Iterable[str]) -> int:
    """How many files ``walk`` will yield, without reading them (for the progress bar's ETA).

    Best effort: a source that cannot be listed counts as one; ``walk`` says what is wrong."""
    total = 0
    for source in sources:
        path = Path(source)
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            if path.is_dir() and (file.name.startswith(".") or file.is_symlink()):
                continue
            total += _count_one(file)
    return total


def _count_one(path: Path) -> int:
    name = path.name.lower()
    try:
        if name.endswith(URL_LIST_SUFFIX):
            lines = path.read_bytes().decode("utf-8-sig", errors="replace").splitlines()
            return sum(1 for line in lines if line.strip() and not line.strip().startswith("#"))
        if name.endswith(".zip"):
            with zipfile.ZipFile(path) as archive:
                return sum(1 for info in archive.infolist() if not info.is_dir())
        if is_archive(path):
            with tarfile.open(path) as archive:
                return sum(1 for info in archive if info.isfile())
    except BROKEN:
        return 1
    return 1
