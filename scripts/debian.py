"""The Debian packages the speed scripts drive (wrk, valgrind), installed when missing."""

import os
import shutil
import subprocess


def ensure(command: str, package: str | None = None) -> str:
    """The path of `command`, from Debian's `package` (by default the command's name),
    installed with apt-get when it is missing (as root)."""
    package = package or command
    found = shutil.which(command)
    if found:
        return found
    if os.geteuid() != 0:
        raise SystemExit(f"{command} is missing: apt-get install {package} (as root)")
    print(f"Installing Debian's {package} ...", flush=True)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(["apt-get", "install", "-y", "-qq", package], check=True, env=env)
    return shutil.which(command) or f"/usr/bin/{command}"
