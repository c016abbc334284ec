"""Run N `streamlit run` replicas of the dashboard behind Debian's nginx, and keep them running.

    python -m deploy.launch --replicas 3 --listen 0.0.0.0:8080 --run-dir /var/lib/gba-finance-zones

Starts the replicas on 127.0.0.1 (ports --first-port, +1, ...; all with the same cookie secret),
renders deploy/nginx.conf.template into the run directory, checks it with `nginx -t`, and runs
nginx in the foreground with its own pid file, logs and temp files in that directory (the
system-wide nginx is not involved). Then it supervises: a replica that exits, or stops answering
its health check, is restarted on its port. SIGTERM or SIGINT stops nginx and the replicas.
`--print-config` prints the nginx configuration instead. tests/test_failover.py uses the same
`Deployment`.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import os
import re
import secrets
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = Path(__file__).with_name("nginx.conf.template")
NGINX = "/usr/sbin/nginx"
COOKIE = "gba_replica"
# Passive health checks (open-source nginx has no active ones): one failed attempt takes a replica out
# of rotation for 10 s, after which nginx tries it again with the next request that would go there.
SERVER_PARAMS = "max_fails=1 fail_timeout=10s"
UNHEALTHY_CHECKS = 3  # failed health checks in a row before a running replica is restarted
_NAME = re.compile(r"^[a-z][a-z0-9]*$")
_SAFE = re.compile(r"^[A-Za-z0-9_./:+@\[\]-]+$")  # paths and addresses that need no nginx quoting
_DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # never via a proxy


def streamlit_static_dir() -> Path:
    """Streamlit's frontend bundle in the installed package: the files every replica would serve."""
    spec = importlib.util.find_spec("streamlit")
    if spec is None or spec.origin is None:
        raise RuntimeError("streamlit is not installed for this Python")
    return Path(spec.origin).parent / "static"


@dataclass(frozen=True)
class Upstream:
    """One replica as nginx sees it: a name (the cookie's value) and host:port."""

    name: str
    address: str


def _safe(value: str, what: str) -> str:
    if not _SAFE.match(value):
        raise ValueError(f"{what} {value!r} has characters nginx would need quoted; choose a plainer one")
    return value


def render_config(
    upstreams: Sequence[Upstream],
    *,
    listen: str,
    run_dir: Path,
    user: str | None = None,
    app_static: Path = ROOT / "static",
    streamlit_static: Path | None = None,
    template: Path = TEMPLATE,
) -> str:
    """The nginx configuration for these replicas, from the template."""
    names = [u.name for u in upstreams]
    addresses = [u.address for u in upstreams]
    if not upstreams:
        raise ValueError("at least one replica is needed")
    if len(set(names)) != len(names) or len(set(addresses)) != len(addresses):
        raise ValueError(f"replica names and addresses must be unique: {upstreams}")
    for u in upstreams:
        if not _NAME.match(u.name):
            raise ValueError(f"replica name {u.name!r} must be a lowercase letter, then letters or digits")
        _safe(u.address, "replica address")

    blocks = [
        "    upstream all_replicas {",
        "        least_conn;",
        *(f"        server {u.address} {SERVER_PARAMS};" for u in upstreams),
        "        keepalive 32;",
        "    }",
    ]
    for u in upstreams:
        blocks += [
            f"    upstream replica_{u.name} {{",
            f"        server {u.address} {SERVER_PARAMS};",
            *(f"        server {o.address} {SERVER_PARAMS} backup;" for o in upstreams if o != u),
            "        keepalive 8;",
            "    }",
        ]
    values = {
        "USER": f"user {_safe(user, 'user')};"
        if user
        else "# no `user`: the workers run as whoever starts nginx",
        "RUN_DIR": _safe(str(run_dir), "run directory"),
        "LISTEN": _safe(listen, "listen address"),
        "POOL_MAP": "\n".join(f"        {u.name} replica_{u.name};" for u in upstreams),
        "SERVED_BY_MAP": "\n".join(f'        "~(^|\\s){re.escape(u.address)}$" {u.name};' for u in upstreams),
        "UPSTREAMS": "\n".join(blocks),
        "APP_STATIC": _safe(str(app_static), "app static directory"),
        "STREAMLIT_STATIC": _safe(
            str(streamlit_static or streamlit_static_dir()), "Streamlit's static directory"
        ),
    }
    text = template.read_text("utf-8")
    for key, value in values.items():
        text = text.replace(f"@{key}@", value)
    unfilled = sorted(set(re.findall(r"@[A-Z_]+@", text)))
    if unfilled:
        raise ValueError(f"{template} has fields nobody fills in: {unfilled}")
    return text


def http_get(url: str, timeout: float = 3.0) -> tuple[int | None, str]:
    """The HTTP status and body of a GET, never through a proxy (None: nothing answered in time)."""
    try:
        with _DIRECT.open(url, timeout=timeout) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, ""
    except (OSError, ValueError):
        return None, ""


