"""The rule book: the attorneys review every short answer and rule in both languages, and approve it."""

import re

import pytest
from django.contrib.auth.models import Group
from django.template.loader import render_to_string
from django.test import Client
from django.utils import translation
from django.utils.html import escape

from guidance import evaluate
from guidance.rules import RULES
from guidance.short_answers import SHORT_ANSWERS
from guidance.terms import derive
from intake.audiences import FLAG_WORDS, describe, differing_terms, reachable_flags
from intake.guidance_text import WORDING_TERMS, answer_template, rule_context, rule_parts, wording_flags
from intake.models import Intake, WordingApproval
from intake.rule_book import book, items_by_key, wording_hash
from intake.services.approvals import wording_approve
from tests.guidance.scenarios import TODAY
from tests.guidance.test_invariants import generated_answers
from tests.journeys import Visitor, journey

pytestmark = pytest.mark.django_db

BOOK = "/staff/rule-book/"
APPROVE = "/staff/rule-book/approve/"
ENTRIES = {("answer", answer.id): answer for answer in SHORT_ANSWERS} | {
    ("rule", rule.id): rule for rule in RULES
}
EVERY_ITEM = list(ENTRIES)
FIRST_MESSAGES = [("message", "first-text"), ("message", "first-email")]  # tests/intake/test_desk_contact.py
BOOK_ITEMS = EVERY_ITEM + FIRST_MESSAGES
FALLBACK = "general"  # the short answer that valid answers do not reach


def section(page: str, kind: str, item_id: str) -> str:
    """One item's part of the rule book."""
    start = page.index(f'<section class="rule-book-entry" id="{kind}-{item_id}"')
    return page[start : page.index("</section>", start)]


def flags_of(**named) -> tuple[bool, ...]:
    return tuple(named.get(name, False) for name in WORDING_TERMS)


def approve_all(user):
    for item in book():
        wording_approve(kind=item.kind, item_id=item.id, wording_hash=item.wording_hash, by=user)


def waiting_on_home(client) -> int:
    page = client.get("/admin/").content.decode()
    return int(re.search(r'data-wording-waiting="(\d+)"', page).group(1))


# What the book shows


def test_every_rule_and_short_answer_appears_with_its_condition_and_both_languages(admin_client):
    page = admin_client.get(BOOK).content.decode()
    rule_flags, answer_flags = reachable_flags()
    for kind, item_id in EVERY_ITEM:
        part = section(page, kind, item_id)
        assert f'data-{kind}="{item_id}"' in part
        assert escape(ENTRIES[kind, item_id].condition) in part
        assert '<th scope="col">English</th>' in part and '<th scope="col">Spanish</th>' in part
        # The wording of one real audience, rendered through the guidance's own interface, in each language.
        flags = min((rule_flags if kind == "rule" else answer_flags).get(item_id, {flags_of()}))
        for language in ("en", "es"):
            with translation.override(language):
                context = rule_context(**dict(zip(WORDING_TERMS, flags, strict=True)))
                if kind == "rule":
                    body = rule_parts(item_id, context)[1]
                else:
                    body = render_to_string(answer_template(item_id), context).strip()
            assert f'<td lang="{language}">' in part
            assert body in part, (item_id, language)
    assert page.count("<strong>Shown when:</strong>") == len(BOOK_ITEMS)
    # Short answers first, in the order they are tried; then the rules.
    positions = [page.index(f'id="{kind}-{item_id}"') for kind, item_id in EVERY_ITEM[: len(SHORT_ANSWERS)]]
    assert positions == sorted(positions)
    assert max(positions) < page.index(f'id="rule-{RULES[0].id}"')


def test_every_rule_and_short_answer_but_the_fallback_is_read_by_some_visitor():
    rule_flags, answer_flags = reachable_flags()
    assert [rule.id for rule in RULES if not rule_flags.get(rule.id)] == []
    assert [a.id for a in SHORT_ANSWERS if not answer_flags.get(a.id)] == [FALLBACK]


