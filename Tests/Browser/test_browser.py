"""End-to-end checks in a real headless Chromium against a running `mentore serve`.

Environment: BASE_URL (the server), OUT (where screenshots and HTML for the checker go).
Every page visited is checked with axe-core (no WCAG 2.1 A/AA violation) and its HTML is saved
for the Nu HTML checker, which `make test` runs afterwards on the whole folder.
"""
import datetime
import email
import email.policy
import hashlib
import json
import os
import re
import sqlite3
import subprocess
import time
import urllib.error
import urllib.request

import pytest
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait
from selenium_axe_python import Axe
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException


def staleness_of(element):
    """`expected_conditions.staleness_of`, also when Chrome answers for a node of a page that has
    just been replaced with an inspector error ("does not belong to the document") instead of a
    stale element: the page changed either way."""
    def predicate(_):
        try:
            element.is_enabled()
            return False
        except StaleElementReferenceException:
            return True
        except WebDriverException as error:
            if "does not belong to the document" in str(error):
                return True
            raise
    return predicate

BASE = os.environ.get("BASE_URL", "http://127.0.0.1:8099")
OUT = os.environ.get("OUT", ".build/screenshots")
HTML_OUT = os.path.join(OUT, "html")
PASSWORD = "mentore-demo"
ROLES = {
    "admin@mentore.test": ("/admin", ["/admin/organizers", "/admin/partners", "/admin/venues", "/admin/venues/new",
                                      "/admin/events", "/admin/events/new", "/admin/circuits",
                                      "/admin/circuits/0000d000-0000-4000-8000-000000000301/steps",
                                      "/admin/circuits/0000d000-0000-4000-8000-000000000301/stats",
                                      "/admin/circuits/new", "/admin/audit", "/admin/settlements", "/account"]),
    "mentor@mentore.test": ("/mentor", ["/account", "/account/tokens", "/organizers/apply", "/mentor/impact"]),
    "partner@mentore.test": ("/partner", ["/partner/0000d000-0000-4000-8000-000000000002/vouchers",
                                          "/partner/0000d000-0000-4000-8000-000000000002/vouchers/bulk",
                                          "/partner/0000d000-0000-4000-8000-000000000002/waiting"]),
    "organizer@mentore.test": ("/organizer", ["/door",
                                              "/organizer/0000d000-0000-4000-8000-000000000001/settlements"]),
    "door@mentore.test": ("/door", []),
}
os.makedirs(HTML_OUT, exist_ok=True)


def make_driver(width=1280, height=900):
    options = webdriver.ChromeOptions()
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", f"--window-size={width},{height}",
                "--lang=it"):
        options.add_argument(arg)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


@pytest.fixture
def driver():
    d = make_driver()
    yield d
    d.quit()


def slug(path):
    return re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-") or "home"


def check_page(d, name):
    """Screenshot, axe-core and the served HTML (fetched again with the browser's cookies)."""
    d.save_screenshot(os.path.join(OUT, f"{name}.png"))
    axe = Axe(d)
    axe.inject()
    results = axe.run(options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})
    problems = [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in results["violations"]]
    assert problems == [], f"{name}: axe violations {problems}"
    cookie = "; ".join(f"{c['name']}={c['value']}" for c in d.get_cookies())
    request = urllib.request.Request(d.current_url, headers={"Cookie": cookie})
    try:
        with urllib.request.urlopen(request) as response:
            html = response.read()
    except urllib.error.HTTPError as error:
        # Error pages are pages too: their HTML is checked like any other.
        html = error.read()
    with open(os.path.join(HTML_OUT, f"{name}.html"), "wb") as f:
        f.write(html)


def choose_language(d, language):
    d.get(f"{BASE}/language/{language}?next=%2F")
    assert d.find_element(By.TAG_NAME, "html").get_attribute("lang") == language


@pytest.mark.parametrize("language", ["it", "sq", "en"])
def test_public_pages_in_each_language(driver, language):
    choose_language(driver, language)
    headline = driver.find_element(By.TAG_NAME, "h1").text
    assert headline
    check_page(driver, f"{language}-home")
    driver.find_element(By.CSS_SELECTOR, ".main-nav a[href='/events']").click()
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == language
    check_page(driver, f"{language}-events")
    driver.find_element(By.CSS_SELECTOR, ".event-card h3 a").click()
    check_page(driver, f"{language}-event")
    driver.find_element(By.CSS_SELECTOR, ".main-nav a[href='/circuits']").click()
    check_page(driver, f"{language}-circuits")
    driver.find_element(By.CSS_SELECTOR, f"a[href='{DEMO_CIRCUIT}']").click()
    steps = driver.find_elements(By.CSS_SELECTOR, ".timeline-step")
    assert len(steps) == 3, "the demo circuit's three steps, as a timeline"
    check_page(driver, f"{language}-circuit")
    for path in ("/login", "/signup", "/password/forgot"):
        driver.get(BASE + path)
        check_page(driver, f"{language}-{slug(path)}")


