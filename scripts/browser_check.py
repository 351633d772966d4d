#!/usr/bin/env python3
"""Browser check: starts Éclairage on a fresh database, creates the data every page needs, then visits
every page of Sources/EclairageWeb/Routes/pages.tsv in headless Chromium. Per page it reports axe-core
violations (WCAG 2.0/2.1 A and AA), DOM elements (outside <svg>), requests, bytes transferred and the
EcoIndex. Fails on any serious or critical violation, any page below grade A, any page wider than a
390 px phone, or any day written as ISO (2026-12-15) in a page's text. Then a visitor on a phone with
JavaScript off searches near "37 000" (typed with its space) and registers from the agenda.

Usage: python3 scripts/browser_check.py [--binary .build/debug/eclairage] [--port 8097]
Needs: chromium and chromium-driver (Debian), selenium<4.52 and selenium-axe-python==2.2.0 (PyPI)."""
import argparse
import http.cookiejar
import json
import os
import datetime
import re
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

sys.path.insert(0, os.path.dirname(__file__))
import ecoindex  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PAGES = os.path.join(ROOT, "Sources/EclairageWeb/Routes/pages.tsv")
PHONE_WIDTH = 390
# Realistic long values, so that a page that does not wrap them shows it at 390 px.
LONG_NAME = "Association des Amis du Quartier Saint-Pierre-des-Corps et des Rives du Cher"
LONG_EMAIL = "referente.protection-des-donnees@association-des-amis-du-quartier-saint-pierre.org"
LONG_URL = "https://visio.association-des-amis-du-quartier.example.org/salles/atelier-sauvegarde-des-donnees-2026"
LONG_PLACE = {
    "Espace numérique des Halles": "Espace public numérique des Halles et du Vieux-Tours – Maison des Associations Saint-Pierre-des-Corps",
    "accueil@espace-halles.example.org": LONG_EMAIL,
    "https://espace-halles.example.org/": LONG_URL,
    "1er étage, porte B": "1er étage, porte B, au fond de la cour intérieure de la Maison des Associations",
}
EMAIL, PASSWORD = "verification@example.org", "phrase de passe pour la verification"


