"""A visitor's answers as one plain, immutable value.

Answers to steps that were not shown are None (or empty), never a stale value from a
branch the visitor left: the wizard only passes the steps its conditions showed.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from guidance.vocabulary import (
    ContactKind,
    Initiator,
    OrderStage,
    OrderType,
    Role,
    YesNoUnsure,
)


@dataclass(frozen=True)
class Answers:
    role: Role
    order_types: frozenset[OrderType]
    contact_kinds: frozenset[ContactKind]
    criminal_case: YesNoUnsure
    order_stage: OrderStage | None = None
    order_exceptions: YesNoUnsure | None = None
    initiated_by: Initiator | None = None
    responded: YesNoUnsure | None = None
    said_ok: YesNoUnsure | None = None
    court_date: datetime.date | None = None

    @classmethod
    def from_dict(cls, data: dict) -> Answers:
        """Build from plain values (strings, lists, ISO date), as stored in an intake."""

        def optional(enum, key):
            value = data.get(key)
            return enum(value) if value not in (None, "") else None

        court_date = data.get("court_date")
        if isinstance(court_date, str) and court_date:
            court_date = datetime.date.fromisoformat(court_date)
        return cls(
            role=Role(data["role"]),
            order_types=frozenset(OrderType(v) for v in data["order_types"]),
            contact_kinds=frozenset(ContactKind(v) for v in data["contact_kinds"]),
            criminal_case=YesNoUnsure(data["criminal_case"]),
            order_stage=optional(OrderStage, "order_stage"),
            order_exceptions=optional(YesNoUnsure, "order_exceptions"),
            initiated_by=optional(Initiator, "initiated_by"),
            responded=optional(YesNoUnsure, "responded"),
            said_ok=optional(YesNoUnsure, "said_ok"),
            court_date=court_date or None,
        )

    def to_dict(self) -> dict:
        """Plain values for JSON storage; lists sorted so equal answers store equally."""
        return {
            "role": str(self.role),
            "order_types": sorted(str(v) for v in self.order_types),
            "order_stage": _plain(self.order_stage),
            "order_exceptions": _plain(self.order_exceptions),
            "contact_kinds": sorted(str(v) for v in self.contact_kinds),
            "initiated_by": _plain(self.initiated_by),
            "responded": _plain(self.responded),
            "said_ok": _plain(self.said_ok),
            "criminal_case": str(self.criminal_case),
            "court_date": self.court_date.isoformat() if self.court_date else None,
        }


def _plain(value):
    return str(value) if value is not None else None
