"""Reading the data folder: YAML record files and plan texts, every failure a located problem.

Nothing here raises on bad input: a missing or unreadable file, text that is not UTF-8, YAML
that does not parse or writes a key twice, a record that does not fit its model, or a plan text
outside `data/sources/` each becomes a `Problem` naming the file, the record and the field.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import BaseModel, ValidationError

from dashboard.problems import Problem

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
DATA_DIR_ENV = "GBA_DATA_DIR"
SOURCES_FOLDER = "sources"

# libyaml's parser when PyYAML was built with it: several times faster on the data files
_BASE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _UniqueKeyLoader(_BASE_LOADER):  # type: ignore[misc, valid-type]
    """A safe loader that rejects a mapping writing the same key twice (YAML would keep the last)."""

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _value in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                line = key_node.start_mark.line + 1
                raise yaml.constructor.ConstructorError(
                    None, None, f"key '{key}' written twice (line {line})"
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


_UniqueKeyLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _UniqueKeyLoader.construct_mapping
)


def default_data_dir() -> Path:
    """The data folder: `data/` of the project, or the folder named by $GBA_DATA_DIR."""
    return Path(os.environ.get(DATA_DIR_ENV) or DATA_DIR)


DataKey = tuple[str, str]  # the data folder and a digest of its files (see `data_key`)


def data_key(folder: Path | None = None) -> DataKey:
    """What identifies the data as it is on disk now: the folder and a digest of every file under it
    with its size and modification time. It changes when any file is added, removed or edited, so
    whatever is loaded or made from the data can be cached under it until then."""
    folder = Path(folder) if folder is not None else default_data_dir()
    found = []
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            path = Path(root, name)
            try:
                info = path.stat()
            except OSError:  # gone between listing and reading: the load will say so
                continue
            found.append(f"{path.relative_to(folder)}\0{info.st_size}\0{info.st_mtime_ns}")
    return str(folder), hashlib.sha256("\n".join(found).encode("utf-8")).hexdigest()


def read_text(
    path: Path, name: str, problems: list[Problem], record: str = "-", field: str = "-"
) -> str | None:
    """A UTF-8 text file, or None with a problem saying why it cannot be read."""
    try:
        return path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        problems.append(Problem(name, record, field, "file not found"))
    except UnicodeDecodeError as exc:
        problems.append(Problem(name, record, field, f"not UTF-8 text (byte {exc.start})"))
    except OSError as exc:
        problems.append(Problem(name, record, field, f"cannot be read: {exc.strerror or exc}"))
    return None


@dataclass
class Loaded:
    """The valid records of one file."""

    file: str
    records: list[BaseModel]


def _read_yaml(path: Path, rel: str, problems: list[Problem]) -> list[dict]:
    text = read_text(path, rel, problems)
    if text is None:
        return []
    try:
        content = yaml.load(text, Loader=_UniqueKeyLoader)
    except yaml.YAMLError as exc:
        problems.append(Problem(rel, "-", "-", f"cannot be parsed: {exc}"))
        return []
    if content is None:
        return []
    if not isinstance(content, list) or not all(isinstance(r, dict) for r in content):
        problems.append(Problem(rel, "-", "-", "must be a YAML list of mappings"))
        return []
    return content


def validate(
    model: type[BaseModel], paths: Iterable[Path], data_dir: Path, problems: list[Problem]
) -> list[Loaded]:
    """Each file's records checked against `model`; every invalid field becomes a problem."""
    loaded = []
    for path in paths:
        rel = path.relative_to(data_dir).as_posix()
        records = []
        for index, raw in enumerate(_read_yaml(path, rel, problems)):
            record_id = str(raw.get("id", f"#{index + 1}"))
            try:
                records.append(model.model_validate(raw))
            except ValidationError as exc:
                for err in exc.errors():
                    field = ".".join(str(part) for part in err["loc"]) or "-"
                    problems.append(Problem(rel, record_id, field, err["msg"]))
        loaded.append(Loaded(rel, records))
    return loaded


def iter_records(loaded: list[Loaded]) -> Iterator[tuple[str, BaseModel]]:
    """(file, record) for every valid record of the files."""
    for group in loaded:
        for record in group.records:
            yield group.file, record


def yaml_files(data_dir: Path, folder: str) -> list[Path]:
    """The record files of a folder, in name order."""
    return sorted((data_dir / folder).glob("*.yaml"))


def load_texts(sources: list[Loaded], data_dir: Path, problems: list[Problem]) -> dict[str, str]:
    """Each plan's text by source id; a path outside `data/sources/` is refused, not read."""
    allowed = (data_dir / SOURCES_FOLDER).resolve()
    texts = {}
    for file, source in iter_records(sources):
        path = (data_dir / source.file).resolve()
        if not path.is_relative_to(allowed):
            problems.append(
                Problem(file, source.id, "file", f"'{source.file}' is not inside {SOURCES_FOLDER}/")
            )
            continue
        text = read_text(path, source.file, problems, source.id, "file")
        if text is not None:
            texts[source.id] = text
    return texts
