//! The order of a numeric day's two small parts ("3/4/2020": March 4 or April 3), for
//! [`crate::extract::contract::DateOrder`]. `--date-order mdy|dmy` decides alone; `auto`
//! reads the article: first the numeric days of its text that only one order can read
//! ("13/4/2020", "4/13/2020": a writer keeps one order), then its site's country (the
//! last label of the URL's host: `.uk`, `.au`, `.in`, `.de` day first; `.us`, `.ph`,
//! `.gov` month first; `.ca`, `.cn`, `.jp` unknown), an English `.com` / `.net` / `.org`
//! month first, then its language (day first for all but English, Chinese, Japanese,
//! Korean and the few that write the year first). Else the order is unknown.

use crate::extract::contract::DateOrder;
use crate::extract::Context;
use std::cell::OnceCell;

/// Month first or day first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    Mdy,
    Dmy,
}

/// The order of one text: the context's word on it, and the text's own evidence, read
/// only when a day needs it (most texts have no numeric day).
pub struct Orders<'t> {
    explicit: Option<Order>,
    site: Option<Order>,
    text: &'t str,
    /// Reads the text's evidence (the numeric-day rules know their forms).
    read: fn(&str) -> Option<Order>,
    evidence: OnceCell<Option<Order>>,
}

impl<'t> Orders<'t> {
    /// The orders of `text` in `ctx`; `read` finds the order the text's own numeric days
    /// show.
    pub fn new(ctx: &Context, text: &'t str, read: fn(&str) -> Option<Order>) -> Orders<'t> {
        let explicit = match ctx.date_order {
            DateOrder::Mdy => Some(Order::Mdy),
            DateOrder::Dmy => Some(Order::Dmy),
            DateOrder::Auto => None,
        };
        let site = if explicit.is_some() {
            None
        } else {
            guess(ctx.url, ctx.lang.as_deref())
        };
        Orders {
            explicit,
            site,
            text,
            read,
            evidence: OnceCell::new(),
        }
    }

    /// The order, or `None` when nothing says it.
    pub fn get(&self) -> Option<Order> {
        self.explicit
            .or_else(|| *self.evidence.get_or_init(|| (self.read)(self.text)))
            .or(self.site)
    }
}

/// The two parts `a/b` read as (month, day) in `order`: a part over 12 is the day
/// whatever the order; both over 12 is no day; both 12 or less need an order.
pub fn month_day(a: u32, b: u32, order: impl FnOnce() -> Option<Order>) -> Option<(u32, u32)> {
    match (a <= 12, b <= 12) {
        (true, false) => Some((a, b)),
        (false, true) => Some((b, a)),
        (false, false) => None,
        (true, true) => match order()? {
            Order::Mdy => Some((a, b)),
            Order::Dmy => Some((b, a)),
        },
    }
}

/// The order an article's site and language suggest.
fn guess(url: Option<&str>, lang: Option<&str>) -> Option<Order> {
    let by_lang = lang.and_then(of_language);
    let english = lang.is_none_or(|l| l == "en");
    match url.and_then(tld).as_deref() {
        Some(t) => match of_tld(t) {
            Tld::Order(o) => Some(o),
            Tld::Unknown => None,
            Tld::Generic if english && matches!(t, "com" | "net" | "org") => Some(Order::Mdy),
            Tld::Generic => by_lang,
        },
        None => by_lang,
    }
}

/// The last label of a URL's host, in lower case ("https://www.bbc.co.uk/news" → "uk").
fn tld(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit('@').next()?; // user@host
    let host = host.split(':').next()?; // host:port
    let last = host.trim_end_matches('.').rsplit('.').next()?;
    let ok =
        !last.is_empty() && host.contains('.') && last.bytes().all(|c| c.is_ascii_alphabetic());
    ok.then(|| last.to_ascii_lowercase())
}

enum Tld {
    Order(Order),
    /// A country that writes both orders, or the year first.
    Unknown,
    /// Not a country's: the language decides.
    Generic,
}

fn of_tld(t: &str) -> Tld {
    match t {
        // the United States, its territories and the states in free association with
        // it, the Philippines; US government, military and education sites
        "us" | "pr" | "gu" | "vi" | "as" | "mp" | "um" | "pw" | "mh" | "ph" | "gov" | "mil"
        | "edu" => Tld::Order(Order::Mdy),
        // both orders in use (Canada), or the year first
        "ca" | "cn" | "tw" | "jp" | "kr" | "kp" | "hu" | "lt" | "mn" | "ir" => Tld::Unknown,
        // country codes sold as generic names ("startup.io", "news.co", "radio.fm")
        "io" | "co" | "tv" | "me" | "ai" | "fm" | "ly" | "to" | "cc" | "ws" | "gg" => Tld::Generic,
        // every other country (and the EU) writes the day first
        t if t.len() == 2 => Tld::Order(Order::Dmy),
        _ => Tld::Generic,
    }
}

/// The order a language's writers use, by ISO 639-1 code: `None` for English (both, by
/// country), and for the languages that write the year first.
fn of_language(lang: &str) -> Option<Order> {
    match lang {
        "en" | "zh" | "ja" | "ko" | "hu" | "lt" | "mn" | "fa" => None,
        _ => Some(Order::Dmy),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sites_and_languages() {
        use Order::*;
        let g = |u: &str, l: &str| guess(Some(u), Some(l));
        assert_eq!(g("https://www.bbc.co.uk/news/x", "en"), Some(Dmy));
        assert_eq!(g("http://www.smh.com.au/a?b=c", "en"), Some(Dmy));
        assert_eq!(g("https://timesofindia.indiatimes.com/x", "en"), Some(Mdy));
        assert_eq!(g("https://www.thehindu.in/x", "en"), Some(Dmy));
        assert_eq!(g("https://www.nytimes.com/2020/x", "en"), Some(Mdy));
        assert_eq!(g("https://www.lemonde.com/x", "fr"), Some(Dmy));
        assert_eq!(g("https://www.cbc.ca/x", "en"), None);
        assert_eq!(g("https://www.cbc.ca/x", "fr"), None);
        assert_eq!(g("https://www.whitehouse.gov/x", "en"), Some(Mdy));
        assert_eq!(g("https://rappler.ph/x", "en"), Some(Mdy));
        assert_eq!(g("https://techcrunch.io/x", "en"), None);
        assert_eq!(g("https://user@Spiegel.DE:8080/x", "de"), Some(Dmy));
        assert_eq!(g("https://192.168.0.1/x", "en"), None);
        assert_eq!(g("https://localhost/x", "de"), Some(Dmy));
        assert_eq!(guess(None, Some("de")), Some(Dmy));
        assert_eq!(guess(None, Some("en")), None);
        assert_eq!(guess(None, None), None);
        assert_eq!(guess(Some("not a url"), Some("en")), None);
    }

    #[test]
    fn a_part_over_twelve_is_the_day() {
        let none = || None;
        assert_eq!(month_day(3, 15, none), Some((3, 15)));
        assert_eq!(month_day(15, 3, none), Some((3, 15)));
        assert_eq!(month_day(13, 15, none), None);
        assert_eq!(month_day(3, 4, none), None);
        assert_eq!(month_day(3, 4, || Some(Order::Mdy)), Some((3, 4)));
        assert_eq!(month_day(3, 4, || Some(Order::Dmy)), Some((4, 3)));
        assert_eq!(month_day(15, 3, || Some(Order::Mdy)), Some((3, 15)));
    }
}
