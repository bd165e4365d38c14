//! Issue 19: trustworthy under damage and hostile input. Corrupt, truncated and missing
//! index files; read-only indexes; input walks with FIFOs, link loops and odd names;
//! ids that are numbers or too long; escapes in text output; half-made indexes.

use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use crate::util::*;

/// A small deterministic generator (xorshift64*), for fixed-seed damage.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

const PEOPLE: [&str; 4] = ["Chen Lei", "Maria Gonzalez", "John Smith", "Angela Merkel"];
const WORDS: [&str; 8] = [
    "oil", "wheat", "copper", "shares", "bonds", "coffee", "sugar", "gold",
];

/// `n` varied stories as JSON Lines, in `dir`.
fn stories(dir: &Path, n: usize) -> String {
    let mut data = String::new();
    for i in 0..n {
        let who = PEOPLE[i % PEOPLE.len()];
        let what = WORDS[i % WORDS.len()];
        let other = WORDS[(i / 3) % WORDS.len()];
        let body = format!(
            "{who} said on Tuesday that {what} prices rose {p}% to ${v} million in the week to \
             March {d}, 2020, while {other} fell. Traders in London and New York expect more \
             {what} from Brazil, the report number {i} added.",
            p = i % 17 + 1,
            v = i * 3 + 7,
            d = i % 27 + 1,
        );
        let rec = json!({"id": format!("s{i}"), "title": format!("{what} report {i}"),
                         "published": format!("20{:02}-03-{:02}", 10 + i % 11, i % 27 + 1),
                         "body": body});
        data.push_str(&rec.to_string());
        data.push('\n');
    }
    write(dir, "stories.jsonl", data)
}

