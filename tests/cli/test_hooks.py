"""The pre-commit hooks: their file patterns, and a real `pre-commit try-repo` run."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from identify.identify import tags_from_filename

from .helpers import EXAMPLES, ROOT

HOOKS: dict[str, dict[str, Any]] = {
    hook["id"]: hook for hook in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
}

MATCHES = {
    "chime-capabilities-profile": {
        "must": [
            "chime-profiles/webinar.yaml",
            "chime-profile/webinar.yml",
            "config/chime_profiles/classroom.toml",
            "backend/meeting-profiles/sub/dir/a.json",
            "meetingprofiles/a.json",
            "chime-profiles.yaml",
            "deploy/meeting_profile.toml",
            "app/webinar.chime-profile.yaml",
            "webinar.chime-profiles.json",
        ],
        "must_not": [
            "profiles/webinar.yaml",
            "chime-profiles/README.md",
            "chime-profiles/webinar.yaml.bak",
            "chime-profiles/notes.txt",
            "my-chime-profiles/a.yaml",
            "chime-cli-input/create-attendee.json",
            "webinar.chime-cli-input.json",
            "chime-profile.py",
            ".chime-profile.yaml",
        ],
    },
    "chime-capabilities-cli-input": {
        "must": [
            "chime-cli-input/create-attendee.json",
            "chime-cli-inputs/batch.yaml",
            "ops/chime_cli_input/update.yml",
            "chime-sdk-meetings-cli-input/create-meeting.json",
            "chime-cli-input.json",
            "join.chime-cli-input.yaml",
        ],
        "must_not": [
            "cli-input/create-attendee.json",
            "chime-cli-input/create-attendee.toml",
            "chime-cli-input/README.md",
            "chime-profiles/webinar.yaml",
            "webinar.chime-profile.yaml",
            "aws-cli-input/x.json",
            "chime-cli-input/x.json5",
        ],
    },
}


def _selected(hook: dict[str, Any], path: str) -> bool:
    """What pre-commit does: the `files` pattern and one of `types_or`."""
    pattern_ok = re.search(hook["files"], path) is not None
    return pattern_ok and bool(set(hook["types_or"]) & tags_from_filename(path))


@pytest.mark.parametrize("hook_id", sorted(MATCHES))
def test_hook_file_patterns(hook_id: str) -> None:
    hook = HOOKS[hook_id]
    for path in MATCHES[hook_id]["must"]:
        assert _selected(hook, path), path
    for path in MATCHES[hook_id]["must_not"]:
        assert not _selected(hook, path), path


def test_hook_definitions() -> None:
    assert set(HOOKS) == set(MATCHES) | {f"{hook}-fix" for hook in MATCHES}
    for hook_id in MATCHES:  # a -fix hook is its check with --fix, on the same files
        fixing = HOOKS[f"{hook_id}-fix"]
        assert fixing["entry"] == HOOKS[hook_id]["entry"] + " --fix"
        assert (fixing["files"], fixing["types_or"]) == (
            HOOKS[hook_id]["files"],
            HOOKS[hook_id]["types_or"],
        )
    for hook in HOOKS.values():
        assert hook["language"] == "python"
        assert hook["entry"].startswith("chime-capabilities check --kind ")
        assert tuple(int(p) for p in hook["minimum_pre_commit_version"].split(".")) >= (2, 9, 0)
        assert hook["name"]
        assert hook["description"]


def _git(*args: str, cwd: Path) -> None:
    subprocess.run(
        ["git", "-c", "user.email=test@example.com", "-c", "user.name=test", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
    )


def _copy_project(target: Path) -> None:
    """This tree as a fresh clone would have it, plus uncommitted files, in a new repository
    (try-repo leaves untracked files out, so the repository under test is a copy)."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        check=True,
        capture_output=True,
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if "__pycache__" in source.parts or not source.is_file():
            continue
        destination = target / name
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, destination)
    _git("init", "-q", cwd=target)
    _git("add", "-A", cwd=target)
    _git("commit", "-q", "-m", "project", cwd=target)


