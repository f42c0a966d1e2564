"""Start, watch and stop the three processes: Rasa, the action server and the gateway."""

from __future__ import annotations

import fcntl
import hashlib
import logging
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from config import ROOT, Settings, settings_environ

log = logging.getLogger(__name__)
NLU_DIR = ROOT / "nlu"
MODEL_DIR = NLU_DIR / "models"
MODEL_NAME = "troly"
TRAINING_INPUTS = ("config.yml", "domain", "data", "vi_tokenizer.py", "normalise.py", "privacy.py")


class StartupError(RuntimeError):
    """A process did not become healthy."""


def training_fingerprint() -> str:
    """Hash of everything `rasa train` reads, so we retrain only when it changed."""
    digest = hashlib.sha256()
    for name in TRAINING_INPUTS:
        path = NLU_DIR / name
        files = sorted(path.rglob("*")) if path.is_dir() else [path]
        for file in files:
            if file.is_file():
                digest.update(str(file.relative_to(NLU_DIR)).encode())
                digest.update(file.read_bytes())
    return digest.hexdigest()


def rasa_env(settings: Settings) -> dict[str, str]:
    home = settings.VAR_DIR / "rasa-home"
    home.mkdir(parents=True, exist_ok=True)
    return {
        **settings_environ(settings),
        "PYTHONPATH": str(ROOT),
        "HOME": str(home),
        "RASA_TELEMETRY_ENABLED": "false",
        "TF_CPP_MIN_LOG_LEVEL": "3",
        "ACTION_ENDPOINT_URL": settings.actions_url,
        "RASA_TRACKER_DB": str(settings.rasa_tracker_db),
        "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
    }


def rasa_executable(settings: Settings) -> Path:
    path = settings.RASA_VENV / "bin" / "rasa"
    if not path.exists():
        raise StartupError(f"Rasa is not installed at {path}: run scripts/setup.sh first")
    return path


def ensure_model(settings: Settings) -> Path:
    """Train the Rasa model when nlu/ changed since the last training; return its path.

    A file lock makes concurrent callers (two test runs, a test and the bot) train once.
    """
    MODEL_DIR.mkdir(parents=True, exist_ok=True)
    with (MODEL_DIR / ".lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        return _train_if_changed(settings)


def _train_if_changed(settings: Settings) -> Path:
    model = MODEL_DIR / f"{MODEL_NAME}.tar.gz"
    stamp = MODEL_DIR / f"{MODEL_NAME}.fingerprint"
    fingerprint = training_fingerprint()
    if model.exists() and stamp.exists() and stamp.read_text() == fingerprint:
        return model
    log.info("training the Rasa model (2-3 minutes on 2 cores)…")
    started = time.monotonic()
    command = [
        str(rasa_executable(settings)),
        "train",
        "--domain",
        "domain",
        "--fixed-model-name",
        MODEL_NAME,
        "--out",
        str(MODEL_DIR),
        "--force",
        "--quiet",
    ]
    done = subprocess.run(
        command, cwd=NLU_DIR, env=rasa_env(settings), capture_output=True, text=True, check=False
    )
    if done.returncode != 0 or not model.exists():
        raise StartupError(f"rasa train failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    stamp.write_text(fingerprint)
    log.info("trained in %.0f s", time.monotonic() - started)
    return model


@dataclass
class Child:
    name: str
    command: list[str]
    health_url: str
    cwd: Path
    env: dict[str, str]
    log_path: Path
    process: subprocess.Popen | None = None
    restarts: int = 0

    def start(self) -> None:
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        out = self.log_path.open("ab")
        self.process = subprocess.Popen(
            self.command,
            cwd=self.cwd,
            env=self.env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def is_healthy(self) -> bool:
        try:
            return httpx.get(self.health_url, timeout=2.0).status_code == 200
        except httpx.HTTPError:
            return False

    def has_exited(self) -> bool:
        return self.process is not None and self.process.poll() is not None

    def stop(self, timeout: float = 15.0) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(5)


@dataclass
class Stack:
    """The three processes, started in order and stopped in reverse."""

    settings: Settings
    children: list[Child] = field(default_factory=list)

    def plan(self) -> list[Child]:
        s = self.settings
        logs = s.VAR_DIR / "logs"
        own_env = {**settings_environ(s), "PYTHONPATH": str(ROOT)}
        rasa_port = s.RASA_URL.rsplit(":", 1)[-1].rstrip("/")
        return [
            Child(
                "actions",
                [sys.executable, "-m", "actions"],
                f"http://127.0.0.1:{s.ACTIONS_PORT}/health",
                ROOT,
                own_env,
                logs / "actions.log",
            ),
            Child(
                "rasa",
                [
                    str(rasa_executable(s)),
                    "run",
                    "--enable-api",
                    "--port",
                    rasa_port,
                    "--interface",
                    "127.0.0.1",
                    "--model",
                    str(MODEL_DIR / f"{MODEL_NAME}.tar.gz"),
                    "--endpoints",
                    "endpoints.yml",
                    "--credentials",
                    "credentials.yml",
                ],
                f"{s.RASA_URL}/status",
                NLU_DIR,
                rasa_env(s),
                logs / "rasa.log",
            ),
            Child(
                "gateway",
                [sys.executable, "-m", "bot", "gateway"],
                f"http://{s.BOT_HOST}:{s.BOT_PORT}/api/inbox?sender=healthcheck",
                ROOT,
                own_env,
                logs / "gateway.log",
            ),
        ]

    def start(self, timeout: float = 420.0) -> None:
        ensure_model(self.settings)
        self.children = self.plan()
        for child in self.children:
            child.start()
        deadline = time.monotonic() + timeout
        for child in self.children:
            while not child.is_healthy():
                if child.has_exited():
                    self.stop()
                    raise StartupError(f"{child.name} exited; see {child.log_path}")
                if time.monotonic() > deadline:
                    self.stop()
                    raise StartupError(f"{child.name} not healthy in time; see {child.log_path}")
                time.sleep(0.5)
            log.info("%s is up", child.name)

    def restart_exited(self) -> list[str]:
        """Restart any child that died; return their names (the supervisor's one job)."""
        restarted = []
        for child in self.children:
            if child.has_exited():
                child.restarts += 1
                child.start()
                restarted.append(child.name)
        return restarted

    def stop(self) -> None:
        for child in reversed(self.children):
            child.stop()
