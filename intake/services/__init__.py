"""Every write goes through a service here; views and admin actions stay thin."""

from intake.services.intakes import (
    IntakeGone,
    consultation_request,
    intake_create,
    intake_delete,
    intake_replace,
    new_reference,
)

__all__ = [
    "IntakeGone",
    "consultation_request",
    "intake_create",
    "intake_delete",
    "intake_replace",
    "new_reference",
]
