//! Robustness tests: odd inputs, odd flags, odd environments. Each drives the real
//! binary. Tests marked `#[ignore = "bug: …"]` pin a known bug: they fail today and
//! should pass once it is fixed (run them with `cargo test -- --ignored`).

use serde_json::{json, Value};
use std::path::Path;
use std::process::{Command, Output};
use std::time::Duration;

use crate::util::*;

fn ids(v: &[Value]) -> Vec<String> {
    v.iter()
        .map(|a| a["id"].as_str().unwrap().to_string())
        .collect()
}

/// `text[start:end] == mention.text` in code points, for every mention.
fn assert_offsets(articles: &[Value]) {
    for a in articles {
        let chars: Vec<char> = a["text"].as_str().unwrap().chars().collect();
        for m in a["mentions"].as_array().unwrap() {
            let (s, e) = (
                m["start"].as_u64().unwrap() as usize,
                m["end"].as_u64().unwrap() as usize,
            );
            assert!(s < e && e <= chars.len(), "{}: bad span {m}", a["id"]);
            let got: String = chars[s..e].iter().collect();
            assert_eq!(got, m["text"].as_str().unwrap(), "{}: {m}", a["id"]);
        }
    }
}

// ---------------------------------------------------------------- JSON Lines oddities

#[test]
fn bom_and_crlf_lines_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(
        dir.path(),
        "a.jsonl",
        format!(
            "\u{feff}{}\r\n{}\r\n",
            record("a", "Apple Inc. said revenue rose 5% to $3 billion."),
            record("b", "A second story from Berlin.")
        ),
    );
    let o = run(&["extract", &f]);
    no_panic(&o);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let arts = json_lines(&stdout(&o));
    assert_eq!(ids(&arts), ["a", "b"]);
    assert!(!arts[1]["text"].as_str().unwrap().contains('\r'));
    assert_offsets(&arts);
}

#[test]
fn odd_body_and_id_types_are_kept_or_rejected_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let lines = [
        r#"{"id":"num","body":12345}"#,
        r#"{"id":"arr","body":["para one","para two"]}"#,
        r#"{"id":"obj","body":{"x":"y"}}"#,
        r#"{"id":"null","body":null}"#,
        r#"{"id":7,"body":"numeric id"}"#,
        r#"{"id":"dup","body":"first","body":"second"}"#,
        r#"{"id":"bool","body":true}"#,
    ];
    let f = write(dir.path(), "odd.jsonl", lines.join("\n") + "\n");
    let rejects = dir.path().join("rejects.jsonl");
    let o = run(&["extract", &f, "--rejects", rejects.to_str().unwrap()]);
    no_panic(&o);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let arts = json_lines(&stdout(&o));
    assert_eq!(ids(&arts), ["num", "arr", "7", "dup"]);
    assert_eq!(arts[0]["text"], "12345");
    let rej = json_lines(&std::fs::read_to_string(&rejects).unwrap());
    let lines: Vec<u64> = rej.iter().map(|r| r["line"].as_u64().unwrap()).collect();
    assert_eq!(lines, [3, 4, 7]);
    assert!(rej
        .iter()
        .all(|r| !r["reason"].as_str().unwrap().is_empty()));
}

#[test]
fn empty_and_blank_files_are_no_records_and_no_error() {
    let dir = tempfile::tempdir().unwrap();
    let empty = write(dir.path(), "empty.jsonl", "");
    let blank = write(dir.path(), "blank.jsonl", "\n\n   \n\r\n");
    for f in [&empty, &blank] {
        let o = run(&["extract", f]);
        no_panic(&o);
        assert_eq!(o.status.code(), Some(0), "{f}: {}", stderr(&o));
        assert!(o.stdout.is_empty());
    }
}

#[test]
fn trailing_nul_and_binary_garbage_are_rejected_not_fatal() {
    let dir = tempfile::tempdir().unwrap();
    let nul = write(
        dir.path(),
        "nul.jsonl",
        format!(
            "{}\0\n{}\n",
            record("n", "x y z"),
            record("ok", "Fine text.")
        ),
    );
    let mut garbage: Vec<u8> = (0..4000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    garbage.extend_from_slice(b"\n");
    let bin = write(dir.path(), "garbage.jsonl", &garbage);
    let o = run(&["extract", &nul, &bin]);
    no_panic(&o);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let arts = json_lines(&stdout(&o));
    assert!(ids(&arts).contains(&"ok".to_string()));
}

#[test]
fn invalid_utf8_inside_a_multibyte_char_is_kept_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(
        dir.path(),
        "bad.jsonl",
        &b"{\"id\":\"u\",\"body\":\"caf\xc3 au lait \xe2\x82 in Paris\"}\n"[..],
    );
    let o = run(&["extract", &f]);
    no_panic(&o);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("UTF-8"), "{}", stderr(&o));
    let arts = json_lines(&stdout(&o));
    assert_eq!(ids(&arts), ["u"]);
    assert!(arts[0]["text"].as_str().unwrap().contains('\u{fffd}'));
    assert_offsets(&arts);
}

