//! Mandate renewals: "Decides to extend the mandate of the United Nations Interim Force in
//! Lebanon for a further interim period of six months, that is, until 19 July 1985",
//! "Extends once more the stationing in Cyprus of the United Nations Peace-keeping Force,
//! established under resolution 186 (1964), for a further period ending 15 June 1972",
//! "(b) To renew the mandate of the United Nations Disengagement Observer Force for another
//! period of six months, that is, until 30 November 1990".
//!
//! A renewal names what is renewed and the new end date; both are needed (an extension
//! "for a period of three years" without a date is not read as one). "The Force" is
//! resolved to the full name the same text gives it elsewhere.


use crate::text::pattern::Pattern;

use crate::model::{Document, ParagraphKind};
use crate::reader::meta::first_date;
use crate::reader::patterns::{chars_at_most, Bounded};

pub use crate::model::Renewal;

// `(?-i:…)` around the word and name runs: both classes are their own case variants, so
// they match the same either way, and folding the Unicode word class cost a fifth of
// this pattern's compilation.
static RENEW: Pattern =
    Pattern::new(r"(?i)\b(?:extends?|renews?|prolongs?)\s+(?:once\s+more\s+|again\s+|further\s+)?(?:the\s+)?(?:present\s+)?(?:mandate|stationing)\s+(?:in\s+(?P<place>[A-Z](?-i:[\w-]+))\s+)?of\s+(?:the\s+)?(?P<name>[A-Z](?-i:[^,;:]*?))\s*(?:\([A-Z][A-Za-z0-9 ]*\)\s*)?(?:,|;|\s+for\b|\s+until\b|\s+as\b|\s+established\b|\s+in\s+its\b|\s+in\s+accordance\b|\s+to\b)");
/// Whether `text` holds one of the words that every [`RENEW`] match holds, "andate" or
/// "tationing", in any ASCII case. Each is found from its one letter that is rare in
/// English (`d`, `g`) by a vectorised search, and compared around it (an automaton over
/// both words has no prefilter in any ASCII case, and steps over every byte).
fn holds_renewal_word(text: &str) -> bool {
    let bytes = text.as_bytes();
    let word_around = |at: usize, word: &[u8], letter: usize| {
        at.checked_sub(letter).and_then(|start| bytes.get(start..start + word.len())).is_some_and(|w| w.eq_ignore_ascii_case(word))
    };
    memchr::memchr2_iter(b'd', b'D', bytes).any(|at| word_around(at, b"andate", 2))
        || memchr::memchr2_iter(b'g', b'G', bytes).any(|at| word_around(at, b"tationing", 8))
}
/// `until 19 July 1985`, `ending, 15 June 1972`: up to three other signs and any spaces
/// between the word and the date (`gap`). Compiled with the gap unbounded (three copies of
/// the Unicode non-word class cost as much as the rest of the renewal patterns), the bound
/// checked on the match: the gap is every sign between the word and the date's first
/// digit, so it fits when at most three of them stand before its closing spaces.
macro_rules! until {
    ($signs:literal) => {
        concat!(
            r"(?i)\b(?:until|ending(?:\s+on)?|terminating\s+on|expiring\s+on)(?P<gap>\W",
            $signs,
            r"\s*)(?P<date>[0-9０-９]{1,2}\s+[A-Z][a-z]+\s+[0-9０-９]{4})"
        )
    };
}
static UNTIL: Bounded = Bounded::new(
    until!("*"),
    until!("{0,3}"),
    |c| c.name("gap").is_some_and(|g| chars_at_most(g.as_str().trim_end_matches(char::is_whitespace), 3)),
);
static PERIOD: Pattern = Pattern::new(r"(?i)\bperiod\s+of\s+((?:[a-z]+[\s-]+){1,4}?(?:months?|years?|weeks?|days?))\b");
static ESTABLISHED: Pattern =
    Pattern::new(r"(?i)\bestablished\s+(?:under|by)\s+(?:Security\s+Council\s+)?resolution\s+([0-9０-９]{1,4})\s*\(([0-9０-９]{4})\)");

