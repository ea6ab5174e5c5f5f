"""Quick exit (button, Shift x3, no JavaScript), keyboard-only and JavaScript-off journeys."""

from intake.models import Intake
from tests.browser.helpers import (
    click_and_wait,
    fill_step,
    finish,
    go_back,
    open_consultation,
    send_a_request,
)
from tests.journeys import journey


def assert_answers_gone(page, site):
    assert not any(c["name"] == "sessionid" for c in page.context.cookies())
    page.goto(site + "/guidance/")
    assert "There is no guidance to show" in page.content()
    page.goto(site + "/questions/check/")
    assert page.url.endswith("/questions/role/")


def test_quick_exit_button_leaves_and_forgets_the_answers(context, site, neutral_site):
    page = context.new_page()
    page.goto(site + "/questions/")
    fill_step(page, journey())
    page.get_by_role("button", name="Continue", exact=True).click()
    page.wait_for_url("**/questions/order/")
    page.get_by_role("link", name="Exit this page").click()
    page.wait_for_url(neutral_site)
    assert "Neutral page" in page.content()
    assert_answers_gone(page, site)


def test_after_quick_exit_going_back_shows_no_answer_ticked(context, site, neutral_site):
    """The browser keeps what was ticked on each page it has shown, and would tick it again on Back
    for whoever holds the phone next, though the answers are gone from the server."""
    page = context.new_page()
    page.goto(site + "/questions/")
    for _question in range(3):
        fill_step(page, journey())
        page.get_by_role("button", name="Continue", exact=True).click()
        page.wait_for_load_state()
    page.get_by_role("link", name="Exit this page").click()
    page.wait_for_url(neutral_site)
    seen = []
    for _step_back in range(10):  # to the start of the history (go_back returns None there)
        if go_back(page) is None:
            break
        seen.append((page.url, page.locator("input:checked").count()))
    assert len(seen) >= 3 and all(ticked == 0 for _url, ticked in seen), seen


def test_quick_exit_by_pressing_shift_three_times(context, site, neutral_site):
    page = context.new_page()
    finish(page, site, journey())
    assert Intake.objects.count() == 1
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(neutral_site)
    assert_answers_gone(page, site)
    # Going back does not show the guidance: the exit replaced it in the history, and the session is gone.
    page.goto(neutral_site)
    go_back(page)
    assert "data-rule" not in page.content()


def test_two_shift_presses_do_not_exit(context, site):
    page = context.new_page()
    page.goto(site + "/")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.wait_for_timeout(300)
    assert page.url == site + "/"


def type_as_a_person(page, text):
    """Type with the Shift key held down for each capital, as a person does (keyboard.type does not)."""
    for char in text:
        page.keyboard.press(f"Shift+{char}" if char.isupper() else char)


def test_typing_capital_letters_does_not_exit(context, site, neutral_site):
    page = context.new_page()
    finish(page, site, journey())
    open_consultation(page)
    name = page.get_by_label("Your name")
    name.click()
    type_as_a_person(page, "Jose Luis")
    page.get_by_label("When is a safe time to reach you? (optional)").click()
    type_as_a_person(page, "After 6 PM")
    page.keyboard.press("Shift+Tab")
    for _ in range(3):  # switching keyboard layouts (Alt+Shift), and Shift+click to tick a range
        page.keyboard.press("Alt+Shift")
    page.keyboard.down("Shift")
    page.get_by_label("Your name").click()
    page.keyboard.up("Shift")
    page.keyboard.down("Shift")
    page.get_by_label("Your name").click()
    page.keyboard.up("Shift")
    page.keyboard.press("Shift")  # with the two Shift+clicks, three Shift releases
    page.wait_for_timeout(300)
    assert page.url == site + "/guidance/"
    assert name.input_value() == "Jose Luis"
    # After another key (the count starts again), Shift on its own three times still leaves.
    page.keyboard.press("End")
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(neutral_site)


def test_quick_exit_without_javascript_is_a_plain_link(context_without_js, site, neutral_site):
    page = context_without_js.new_page()
    finish(page, site, journey(role="protected"))
    page.get_by_role("link", name="Exit this page").click()
    page.wait_for_url(neutral_site)
    assert_answers_gone(page, site)


def test_the_whole_journey_works_without_javascript(context_without_js, site):
    page = context_without_js.new_page()
    finish(page, site, journey(role="helping_restrained"))
    assert page.locator("[data-rule]").count() == len(Intake.objects.get().rule_ids)
    send_a_request(page)
    assert page.url == site + "/guidance/request-sent/"
    assert Intake.objects.get().consultation_requested