def test_the_audiences_include_every_wording_a_generated_visitor_reads():
    """The sample the rule book (and the readability and length tests) take wordings from covers
    what visitors reach: checked against the rule tests' own, independent, answer generator."""
    rule_flags, answer_flags = reachable_flags()
    checked = 0
    for answers in generated_answers():
        evaluation = evaluate(answers, TODAY)
        flags = wording_flags(derive(answers))
        for rule_id in evaluation.rule_ids:
            assert flags in rule_flags[rule_id], (rule_id, answers)
        assert flags in answer_flags[evaluation.short_answer], (evaluation.short_answer, answers)
        checked += 1
    assert checked == 6000


def test_every_wording_term_has_plain_words():
    missing = [name for name in WORDING_TERMS if name not in FLAG_WORDS]
    assert missing == [], f"add plain words for {missing} to intake.audiences.FLAG_WORDS"


def test_audiences_are_named_only_by_the_flags_that_tell_the_wordings_apart():
    audiences = [flags_of(helper=h, exceptions=e) for h in (False, True) for e in (False, True)]
    helpers = [flags for flags in audiences if flags[WORDING_TERMS.index("helper")]]
    # Exceptions differ between the audiences, but every audience of one wording shares a helper value.
    assert describe(helpers, audiences) == ["Someone helping"]
    assert describe([a for a in audiences if a not in helpers], audiences) == ["The person themselves"]
    # The person themselves read one wording whatever the orders; helpers read one per kind of order.
    themselves = [flags_of(), flags_of(mutual=True)]
    among = [*themselves, flags_of(helper=True), flags_of(helper=True, mutual=True)]
    assert describe(themselves, among) == ["The person themselves"]
    assert describe([among[2]], among) == ["Someone helping · an order on one side only"]
    assert describe([among[3]], among) == ["Someone helping · orders on both sides"]
    # Two audiences named together when one flag value covers both.
    assert describe(
        [flags_of(), flags_of(helper=True)], [*among, flags_of(mutual=True, exceptions=True)]
    ) == ["An order on one side only"]


def test_a_rule_with_several_wordings_shows_plain_audience_labels_and_no_read_by_chains(admin_client):
    page = admin_client.get(BOOK).content.decode()
    assert "Read by" not in page
    for chain_word in ("not restrained side", "no order restricting contact", "helper, "):
        assert chain_word not in page
    several = [item for item in book() if len(item.wordings) > 1 and item.key not in FIRST_MESSAGES]
    assert {"reply-text", "safety-resources"} <= {item.id for item in several}, "worded for helpers too"
    for item in several:
        part = section(page, item.kind, item.id)
        # Plain words, and only for the flags that differ between this item's own audiences.
        allowed = {words.lower() for i in _differing(item) for words in FLAG_WORDS[WORDING_TERMS[i]]}
        for wording in item.wordings:
            assert wording.audiences
            for label in wording.audiences:
                assert f"<li>{escape(label)}</li>" in part
                assert {words.lower() for words in label.split(" · ")} <= allowed, (item.id, label)
    for item in book():
        if len(item.wordings) == 1:
            assert "rule-book-audiences" not in section(page, item.kind, item.id)


def _differing(item):
    rule_flags, answer_flags = reachable_flags()
    return differing_terms(sorted((rule_flags if item.kind == "rule" else answer_flags)[item.id]))


def test_each_wording_is_shown_once_with_every_audience_that_reads_it():
    rule_flags, _ = reachable_flags()
    items = items_by_key()
    for rule_id in ("reply-text", "safety-resources", "how-the-firm-helps"):
        distinct = set()
        for flags in rule_flags[rule_id]:
            context = rule_context(**dict(zip(WORDING_TERMS, flags, strict=True)))
            texts = []
            for language in ("en", "es"):
                with translation.override(language):
                    texts.append(rule_parts(rule_id, context))
            distinct.add(tuple(texts))
        assert len(items["rule", rule_id].wordings) == len(distinct), rule_id


def test_the_book_is_computed_once_per_process():
    assert book() is book()