/// The full name of "the Force", "the Mission", "the Group" as the text gives it:
/// "United Nations Interim Force in Lebanon".
fn full_name(head: &str, doc: &Document) -> Option<String> {
    let pattern = format!(
        r"\bUnited\s+Nations\s+(?:[A-Z][\w'-]*\s+|(?:and|for|of|on)\s+)*?{}\b(?:\s+(?:in|for)\s+(?:the\s+)?[A-Z][\w'-]*(?:\s+(?:and\s+)?[A-Z][\w'-]*)*)?",
        crate::text::pattern::escape(head)
    );
    let re = Pattern::checked(pattern).ok()?;
    doc.paragraphs.iter().find_map(|p| re.find(&p.full_text()).map(|m| tidy(m.as_str())))
}

/// `UNIFIL` → "United Nations Interim Force in Lebanon", where the text writes the name
/// with the acronym after it.
fn expansion(acronym: &str, doc: &Document) -> Option<String> {
    if !acronym.chars().all(|c| c.is_ascii_uppercase()) {
        return None;
    }
    let re = Pattern::checked(format!(r"\b(United\s+Nations\s+[^()]{{3,80}}?)\s*\({}\)", crate::text::pattern::escape(acronym))).ok()?;
    doc.paragraphs
        .iter()
        .find_map(|p| re.captures(&p.full_text()).map(|c| tidy(&c[1])))
        .or_else(|| by_initials(acronym, doc))
}

static UN_NAME: Pattern = Pattern::new(r"\bUnited\s+Nations(?:\s+(?:[A-Z][\w'-]*|in|for|of|on|and))+");

/// A name in the text whose words' initials spell the acronym: "United Nations Interim
/// Force in Lebanon" for UNIFIL (where the text never writes the two together).
fn by_initials(acronym: &str, doc: &Document) -> Option<String> {
    let want = acronym.to_lowercase();
    for p in &doc.paragraphs {
        let text = tidy(&p.full_text());
        for m in UN_NAME.find_iter(&text) {
            let words: Vec<&str> = m.as_str().split(' ').collect();
            for end in (3..=words.len()).rev() {
                let initials: String = words[..end].iter().filter_map(|w| w.chars().next()).collect::<String>().to_lowercase();
                if initials == want {
                    return Some(words[..end].join(" "));
                }
            }
        }
    }
    None
}