#[test]
fn lone_surrogate_escape_is_decoded_lossily_not_rejected() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(
        dir.path(),
        "surr.jsonl",
        "{\"id\":\"s\",\"body\":\"lone \\ud800 surrogate in Paris\"}\n",
    );
    let o = run(&["extract", &f]);
    no_panic(&o);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let arts = json_lines(&stdout(&o));
    assert_eq!(ids(&arts), ["s"]);
    assert!(arts[0]["text"].as_str().unwrap().contains('\u{fffd}'));
}

#[test]
fn gzip_named_jsonl_is_sniffed_and_truncated_gzip_keeps_what_it_can() {
    let dir = tempfile::tempdir().unwrap();
    let one = format!("{}\n", record("g", "Gzipped story about Tokyo."));
    let disguised = write(dir.path(), "disguised.jsonl", gzip(one.as_bytes()));
    let o = run(&["extract", &disguised]);
    no_panic(&o);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(ids(&json_lines(&stdout(&o))), ["g"]);

    let many: String = (0..200)
        .map(|i| record(&format!("t{i}"), &format!("Record number {i}.")) + "\n")
        .collect();
    let gz = gzip(many.as_bytes());
    let cut = write(dir.path(), "cut.jsonl.gz", &gz[..gz.len() / 2]);
    let o = run(&["extract", &cut]);
    no_panic(&o);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let arts = json_lines(&stdout(&o));
    assert!(arts.len() > 50, "only {} records", arts.len());
    assert_eq!(arts[0]["id"], "t0");
}

#[test]
fn oversized_line_is_rejected_and_the_next_line_survives() {
    let dir = tempfile::tempdir().unwrap();
    let mut data = String::with_capacity(34 << 20);
    data.push_str(r#"{"id":"huge","body":""#);
    data.push_str(&"x ".repeat(17 << 20));
    data.push_str("\"}\n");
    data.push_str(&record("after", "After the big one."));
    data.push('\n');
    let f = write(dir.path(), "huge.jsonl", data);
    let o = run(&["extract", &f]);
    no_panic(&o);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert_eq!(ids(&json_lines(&stdout(&o))), ["after"]);
    assert!(stderr(&o).contains(":1:"), "{}", stderr(&o));
}

// ---------------------------------------------------------------- stdin

#[test]
fn stdin_json_is_sniffed_with_and_without_dash() {
    let input = format!("{}\n", record("s", "From stdin in Tokyo."));
    for args in [&["extract", "-"][..], &["extract"][..]] {
        let o = run_stdin(args, input.as_bytes());
        no_panic(&o);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
        assert_eq!(ids(&json_lines(&stdout(&o))), ["s"]);
    }
}

#[test]
fn empty_stdin_is_no_records_and_exit_0() {
    for args in [&["extract", "-"][..], &["extract"][..]] {
        let o = run_stdin(args, b"");
        no_panic(&o);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
        assert!(o.stdout.is_empty());
    }
}

// ---------------------------------------------------------------- HTML / txt / WARC

#[test]
fn empty_or_textless_pages_are_rejected_and_a_title_only_txt_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "empty.html", "");
    write(
        dir.path(),
        "notext.html",
        "<html><head><title>T</title></head><body><script>var x=1;</script></body></html>",
    );
    write(dir.path(), "title.txt", "Only a title\n");
    let o = run(&["extract", dir.path().to_str().unwrap()]);
    no_panic(&o);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let arts = json_lines(&stdout(&o));
    assert_eq!(arts.len(), 1);
    assert_eq!(arts[0]["text"], "Only a title");
    let e = stderr(&o);
    assert!(e.contains("empty.html") && e.contains("notext.html"), "{e}");
}

