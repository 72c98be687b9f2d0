"""A throw-away PostgreSQL (Debian's `postgresql`, installed by bin/setup dev) for the feedback
tests: started in a temporary folder on a free port of this project's range, as the `postgres`
user when run as root (initdb refuses root). conftest.py starts one per session."""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from tests import ports

PORTS = range(8200, 8300)  # this project's range for its own servers
STATUS: list[str] = []  # what the end of the run reports about PostgreSQL


def free_port() -> int:
    port = ports.free_port(PORTS)
    if port is None:
        raise OSError(f"no free port in {PORTS.start}-{PORTS.stop - 1}")
    return port


class PostgreSQLError(Exception):
    pass


def _bin_dir() -> Path:
    """Debian keeps the server's programs in /usr/lib/postgresql/<version>/bin (newest first)."""
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"),
        key=lambda p: (
            int(Path(p).parent.parent.name) if Path(p).parent.parent.name.isdigit() else 0
        ),
    )
    if found:
        return Path(found[-1]).parent
    pg_ctl = shutil.which("pg_ctl")
    if pg_ctl:
        return Path(os.path.realpath(pg_ctl)).parent
    raise PostgreSQLError(
        "pg_ctl not found (Debian's postgresql package: bin/setup dev installs it)"
    )


class PostgreSQL:
    """A throw-away cluster: trust authentication on 127.0.0.1 only, its socket in its folder."""

    def __init__(self):
        self.bin = _bin_dir()
        self.root = Path(tempfile.mkdtemp(prefix="feedback-postgresql-"))
        self.data = self.root / "data"
        self.log = self.root / "server.log"
        self.as_postgres = os.geteuid() == 0
        if self.as_postgres:
            try:
                shutil.chown(self.root, user="postgres", group="postgres")
            except (LookupError, PermissionError) as exc:
                raise PostgreSQLError(f"no postgres user to run it as ({exc})") from exc
        try:
            self.port = free_port()
            self._run("initdb", "-D", self.data, "-U", "postgres", "-A", "trust", "-E", "UTF8",
                      "--locale=C", "--no-sync")  # fmt: skip
            self.start()
        except (OSError, PostgreSQLError):
            shutil.rmtree(self.root, ignore_errors=True)
            raise

    def _run(self, program: str, *args) -> str:
        command = [str(self.bin / program), *map(str, args)]
        if self.as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=120)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise PostgreSQLError(f"{program}: {exc}") from exc
        if done.returncode != 0:
            log = self.log.read_text()[-2000:] if self.log.exists() else ""
            raise PostgreSQLError(f"{program} failed: {done.stderr.strip()[-2000:]} {log}")
        return done.stdout

    def start(self):
        options = (
            f"-c port={self.port} -c listen_addresses=127.0.0.1 "
            f"-c unix_socket_directories={self.root}"
        )
        self._run(
            "pg_ctl", "-D", self.data, "-l", self.log, "-o", options, "-w", "-t", "60", "start"
        )

    def stop(self):
        self._run("pg_ctl", "-D", self.data, "-m", "fast", "-w", "stop")

    def restart(self):
        """Stopped and started again: what was committed must still be there."""
        self.stop()
        self.start()

    def url(self, database: str = "feedback") -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str) -> str:
        import psycopg

        with psycopg.connect(self.url("postgres"), autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def version(self) -> str:
        return self._run("postgres", "--version").strip()

    def remove(self):
        with contextlib.suppress(PostgreSQLError):
            self.stop()
        shutil.rmtree(self.root, ignore_errors=True)