def test_the_hash_covers_both_languages_and_the_sources():
    record = items_by_key()["rule", "reply-text"].record
    assert wording_hash(record) == items_by_key()["rule", "reply-text"].wording_hash
    spanish = {
        **record,
        "wordings": [{**w, "es": {**w["es"], "body": w["es"]["body"] + "!"}} for w in record["wordings"]],
    }
    sources = {**record, "sources": {**record["sources"], "en": [*record["sources"]["en"], "another"]}}
    assert len({wording_hash(record), wording_hash(spanish), wording_hash(sources)}) == 3


def test_the_rule_book_page_is_csp_clean_with_table_headers(admin_client):
    page = admin_client.get(BOOK).content.decode()
    assert " style=" not in page and "<style" not in page
    assert not re.search(r"<script(?![^>]*\bsrc=\")", page)
    assert page.count("<table") == len(BOOK_ITEMS) == page.count("<caption")
    assert page.count('<th scope="row">Sources</th>') == len(EVERY_ITEM)
    assert "<h2" in page and "<h3" in page


# Approving


def test_a_manager_approves_from_the_rule_book(client, manager):
    client.force_login(manager)
    page = client.get(BOOK).content.decode()
    part = section(page, "rule", "reply-text")
    assert "Not yet approved." in part and "Never approved." in part
    shown_hash = re.search(r'name="wording_hash" value="([0-9a-f]{64})"', part).group(1)
    response = client.post(APPROVE, {"kind": "rule", "item_id": "reply-text", "wording_hash": shown_hash})
    assert response.status_code == 302 and response["Location"] == BOOK + "#rule-reply-text"
    approval = WordingApproval.objects.get()
    assert (approval.kind, approval.item_id, approval.approved_by) == ("rule", "reply-text", manager)
    assert approval.wording_hash == shown_hash == items_by_key()["rule", "reply-text"].wording_hash
    assert set(approval.wording["wordings"][0]) >= {"audiences", "en", "es"}
    page = client.get(BOOK).content.decode()
    part = section(page, "rule", "reply-text")
    assert "Approved by max on" in part and "Not yet approved" not in part
    assert "<form" not in part
    assert "You approved the current wording of “reply-text”." in page
    assert "<form" in section(page, "answer", "restrained")  # the others still wait


def test_a_superuser_approves_too(admin_client):
    item = items_by_key()["answer", "restrained"]
    data = {"kind": "answer", "item_id": "restrained", "wording_hash": item.wording_hash}
    assert admin_client.post(APPROVE, data).status_code == 302
    assert WordingApproval.objects.filter(kind="answer", item_id="restrained").count() == 1


@pytest.mark.parametrize("group", ["Reviewers", None])
def test_reviewers_and_other_staff_cannot_approve(client, staff_user, group):
    client.force_login(staff_user("rita", group))
    page = client.get(BOOK).content.decode()
    assert "Approve the wording" not in page and 'name="wording_hash"' not in page
    assert "Not yet approved." in page
    item = items_by_key()["rule", "reply-text"]
    data = {"kind": "rule", "item_id": "reply-text", "wording_hash": item.wording_hash}
    assert client.post(APPROVE, data).status_code == 403
    assert not WordingApproval.objects.exists()


def test_only_managers_hold_the_permission():
    managers = Group.objects.get(name="Managers").permissions.values_list("codename", flat=True)
    reviewers = Group.objects.get(name="Reviewers").permissions.values_list("codename", flat=True)
    assert "approve_wording" in managers and "approve_wording" not in reviewers


def test_a_stale_hash_is_refused_and_nothing_is_approved(client, manager):
    client.force_login(manager)
    data = {"kind": "rule", "item_id": "reply-text", "wording_hash": "0" * 64}
    response = client.post(APPROVE, data, follow=True)
    assert not WordingApproval.objects.exists()
    page = response.content.decode()
    assert "has changed since you opened the page, so it was not approved" in page
    assert "Not yet approved." in section(page, "rule", "reply-text")


def test_an_unknown_item_is_not_found(client, manager):
    client.force_login(manager)
    data = {"kind": "rule", "item_id": "no-such-rule", "wording_hash": "0" * 64}
    assert client.post(APPROVE, data).status_code == 404
    assert client.get(APPROVE).status_code == 405
    assert not WordingApproval.objects.exists()