def _try_repo(project: Path, work: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PRE_COMMIT_HOME=str(work.parent / "pre-commit-home"))
    env.pop("PRE_COMMIT", None)
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(project), *args],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def test_pre_commit_try_repo(tmp_path: Path) -> None:
    project = tmp_path / "project"
    _copy_project(project)
    work = tmp_path / "work"
    for directory in ("chime-profiles", "chime-cli-input", "profiles"):
        (work / directory).mkdir(parents=True)
    good = {
        "chime-profiles/webinar.yaml": EXAMPLES / "profiles" / "webinar.yaml",
        "chime-profiles/classroom.toml": EXAMPLES / "profiles" / "classroom.toml",
        "chime-cli-input/create-attendee.json": EXAMPLES / "cli-input" / "create-attendee.json",
    }
    bad = {
        "chime-profiles/broken.json": EXAMPLES / "profiles" / "broken.json",
        "chime-cli-input/batch-create-attendee.yaml": EXAMPLES
        / "cli-input"
        / "batch-create-attendee.yaml",
    }
    ignored = {"profiles/broken.json": EXAMPLES / "profiles" / "broken.json"}  # no hook matches
    for name, source in {**good, **bad, **ignored}.items():
        shutil.copyfile(source, work / name)
    _git("init", "-q", cwd=work)
    _git("add", "-A", cwd=work)

    everything = _try_repo(project, work, "--all-files")
    output = everything.stdout + everything.stderr
    assert everything.returncode == 1, output
    assert re.search(r"Check Chime SDK meeting profiles\.+Failed", output), output
    assert re.search(r"Check AWS CLI input files for chime-sdk-meetings\.+Failed", output), output
    assert "chime-profiles/broken.json:15:34: error CHM-E501 " in output
    assert "chime-profiles/broken.json:20:7: error CHM-E502 " in output
    assert "chime-cli-input/batch-create-attendee.yaml:6:62: error CHM-E303 " in output
    assert "profiles/broken.json:" not in output.replace("chime-profiles/broken.json:", "")
    for name in good:  # good files have no error line
        assert not re.search(re.escape(name) + r":\d+:\d+: error", output), name
    # the -fix hooks ran after the checks: the staged broken file comes out fixed
    assert re.search(r"Check and fix AWS CLI input files for chime-sdk-meetings\.+Failed", output)
    assert "chime-cli-input/batch-create-attendee.yaml: fixed 1 finding" in output
    broken = (EXAMPLES / "cli-input" / "batch-create-attendee.yaml").read_text()
    fixed = broken.replace("Content: Receive}", "Content: None}", 1)
    assert fixed != broken
    assert (work / "chime-cli-input/batch-create-attendee.yaml").read_text() == fixed
    for name, source in {**good, **ignored}.items():
        assert (work / name).read_bytes() == source.read_bytes(), name

    only_good = _try_repo(project, work, "--files", *good)
    output = only_good.stdout + only_good.stderr
    assert only_good.returncode == 0, output
    assert re.search(r"Check Chime SDK meeting profiles\.+Passed", output), output
    assert re.search(r"Check AWS CLI input files for chime-sdk-meetings\.+Passed", output), output


def _yaml_blocks(markdown: str) -> list[Any]:
    return [yaml.safe_load(block) for block in re.findall(r"```yaml\n(.*?)```", markdown, re.S)]


PRE_COMMIT_DOC = (ROOT / "docs" / "pre-commit.md").read_text()


def test_the_documented_rev_exists() -> None:
    config = next(block for block in _yaml_blocks(PRE_COMMIT_DOC) if "rev" in block["repos"][0])
    rev = config["repos"][0]["rev"]
    assert re.fullmatch(r"[0-9a-f]{40}", rev), rev
    hooks = subprocess.run(
        ["git", "show", f"{rev}:.pre-commit-hooks.yaml"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    documented = {hook["id"] for hook in config["repos"][0]["hooks"]}
    assert documented <= {hook["id"] for hook in yaml.safe_load(hooks)}


def test_the_documented_local_hook_works_as_written(tmp_path: Path) -> None:
    config = next(b for b in _yaml_blocks(PRE_COMMIT_DOC) if b["repos"][0]["repo"] == "local")
    (tmp_path / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config))
    (tmp_path / "chime-profiles").mkdir()
    shutil.copyfile(EXAMPLES / "profiles" / "webinar.yaml", tmp_path / "chime-profiles/a.yaml")
    shutil.copyfile(EXAMPLES / "profiles" / "broken.json", tmp_path / "chime-profiles/b.json")
    _git("init", "-q", cwd=tmp_path)
    _git("add", "-A", cwd=tmp_path)
    scripts = os.path.dirname(sys.executable)  # where chime-capabilities is installed
    env = dict(
        os.environ,
        PATH=scripts + os.pathsep + os.environ.get("PATH", ""),
        PRE_COMMIT_HOME=str(tmp_path.parent / "pre-commit-home-local"),
    )
    env.pop("PRE_COMMIT", None)

    def run(*files: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "pre_commit", "run", "--files", *files],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )

    good = run("chime-profiles/a.yaml")
    assert good.returncode == 0, good.stdout + good.stderr
    assert re.search(r"Check Chime SDK meeting profiles\.+Passed", good.stdout)
    bad = run("chime-profiles/a.yaml", "chime-profiles/b.json")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "chime-profiles/b.json:15:34: error CHM-E501 " in bad.stdout
