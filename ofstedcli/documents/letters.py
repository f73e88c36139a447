"""The parts every letter has: letterhead, date, address block, salutation, subject, signature.

Letters are read line by line in the original text (an address block is lines, and a name on
one line is not the council on the next), unlike the sentence patterns that read the
normalised text.  Used by the ministerial, engagement-meeting and visit-letter extractors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ofstedcli.documents import places, vocab
from ofstedcli.documents.extraction import Builder

_TITLES = (
    r"(?:(?:The )?Rt\.? Hon\.?|Sir|Dame|Lord|Baroness|Dr\.?|Cllr\.?|Councillor|Mr\.?|Mrs\.?"
    r"|Ms\.?|Miss|Professor|Prof\.?)"
)
_POSTNOMINALS = r"(?:MP|HMI|SHMI|OBE|CBE|MBE|DBE|KBE|QC|KC)"
#: A line that is a person's name: "Katrina Gueli HMI", "Councillor Keith Wakefield".
PERSON = re.compile(
    rf"^(?:{_TITLES}\s+)*[A-Z][\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]*|de|van|von|le)){{0,3}}"
    rf"(?:,?\s+{_POSTNOMINALS})*$"
)
#: Words that make a line a job title rather than a name.
ROLE = re.compile(
    r"\b(?:Director|Inspector|Secretary|Minister|HMI|Chief|Head|Manager|Officer|Leader"
    r"|Regional|Senior|Deputy|Assistant|Executive|Mayor|Lead|Member|Chair|Chairman"
    r"|Commissioner|President|Principal|Under[- ]Secretary)\b"
)
_PERSON_AND_ROLE = re.compile(
    rf"^(?P<name>(?:{_TITLES}\s+)*[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){{0,3}}\s+{_POSTNOMINALS})"
    rf"\s+(?P<role>\S.*)$"
)
_SALUTATION = re.compile(r"^\s*Dear\s+(?P<who>[^,\n]+?)\s*,?\s*$", re.MULTILINE)
_SIGN_OFF = re.compile(r"^\s*Yours\s+(?:sincerely|faithfully|truly)\b", re.MULTILINE | re.I)
POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b")
_ADDRESS = re.compile(
    r"\d|\b(?:Street|Road|Lane|Place|Square|Hall|House|Building|Buildings|Floor|Avenue|Way"
    r"|Centre|Office|Offices|Civic|Town Hall|County Hall|PO Box)\b"
)
_DATE_LINE = re.compile(rf"^\s*{vocab.FULL_DATE}\s*$", re.IGNORECASE)
_SKIP_LINE = re.compile(r"sent by email|^\s*by email|signature|^\s*\[|@|www\.", re.I)


#: A person found in a letter: (start, end, name) and (start, end, role) or None.
Person = tuple[tuple[int, int, str], tuple[int, int, str] | None]


@dataclass(frozen=True)
class Line:
    """One non-blank line of the original text: its span and stripped text."""

    start: int
    end: int
    text: str
    blank_before: bool


def lines(raw: str) -> list[Line]:
    """The non-blank lines of a text, each knowing whether a blank line precedes it."""
    out: list[Line] = []
    at = 0
    blank = True
    for piece in raw.split("\n"):
        stripped = piece.strip()
        if stripped:
            lead = len(piece) - len(piece.lstrip())
            out.append(Line(at + lead, at + lead + len(stripped), stripped, blank))
            blank = False
        else:
            blank = True
        at += len(piece) + 1
    return out


def salutation(raw: str) -> re.Match[str] | None:
    """The "Dear ..." line, if the text is a letter."""
    return _SALUTATION.search(raw)


def index_at(all_lines: list[Line], pos: int) -> int:
    """The index of the first line that ends after ``pos``."""
    for i, line in enumerate(all_lines):
        if line.end > pos:
            return i
    return len(all_lines)


def head(b: Builder) -> tuple[list[Line], re.Match[str] | None, int]:
    """A letter's lines, its salutation and the index of the line holding it (the lines
    before it are the letterhead and address block), its date recorded from them."""
    all_lines = lines(b.view.raw)
    sal = salutation(b.view.raw)
    upto = index_at(all_lines, sal.start()) if sal else len(all_lines)
    letter_date(b, all_lines, upto)
    return all_lines, sal, upto


def letter_date(b: Builder, all_lines: list[Line], upto: int) -> None:
    """Record the letter's date: the first line before ``upto`` that is only a date."""
    for line in all_lines[:upto]:
        if _DATE_LINE.match(line.text):
            value = vocab.iso_in(line.text)
            if value:
                b.add_raw("date", value, line.start, line.end)
                return
    head_end = all_lines[upto - 1].end if 0 < upto <= len(all_lines) else len(b.view.raw)
    for m in vocab.FULL_DATE_RE.finditer(b.text, 0, b.norm_pos(head_end)):
        value = vocab.iso(m)
        if value:
            b.match("date", value, m)
            return