def test_an_approval_of_earlier_wording_shows_not_yet_approved(client, manager):
    WordingApproval.objects.create(
        kind="rule", item_id="reply-text", wording_hash="e" * 64, wording={}, approved_by=manager
    )
    client.force_login(manager)
    part = section(client.get(BOOK).content.decode(), "rule", "reply-text")
    assert "Not yet approved." in part
    assert "Last approved by max on" in part and "the wording has changed since" in part
    assert "Approve the wording of “reply-text”" in part
    # Approving the current wording again puts it right; the latest approval counts.
    item = items_by_key()["rule", "reply-text"]
    wording_approve(kind="rule", item_id="reply-text", wording_hash=item.wording_hash, by=manager)
    part = section(client.get(BOOK).content.decode(), "rule", "reply-text")
    assert "Approved by max on" in part and "Not yet approved" not in part


def test_when_the_wording_changes_the_item_waits_for_approval_again(client, manager, settings):
    approve_all(manager)
    client.force_login(manager)
    assert waiting_on_home(client) == 0
    # The firm's name is part of some wording: another name is another wording.
    settings.FIRM_NAME = "Another Firm LLP"
    changed = [item for item in book() if "Another Firm LLP" in str(item.record)]
    assert changed and len(changed) < len(EVERY_ITEM)
    page = client.get(BOOK).content.decode()
    for item in book():
        part = section(page, item.kind, item.id)
        if item in changed:
            assert "Not yet approved." in part and "the wording has changed since" in part
            assert "Last approved by max on" in part
        else:
            assert "Approved by max on" in part
    assert waiting_on_home(client) == len(changed)


def test_the_admin_home_counts_what_waits_and_links_to_the_rule_book(admin_client, manager):
    page = admin_client.get("/admin/").content.decode()
    total = len(RULES) + len(SHORT_ANSWERS) + len(FIRST_MESSAGES)
    assert waiting_on_home(admin_client) == total
    assert f"{total} items of wording wait for attorney approval" in page
    assert f'<a href="{BOOK}">{total} items of wording wait' in page
    assert f"({len(RULES)} rules, {len(SHORT_ANSWERS)} short answers, 2 first messages)" in page
    item = items_by_key()["rule", "reply-text"]
    wording_approve(kind="rule", item_id="reply-text", wording_hash=item.wording_hash, by=manager)
    assert waiting_on_home(admin_client) == total - 1
    approve_all(manager)
    assert waiting_on_home(admin_client) == 0
    assert "All wording is approved" in admin_client.get("/admin/").content.decode()


# Visitors


def _without_csrf(page: bytes) -> bytes:
    """Django masks the CSRF token differently on every response; nothing else may differ."""
    return re.sub(rb'name="csrfmiddlewaretoken" value="[^"]+"', b"", page)


@pytest.mark.parametrize(
    "changes", [{}, {"role": "helping_protected", "contact_kinds": ["call"], "initiated_by": "restrained"}]
)
def test_visitors_see_the_same_guidance_with_or_without_approvals(client, manager, changes):
    Visitor(client).walk(journey(**changes))
    before = client.get("/guidance/")
    assert before.status_code == 200
    approve_all(manager)
    assert WordingApproval.objects.count() == len(BOOK_ITEMS)
    after = client.get("/guidance/")
    assert _without_csrf(after.content) == _without_csrf(before.content)
    # A visitor who answers the same after the approvals is shown, and stores, the same guidance.
    Visitor(Client()).walk(journey(**changes))
    first, second = Intake.objects.order_by("created_at")
    assert first.guidance_snapshot == second.guidance_snapshot
    assert first.rule_ids == second.rule_ids


def test_the_rule_book_is_for_staff_only(client, django_user_model):
    from tests.conftest import PASSWORD

    assert client.get(BOOK)["Location"].startswith("/admin/login/")
    assert client.post(APPROVE, {})["Location"].startswith("/admin/login/")
    user = django_user_model.objects.create_user("visitor", password=PASSWORD)
    client.force_login(user)
    assert client.get(BOOK).status_code == 302
    assert client.post(APPROVE, {}).status_code == 302