def tab_to(page, selector, limit=60):
    """Press Tab until the focused element matches `selector`."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"could not reach {selector} with the Tab key")


def test_the_whole_journey_by_keyboard_alone(context, site):
    page = context.new_page()
    page.goto(site + "/")
    tab_to(page, "a.button--start")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    answers = journey(contact_kinds=["text", "call"])
    while "/questions/check/" not in page.url:
        step = page.url.rstrip("/").split("/")[-1]
        for name, value in _fields(step, answers):
            if isinstance(value, list):  # checkboxes: each is a tab stop, Space ticks it
                for item in value:
                    tab_to(page, f"input[name='{step}-{name}'][value='{item}']")
                    page.keyboard.press("Space")
            else:  # radios: Tab reaches the group, arrow keys choose within it
                tab_to(page, f"input[name='{step}-{name}']")
                choose_with_arrows(page, value)
        tab_to(page, ".question-form button[type=submit]")
        with page.expect_navigation():
            page.keyboard.press("Enter")
    tab_to(page, "button[data-prevent-double-submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == site + "/guidance/"
    intake = Intake.objects.get()
    assert intake.answers["contact_kinds"] == ["call", "text"]
    assert intake.answers["said_ok"] == "yes"
    # A folded rule, and the folded consultation form, open from the keyboard.
    tab_to(page, "details[data-rule] summary")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.parentElement.open")
    tab_to(page, "summary.consultation-open")
    page.keyboard.press("Enter")
    tab_to(page, "#id_name")
    page.keyboard.type("Sam")
    assert page.locator("#id_name").input_value() == "Sam"


def choose_with_arrows(page, value, limit=12):
    page.keyboard.press("Space")
    for _ in range(limit):
        if page.evaluate("v => document.activeElement.value === v && document.activeElement.checked", value):
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"could not choose {value} with the arrow keys")


def _fields(step, answers):
    from tests.journeys import STEP_FIELDS

    return [(name, answers[name]) for name in STEP_FIELDS[step] if name != "court_date"]


def test_the_language_switch_works_without_javascript_and_keeps_the_answers(context_without_js, site):
    page = context_without_js.new_page()
    page.goto(site + "/questions/")
    fill_step(page, journey(role="protected"))
    click_and_wait(page, page.locator(".question-form button[type=submit]"))
    page.goto(site + "/questions/role/")
    click_and_wait(page, page.locator(".language-switch button"))
    assert page.url == site + "/questions/role/"
    assert page.get_attribute("html", "lang") == "es"
    assert page.is_checked("input[name='role-role'][value='protected']")
    assert "La orden me protege" in page.content()
    page.get_by_role("link", name="Salir de esta página").click()
    page.wait_for_url("**/weather")
    assert not [c for c in page.context.cookies() if "language" in c["name"]]


def test_nothing_overflows_a_small_phone_in_either_language(browser, site):
    for locale in ("en-US", "es-ES"):
        context = browser.new_context(viewport={"width": 320, "height": 640}, locale=locale)
        page = context.new_page()
        finish(page, site, journey())
        for path in ["/", "/questions/role/", "/guidance/", "/privacy/"]:
            page.goto(site + path)
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= 320, (locale, path, width)
            header = page.locator(".site-header").bounding_box()
            assert header["height"] <= 120, (locale, path, header)
        context.close()


def test_an_error_link_shows_the_whole_field_below_the_sticky_header(context, site):
    page = context.new_page()  # a phone
    finish(page, site, journey())
    open_consultation(page)
    click_and_wait(page, page.get_by_role("button", name="Send my request"))  # nothing filled in
    page.locator(".error-summary a").first.click()
    assert page.evaluate("document.activeElement.id") == "id_name"
    header = page.locator(".site-header").bounding_box()
    label = page.locator("label[for='id_name']").bounding_box()
    field = page.locator("#id_name").bounding_box()
    # The label (and so the hint and the mistake under it) is not hidden behind the header.
    assert label["y"] >= header["y"] + header["height"], (label, header)
    assert field["y"] + field["height"] <= page.viewport_size["height"]


def test_back_from_the_confirmation_after_a_mistake_shows_the_guidance_not_a_resubmission_page(context, site):
    page = context.new_page()
    finish(page, site, journey())
    open_consultation(page)
    click_and_wait(page, page.get_by_role("button", name="Send my request"))  # nothing filled in
    assert "There is a problem" in page.content()
    send_a_request(page)
    assert page.url == site + "/guidance/request-sent/"
    response = go_back(page)  # Chromium fails with ERR_CACHE_MISS on a sent form's entry
    assert response.request.method == "GET" and response.status == 200
    assert "You have already asked for a call." in page.content()
