import datetime

import pytest
from django.utils import timezone

from tests.factories import IntakeFactory


def requested(hours_ago=1, **fields):
    """A consultation request made `hours_ago` hours ago."""
    moment = timezone.now() - datetime.timedelta(hours=hours_ago)
    return {
        "consultation_requested_at": moment,
        "created_at": moment,
        "last_activity_at": moment,
        "preferred_method": "phone",
        **fields,
    }


@pytest.fixture
def queue_intakes():
    """Five intakes: three open requests of different priority, a closed one, an anonymous one."""
    today = timezone.localdate()
    return {
        "normal_old": IntakeFactory(
            answers_data={
                "contact_kinds": ["none"],
                "initiated_by": None,
                "responded": None,
                "said_ok": None,
            },
            **requested(72, name="Nora Old", phone="+12135550101", email="nora@example.com"),
        ),
        "high_court": IntakeFactory(
            answers_data={"court_date": today + datetime.timedelta(days=20)},
            **requested(5, name="Hank Court", phone="+12135550102", other_party_name="Pat Smith"),
        ),
        "urgent": IntakeFactory(
            answers_data={
                "order_types": ["emergency_protective"],
                "order_stage": None,
                "order_exceptions": None,
            },
            **requested(
                2,
                name="Sam Caller",
                phone="+12135550143",
                email="sam@example.com",
                voicemail_ok="no",
                say_firm_name="no",
                best_time="after 5pm",
            ),
        ),
        "closed": IntakeFactory(**requested(30, name="Cleo Closed", status="closed")),
        "anonymous": IntakeFactory(answers_data={"role": "protected", "order_types": ["civil_harassment"]}),
    }
