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


def normalize_name(name: str) -> str:
    """Case, accents, punctuation and spacing do not matter: "José  O'Neil" == "jose oneil"."""
    text = unicodedata.normalize("NFKD", name or "").encode("ascii", "ignore").decode().casefold()
    text = re.sub(r"[^a-z0-9 ]+", "", text)
    return " ".join(text.split())


@dataclass(frozen=True)
class Match:
    name: str
    where: str  # e.g. "visitor on ABCD-EFGH", "other party on conflict record ABCD-EFGH"


def names_of(intake: Intake) -> set[str]:
    names = {intake.name, intake.other_party_name, *intake.aliases.values_list("name", flat=True)}
    return {n for n in names if normalize_name(n)}


def conflict_matches(intake: Intake) -> list[Match]:
    """Names on this intake that also appear on another intake or on a conflict record."""
    mine = {normalize_name(n): n for n in names_of(intake)}
    if not mine:
        return []
    matches = []
    others = Intake.objects.exclude(pk=intake.pk).exclude(name="", other_party_name="")
    for other in others.only("reference", "name", "other_party_name"):
        for role, name in (("visitor", other.name), ("other party", other.other_party_name)):
            if normalize_name(name) in mine:
                matches.append(Match(mine[normalize_name(name)], f"{role} on intake {other.reference}"))
    for alias in OtherPartyAlias.objects.exclude(intake=intake).select_related("intake"):
        if normalize_name(alias.name) in mine:
            matches.append(
                Match(mine[normalize_name(alias.name)], f"other party on intake {alias.intake.reference}")
            )
    for record in ConflictRecord.objects.all():
        for role, names in (("visitor", [record.visitor_name]), ("other party", record.other_party_names)):
            for name in names:
                if normalize_name(name) in mine:
                    matches.append(
                        Match(mine[normalize_name(name)], f"{role} on conflict record {record.reference}")
                    )
    return sorted(set(matches), key=lambda m: (m.name, m.where))


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
