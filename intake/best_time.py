"""Whether a visitor's safe time to be reached ("after 6 pm", "fines de semana") is clearly outside the
firm's hours, so that the intake page can say so next to the phone number.

Free text in English or Spanish is read for what it plainly says: weekends, evenings and nights, and
times such as "after 7 pm", "before 8 am", "antes de las 8" or "a las 19:00". Anything it cannot be
sure of (a bare "after 9", "until 8", "after work", "late") counts as not outside: the page then
shows the visitor's words alone. A mention that is negated ("no weekends", "not after 6 pm", "nunca
en la noche") is not read as a wish. Pure: no Django, the firm's hours are passed in.
"""

import re
import unicodedata

# Words that name a time outside weekday office hours whatever the firm's hours are.
OUTSIDE_WORDS = re.compile(
    r"\b(?:weekends?|saturdays?|sundays?|sat|sun|evenings?|nights?|weeknights?|tonight|overnight"
    r"|fin(?:es)? de semana|sabados?|domingos?|noches?|madrugada)\b"
)

# How a time is meant: from then on, up to then, or at about then.
AFTER = ("after", "from", "past", "despues de", "desde", "a partir de")
BEFORE = ("before", "antes de")
UNTIL = ("until", "till", "til", "by", "hasta")
AT = ("at", "around", "about", "a", "sobre", "como a")


def _words(words) -> str:
    """The words as a pattern; a Spanish "de"/"desde"/"hasta"/"a" may be followed by "la" or "las"."""
    return "|".join(rf"{re.escape(w)}(?: las?)?" if w[-1] in "aes" else re.escape(w) for w in words)


# "after 6 pm", "antes de las 8", "a las 19:00", "7pm": an optional word saying how the time is meant,
# the hour, optional minutes, and an optional a.m./p.m. (or "de la mañana/tarde/noche").
TIME = re.compile(
    rf"(?:\b(?P<word>{_words(AFTER + BEFORE + UNTIL + AT)})\s+)?"
    r"\b(?P<hour>2[0-3]|[01]?\d)(?::(?P<minute>[0-5]\d))?(?!\d)\s*"
    r"(?:(?P<meridiem>[ap])\.?\s?m\b\.?|de la (?P<part>manana|tarde|noche))?"
)
# "6-9 pm", "7 to 9 p.m.", "de 7 a 9 de la noche": a range whose a.m./p.m. is said once, at its end.
RANGE = re.compile(
    r"\b(?P<start>[01]?\d)(?::(?P<start_minute>[0-5]\d))?\s*(?:-|–|to|and|a|y)\s*"
    r"(?P<end>[01]?\d)(?::(?P<end_minute>[0-5]\d))?(?!\d)\s*"
    r"(?:(?P<meridiem>[ap])\.?\s?m\b\.?|de la (?P<part>manana|tarde|noche))"
)
NEGATION = re.compile(r"\b(?:not|no|never|don't|dont|except|nunca|excepto|menos|ni)\b(?:\W+\w+){0,2}\W*$")


def _plain(text: str) -> str:
    """Lower case, without accents (so "después" and "despues" read the same)."""
    decomposed = unicodedata.normalize("NFKD", text.lower().replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _negated(text: str, start: int) -> bool:
    return bool(NEGATION.search(text[:start]))


def _kind(word: str | None) -> str:
    """ "after", "before", "until" or "at" for the word before a time (with its "la"/"las" dropped)."""
    word = re.sub(r" las?$", "", word or "")
    for kind, words in (("after", AFTER), ("before", BEFORE), ("until", UNTIL)):
        if word in words:
            return kind
    return "at" if word else ""


def _hour(hour: int, minute: int, meridiem: str | None, part: str | None) -> float | None:
    """The time on a 24-hour clock, or None when a.m. or p.m. is not said."""
    if hour > 12:
        return hour + minute / 60
    if meridiem == "a" or part == "manana":
        return hour % 12 + minute / 60
    if meridiem == "p" or part in ("tarde", "noche"):
        return hour % 12 + 12 + minute / 60
    return None


def _guess_hour(kind: str, hour: int, minute: int) -> float | None:
    """A bare hour read the only sensible way: "after 7" is in the evening, "antes de las 8" in the
    morning. Hours that could be either ("after 9", "before 11", "hasta las 8") are left unread."""
    if kind == "after" and 1 <= hour <= 7:
        return hour + 12 + minute / 60
    if kind == "before" and 5 <= hour <= 8:
        return hour + minute / 60
    return None


def outside_firm_hours(text: str, opens: int, closes: int) -> bool:
    """Whether `text` clearly asks for a time outside Monday to Friday, `opens` to `closes` o'clock."""
    plain = _plain(text)
    for match in OUTSIDE_WORDS.finditer(plain):
        if not _negated(plain, match.start()):
            return True
    for match in RANGE.finditer(plain):
        start, end = int(match["start"]), int(match["end"])
        meridiem, part = match["meridiem"], match["part"]
        last = _hour(end, int(match["end_minute"] or 0), meridiem, part)
        first = _hour(start, int(match["start_minute"] or 0), meridiem, part)
        if first is not None and last is not None and first > last:
            first -= 12  # "11-1 pm": from 11 a.m.
        if first is None or last is None or _negated(plain, match.start()):
            continue
        if first >= closes or last <= opens:
            return True
    plain = RANGE.sub(" ", plain)
    for match in TIME.finditer(plain):
        hour, minute = int(match["hour"]), int(match["minute"] or 0)
        kind = _kind(match["word"])
        when = _hour(hour, minute, match["meridiem"], match["part"])
        if when is None:
            when = _guess_hour(kind, hour, minute)
        if when is None or _negated(plain, match.start()):
            continue
        if kind == "after":
            outside = when >= closes  # from then on
        elif kind in ("before", "until"):
            outside = when <= opens  # up to then
        else:
            outside = when >= closes or when < opens
        if outside:
            return True
    return False
