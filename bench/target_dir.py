#!/usr/bin/env python3
"""Where cargo puts this repository's binaries: `cargo metadata`'s `target_directory`.

Usage: bench/target_dir.py        prints the folder (absolute), e.g. /work/ordex/target
As a module (the other scripts here): `target_dir()`, `ordex_binary("release")`.

Cargo's own answer, so that every way of moving the folder holds: `CARGO_TARGET_DIR`
(absolute, or relative: cargo resolves it against the folder it runs in, here the repository
root, where `.ci/run` and `bench/run.sh` build), `build.target-dir` in a `.cargo/config.toml`,
a workspace's shared folder. Exits 2 with a message when cargo cannot say: guessing `target/`
would run a stale binary or none. Standard library only.
"""
import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def target_dir() -> Path:
    """Cargo's target folder for the repository, asked from the repository root."""
    try:
        out = subprocess.run(["cargo", "metadata", "--format-version", "1", "--no-deps"],
                             cwd=REPO, capture_output=True, text=True, check=True).stdout
        return Path(json.loads(out)["target_directory"])
    except (OSError, subprocess.CalledProcessError, ValueError, KeyError) as e:
        detail = (getattr(e, "stderr", None) or str(e)).strip()
        print(f"cannot ask cargo where its target folder is (cargo metadata): {detail}",
              file=sys.stderr)
        sys.exit(2)


def ordex_binary(profile: str) -> Path:
    """The `ordex` binary a `cargo build` of `profile` (`debug`, `release`) makes."""
    return target_dir() / profile / "ordex"


if __name__ == "__main__":
    print(target_dir())