def http_status(url: str, timeout: float = 3.0) -> int | None:
    return http_get(url, timeout)[0]


def _stop(process: subprocess.Popen | None, sig: int | None, timeout: float) -> None:
    """Signal a process we started (leader of its own session; None: already signalled), wait for it,
    and kill its whole group if it lingers."""
    if process is None or process.poll() is not None:
        return
    if sig is not None:
        process.send_signal(sig)
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


@dataclass
class Replica:
    """One `streamlit run` of the app on host:port, logging to its own file."""

    name: str
    host: str
    port: int
    log: Path
    env: dict[str, str]
    process: subprocess.Popen | None = None
    started: float = 0.0
    was_healthy: bool = False
    failed_checks: int = 0

    @property
    def address(self) -> str:
        return f"{self.host}:{self.port}"

    @property
    def url(self) -> str:
        return f"http://{self.address}"

    def command(self) -> list[str]:
        return [
            sys.executable, "-m", "streamlit", "run", str(ROOT / "streamlit_app.py"),
            "--server.address", self.host,
            "--server.port", str(self.port),
            "--server.headless", "true",
            "--server.fileWatcherType", "none",
        ]  # fmt: skip

    def start(self) -> None:
        with self.log.open("a") as out:
            self.process = subprocess.Popen(
                self.command(),
                cwd=ROOT,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                env=self.env,
                start_new_session=True,
            )
        self.started = time.monotonic()
        self.was_healthy = False
        self.failed_checks = 0

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def healthy(self, timeout: float = 3.0) -> bool:
        return http_status(f"{self.url}/_stcore/health", timeout) == 200

    def active_sessions(self, timeout: float = 3.0) -> int | None:
        """Browser sessions open on this replica, from Streamlit's own metrics (None: no answer)."""
        status, text = http_get(f"{self.url}/_stcore/metrics?families=active_sessions", timeout)
        if status != 200:
            return None
        return sum(int(n) for n in re.findall(r"^active_sessions(?:\{[^}]*\})? (\d+)$", text, flags=re.M))

    def stop(self, timeout: float = 20.0, *, signalled: bool = False) -> None:
        _stop(self.process, None if signalled else signal.SIGTERM, timeout)


