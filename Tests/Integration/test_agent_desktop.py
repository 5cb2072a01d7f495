"""The agent desktop (`/`) and the customer simulator (`/sandbox`) in headless Chromium, driven by Selenium.

Each scenario of issue 14 signs agents in with Access Tokens minted by the `twilio` library from an API key made
through the API, and saves a screenshot of its last step under `.test-run/screenshots/`."""

import shutil
import signal
import time
from types import SimpleNamespace

import pytest
from selenium import webdriver
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait
from twilio.jwt.access_token import AccessToken
from twilio.jwt.access_token.grants import ChatGrant, TaskRouterGrant
from twilio.rest import Client

from factories import fake_sid, flow_form, random_auth_token, unique_name
from flex_contact_center import ContactCenter, approved_template, customer_number, customer_writes, received
from polling import eventually
from raw_http import RawApi, keys_path
from sandbox import handset
from server_process import REPO_ROOT, ServerProcess, clean_env
from switchboard_client import PATH_MODE, SwitchboardHttpClient

SCREENSHOTS = REPO_ROOT / ".test-run" / "screenshots"
WAIT_S = 20
PHONE = (390, 844)
DESKTOP = (1280, 800)


def chromium_paths():
    """Debian's chromium and its driver, which scripts/test installs."""
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    if not (browser and driver):
        pytest.fail("chromium and chromium-driver are not installed (scripts/test installs them from Debian's packages)",
                    pytrace=False)
    return browser, driver


@pytest.fixture
def browser():
    """A factory of headless Chromium windows, each with its own sessionStorage (so its own agent); all quit after."""
    binary, driver_path = chromium_paths()
    drivers = []

    def open_window(size=DESKTOP):
        options = Options()
        options.binary_location = binary
        for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                         f"--window-size={size[0]},{size[1]}"):
            options.add_argument(argument)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        driver = webdriver.Chrome(service=Service(driver_path), options=options)
        driver.set_window_size(*size)
        drivers.append(driver)
        return driver

    yield open_window
    for driver in drivers:
        driver.quit()


@pytest.fixture
def api_key(raw, server):
    """A standard API key of the bootstrap account: (sid, secret), to sign Access Tokens with."""
    resp = raw.post(keys_path(server.account_sid), {"FriendlyName": unique_name("desktop")})
    assert resp.status_code == 201, resp.text
    return resp.json()["sid"], resp.json()["secret"]


def agent_token(account_sid, key, workspace_sid, worker_sid, identity, ttl=3600):
    """An Access Token as a Flex backend mints it: TaskRouter worker grant and Chat grant."""
    token = AccessToken(account_sid, key[0], key[1], identity=identity, ttl=ttl)
    token.add_grant(TaskRouterGrant(workspace_sid=workspace_sid, worker_sid=worker_sid, role="worker"))
    token.add_grant(ChatGrant(service_sid=fake_sid("IS")))
    return token.to_jwt()


def until(driver, condition, message, timeout=WAIT_S):
    """Wait for `condition(driver)` to be truthy; fail with `message` and a screenshot if it never is."""
    try:
        return WebDriverWait(driver, timeout, poll_frequency=0.1).until(lambda d: condition(d))
    except TimeoutException:
        screenshot(driver, "failed-" + unique_name("wait").replace(" ", "-"))
        pytest.fail(message, pytrace=False)


