"""A CKAN 2.11.5 configured like avoindata.fi, started for a test: PostgreSQL, Redis, CKAN, all on loopback.

Everything runs from ``.ckan-avoindata-venv`` (made by ``tests/ckan_avoindata/setup.sh``) and Debian's
PostgreSQL and Redis, in a temporary folder: a private PostgreSQL cluster (run as the ``postgres`` user
when the test runs as root, as in CI), Redis on a free port as ckanext-harvest's queue, and ``ckan run``
on a free port. The configuration is avoindata.fi's where it concerns taking data in
(``../shared/reference/avoindata-fi/config/ckan.ini.j2``): ``ckan.locale_default = fi``,
``ckan.locales_offered = fi sv en_GB``, unowned datasets refused, ckanext-scheming with avoindata.fi's
``dataset.json`` and ``presets.json`` (read in place from ``../shared``) before scheming's own presets,
ckanext-harvest with Redis. What differs is said in ``tests/ckan_avoindata/kasko_ckan_avoindata``: our
fluent validators, avoindata.fi's ``validators.py`` loaded without the rest of their extension, their
harvest fork's ``validate_packages`` option, and no search index (no Solr here).
"""

from __future__ import annotations

import json
import os
import pwd
import shutil
import signal
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .conftest import ROOT, SHARED, free_port

VENV = ROOT / ".ckan-avoindata-venv"
CKAN = VENV / "bin" / "ckan"
YTP = SHARED / "reference" / "avoindata-fi" / "ckanext-ytp"
AVOINDATA_INI = SHARED / "reference" / "avoindata-fi" / "config" / "ckan.ini.j2"
ORGANIZATION = "helsingin-kaupunki-kasvatuksen-ja-koulutuksen-toimiala"
SYSADMIN = "kasko-test-admin"
ORGANIZATION_TITLE = "Helsingin kaupunki, Kasvatuksen ja koulutuksen toimiala"


def missing_prerequisite() -> str | None:
    """Why the portal cannot start here, or None."""
    if not CKAN.exists():
        return "no .ckan-avoindata-venv: tests/ckan_avoindata/setup.sh makes it (.ci/run calls it)"
    if not (YTP / "schemas" / "dataset.json").exists():
        return f"no avoindata.fi reference files at {YTP}"
    if not _postgres_bin("initdb").exists():
        return "no PostgreSQL server binaries (Debian package postgresql)"
    if not shutil.which("redis-server"):
        return "no redis-server (Debian package redis-server)"
    return None


def _postgres_bin(name: str) -> Path:
    found = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"))
    return found[-1] if found else Path("/nonexistent") / name


def highvalue_categories() -> str:
    """avoindata.fi's high-value categories, as its ckan.ini.j2 lists them."""
    for line in AVOINDATA_INI.read_text(encoding="utf-8").splitlines():
        if line.startswith("ckanext.spatial.harvest.highvalue_categories"):
            return line.split("=", 1)[1].strip()
    raise AssertionError(f"{AVOINDATA_INI}: no highvalue_categories line")