class Deployment:
    """N replicas and the nginx in front of them, all in one run directory; a context manager."""

    def __init__(
        self,
        run_dir: Path,
        *,
        replicas: int = 2,
        listen: str = "127.0.0.1:8080",
        host: str = "127.0.0.1",
        ports: Sequence[int] | None = None,
        first_port: int = 8501,
        nginx: str = NGINX,
        user: str = "www-data",
        cookie_secret: str | None = None,
        startup_timeout: float = 60.0,
    ) -> None:
        ports = list(ports) if ports is not None else [first_port + i for i in range(replicas)]
        if replicas < 1 or len(ports) != replicas:
            raise ValueError(f"{replicas} replicas need as many ports, not {ports}")
        self.run_dir = Path(run_dir).resolve()
        # One cookie secret for all: a session's signed cookies (st.login) must verify on every replica.
        env = {
            **os.environ,
            "PYTHONUNBUFFERED": "1",
            "STREAMLIT_SERVER_COOKIE_SECRET": cookie_secret or secrets.token_hex(32),
        }
        self.replicas = [
            Replica(f"r{i}", host, port, self.run_dir / f"replica-r{i}.log", env)
            for i, port in enumerate(ports)
        ]
        self.listen = listen
        self.nginx_binary = nginx
        self.user = user
        self.startup_timeout = startup_timeout
        self.nginx: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        host, _, port = self.listen.rpartition(":")
        if host in ("", "*", "0.0.0.0", "[::]"):
            host = "127.0.0.1"
        return f"http://{host}:{port}"

    @property
    def config(self) -> Path:
        return self.run_dir / "nginx.conf"

    @property
    def access_log(self) -> Path:
        return self.run_dir / "nginx-access.log"

    @property
    def error_log(self) -> Path:
        return self.run_dir / "nginx-error.log"

    def replica(self, name: str) -> Replica:
        return next(r for r in self.replicas if r.name == name)

    def _workers_user(self) -> str | None:
        # only a master started as root can switch its workers to another user
        return self.user if os.geteuid() == 0 else None

    def render(self) -> str:
        return render_config(
            [Upstream(r.name, r.address) for r in self.replicas],
            listen=self.listen,
            run_dir=self.run_dir,
            user=self._workers_user(),
        )

    def _nginx_command(self, *extra: str) -> list[str]:
        prefix = f"{self.run_dir}/"
        return [self.nginx_binary, "-p", prefix, "-c", str(self.config), "-e", str(self.error_log), *extra]

    def _wait(self, done: Callable[[], bool], what: str) -> None:
        deadline = time.monotonic() + self.startup_timeout
        while not done():
            for r in self.replicas:
                if not r.alive():
                    raise RuntimeError(f"replica {r.name} exited while {what}:\n{r.log.read_text()[-4000:]}")
            if self.nginx is not None and self.nginx.poll() is not None:
                raise RuntimeError(f"nginx exited while {what}:\n{self.error_log.read_text()[-4000:]}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"timed out after {self.startup_timeout} s {what}")
            time.sleep(0.2)

    def start(self) -> None:
        if not Path(self.nginx_binary).exists():
            raise RuntimeError(
                f"{self.nginx_binary} is missing: apt-get install nginx (or scripts/setup.sh --dev)"
            )
        (self.run_dir / "tmp").mkdir(parents=True, exist_ok=True)
        if self._workers_user() not in (None, "root"):
            # the workers (another user) must reach their temp directories; nginx creates and owns them
            for path in (self.run_dir, self.run_dir / "tmp"):
                path.chmod(0o755)
        self.config.write_text(self.render(), "utf-8")
        check = subprocess.run(self._nginx_command("-t", "-q"), capture_output=True, text=True, timeout=30)
        if check.returncode != 0:
            raise RuntimeError(f"nginx -t rejects {self.config}:\n{check.stderr}")
        for r in self.replicas:
            r.start()
        self._wait(lambda: all(r.healthy() for r in self.replicas), "waiting for the replicas' health checks")
        for r in self.replicas:
            r.was_healthy = True
        with (self.run_dir / "nginx-stderr.log").open("a") as out:
            self.nginx = subprocess.Popen(
                self._nginx_command(),
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self._wait(lambda: http_status(f"{self.url}/_stcore/health") == 200, "waiting for nginx")

    def check(self) -> list[tuple[str, str]]:
        """One round of supervision: restart replicas that exited or stopped answering; say which."""
        if self.nginx is None or self.nginx.poll() is not None:
            raise RuntimeError(f"nginx is not running; see {self.error_log}")
        restarted = []
        for r in self.replicas:
            if not r.alive():
                reason = f"exited with code {r.process.returncode if r.process else None}"
            elif r.healthy():
                r.was_healthy, r.failed_checks = True, 0
                continue
            elif not r.was_healthy and time.monotonic() - r.started < self.startup_timeout:
                continue  # still starting
            else:
                r.failed_checks += 1
                if r.failed_checks < UNHEALTHY_CHECKS:
                    continue
                reason = f"failed {r.failed_checks} health checks in a row"
                r.stop(timeout=5)
            r.start()
            restarted.append((r.name, reason))
        return restarted

    def stop(self) -> None:
        """Stop nginx (fast shutdown: it closes the WebSockets), then every replica."""
        _stop(self.nginx, signal.SIGTERM, 10)
        running = [r for r in self.replicas if r.alive()]
        for r in running:  # all at once: each takes a moment to shut down
            r.process.send_signal(signal.SIGTERM)
        for r in running:
            r.stop(signalled=True)

    def __enter__(self) -> Deployment:
        try:
            self.start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m deploy.launch", description=__doc__.split("\n")[0])
    parser.add_argument("--replicas", type=int, default=2, help="how many `streamlit run` (default 2)")
    parser.add_argument(
        "--listen",
        default="127.0.0.1:8080",
        help="where nginx listens: PORT or HOST:PORT (default %(default)s)",
    )
    parser.add_argument("--first-port", type=int, default=8501, help="first replica's port (default 8501)")
    parser.add_argument(
        "--run-dir",
        type=Path,
        default=Path(tempfile.gettempdir()) / "gba-finance-zones",
        help="nginx.conf, pid, logs, temp files (default %(default)s)",
    )
    parser.add_argument("--nginx", default=NGINX, help="the nginx binary (default %(default)s)")
    parser.add_argument(
        "--user", default="www-data", help="user of nginx's workers when started as root (default www-data)"
    )
    parser.add_argument("--check-every", type=float, default=5.0, help="seconds between health checks")
    parser.add_argument("--print-config", action="store_true", help="print the nginx configuration and exit")
    args = parser.parse_args(argv)

    deployment = Deployment(
        args.run_dir,
        replicas=args.replicas,
        listen=args.listen,
        first_port=args.first_port,
        nginx=args.nginx,
        user=args.user,
        cookie_secret=os.environ.get("GBA_COOKIE_SECRET"),
    )
    if args.print_config:
        print(deployment.render(), end="")
        return 0
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        with deployment:
            names = ", ".join(f"{r.name} {r.address}" for r in deployment.replicas)
            print(f"serving {deployment.url} (replicas {names}; logs in {deployment.run_dir})", flush=True)
            while True:
                time.sleep(args.check_every)
                for name, reason in deployment.check():
                    print(f"restarted replica {name}: {reason}", file=sys.stderr, flush=True)
    except KeyboardInterrupt:
        return 0
    except RuntimeError as error:
        print(error, file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
