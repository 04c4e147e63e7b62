//! Calendar dates: the one date type of the model and the one clock of the program.
//!
//! Texts state dates in words ("2023 年 7 月 14 日", "14 July 2023"); the reader turns
//! them into a [`Date`], which is written everywhere as ISO 8601 (`2023-07-14`). The
//! arithmetic and validation are jiff's.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// A day of the Gregorian calendar, written `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(jiff::civil::Date);

impl Date {
    /// The date of a year, month and day, if that day exists (no 31 June, no 29 February
    /// 2023).
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        let year = i16::try_from(year).ok()?;
        let month = i8::try_from(month).ok()?;
        let day = i8::try_from(day).ok()?;
        jiff::civil::Date::new(year, month, day).ok().map(Date)
    }

    /// Today in UTC: the program's only clock (deadlines, "due" and "overdue").
    pub fn today() -> Date {
        Date(jiff::Timestamp::now().to_zoned(jiff::tz::TimeZone::UTC).date())
    }

    pub fn year(self) -> i32 {
        i32::from(self.0.year())
    }

    pub fn month(self) -> u32 {
        self.0.month() as u32
    }

    pub fn day(self) -> u32 {
        self.0.day() as u32
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year(), self.month(), self.day())
    }
}

/// Why a string is not a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotADate(pub String);

impl fmt::Display for NotADate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "'{}' is not a date of the form YYYY-MM-DD", self.0)
    }
}

impl std::error::Error for NotADate {}

impl FromStr for Date {
    type Err = NotADate;

    /// Exactly `YYYY-MM-DD`, a day that exists.
    fn from_str(s: &str) -> Result<Date, NotADate> {
        let fail = || NotADate(s.to_string());
        let parts: Vec<&str> = s.split('-').collect();
        let shaped = parts.len() == 3
            && [4, 2, 2].iter().zip(&parts).all(|(len, p)| p.len() == *len && p.bytes().all(|b| b.is_ascii_digit()));
        if !shaped {
            return Err(fail());
        }
        let n = |p: &str| p.parse::<u32>().map_err(|_| fail());
        Date::new(n(parts[0])? as i32, n(parts[1])?, n(parts[2])?).ok_or_else(fail)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
        let s = String::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_checked_and_written_as_iso() {
        let rows = [
            ("2023-07-14", Some((2023, 7, 14))),
            ("2024-02-29", Some((2024, 2, 29))),
            ("2023-02-29", None),
            ("2023-06-31", None),
            ("2023-7-14", None),
            ("14 July 2023", None),
            ("", None),
        ];
        for (text, want) in rows {
            let got = text.parse::<Date>().ok().map(|d| (d.year(), d.month(), d.day()));
            assert_eq!(got, want, "{text}");
            if let Ok(d) = text.parse::<Date>() {
                assert_eq!(d.to_string(), text);
                assert_eq!(serde_json::to_string(&d).unwrap(), format!("\"{text}\""));
            }
        }
        assert!(Date::new(2019, 7, 11) < Date::new(2021, 7, 13));
    }

    #[test]
    fn today_is_a_real_date_after_the_texts_of_the_corpus() {
        assert!(Date::today().year() >= 2024);
    }
}