@dataclass
class Portal:
    """A running test portal: its address, the sysadmin's API token, and where its logs are."""

    root: Path
    ini: Path
    base: str
    token: str = ""
    logs: dict[str, Path] = field(default_factory=dict)

    def ckan(self, *args: str, timeout: float = 300, check: bool = True) -> subprocess.CompletedProcess[str]:
        """``ckan -c ckan.ini ARGS`` (the production command line), its output captured."""
        result = subprocess.run(
            [str(CKAN), "-c", str(self.ini), *args],
            capture_output=True,
            text=True,
            timeout=timeout,
            cwd=self.root,
            check=False,
        )
        if check and result.returncode != 0:
            raise AssertionError(f"ckan {' '.join(args)} failed:\n{result.stdout[-3000:]}\n{result.stderr[-6000:]}")
        return result

    def call(self, action: str, token: str | None = None, **data: Any) -> tuple[int, dict[str, Any]]:
        """POST to the Action API; the HTTP status and CKAN's JSON answer."""
        request = urllib.request.Request(
            f"{self.base}api/3/action/{action}",
            data=json.dumps(data).encode(),
            headers={"Content-Type": "application/json", "Authorization": self.token if token is None else token},
        )
        try:
            with urllib.request.urlopen(request, timeout=60) as answer:
                return answer.status, json.load(answer)
        except urllib.error.HTTPError as error:
            body = error.read()
            try:
                return error.code, json.loads(body)
            except ValueError:
                return error.code, {"body": body.decode("utf-8", "replace")[-2000:]}

    def action(self, action: str, **data: Any) -> Any:
        status, answer = self.call(action, **data)
        assert status == 200 and answer.get("success"), (action, status, answer)
        return answer["result"]

    def get(self, path: str) -> int:
        """The HTTP status of a page of the portal."""
        try:
            with urllib.request.urlopen(self.base + path, timeout=60) as answer:
                return answer.status
        except urllib.error.HTTPError as error:
            return error.code

    def log(self, name: str) -> str:
        return self.logs[name].read_text(encoding="utf-8", errors="replace")


def _as_postgres() -> list[str]:
    """PostgreSQL refuses to run as root: as root (CI) run its programs as the ``postgres`` user."""
    return ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []


def _start(command: list[str], log: Path, **options: Any) -> subprocess.Popen[bytes]:
    with log.open("wb") as out:
        return subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, start_new_session=True, **options)


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def _wait_for(check: Any, what: str, process: subprocess.Popen[bytes] | None, log: Path, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while not check():
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"{what} exited:\n{log.read_text(errors='replace')[-4000:]}")
        if time.monotonic() > deadline:
            raise RuntimeError(f"{what} did not start in {seconds} s:\n{log.read_text(errors='replace')[-4000:]}")
        time.sleep(0.3)


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=10):
            return True
    except OSError:
        return False


def _run(command: list[str], timeout: float = 120) -> None:
    result = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")


