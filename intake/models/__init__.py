from intake.models.approvals import WordingApproval
from intake.models.followup import CallAttempt, IntakeAccess, Note, OtherPartyAlias
from intake.models.intake import Intake, Status
from intake.models.records import ConflictRecord, Notification, WeeklyCount

__all__ = [
    "CallAttempt",
    "ConflictRecord",
    "Intake",
    "IntakeAccess",
    "Note",
    "Notification",
    "OtherPartyAlias",
    "Status",
    "WeeklyCount",
    "WordingApproval",
]