class Client:
    """A cookie-keeping HTTP client that does not follow redirects."""

    class _NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    def __init__(self, base):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), self._NoRedirect)

    def request(self, path, fields=None):
        data = None
        if fields is not None:
            fields = dict(fields, _csrf=self.csrf())
            data = urllib.parse.urlencode(fields, doseq=True).encode()
        try:
            response = self.opener.open(self.base + path, data)
            return response.status, response.read().decode(), response.headers
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(), error.headers

    def post_raw(self, path, fields):
        """Posts the fields exactly as given (the caller supplies `_csrf`)."""
        data = urllib.parse.urlencode(fields, doseq=True).encode()
        try:
            response = self.opener.open(self.base + path, data)
            return response.status, response.read().decode(), response.headers
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(), error.headers

    def upload(self, path, field, filename, content):
        """Posts a file as a multipart form (token first), as the import page's form does."""
        boundary = "----eclairage-browser-check"
        parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n{self.csrf()}\r\n'.encode(),
                 f'--{boundary}\r\nContent-Disposition: form-data; name="{field}"; filename="{filename}"\r\n'
                 f'Content-Type: text/csv\r\n\r\n'.encode(), content, f"\r\n--{boundary}--\r\n".encode()]
        request = urllib.request.Request(self.base + path, data=b"".join(parts),
                                         headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
        try:
            response = self.opener.open(request)
            return response.status, response.read().decode(), response.headers
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(), error.headers

    def csrf(self):
        """The form token of this visitor: signed in, the one the session's pages carry; else the cookie's
        (the home page has no form when signed out, so sets none: the sign-in page does)."""
        for path in ("/", "/connexion"):
            _, body, _ = self.request(path)
            found = re.search(r'name="_csrf" value="([^"]+)"', body)
            if found:
                return found.group(1)
        for cookie in self.jar:
            if cookie.name in ("eclairage_csrf", "__Host-eclairage_csrf"):
                return cookie.value
        raise SystemExit("set-up failed: no anti-forgery token")

    def location(self, path, fields):
        status, body, headers = self.request(path, fields)
        if status != 303:
            raise SystemExit(f"set-up failed: POST {path} answered {status}\n{body[:500]}")
        return headers["Location"].replace(self.base, "")


def import_sample(client):
    """Uploads the sample file in the national schema as the signed-in administrator, waits for the
    scheduler job that checks it, applies it, and waits (a minute at most each) for the job that
    applies it: (import id, a place's id)."""
    with open(os.path.join(ROOT, "Tests/Fixtures/directory/lieux-sample.csv"), "rb") as sample:
        content = sample.read()
    # The place the pages show carries long values too: its name, its e-mail, its site, its address complement.
    for short, long in LONG_PLACE.items():
        content = content.replace(short.encode(), long.encode())
    status, body, headers = client.upload("/admin/annuaire", "fichier", "lieux-sample.csv", content)
    if status != 303:
        raise SystemExit(f"set-up failed: the directory import answered {status}\n{body[:500]}")
    import_id = headers["Location"].replace(client.base, "").split("/")[-1]
    for _ in range(120):  # the same job checks the file first, at the scheduler's next tick
        _, page, _ = client.request(f"/admin/annuaire/imports/{import_id}")
        if f"/admin/annuaire/imports/{import_id}/appliquer" in page:
            break
        time.sleep(0.5)
    else:
        raise SystemExit("set-up failed: the directory file was not checked within a minute")
    client.location(f"/admin/annuaire/imports/{import_id}/appliquer", {})
    for _ in range(120):  # the job runs at the scheduler's next tick (every 5 s)
        _, page, _ = client.request("/annuaire?q=halles")
        found = re.search(r"/annuaire/lieux/([a-z0-9]+)", page)
        if found:
            return import_id, found.group(1)
        time.sleep(0.5)
    raise SystemExit("set-up failed: the directory import was not applied within a minute")


def create_data(client, server_log):
    """Everything the pages need, made through the site itself."""
    data = {}
    client.location("/connexion", {"email": EMAIL, "password": PASSWORD})
    data["association"] = client.location("/associations/nouvelle", {
        "name": LONG_NAME, "rna": "W372001234", "postcode": "37000", "size": "10-a-49", "budget": "moins-de-1000"}).split("/")[-1]
    data["body"] = client.location("/structures/nouvelle", {"name": "Point d'appui Tours", "departement": "37"}).split("/")[-1]
    # The administrator vets the body, then the association asks it for help, sharing its plan.
    client.location(f"/structures/{data['body']}/verification", {"decision": "vetted", "note": ""})
    client.location(f"/associations/{data['association']}/accompagnement", {"support_body": data["body"], "shares_plan": "1"})
    client.location(f"/associations/{data['association']}/feuille-de-route", {
        "title": "Sauvegarder les fichiers hors site", "owner": "Alice-Marguerite de la Fontaine-Saint-Pierre", "due": "2026-12-15", "hours": "3"})
    status, page, _ = client.request(f"/associations/{data['association']}/invitations", {})
    data["invitation"] = re.search(r"/invitation/([a-z0-9]+)", page).group(1)
    step = client.location(f"/associations/{data['association']}/diagnostics", {})
    data["diagnostic"] = step.split("/")[2]
    answer_everything(client, data["diagnostic"])
    client.request("/mot-de-passe-oublie", {"email": EMAIL})
    # Mail leaves through the outbox: the scheduler writes it to the log within its 5-second tick.
    deadline = time.monotonic() + 30
    while True:
        with open(server_log, encoding="utf-8") as log:
            links = re.findall(r"/mot-de-passe/([a-z0-9]+)", log.read())
        if links or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    if not links:
        raise SystemExit("set-up failed: no reset link reached the server log within 30 s")
    data["reset"] = links[-1]
    data["sheet"] = "mots-de-passe"
    base = f"/associations/{data['association']}"
    soon = (datetime.date.today() + datetime.timedelta(days=45)).isoformat()
    client.location(base + "/inventaire/nouveau", {
        "kind": "domain", "name": "association-des-amis-du-quartier-saint-pierre-des-corps.fr", "owner": "person", "owner_name": "Paul",
        "other_holders": LONG_EMAIL, "credentials_place": LONG_URL, "expires_on": soon})
    client.location(base + "/passation", {"leaving": "Paul Martin-Lefebvre, trésorier", "incoming": LONG_NAME})
    _, page, _ = client.request(base + "/passation")
    data["handover"] = re.search(r"/passation/([a-z0-9]+)/imprimer", page).group(1)
    client.location(base + "/registre/nouveau", {
        "name": "Gestion des adhérent·es", "purpose": "Tenir la liste des membres et les cotisations", "legal_basis": "contract",
        "people": "Adhérent·es", "data": "Nom, adresse, téléphone", "recipients": "Bureau ; prestataire d'envoi " + LONG_EMAIL, "retention": "3 ans", "security": "Accès restreint"})
    discovered = (datetime.datetime.now() - datetime.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M")
    data["breach"] = client.location(base + "/violations", {
        "discovered": discovered, "nature": "Ordinateur volé", "people": "Adhérent·es, 120", "records": "Noms et adresses",
        "consequences": "Hameçonnage", "measures": "Mots de passe changés", "contact": LONG_EMAIL, "risk": "high"}).split("/")[-1]
    client.location(base + "/demandes-droits", {
        "kind": "erasure", "received_on": datetime.date.today().isoformat(), "requester": LONG_NAME + ", " + LONG_EMAIL,
        "details": "Effacer sa fiche d'ancienne adhérente", "identity_checked": "1"})
    # The directory: the test file in the national schema, imported through the administrator's page.
    data["import"], data["place"] = import_sample(client)
    # The calendar: a workshop there in ten days, twice, and one registration (its link comes by mail).
    day = (datetime.date.today() + datetime.timedelta(days=10)).isoformat()
    data["training"] = client.location("/agenda/nouvelle", {
        "place": data["place"], "title": "Sauvegarder ses données", "kind": "atelier", "description": "Où sont vos fichiers ?",
        "location": "", "online_url": LONG_URL, "start": day + "T10:00", "duration": "90", "every": "7", "count": "2", "capacity": "8"}).split("/")[-1]
    _, page, _ = client.request(f"/agenda/formations/{data['training']}")
    data["session"] = re.search(r"/agenda/seances/([a-z0-9]+)/inscription", page).group(1)
    Client(client.base).location(f"/agenda/seances/{data['session']}/inscription", {"name": "Zoé Martin-Lefebvre de la Fontaine", "email": LONG_EMAIL})
    deadline = time.monotonic() + 30
    while True:
        with open(server_log, encoding="utf-8") as log:
            links = re.findall(r"/agenda/inscription/([a-z0-9]+)", log.read())
        if links or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    if not links:
        raise SystemExit("set-up failed: no registration link reached the server log within 30 s")
    data["registration"] = links[-1]
    # A field survey written in the network's form, open from today for a month.
    today = datetime.date.today()
    client.location("/enquetes/nouvelle", {
        "title": "Enquête de contrôle", "introduction": "Trois questions.", "territory": "whole",
        "opens": today.isoformat(), "closes": (today + datetime.timedelta(days=30)).isoformat(),
        "question-1-text": "Qu'est-ce qui vous freine ?", "question-1-kind": "single", "question-1-options": "Le temps\nLe budget",
        "question-2-text": "Êtes-vous à l'aise ?", "question-2-kind": "scale"})
    _, page, _ = client.request("/enquetes")
    article = re.search(r"Enquête de contrôle</h2>.*?</article>", page, re.S).group(0)
    data["survey"] = re.search(r"/enquetes/([a-z0-9]+)/resultats", article).group(1)
    data["survey_link"] = re.search(r"/enquetes/([a-z0-9]+)\"", article).group(1)
    # A badge of the body, awarded by e-mail (the same forms as scripts/badges_check.py).
    from badges_check import create_award
    _, data["badge_award"] = create_award(client, data["body"])
    # Workshop rooms: one closed (its summary), one running that the same browser also joins, one
    # on the second session whose joins need approval (the browser waits there).
    _, page, _ = client.request(f"/agenda/formations/{data['training']}")
    sessions = re.findall(r"/agenda/seances/([a-z0-9]+)/inscription", page)

    def room(session):
        room_id = client.location(f"/agenda/seances/{session}/salle", {}).split("/")[-2]
        _, page, _ = client.request(f"/salles/{room_id}/animation")
        return room_id, re.search(r"<strong>([A-Z0-9]{6})</strong>", page).group(1)

    data["room_closed"], _ = room(sessions[0])
    client.location(f"/salles/{data['room_closed']}/animation", {"action": "end"})
    data["room"], code = room(sessions[0])
    animation = f"/salles/{data['room']}/animation"
    client.location(animation, {"action": "agenda", "title": "Accueil", "start": "10:00", "end": "10:15"})
    client.location(animation, {"action": "vote", "question": "Quel sujet ?", "options": "Mots de passe\nSauvegardes"})
    client.location(animation, {"action": "reminder"})
    client.location("/salle", {"code": code, "name": "Zoé"})
    client.location(f"/salles/{data['room']}", {"action": "raise", "kind": "topic"})
    data["room_waiting"], code = room(sessions[-1])
    client.location(f"/salles/{data['room_waiting']}/animation", {"action": "approval"})
    client.location("/salle", {"code": code, "name": "Zoé"})
    return data


def answer_everything(client, diagnostic):
    """Answers each page with a mix of options, as a real association would."""
    number = 1
    while True:
        path = f"/diagnostics/{diagnostic}/etape/{number}"
        _, page, _ = client.request(path)
        fields = {"direction": "next"}
        for index, name in enumerate(sorted(set(re.findall(r'name="(q\.[^"]+)"', page)))):
            values = re.findall(r'name="%s" value="([^"]*)"' % re.escape(name), page)
            if not values:
                values = [v for v in re.findall(r'<option value="([^"]+)"', page.split(f'name="{name}"')[1].split("</select>")[0])]
            if values:
                fields[name] = values[index % len(values)]
        target = client.location(path, fields)
        if target.endswith("/rapport"):
            return
        number += 1


def start_server(binary, port, workdir):
    log_path = os.path.join(workdir, "server.log")
    env = dict(os.environ, SQLITE_PATH=os.path.join(workdir, "check.sqlite"), CONTENT_PATH=os.path.join(ROOT, "Content"),
               BASE_URL=f"http://127.0.0.1:{port}", LOG_LEVEL="notice")
    env.pop("DATABASE_URL", None)
    admin = subprocess.run([binary, "create-admin", "--email", EMAIL, "--name", "Vérification"], input=PASSWORD + "\n",
                           env=env, capture_output=True, text=True, cwd=ROOT)
    if admin.returncode != 0:
        raise SystemExit(f"create-admin failed: {admin.stderr}")
    log = open(log_path, "w")
    server = subprocess.Popen([binary, "serve", "--port", str(port)], env=env, stdout=log, stderr=log, cwd=ROOT)
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)
            return server, log_path
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise SystemExit("the server did not start:\n" + open(log_path).read())


def replaced(element):
    """A wait condition: the page holding `element` has been replaced. Selenium's `staleness_of` knows
    only the "stale element" error; while Chromium swaps the document it may answer "node does not
    belong to the document" instead, which means the same."""
    from selenium.common.exceptions import WebDriverException

    def gone(_driver):
        try:
            element.is_enabled()
            return False
        except WebDriverException:  # StaleElementReferenceException is one of them
            return True
    return gone


def make_driver():
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def walk_without_javascript(base):
    """Journeys 2 and 3's first steps as a visitor on a phone with JavaScript off: a search near "37 000"
    typed with its space, then a registration from the agenda. Returns what went wrong."""
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", f"--window-size={PHONE_WIDTH},844"):
        options.add_argument(argument)
    options.add_argument("--lang=fr-FR")
    options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2,
                                              "intl.accept_languages": "fr-FR,fr"})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    problems = []

    def fits(step):
        width, inner = driver.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
        if width > inner:
            problems.append(f"{step}: {width} px wide on a {inner} px phone")

    try:
        driver.set_window_size(PHONE_WIDTH, 844)
        # The page's own scripts do not run (WebDriver's still do, to measure).
        driver.get("data:text/html,<title>off</title><script>document.title = 'on'</script>")
        if driver.title != "off":
            problems.append("JavaScript ran although it is off")
        driver.get(base + "/annuaire")
        fits("/annuaire")
        near = driver.find_element(By.ID, "pres")
        near.send_keys("37 000")
        near.find_element(By.XPATH, "ancestor::form").find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        WebDriverWait(driver, 10).until(replaced(near))  # the answer replaced the page
        page = driver.page_source
        if "pres=37+000" not in driver.current_url or 'value="37 000"' not in page or "Près de 37 000" not in page:
            problems.append(f"search near '37 000' typed with its space: {driver.current_url}")
        elif re.search(r'Lieux <span class="muted">\(0\)', page):
            problems.append("search near '37 000': no place found")
        fits("the search near '37 000'")
        driver.get(base + "/agenda")
        link = driver.find_element(By.CSS_SELECTOR, "ul.places li a")
        link.click()
        WebDriverWait(driver, 10).until(replaced(link))
        fits("the training's page")
        form = driver.find_element(By.CSS_SELECTOR, "form[action$='/inscription']")  # the whole cycle's, or the first session's
        form.find_element(By.NAME, "name").send_keys("Inès Durand-Lefebvre")
        form.find_element(By.NAME, "email").send_keys("ines.durand@example.org")
        form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        WebDriverWait(driver, 10).until(replaced(form))
        told = driver.find_elements(By.CSS_SELECTOR, "[role=status]")
        if not told or not any(word in told[0].text for word in ("inscrit", "noté")):
            problems.append(f"registration from the agenda with JavaScript off: landed on {driver.current_url}")
        fits("the registration's page")
    except Exception as error:
        problems.append(f"walk with JavaScript off: {type(error).__name__} {error}".splitlines()[0])
    finally:
        driver.quit()
    return problems