def screenshot(driver, name):
    """Save the window as `.test-run/screenshots/<name>.png`."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(SCREENSHOTS / f"{name}.png"))


def sign_in(driver, base_url, token, path="/"):
    """Open the page through a sign-in link and wait until it shows the signed-in view."""
    driver.get(f"{base_url}{path}#token={token}")
    panel = "workspace" if path == "/" else "simulator"
    until(driver, lambda d: d.find_element(By.ID, panel).is_displayed(), f"{path} did not sign in")
    assert "token=" not in driver.current_url, "the token must leave the address bar"


def console_errors(driver):
    """What the page logged as errors."""
    return [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def reservation_cards(driver):
    return driver.find_elements(By.CSS_SELECTOR, "#reservations .reservation")


def task_view(driver, conversation_sid=None):
    """The open conversation (the only one, or the one of `conversation_sid`), once it shows."""
    selector = "#tasks .task" + (f'[data-conversation="{conversation_sid}"]' if conversation_sid else "")
    return until(driver, lambda d: next(iter(d.find_elements(By.CSS_SELECTOR, selector)), None), "no conversation opened")


def message_texts(view):
    return [item.text for item in view.find_elements(By.CSS_SELECTOR, ".messages .text")]


def open_handset(driver, address, contact_center=None):
    """On /sandbox: open the handset at `address`."""
    field = driver.find_element(By.ID, "address")
    field.clear()
    field.send_keys(address, Keys.ENTER)
    until(driver, lambda d: address in d.find_element(By.ID, "current-address").text, "handset did not open")
    if contact_center:
        to = driver.find_element(By.ID, "reply-to")
        to.clear()
        to.send_keys(contact_center)


def write_as_customer(driver, body):
    driver.find_element(By.ID, "reply-body").send_keys(body)
    driver.find_element(By.ID, "reply-send").click()
    until(driver, lambda d: any(body == item.text for item in d.find_elements(By.CSS_SELECTOR, "#messages .outbound .text")),
          "the customer's message was not sent")


def flex_flow_number(raw, center):
    """A contact-center number with Conversations auto-creation and an enabled task Flex Flow on the center's workflow."""
    number = customer_number()
    resp = raw.post("/conversations/v1/Configuration/Addresses",
                    {"Type": "sms", "Address": number, "AutoCreation.Enabled": "true", "AutoCreation.Type": "default"})
    assert resp.status_code == 201, resp.text
    flow = raw.post("/flex-api/v1/FlexFlows", flow_form(
        unique_name("desktop flow"), "task", ContactIdentity=number, Enabled="true",
        **{"Integration.WorkspaceSid": center.workspace.sid, "Integration.WorkflowSid": center.workflow.sid}))
    assert flow.status_code == 201, flow.text
    return number


def agent_desktop(browser, server, key, center, worker, size=DESKTOP):
    """A window signed in as `worker` of `center`."""
    driver = browser(size)
    sign_in(driver, server.base_url, agent_token(server.account_sid, key, center.workspace.sid, worker.sid, worker.friendly_name))
    return driver


def accept_first_offer(driver):
    card = until(driver, lambda d: next(iter(reservation_cards(d)), None), "no offer reached the agent")
    card.find_element(By.CSS_SELECTOR, ".accept").click()
    until(driver, lambda d: not reservation_cards(d), "the accepted offer stayed")


def test_a_customer_texting_a_flex_flow_number_reaches_the_agent_whose_reply_is_delivered(server, client, raw, api_key, browser):
    center = ContactCenter(client)
    number = flex_flow_number(raw, center)
    customer = customer_number()
    desktop = agent_desktop(browser, server, api_key, center, center.agent)
    simulator = browser()
    sign_in(simulator, server.base_url, agent_token(server.account_sid, api_key, center.workspace.sid, center.agent.sid, "agent.ann"),
            path="/sandbox")
    open_handset(simulator, customer, contact_center=number)
    write_as_customer(simulator, "Hi, where is my order?")

    card = until(desktop, lambda d: next(iter(reservation_cards(d)), None), "the reservation was not pushed to the agent")
    assert customer in card.text and "sms" in card.text
    assert "s left to answer" in card.find_element(By.CSS_SELECTOR, ".countdown").text
    accept_first_offer(desktop)
    view = task_view(desktop)
    until(desktop, lambda d: "Hi, where is my order?" in message_texts(view), "the customer's message is not in the conversation")
    view.find_element(By.CSS_SELECTOR, ".body").send_keys("It ships today.", Keys.ENTER)
    until(desktop, lambda d: any(item.get_attribute("data-status") == "delivered"
                                 for item in view.find_elements(By.CSS_SELECTOR, ".messages .outbound")),
          "the reply's delivered status did not reach the desktop")

    until(simulator, lambda d: any(item.find_element(By.CSS_SELECTOR, ".text").text == "It ships today."
                                   and item.get_attribute("data-status") == "delivered"
                                   for item in d.find_elements(By.CSS_SELECTOR, "#messages .inbound")),
          "the reply did not show as delivered on /sandbox")
    assert handset(raw, customer)[-1]["from"] == number
    screenshot(desktop, "scenario-1-desktop")
    screenshot(simulator, "scenario-1-sandbox")
    assert console_errors(desktop) == [] and console_errors(simulator) == []