def split_person(line: Line) -> Person | None:
    """A person's name and role from one line: "Will Quince MP Parliamentary Under-...".

    Returns ((start, end, name), (start, end, role) or None), or None if no name is there.
    """
    m = _PERSON_AND_ROLE.match(line.text)
    if m and is_role(m["role"]):
        return (
            (line.start + m.start("name"), line.start + m.end("name"), m["name"]),
            (line.start + m.start("role"), line.start + m.end("role"), m["role"]),
        )
    if PERSON.match(line.text) and not is_role(line.text):
        return (line.start, line.end, line.text), None
    return None


def is_role(text: str) -> bool:
    """True for a job title ("Her Majesty's Inspector", "Regional Director, South West"),
    False for a name, even one with letters after it ("Chris Jones HMI")."""
    return bool(ROLE.search(re.sub(rf"\s+{_POSTNOMINALS}\b", "", text)))


def person_block(candidates: list[Line]) -> Person | None:
    """The first name-and-role pair in some lines: a name line followed by a role line,
    or a single line holding both; else the first name followed by anything."""
    fallback = None
    for i, line in enumerate(candidates):
        found = split_person(line)
        if found is None:
            continue
        name, role = found
        if role is not None:
            return name, role
        nxt = candidates[i + 1] if i + 1 < len(candidates) else None
        if nxt is not None and is_role(nxt.text):
            return name, (nxt.start, nxt.end, nxt.text)
        if fallback is None:
            fallback = (name, None)
    return fallback


def signatory(b: Builder, all_lines: list[Line], organisation: tuple[str, int, int] | None) -> None:
    """Record the sender from the signature block after "Yours sincerely"."""
    found = signed_by(b.view.raw, all_lines)
    if found is not None:
        record_person(b, "sender", found, organisation)


def signed_by(raw: str, all_lines: list[Line]) -> Person | None:
    """The person (and role) in the signature block after "Yours sincerely", if any."""
    offs = list(_SIGN_OFF.finditer(raw))
    if not offs:
        return None
    start = index_at(all_lines, offs[-1].end())
    block = [ln for ln in all_lines[start : start + 8] if not _SKIP_LINE.search(ln.text)]
    return _last_person(block)


def _last_person(block: list[Line]) -> Person | None:
    """The signatory in a signature block: the name followed by a role, else the last name."""
    best = None
    for i in range(len(block)):
        found = person_block(block[i : i + 2])
        if found and found[1] is not None and found[0][0] == block[i].start:
            return found
        if found and found[0][0] == block[i].start:
            best = found
    return best


def record_person(
    b: Builder, party: str, found: Person, organisation: tuple[str, int, int] | None
) -> None:
    """Record a party's name, role and organisation facts."""
    (ns, ne, name), role = found
    b.add_raw(f"{party}.name", places.tidy(name), ns, ne)
    if role is not None:
        b.add_raw(f"{party}.role", places.tidy(role[2]), role[0], role[1])
    if organisation is not None:
        value, os_, oe = organisation
        b.add_raw(f"{party}.organisation", value, os_, oe)


