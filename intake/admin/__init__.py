"""The staff desk in Django admin."""

from intake.admin.intake import IntakeAdmin
from intake.admin.records import ConflictRecordAdmin, IntakeAccessAdmin, WeeklyCountAdmin

__all__ = ["ConflictRecordAdmin", "IntakeAccessAdmin", "IntakeAdmin", "WeeklyCountAdmin"]
