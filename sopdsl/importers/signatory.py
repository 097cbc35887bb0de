"""The signatory under "Disahkan oleh" (or under the position below the table): lines read into name, rank, NIP."""

from __future__ import annotations

import re

from attrs import define, field

from .words import compact

_LABELLED = re.compile(
    r"^(?P<label>nama|name|pangkat(?:\s*/\s*gol(?:ongan)?)?|rank|golongan|gol|nip|n\.i\.p)\s*(?:[.:]\s*|$)(?P<value>.*)$",
    re.I,
)
# "Nama / NIP : name / NIP", the NIP perhaps wrapped onto the next line
_NAME_AND_NIP = re.compile(r"^nama\s*/\s*nip\s*[.:]?\s*(?P<name>.+?)\s*(?:/\s*(?P<nip>\d[\d ]*\d)?)?$", re.I)
_NIP = re.compile(r"^(?:nip\b\.?\s*[:.]?\s*)?(?P<nip>\d[\d ]{7,}\d)$", re.I)
_RANK = re.compile(
    r"^(?:pembina|penata|pengatur|juru)\b|\b(?:pangkat|golongan)\b|\(?\b(?:I{1,3}|IV)\s*/\s*[a-e]\b\)?", re.I
)
_DEGREE = re.compile(r",\s*(?:[A-Z][A-Za-z]*\.)+|^(?:Dr|Drs|Dra|Ir|H|Hj|Prof)\.\s", re.I)
_BLANK = re.compile(r"[_.\s]*")
_SIGNED = re.compile(r"\(?\s*(?:ttd|t\.t\.d|tanda\s*tangan|cap|stempel|signed)\s*[.:]?\s*\)?[_.\s]*", re.I)
_KEY_OF = {"nama": "name", "name": "name", "rank": "rank", "nip": "nip", "n.i.p": "nip"}


@define
class Signatory:
    """What the lines say of the signatory: each of name, rank and NIP as written, or None."""

    name: str | None = None
    rank: str | None = None
    nip: str | None = None
    seen: set[str] = field(factory=set)  # the lines met, labelled or not, even blank ones
    rest: list[str] = field(factory=list)  # lines that are none of the three

    def entries(self) -> dict[str, str]:
        """The lines found, as the language's approver block names them."""
        found = {"name": self.name, "rank": self.rank, "nip": self.nip}
        return {key: value for key, value in found.items() if value}

    def take(self, line: str) -> None:
        """One line: a labelled one, a NIP, a rank, else the name (once), else left over."""
        text = " ".join(line.split())
        if _SIGNED.fullmatch(text):  # "(ttd)": where the signature stands
            return
        combined = _NAME_AND_NIP.match(text)
        if combined:
            self._set("name", combined.group("name"))
            if combined.group("nip"):
                self._set("nip", combined.group("nip"))
            return
        labelled = _LABELLED.match(text)
        if labelled:
            label = labelled.group("label").lower()
            key = _KEY_OF.get(label, "rank")
            value = labelled.group("value").strip()
            self._set(key, None if _BLANK.fullmatch(value) else value)
            return
        number = _NIP.match(text)
        if number:
            self._set("nip", number.group("nip"))
        elif _RANK.search(text) and "rank" not in self.seen:
            self._set("rank", text)
        elif "name" not in self.seen:
            self._set("name", text)
        else:
            self.rest.append(text)

    def _set(self, key: str, value: str | None) -> None:
        """Record a line for key (None: its label with a blank to write on)."""
        self.seen.add(key)
        if value and getattr(self, key) is None:
            setattr(self, key, value)


def is_signatory_line(line: str) -> bool:
    """Whether a line names the signatory (a labelled line, a NIP, a rank, a name with degrees) rather than going
    on with the position a narrow cell wrapped."""
    text = " ".join(line.split())
    return bool(_LABELLED.match(text) or _NIP.match(text) or _RANK.search(text) or _DEGREE.search(text)
                or _NAME_AND_NIP.match(text) or _SIGNED.fullmatch(text))


def split_approval(lines: list[str]) -> tuple[list[str], Signatory]:
    """The position's lines and the signatory under them: the signatory starts at its first telling line, or at
    the line before it when that one is the unlabelled name over a rank or NIP."""
    capitals = bool(lines) and lines[0].isupper()
    start = next(
        (i for i, line in enumerate(lines) if i and (is_signatory_line(line) or not capitals and _upper_name(line))),
        len(lines),
    )
    if start < len(lines) and start > 1 and not _names(lines[start]) and not is_signatory_line(lines[start - 1]):
        start -= 1
    signatory = Signatory()
    for line in lines[start:]:
        signatory.take(line)
    return lines[:start], signatory


def _upper_name(line: str) -> bool:
    """A name in capitals under a position that is not (the common way to print the signatory's name)."""
    return line.isupper() and len(line.split()) > 1


def _names(line: str) -> bool:
    """Whether a telling line is (or labels) the name itself."""
    text = " ".join(line.split())
    labelled = _LABELLED.match(text)
    if labelled:
        return labelled.group("label").lower() in ("nama", "name")
    return not (_NIP.match(text) or _RANK.search(text))


_OPENING = re.compile(r"^(?:disahkan\s+oleh|ditetapkan\s+oleh|mengetahui|menyetujui|mengesahkan|approved\s+by)\b", re.I)
_MAX_LINES = 8  # the position (wrapped), room to sign and the three lines: a signature place is no longer


def signature_below(lines: list[str], position: str | None) -> tuple[list[str], Signatory] | None:
    """The position and signatory of the signature place under the table: the lines from "Disahkan oleh",
    "Mengetahui" ... or from the position's last line, up to the NIP, when they name the signatory at all."""
    folded = compact(position or "")  # a position compared however it wraps
    for index, line in enumerate(lines):
        opening = _OPENING.match(line.strip())
        ends_position = len(compact(line)) > 3 and folded.endswith(compact(line))
        if not (opening or ends_position):
            continue
        place = [line, *lines[index + 1 : index + 1 + _MAX_LINES]]
        last = next((i for i, text in enumerate(place) if _is_nip(text)), len(place) - 1)
        found, signatory = split_approval(place[: last + 1])
        if signatory.entries().keys() & {"name", "nip"}:
            return found[1:] if opening else [], signatory
    return None


def _is_nip(line: str) -> bool:
    """Whether a line is the NIP, labelled or not (the last line of a signature place)."""
    text = " ".join(line.split())
    labelled = _LABELLED.match(text)
    return bool(_NIP.match(text) or labelled and labelled.group("label").lower() in ("nip", "n.i.p"))