def measure(driver, url):
    """Loads `url` and returns (requests, bytes) from the DevTools network log, and the DOM count."""
    driver.get_log("performance")  # drain
    driver.get(url)
    time.sleep(0.2)
    requests, transferred = set(), 0
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.responseReceived":
            requests.add(message["params"]["requestId"])
        elif message["method"] == "Network.loadingFinished":
            transferred += message["params"].get("encodedDataLength", 0)
    dom = driver.execute_script("return document.querySelectorAll('*').length - document.querySelectorAll('svg *').length;")
    return len(requests), transferred, dom


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/debug/eclairage"))
    parser.add_argument("--port", type=int, default=8097)
    parser.add_argument("--screenshots", help="folder where to save a full-page PNG of each page")
    arguments = parser.parse_args()
    from selenium_axe_python import Axe

    pages = [line.split("\t") for line in open(PAGES, encoding="utf-8").read().splitlines() if line and not line.startswith("#")]
    workdir = tempfile.mkdtemp(prefix="eclairage-check-")
    base = f"http://127.0.0.1:{arguments.port}"
    server, log_path = start_server(arguments.binary, arguments.port, workdir)
    failures, rows = [], []
    try:
        client = Client(base)
        data = create_data(client, log_path)
        driver = make_driver()
        try:
            driver.get(base + "/healthz")
            for cookie in client.jar:
                driver.add_cookie({"name": cookie.name, "value": cookie.value, "path": cookie.path})
            for template, who, path in pages:
                url = base + path.format(**data)
                if who == "visitor":
                    saved = driver.get_cookies()
                    driver.delete_all_cookies()
                requests, transferred, dom = measure(driver, url)
                if arguments.screenshots:
                    os.makedirs(arguments.screenshots, exist_ok=True)
                    height = driver.execute_script("return document.documentElement.scrollHeight")
                    driver.set_window_size(1280, min(max(height, 900), 6000))
                    name = re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-") or "accueil"
                    driver.save_screenshot(os.path.join(arguments.screenshots, f"{name}.png"))
                    driver.set_window_size(1280, 900)
                axe = Axe(driver)
                axe.inject()
                results = axe.run(options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})
                # A phone: the page fits 390 px without scrolling sideways (long names, e-mails, links included).
                driver.set_window_size(PHONE_WIDTH, 844)
                wide = driver.execute_script(
                    "return [document.documentElement.scrollWidth, window.innerWidth,"
                    " Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)"
                    ".slice(-3).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '')).join(' ')]")
                driver.set_window_size(1280, 900)
                if wide[0] > wide[1]:
                    failures.append(f"{path}: {wide[0]} px wide on a {wide[1]} px phone ({wide[2]})")
                # Days in words, never as ISO in what the page says (a form's field may hold one).
                iso = driver.execute_script(
                    "return ((document.querySelector('main') || document.body).innerText.match(/\\b\\d{4}-\\d{2}-\\d{2}\\b/g) || []);")
                if iso:
                    failures.append(f"{path}: a day written as ISO ({', '.join(sorted(set(iso))[:3])})")
                if who == "visitor":
                    for cookie in saved:
                        driver.add_cookie({k: cookie[k] for k in ("name", "value", "path")})
                violations = results["violations"]
                serious = [v for v in violations if v.get("impact") in ("serious", "critical")]
                score = ecoindex.score(dom, requests, transferred / 1024)
                letter = ecoindex.grade(score)
                rows.append((path, requests, transferred, dom, score, letter, len(violations)))
                for violation in violations:
                    nodes = ", ".join(n["target"][0] if isinstance(n["target"][0], str) else str(n["target"][0]) for n in violation["nodes"][:3])
                    print(f"  {path}: [{violation.get('impact')}] {violation['id']}: {violation['help']} ({nodes})")
                if serious:
                    failures.append(f"{path}: {len(serious)} serious or critical accessibility violation(s)")
                if letter != "A":
                    failures.append(f"{path}: EcoIndex {score} ({letter}), below A")
            # After a form error, focus is on the error summary (a form the browser does not check itself).
            from selenium.webdriver.common.by import By
            driver.get(base + f"/associations/{data['association']}/violations")
            from selenium.webdriver.support.ui import WebDriverWait
            button = driver.find_element(By.CSS_SELECTOR, "main form[novalidate] button[type=submit]")
            button.click()
            # The refused form comes back as a new page: wait for it, then give autofocus its moment.
            WebDriverWait(driver, 10).until(replaced(button))
            WebDriverWait(driver, 10).until(lambda d: d.execute_script("return document.readyState") == "complete")
            try:
                WebDriverWait(driver, 5).until(lambda d: d.execute_script("return document.activeElement.className") == "error-summary")
            except Exception:
                pass
            focused = driver.execute_script("return document.activeElement.className")
            print(f"focus after a form error: {focused or 'nothing'}")
            if focused != "error-summary":
                failures.append(f"form error: focus on '{focused}', not the error summary")
            # The server's map: every disc is a link the keyboard reaches.
            driver.get(base + "/annuaire/carte")
            discs, focused = driver.execute_script(
                "const links = Array.from(document.querySelectorAll('svg a[href]'));"
                " return [links.length, links.filter(a => { a.focus(); return document.activeElement === a; }).length];")
            print(f"map: {focused} of {discs} discs take the keyboard's focus")
            if discs == 0 or focused < discs:
                failures.append(f"/annuaire/carte: {focused} of {discs} discs take the focus")
        finally:
            driver.quit()
        # A visitor's first steps on a phone with JavaScript off (issue 22's checks).
        walked = walk_without_javascript(base)
        print("phone without JavaScript: " + ("; ".join(walked) if walked else "search near '37 000' and a registration from the agenda, both fine"))
        failures.extend(f"without JavaScript: {problem}" for problem in walked)
        # The calendar's feeds, read by an independent iCalendar parser (scripts/ics_check.py, Python's icalendar).
        feeds = [base + "/agenda.ics", base + f"/agenda/formations/{data['training']}/agenda.ics", base + f"/annuaire/lieux/{data['place']}/agenda.ics"]
        checked = subprocess.run([sys.executable, os.path.join(ROOT, "scripts/ics_check.py"), *feeds], capture_output=True, text=True)
        print(checked.stdout.strip())
        if checked.returncode != 0:
            failures.append(f"iCalendar feeds: {checked.stdout.strip()} {checked.stderr.strip()}")
        # The data·inclusion export, validated by data·inclusion's own models (scripts/data_inclusion_check.py).
        checked = subprocess.run([sys.executable, os.path.join(ROOT, "scripts/data_inclusion_check.py"), base + "/annuaire/lieux.json"],
                                 capture_output=True, text=True)
        print(checked.stdout.strip())
        if checked.returncode != 0:
            failures.append(f"data·inclusion export: {checked.stdout.strip()} {checked.stderr.strip()}")
    finally:
        server.terminate()
        server.wait(timeout=10)
    print(f"\n{'page':50} {'req':>4} {'bytes':>8} {'DOM':>5} {'EcoIndex':>9} {'axe':>4}")
    for path, requests, transferred, dom, score, letter, count in rows:
        print(f"{path[:50]:50} {requests:>4} {transferred:>8} {dom:>5} {score:>6} {letter:>2} {count:>4}")
    if failures:
        print("\nFAILED:\n  " + "\n  ".join(failures))
        print(f"\n{len(rows) - len({f.split(':')[0] for f in failures})} passed, {len({f.split(':')[0] for f in failures})} failed")
        return 1
    print(f"\n{len(rows)} passed, 0 failed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
