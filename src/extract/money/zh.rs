//! Chinese amounts: Chinese numerals with a currency ("十五美元", "两美元又三美分",
//! "五元三毛") and the scale characters and currency names after digits ("1000万元",
//! "36.57亿元", "1.95港元").

use super::currencies::round_money;
use crate::extract::span::{Found, Kind};
use std::sync::LazyLock;

/// `十五美元`, `两美元又三美分`, `五元三毛`, `一千二百元`: a Chinese numeral, a currency and
/// maybe its minor units.
pub(super) const NUMERAL_AMOUNT: &str = "money.zh.numeral_amount";
/// `1000万元`, `36.57亿元`, `1.95港元`, `人民币 8千元`: digits, then scale characters and a
/// currency name (applied by the Latin-script scan, which reads the digits).
pub(super) const DIGITS_UNIT: &str = "money.zh.digits_unit";

/// Amounts written with Chinese numerals: "十五美元", "两美元又三美分", "五元三毛", "一千元".
pub(super) fn cjk_amounts(text: &str, out: &mut Vec<Found>) {
    static RE: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(
            "([零〇一二两三四五六七八九十百千万亿萬億兆]+)(元人民币|人民币|美元|美金|美圆|港元|港币|欧元|日元|英镑|新台币|台币|韩元|卢布|奈拉|元|块)(?:又?([零〇一二两三四五六七八九]|[0-9])(?:角|毛|美分))?(?:([零〇一二两三四五六七八九]|[0-9])分)?",
        )
        .expect("cjk amount regex")
    });
    let mut added = false;
    for c in RE.captures_iter(text) {
        let m = c.get(0).unwrap();
        let Some(mut value) = cjk_numeral(&c[1]) else {
            continue;
        };
        let code = cjk_unit(&c[2]).map_or("CNY", |u| u.2);
        let minor = |i: usize| c.get(i).and_then(|x| cjk_numeral(x.as_str()));
        let cents = c
            .get(3)
            .is_some_and(|x| text[x.end()..].starts_with("美分"));
        if let Some(v) = minor(3) {
            value += if cents { v / 100.0 } else { v / 10.0 };
        }
        if let Some(v) = minor(4) {
            value += v / 100.0;
        }
        if out.iter().any(|f| f.start < m.end() && m.start() < f.end) {
            continue;
        }
        out.push(Found {
            start: m.start(),
            end: m.end(),
            kind: Kind::Money {
                value: round_money(value),
                currency: code.to_string(),
                approx: false,
                per: None,
            },
            rule: NUMERAL_AMOUNT,
        });
        added = true;
    }
    if added {
        out.sort_by_key(|f| f.start);
    }
}

/// The value of a Chinese numeral ("十五" 15, "两" 2, "一千二百" 1200, "三万" 30000) or an
/// ASCII digit.
fn cjk_numeral(s: &str) -> Option<f64> {
    if let Ok(v) = s.parse::<f64>() {
        return Some(v);
    }
    let (mut total, mut section, mut num) = (0.0f64, 0.0f64, 0.0f64);
    let mut any = false;
    for ch in s.chars() {
        let d = match ch {
            '零' | '〇' => Some(0.0),
            '一' => Some(1.0),
            '二' | '两' => Some(2.0),
            '三' => Some(3.0),
            '四' => Some(4.0),
            '五' => Some(5.0),
            '六' => Some(6.0),
            '七' => Some(7.0),
            '八' => Some(8.0),
            '九' => Some(9.0),
            _ => None,
        };
        if let Some(d) = d {
            num = d;
            any = true;
            continue;
        }
        let unit = match ch {
            '十' => 10.0,
            '百' => 100.0,
            '千' => 1e3,
            '万' | '萬' => 1e4,
            '亿' | '億' => 1e8,
            // as in Japanese and traditional usage (Recognizers' reading): 10¹²
            '兆' => 1e12,
            _ => return None,
        };
        any = true;
        if unit >= 1e4 {
            section += num;
            total += section * unit;
            section = 0.0;
        } else {
            // "十五": a leading 十 means one ten
            section += if num == 0.0 { 1.0 } else { num } * unit;
        }
        num = 0.0;
    }
    any.then_some(total + section + num)
}

/// Chinese scale characters and currency names right at the start of `s`:
/// (bytes used, scale, ISO code). "万元" → 10⁴ CNY, "亿美元" → 10⁸ USD, "元" → CNY.
pub(super) fn cjk_unit(s: &str) -> Option<(usize, f64, &'static str)> {
    let first = s.as_bytes().first()?;
    if *first < 0xE4 {
        return None;
    }
    let mut scale = 1.0;
    let mut i = 0;
    for ch in s.chars() {
        let m = match ch {
            '十' => 10.0,
            '百' => 100.0,
            '千' => 1e3,
            '万' | '萬' => 1e4,
            '亿' | '億' => 1e8,
            _ => break,
        };
        scale *= m;
        i += ch.len_utf8();
        if i > 12 {
            return None;
        }
    }
    const NAMES: &[(&str, &str)] = &[
        ("元人民币", "CNY"),
        ("人民币", "CNY"),
        ("美元", "USD"),
        ("美金", "USD"),
        ("美圆", "USD"),
        ("港元", "HKD"),
        ("港币", "HKD"),
        ("欧元", "EUR"),
        ("日元", "JPY"),
        ("英镑", "GBP"),
        ("新台币", "TWD"),
        ("台币", "TWD"),
        ("瑞士法郎", "CHF"),
        ("韩元", "KRW"),
        ("卢布", "RUB"),
        ("奈拉", "NGN"),
        ("元", "CNY"),
        ("块", "CNY"),
    ];
    let rest = &s[i..];
    NAMES
        .iter()
        .find(|(n, _)| rest.starts_with(n))
        .map(|(n, c)| (i + n.len(), scale, *c))
}

/// The minor units right after a whole amount in `code` (at the start of `s`): "6角三分"
/// after "50元" (0.63), "5日本銭" after "10日元" (0.05). (bytes used, value to add).
pub(super) fn minor_units(s: &str, code: &str) -> Option<(usize, f64)> {
    let digit = |s: &str| -> Option<(usize, f64)> {
        let c = s.chars().next()?;
        let v = c
            .to_digit(10)
            .map(f64::from)
            .or_else(|| cjk_numeral(c.encode_utf8(&mut [0; 4])))?;
        (v < 10.0).then_some((c.len_utf8(), v))
    };
    let mut used = 0;
    let mut add = 0.0;
    match code {
        "CNY" => {
            if let Some((n, v)) = digit(s) {
                if let Some(u) = ["角", "毛"].iter().find(|u| s[n..].starts_with(**u)) {
                    used = n + u.len();
                    add += v / 10.0;
                }
            }
            if let Some((n, v)) = digit(&s[used..]) {
                if s[used + n..].starts_with('分') {
                    used += n + '分'.len_utf8();
                    add += v / 100.0;
                }
            }
        }
        "JPY" => {
            let n = s.bytes().take_while(u8::is_ascii_digit).count().min(2);
            let rest = &s[n..];
            if let Some(u) = ["日本銭", "日本钱", "銭", "钱"]
                .iter()
                .find(|u| rest.starts_with(**u))
            {
                let v: f64 = s[..n].parse().ok()?;
                used = n + u.len();
                add = v / 100.0;
            }
        }
        _ => {}
    }
    (used > 0).then_some((used, add))
}