def test_home_pages_differ_by_language(driver):
    titles = set()
    for language in ("it", "sq", "en"):
        choose_language(driver, language)
        titles.add(driver.find_element(By.TAG_NAME, "h1").text)
    assert len(titles) == 3


def keyboard_login(d, email):
    """Logs in with the keyboard alone: Tab to each field, type, Enter to submit."""
    d.get(BASE + "/login")
    body = d.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    assert d.switch_to.active_element.get_attribute("class") == "skip-link"
    email_field = d.find_element(By.ID, "f-email")
    for _ in range(30):
        if d.switch_to.active_element == email_field:
            break
        d.switch_to.active_element.send_keys(Keys.TAB)
    assert d.switch_to.active_element == email_field, "the e-mail field is reachable with Tab"
    email_field.send_keys(email)
    d.switch_to.active_element.send_keys(Keys.TAB)
    assert d.switch_to.active_element.get_attribute("id") == "f-password"
    d.switch_to.active_element.send_keys(PASSWORD + Keys.ENTER)


@pytest.mark.parametrize("email", list(ROLES))
def test_each_role_logs_in_and_reaches_its_dashboard(driver, email):
    home, pages = ROLES[email]
    keyboard_login(driver, email)
    WebDriverWait(driver, 10).until(lambda d: d.current_url.rstrip("/").endswith(home))
    role = email.split("@")[0]
    check_page(driver, f"{role}-dashboard")
    for path in pages:
        driver.get(BASE + path)
        assert driver.find_element(By.TAG_NAME, "h1").text
        check_page(driver, f"{role}-{slug(path)}")


def test_door_staff_are_refused_admin_pages(driver):
    keyboard_login(driver, "door@mentore.test")
    WebDriverWait(driver, 10).until(lambda d: d.current_url.endswith("/door"))
    driver.get(BASE + "/admin")
    check_page(driver, "door-refused-admin")
    status = urllib.request.Request(BASE + "/admin", headers={
        "Cookie": "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies())})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(status)
    assert refused.value.code == 403


def api_status(path, token):
    request = urllib.request.Request(BASE + path, headers={"Authorization": f"Bearer {token}"})
    try:
        with urllib.request.urlopen(request) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_a_mentor_makes_an_api_token_sees_it_once_uses_it_and_revokes_it(driver):
    keyboard_login(driver, "mentor@mentore.test")
    WebDriverWait(driver, 10).until(lambda d: d.current_url.endswith("/mentor"))
    driver.get(BASE + "/account")
    driver.find_element(By.CSS_SELECTOR, "a[href='/account/tokens']").click()
    label = WebDriverWait(driver, 10).until(lambda d: d.find_element(By.ID, "f-label"))
    label.send_keys("Browser test" + Keys.ENTER)
    secret = WebDriverWait(driver, 10).until(lambda d: d.find_element(By.ID, "secret-value"))
    token = secret.get_attribute("value")
    assert token.startswith("mnt_")
    check_page(driver, "mentor-token-made")
    assert api_status("/api/v1/contributions", token) == 200
    driver.get(BASE + "/account/tokens")
    assert token not in driver.page_source, "a token is shown only once"
    row = driver.find_element(By.XPATH, f"//tr[td[contains(., '{token[-4:]}')]]")
    row.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "p.notice"))
    check_page(driver, "mentor-token-revoked")
    assert api_status("/api/v1/contributions", token) == 401


def test_a_form_error_is_shown_beside_its_field(driver):
    choose_language(driver, "en")
    driver.get(BASE + "/signup")
    driver.find_element(By.ID, "f-email").send_keys("not-an-address")
    driver.find_element(By.CSS_SELECTOR, "form.stack button[type=submit]").click()
    error = WebDriverWait(driver, 10).until(lambda d: d.find_element(By.ID, "email-error"))
    assert error.text == "This e-mail address is not valid."
    assert driver.find_element(By.ID, "f-email").get_attribute("aria-invalid") == "true"
    check_page(driver, "en-signup-errors")


def test_a_refused_csv_list_shows_every_problem_in_an_accessible_table(driver):
    keyboard_login(driver, "partner@mentore.test")
    WebDriverWait(driver, 10).until(lambda d: d.current_url.endswith("/partner"))
    choose_language(driver, "en")
    driver.get(BASE + "/partner/0000d000-0000-4000-8000-000000000002/vouchers/bulk")
    driver.find_element(By.ID, "f-rows").send_keys("name,language\nDrita,fr\nDrita,sq\nDrita,sq\n")
    driver.find_element(By.CSS_SELECTOR, "form.stack button[type=submit]").click()
    heading = WebDriverWait(driver, 10).until(lambda d: d.find_element(By.ID, "problems-heading"))
    assert heading.text == "Problems in the list"
    rows = [r.text for r in driver.find_elements(By.CSS_SELECTOR, "table tbody tr")]
    assert rows == ["2 language This value is not valid.", "4 — This person is already in an earlier row."], rows
    assert "Nobody received a voucher" in driver.find_element(By.CSS_SELECTOR, ".form-error").text
    check_page(driver, "en-partner-bulk-refused")