def test_an_outbound_whatsapp_to_a_closed_window_refuses_free_text_and_sends_the_picked_template(server, client, raw, api_key, browser):
    center = ContactCenter(client)
    content, approval = approved_template(client, "Hi {{1}}, your order {{2}} has shipped.", variables={"1": "there", "2": "#0"})
    assert approval.status == "approved"
    customer = customer_number()
    desktop = agent_desktop(browser, server, api_key, center, center.agent)

    Select(desktop.find_element(By.ID, "outbound-channel")).select_by_value("whatsapp")
    desktop.find_element(By.ID, "outbound-address").send_keys(customer)
    desktop.find_element(By.ID, "outbound-sender").send_keys("+19251235555")
    desktop.find_element(By.ID, "outbound-body").send_keys("Hello there")
    desktop.find_element(By.ID, "outbound-start").click()

    view = task_view(desktop)
    until(desktop, lambda d: "refused" in view.find_element(By.CSS_SELECTOR, ".error").text, "free text was not refused")
    assert view.find_element(By.CSS_SELECTOR, ".templates").is_displayed()
    assert not view.find_element(By.CSS_SELECTOR, ".compose").is_displayed()
    until(desktop, lambda d: content.sid in [o.get_attribute("value") for o in view.find_elements(By.CSS_SELECTOR, ".template option")],
          "the approved template is not offered")
    Select(view.find_element(By.CSS_SELECTOR, ".template")).select_by_value(content.sid)
    for name, value in (("1", "Ann"), ("2", "#1234")):
        field = view.find_element(By.CSS_SELECTOR, f'.variables input[data-variable="{name}"]')
        field.clear()
        field.send_keys(value)
    assert view.find_element(By.CSS_SELECTOR, ".preview").text == "Hi Ann, your order #1234 has shipped."
    view.find_element(By.CSS_SELECTOR, ".send-template").click()

    got = received(raw, "whatsapp:" + customer)
    assert [(m["from"], m["body"], m["content_sid"]) for m in got] == [
        ("whatsapp:+19251235555", "Hi Ann, your order #1234 has shipped.", content.sid)]
    until(desktop, lambda d: "Hi Ann, your order #1234 has shipped." in message_texts(view), "the template is not in the conversation")
    screenshot(desktop, "scenario-2-desktop")
    assert console_errors(desktop) == []


def test_a_rejected_offer_goes_to_the_other_agent_and_an_offline_agent_gets_nothing_more(server, client, raw, api_key, browser):
    center = ContactCenter(client, agent_name="agent.ann")
    bob = center.worker("agent.bob")
    windows = {center.agent.sid: agent_desktop(browser, server, api_key, center, center.agent),
               bob.sid: agent_desktop(browser, server, api_key, center, bob)}
    first = center.interaction("sms", customer_number(), proxy_address=customer_number(), worker=False, initiated_by="customer")
    task_sid = center.task_of(first)["sid"]
    offered_to = center.reserved_worker(task_sid)
    other = bob.sid if offered_to == center.agent.sid else center.agent.sid
    first_window, other_window = windows[offered_to], windows[other]

    card = until(first_window, lambda d: next(iter(reservation_cards(d)), None), "no offer for the first agent")
    card.find_element(By.CSS_SELECTOR, ".reject").click()
    until(first_window, lambda d: not reservation_cards(d), "the rejected offer stayed")
    until(other_window, lambda d: reservation_cards(d), "the rejected task did not reach the other agent")

    Select(first_window.find_element(By.ID, "activity")).select_by_visible_text("Offline")
    until(first_window, lambda d: center.tr.workers(offered_to).fetch().activity_name == "Offline", "the agent did not go Offline")
    second = center.interaction("sms", customer_number(), proxy_address=customer_number(), worker=False, initiated_by="customer")
    second_task = center.task_of(second)["sid"]
    time.sleep(2)
    assert [r.worker_sid for r in center.reservations(second_task)] in ([], [other])
    assert not reservation_cards(first_window)
    screenshot(first_window, "scenario-3-offline-agent")
    assert console_errors(first_window) == [] and console_errors(other_window) == []