#[test]
fn deeply_nested_html_finishes_quickly() {
    let dir = tempfile::tempdir().unwrap();
    let n = 100_000;
    let page = format!(
        "<html><body>{}Deep text about Apple in Paris.{}</body></html>",
        "<div>".repeat(n),
        "</div>".repeat(n)
    );
    let f = write(dir.path(), "deep.html", page);
    let o = run_with_timeout(&["extract", &f], Duration::from_secs(20))
        .expect("extract of a 1 MB deeply nested page did not finish within 20 s");
    no_panic(&o);
    let arts = json_lines(&stdout(&o));
    assert_eq!(arts.len(), 1, "{}", stderr(&o));
    assert!(arts[0]["text"].as_str().unwrap().contains("Deep text"));
}

fn warc_record(url: &str, body: &str, length_error: i64) -> Vec<u8> {
    let http = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n\
         <html><head><title>{url}</title></head><body><p>{body}</p></body></html>"
    );
    let len = http.len() as i64 + length_error;
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {url}\r\nContent-Length: {len}\r\n\r\n"
    )
    .into_bytes();
    r.extend_from_slice(http.as_bytes());
    r.extend_from_slice(b"\r\n\r\n");
    r
}

const WARC_BODIES: [&str; 3] = [
    "Alpha story about Microsoft in Seattle.",
    "Beta story about Google in London.",
    "Gamma story about Toyota in Tokyo.",
];

fn warc_file(dir: &Path, name: &str, first_length_error: i64) -> String {
    let mut data = Vec::new();
    for (i, b) in WARC_BODIES.iter().enumerate() {
        let err = if i == 0 { first_length_error } else { 0 };
        data.extend(warc_record(&format!("http://x.invalid/{i}"), b, err));
    }
    write(dir, name, data)
}

#[test]
fn warc_records_are_read_and_a_truncated_warc_is_not_fatal() {
    let dir = tempfile::tempdir().unwrap();
    let ok = warc_file(dir.path(), "ok.warc", 0);
    let o = run(&["extract", &ok]);
    no_panic(&o);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let arts = json_lines(&stdout(&o));
    assert_eq!(arts.len(), 3);
    assert_eq!(arts[2]["url"], "http://x.invalid/2");

    let full = std::fs::read(&ok).unwrap();
    let cut = write(dir.path(), "cut.warc", &full[..full.len() - 60]);
    let o = run(&["extract", &cut]);
    no_panic(&o);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert_eq!(json_lines(&stdout(&o)).len(), 2);
}

#[test]
fn warc_with_wrong_content_length_keeps_the_following_records() {
    let dir = tempfile::tempdir().unwrap();
    for (name, err) in [("long.warc", 40), ("short.warc", -30)] {
        let f = warc_file(dir.path(), name, err);
        let o = run(&["extract", &f]);
        no_panic(&o);
        let arts = json_lines(&stdout(&o));
        let texts: Vec<&str> = arts.iter().map(|a| a["text"].as_str().unwrap()).collect();
        assert!(
            texts.iter().any(|t| t.contains("Gamma story")),
            "{name}: the third, well-formed record is lost: {texts:?}; {}",
            stderr(&o)
        );
        // Whatever became of the broken first record, it must not swallow WARC headers.
        assert!(
            texts.iter().all(|t| !t.contains("WARC")),
            "{name}: {texts:?}"
        );
    }
}

// ---------------------------------------------------------------- extraction offsets

