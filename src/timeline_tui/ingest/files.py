"""Finding input files and decoding them: recursive walks without symlink loops, BOMs, UTF-16, UTF-8
with a reported cp1252/latin-1 fallback, binary detection. No newline translation: the decoded text is
the text as read, so offsets index it exactly."""

from __future__ import annotations

import codecs
import os
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import UsageError

SUFFIXES = {".txt": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}
#: magic numbers of files that are never articles, whatever their name
_MAGIC = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"\x1f\x8b", "gzip data"),
    (b"\x7fELF", "an executable"),
    (b"RIFF", "a media file"),
    (b"\x00\x00\x01\x00", "an icon"),
)
#: control characters no article text holds: C0 ones but tab, line breaks, form feed and escape, DEL,
#: and the C1 range (what a binary file decoded as Latin-1 is full of)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f-\x9f]")


class Skip(Exception):
    """A file that cannot be used: the message is the note shown to the user."""


@dataclass(slots=True)
class Decoded:
    text: str
    encoding: str
    note: str | None = None


def walk(paths: Sequence[Path], notes: Callable[[str], None]) -> Iterator[tuple[Path, str]]:
    """(path, format) for every article file under ``paths``, in a deterministic order (arguments in
    the order given, folders sorted). A folder visited twice (symlink loop) is not walked again."""
    seen_dirs: set[tuple[int, int]] = set()
    seen_files: set[tuple[int, int]] = set()
    for root in paths:
        if not root.exists():
            if root.is_symlink():
                notes(f"skipped {root}: broken symbolic link")
                continue
            raise UsageError(f"{root}: no such file or directory")
        if root.is_dir():
            yield from _walk_dir(root, notes, seen_dirs, seen_files)
        else:
            fmt = SUFFIXES.get(root.suffix.lower())
            if fmt is None:
                notes(f"skipped {root}: not a .txt, .md or .html file")
                continue
            if _first_visit(root, seen_files):
                yield root, fmt


def _first_visit(path: Path, seen: set[tuple[int, int]]) -> bool:
    try:
        st = path.stat()
    except OSError:
        return True  # reported when it is read
    key = (st.st_dev, st.st_ino)
    if key in seen:
        return False
    seen.add(key)
    return True


def _walk_dir(
    folder: Path,
    notes: Callable[[str], None],
    seen_dirs: set[tuple[int, int]],
    seen_files: set[tuple[int, int]],
) -> Iterator[tuple[Path, str]]:
    if not _first_visit(folder, seen_dirs):
        return
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as e:
        notes(f"skipped {folder}: cannot list folder ({e.strerror or e})")
        return
    for entry in entries:
        path = folder / entry.name
        if entry.name.startswith("."):
            continue
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            yield from _walk_dir(path, notes, seen_dirs, seen_files)
            continue
        fmt = SUFFIXES.get(Path(entry.name).suffix.lower())
        if fmt is None:
            notes(f"skipped {path}: not a .txt, .md or .html file")
            continue
        if not path.exists():
            notes(f"skipped {path}: broken symbolic link")
            continue
        if _first_visit(path, seen_files):
            yield path, fmt


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except PermissionError:
        raise Skip(f"skipped {path}: permission denied") from None
    except IsADirectoryError:
        raise Skip(f"skipped {path}: is a folder") from None
    except OSError as e:
        raise Skip(f"skipped {path}: cannot read ({e.strerror or e})") from None


def decode(data: bytes, path: Path) -> Decoded:
    """Decode article bytes. Raises Skip for empty or binary content."""
    if not data.strip():
        raise Skip(f"skipped {path}: empty file")
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise Skip(f"skipped {path}: binary content ({what})")
    if data.startswith(codecs.BOM_UTF8):
        text, enc = _strict(data[3:], "utf-8", path), "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)) and len(data) % 4 == 0:
        text, enc = _strict(data, "utf-32", path), "utf-32"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text, enc = _strict(data, "utf-16", path), "utf-16"
    else:
        if b"\x00" in data[:8192]:
            raise Skip(f"skipped {path}: binary content (NUL bytes)")
        try:
            text, enc = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            try:
                text, enc = data.decode("cp1252"), "cp1252"
            except UnicodeDecodeError:
                text, enc = data.decode("latin-1"), "latin-1"
    if text.startswith("\ufeff"):
        text = text[1:]
    sample = text[:65536]
    if sample and len(_CONTROL.findall(sample)) > max(4, len(sample) // 20):
        raise Skip(f"skipped {path}: binary content (control characters)")
    if not text.strip():
        raise Skip(f"skipped {path}: empty file")
    note = None
    if enc in ("cp1252", "latin-1"):
        note = f"{path}: not valid UTF-8, decoded as {enc}"
    return Decoded(text=text, encoding=enc, note=note)


def _strict(data: bytes, encoding: str, path: Path) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise Skip(f"skipped {path}: invalid {encoding.upper()} despite its byte-order mark") from None
