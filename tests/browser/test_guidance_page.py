"""The guidance page on a phone (390 x 844): the short answer inside the first screen for every
scenario, and the firm's typical client's page (a criminal protective order, texted first, a criminal
case and a court date) at most 6,000 px tall with nothing lost: every rule there, the folded ones
open without JavaScript and in print."""

import datetime

import pytest
from django.conf import settings
from django.test import Client

from intake.models import Intake
from intake.templatetags.intake_tags import tel_href
from tests.browser.conftest import PHONE
from tests.browser.helpers import answer_all, assert_accessible, click_and_wait
from tests.guidance.scenarios import SCENARIOS, SHORT_ANSWER
from tests.journeys import Visitor, journey

MAX_PAGE_HEIGHT = 6000
FIRST_SCREEN = PHONE["height"]

SHORT_ANSWER_PLACE = """() => {
  const answer = document.querySelector("[data-answer]");
  const firstRule = document.querySelector("[data-rule]");
  const box = answer.getBoundingClientRect();
  return {
    id: answer.dataset.answer,
    top: box.top + window.scrollY,
    bottom: box.bottom + window.scrollY,
    beforeEveryRule: Boolean(answer.compareDocumentPosition(firstRule) & Node.DOCUMENT_POSITION_FOLLOWING),
  };
}"""


@pytest.fixture
def many_journeys(settings):
    """Every scenario finishes from this machine's one address: more than the per-address limit."""
    settings.RATELIMIT_FINISH = "10000/h"


def criminal_order_journey(order_exceptions):
    """A restrained man under a CR-160 only, texted by the protected person who wants him home; he has
    not replied; a criminal case, and a court date in three weeks."""
    return journey(
        role="restrained",
        order_types=["criminal_protective"],
        order_exceptions=order_exceptions,
        contact_kinds=["text"],
        initiated_by="protected",
        responded="no",
        said_ok="yes",
        criminal_case="yes",
        court_date=datetime.date.today() + datetime.timedelta(days=21),
    )


@pytest.mark.usefixtures("many_journeys")
@pytest.mark.parametrize("language", ["en", "es"])
def test_every_scenarios_short_answer_is_inside_the_first_screen_of_a_phone(browser, site, language):
    context = browser.new_context(viewport=PHONE, locale="es-ES" if language == "es" else "en-US")
    page = context.new_page()
    checked = 0
    for name, answers, _, _ in SCENARIOS:
        # The questions are walked in the test client (the browser journeys are walked elsewhere);
        # the browser opens the guidance page with the same session.
        client = Client(HTTP_ACCEPT_LANGUAGE=language)
        Visitor(client).walk(answers)
        context.clear_cookies()
        cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
        context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": site}])
        page.goto(site + "/guidance/")
        assert page.get_attribute("html", "lang") == language
        place = page.evaluate(SHORT_ANSWER_PLACE)
        assert place["id"] == SHORT_ANSWER[name], name
        assert place["beforeEveryRule"], name
        assert place["bottom"] <= FIRST_SCREEN, (name, language, place)
        checked += 1
    assert checked == len(SCENARIOS)
    context.close()