@contextmanager
def _postgres() -> Iterator[str]:
    """A private PostgreSQL cluster on a free loopback port; its SQLAlchemy URL for a fresh database.

    Its folder is a directory of its own in the system's temporary folder, which the ``postgres`` user
    can reach (pytest's folders are private to the user running the tests)."""
    with tempfile.TemporaryDirectory(prefix="kasko-postgres-") as folder:
        root = Path(folder)
        data, sockets, log = root / "data", root / "sockets", root / "postgres.log"
        sockets.mkdir()
        if os.geteuid() == 0:
            postgres = pwd.getpwnam("postgres")
            for path in (root, sockets):
                os.chown(path, postgres.pw_uid, postgres.pw_gid)
        run = _as_postgres()
        _run(
            [
                *run,
                str(_postgres_bin("initdb")),
                "-D",
                str(data),
                "-U",
                "postgres",
                "--auth=trust",
                "-E",
                "UTF8",
                "--no-locale",
            ]
        )
        port = free_port()
        options = f"-p {port} -k {sockets} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off"
        ctl = [*run, str(_postgres_bin("pg_ctl")), "-D", str(data)]
        _run([*ctl, "-o", options, "-l", str(log), "-w", "-t", "60", "start"], timeout=90)
        try:
            _run([*run, str(_postgres_bin("createdb")), "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "ckan"])
            yield f"postgresql://postgres@127.0.0.1:{port}/ckan"
        finally:
            subprocess.run([*ctl, "-m", "fast", "-w", "stop"], capture_output=True, timeout=90, check=False)


@contextmanager
def _redis(root: Path) -> Iterator[int]:
    port, log = free_port(), root / "redis.log"
    process = _start(
        [
            "redis-server",
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(root),
        ],
        log,
    )
    try:
        _wait_for(
            lambda: "Ready to accept connections" in log.read_text(errors="replace"), "redis-server", process, log
        )
        yield port
    finally:
        _stop(process)


def _configure(root: Path, database: str, redis_port: int, port: int) -> Path:
    ini = root / "ckan.ini"
    subprocess.run([str(CKAN), "generate", "config", str(ini)], check=True, capture_output=True, timeout=120)
    storage = root / "storage"
    storage.mkdir()
    options = {
        "sqlalchemy.url": database,
        "ckan.site_url": f"http://127.0.0.1:{port}",
        "ckan.site_id": "avoindata-test",
        "solr_url": f"http://127.0.0.1:{free_port()}/solr/ckan",  # nothing listens there: no search server
        "ckan.redis.url": f"redis://127.0.0.1:{redis_port}/0",
        "ckan.storage_path": str(storage),
        "ckan.plugins": (
            "kasko_no_search_index harvest kasko_avoindata_ckan_harvester kasko_avoindata_schema scheming_datasets"
        ),
        # as in avoindata.fi's ckan.ini.j2
        "scheming.dataset_schemas": (YTP / "schemas" / "dataset.json").as_uri(),
        "scheming.presets": f"{(YTP / 'schemas' / 'presets.json').as_uri()} ckanext.scheming:presets.json",
        "ckan.locale_default": "fi",
        "ckan.locales_offered": "fi sv en_GB",
        "ckan.auth.create_unowned_dataset": "false",
        "ckan.harvest.mq.type": "redis",
        "ckan.harvest.mq.hostname": "127.0.0.1",
        "ckan.harvest.mq.port": str(redis_port),
        "ckan.harvest.mq.redis_db": "1",
        "ckanext.spatial.harvest.highvalue_categories": highvalue_categories(),
        # our test plugin: where avoindata.fi's validators.py is
        "kasko_avoindata.ytp_dir": str(YTP),
        "config.mode": "default",
    }
    subprocess.run(
        [str(CKAN), "config-tool", str(ini), *(f"{k}={v}" for k, v in options.items())],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return ini


@contextmanager
def avoindata_portal(root: Path) -> Iterator[Portal]:
    """Start the portal in ``root`` (a fresh folder), with a sysadmin, a token and the organisation."""
    with ExitStack() as stack:
        database = stack.enter_context(_postgres())
        redis_port = stack.enter_context(_redis(root))
        port = free_port()
        portal = Portal(root, _configure(root, database, redis_port, port), f"http://127.0.0.1:{port}/")
        portal.ckan("db", "init")
        portal.ckan("db", "upgrade", "-p", "harvest")
        portal.ckan("user", "add", SYSADMIN, "email=admin@kasko.example", "password=test-password-1234")
        portal.ckan("sysadmin", "add", SYSADMIN)
        portal.token = portal.ckan("user", "token", "add", SYSADMIN, "tests").stdout.strip().splitlines()[-1].strip()
        log = root / "ckan.log"
        portal.logs["ckan"] = log
        server = _start([str(CKAN), "-c", str(portal.ini), "run", "-H", "127.0.0.1", "-p", str(port)], log, cwd=root)
        stack.callback(_stop, server)
        _wait_for(lambda: _answers(portal.base + "api/3/action/status_show"), "ckan run", server, log)
        # organization_create answers with organization_show, which counts the datasets by a search: without
        # a search server the organisation is saved and the answer is 500. Read it back without the count.
        status, answer = portal.call("organization_create", name=ORGANIZATION, title=ORGANIZATION_TITLE)
        assert (status, answer["error"]["__type"]) == (500, "Search Connection Error"), answer
        yield portal


@contextmanager
def consumers(portal: Portal, label: str) -> Iterator[None]:
    """ckanext-harvest's gather and fetch consumers, reading the Redis queues, for the length of a harvest;
    their logs under ``label``-gather-consumer and ``label``-fetch-consumer."""
    processes = []
    for name in ("gather-consumer", "fetch-consumer"):
        log = portal.root / f"{label}-{name}.log"
        portal.logs[f"{label}-{name}"] = log
        processes.append(_start([str(CKAN), "-c", str(portal.ini), "harvester", name], log, cwd=portal.root))
    try:
        yield
    finally:
        for process in processes:
            _stop(process)