@pytest.fixture
def own_server(switchboard_bin, tmp_path):
    """A server on SQLite of this test alone, which the test may stop and start again on the same port and file."""
    account_sid, auth_token = fake_sid("AC"), random_auth_token()
    env = clean_env({"SWITCHBOARD_ACCOUNT_SID": account_sid, "SWITCHBOARD_AUTH_TOKEN": auth_token})
    process = ServerProcess(switchboard_bin, tmp_path, str(tmp_path / "sb.sqlite"), env, name="restarting")
    process.start()
    yield process, account_sid, auth_token, env
    process.stop(signal.SIGTERM)


def test_after_a_restart_the_page_reconnects_and_shows_a_message_sent_during_the_gap(own_server, switchboard_bin, tmp_path, browser):
    process, account_sid, auth_token, env = own_server
    raw = RawApi(process.base_url, (account_sid, auth_token))
    agent_server = SimpleNamespace(account_sid=account_sid, base_url=process.base_url)
    center = ContactCenter(Client(account_sid, auth_token, http_client=SwitchboardHttpClient(process.base_url, PATH_MODE, timeout=30)))
    resp = raw.post(keys_path(account_sid), {"FriendlyName": "desktop"})
    key = (resp.json()["sid"], resp.json()["secret"])
    customer, number = customer_number(), customer_number()
    desktop = agent_desktop(browser, agent_server, key, center, center.agent)
    interaction = center.interaction("sms", customer, proxy_address=number)
    accept_first_offer(desktop)
    view = task_view(desktop, center.task_of(interaction)["attributes"]["conversationSid"])
    customer_writes(raw, "sms", customer, number, "before the restart")
    until(desktop, lambda d: "before the restart" in message_texts(view), "the first message did not arrive")

    assert process.stop(signal.SIGTERM) == 0
    until(desktop, lambda d: "reconnecting" in d.find_element(By.ID, "connection").text, "the page did not notice the drop")
    # While the page's server is down, another process on the same database takes the customer's message.
    stand_in = ServerProcess(switchboard_bin, tmp_path, process.database, env, name="stand-in")
    stand_in.start()
    customer_writes(RawApi(stand_in.base_url, (account_sid, auth_token)), "sms", customer, number, "sent during the gap")
    assert stand_in.stop(signal.SIGTERM) == 0
    process.start()

    until(desktop, lambda d: d.find_element(By.ID, "connection").text == "live", "the page did not reconnect", timeout=40)
    until(desktop, lambda d: "sent during the gap" in message_texts(view), "the message sent during the gap is missing")
    assert message_texts(view).count("sent during the gap") == 1
    screenshot(desktop, "scenario-4-reconnected")