def sign_in_as(d, email):
    d.delete_all_cookies()
    keyboard_login(d, email)
    WebDriverWait(d, 10).until(lambda d: "/login" not in d.current_url)


def wait_for_mail(recipient, seconds=30):
    """The first message the test SMTP server received for `recipient`, parsed."""
    directory = os.environ["SMTP_TEST_DIR"]
    deadline = time.time() + seconds
    while time.time() < deadline:
        for name in sorted(os.listdir(directory)):
            if not name.endswith(".eml"):
                continue
            with open(os.path.join(directory, name), "rb") as f:
                envelope, _, data = f.read().partition(b"\r\n")
            if recipient.encode() in envelope:
                return email.message_from_bytes(data, policy=email.policy.default)
        time.sleep(0.5)
    raise AssertionError(f"no message for {recipient} within {seconds} s")


def test_a_mentor_funds_three_places_a_partner_gives_them_and_the_albanian_mail_carries_the_qr(driver):
    """Mentor sponsors 3 places in the demo circuit (demo payment), an admin gives them to Dora e
    Pajtimit, the coordinator gives them to three people, one in Albanian by e-mail: the message
    reaches the SMTP server in Albanian with a QR that decodes (zbarimg) to that voucher's page."""
    sign_in_as(driver, "mentor@mentore.test")
    driver.get(BASE + DEMO_CIRCUIT)
    driver.find_element(By.CSS_SELECTOR, "a[href='/funds/0000d000-0000-4000-8000-000000000204']").click()
    Select(driver.find_element(By.ID, "f-kind")).select_by_value("places")
    places = driver.find_element(By.ID, "f-places")
    places.clear()
    places.send_keys("3")
    Select(driver.find_element(By.ID, "f-provider")).select_by_value("demo")
    driver.find_element(By.CSS_SELECTOR, "form.stack button[type=submit]").click()
    WebDriverWait(driver, 10).until(lambda d: re.search(r"/contributions/[0-9a-f-]{36}$", d.current_url))
    contribution = driver.current_url.rsplit("/", 1)[1]
    check_page(driver, "mentor-contribution-paid")

    sign_in_as(driver, "admin@mentore.test")
    driver.get(f"{BASE}/admin/contributions/{contribution}/vouchers")
    Select(driver.find_element(By.ID, "f-partner")).select_by_visible_text("Dora e Pajtimit")
    driver.find_element(By.CSS_SELECTOR, "form[action$='/allocate'] button[type=submit]").click()
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".notice"))
    check_page(driver, "admin-contribution-vouchers-allocated")

    sign_in_as(driver, "partner@mentore.test")
    driver.get(BASE + "/partner/0000d000-0000-4000-8000-000000000002/vouchers/bulk")
    group = Select(driver.find_element(By.ID, "f-group"))
    circuit = [o.get_attribute("value") for o in group.options if o.get_attribute("value").startswith("circuit:")]
    assert circuit, "the three sponsored places in the circuit are the partner's to give"
    group.select_by_value(circuit[0])
    recipient = f"drita-{int(time.time())}@example.org"
    driver.find_element(By.ID, "f-rows").send_keys(
        f"name,email,language,delivery\nDrita,{recipient},sq,email\nGiulia,,it,print\nMark,,en,print\n")
    driver.find_element(By.CSS_SELECTOR, "form.stack button[type=submit]").click()
    notice = WebDriverWait(driver, 10).until(lambda d: d.find_element(By.CSS_SELECTOR, ".notice"))
    assert "3" in notice.text
    check_page(driver, "partner-bulk-done")

    message = wait_for_mail(recipient)
    assert message["Subject"] == "Vauçeri juaj Mentore"
    assert message["Content-Language"] == "sq"
    text = message.get_body(preferencelist=("plain",)).get_content()
    assert "Përshëndetje Drita" in text
    pngs = [part.get_content() for part in message.iter_attachments() if part.get_content_type() == "image/png"]
    assert len(pngs) == 1
    path = os.path.join(OUT, "voucher-qr-from-mail.png")
    with open(path, "wb") as f:
        f.write(pngs[0])
    decoded = subprocess.run(["zbarimg", "--raw", "-q", path], capture_output=True, text=True, check=True)
    url = decoded.stdout.strip()
    assert re.fullmatch(re.escape(BASE) + r"/v/[0-9A-Z]{20}", url), url
    assert url in text, "the QR and the link in the message are the same voucher"
    driver.delete_all_cookies()
    driver.get(url)
    assert driver.find_element(By.TAG_NAME, "h1").text
    titles = ("Dal filo al mercato", "Nga peri te tregu", "From craft to market")
    assert any(title in driver.page_source for title in titles), "the voucher names its circuit"
    check_page(driver, "voucher-opened-from-mail")
    walk_the_circuit_in_albanian(driver, url)


