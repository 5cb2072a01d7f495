"""Starting, probing and stopping one `switchboard serve` process."""

import os
import re
import signal
import socket
import subprocess
import time
from pathlib import Path
from typing import Dict, List, Optional

import requests

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_BIN = REPO_ROOT / ".build" / "debug" / "switchboard"
READY_TIMEOUT_S = 60.0
STOP_TIMEOUT_S = 15.0
NOTABLE = re.compile(r'Fatal error|Program crashed|"level":"(error|critical)"')


def find_binary() -> Path:
    """The server binary: $SWITCHBOARD_BIN, else <repo>/.build/debug/switchboard; raise with a hint if absent."""
    path = Path(os.environ.get("SWITCHBOARD_BIN") or DEFAULT_BIN)
    if not (path.is_file() and os.access(path, os.X_OK)):
        raise FileNotFoundError(
            f"Switchboard binary not found or not executable at {path}. "
            "Run `swift build` first (or set SWITCHBOARD_BIN to the built binary)."
        )
    return path


def free_port() -> int:
    """A TCP port on 127.0.0.1 that was free a moment ago."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def clean_env(extra: Optional[Dict[str, str]] = None) -> Dict[str, str]:
    """This process's environment without any SWITCHBOARD_* variable, plus `extra`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SWITCHBOARD_")}
    env.update(extra or {})
    return env


class ServerProcess:
    """One `switchboard serve` child process, with stdout and stderr in files under `workdir`."""

    def __init__(self, binary: Path, workdir: Path, database: str, env: Dict[str, str],
                 name: str = "server", extra_args: Optional[List[str]] = None):
        """Remember how to run the server; nothing starts until start()."""
        self.binary = binary
        self.workdir = Path(workdir)
        self.database = database
        self.env = env
        self.name = name
        self.extra_args = extra_args or []
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.stdout_path = self.workdir / f"{name}.stdout.log"
        self.stderr_path = self.workdir / f"{name}.stderr.log"
        self.proc: Optional[subprocess.Popen] = None

    def command(self) -> List[str]:
        """The argv used to start the server."""
        return [str(self.binary), "serve", "--host", "127.0.0.1", "--port", str(self.port),
                "--database", self.database, *self.extra_args]

    def start(self) -> "ServerProcess":
        """Spawn the server and wait until GET /health answers 200; raise with the log tail if not."""
        self.workdir.mkdir(parents=True, exist_ok=True)
        with open(self.stdout_path, "ab") as out, open(self.stderr_path, "ab") as err:
            self.proc = subprocess.Popen(self.command(), stdout=out, stderr=err,
                                         stdin=subprocess.DEVNULL, env=self.env, cwd=self.workdir)
        self.wait_ready()
        return self

    def wait_ready(self, timeout: float = READY_TIMEOUT_S) -> None:
        """Poll /health until 200, the process dies, or `timeout` passes."""
        deadline = time.monotonic() + timeout
        last = "no answer yet"
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"switchboard exited with {self.proc.returncode} before it was ready.\n"
                                   f"command: {' '.join(self.command())}\n{self.log_tail()}")
            try:
                resp = requests.get(f"{self.base_url}/health", timeout=2)
                if resp.status_code == 200:
                    return
                last = f"HTTP {resp.status_code}: {resp.text[:200]}"
            except requests.RequestException as exc:
                last = repr(exc)
            time.sleep(0.2)
        self.kill()
        raise RuntimeError(f"switchboard was not ready within {timeout:.0f}s (last: {last}).\n"
                           f"command: {' '.join(self.command())}\n{self.log_tail()}")

    def stop(self, sig: int = signal.SIGTERM, timeout: float = STOP_TIMEOUT_S) -> Optional[int]:
        """Send `sig` and wait up to `timeout`; return the exit code, or None (after SIGKILL) if it hung."""
        if self.proc is None or self.proc.poll() is not None:
            return None if self.proc is None else self.proc.returncode
        self.proc.send_signal(sig)
        try:
            return self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.kill()
            return None

    def kill(self) -> None:
        """SIGKILL the server if it is still running."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=10)

    def stdout_text(self) -> str:
        """Everything the server printed on stdout so far."""
        return self.stdout_path.read_text(errors="replace") if self.stdout_path.exists() else ""

    def log_tail(self, lines: int = 40) -> str:
        """The last `lines` lines of the server's stdout and stderr, labelled, after any crash or error lines."""
        parts = []
        for label, path in (("stdout", self.stdout_path), ("stderr", self.stderr_path)):
            text = path.read_text(errors="replace") if path.exists() else ""
            notable = [line for line in text.splitlines() if NOTABLE.search(line)][:10]
            if notable:
                parts.append(f"--- {self.name} {label}: crash / error lines ---\n" + "\n".join(notable))
            tail = "\n".join(text.splitlines()[-lines:])
            parts.append(f"--- {self.name} {label} ({path}) ---\n{tail}")
        return "\n".join(parts)
