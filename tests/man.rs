//! The man pages under docs/man are what the clap definitions make (`ordex man DIR`, a hidden
//! subcommand): one for `ordex` and one for each subcommand a user runs. After a change to a
//! flag or its help, `UPDATE_EXPECT=1 cargo test --test man` writes them again (or `cargo run
//! -- man docs/man`); review the diff. Also `ordex completions SHELL` and `--version`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

fn ordex() -> Command {
    Command::new(env!("CARGO_BIN_EXE_ordex"))
}

fn committed() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/man")
}

/// The `*.1` files of `dir`, by name.
fn pages(dir: &Path) -> BTreeMap<String, String> {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .map(|e| e.unwrap().path())
                .filter(|p| p.extension().is_some_and(|e| e == "1"))
                .map(|p| {
                    let name = p.file_name().unwrap().to_string_lossy().into_owned();
                    (name, std::fs::read_to_string(&p).unwrap())
                })
                .collect()
        })
        .unwrap_or_default()
}

fn write_pages(dir: &Path) {
    let out = ordex().arg("man").arg(dir).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn committed_man_pages_are_what_the_clap_definitions_make() {
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        for old in pages(&committed()).keys() {
            std::fs::remove_file(committed().join(old)).unwrap();
        }
        write_pages(&committed());
    }
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("ordex-man-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    write_pages(&dir);
    let made = pages(&dir);
    let names: Vec<&str> = made.keys().map(String::as_str).collect();
    assert_eq!(
        names,
        [
            "ordex-completions.1",
            "ordex-extract.1",
            "ordex-index.1",
            "ordex-schema.1",
            "ordex-search.1",
            "ordex.1"
        ]
    );
    let have = pages(&committed());
    let stale: Vec<&String> = made
        .iter()
        .filter(|(name, text)| have.get(*name) != Some(*text))
        .map(|(name, _)| name)
        .collect();
    let stray: Vec<&String> = have.keys().filter(|n| !made.contains_key(*n)).collect();
    assert!(
        stale.is_empty() && stray.is_empty(),
        "docs/man differs from what the clap definitions make (UPDATE_EXPECT=1 cargo test \
         --test man, then review): differ or missing {stale:?}, not made {stray:?}"
    );
    // Every long flag of extract is in its page (roff escapes each `-` as `\-`).
    let extract = &made["ordex-extract.1"];
    for flag in [
        "--no-ocr",
        "--ocr",
        "--exit-zero-on-document-errors",
        "--max-stream-mb",
    ] {
        assert!(
            extract.contains(&flag.replace('-', "\\-")),
            "{flag} in ordex-extract.1"
        );
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn completions_for_each_shell_name_the_subcommands_and_flags() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = ordex().args(["completions", shell]).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{shell}");
        let text = String::from_utf8(out.stdout).unwrap();
        for word in ["extract", "search", "--no-ocr", "--case"] {
            // fish names a long flag `-l no-ocr`.
            let word = match word.strip_prefix("--") {
                Some(long) if shell == "fish" => format!("-l {long}"),
                _ => word.to_string(),
            };
            assert!(text.contains(&word), "{shell}: {word}");
        }
    }
    let bad = ordex().args(["completions", "tcsh"]).output().unwrap();
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn version_names_the_records_schema() {
    let out = ordex().arg("--version").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        format!(
            "ordex {} (records: {})\n",
            env!("CARGO_PKG_VERSION"),
            ordex::record::SCHEMA
        )
    );
}
