"""The JSON API: the library index, one SOP's check and preview, saving, new SOPs, import and downloads."""

from __future__ import annotations

import difflib
import re
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple
from urllib.parse import quote

from ..diagnostics import Diagnostic, Severity
from . import engine
from .store import Conflict, Store
from .workspace import Loaded, Refused, Workspace

DOWNLOADS = {  # format -> (content type, whether the renderer gives bytes)
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "svg": "image/svg+xml",
    "bpmn": "application/xml",
    "html": "text/html; charset=utf-8",
}
SOP_ID = re.compile(r"[^a-z0-9-]+")
FILE_NAME_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


class ApiError(Exception):
    """A request the API answers with an error status and a one-line message."""

    def __init__(self, status: int, message: str, extra: dict | None = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.extra = extra or {}


class Download(NamedTuple):
    """A file for the browser to save."""

    name: str
    content_type: str
    data: bytes


class Api:
    """The operations behind the app's URLs, over one workspace."""

    def __init__(self, workspace: Workspace, lang: str):
        self.workspace = workspace
        self.store = Store(workspace)
        self.lang = lang

    def library(self) -> dict:
        """Every SOP with its number, title, unit, total, findings and silenced count; links and role inventory."""
        signature = self.workspace.signature()
        loaded = self.workspace.library()
        files = [item.file for item in loaded]
        per_file = [d for item in loaded for d in item.own]
        findings = engine.library_findings(files, per_file, self.workspace.config)
        silenced = engine.silenced_counts(files, per_file, self.workspace.config)
        totals = engine.totals_by_id(files)
        owners = _first_of_each_id(files)
        sops = [self._entry(item, findings, silenced, totals, owners) for item in loaded]
        return {
            "signature": signature,
            "folders": self.workspace.folders(),
            "imports": list(engine.import_formats()),
            "sops": sops,
            "links": _links(files, owners),
            "roles": _role_inventory(files),
        }

    def _entry(self, item: Loaded, findings, silenced, totals, owners) -> dict:
        """One SOP's row of the index."""
        file = item.file
        mine = [d for d in findings if d.path == file.path]
        entry = {
            "path": file.path,
            "digest": item.digest,
            "errors": sum(1 for d in mine if d.severity == Severity.ERROR),
            "warnings": sum(1 for d in mine if d.severity == Severity.WARNING),
            "infos": sum(1 for d in mine if d.severity == Severity.INFO),
            "silenced": silenced.get(file.path, 0),
            "findings": [_finding(d) for d in mine],
        }
        sop = file.sop
        if sop is None:
            return {**entry, "id": "", "number": "", "title": Path(file.path).name, "unit": "", "total": ""}
        own = totals.get(sop.id) if owners.get(sop.id) == file.path else None
        return {
            **entry,
            "id": sop.id,
            "number": sop.number.value if sop.number is not None else "",
            "title": sop.title.value,
            "unit": " / ".join(item.value for item in sop.unit),
            "total": engine.total_words(sop, engine.render_options(self.lang, own)),
            "evaluation": engine.evaluation(sop, self.workspace.config),
        }

    def library_map(self) -> str:
        """The library map page, each SOP linked to its editor."""
        files = [item.file for item in self.workspace.library()]
        owners = _first_of_each_id(files)
        records = [file.record for file in files if file.record is not None and owners.get(file.record.id) == file.path]
        links = {sop_id: f"/sop?path={quote(path)}" for sop_id, path in owners.items()}
        return engine.library_map_page(records, self.lang, links)

    def file(self, key: str) -> dict:
        """One SOP's text as on disk, with the hash a save must send back."""
        loaded = self.served(key)
        if loaded.file.text is None:  # not UTF-8: an empty editor must not be saved over it
            error = loaded.file.error
            raise ApiError(422, f"{key}: {error.message if error is not None else 'cannot be read'}")
        return {"path": key, "text": loaded.file.text, "digest": loaded.digest}

    def check(self, key: str, text: str, views: Sequence[str]) -> dict:
        """The findings of an editor buffer checked in the library in place of its file, and the views asked for."""
        self.served(key)
        config = self.workspace.config
        buffer = engine.parse_buffer(key, text, config)
        loaded = [item for item in self.workspace.library() if item.file.path != key]
        files = [item.file for item in loaded] + [buffer]
        per_file = [d for item in loaded for d in item.own] + engine.own_diagnostics(buffer, config)
        findings = [d for d in engine.library_findings(files, per_file, config) if d.path == key]
        result: dict = {"findings": [_finding(d) for d in findings]}
        sop = buffer.sop
        if sop is None:
            return result
        result["roles"] = [{"id": role.id, "name": role.name.value} for role in sop.roles]
        result["steps"] = [step.id for step in sop.activities() if step.id is not None]
        result["sops"] = sorted({file.sop.id for file in files if file.sop is not None})
        options = self._options(sop, buffer, files)
        for view in views:
            if view == "html":
                result["html"] = engine.render("html", sop, options)
            elif view == "svg":
                result["svg"] = engine.render("svg", sop, options)
            elif view == "totals" and options.totals is not None:
                result["totals"] = engine.totals_rows(sop, options.totals, self.lang)
        return result

    def _options(self, sop, buffer, files):
        """The render options of a buffer: totals composed across the library, links to the other SOPs' pages."""
        owners = _first_of_each_id(files)
        totals = engine.totals_by_id(files)
        own = totals.get(sop.id) if owners.get(sop.id) == buffer.path else None
        if own is None:
            own = engine.totals_by_id([buffer]).get(sop.id)
        links = {sop_id: f"/sop?path={path}" for sop_id, path in owners.items()}
        titles = {file.sop.id: file.sop.title.value for file in files if file.sop is not None}
        return engine.render_options(self.lang, own, links, titles, buffer.path)

    def save(self, key: str, text: str, base: str, formatted: bool) -> dict:
        """Save the buffer; a file changed on disk since `base` is a 409 with both versions and their diff."""
        try:
            saved = self.store.save(key, text, base, formatted)
        except Conflict as conflict:
            raise ApiError(409, "the file changed on disk since it was opened", {
                "theirs": conflict.theirs, "theirs_digest": conflict.theirs_digest,
                "diff": self.diff(key, conflict.theirs, text)}) from None
        return {"text": saved.text, "digest": saved.digest, "note": saved.note}

    @staticmethod
    def diff(key: str, theirs: str, mine: str) -> str:
        """A unified diff from the version on disk to the editor's."""
        return "".join(difflib.unified_diff(theirs.replace("\r\n", "\n").splitlines(True), mine.splitlines(True),
                                            f"{key} (disk)", f"{key} (editor)"))

    def new(self, folder: str, name: str) -> dict:
        """A new SOP from the template, named after its file."""
        base = name[: -len(".sop")] if name.endswith(".sop") else name
        sop_id = SOP_ID.sub("-", base.lower()).strip("-") or "baru"
        sop_id = sop_id if sop_id[0].isalpha() else f"sop-{sop_id}"  # an id starts with a letter
        return {"path": self.store.create(folder, name, engine.new_sop_text(sop_id))}

    def import_file(self, folder: str, name: str, data: bytes) -> dict:
        """Drafts .sop from an uploaded document, each saved as a new file beside the others.

        The first draft is named after the upload, any further SOP of the same document after its own id."""
        suffix = Path(name).suffix.lower()
        if suffix not in engine.import_formats():
            raise ApiError(400, f"cannot import {suffix or 'this'} files here")
        with tempfile.TemporaryDirectory(prefix="sopdsl-import-") as scratch:
            upload = Path(scratch) / f"upload{suffix}"
            upload.write_bytes(data)
            try:
                drafts = engine.import_document(upload, self.lang)
            except engine.ImportRefused as error:
                raise ApiError(422, f"{name}: {error}") from None
        targets: list[str] = []
        for wanted in [Path(name).stem] + [sop_id for sop_id, _ in drafts[1:]]:
            base = FILE_NAME_UNSAFE.sub("-", wanted).strip(".-") or "impor"
            target, number = base, 2
            while target in targets:
                target, number = f"{base}-{number}", number + 1
            targets.append(target)
        for target in targets:
            self.store.check_new(folder, target)
        paths = [self.store.create(folder, target, text) for target, (_, text) in zip(targets, drafts, strict=True)]
        return {"path": paths[0], "paths": paths}

    def download(self, key: str, text: str, format_name: str) -> Download:
        """The editor's buffer in a download format."""
        if format_name not in DOWNLOADS:
            raise ApiError(400, f"unknown download format: {format_name}")
        self.served(key)
        buffer = engine.parse_buffer(key, text, self.workspace.config)
        if buffer.sop is None:
            error = buffer.error
            where = f"{error.line}:{error.column}: {error.message}" if error is not None else "does not parse"
            raise ApiError(422, f"{key}:{where}")
        files = [item.file for item in self.workspace.library() if item.file.path != key] + [buffer]
        result = engine.render(format_name, buffer.sop, self._options(buffer.sop, buffer, files))
        data = result.encode("utf-8") if isinstance(result, str) else result
        name = FILE_NAME_UNSAFE.sub("_", Path(key).stem) or "sop"  # a plain name for the header
        return Download(f"{name}.{format_name}", DOWNLOADS[format_name], data)

    def changes(self, key: str | None) -> dict:
        """What pages poll: the library's signature, and the hash of one file on disk."""
        result: dict[str, object] = {"signature": self.workspace.signature()}
        if key is not None:
            try:
                result["digest"] = self.workspace.loaded(key).digest
            except Refused:
                result["digest"] = ""
        return result

    def served(self, key: str) -> Loaded:
        """A served file, or a 404 for a path the index does not list."""
        try:
            return self.workspace.loaded(key)
        except Refused as error:
            raise ApiError(404, str(error)) from None


def _finding(diagnostic: Diagnostic) -> dict:
    """A finding as the pages show it."""
    return {"line": diagnostic.line, "column": diagnostic.column, "severity": diagnostic.severity.value,
            "rule": diagnostic.rule, "message": diagnostic.message}


def _first_of_each_id(files: Sequence[engine.SourceFile]) -> dict[str, str]:
    """SOP id -> the path of the first file with it (the one library totals and links belong to)."""
    owners: dict[str, str] = {}
    for file in files:
        if file.sop is not None:
            owners.setdefault(file.sop.id, file.path)
    return owners


def _links(files: Sequence[engine.SourceFile], owners: dict[str, str]) -> list[dict]:
    """The library's `related` and `uses` references, each with the file it points to when served."""
    links = []
    for file in files:
        for kind, target in dict.fromkeys(engine.references(file)):
            links.append({"from": file.path, "kind": kind, "to": target, "to_path": owners.get(target)})
    return links


def _role_inventory(files: Sequence[engine.SourceFile]) -> list[dict]:
    """Every role name across the library with the SOPs that declare it, grouped case-insensitively."""
    by_name: dict[str, dict] = {}
    for file in files:
        if file.sop is None:
            continue
        for role in file.sop.roles:
            name = " ".join(role.name.value.split())
            entry = by_name.setdefault(name.casefold(), {"name": name, "sops": []})
            entry["sops"].append({"path": file.path, "title": file.sop.title.value, "role": role.id})
    return sorted(by_name.values(), key=lambda entry: entry["name"].casefold())
