"""Configuration: where the sources are, the outlet table, the known people, per-file metadata.

Lookup order: ``--config FILE``, ``$TIMELINE_TUI_CONFIG``, ``./config.yaml``, the user config dir;
none found means built-in defaults. YAML is read with ``yaml.safe_load`` only.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import ConfigError
from .util.yamlio import safe_load

CONFIG_ENV = "TIMELINE_TUI_CONFIG"


@dataclass(slots=True)
class OutletConfig:
    name: str
    abbreviations: list[str] = field(default_factory=list)
    domains: list[str] = field(default_factory=list)


@dataclass(slots=True)
class PersonConfig:
    id: str | None
    name: str
    aliases: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)


@dataclass(slots=True)
class FileEntry:
    """Per-file metadata from config.yaml (the strongest basis)."""

    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    author: str | None = None


@dataclass(slots=True)
class Config:
    #: the file it was read from, None for built-in defaults
    path: Path | None = None
    #: source files/folders, resolved relative to the config file's folder
    sources: list[Path] = field(default_factory=list)
    outlets: list[OutletConfig] = field(default_factory=list)
    people: list[PersonConfig] = field(default_factory=list)
    #: keyed by path as written in the config, resolved relative to the config file's folder
    files: dict[Path, FileEntry] = field(default_factory=dict)
    #: where stars/tags/notes are kept; default: next to the config (or the corpus)
    sidecar: Path | None = None
    #: warnings for the user (unknown keys, ...)
    warnings: list[str] = field(default_factory=list)

    @property
    def base_dir(self) -> Path:
        return self.path.parent if self.path else Path.cwd()

    def fingerprint(self) -> str:
        """A string that changes whenever a part of the config that changes parse results changes
        (used in the parse-cache key)."""
        import hashlib
        import json

        payload = {
            "outlets": [[o.name, o.abbreviations, o.domains] for o in self.outlets],
            "people": [[p.id, p.name, p.aliases, p.titles] for p in self.people],
            "files": {
                str(k): [v.title, v.published, v.outlet, v.url, v.author] for k, v in self.files.items()
            },
        }
        return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()[:16]


def find_config_path(explicit: str | None) -> Path | None:
    """The configuration file to use, or None for built-in defaults."""
    if explicit:
        p = Path(explicit)
        if not p.is_file():
            raise ConfigError(f"{explicit}: configuration file not found")
        return p
    env = os.environ.get(CONFIG_ENV)
    if env:
        p = Path(env)
        if not p.is_file():
            raise ConfigError(f"{env}: configuration file not found (from ${CONFIG_ENV})")
        return p
    local = Path("config.yaml")
    if local.is_file():
        return local
    try:
        from platformdirs import user_config_dir

        user = Path(user_config_dir("timeline-tui")) / "config.yaml"
        if user.is_file():
            return user
    except Exception:  # pragma: no cover - platformdirs failure means no user config
        pass
    return None


def load_config(explicit: str | None = None) -> Config:
    path = find_config_path(explicit)
    if path is None:
        return Config()
    return parse_config(path)


def parse_config(path: Path) -> Config:
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise ConfigError(f"{path}: cannot read configuration: {e}") from None
    try:
        data: Any = safe_load(raw)
    except yaml.YAMLError as e:
        raise ConfigError(describe_yaml_error(path, e)) from None
    return config_from_data(data, path)


def describe_yaml_error(path: Path | str, e: yaml.YAMLError) -> str:
    """One line naming the file, the line and the problem of malformed YAML."""
    mark = getattr(e, "problem_mark", None)
    where = f" line {mark.line + 1}" if mark is not None else ""
    problem = getattr(e, "problem", None) or str(e).splitlines()[0]
    return f"{path}:{where}: malformed YAML: {problem}"


_TOP_KEYS = {"sources", "outlets", "people", "files", "sidecar"}


def _str_list(value: Any, where: str, path: Path) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(isinstance(v, str | int | float) for v in value):
        raise ConfigError(f"{path}: {where}: expected a list of strings, got {type(value).__name__}")
    return [str(v) for v in value]


def _mapping(value: Any, where: str, path: Path) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ConfigError(f"{path}: {where}: expected a mapping, got {type(value).__name__}")
    return value


def _opt_str(value: Any, where: str, path: Path) -> str | None:
    if value is None:
        return None
    if isinstance(value, str | int | float) or hasattr(value, "isoformat"):
        return value.isoformat() if hasattr(value, "isoformat") else str(value)
    raise ConfigError(f"{path}: {where}: expected a string, got {type(value).__name__}")


def config_from_data(data: Any, path: Path) -> Config:
    """Validate the loaded YAML and build a Config. Wrong shapes raise ConfigError naming file and key;
    unknown keys become warnings."""
    cfg = Config(path=path)
    if data is None:
        return cfg
    data = _mapping(data, "top level", path)
    base = path.parent
    for key in data:
        if key not in _TOP_KEYS:
            cfg.warnings.append(f"{path}: unknown key '{key}' ignored")
    cfg.sources = [base / s for s in _str_list(data.get("sources"), "sources", path)]
    for i, item in enumerate(data.get("outlets") or []):
        where = f"outlets[{i}]"
        item = _mapping(item, where, path)
        name = _opt_str(item.get("name"), f"{where}.name", path)
        if not name:
            raise ConfigError(f"{path}: {where}.name: missing")
        for key in item:
            if key not in {"name", "abbreviations", "domains"}:
                cfg.warnings.append(f"{path}: unknown key '{where}.{key}' ignored")
        cfg.outlets.append(
            OutletConfig(
                name=name,
                abbreviations=_str_list(item.get("abbreviations"), f"{where}.abbreviations", path),
                domains=[d.lower() for d in _str_list(item.get("domains"), f"{where}.domains", path)],
            )
        )
    if data.get("outlets") is not None and not isinstance(data.get("outlets"), list):
        raise ConfigError(f"{path}: outlets: expected a list, got {type(data['outlets']).__name__}")
    people = data.get("people")
    if people is not None and not isinstance(people, list):
        raise ConfigError(f"{path}: people: expected a list, got {type(people).__name__}")
    for i, item in enumerate(people or []):
        where = f"people[{i}]"
        item = _mapping(item, where, path)
        name = _opt_str(item.get("name"), f"{where}.name", path)
        if not name:
            raise ConfigError(f"{path}: {where}.name: missing")
        for key in item:
            if key not in {"id", "name", "aliases", "titles"}:
                cfg.warnings.append(f"{path}: unknown key '{where}.{key}' ignored")
        cfg.people.append(
            PersonConfig(
                id=_opt_str(item.get("id"), f"{where}.id", path),
                name=name,
                aliases=_str_list(item.get("aliases"), f"{where}.aliases", path),
                titles=_str_list(item.get("titles"), f"{where}.titles", path),
            )
        )
    files = data.get("files")
    if files is not None:
        files = _mapping(files, "files", path)
        for name, entry in files.items():
            where = f"files.{name}"
            entry = _mapping(entry or {}, where, path)
            for key in entry:
                if key not in {"title", "published", "outlet", "url", "author"}:
                    cfg.warnings.append(f"{path}: unknown key '{where}.{key}' ignored")
            cfg.files[(base / str(name)).resolve()] = FileEntry(
                **{
                    k: _opt_str(entry.get(k), f"{where}.{k}", path)
                    for k in ("title", "published", "outlet", "url", "author")
                }
            )
    sidecar = _opt_str(data.get("sidecar"), "sidecar", path)
    cfg.sidecar = base / sidecar if sidecar else None
    return cfg
