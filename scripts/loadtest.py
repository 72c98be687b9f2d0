"""Load benchmark (issue 12, item 7): the site under gunicorn on 127.0.0.1, driven by wrk.

Starts gunicorn (2 sync workers by default) on a free port from 8300 up, with production-like
settings (DEBUG off, a throwaway secret key, ALLOWED_HOSTS=127.0.0.1), waits until it answers,
then drives it with wrk for a fixed time per run, at 1 and at 20 connections, on the start page,
two wizard steps (the years list and a row's form), the result page over distinct permalinks
(a Lua script walks a list of them, so that every request is another person) and the bare
view. Prints requests/s, p50, p99 and errors
(responses that are not 2xx or 3xx, and socket errors) per run, each page's throughput as a share
of the bare view's at the same connections, the workers' processor time per request (it moves
less than the throughput when other machines share the cores), the resident memory of each
worker before and after, and whether the targets are met (it never fails on them: the machine
is shared and noisy).

Every request goes to 127.0.0.1, and each run stops after its duration: the load is bounded.
Run with `bin/loadtest` (`--help` for the options).
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import debian  # noqa: E402  (scripts/debian.py)
from benchmark import QUERY  # noqa: E402  (the 11-year answers of the in-process benchmark)

HOST = "127.0.0.1"
FIRST_PORT = 8300
CONNECTIONS = (1, 20)
# The wizard steps measured: the years step's list, three years entered, and its third row's
# form (the site's heaviest step: six selects).
STEP = "/nl/step/years/?" + urlencode(
    {
        "r": "flanders",
        "s": "flanders",
        "by": "2004",
        "bm": "05",
        **{k: v for i, y in enumerate((2022, 2023, 2024)) for k, v in
           ((f"y{i}", f"{y}-{y + 1}"), (f"p{i}", "bachelor"), (f"t{i}", "60"), (f"e{i}", "45"))},
    }
)  # fmt: skip
PAGES = (  # name, path ("permalinks": the Lua script's list)
    ("home (start page)", "/nl/"),
    ("wizard step (years, 3 rows)", STEP),
    ("wizard step (a year's row)", STEP + "&row=2"),
    ("result, distinct permalinks", "permalinks"),
    ("bare view", "/bare/"),
)
MAX_CREDITS_TO_FINISH = 600  # rules.scenario: `f` above it is refused
BIRTH_MONTHS = 72  # from January 1995: at least 15 at the first enrolment, in 2016
TARGET_SHARE = 1 / 5  # the result page's throughput against the bare view's
TARGET_P99_MS = 50  # at 20 connections

LUA = r"""
-- Each thread walks the list of paths from its own offset, one path per request.
local paths = {}
for line in io.lines(os.getenv("LOADTEST_PATHS")) do paths[#paths + 1] = line end
local threads = {}
local counter = 0
function setup(thread)
  thread:set("offset", counter * math.floor(#paths / tonumber(os.getenv("LOADTEST_THREADS"))))
  counter = counter + 1
  table.insert(threads, thread)
end
local i = 0
function request()
  i = i + 1
  return wrk.format("GET", paths[(offset + i - 1) % #paths + 1])
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'LOADTEST {"requests": %d, "duration_us": %.0f, "p50_us": %.0f, "p99_us": %.0f, '
    .. '"status_errors": %d, "socket_errors": %d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.status, e.connect + e.read + e.write + e.timeout))
end
"""


def distinct_permalinks(count: int) -> list[str]:
    """`count` different people with the 11 years of scripts/benchmark.py: the credits still
    needed (1 to 600) and the birth month (one of 72) change, every pair once, so that each
    page has its own verdicts, months and QR code."""
    assert count <= MAX_CREDITS_TO_FINISH * BIRTH_MONTHS
    paths = []
    for n in range(count):
        rest, turn = n % MAX_CREDITS_TO_FINISH, n // MAX_CREDITS_TO_FINISH
        month = (7 * turn + rest) % BIRTH_MONTHS  # 7 and 72 share no factor: all pairs differ
        answers = QUERY | {
            "f": str(rest + 1),
            "by": str(1995 + month // 12),
            "bm": f"{month % 12 + 1:02d}",
        }
        paths.append("/nl/result/?" + urlencode(answers))
    return paths


def free_port(first: int = FIRST_PORT) -> int:
    for port in range(first, first + 200):
        with socket.socket() as s:
            try:
                s.bind((HOST, port))
            except OSError:
                continue
            return port
    raise SystemExit(f"no free port from {first} to {first + 199}")


def production_environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env |= {
        "DJANGO_SETTINGS_MODULE": os.environ.get("DJANGO_SETTINGS_MODULE", "advisor.settings"),
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "loadtest-" + secrets.token_urlsafe(48),  # thrown away at the end
        "DJANGO_ALLOWED_HOSTS": HOST,
    }
    return env


def start_gunicorn(port: int, workers: int, log: Path) -> subprocess.Popen:
    command = [
        str(ROOT / ".venv" / "bin" / "gunicorn"),
        "advisor.wsgi:application",
        "--bind", f"{HOST}:{port}",
        "--workers", str(workers),
        "--worker-class", "sync",
        "--error-logfile", str(log),
    ]  # fmt: skip
    return subprocess.Popen(
        command, cwd=ROOT, env=production_environment(), start_new_session=True,
        stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT,
    )  # fmt: skip


def wait_until_up(server: subprocess.Popen, port: int, log: Path, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"gunicorn stopped (exit {server.returncode}):\n{log.read_text()}")
        try:
            with urllib.request.urlopen(f"http://{HOST}:{port}/bare/", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"gunicorn did not answer within {seconds:.0f} s:\n{log.read_text()}")


def status_of(port: int, path: str) -> int:
    try:
        with urllib.request.urlopen(f"http://{HOST}:{port}{path}", timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def workers_of(master: int) -> list[int]:
    """The processes whose parent is gunicorn's master: its workers."""
    workers = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rpartition(")")[2].split()
        except OSError:
            continue  # gone meanwhile
        if int(fields[1]) == master:
            workers.append(int(stat.parent.name))
    return sorted(workers)


def workers_cpu_seconds(master: int) -> float:
    """The processor time the workers used so far: the live ones' own, plus that of the ones
    gunicorn replaced (the master's reaped children)."""
    tick = os.sysconf("SC_CLK_TCK")

    def fields(pid: int) -> list[str]:
        return Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()

    total = sum(int(f) for f in fields(master)[13:15])  # cutime, cstime
    for pid in workers_of(master):
        try:
            total += sum(int(f) for f in fields(pid)[11:13])  # utime, stime
        except OSError:
            continue  # replaced meanwhile: counted with the master's children next time
    return total / tick


def rss_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except FileNotFoundError:
        return None
    return None


def run_wrk(wrk: str, url: str, connections: int, seconds: int, paths: Path) -> dict:
    threads = min(connections, 2)
    lua = paths.with_suffix(".lua")
    env = {**os.environ, "LOADTEST_PATHS": str(paths), "LOADTEST_THREADS": str(threads)}
    command = [
        wrk, f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s",
        "-s", str(lua), url,
    ]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
    line = next(line for line in done.stdout.splitlines() if line.startswith("LOADTEST "))
    figures = json.loads(line.removeprefix("LOADTEST "))
    seconds_run = figures["duration_us"] / 1e6
    return {
        "rps": figures["requests"] / seconds_run,
        "p50": figures["p50_us"] / 1000,
        "p99": figures["p99_us"] / 1000,
        "errors": figures["status_errors"] + figures["socket_errors"],
        "requests": figures["requests"],
    }


def load_average() -> str:
    return Path("/proc/loadavg").read_text().split()[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds per run (10)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers (2)")
    parser.add_argument("--permalinks", type=int, default=6000, help="distinct results (6000)")
    parser.add_argument("--port", type=int, default=0, help="port (default: free, from 8300)")
    options = parser.parse_args()

    wrk = debian.ensure("wrk")
    port = options.port or free_port()
    work = Path(tempfile.mkdtemp(prefix="loadtest-"))
    log = work / "gunicorn.log"
    permalinks = distinct_permalinks(options.permalinks)
    warm_up = distinct_permalinks(options.permalinks + 20)[options.permalinks :]
    lists = {}
    for name, path in PAGES:
        lines = permalinks if path == "permalinks" else [path]
        lists[name] = work / f"{len(lists)}.txt"
        lists[name].write_text("\n".join(lines) + "\n")
        lists[name].with_suffix(".lua").write_text(LUA)

    started = datetime.now(UTC)
    load_before = load_average()
    server = start_gunicorn(port, options.workers, log)
    try:
        wait_until_up(server, port, log)
        # Every page answers as it should before it is timed, and each worker has served each
        # kind of page (templates and catalogues loaded).
        checks = {path: status_of(port, path) for _name, path in PAGES if path != "permalinks"}
        checks |= {p: status_of(port, p) for p in [permalinks[0], permalinks[-1], *warm_up]}
        wrong = {path[:80]: status for path, status in checks.items() if status != 200}
        if wrong:
            raise SystemExit(f"pages that are not 200 before the load: {wrong}")
        for _ in range(5):
            for _name, path in PAGES:
                status_of(port, path if path != "permalinks" else warm_up[0])
        workers = workers_of(server.pid)
        before = {pid: rss_mb(pid) for pid in workers}

        results = {}
        for connections in CONNECTIONS:
            for name, _path in PAGES:
                print(f"  {name}, {connections} connection(s), {options.duration} s ...",
                      file=sys.stderr, flush=True)  # fmt: skip
                cpu = workers_cpu_seconds(server.pid)
                results[name, connections] = run_wrk(
                    wrk, f"http://{HOST}:{port}", connections, options.duration, lists[name]
                )
                used = workers_cpu_seconds(server.pid) - cpu
                results[name, connections]["cpu_ms"] = (
                    used * 1e3 / results[name, connections]["requests"]
                )
        after = {pid: rss_mb(pid) for pid in workers_of(server.pid)}
        errors = [line for line in log.read_text().splitlines() if "[ERROR]" in line]
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
    report(options, started, load_before, load_average(), results, before, after)
    if errors:
        print(f"\ngunicorn logged {len(errors)} errors during the load, e.g. {errors[0]}")
    shutil.rmtree(work, ignore_errors=True)


def report(options, started, load_before, load_after, results, before, after):
    print(
        f"\nLoad on {HOST} ({started:%Y-%m-%d %H:%M} UTC): gunicorn {version('gunicorn')}, "
        f"{options.workers} sync workers, wrk, {options.duration} s per run, "
        f"{options.permalinks} distinct permalinks; load average {load_before} before, "
        f"{load_after} after ({os.cpu_count()} cores)\n"
    )
    print(
        "| page | connections | requests/s | p50 ms | p99 ms | errors | share of bare "
        "| worker CPU ms/request |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for connections in CONNECTIONS:
        bare = results["bare view", connections]["rps"]
        for name, _path in PAGES:
            r = results[name, connections]
            print(
                f"| {name} | {connections} | {r['rps']:,.0f} | {r['p50']:.1f} | {r['p99']:.1f} "
                f"| {r['errors']} | {r['rps'] / bare:.3f} | {r['cpu_ms']:.2f} |"
            )
    for connections in CONNECTIONS:
        served = results["result, distinct permalinks", connections]["requests"]
        if served > options.permalinks:
            print(
                f"\n(At {connections} connection(s) the result page was served {served} times: "
                f"each of the {options.permalinks} permalinks came back after "
                f"{options.permalinks} others; --permalinks raises the count.)"
            )
    result = results["result, distinct permalinks", 20]
    share = result["rps"] / results["bare view", 20]["rps"]
    errors = sum(r["errors"] for r in results.values())
    print("\nTargets (this machine; reported, not enforced):")
    for met, text in (
        (share >= TARGET_SHARE, f"result page at 20 connections at least 1/5 of the bare "
                                f"view's throughput: {share:.3f}"),
        (result["p99"] < TARGET_P99_MS, f"result page p99 under {TARGET_P99_MS} ms at 20 "
                                        f"connections: {result['p99']:.1f} ms"),
        (errors == 0, f"no errors in any run: {errors}"),
    ):  # fmt: skip
        print(f"  [{'met' if met else 'NOT met'}] {text}")
    bare = results["bare view", 20]
    cost, bare_cost = result["cpu_ms"], bare["cpu_ms"]
    print(
        f"  For scale, in the same run at 20 connections: the bare view's own p99 was "
        f"{bare['p99']:.1f} ms, and a result page cost {cost / bare_cost:.1f} times its "
        f"worker processor time ({cost:.2f} against {bare_cost:.2f} ms)."
    )
    print("\nWorker memory (RSS, from /proc):")
    for when, workers in (("before", before), ("after", after)):
        listed = ", ".join(f"worker {pid} {mb:.1f} MB" for pid, mb in workers.items() if mb)
        print(f"  {when}: {listed}")
    replaced = len(set(before) - set(after))
    if replaced:
        print(f"  ({replaced} worker(s) replaced during the load: gunicorn's max_requests)")


if __name__ == "__main__":
    main()