def walk_the_circuit_in_albanian(d, url):
    """Drita, nominated in Albanian, opens her voucher without an account (the browser asks for
    Italian: the page speaks her language), books each step of the circuit in order, gets the
    calendar file, is admitted at each step (the door's checks, from the command line), then
    opens her certificate and checks it at its public address; a forged code is refused."""
    code = url.rsplit("/", 1)[1]
    d.delete_all_cookies()
    d.get(url)
    assert d.find_element(By.TAG_NAME, "html").get_attribute("lang") == "sq"
    assert "Rrugëtimi juaj" in d.page_source and "Hapa të ndjekur: 0 nga 3" in d.page_source
    check_page(d, "journey-start-sq")
    sessions = []
    for step in range(3):
        form = d.find_element(By.CSS_SELECTOR, "li.step-open form[action$='/reservations']")
        sessions.append(form.find_element(By.NAME, "session").get_attribute("value"))
        page = d.find_element(By.TAG_NAME, "html")
        form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        # The previous reservation's page already has done=reserved in its address: wait for
        # the new page itself (the address alone let the count read the old or a half-loaded one).
        WebDriverWait(d, 10).until(staleness_of(page))
        WebDriverWait(d, 10).until(lambda d: "done=reserved" in d.current_url)
        assert "Vendi juaj është rezervuar" in d.page_source
        assert len(d.find_elements(By.CSS_SELECTOR, "li.step-reserved")) == step + 1
    check_page(d, "journey-reserved-sq")
    # When each reserved step starts, from its calendar file (in step order).
    # The links read in one script: no element handle to go stale between two reads.
    links = WebDriverWait(d, 10).until(lambda d: d.execute_script(
        "const links = Array.from(document.querySelectorAll('li.step-reserved a[download]'), a => a.href);"
        " return links.length === 3 ? links : null"))
    starts = []
    for link in links:
        with urllib.request.urlopen(link) as response:
            start = re.search(r"DTSTART:(\d{8}T\d{6}Z)", response.read().decode()).group(1)
        starts.append(datetime.datetime.strptime(start, "%Y%m%dT%H%M%SZ"))
    assert len(starts) == 3, starts
    calendar = d.find_element(By.CSS_SELECTOR, "li.step-reserved a[download]").get_attribute("href")
    with urllib.request.urlopen(calendar) as response:
        assert response.headers["Content-Type"].startswith("text/calendar")
        ics = response.read().decode()
    assert ics.startswith("BEGIN:VCALENDAR") and "DTSTART:" in ics and "Ekspozita e tekstilit shqiptar" in ics
    # The door staff (Italian) see her expected at the first step, ready to come in; at the
    # second, waiting for the first.
    sign_in_as(d, "door@mentore.test")
    d.get(f"{BASE}/door")
    d.find_element(By.CSS_SELECTOR, f"a[href='/door/sessions/{sessions[0]}']").click()
    WebDriverWait(d, 10).until(lambda d: d.current_url.endswith(sessions[0]))
    row = [r.text for r in d.find_elements(By.CSS_SELECTOR, "tbody tr") if "Drita" in r.text]
    assert row and "Può entrare" in row[0] and "tappa 1 di 3" in row[0], row
    check_page(d, "door-expected-it")
    d.get(f"{BASE}/door/sessions/{sessions[1]}")
    row = [r.text for r in d.find_elements(By.CSS_SELECTOR, "tbody tr") if "Drita" in r.text]
    assert row and "tappa 2 di 3" in row[0] and "Può entrare" not in row[0], row
    d.delete_all_cookies()
    # The door admits on the session's day only: each admission is recorded as made a minute
    # after its session started (`--at`, as an offline device's scan time).
    printed = None
    for index, session in enumerate(sessions):
        came_in = (starts[index] + datetime.timedelta(minutes=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
        done = subprocess.run(
            [".build/debug/mentore", "door", "admit", "--code", code, "--session", session, "--at", came_in],
            capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        printed = re.search(r"[0-9A-Z]{20}", done.stdout) if index == 2 else printed
    again = subprocess.run(
        [".build/debug/mentore", "door", "admit", "--code", code, "--session", sessions[0],
         "--at", (starts[0] + datetime.timedelta(minutes=2)).strftime("%Y-%m-%dT%H:%M:%SZ")],
        capture_output=True, text=True)
    assert again.returncode == 1, "a second admission of a step is refused"
    assert printed, "the last admission completes the circuit and names its certificate"
    certificate = printed.group(0)
    d.get(url)
    assert "Hapa të ndjekur: 3 nga 3" in d.page_source
    check_page(d, "journey-complete-sq")
    d.find_element(By.CSS_SELECTOR, ".journey a[href$='/certificate']").click()
    WebDriverWait(d, 10).until(lambda d: d.current_url.endswith("/certificate"))
    assert d.find_element(By.TAG_NAME, "html").get_attribute("lang") == "sq"
    for text in ("Certifikatë", "Drita", "Nga peri te tregu", "Hapat e ndjekur", certificate[:4]):
        assert text in d.page_source, text
    check_page(d, "certificate-sq")
    d.get(f"{BASE}/certificates/{certificate}")
    assert "Drita" in d.page_source and "Mentore" in d.page_source
    check_page(d, "certificate-check")
    forged = certificate[:5] + ("A" if certificate[5] != "A" else "B") + certificate[6:]
    d.get(f"{BASE}/certificates/{forged}")
    assert "Drita" not in d.page_source
    check_page(d, "certificate-forged")
    with urllib.request.urlopen(f"{BASE}/certificates/{certificate}/credential.json") as response:
        credential = response.read().decode()
    assert '"OpenBadgeCredential"' in credential and '"eddsa-jcs-2022"' in credential
    with urllib.request.urlopen(f"{BASE}/certificates/issuer") as response:
        issuer = json.loads(response.read())
    assert verify_eddsa_jcs_2022(json.loads(credential), issuer), "the credential's proof verifies"


DRAG = """
const [from, to] = arguments;
const data = new DataTransfer();
const fire = (target, type, y) => target.dispatchEvent(
  new DragEvent(type, {bubbles: true, cancelable: true, dataTransfer: data, clientY: y}));
const box = to.getBoundingClientRect();
fire(from, "dragstart", 0);
fire(to, "dragover", box.top + 1);
fire(to, "drop", box.top + 1);
fire(from, "dragend", 0);
"""


def test_an_admin_drags_a_step_into_a_new_place_and_back(driver):
    """The steps table of the composer: the up and down buttons work without JavaScript; with
    it, a row dragged above another is saved in its new place (the draft: published vouchers
    keep their version)."""
    sign_in_as(driver, "admin@mentore.test")
    path = "/admin/circuits/0000d000-0000-4000-8000-000000000301/steps"
    driver.get(BASE + path)
    assert driver.find_element(By.CSS_SELECTOR, ".reorder-hint").is_displayed()
    check_page(driver, "admin-steps-draggable")

    def titles():
        return [r.find_elements(By.TAG_NAME, "td")[1].text for r in driver.find_elements(By.CSS_SELECTOR, "tbody tr")]

    before = titles()
    assert len(before) == 3, before
    def drag(source, target):
        rows = driver.find_elements(By.CSS_SELECTOR, "tbody tr")
        page = driver.find_element(By.TAG_NAME, "html")
        driver.execute_script(DRAG, rows[source], rows[target])
        # The new order is posted and the page comes back from the server.
        WebDriverWait(driver, 10).until(staleness_of(page))
        assert "Tappe salvate" in driver.page_source

    drag(2, 0)
    assert titles() == [before[2], before[0], before[1]]
    # Dropped on the upper half of the last row: it goes just above it.
    drag(0, 2)
    assert titles() == [before[0], before[2], before[1]], titles()
    page = driver.find_element(By.TAG_NAME, "html")
    driver.find_elements(By.CSS_SELECTOR, "tbody tr")[2].find_elements(By.CSS_SELECTOR, "button")[0].click()
    WebDriverWait(driver, 10).until(staleness_of(page))
    assert titles() == before


BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def base58_decode(text):
    number = 0
    for character in text:
        number = number * 58 + BASE58.index(character)
    raw = number.to_bytes((number.bit_length() + 7) // 8, "big") if number else b""
    return b"\0" * (len(text) - len(text.lstrip("1"))) + raw


def jcs(value):
    """RFC 8785 for documents without fractional numbers."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def verify_eddsa_jcs_2022(document, issuer):
    """An independent check of a Data Integrity proof (W3C vc-di-eddsa, eddsa-jcs-2022) with the
    `cryptography` package: the key comes from the issuer's profile (Multikey, ed25519-pub)."""
    proof = dict(document["proof"])
    signature = base58_decode(proof.pop("proofValue")[1:])
    proof["@context"] = document["@context"]
    unsigned = {k: v for k, v in document.items() if k != "proof"}
    data = hashlib.sha256(jcs(proof)).digest() + hashlib.sha256(jcs(unsigned)).digest()
    method = next(m for m in issuer["verificationMethod"] if m["id"] == document["proof"]["verificationMethod"])
    key_bytes = base58_decode(method["publicKeyMultibase"][1:])
    assert key_bytes[:2] == b"\xed\x01"
    try:
        Ed25519PublicKey.from_public_bytes(key_bytes[2:]).verify(signature, data)
        return True
    except InvalidSignature:
        return False


@pytest.mark.parametrize("path", ["/", "/events", "/login", "/signup"])
def test_pages_fit_a_360_pixel_phone(path):
    d = make_driver(360, 780)
    try:
        # Headless Chromium keeps windows wider than a phone: emulate the device's viewport instead.
        d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                          {"width": 360, "height": 780, "deviceScaleFactor": 2, "mobile": True})
        d.get(BASE + path)
        assert d.execute_script("return window.innerWidth") == 360
        width = d.execute_script("return document.documentElement.scrollWidth")
        assert width <= 360, f"{path} scrolls sideways ({width}px)"
        d.save_screenshot(os.path.join(OUT, f"phone-{slug(path)}.png"))
    finally:
        d.quit()


# Visible text that did not come from the catalogs: in en-XA every catalog word is accented and
# bracketed and every placeable value is isolated (U+2068…U+2069), so plain ASCII letters left
# over are words typed into code or templates. Data is exempt where the page marks it as such:
# translate="no", another lang="…", or <time>.
LEFTOVER_TEXT = """
const out = [];
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
while (walker.nextNode()) {
  const node = walker.currentNode, el = node.parentElement;
  if (!el || el.closest('script,style,textarea,time,[translate="no"],[hidden]')) continue;
  const langEl = el.closest('[lang]');
  if (langEl && langEl.getAttribute('lang') !== 'en-XA') continue;
  if (!el.getClientRects().length) continue;
  const text = node.textContent.replace(/\\u2068[^\\u2069]*\\u2069/g, '');
  if (/[A-Za-z]/.test(text)) out.push(text.trim());
}
return out;
"""

DEMO_CIRCUIT = "/circuits/0000d000-0000-4000-8000-000000000301"
PSEUDO_PAGES = ["/", "/events", "/events?kind=culture", "/circuits", DEMO_CIRCUIT, "/login", "/signup",
                "/password/forgot", "/no-such-page"]


def test_every_public_page_in_the_pseudo_locale_comes_from_the_catalogs(driver):
    choose_language(driver, "en-XA")
    driver.get(BASE + "/events")
    event = driver.find_element(By.CSS_SELECTOR, ".event-card h3 a").get_attribute("href")
    for path in PSEUDO_PAGES + [event.replace(BASE, "")]:
        driver.get(BASE + path)
        assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en-XA"
        leftovers = driver.execute_script(LEFTOVER_TEXT)
        assert leftovers == [], f"{path}: text not from the catalogs: {leftovers[:10]}"
        check_page(driver, f"en-xa-{slug(path)}")


SKIP_LINKS = re.compile(r"/(language|logout)(/|$)|/static/|^/api/|\.(ics|pdf|png|svg|json)$")


@pytest.mark.parametrize("email", list(ROLES))
def test_every_signed_in_page_in_the_pseudo_locale_comes_from_the_catalogs(driver, email):
    """Each role's dashboard and every page linked from its pages (two levels), in en-XA."""
    home, pages = ROLES[email]
    keyboard_login(driver, email)
    WebDriverWait(driver, 10).until(lambda d: "/login" not in d.current_url)
    choose_language(driver, "en-XA")
    queue, seen = [(home, 0)] + [(p, 1) for p in pages], set()
    while queue and len(seen) < 30:
        path, depth = queue.pop(0)
        if path in seen:
            continue
        seen.add(path)
        driver.get(BASE + path)
        assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en-XA"
        # Options naming organisations and venues are data; the rest must be catalog text.
        leftovers = [t for t in driver.execute_script(LEFTOVER_TEXT) if t not in OPTION_DATA(driver)]
        assert leftovers == [], f"{email} {path}: text not from the catalogs: {leftovers[:10]}"
        check_page(driver, f"en-xa-{email.split('@')[0]}-{slug(path)}")
        if depth < 2:
            for href in driver.execute_script(
                "return [...document.querySelectorAll('main a[href^=\"/\"]')].map(a => a.getAttribute('href'))"
            ):
                href = href.split("#")[0]
                if href and not SKIP_LINKS.search(href) and href not in seen:
                    queue.append((href, depth + 1))
    assert len(seen) >= 1 + len(pages)


def OPTION_DATA(d):
    return set(d.execute_script(
        "return [...document.querySelectorAll('select option')].filter(o => /^[0-9a-f-]{36}$/i.test(o.value))"
        ".map(o => o.textContent.trim())"))


def test_door_staff_admit_see_already_used_undo_and_admit_again(driver, tmp_path):
    """At the door, in the door staff's language (Italian), with the keyboard as a USB scanner
    types: the bench's session of today, a beneficiary admitted, the same voucher's QR address
    scanned again says already used, the admission undone with a reason, admitted again."""
    codes = tmp_path / "codes.txt"
    made = subprocess.run(
        [".build/debug/mentore", "seed", "--bench", "1", "--out", str(codes)], capture_output=True, text=True)
    assert made.returncode == 0, made.stderr
    session, token = made.stdout.split()[-2:]
    assert token.startswith("mnd_")
    code = codes.read_text().split()[0]
    sign_in_as(driver, "door@mentore.test")
    choose_language(driver, "it")  # an earlier test may have left the pseudo-locale chosen
    driver.get(f"{BASE}/door")
    driver.find_element(By.CSS_SELECTOR, f"a[href='/door/sessions/{session}/scan']").click()
    WebDriverWait(driver, 10).until(lambda d: d.current_url.endswith("/scan"))
    assert driver.switch_to.active_element.get_attribute("id") == "f-code", "the code field has the focus"
    check_page(driver, "door-scanner-it")

    def scan(text):
        page = driver.find_element(By.TAG_NAME, "html")
        driver.switch_to.active_element.send_keys(text + Keys.ENTER)
        WebDriverWait(driver, 10).until(staleness_of(page))
        return driver.find_element(By.CSS_SELECTOR, "[data-result]")

    first = scan(code)
    assert first.get_attribute("data-result") == "admitted", first.text
    assert "Ingresso registrato" in first.text and "Ospite" in first.text, "the name to check against the person"

    assert driver.switch_to.active_element.get_attribute("id") == "f-code", "ready for the next one"
    check_page(driver, "door-admitted-it")
    second = scan(f"{BASE}/v/{code}")
    assert second.get_attribute("data-result") == "already" and "Già usato" in second.text, second.text
    check_page(driver, "door-already-used-it")
    page = driver.find_element(By.TAG_NAME, "html")
    driver.find_element(By.ID, "f-reason").send_keys("Prova di annullamento" + Keys.ENTER)
    WebDriverWait(driver, 10).until(staleness_of(page))
    assert "L'ingresso è stato annullato" in driver.page_source
    assert "annullato: Prova di annullamento" in driver.find_element(By.CSS_SELECTOR, ".scan-recent").text
    third = scan(code.lower())
    assert third.get_attribute("data-result") == "admitted", third.text
    with urllib.request.urlopen(urllib.request.Request(
            f"{BASE}/api/v1/sessions/{session}/checkin", headers={"Authorization": f"Bearer {token}"})) as response:
        checkin = json.loads(response.read())
    assert checkin["session"]["admitted"] >= 1


def api_post(path, token, body):
    request = urllib.request.Request(BASE + path, data=json.dumps(body).encode(), method="POST", headers={
        "Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    with urllib.request.urlopen(request) as response:
        return json.loads(response.read())


def test_an_admin_settles_an_organizer_reads_the_statement_and_marks_it_paid(driver, tmp_path):
    """Two admissions at the bench's door, moved two days back (a period must be over to be
    settled); an admin settles that day, opens the statement (the organizer's language:
    Italian), marks it paid with the transfer's reference."""
    import datetime
    import zoneinfo
    codes = tmp_path / "codes.txt"
    made = subprocess.run(
        [".build/debug/mentore", "seed", "--bench", "2", "--out", str(codes)], capture_output=True, text=True)
    assert made.returncode == 0, made.stderr
    session, token = made.stdout.split()[-2:]
    admitted = []
    for index, code in enumerate(codes.read_text().split()[:2]):
        answer = api_post("/api/v1/redemptions", token, {"code": code, "session_id": session, "nonce": f"s{index}"})
        assert answer["result"] == "admitted", answer
        admitted.append(answer["redemption"]["id"])
    database = os.environ["DATABASE_URL"].removeprefix("sqlite:")
    with sqlite3.connect(database) as db:  # dates are stored as Unix seconds, ids as upper-case text
        for redemption in admitted:
            moved = db.execute("UPDATE redemptions SET admitted_at = admitted_at - 172800 WHERE id = ?",
                               (redemption.upper(),))
            assert moved.rowcount == 1
    day = (datetime.datetime.now(zoneinfo.ZoneInfo("Europe/Rome")) - datetime.timedelta(days=2)).date().isoformat()

    sign_in_as(driver, "admin@mentore.test")
    choose_language(driver, "it")
    driver.get(BASE + "/admin/settlements")
    Select(driver.find_element(By.ID, "f-organizer")).select_by_visible_text("Bench")
    for field in ("f-first", "f-last"):
        driver.execute_script("arguments[0].value = arguments[1]", driver.find_element(By.ID, field), day)
    driver.find_element(By.CSS_SELECTOR, "form.stack button[type=submit]").click()
    notice = WebDriverWait(driver, 10).until(lambda d: d.find_element(By.CSS_SELECTOR, "p.notice"))
    assert "liquidazione è pronta" in notice.text
    check_page(driver, "admin-settlement-created-it")
    row = driver.find_element(By.XPATH, "//tr[td[contains(., 'Bench')]]")
    assert "2 ingressi" in row.text
    row.find_element(By.PARTIAL_LINK_TEXT, "Rendiconto").click()
    WebDriverWait(driver, 10).until(lambda d: "/settlements/" in d.current_url)
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "it"
    assert len(driver.find_elements(By.CSS_SELECTOR, ".statement tbody tr")) == 2
    check_page(driver, "settlement-statement-it")
    page = driver.find_element(By.TAG_NAME, "html")
    driver.find_element(By.ID, "f-reference").send_keys("BONIFICO-42" + Keys.ENTER)
    # The new page first: an element of the old one goes stale between finding and reading it.
    WebDriverWait(driver, 10).until(staleness_of(page))
    WebDriverWait(driver, 10).until(lambda d: "Pagata in data" in d.find_element(By.CSS_SELECTOR, ".statement").text)
    assert "BONIFICO-42" in driver.page_source
    assert not driver.find_elements(By.ID, "f-reference"), "paid once"
    check_page(driver, "settlement-paid-it")
    csv_link = driver.find_element(By.PARTIAL_LINK_TEXT, "CSV").get_attribute("href")
    request = urllib.request.Request(csv_link, headers={
        "Cookie": "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies())})
    with urllib.request.urlopen(request) as response:
        rows = response.read().decode().strip().split("\r\n")
    assert rows[0].startswith("Quando,") and len(rows) == 4, rows


def checkin(session, token):
    request = urllib.request.Request(f"{BASE}/api/v1/sessions/{session}/checkin",
                                     headers={"Authorization": f"Bearer {token}"})
    with urllib.request.urlopen(request) as response:
        return json.loads(response.read())


def test_the_scanner_admits_without_a_network_and_syncs_when_it_returns(driver, tmp_path):
    """The network cut through DevTools: two vouchers admitted on the device by code, a repeat
    refused, a third by its QR's signed token (an altered token refused); the network back: the
    kept scans are sent and the server shows each admission once."""
    codes = tmp_path / "codes.txt"
    made = subprocess.run(
        [".build/debug/mentore", "seed", "--bench", "3", "--out", str(codes)], capture_output=True, text=True)
    assert made.returncode == 0, made.stderr
    session, token = made.stdout.split()[-2:]
    first, second, third = codes.read_text().split()[:3]
    # The third voucher's QR, read as a camera would: its URL and, after #t=, its signed token.
    qr = tmp_path / "qr.png"
    urllib.request.urlretrieve(f"{BASE}/v/{third}/qr.png", qr)
    url = subprocess.run(["zbarimg", "--quiet", "--raw", str(qr)], capture_output=True, text=True).stdout.strip()
    signed = url.split("#t=")[1]
    tampered = signed[:-3] + ("AAA" if signed[-3:] != "AAA" else "BBB")
    sign_in_as(driver, "door@mentore.test")
    choose_language(driver, "it")
    driver.get(f"{BASE}/door/sessions/{session}/scan")
    assert driver.find_elements(By.CSS_SELECTOR, "link[rel=manifest]"), "installable"
    scope = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "navigator.serviceWorker.ready.then(r => done(r.scope), e => done(String(e)));")
    assert scope.endswith("/door/"), scope

    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.emulateNetworkConditions", {
        "offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})
    try:
        WebDriverWait(driver, 10).until(lambda d: d.execute_script("return navigator.onLine") is False)

        def scan(text, expected):
            driver.execute_script("var s = document.querySelector('[data-result]'); if (s) s.dataset.result = 'stale';")
            driver.find_element(By.ID, "f-code").send_keys(text + Keys.ENTER)
            WebDriverWait(driver, 10).until(
                lambda d: d.find_element(By.CSS_SELECTOR, "[data-result]").get_attribute("data-result") != "stale")
            result = driver.find_element(By.CSS_SELECTOR, "[data-result]")
            assert result.get_attribute("data-result") == expected, result.text
            return result.text

        assert "Ospite" in scan(first, "admitted")
        assert "Ospite" in scan(f"{BASE}/v/{second.lower()}", "admitted")
        assert "Ingresso già registrato" in scan(first, "already")
        # The token alone, checked with the downloaded key: an altered one is refused.
        assert scan("#t=" + tampered, "refused")
        assert "Ospite" in scan("#t=" + signed, "admitted")
        assert "Nessuna rete" in driver.find_element(By.CSS_SELECTOR, ".scan-offline").text
        check_page(driver, "door-offline-it")
        entries = {e["code_sha256"]: e for e in checkin(session, token)["entries"]}
        for code in (first, second):
            assert entries[hashlib.sha256(code.encode()).hexdigest()]["status"] == "expected", "not sent yet"
    finally:
        driver.execute_cdp_cmd("Network.emulateNetworkConditions", {
            "offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})

    WebDriverWait(driver, 15).until(
        lambda d: d.find_element(By.CSS_SELECTOR, ".scan-offline").get_attribute("data-synced") == "3")
    assert "Inviato: 3" in driver.find_element(By.CSS_SELECTOR, ".scan-offline").text
    entries = {e["code_sha256"]: e for e in checkin(session, token)["entries"]}
    for code in (first, second, third):
        assert entries[hashlib.sha256(code.encode()).hexdigest()]["status"] == "admitted"
    database = os.environ["DATABASE_URL"].removeprefix("sqlite:")
    with sqlite3.connect(database) as db:
        counts = db.execute(
            "SELECT COUNT(*) FROM redemptions r JOIN vouchers v ON v.id = r.voucher_id "
            "WHERE v.code IN (?, ?, ?) AND r.voided_at IS NULL", (first, second, third)).fetchone()
    assert counts[0] == 3, "each admitted once"