fn ingest_stories(dir: &Path, n: usize) -> PathBuf {
    let input = stories(dir, n);
    let index = dir.join("idx");
    let o = run(&["ingest", &input, "--index", index.to_str().unwrap(), "-q"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    index
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for f in std::fs::read_dir(from).unwrap() {
        let f = f.unwrap().path();
        if f.is_file() {
            std::fs::copy(&f, to.join(f.file_name().unwrap())).unwrap();
        }
    }
}

/// The reads whose answers are compared: several searches (with filters and facets) and
/// the export.
fn reads(index: &str) -> Vec<Vec<String>> {
    let s = |extra: &[&str]| {
        let mut a: Vec<String> = ["search", "--index", index, "--json"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        a.extend(extra.iter().map(|s| s.to_string()));
        a
    };
    vec![
        s(&["oil"]),
        s(&["wheat prices", "--limit", "50"]),
        s(&["oil", "--person", "Chen Lei"]),
        s(&["*", "--from", "2015", "--limit", "0"]),
        s(&["copper OR gold", "--min-amount", "100", "--facets", "30"]),
        vec!["export".into(), "--index".into(), index.into()],
    ]
}

fn run_args(args: &[String]) -> Output {
    bin().args(args).output().expect("binary runs")
}

/// Overwrite `blocks` random blocks of `file` with random bytes; whether it changed.
fn damage(file: &Path, rng: &mut Rng, blocks: usize) -> bool {
    let mut bytes = std::fs::read(file).unwrap();
    let before = bytes.clone();
    let len = bytes.len() as u64;
    let block = (len / 4).clamp(1, 4096);
    for _ in 0..blocks {
        let at = rng.below(len.saturating_sub(block) + 1) as usize;
        for b in &mut bytes[at..at + block as usize] {
            *b = rng.next() as u8;
        }
    }
    // written in place (as `dd conv=notrunc` does): the inode stays
    let mut f = std::fs::OpenOptions::new().write(true).open(file).unwrap();
    std::io::Write::write_all(&mut f, &bytes).unwrap();
    bytes != before
}

fn files_with(index: &Path, ext: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(index)
        .unwrap()
        .map(|f| f.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(ext))
        .collect();
    v.sort();
    v
}

/// Each read of a damaged index either says it is damaged (no panic, nothing on stdout,
/// an exit that is not 0) or gives the answer of the sound index.
fn assert_detected_or_right(index: &str, want: &[(Vec<String>, Output)], case: &str) {
    for (args, good) in want {
        let o = run_args(args);
        no_panic(&o);
        if o.status.success() {
            assert_eq!(
                stdout(&o),
                stdout(good),
                "{case}: {args:?} answered wrong with exit 0"
            );
        } else {
            let err = stderr(&o);
            assert_eq!(o.status.code(), Some(3), "{case}: {args:?}: {err}");
            assert!(
                err.contains("damaged") && err.contains("newsfacts check --index"),
                "{case}: {args:?}: {err}"
            );
            assert!(!err.contains("tantivy 0.15"), "{case}: {err}");
            assert!(
                o.stdout.is_empty(),
                "{case}: {args:?}: output of a damaged index"
            );
        }
    }
    let _ = index;
}

#[test]
fn random_blocks_in_every_kind_of_segment_file_are_detected_or_harmless() {
    let dir = tempfile::tempdir().unwrap();
    let index = ingest_stories(dir.path(), 400);
    let sound = index.to_str().unwrap();
    let want: Vec<(Vec<String>, Output)> = reads(sound)
        .into_iter()
        .map(|a| {
            let o = run_args(&a);
            assert!(o.status.success(), "{a:?}: {}", stderr(&o));
            (a, o)
        })
        .collect();
    let check = run(&["check", "--index", sound]);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    assert!(
        stdout(&check).contains("is sound: 400 articles"),
        "{}",
        stdout(&check)
    );
    let mut cases = 0;
    for ext in [
        ".idx",
        ".pos",
        ".term",
        ".store",
        ".fast",
        ".fieldnorm",
        ".del",
    ] {
        if files_with(&index, ext).is_empty() {
            continue;
        }
        for seed in 1..=3u64 {
            let case = format!("{ext} seed {seed}");
            let copy = dir.path().join(format!("copy{ext}-{seed}"));
            copy_dir(&index, &copy);
            let c = copy.to_str().unwrap();
            // verified as it is (the stamp remembers it), then damaged in place
            let o = run(&["check", "--index", c]);
            assert_eq!(o.status.code(), Some(0), "{case}: {}", stderr(&o));
            let mut rng = Rng(0x9e37_79b9_7f4a_7c15 ^ seed.wrapping_mul(0x1234_5678_9abc));
            let mut changed = false;
            for f in files_with(&copy, ext) {
                changed |= damage(&f, &mut rng, 1 + seed as usize);
            }
            let want: Vec<(Vec<String>, Output)> = want
                .iter()
                .map(|(a, o)| {
                    let a = a
                        .iter()
                        .map(|s| if s == sound { c.to_string() } else { s.clone() });
                    (a.collect(), o.clone())
                })
                .collect();
            assert_detected_or_right(c, &want, &case);
            let o = run(&["check", "--index", c]);
            no_panic(&o);
            if changed {
                assert_eq!(
                    o.status.code(),
                    Some(3),
                    "{case}: check missed it: {}",
                    stdout(&o)
                );
                assert!(stdout(&o).contains("damaged: "), "{case}: {}", stdout(&o));
                // ingest refuses to write into it
                let more = write(dir.path(), "more.jsonl", record("m1", "More oil news."));
                let o = run(&["ingest", &more, "--index", c, "-q"]);
                no_panic(&o);
                assert_eq!(o.status.code(), Some(3), "{case}: {}", stderr(&o));
                assert!(
                    stderr(&o).contains("index damaged at"),
                    "{case}: {}",
                    stderr(&o)
                );
            }
            cases += 1;
        }
    }
    assert!(cases >= 18, "{cases} cases");
}

#[test]
fn a_deleted_or_truncated_file_is_named_and_nothing_reads_or_writes_it() {
    let dir = tempfile::tempdir().unwrap();
    let index = ingest_stories(dir.path(), 60);
    let more = write(dir.path(), "more.jsonl", record("m1", "More oil news."));
    for (what, ext) in [
        ("deleted", ".pos"),
        ("truncated", ".store"),
        ("truncated", ".term"),
    ] {
        let copy = dir.path().join(format!("{what}{ext}"));
        copy_dir(&index, &copy);
        let f = files_with(&copy, ext).remove(0);
        if what == "deleted" {
            std::fs::remove_file(&f).unwrap();
        } else {
            let len = std::fs::metadata(&f).unwrap().len();
            std::fs::OpenOptions::new()
                .write(true)
                .open(&f)
                .unwrap()
                .set_len(len / 2)
                .unwrap();
        }
        let c = copy.to_str().unwrap();
        let name = f.file_name().unwrap().to_str().unwrap();
        for args in [
            &["search", "oil", "--index", c][..],
            &["export", "--index", c][..],
            &["ingest", &more, "--index", c][..],
            &["check", "--index", c][..],
        ] {
            let o = run(args);
            no_panic(&o);
            let said = format!("{}{}", stdout(&o), stderr(&o));
            assert_eq!(o.status.code(), Some(3), "{args:?}: {said}");
            assert!(said.contains(name), "{args:?}: names {name}: {said}");
            let how = if what == "deleted" {
                "missing"
            } else {
                "truncated"
            };
            assert!(said.contains(how), "{args:?}: {said}");
            assert!(!said.contains("tantivy 0.15"), "{args:?}: {said}");
            if args[0] != "check" {
                assert!(o.stdout.is_empty(), "{args:?}");
            }
        }
    }
}

/// Read-only indexes are searched and exported; ingest says what is true. As root, the
/// binary is run as `nobody` (setpriv) on an index it cannot write.
#[test]
fn a_read_only_index_is_searchable_and_ingest_says_why_it_cannot_write() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().unwrap();
    let index = ingest_stories(dir.path(), 30);
    let root = unsafe_is_root();
    if root && Command::new("setpriv").arg("--version").output().is_err() {
        eprintln!("root without setpriv: skipped");
        return;
    }
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let more = write(dir.path(), "more.jsonl", record("m1", "More oil news."));
    std::fs::set_permissions(&more, std::fs::Permissions::from_mode(0o644)).unwrap();
    for f in std::fs::read_dir(&index).unwrap() {
        let f = f.unwrap().path();
        std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o444)).unwrap();
    }
    std::fs::set_permissions(&index, std::fs::Permissions::from_mode(0o555)).unwrap();
    let as_reader = |args: &[&str]| -> Output {
        let mut c = if root {
            let mut c = Command::new("setpriv");
            c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
                .arg(env!("CARGO_BIN_EXE_newsfacts"));
            c
        } else {
            Command::new(env!("CARGO_BIN_EXE_newsfacts"))
        };
        c.args(args)
            .env_remove("NEWSFACTS_INDEX")
            .env("NO_COLOR", "1")
            .stdin(Stdio::null())
            .output()
            .unwrap()
    };
    let i = index.to_str().unwrap();
    let o = as_reader(&["search", "oil", "--index", i, "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let r: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert!(r["total"].as_u64().unwrap() > 0);
    let o = as_reader(&["export", "--index", i]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(json_lines(&stdout(&o)).len(), 30);
    let o = as_reader(&["check", "--index", i]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = as_reader(&["ingest", &more, "--index", i]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("cannot be written"), "{err}");
    assert!(!err.contains("another ingest"), "{err}");
    std::fs::set_permissions(&index, std::fs::Permissions::from_mode(0o755)).unwrap();
}

fn unsafe_is_root() -> bool {
    // no libc: the owner of a file we just made is our effective user
    use std::os::unix::fs::MetadataExt as _;
    let d = tempfile::tempdir().unwrap();
    std::fs::metadata(d.path()).unwrap().uid() == 0
}

#[test]
fn fifos_link_loops_and_odd_names_in_input_directories() {
    use std::os::unix::ffi::OsStrExt as _;
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir_all(input.join("sub")).unwrap();
    write(&input, "a.jsonl", record("a", "Story a from Paris."));
    write(
        &input.join("sub"),
        "b.jsonl",
        record("b", "Story b from Rome."),
    );
    let odd = std::ffi::OsStr::from_bytes(b"caf\xe9.jsonl");
    std::fs::write(input.join(odd), record("c", "Story c from Oslo.")).unwrap();
    std::os::unix::fs::symlink("..", input.join("sub/up1")).unwrap();
    std::os::unix::fs::symlink("..", input.join("sub/up2")).unwrap();
    std::os::unix::fs::symlink("a.jsonl", input.join("same.jsonl")).unwrap();
    let fifo = input.join("feed.jsonl");
    let fifo_made = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    let o = run_with_timeout(
        &["extract", input.to_str().unwrap()],
        Duration::from_secs(60),
    )
    .expect("the walk finishes (no FIFO blocks it, no link loop runs away)");
    no_panic(&o);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    let mut ids: Vec<String> = json_lines(&stdout(&o))
        .iter()
        .map(|a| a["id"].as_str().unwrap().to_string())
        .collect();
    ids.sort();
    assert_eq!(ids, ["a", "b", "c"], "each file once: {err}");
    if fifo_made {
        assert!(err.contains("feed.jsonl (a FIFO"), "{err}");
    }
    assert!(err.contains("up1 (a symbolic link to a directory"), "{err}");
    assert!(err.contains("same.jsonl (the same file as"), "{err}");
}

#[test]
fn numeric_ids_stay_distinct_and_overlong_ids_are_rejected_once() {
    let dir = tempfile::tempdir().unwrap();
    let big = "123456789012345678901234567890";
    let data = format!(
        "{{\"id\": {big}, \"body\": \"First text about oil.\"}}\n\
         {{\"id\": 123456789012345678901234567891, \"body\": \"Second text about gold.\"}}\n\
         {{\"id\": \"{}\", \"body\": \"Overlong id text.\"}}\n",
        "x".repeat(70_000)
    );
    let input = write(dir.path(), "ids.jsonl", data);
    let index = dir.path().join("idx");
    let i = index.to_str().unwrap();
    for _ in 0..2 {
        let o = run(&["ingest", &input, "--index", i]);
        no_panic(&o);
        assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
        assert!(
            stderr(&o).contains("id of 70000 bytes: at most 4096 are allowed"),
            "{}",
            stderr(&o)
        );
    }
    let o = run(&["export", "--index", i]);
    let ids: Vec<String> = json_lines(&stdout(&o))
        .iter()
        .map(|a| a["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids.len(), 2, "{ids:?}");
    assert!(ids.contains(&big.to_string()), "{ids:?}");
}

#[test]
fn text_output_never_carries_terminal_escapes() {
    let dir = tempfile::tempdir().unwrap();
    let evil = "evil\u{1b}]0;PWNED\u{7}\u{1b}[2J";
    let rec = json!({"id": evil, "url": "http://x.invalid/\u{1b}[31mred", "title": "Oil \u{9b}31m news",
                     "body": "Oil prices rose in Paris on Monday, traders said."});
    let input = write(dir.path(), "evil.jsonl", format!("{rec}\n"));
    let index = dir.path().join("idx");
    let i = index.to_str().unwrap();
    let o = run(&["ingest", &input, "--index", i, "-q"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    for color in ["never", "always"] {
        let o = run(&["search", "oil", "--index", i, "--color", color]);
        assert!(o.status.success(), "{}", stderr(&o));
        let out = stdout(&o);
        assert!(out.starts_with("1 article matches"), "{out}");
        assert!(out.contains("evil\\u{1b}]0;PWNED\\u{7}\\u{1b}[2J"), "{out}");
        let raw_escapes = out.matches('\u{1b}').count();
        let ours = out.matches("\u{1b}[").count(); // colour codes of ours: ESC [ … m
        assert!(!out.contains('\u{7}') && !out.contains('\u{9b}'), "{out:?}");
        if color == "never" {
            assert_eq!(raw_escapes, 0, "{out:?}");
        } else {
            assert_eq!(raw_escapes, ours, "{out:?}");
            assert!(
                !out.contains("\u{1b}]0;") && !out.contains("\u{1b}[2J"),
                "{out:?}"
            );
        }
    }
}

#[test]
fn a_half_made_index_is_finished_and_a_mistyped_input_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let input = write(dir.path(), "a.jsonl", record("a", "Oil story from Paris."));
    // what an older newsfacts killed while creating the index left
    let half = dir.path().join("half");
    std::fs::create_dir(&half).unwrap();
    write(
        &half,
        "meta.json",
        r#"{"index_settings":{},"segments":[],"schema":[],"opstamp":0}"#,
    );
    write(&half, ".managed.json", "[]");
    let o = run(&["ingest", &input, "--index", half.to_str().unwrap(), "-q"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = run(&["export", "--index", half.to_str().unwrap()]);
    assert_eq!(json_lines(&stdout(&o)).len(), 1, "{}", stderr(&o));
    // a new index appears whole or not at all: no temporary directory is left beside it
    let fresh = dir.path().join("fresh");
    let o = run(&["ingest", &input, "--index", fresh.to_str().unwrap(), "-q"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let left: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("newsfacts-new"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
    // a mistyped input: exit 1, no index made
    let none = dir.path().join("none");
    let missing = dir.path().join("typo.jsonl");
    let o = run(&[
        "ingest",
        &input,
        missing.to_str().unwrap(),
        "--index",
        none.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("typo.jsonl"), "{}", stderr(&o));
    assert!(!none.exists());
}
