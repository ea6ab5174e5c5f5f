"""The attorneys' approval of the guidance wording: record one, and read where each item stands.

An item (a rule, a short answer or a first message, intake.rule_book) is approved while its latest
approval carries the hash of its current wording. Nothing here changes what visitors see.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import OuterRef, Subquery

from intake.models import WordingApproval
from intake.rule_book import ANSWER, MESSAGE, RULE, Item, book, items_by_key

PERMISSION = "intake.approve_wording"


class StaleWording(Exception):
    """The wording changed after the approver read it: nothing was approved."""


def can_approve(user) -> bool:
    """Managers (and superusers): the permission is granted to the Managers group."""
    return user.has_perm(PERMISSION)


def wording_approve(*, kind: str, item_id: str, wording_hash: str, by) -> WordingApproval:
    """Approve the wording of one item as the approver read it (`wording_hash`).

    Raises PermissionDenied for anyone without the permission, LookupError for an unknown item, and
    StaleWording when the wording is no longer the one the approver read.
    """
    if not can_approve(by):
        raise PermissionDenied
    item = items_by_key().get((kind, item_id))
    if item is None:
        raise LookupError(f"no {kind} {item_id!r}")
    if wording_hash != item.wording_hash:
        raise StaleWording(item_id)
    return WordingApproval.objects.create(
        kind=kind, item_id=item_id, wording_hash=item.wording_hash, wording=item.record, approved_by=by
    )


def latest_approvals() -> dict[tuple[str, str], WordingApproval]:
    """The latest approval of each item ever approved (the approved text itself is not loaded)."""
    latest = (
        WordingApproval.objects.filter(kind=OuterRef("kind"), item_id=OuterRef("item_id"))
        .order_by("-approved_at", "-pk")
        .values("pk")[:1]
    )
    rows = WordingApproval.objects.filter(pk=Subquery(latest)).defer("wording").select_related("approved_by")
    return {(row.kind, row.item_id): row for row in rows}


@dataclass(frozen=True)
class Standing:
    """Where one item stands: approved, or waiting (with its last approval, if it ever had one)."""

    item: Item
    last_approval: WordingApproval | None

    @property
    def approved(self) -> bool:
        return self.last_approval is not None and self.last_approval.wording_hash == self.item.wording_hash


def standing(kind: str, item_id: str) -> Standing:
    """Where one item stands (a KeyError for an unknown item)."""
    item = items_by_key()[kind, item_id]
    latest = WordingApproval.objects.filter(kind=kind, item_id=item_id).defer("wording").first()
    return Standing(item, latest)


def standings() -> list[Standing]:
    approvals = latest_approvals()
    return [Standing(item, approvals.get(item.key)) for item in book()]


@dataclass(frozen=True)
class Waiting:
    rules: int
    answers: int
    messages: int = 0

    @property
    def total(self) -> int:
        return self.rules + self.answers + self.messages

    def sentence(self) -> str:
        if not self.total:
            return "All wording is approved"
        verb = "waits" if self.total == 1 else "wait"
        noun = "item of wording" if self.total == 1 else "items of wording"
        return f"{self.total} {noun} {verb} for attorney approval"

    def breakdown(self) -> str:
        rules = f"{self.rules} rule{'' if self.rules == 1 else 's'}"
        answers = f"{self.answers} short answer{'' if self.answers == 1 else 's'}"
        messages = f"{self.messages} first message{'' if self.messages == 1 else 's'}"
        return f"{rules}, {answers}, {messages}"


def waiting_for_approval(items: list[Standing] | None = None) -> Waiting:
    items = standings() if items is None else items
    waiting = [standing.item.kind for standing in items if not standing.approved]
    return Waiting(rules=waiting.count(RULE), answers=waiting.count(ANSWER), messages=waiting.count(MESSAGE))