def test_a_token_for_one_worker_cannot_accept_another_workers_offer_and_an_expired_token_is_refused(server, client, raw, api_key, browser):
    center = ContactCenter(client, agent_name="agent.ann")
    bob = center.worker("agent.bob")
    interaction = client.flex_api.v1.interaction.create(
        channel={"type": "sms", "initiated_by": "agent", "properties": {"type": "sms"},
                 "participants": [{"address": customer_number(), "proxy_address": customer_number(), "type": "sms"}]},
        routing={"properties": {"workspace_sid": center.workspace.sid, "workflow_sid": center.workflow.sid, "worker_sid": bob.sid}})
    task_sid = center.task_of(interaction)["sid"]
    reservation = eventually(lambda: next(iter(center.reservations(task_sid)), None))
    assert reservation.worker_sid == bob.sid

    ann = agent_desktop(browser, server, api_key, center, center.agent)
    outcome = ann.execute_async_script("""
        const done = arguments[arguments.length - 1];
        Switchboard.api("POST", arguments[0], { form: { ReservationStatus: "accepted" } })
          .then(() => done({ accepted: true }), (error) => done({ status: error.status, code: error.code }));
    """, f"/taskrouter/v1/Workspaces/{center.workspace.sid}/Tasks/{task_sid}/Reservations/{reservation.sid}")
    assert outcome == {"status": 403, "code": 20403}
    assert center.tr.tasks(task_sid).reservations(reservation.sid).fetch().reservation_status == "pending"

    expired = agent_token(server.account_sid, api_key, center.workspace.sid, center.agent.sid, "agent.ann", ttl=1)
    time.sleep(2)
    late = browser()
    late.get(f"{server.base_url}/#token={expired}")
    until(late, lambda d: d.find_element(By.ID, "sign-in-error").is_displayed(), "no sign-in error for an expired token")
    assert "expired" in late.find_element(By.ID, "sign-in-error").text
    assert not late.find_element(By.ID, "workspace").is_displayed()
    screenshot(late, "scenario-5-expired-token")


def test_markup_in_messages_renders_as_text_and_never_runs(server, client, raw, api_key, browser):
    center = ContactCenter(client)
    customer, number = customer_number(), customer_number()
    desktop = agent_desktop(browser, server, api_key, center, center.agent)
    interaction = center.interaction("sms", customer, proxy_address=number)
    accept_first_offer(desktop)
    view = task_view(desktop, center.task_of(interaction)["attributes"]["conversationSid"])
    bodies = ['<script>window.__ran = "script"</script>', '<img src="x" onerror="window.__ran = \'img\'">']
    for body in bodies:
        customer_writes(raw, "sms", customer, number, body)
        view.find_element(By.CSS_SELECTOR, ".body").send_keys(body, Keys.ENTER)
    until(desktop, lambda d: message_texts(view).count(bodies[0]) == 2 and message_texts(view).count(bodies[1]) == 2,
          "the markup is not shown as text")
    simulator = browser()
    sign_in(simulator, server.base_url, agent_token(server.account_sid, api_key, center.workspace.sid, center.agent.sid, "agent.ann"),
            path="/sandbox")
    open_handset(simulator, customer)
    until(simulator, lambda d: [e.text for e in d.find_elements(By.CSS_SELECTOR, "#messages .text")] == bodies,
          "the simulator does not show the markup as text")
    for window in (desktop, simulator):
        assert window.execute_script("return window.__ran === undefined")
        assert window.find_elements(By.CSS_SELECTOR, ".messages img, .messages script") == []
        assert console_errors(window) == []


def test_an_agent_at_phone_width_takes_and_answers_a_task_with_the_keyboard_alone(server, client, raw, api_key, browser):
    center = ContactCenter(client)
    customer, number = customer_number(), customer_number()
    desktop = agent_desktop(browser, server, api_key, center, center.agent, size=PHONE)
    interaction = center.interaction("sms", customer, proxy_address=number, initiated_by="customer")
    until(desktop, lambda d: reservation_cards(d), "no offer")

    def tab_to(selector, limit=60):
        for _ in range(limit):
            if desktop.execute_script("return document.activeElement.matches(arguments[0])", selector):
                return desktop.switch_to.active_element
            desktop.switch_to.active_element.send_keys(Keys.TAB)
        pytest.fail(f"{selector} cannot be reached with Tab", pytrace=False)

    desktop.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    tab_to("#reservations .accept").send_keys(Keys.ENTER)
    view = task_view(desktop, center.task_of(interaction)["attributes"]["conversationSid"])
    tab_to("#tasks .task .body").send_keys("Typed without a mouse", Keys.ENTER)
    got = received(raw, customer)
    assert [m["body"] for m in got] == ["Typed without a mouse"]
    assert "Typed without a mouse" in message_texts(view)
    assert desktop.execute_script("return document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways at phone width"
    screenshot(desktop, "phone-width-keyboard")
    assert console_errors(desktop) == []
