//! `ner-train` and `ner-eval` on made-up data: cross-validation on a tiny data folder laid
//! out as `shared/data/ner` is, and the error listing of `ner-eval`.

use std::path::Path;

use crate::util::*;

/// Twelve documents of CoNLL-style text (a person, a company and a place each) and the
/// dev files the trainer also reads.
fn data_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let conll = dir.path().join("conll2003");
    std::fs::create_dir_all(&conll).unwrap();
    let people = ["Smith", "Jones", "Brown", "Wilson", "Taylor", "Clark"];
    let firms = ["Acme", "Globex", "Initech", "Umbrella", "Hooli", "Vandelay"];
    let places = ["Paris", "Berlin", "Madrid", "Rome", "Vienna", "Oslo"];
    let mut text = String::new();
    for k in 0..12 {
        text += "-DOCSTART- -X- -X- O\n\n";
        for s in 0..3 {
            let (p, f, l) = (people[(k + s) % 6], firms[(k + 2 * s) % 6], places[k % 6]);
            for (w, tag) in [
                ("Mr", "O"),
                (p, "B-PER"),
                ("of", "O"),
                (f, "B-ORG"),
                ("said", "O"),
                ("in", "O"),
                (l, "B-LOC"),
                ("on", "O"),
                ("Monday", "O"),
                (".", "O"),
            ] {
                text += &format!("{w} X X {tag}\n");
            }
            text += "\n";
        }
    }
    std::fs::write(conll.join("conllpp_train.txt"), &text).unwrap();
    std::fs::write(conll.join("conllpp_dev.txt"), &text).unwrap();
    let finer = dir.path().join("finer_ord");
    std::fs::create_dir_all(&finer).unwrap();
    std::fs::write(
        finer.join("val.csv"),
        "gold_label,gold_token,doc_idx,sent_idx\n0,Mr,0,0\n1,Smith,0,0\n0,said,0,0\n",
    )
    .unwrap();
    dir
}

fn cv(data: &Path, blocked: bool) -> String {
    let d = data.to_str().unwrap();
    let mut args = vec![
        "ner-train",
        "--data",
        d,
        "--sets",
        "conll",
        "--epochs",
        "2",
        "--bits",
        "12",
        "--cv",
        "3",
    ];
    if blocked {
        args.push("--cv-blocked");
    }
    let o = run(&args);
    assert!(o.status.success(), "{}", stderr(&o));
    stdout(&o)
}

#[test]
fn cross_validation_reports_pooled_figures_for_both_fold_layouts() {
    let data = data_dir();
    for blocked in [false, true] {
        let out = cv(data.path(), blocked);
        assert!(out.contains("3-fold cross-validation, seed 7"), "{out}");
        for epoch in ["epoch 1:", "epoch 2:"] {
            let line = out.lines().find(|l| l.starts_with(epoch)).unwrap();
            let f1: f64 = line
                .split("cv.conll=")
                .nth(1)
                .and_then(|x| x.split_whitespace().next())
                .unwrap()
                .parse()
                .unwrap();
            assert!((0.0..=1.0).contains(&f1), "{line}");
        }
        assert!(out.contains("rules all:"), "{out}");
    }
}

#[test]
fn an_unknown_training_set_is_a_user_error() {
    let data = data_dir();
    let o = run(&[
        "ner-train",
        "--data",
        data.path().to_str().unwrap(),
        "--sets",
        "nope",
        "--cv",
        "3",
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("unknown training set nope"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn ner_eval_lists_the_errors_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("gold.txt");
    // "said" marked as an organisation: a false negative whatever the tagger does
    std::fs::write(
        &f,
        "-DOCSTART- -X- -X- O\n\nMr X X O\nSmith X X B-PER\nsaid X X B-ORG\non X X O\nMonday X X O\n. X X O\n",
    )
    .unwrap();
    let f = f.to_str().unwrap();
    let plain = run(&["ner-eval", f]);
    assert!(plain.status.success(), "{}", stderr(&plain));
    assert!(!stderr(&plain).contains("FN\t"), "{}", stderr(&plain));
    let o = bin()
        .args(["ner-eval", f])
        .env("NER_ERRORS", "1")
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("FN\tOrg\tsaid\tMr Smith said on Monday ."),
        "{}",
        stderr(&o)
    );
    assert_eq!(stdout(&o), stdout(&plain));
}
