"""Normalising authority names, so that the many ways of writing one council meet.

``fold`` makes spelling-insensitive text (case, accents, punctuation, ``&``); ``normalise``
also drops the words that say what kind of council it is ("City Council", "Borough",
"County of") and expands the county abbreviations people type ("Leics", "north yorks").
The resolver in :mod:`ofstedcli.resolve` matches against these forms.
"""

from __future__ import annotations

import re
import unicodedata

#: County abbreviations in everyday use, expanded word by word ("north yorks" -> "north yorkshire").
ABBREVIATIONS: dict[str, str] = {
    "beds": "bedfordshire",
    "berks": "berkshire",
    "bucks": "buckinghamshire",
    "cambs": "cambridgeshire",
    "derbys": "derbyshire",
    "glos": "gloucestershire",
    "gloucs": "gloucestershire",
    "hants": "hampshire",
    "herts": "hertfordshire",
    "lancs": "lancashire",
    "leics": "leicestershire",
    "lincs": "lincolnshire",
    "northants": "northamptonshire",
    "notts": "nottinghamshire",
    "oxon": "oxfordshire",
    "staffs": "staffordshire",
    "wilts": "wiltshire",
    "warks": "warwickshire",
    "worcs": "worcestershire",
    "yorks": "yorkshire",
    "st": "saint",
    "ne": "north east",
    "nw": "north west",
    "se": "south east",
    "sw": "south west",
}

#: Words that say what kind of council a name is, or what runs its children's services, not
#: which one.
FILLER_PHRASES = (
    "metropolitan borough council",
    "metropolitan district council",
    "royal borough of",
    "london borough of",
    "city and county of",
    "county borough of",
    "borough council",
    "county council",
    "district council",
    "city council",
    "unitary authority",
    # the body a council's children's services are run by or known as: "Birmingham
    # Children's Trust", "Slough Children First", "Sunderland Together for Children"
    "childrens services trust",
    "childrens social care",
    "childrens services",
    "childrens trust",
    "children first",
    "together for children",
    "council of the",
    "county of",
    "city of",
    "council",
    "borough",
    "metropolitan",
    "the",
)

#: Words that, at the end of a name, only say what it is ("Leicester City", "Durham County").
_TRAILING = {"city", "county", "authority", "la", "cc", "mbc", "bc", "dc"}

#: The filler phrases as word lists, by their first word, in the order listed (the first that
#: fits is dropped, as a regular expression's alternatives would be; a word scan spares
#: every run the millisecond compiling that expression took).
_FILLER: dict[str, list[list[str]]] = {}
for _phrase in FILLER_PHRASES:
    _FILLER.setdefault(_phrase.split()[0], []).append(_phrase.split())
_NON_WORD = re.compile(r"[^a-z0-9]+")

#: Words left out of initials ("Bath and North East Somerset" -> "bnes").
_MINOR_WORDS = {"and", "of", "upon", "on", "the", "with", "in"}


def fold(text: str) -> str:
    """Lower case, no accents or punctuation, ``&`` as ``and``, single spaces."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.lower().replace("&", " and ").replace("'", "").replace("’", "")
    return _NON_WORD.sub(" ", text).strip()


def expand(folded: str) -> str:
    """Expand the county abbreviations in an already folded text."""
    return " ".join(ABBREVIATIONS.get(word, word) for word in folded.split())


def normalise(text: str) -> str:
    """The comparison form of a name: folded, abbreviations expanded, council words dropped.

    >>> normalise("Leicester City Council")
    'leicester'
    >>> normalise("Bristol, City of")
    'bristol'
    >>> normalise("Leics")
    'leicestershire'
    """
    folded = expand(fold(text))
    words = _without_filler(folded.split())
    while len(words) > 1 and words[-1] in _TRAILING:
        words.pop()
    return " ".join(words) or folded


def _without_filler(words: list[str]) -> list[str]:
    """The words left when every filler phrase is taken out, left to right."""
    kept: list[str] = []
    i = 0
    while i < len(words):
        for phrase in _FILLER.get(words[i], ()):
            if words[i : i + len(phrase)] == phrase:
                i += len(phrase)
                break
        else:
            kept.append(words[i])
            i += 1
    return kept


def initials(name: str) -> str:
    """Initials of a name's significant words: "Bournemouth, Christchurch and Poole" -> "bcp"."""
    words = [w for w in fold(name).split() if w not in _MINOR_WORDS]
    return "".join(w[0] for w in words)


def compact(text: str) -> str:
    """A name with minor words and spaces removed, so "B&NES" meets "bnes"."""
    return "".join(w for w in fold(text).split() if w not in _MINOR_WORDS)