#[test]
fn offsets_are_code_points_on_hostile_text() {
    let texts = [
        "👍🏽 Apple Inc. 🚀 said revenue rose 12% to $5 billion 👨‍👩‍👧 in Paris on March 3, 2021.",
        "Cafe\u{301} owner Jose\u{301} Garci\u{301}a of Zu\u{308}rich paid €3 million, up 7%, on 2 May 2020.",
        "阿里巴巴集团 在 上海 表示，收入增长了 15%，达到 300亿元人民币。Alibaba in Shanghai said sales rose 15% to $4.2 billion.",
        "שלום Microsoft مرحبا paid $300 million (12%) in Tel Aviv \u{202e}evil\u{202c} on 2020-01-05.",
        "Apple said\rrevenue rose 9%\rto $1 billion\rin London.\r\rTim Cook said.",
        "Revenue rose\u{a0}12\u{a0}% to\u{a0}$\u{a0}5\u{a0}million at Siemens\u{a0}AG in Munich on\u{a0}May\u{a0}1,\u{a0}2020.",
        "Goo\u{200d}gle and Am\u{200b}azon paid $1\u{200b}000 and 5\u{200d}% to Mi\u{200c}crosoft in New\u{2060}York.",
        "$$$ %%% $ % $5 5% $% %$ 1$ 1% 100 200 300 $1,000,000,000,000,000,000,000 99999999999999999999999% 1e308% $1e400 0.0.0.0% -5% +5% 5%% $-3",
        "𝐀𝐩𝐩𝐥𝐞 𝟏𝟐% revenue $𝟓 billion in 𝐏𝐚𝐫𝐢𝐬 on 𝟑 March 2020.",
        "ﬁnance ﬁrm Ｍｉｃｒｏｓｏｆｔ paid ＄５ million, up １２％ in Ｔｏｋｙｏ on ２０２０年３月５日.",
        "AT&amp;T paid &#36;5 million &#x2014; up 3&#37; &nbsp; in &lt;b&gt;Dallas&lt;/b&gt; &#128512; on Jan. 5, 2020.",
        "<p>👍 Apple</p><p>rose 5% 🚀</p><br/><div>$3 billion in Paris</div>",
        "Apple\t\t\tsaid\u{b}revenue\u{c} rose 5%\u{2028}to $1 billion\u{2029}in Berlin\u{85}yesterday.",
        "\u{1100}\u{1161}\u{11a8} Samsung 삼성전자 paid ₩5 trillion, up 3%, in Seoul.",
    ];
    let mut data = String::new();
    let digits: String = (0..2000).map(|i| format!("{i} ")).collect::<String>() + "12% $3";
    for (i, t) in texts.iter().copied().chain([digits.as_str()]).enumerate() {
        data.push_str(
            &json!({"id": format!("t{i}"), "published": "2021-06-01", "body": t}).to_string(),
        );
        data.push('\n');
    }
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "hostile.jsonl", data);
    let o = run(&["extract", &f]);
    no_panic(&o);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let arts = json_lines(&stdout(&o));
    assert_eq!(arts.len(), texts.len() + 1);
    assert!(arts
        .iter()
        .any(|a| !a["mentions"].as_array().unwrap().is_empty()));
    assert_offsets(&arts);
}

#[test]
fn a_large_article_is_extracted_in_reasonable_time() {
    let sentence = "Apple Inc. said revenue rose 5% to $3 billion in Paris on March 3, 2020. ";
    let body = sentence.repeat(3_000_000 / sentence.len());
    let dir = tempfile::tempdir().unwrap();
    let f = write(
        dir.path(),
        "big.jsonl",
        json!({"id": "big", "body": body}).to_string() + "\n",
    );
    let o = run_with_timeout(&["extract", &f], Duration::from_secs(20))
        .expect("extract of one 3 MB article did not finish within 20 s");
    no_panic(&o);
    assert_eq!(json_lines(&stdout(&o)).len(), 1);
}

// ---------------------------------------------------------------- search and export

