import importlib

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache, caches
from django.utils import translation

from tests.journeys import Visitor


@pytest.fixture
def visitor(client):
    """A visitor's browser: answers the questions through the test client."""
    return Visitor(client)


@pytest.fixture(autouse=True)
def fresh_cache():
    """Rate-limit counters live in the cache, rendered question pages in theirs (and may depend on
    settings a test overrides); each test starts with none."""
    cache.clear()
    caches["pages"].clear()
    yield
    cache.clear()
    caches["pages"].clear()


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the default language: Django leaves the language of the last request it
    served active in the thread (a Spanish journey would otherwise make the next test's forms Spanish)."""
    translation.deactivate()
    yield
    translation.deactivate()


PASSWORD = "a-long-test-password-1"


def staff_group_permissions():
    """Each staff group's (app label, codename) pairs, from the data migrations that create them."""
    groups = {
        name: list(pairs)
        for name, pairs in importlib.import_module("intake.migrations.0002_staff_groups").GROUPS.items()
    }
    approval = importlib.import_module("intake.migrations.0005_managers_approve_wording")
    groups[approval.GROUP].append(approval.PERMISSION)
    return groups


@pytest.fixture
def staff_user(django_user_model):
    def make(username, group=None):
        user = django_user_model.objects.create_user(username, password=PASSWORD, is_staff=True)
        if group:
            user.groups.add(Group.objects.get(name=group))
        return user

    return make


@pytest.fixture
def reviewer(staff_user):
    return staff_user("rita", "Reviewers")


@pytest.fixture
def manager(staff_user):
    return staff_user("max", "Managers")
