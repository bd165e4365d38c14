//! Search in Chinese, Japanese and Korean (issue 20): words found inside running text,
//! queries analysed by their own script in a mixed-language index, highlights on the words.

use crate::util::*;
use serde_json::Value;

/// A fresh index of a few Chinese, Japanese, Korean and English records.
fn mixed_index() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let records = [
        record(
            "zh-1",
            "迅雷公司发布公告称，前首席执行官陈磊涉嫌职务侵占，深圳警方已经立案侦查。\
             迅雷第二季度营收为4500万美元，同比下降百分之十一。",
        ),
        record(
            "zh-2",
            "腾讯控股公布季度业绩，营收同比增长百分之二十九，网络游戏收入创新高。\
             公司总部位于深圳市南山区。",
        ),
        record(
            "ja-1",
            "ソフトバンクグループは東京で決算を発表し、純利益が大幅に増えたと明らかにした。",
        ),
        record(
            "ko-1",
            "삼성전자는 서울에서 분기 실적을 발표했으며 영업이익이 크게 늘었다고 밝혔다.",
        ),
        record(
            "en-1",
            "Xunlei said its revenue fell in the second quarter, and former chief executive \
             Chen Lei was accused of embezzlement.",
        ),
    ];
    let input = write(dir.path(), "in.jsonl", records.join("\n") + "\n");
    let index = dir.path().join("idx").display().to_string();
    let o = run(&["ingest", &input, "--index", &index, "-q"]);
    no_panic(&o);
    assert!(o.status.success(), "{}", stderr(&o));
    (dir, index)
}

fn search(index: &str, q: &str) -> Value {
    let o = run(&["search", q, "--index", index, "--json"]);
    no_panic(&o);
    assert!(o.status.success(), "{q}: {}", stderr(&o));
    serde_json::from_str(&stdout(&o)).unwrap()
}

/// The highlighted pieces of the first hit's snippet.
fn highlighted(r: &Value) -> Vec<String> {
    let h = &r["hits"][0];
    let snippet: Vec<char> = h["snippet"].as_str().unwrap().chars().collect();
    h["highlights"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let (a, b) = (
                r[0].as_u64().unwrap() as usize,
                r[1].as_u64().unwrap() as usize,
            );
            snippet[a..b].iter().collect()
        })
        .collect()
}

#[test]
fn chinese_words_are_found_in_running_text() {
    let (_dir, index) = mixed_index();
    let r = search(&index, "迅雷");
    assert_eq!(sorted_hit_ids(&r), ["zh-1"]);
    assert!(highlighted(&r).iter().all(|h| h == "迅雷"), "{r}");
    // A name jieba does not know: found as its characters side by side.
    let r = search(&index, "陈磊");
    assert_eq!(sorted_hit_ids(&r), ["zh-1"]);
    assert!(highlighted(&r).contains(&"陈磊".to_string()), "{r}");
    // Two words, both required.
    assert_eq!(sorted_hit_ids(&search(&index, "迅雷 营收")), ["zh-1"]);
    assert_eq!(sorted_hit_ids(&search(&index, "营收")), ["zh-1", "zh-2"]);
    // A word made of the end of one word and the start of the next still matches.
    assert_eq!(sorted_hit_ids(&search(&index, "深圳警方")), ["zh-1"]);
    assert_eq!(sorted_hit_ids(&search(&index, "深圳")), ["zh-1", "zh-2"]);
    // Characters that are not side by side in any text: no match.
    assert_eq!(search(&index, "迅雷腾讯")["total"], 0);
}

#[test]
fn english_and_chinese_queries_in_one_index() {
    let (_dir, index) = mixed_index();
    assert_eq!(sorted_hit_ids(&search(&index, "Xunlei revenue")), ["en-1"]);
    assert_eq!(
        sorted_hit_ids(&search(&index, "revenues")),
        ["en-1"],
        "stemmed as before"
    );
    assert_eq!(
        sorted_hit_ids(&search(&index, "迅雷 OR Xunlei")),
        ["en-1", "zh-1"]
    );
    assert_eq!(search(&index, "迅雷 Xunlei")["total"], 0);
}

#[test]
fn japanese_and_korean_by_bigrams() {
    let (_dir, index) = mixed_index();
    assert_eq!(sorted_hit_ids(&search(&index, "ソフトバンク")), ["ja-1"]);
    assert_eq!(sorted_hit_ids(&search(&index, "東京")), ["ja-1"]);
    assert_eq!(sorted_hit_ids(&search(&index, "삼성전자")), ["ko-1"]);
    assert_eq!(sorted_hit_ids(&search(&index, "실적")), ["ko-1"]);
    assert_eq!(search(&index, "バンクソフト")["total"], 0);
}