#[test]
fn huge_limit_and_facets_do_not_crash() {
    let (_dir, index) = ingested();
    for extra in [
        &["--limit", "18446744073709551615"][..],
        &["--limit", "4294967296"][..],
        &["--facets", "18446744073709551615"][..],
    ] {
        let r = search_json(&index, extra);
        assert_eq!(r["total"], 6, "{extra:?}");
    }
    let o = run(&[
        "search",
        "*",
        "--index",
        &index,
        "--limit",
        "18446744073709551615",
    ]);
    no_panic(&o);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn odd_filters_match_nothing_without_error() {
    let (_dir, index) = ingested();
    for extra in [
        &["--from", "2021", "--to", "2019"][..],
        &["--person", "Chén Léi"][..],
        &["--org", "ÄÖÜ 北京"][..],
        &["--currency", "xyz"][..],
        &["--currency", "xyz", "--min-amount", "5"][..],
        &["--lang", "ÉN"][..],
    ] {
        let r = search_json(&index, extra);
        assert_eq!(r["total"], 0, "{extra:?}");
    }
    let o = run(&["search", "*", "--index", &index, "--from", "2020-02-30"]);
    no_panic(&o);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn far_date_bounds_do_not_wrap_around() {
    let (_dir, index) = ingested();
    let total = |extra: &[&str]| search_json(&index, extra)["total"].as_u64().unwrap();
    let dated = total(&["--from", "1900"]);
    assert!(dated >= 5, "{dated}");
    assert_eq!(total(&["--from", "3000"]), 0, "--from 3000");
    assert_eq!(total(&["--from", "2263"]), 0, "--from 2263");
    assert_eq!(total(&["--to", "1600"]), 0, "--to 1600");
    assert_eq!(total(&["--to", "2262"]), dated, "--to 2262");
    assert_eq!(total(&["--to", "9999"]), dated, "--to 9999");
    assert_eq!(total(&["--from", "1000"]), dated, "--from 1000");
}

#[test]
fn far_published_dates_are_filtered_correctly() {
    let dir = tempfile::tempdir().unwrap();
    let data = [
        json!({"id": "future", "published": "9999-12-31", "body": "Future story about Apple."}),
        json!({"id": "ancient", "published": "0001-01-01", "body": "Ancient story about Apple."}),
        json!({"id": "now", "published": "2020-05-01", "body": "Normal story about Apple."}),
    ]
    .iter()
    .map(|v| v.to_string() + "\n")
    .collect::<String>();
    let f = write(dir.path(), "far.jsonl", data);
    let index = dir.path().join("idx").display().to_string();
    assert_eq!(
        run(&["ingest", &f, "--index", &index, "-q"]).status.code(),
        Some(0)
    );
    let hit_ids = |extra: &[&str]| sorted_hit_ids(&search_json(&index, extra));
    assert_eq!(hit_ids(&["--from", "2019"]), ["future", "now"]);
    assert_eq!(hit_ids(&["--to", "2021"]), ["ancient", "now"]);
}

/// `-o` onto a named pipe or through a symbolic link writes into what is there: the
/// write-then-rename that protects a regular file must not replace a pipe or a device
/// (`-o /dev/null` once turned the machine's `/dev/null` into a plain file) or a link.
#[test]
fn output_onto_a_pipe_or_a_link_keeps_it() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    let data = write(dir.path(), "a.jsonl", record("a", "Story in Paris.") + "\n");

    let fifo = dir.path().join("out.fifo");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if made.is_ok_and(|s| s.success()) {
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
        };
        let o = run(&["extract", &data, "-o", fifo.to_str().unwrap()]);
        no_panic(&o);
        assert!(o.status.success(), "{}", stderr(&o));
        // Checked before joining: a reader whose pipe was replaced waits forever.
        let kind = std::fs::symlink_metadata(&fifo).unwrap().file_type();
        assert!(kind.is_fifo(), "the pipe was replaced: {kind:?}");
        let got = reader.join().unwrap();
        assert_eq!(json_lines(&got).len(), 1, "{got:?}");
    } else {
        eprintln!("mkfifo unavailable: the pipe half of this test is skipped");
    }

    let target = write(dir.path(), "target.jsonl", "old\n");
    let link = dir.path().join("link.jsonl");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let o = run(&["extract", &data, "-o", link.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(std::fs::symlink_metadata(&link).unwrap().is_symlink());
    assert_eq!(
        json_lines(&std::fs::read_to_string(&target).unwrap()).len(),
        1
    );
}

#[test]
fn newsfacts_index_env_var_is_honoured() {
    let (dir, index) = ingested();
    let o = bin()
        .args(["search", "Chen Lei embezzlement", "--json"])
        .env("NEWSFACTS_INDEX", &index)
        .current_dir(dir.path())
        .output()
        .unwrap();
    no_panic(&o);
    assert!(o.status.success(), "{}", stderr(&o));
    let r: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(r["hits"][0]["id"], "xunlei-2020-chen-lei");
    let o = bin()
        .args(["export"])
        .env("NEWSFACTS_INDEX", &index)
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(json_lines(&stdout(&o)).len(), 6);
}

#[test]
fn ingest_then_export_equals_extract_on_hostile_input() {
    let dir = tempfile::tempdir().unwrap();
    let data = [
        record(
            "e1",
            "👍🏽 Apple Inc. said revenue rose 12% to $5 billion in Paris.",
        ),
        record("e2", "阿里巴巴集团 在 上海 表示，收入增长了 15%。"),
        r#"{"id":"e3","body":["para one in Berlin","para two, up 3%"]}"#.to_string(),
    ]
    .join("\n");
    let f = write(dir.path(), "x.jsonl", data + "\n");
    let index = dir.path().join("idx").display().to_string();
    assert_eq!(
        run(&["ingest", &f, "--index", &index, "-q"]).status.code(),
        Some(0)
    );
    let exported = run(&["export", "--index", &index]);
    let extracted = run(&["extract", &f]);
    let key = |o: &Output| {
        let mut v = json_lines(&stdout(o));
        v.sort_by(|a, b| a["id"].as_str().cmp(&b["id"].as_str()));
        v
    };
    assert_eq!(key(&exported), key(&extracted));
}