fn tidy(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The first renewal with an end date in the operative paragraphs (their items included).
pub fn find_renewal(doc: &Document) -> Option<Renewal> {
    for p in doc.paragraphs.iter().filter(|p| p.kind == ParagraphKind::Operative) {
        let parts = std::iter::once((None, p.text.as_str())).chain(p.items.iter().map(|i| (Some(i.label.as_str()), i.text.as_str())));
        for (item, text) in parts {
            // Every match holds "mandate" or "stationing": a paragraph with neither (every
            // Chinese one) is passed over without compiling the pattern. Neither word's
            // letters has another case form than ASCII's, so the check is exact; neither
            // holds white space, so it is made on the text before its spacing is evened.
            if !holds_renewal_word(text) {
                continue;
            }
            let text = tidy(text);
            let Some(c) = RENEW.captures(&text) else { continue };
            let rest = &text[c.get(0).map_or(0, |m| m.end())..];
            let window = &rest[..rest.floor_char_boundary(rest.len().min(300))];
            let Some(until) = UNTIL.captures(window).and_then(|u| first_date(&u["date"])) else { continue };
            let mut name = tidy(&c["name"]);
            if !name.contains(' ')
                && let Some(full) = full_name(&name, doc).or_else(|| expansion(&name, doc))
            {
                name = full;
            }
            if let Some(place) = c.name("place")
                && !name.contains(place.as_str())
            {
                name = format!("{name} in {}", place.as_str());
            }
            let established_by = ESTABLISHED.captures(window).map(|e| format!("S/RES/{} ({})", &e[1], &e[2]));
            return Some(Renewal {
                mandate: name,
                until,
                period: PERIOD.captures(window).map(|m| tidy(&m[1])),
                paragraph: match item {
                    Some(label) => format!("{}({label})", p.id),
                    None => p.id.clone(),
                },
                established_by,
            });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::AhoCorasick;

    #[test]
    fn the_renewal_words_are_found_in_any_ascii_case() {
        let words = AhoCorasick::builder().ascii_case_insensitive(true).build(["andate", "tationing"]).expect("two short words");
        let pieces = ["m", "andate", "AnDaTe", "andat", "ndate", "d", "D", "s", "tationing", "TATIONING", "tationin", "ationing", "g", " ", "é", "’"];
        // Every text of up to three pieces.
        let mut texts = vec![String::new()];
        for _ in 0..3 {
            texts = texts.iter().flat_map(|t| pieces.iter().map(move |p| format!("{t}{p}"))).collect();
            for t in &texts {
                assert_eq!(holds_renewal_word(t), words.is_match(t), "{t:?}");
            }
        }
        assert!(holds_renewal_word("Decides to extend the MANDATE of") && !holds_renewal_word("Decides to extend the mandat"));
    }

    #[test]
    fn pattern() {
        let t = "To renew the mandate of the United Nations Disengagement Observer Force for another period of six months, that is, until 30 November 1990;";
        let c = RENEW.captures(t).expect("renewal");
        assert_eq!(&c["name"], "United Nations Disengagement Observer Force");
        let t = "Extends once more the stationing in Cyprus of the United Nations Peace-keeping Force, established under resolution 186 (1964), for a further period ending 15 June 1972";
        let c = RENEW.captures(t).expect("renewal");
        assert_eq!((&c["name"], &c["place"]), ("United Nations Peace-keeping Force", "Cyprus"));
        assert!(RENEW.captures("Decides to extend the mandate of the Special Rapporteur for a period of three years").is_some());
        assert!(UNTIL.captures("for a period of three years").is_none());
    }

    /// The renewal pattern with its runs taken out of case folding parses to the same
    /// syntax tree as the spelling that folded them: it matches the same texts.
    #[test]
    fn renew_means_what_the_folded_spelling_meant() {
        let folded = r"(?i)\b(?:extends?|renews?|prolongs?)\s+(?:once\s+more\s+|again\s+|further\s+)?(?:the\s+)?(?:present\s+)?(?:mandate|stationing)\s+(?:in\s+(?P<place>[A-Z][\w-]+)\s+)?of\s+(?:the\s+)?(?P<name>[A-Z][^,;:]*?)\s*(?:\([A-Z][A-Za-z0-9 ]*\)\s*)?(?:,|;|\s+for\b|\s+until\b|\s+as\b|\s+established\b|\s+in\s+its\b|\s+in\s+accordance\b|\s+to\b)";
        let tree = |p: &str| regex_syntax::Parser::new().parse(p).expect("parses");
        assert_eq!(tree(RENEW.as_str()), tree(folded));
    }

    /// The end date compiled with its gap unbounded answers as the bounded pattern:
    /// three signs (a space among them) before the closing spaces are read, four are not.
    #[test]
    fn until_keeps_its_three_signs() {
        let cases = [
            "that is, until 19 July 1985;",
            "for a further period ending 15 June 1972",
            "ending on 15 June 1972",
            "until: 30 November 1990",
            "until -- 30 November 1990",
            "until ---      30 November 1990",
            "until--      30 November 1990",
            "until ----30 November 1990",
            "until ---- 30 November 1990, and again until 1 May 1991",
            "Until\t\t 1 May 1991",
            "terminating on 31 December 1993",
            "until further notice",
        ];
        for text in cases {
            UNTIL.assert_agrees(text);
        }
        assert_eq!(&UNTIL.captures("until--      30 November 1990").unwrap()["date"], "30 November 1990");
        assert!(UNTIL.captures("until ---      30 November 1990").is_none());
        assert!(UNTIL.captures("until ----30 November 1990").is_none());
        assert_eq!(&UNTIL.captures(cases[8]).unwrap()["date"], "1 May 1991");
    }
}
