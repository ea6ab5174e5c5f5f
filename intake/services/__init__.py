"""Every write goes through a service here; views and admin actions stay thin."""

from intake.services.intakes import (
    IntakeGone,
    consultation_request,
    intake_create,
    intake_delete,
    intake_replace,
    new_reference,
)
from intake.services.withdrawal import Deletion, intake_withdraw, visitor_delete

__all__ = [
    "Deletion",
    "IntakeGone",
    "consultation_request",
    "intake_create",
    "intake_delete",
    "intake_replace",
    "intake_withdraw",
    "new_reference",
    "visitor_delete",
]
