"""A wheel built from the checkout works anywhere: installed (not editable) into its own folder, the
`wirewatch` script runs the demo, shows the daemon's help and status, and resolves actors from an
unrelated directory, reading the bundled config, schedule, gazetteer, demo site and templates from
package data."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = [
    pytest.mark.skipif(
        not (ROOT / "pyproject.toml").exists(), reason="needs the repository checkout"
    ),
    pytest.mark.xdist_group("wheel"),  # one wheel built and installed for the module
]


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel installed with its script into a folder of its own; the environment's packages
    serve its dependencies."""
    base = tmp_path_factory.mktemp("wheel")
    # Built from a copy, links kept as links, so the build leaves nothing in the checkout.
    src = base / "src"
    skip = shutil.ignore_patterns("__pycache__", "*.egg-info", "build", "*.db*")
    src.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, src / name)
    for folder in ("crawler", "spiders", "data", "schedules"):
        shutil.copytree(ROOT / folder, src / folder, symlinks=True, ignore=skip)
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    build = [*pip, "wheel", "--no-deps", "--no-build-isolation", "-w", str(base / "dist"), str(src)]
    subprocess.run(build, check=True, capture_output=True, timeout=300)
    wheels = list((base / "dist").glob("wirewatch-*.whl"))
    assert len(wheels) == 1, wheels
    subprocess.run(
        [*pip, "install", "--no-deps", "--target", str(base / "site"), str(wheels[0])],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return base


def wirewatch(installed: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("WIREWATCH_")}
    env["PYTHONPATH"] = str(installed / "site")
    return subprocess.run(
        [sys.executable, str(installed / "site" / "bin" / "wirewatch"), *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_wheel_holds_the_bundled_data_and_not_the_checkout(installed: Path) -> None:
    """Package data is inside the wheel, as files (the links in the checkout are resolved)."""
    site = installed / "site" / "crawler"
    for rel in (
        "config/default.toml",
        "config/default_schedules/default.toml",
        "stories/gazetteer.toml",
        "demo/demo.toml",
        "demo/expected.json",
        "alerts/templates/digest.html.j2",
    ):
        assert (site / rel).is_file() and not (site / rel).is_symlink(), rel
    assert "[[actors]]" in (site / "stories" / "gazetteer.toml").read_text("utf-8")


def test_the_installed_script_works_from_an_unrelated_directory(
    installed: Path, tmp_path: Path
) -> None:
    """demo, daemon --help, status and actors run from a folder that holds nothing of the
    checkout."""
    where = tmp_path / "elsewhere"
    where.mkdir()
    probe = subprocess.run(
        [sys.executable, "-c", "import crawler; print(crawler.__file__)"],
        cwd=where,
        env={**os.environ, "PYTHONPATH": str(installed / "site")},
        capture_output=True,
        text=True,
        check=True,
    )
    assert probe.stdout.startswith(str(installed / "site")), probe.stdout
    demo = wirewatch(installed, "demo", "--port", "0", cwd=where)
    assert demo.returncode == 0, demo.stderr
    assert "articles in" in demo.stdout and (where / "data" / "demo.db").is_file()
    daemon = wirewatch(installed, "daemon", "--help", cwd=where)
    assert daemon.returncode == 0 and "SIGHUP" in daemon.stdout
    status = wirewatch(installed, "--db", "data/demo.db", "status", cwd=where)
    assert status.returncode == 0, status.stderr
    assert "default:crawl:0" in status.stdout and "vna" in status.stdout
    actors = wirewatch(installed, "actors", "Lavrov", cwd=where)
    assert actors.returncode == 0, actors.stderr
    assert "person:sergei-lavrov" in actors.stdout and "RUS" in actors.stdout
