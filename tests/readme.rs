//! The README is the newcomer's page: it documents every flag the binary's `--help` shows,
//! stays short, and names nothing a fresh clone lacks.
//!
//! The flags are read from the built binary, not listed here: `ordex --help` names the
//! subcommands (every one, however many are added later), each `ordex SUB --help` its flags,
//! and every long flag (`--xyz`) must appear in README.md as a whole word. A flag added without
//! a line in the README fails this test, as it should.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Longest README, in lines.
const README_MAX_LINES: usize = 300;

/// The real documents kept beside the repository: only docs/evaluation.md (and the tests)
/// may point there, since a clone does not have them.
const OUTSIDE: &str = "../shared";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn readme() -> String {
    std::fs::read_to_string(root().join("README.md")).expect("README.md")
}

/// The help text of `ordex [COMMAND...] --help`.
fn help(command: &[String]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_ordex"))
        .args(command)
        .arg("--help")
        .output()
        .expect("run ordex");
    assert!(
        out.status.success(),
        "ordex {} --help: {:?}\n{}",
        command.join(" "),
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("help is UTF-8")
}

/// The subcommands a help text lists under `Commands:` (clap's layout: each at two spaces'
/// indent, its name first, aliases after a comma), without `help`.
fn subcommands(help: &str) -> Vec<String> {
    help.lines()
        .skip_while(|l| l.trim_end() != "Commands:")
        .skip(1)
        .take_while(|l| !l.trim().is_empty())
        .filter(|l| l.starts_with("  ") && !l.starts_with("   "))
        .filter_map(|l| l.split_whitespace().next())
        .map(|name| name.trim_end_matches(',').to_string())
        .filter(|name| name != "help")
        .collect()
}

/// Is `c` part of a flag's name?
fn flag_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'-'
}

/// Every long flag (`--name`) in a text, wherever it stands (the options list, or a flag that a
/// description names).
fn long_flags(text: &str) -> BTreeSet<String> {
    let b = text.as_bytes();
    let mut flags = BTreeSet::new();
    let mut i = 0;
    while let Some(at) = text[i..].find("--").map(|p| p + i) {
        let start = at + 2;
        let mut end = start;
        while end < b.len() && flag_char(b[end]) {
            end += 1;
        }
        let before_ok = at == 0 || !flag_char(b[at - 1]);
        if before_ok && end > start && b[start].is_ascii_alphabetic() {
            flags.insert(text[at..end].trim_end_matches('-').to_string());
        }
        i = end.max(at + 2);
    }
    flags
}

/// Does `text` hold `flag` as a whole word (`--ocr` is not found in `--ocr-max-pages`)?
fn has_flag(text: &str, flag: &str) -> bool {
    let b = text.as_bytes();
    text.match_indices(flag).any(|(at, _)| {
        let end = at + flag.len();
        (at == 0 || !flag_char(b[at - 1])) && (end == b.len() || !flag_char(b[end]))
    })
}

/// Every command's path (`[]` for `ordex` itself, `["extract"]`, ...) with its help text.
fn all_help() -> Vec<(Vec<String>, String)> {
    let mut out = Vec::new();
    let mut todo = vec![Vec::new()];
    while let Some(command) = todo.pop() {
        let text = help(&command);
        for sub in subcommands(&text) {
            let mut path = command.clone();
            path.push(sub);
            todo.push(path);
        }
        out.push((command, text));
    }
    out.sort();
    out
}

#[test]
fn the_help_parser_finds_the_commands_and_flags_it_must() {
    // So that the test below cannot pass by finding nothing: a change of clap's layout that
    // hid the subcommands or flags from the parser fails here.
    let all = all_help();
    let names: Vec<String> = all.iter().map(|(c, _)| c.join(" ")).collect();
    for expected in ["", "extract", "index", "search"] {
        assert!(
            names.iter().any(|n| n == expected),
            "{expected:?} in {names:?}"
        );
    }
    assert!(
        !names.iter().any(|n| n == "help" || n == "worker"),
        "{names:?}"
    );
    let flags_of = |name: &str| {
        let (_, text) = all.iter().find(|(c, _)| c.join(" ") == name).unwrap();
        long_flags(text)
    };
    for flag in [
        "--output",
        "--jobs",
        "--ocr",
        "--max-stream-mb",
        "--shard",
        "--help",
    ] {
        assert!(flags_of("extract").contains(flag), "extract {flag}");
    }
    for flag in ["--index", "--query-syntax", "--type", "--json"] {
        assert!(flags_of("search").contains(flag), "search {flag}");
    }
    assert!(flags_of("").contains("--version"));
    assert_eq!(
        long_flags("a --x-y, --z and -- or --- or a--b (--ocr)."),
        BTreeSet::from(["--ocr", "--x-y", "--z"].map(String::from))
    );
    assert!(has_flag("`--ocr`", "--ocr"));
    assert!(!has_flag("`--ocr-max-pages`", "--ocr"));
}

#[test]
fn readme_documents_every_flag_of_every_command() {
    let readme = readme();
    let mut missing = Vec::new();
    for (command, text) in all_help() {
        for flag in long_flags(&text) {
            if !has_flag(&readme, &flag) {
                missing.push(format!("ordex {} {flag}", command.join(" ")));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "README.md does not mention these flags that --help shows (add them to its flag \
         tables):\n{}",
        missing.join("\n")
    );
}

#[test]
fn readme_is_short() {
    let lines = readme().lines().count();
    assert!(
        lines <= README_MAX_LINES,
        "README.md has {lines} lines, more than {README_MAX_LINES}: move the detail to docs/"
    );
}

/// The markdown files under `dir`, recursively.
fn markdown(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            markdown(&path, out);
        } else if path.extension().is_some_and(|e| e == "md") {
            out.push(path);
        }
    }
}

#[test]
fn only_the_evaluation_page_points_outside_the_repository() {
    let mut files = vec![root().join("README.md")];
    markdown(&root().join("docs"), &mut files);
    let evaluation = root().join("docs").join("evaluation.md");
    assert!(evaluation.is_file(), "docs/evaluation.md");
    let naming: Vec<String> = files
        .iter()
        .filter(|f| **f != evaluation)
        .filter(|f| std::fs::read_to_string(f).unwrap().contains(OUTSIDE))
        .map(|f| f.strip_prefix(root()).unwrap().display().to_string())
        .collect();
    assert!(
        naming.is_empty(),
        "{naming:?} name {OUTSIDE}, which a clone does not have (say it in docs/evaluation.md)"
    );
}