@pytest.mark.parametrize(("language", "order_exceptions"), [("en", "no"), ("es", "no"), ("en", "unsure")])
def test_the_criminal_order_journey_fits_6000_px_on_a_phone_with_nothing_lost(
    context, spanish_context, site, language, order_exceptions
):
    page = (spanish_context if language == "es" else context).new_page()
    page.goto(site + "/questions/")
    answer_all(page, criminal_order_journey(order_exceptions))
    click_and_wait(page, page.locator("form button[data-prevent-double-submit]"))
    assert page.url == site + "/guidance/"

    height = page.evaluate("document.documentElement.scrollHeight")
    print(
        f"\nguidance page, criminal protective order ({language}, exceptions {order_exceptions}): {height} px"
    )
    assert height <= MAX_PAGE_HEIGHT, height
    place = page.evaluate(SHORT_ANSWER_PLACE)
    assert place["id"] == "restrained-contacted"
    assert place["bottom"] <= FIRST_SCREEN, place

    # Nothing lost: every rule the intake stored is on the page, and each one folded away opens
    # without JavaScript (a <details> element) and prints open.
    shown = page.eval_on_selector_all("[data-rule]", "rules => rules.map(r => [r.dataset.rule, r.tagName])")
    assert sorted(rule_id for rule_id, _ in shown) == sorted(Intake.objects.get().rule_ids)
    assert {"change-criminal-order", "do-not-ask-to-drop-charges", "invitation-does-not-change-order"} <= {
        rule_id for rule_id, _ in shown
    }
    folded = [rule_id for rule_id, tag in shown if tag == "DETAILS"]
    assert folded and all(tag in ("DIV", "DETAILS") for _, tag in shown)
    for rule_id in folded:
        assert not page.locator(f"[data-rule='{rule_id}'] > :not(summary)").first.is_visible()
    page.emulate_media(media="print")
    for rule_id in folded:
        assert page.locator(f"[data-rule='{rule_id}'] > :not(summary)").first.is_visible(), rule_id
    assert not page.locator(".consultation").is_visible()
    page.emulate_media(media="screen")

    # A folded rule opens on a tap (without JavaScript too: the test below), and the page stays
    # accessible with one open. Printing is checked through the print style sheet alone, which
    # Chromium applies with ::details-content (site.js also opens them on "beforeprint").
    page.locator(f"[data-rule='{folded[0]}'] summary").click()
    assert page.locator(f"[data-rule='{folded[0]}'] > :not(summary)").first.is_visible()
    assert_accessible(page, f"guidance, criminal protective order ({language})")


def test_a_folded_rule_opens_without_javascript(context_without_js, site):
    page = context_without_js.new_page()
    page.goto(site + "/questions/")
    answer_all(page, criminal_order_journey("no"))
    click_and_wait(page, page.locator("form button[data-prevent-double-submit]"))
    rule = page.locator("details[data-rule='violation-consequences']")
    assert not rule.locator("> :not(summary)").first.is_visible()
    rule.locator("summary").click()
    assert rule.locator("> :not(summary)").first.is_visible()
    # The consultation form opens the same way.
    page.locator("summary.consultation-open").click()
    assert page.locator("#id_name").is_visible()


def min_link_height(page, selector):
    heights = page.eval_on_selector_all(selector, "links => links.map(a => a.getBoundingClientRect().height)")
    assert heights, selector
    return min(heights)


def longest_spanish_date_ahead():
    """The next Wednesday in September ("miércoles, 29 de septiembre de 2027"): the longest dates."""
    day = datetime.date.today() + datetime.timedelta(days=1)
    while not (day.month == 9 and day.weekday() == 2 and day.day >= 20):
        day += datetime.timedelta(days=1)
    return day


def test_a_long_spanish_court_date_wraps_on_a_phone_and_the_box_gives_the_firms_phone(spanish_context, site):
    page = spanish_context.new_page()
    page.goto(site + "/questions/")
    court_date = longest_spanish_date_ahead()
    answer_all(page, {**criminal_order_journey("no"), "court_date": court_date})
    # Links standing alone are targets at least 24 px tall (WCAG 2.5.8): "Change" on the check page ...
    assert min_link_height(page, ".summary-action a") >= 24
    click_and_wait(page, page.locator("form button[data-prevent-double-submit]"))
    assert page.url == site + "/guidance/"
    box = page.locator(".court-date")
    assert "septiembre" in box.inner_text()
    # Nothing cut off, no sideways scrolling (a long date did not wrap before).
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert box.locator(f"a[href='{tel_href(settings.FIRM_PHONE)}']").is_visible()
    assert min_link_height(page, ".calendar-offer a") >= 24  # ... and the calendar links
