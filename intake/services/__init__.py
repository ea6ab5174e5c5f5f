"""Every write goes through a service here; views and admin actions stay thin."""

from intake.services.intakes import consultation_request, intake_create, intake_delete, new_reference

__all__ = ["consultation_request", "intake_create", "intake_delete", "new_reference"]
