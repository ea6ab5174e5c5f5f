"""The conflict check and the duplicate flag: names and contact details seen elsewhere.

Queries only (no writes), used by the staff desk.
"""

import datetime
import re
import unicodedata
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q

from intake.models import ConflictRecord, Intake, OtherPartyAlias
from intake.models.intake import NAME_KEY_LENGTH


def normalize_name(name: str) -> str:
    """Case, accents, punctuation and spacing do not matter: "José  O'Neil" == "jose oneil".

    At most NAME_KEY_LENGTH characters: a name the form accepts can grow when normalized ("™"
    becomes "tm"), and every key, stored or compared, is cut the same way."""
    text = unicodedata.normalize("NFKD", name or "").encode("ascii", "ignore").decode().casefold()
    text = re.sub(r"[^a-z0-9 ]+", "", text)
    return " ".join(text.split())[:NAME_KEY_LENGTH].rstrip()


@dataclass(frozen=True)
class Match:
    name: str
    where: str  # e.g. "visitor on ABCD-EFGH", "other party on conflict record ABCD-EFGH"
    record_kind: str = "intake"  # what record_pk is the key of: "intake" or "record" (a conflict record)
    record_pk: int | None = None


def conflict_matches(intake: Intake) -> list[Match]:
    """Names on this intake (visitor, person helped, other party, aliases) also on another intake or a
    conflict record."""
    names = [
        intake.name,
        intake.helped_name,
        intake.other_party_name,
        *intake.aliases.values_list("name", flat=True),
    ]
    mine = {normalize_name(n): n for n in names}
    mine.pop("", None)
    if not mine:
        return []
    keys = list(mine)
    matches = set()
    others = Intake.objects.exclude(pk=intake.pk)
    for pk, reference, name_key, helped_key, other_key in others.filter(
        Q(name_key__in=keys) | Q(helped_key__in=keys) | Q(other_party_key__in=keys)
    ).values_list("pk", "reference", "name_key", "helped_key", "other_party_key"):
        if name_key in mine:
            matches.add(Match(mine[name_key], f"visitor on intake {reference}", "intake", pk))
        if helped_key in mine:
            matches.add(Match(mine[helped_key], f"person helped on intake {reference}", "intake", pk))
        if other_key in mine:
            matches.add(Match(mine[other_key], f"other party on intake {reference}", "intake", pk))
    aliases = OtherPartyAlias.objects.exclude(intake=intake).filter(name_key__in=keys)
    for pk, reference, key in aliases.values_list("intake_id", "intake__reference", "name_key"):
        matches.add(Match(mine[key], f"other party on intake {reference}", "intake", pk))
    records = ConflictRecord.objects.filter(_any_key(keys))
    for record in records:
        where = f"conflict record {record.reference}"
        visitor_key = normalize_name(record.visitor_name)
        if visitor_key in mine:
            matches.add(Match(mine[visitor_key], f"visitor on {where}", "record", record.pk))
        helped_key = normalize_name(record.helped_name)
        if helped_key in mine:
            matches.add(Match(mine[helped_key], f"person helped on {where}", "record", record.pk))
        for name in record.other_party_names:
            if normalize_name(name) in mine:
                matches.add(Match(mine[normalize_name(name)], f"other party on {where}", "record", record.pk))
    return sorted(matches, key=lambda m: (m.name, m.where))


def _any_key(keys) -> Q:
    query = Q(pk__in=[])
    for key in keys:
        query |= Q(name_keys__contains=f"|{key}|")
    return query


def likely_duplicates(intake: Intake):
    """Other consultation requests with the same phone or email within DUPLICATE_WINDOW_DAYS."""
    if not intake.consultation_requested or not (intake.phone or intake.email):
        return Intake.objects.none()
    window = datetime.timedelta(days=settings.DUPLICATE_WINDOW_DAYS)
    same_contact = Q()
    if intake.phone:
        same_contact |= Q(phone=intake.phone)
    if intake.email:
        same_contact |= Q(email__iexact=intake.email)
    return Intake.objects.exclude(pk=intake.pk).filter(
        same_contact,
        consultation_requested_at__gte=intake.consultation_requested_at - window,
        consultation_requested_at__lte=intake.consultation_requested_at + window,
    )