def address_block(all_lines: list[Line], upto: int) -> list[Line]:
    """The recipient's address block: the lines ending in the last postcode before ``upto``."""
    end = None
    for i in range(upto - 1, -1, -1):
        if POSTCODE.search(all_lines[i].text):
            end = i
            break
    if end is None:
        return []
    start = end
    while start > 0 and end - start < 9:
        if all_lines[start].blank_before:
            break
        prev = all_lines[start - 1]
        if (
            _DATE_LINE.match(prev.text)
            or _SKIP_LINE.search(prev.text)
            or POSTCODE.search(prev.text)
        ):
            break
        start -= 1
    return all_lines[start : end + 1]


def unposted_block(all_lines: list[Line], upto: int) -> list[Line]:
    """An address block with no postcode: the lines just above the date (or the salutation)
    from a person's name, as far back as the blank line before them."""
    end = upto
    while end > 0 and _DATE_LINE.match(all_lines[end - 1].text):
        end -= 1
    start = end
    while start > 0 and end - start < 6:
        start -= 1
        if all_lines[start].blank_before:
            break
    block = all_lines[start:end]
    if block and (PERSON.match(block[0].text) or _PERSON_AND_ROLE.match(block[0].text)):
        return block
    return []


def recipient(
    b: Builder,
    block: list[Line],
    who: str | None,
    council: places.Name | None,
) -> None:
    """Record the recipient's name, role and organisation from an address block."""
    if not block:
        return
    first = block[0]
    raw = b.view.raw
    org: tuple[str, int, int] | None = None
    block_councils = [n for n in places.councils(raw[block[0].start : block[-1].end])]
    if council is not None:
        at = raw.find(raw[council.start : council.end], first.start, block[-1].end)
        if at >= 0:
            org = (council.value, at, at + council.end - council.start)
    if org is None and block_councils:
        n = block_councils[0]
        org = (n.value, block[0].start + n.start, block[0].start + n.end)
    if org is None and council is not None:
        org = (council.value, council.start, council.end)
    if org is not None and first.start < org[1] < first.end:
        name_end = org[1]
        while name_end > first.start and raw[name_end - 1].isspace():
            name_end -= 1
        name = (first.start, name_end, raw[first.start : name_end])
    else:
        name = _name_in_line(first, who)
    b.add_raw("recipient.name", places.tidy(name[2]), name[0], name[1])
    if len(block) > 1:
        second = block[1]
        if (
            not (org and second.start <= org[1] < second.end)
            and not _ADDRESS.search(second.text)
            and not POSTCODE.search(second.text)
        ):
            b.add_raw("recipient.role", places.tidy(second.text), second.start, second.end)
    if org is not None:
        b.add_raw("recipient.organisation", org[0], org[1], org[2])


def _name_in_line(line: Line, who: str | None) -> tuple[int, int, str]:
    """The person's name at the start of an address line, guided by the salutation."""
    if PERSON.match(line.text) or not who:
        return line.start, line.end, line.text
    at = line.text.find(who)
    if at >= 0:
        end = at + len(who)
        first_name = re.match(r"^(?:Sir|Dame)\s|^[A-Z][a-z]+$", who)
        if first_name:
            nxt = re.match(r"\s+[A-Z][\w'’-]+", line.text[end:])
            if nxt:
                end += nxt.end()
        return line.start, line.start + end, line.text[:end]
    words = line.text.split()
    return line.start, line.start + len(" ".join(words[:3])), " ".join(words[:3])


def subject(sal: re.Match[str] | None, all_lines: list[Line]) -> Line | None:
    """The subject line of an Ofsted letter: the line after the salutation."""
    if sal is None:
        return None
    i = index_at(all_lines, sal.end())
    if i < len(all_lines) and len(all_lines[i].text) < 200:
        return all_lines[i]
    return None
