//! Numbers as UN texts write them: 第五十三届 (Chinese numerals), "fifty-third"
//! (English ordinals), 7 月 / July (months).

use super::date::Date;

/// 五十三 → 53, 一百零五 → 105, 十 → 10. Arabic digits are accepted too.
pub fn chinese_number(s: &str) -> Option<u32> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    if s.chars().all(|c| c.is_ascii_digit()) {
        return s.parse().ok();
    }
    let mut total = 0u32;
    let mut current = 0u32;
    let mut seen = false;
    for c in s.chars() {
        let digit = match c {
            '零' | '〇' => Some(0),
            '一' => Some(1),
            '二' | '两' => Some(2),
            '三' => Some(3),
            '四' => Some(4),
            '五' => Some(5),
            '六' => Some(6),
            '七' => Some(7),
            '八' => Some(8),
            '九' => Some(9),
            _ => None,
        };
        if let Some(d) = digit {
            current = d;
            seen = true;
            continue;
        }
        let unit = match c {
            '十' => 10,
            '百' => 100,
            '千' => 1000,
            _ => return None,
        };
        total += if current == 0 && !seen { 1 } else { current.max(if seen { current } else { 1 }) } * unit;
        current = 0;
        seen = false;
    }
    Some(total + current)
}

const UNITS: [&str; 20] = [
    "", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
    "eighteen", "nineteen",
];
const ORDINAL_UNITS: [&str; 20] = [
    "", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
    "seventeenth", "eighteenth", "nineteenth",
];
const TENS: [&str; 10] =
    ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
const ORDINAL_TENS: [&str; 10] = [
    "", "", "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth",
    "eightieth", "ninetieth",
];

/// "fifty-third" → 53, "eightieth" → 80, "one hundred and fifth" → 105 (case-insensitive).
pub fn english_ordinal(s: &str) -> Option<u32> {
    let s = s.trim().to_lowercase().replace(['–', '‐'], "-");
    let (hundreds, rest) = match s.split_once("hundred") {
        Some((h, r)) => {
            let h = h.trim();
            let n = UNITS.iter().position(|u| *u == h).filter(|n| *n > 0)? as u32;
            if r.trim() == "th" || r.trim().is_empty() {
                return Some(n * 100);
            }
            (n * 100, r.trim().trim_start_matches("and").trim().to_string())
        }
        None => (0, s.clone()),
    };
    let below = ordinal_below_hundred(&rest)?;
    Some(hundreds + below)
}

fn ordinal_below_hundred(s: &str) -> Option<u32> {
    if let Some(n) = ORDINAL_UNITS.iter().position(|u| !u.is_empty() && *u == s) {
        return Some(n as u32);
    }
    if let Some(n) = ORDINAL_TENS.iter().position(|u| !u.is_empty() && *u == s) {
        return Some(n as u32 * 10);
    }
    let (tens, unit) = s.split_once(['-', ' '])?;
    let t = TENS.iter().position(|u| !u.is_empty() && *u == tens)? as u32;
    let u = ORDINAL_UNITS.iter().position(|x| !x.is_empty() && *x == unit)? as u32;
    Some(t * 10 + u)
}

/// "January" → 1 … "December" → 12 (English month names, case-insensitive).
pub fn english_month(s: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december",
    ];
    let s = s.to_lowercase();
    MONTHS.iter().position(|m| *m == s).map(|i| i as u32 + 1)
}

/// Whether year-month-day is a day of the Gregorian calendar.
pub fn is_real_day(year: i32, month: u32, day: u32) -> bool {
    Date::new(year, month, day).is_some()
}

/// The date a masthead or closing line states, or `None` where the parts cannot be a
/// real date of the United Nations' years.
pub fn iso_date(year: u32, month: u32, day: u32) -> Option<Date> {
    if !(1900..=2200).contains(&year) {
        return None;
    }
    Date::new(year as i32, month, day)
}

/// Keep a cardinal list handy for callers parsing "twenty-one" style counts.
pub fn english_cardinal(s: &str) -> Option<u32> {
    let s = s.trim().to_lowercase();
    if let Some(n) = UNITS.iter().position(|u| !u.is_empty() && *u == s) {
        return Some(n as u32);
    }
    if let Some(n) = TENS.iter().position(|u| !u.is_empty() && *u == s) {
        return Some(n as u32 * 10);
    }
    let (tens, unit) = s.split_once('-')?;
    let t = TENS.iter().position(|u| !u.is_empty() && *u == tens)? as u32;
    let u = UNITS.iter().position(|x| !x.is_empty() && *x == unit)? as u32;
    Some(t * 10 + u)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_numbers() {
        let rows = [
            ("五十三", 53), ("四十七", 47), ("十", 10), ("十一", 11), ("二十", 20),
            ("七十七", 77), ("一百零五", 105), ("一百", 100), ("五十", 50), ("47", 47),
            ("四十一", 41), ("七十九", 79),
        ];
        for (s, n) in rows {
            assert_eq!(chinese_number(s), Some(n), "{s}");
        }
        assert_eq!(chinese_number("届"), None);
    }

    #[test]
    fn english_ordinals() {
        let rows = [
            ("fifty-third", 53), ("Forty-seventh", 47), ("eightieth", 80), ("first", 1),
            ("Seventy-eighth", 78), ("fifty-ninth", 59), ("one hundred and fifth", 105),
            ("seventy-ninth", 79), ("twelfth", 12),
        ];
        for (s, n) in rows {
            assert_eq!(english_ordinal(s), Some(n), "{s}");
        }
        assert_eq!(english_ordinal("plenary"), None);
    }

    #[test]
    fn dates() {
        assert_eq!(iso_date(2021, 7, 13).map(|d| d.to_string()).as_deref(), Some("2021-07-13"));
        assert_eq!(iso_date(2023, 2, 29), None);
        assert_eq!(english_month("December"), Some(12));
        assert_eq!(english_cardinal("forty-four"), Some(44));
    }
}
