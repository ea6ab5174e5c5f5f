"""The queue's priority, computed with today's date in the database (for the list) and in Python (for one
intake), agrees with the guidance engine."""

import datetime

import pytest
from django.utils import timezone

from guidance import Answers, evaluate
from intake.models import Intake
from intake.queue import PRIORITY_BY_RANK, current_priority, with_current_priority
from tests.factories import IntakeFactory
from tests.guidance.scenarios import SCENARIOS

pytestmark = pytest.mark.django_db

OFFSETS = [-3, 0, 5, 7, 8, 25, 30, 31, 90]


def test_database_and_python_priority_match_the_engine_for_every_scenario_and_court_date():
    today = timezone.localdate()
    made = []
    for _, answers, _, _ in SCENARIOS[:12]:
        for offset in OFFSETS[::2]:
            data = {**answers, "court_date": today + datetime.timedelta(days=offset)}
            made.append((IntakeFactory(answers_data=data), data))
    checked = 0
    for day_offset in (0, 3, 10, 40):
        day = today + datetime.timedelta(days=day_offset)
        ranks = dict(with_current_priority(Intake.objects.all(), day).values_list("pk", "priority_rank"))
        for intake, data in made:
            expected = evaluate(Answers.from_dict(data), day).priority
            assert PRIORITY_BY_RANK[ranks[intake.pk]] == expected
            assert current_priority(Intake.objects.get(pk=intake.pk), day) == expected
            checked += 1
    assert checked == len(made) * 4
