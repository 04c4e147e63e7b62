//! The one regular-expression type of the crate: a pattern compiled on first use, in the
//! form that suits how many texts the process reads.
//!
//! A pattern is compiled by `regex-automata`, the engine of the `regex` crate, configured as
//! that crate configures it (leftmost-first, UTF-8 throughout, the same size limits), so
//! what a pattern matches, and the groups it captures, are the `regex` crate's. Only the
//! engines built beside the pattern's automaton differ, and no engine changes a match: a
//! search gives the same answer whichever engine runs it.
//! - **For many texts** (the default: `index`, `list`, `graph`, a first reading of a
//!   folder), the meta engine's full set, with the lazy DFA that makes a search over a long
//!   text fast. Building it means compiling the pattern a second time, reversed.
//! - **For a few texts** ([`expect_few_texts`], for `diff A B` or `show ID` read from the
//!   files, when the texts are short), the pattern's automaton with the backtracker and
//!   the PikeVM alone, compiled by a compiler the thread keeps between patterns
//!   ([`few`]): half the cost to build, for searches that are slower on long texts.
//!   There, building the reader's 70 patterns is most of the command's work.
//!
//! A pattern built one way is kept, and used when the other is asked for but not yet
//! built: the full form first, which is never slower to search.

mod few;

use regex_automata::MatchKind;
use regex_automata::meta;
use regex_automata::util::captures::Captures as Groups;
use regex_automata::util::syntax;
use std::borrow::Cow;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};

/// Whether this process's patterns are built for a few texts (see the module's account).
static FEW_TEXTS: AtomicBool = AtomicBool::new(false);

/// The patterns built from now on are built for reading a few texts: cheaper to build,
/// slower to search on long texts.
pub fn expect_few_texts() {
    FEW_TEXTS.store(true, Ordering::Relaxed);
}

/// The patterns built from now on are built for reading many texts (the default).
pub fn expect_many_texts() {
    FEW_TEXTS.store(false, Ordering::Relaxed);
}

/// A regular expression, compiled where it is first used (or [`prepare`](Pattern::prepare)d).
pub struct Pattern {
    source: Cow<'static, str>,
    full: OnceLock<Engine>,
    few: OnceLock<Engine>,
}

impl Pattern {
    /// A pattern written in the source: it is checked by the tests that compile every one.
    pub const fn new(source: &'static str) -> Pattern {
        Pattern {
            source: Cow::Borrowed(source),
            full: OnceLock::new(),
            few: OnceLock::new(),
        }
    }

    /// A pattern assembled at run time from fragments written in the source.
    pub fn assembled(source: String) -> Pattern {
        Pattern {
            source: Cow::Owned(source),
            full: OnceLock::new(),
            few: OnceLock::new(),
        }
    }

    /// A pattern made from text the crate did not write (a name found in a document),
    /// compiled now: the reason it cannot be, if it cannot.
    pub fn checked(source: String) -> Result<Pattern, String> {
        let pattern = Pattern::assembled(source);
        let few = FEW_TEXTS.load(Ordering::Relaxed);
        let _ = pattern.form(few).set(build(&pattern.source, few)?);
        Ok(pattern)
    }

    /// Compiles the pattern now, in the form the process calls for, rather than where it
    /// is first used.
    pub fn prepare(&self) {
        self.engine();
    }

    /// Whether the pattern compiles in both its forms, for the tests that hold every
    /// built-in pattern to it.
    #[cfg(test)]
    pub(crate) fn compiles(&self) -> Result<(), String> {
        build(&self.source, false).and(build(&self.source, true)).map(|_| ())
    }

    /// The pattern as written.
    pub fn as_str(&self) -> &str {
        &self.source
    }

    /// Where the form built for a few texts, or for many, is kept.
    fn form(&self, few: bool) -> &OnceLock<Engine> {
        if few { &self.few } else { &self.full }
    }

    fn engine(&self) -> &Engine {
        if let Some(full) = self.full.get() {
            return full;
        }
        let few = FEW_TEXTS.load(Ordering::Relaxed);
        self.form(few).get_or_init(|| {
            build(&self.source, few).unwrap_or_else(|e| {
                panic!("built-in pattern {:?} does not compile: {e}", self.source)
            })
        })
    }

    /// Whether the pattern matches anywhere in `haystack`.
    pub fn is_match(&self, haystack: &str) -> bool {
        self.engine().is_match(haystack)
    }

    /// The leftmost-first match in `haystack`.
    pub fn find<'h>(&self, haystack: &'h str) -> Option<Match<'h>> {
        self.engine().find(haystack).map(|span| Match::at(haystack, span))
    }

    /// The leftmost-first match in `haystack` and its groups.
    pub fn captures<'h>(&self, haystack: &'h str) -> Option<Captures<'h>> {
        let groups = self.engine().captures(haystack);
        groups.is_match().then_some(Captures { haystack, groups })
    }

    /// Every match in `haystack`, left to right, none overlapping.
    pub fn find_iter<'p, 'h>(&'p self, haystack: &'h str) -> impl Iterator<Item = Match<'h>> + 'p
    where
        'h: 'p,
    {
        self.engine().find_iter(haystack).map(move |span| Match::at(haystack, span))
    }

    /// Every match in `haystack` with its groups, left to right, none overlapping.
    pub fn captures_iter<'p, 'h>(
        &'p self,
        haystack: &'h str,
    ) -> impl Iterator<Item = Captures<'h>> + 'p
    where
        'h: 'p,
    {
        self.engine()
            .captures_iter(haystack)
            .map(move |groups| Captures { haystack, groups })
    }

    /// `haystack` with every match replaced by `replacement`, in which `$1` or `$name`
    /// (`${1}`, `${name}` before a letter or digit) stands for a group and `$$` for `$`.
    pub fn replace_all<'h>(&self, haystack: &'h str, replacement: &str) -> Cow<'h, str> {
        self.replace_with(haystack, usize::MAX, |groups, out| {
            groups
                .groups
                .interpolate_string_into(haystack, replacement, out)
        })
    }

    /// `haystack` with its first match replaced by `replacement`, written as for
    /// [`replace_all`](Pattern::replace_all).
    pub fn replace<'h>(&self, haystack: &'h str, replacement: &str) -> Cow<'h, str> {
        self.replace_with(haystack, 1, |groups, out| {
            groups
                .groups
                .interpolate_string_into(haystack, replacement, out)
        })
    }

    /// `haystack` with every match replaced by what `replace` gives for it.
    pub fn replace_all_by<'h>(
        &self,
        haystack: &'h str,
        mut replace: impl FnMut(&Captures<'h>) -> String,
    ) -> Cow<'h, str> {
        self.replace_with(haystack, usize::MAX, |groups, out| {
            out.push_str(&replace(groups))
        })
    }

    /// `haystack` with its first `limit` matches replaced by what `write` writes for each.
    fn replace_with<'h>(
        &self,
        haystack: &'h str,
        limit: usize,
        mut write: impl FnMut(&Captures<'h>, &mut String),
    ) -> Cow<'h, str> {
        let mut matches = self.captures_iter(haystack).take(limit).peekable();
        if matches.peek().is_none() {
            return Cow::Borrowed(haystack);
        }
        let mut out = String::with_capacity(haystack.len());
        let mut done = 0;
        for groups in matches {
            let whole = groups.get(0).expect("a match has its group 0");
            out.push_str(&haystack[done..whole.start]);
            write(&groups, &mut out);
            done = whole.end;
        }
        out.push_str(&haystack[done..]);
        Cow::Owned(out)
    }
}

impl std::fmt::Debug for Pattern {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Pattern").field(&self.source).finish()
    }
}

/// A pattern compiled in one of its two forms (see the module's account).
enum Engine {
    /// The meta engine, with the lazy DFA.
    Full(meta::Regex),
    /// The automaton and the engines that run it directly.
    Few(few::Few),
}

impl Engine {
    fn is_match(&self, haystack: &str) -> bool {
        match self {
            Engine::Full(regex) => regex.is_match(haystack),
            Engine::Few(few) => few.is_match(haystack),
        }
    }

    fn find(&self, haystack: &str) -> Option<regex_automata::Span> {
        match self {
            Engine::Full(regex) => regex.find(haystack).map(|m| m.span()),
            Engine::Few(few) => few.find(haystack),
        }
    }

    fn captures(&self, haystack: &str) -> Groups {
        match self {
            Engine::Full(regex) => {
                let mut groups = regex.create_captures();
                regex.captures(haystack, &mut groups);
                groups
            }
            Engine::Few(few) => few.captures(haystack),
        }
    }

    fn find_iter<'r, 'h>(&'r self, haystack: &'h str) -> Either<impl Iterator<Item = regex_automata::Span> + 'r, few::Spans<'r, 'h>>
    where
        'h: 'r,
    {
        match self {
            Engine::Full(regex) => Either::Full(regex.find_iter(haystack).map(|m| m.span())),
            Engine::Few(few) => Either::Few(few.find_iter(haystack)),
        }
    }

    fn captures_iter<'r, 'h>(&'r self, haystack: &'h str) -> Either<meta::CapturesMatches<'r, 'h>, few::GroupsIter<'r, 'h>> {
        match self {
            Engine::Full(regex) => Either::Full(regex.captures_iter(haystack)),
            Engine::Few(few) => Either::Few(few.captures_iter(haystack)),
        }
    }
}

/// The iterator of one form or the other.
enum Either<F, W> {
    Full(F),
    Few(W),
}

impl<T, F: Iterator<Item = T>, W: Iterator<Item = T>> Iterator for Either<F, W> {
    type Item = T;

    fn next(&mut self) -> Option<T> {
        match self {
            Either::Full(it) => it.next(),
            Either::Few(it) => it.next(),
        }
    }
}

/// Builds `source` in the form for a few texts, or for many: as the `regex` crate builds
/// a `Regex`, with the lazy DFA, for many; or says why it cannot.
fn build(source: &str, few_texts: bool) -> Result<Engine, String> {
    if few_texts && let Some(few) = few::Few::build(source) {
        return Ok(Engine::Few(few));
    }
    build_full(source, few_texts).map(Engine::Full)
}

/// The pattern syntax of both forms, the `regex` crate's: Unicode, matching UTF-8 only.
fn syntax_config() -> syntax::Config {
    syntax::Config::new().utf8(true)
}

/// The meta engine for `source`: with the lazy DFA unless `few_texts` (where the form for
/// a few texts could not be built, its error is the meta engine's).
fn build_full(source: &str, few_texts: bool) -> Result<meta::Regex, String> {
    let config = meta::Config::new()
        .match_kind(MatchKind::LeftmostFirst)
        .utf8_empty(true)
        .nfa_size_limit(Some(few::NFA_SIZE_LIMIT))
        .hybrid_cache_capacity(2 * (1 << 20))
        .hybrid(!few_texts);
    meta::Builder::new()
        .configure(config)
        .syntax(syntax_config())
        .build(source)
        .map_err(|e| e.to_string())
}

/// `text` with every character that has a meaning in a pattern escaped, to be matched as
/// written.
pub fn escape(text: &str) -> String {
    regex_syntax::escape(text)
}

/// A match: where it is in the text searched, and what it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match<'h> {
    haystack: &'h str,
    start: usize,
    end: usize,
}

impl<'h> Match<'h> {
    fn at(haystack: &'h str, span: regex_automata::Span) -> Match<'h> {
        Match { haystack, start: span.start, end: span.end }
    }

    pub fn start(&self) -> usize {
        self.start
    }

    pub fn end(&self) -> usize {
        self.end
    }

    pub fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    pub fn as_str(&self) -> &'h str {
        &self.haystack[self.start..self.end]
    }
}

/// A match and its groups, by number (0 is the whole match) or by name.
#[derive(Debug, Clone)]
pub struct Captures<'h> {
    haystack: &'h str,
    groups: Groups,
}

impl<'h> Captures<'h> {
    /// The group numbered `i`, if it took part in the match.
    pub fn get(&self, i: usize) -> Option<Match<'h>> {
        self.groups.get_group(i).map(|span| Match::at(self.haystack, span))
    }

    /// The group named `name`, if it took part in the match.
    pub fn name(&self, name: &str) -> Option<Match<'h>> {
        self.groups.get_group_by_name(name).map(|span| Match::at(self.haystack, span))
    }

    /// Every group in order, `None` for one that took no part.
    pub fn iter(&self) -> impl Iterator<Item = Option<Match<'h>>> + '_ {
        (0..self.len()).map(|i| self.get(i))
    }

    /// How many groups the pattern has, the whole match included.
    pub fn len(&self) -> usize {
        self.groups.group_len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl<'h> std::ops::Index<usize> for Captures<'h> {
    type Output = str;

    /// The text of group `i`. Panics where the group took no part in the match.
    fn index(&self, i: usize) -> &str {
        self.get(i)
            .map(|m| m.as_str())
            .unwrap_or_else(|| panic!("no group {i} in this match"))
    }
}

impl<'h, 'n> std::ops::Index<&'n str> for Captures<'h> {
    type Output = str;

    /// The text of the group named `name`. Panics where it took no part in the match.
    fn index(&self, name: &'n str) -> &str {
        self.name(name)
            .map(|m| m.as_str())
            .unwrap_or_else(|| panic!("no group named {name:?} in this match"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Both forms of a pattern, built side by side whatever the process expects.
    fn forms(source: &'static str) -> (Engine, Engine) {
        (build(source, false).unwrap(), build(source, true).unwrap())
    }

    #[test]
    fn both_forms_find_the_same_matches_and_groups() {
        let cases: &[(&str, &str)] = &[
            (
                r"(?P<n>[0-9]{1,4})\s*/\s*(?P<m>[0-9]{1,4})",
                "recalling resolutions 41/11 and 47 / 23 and 53/29",
            ),
            (
                r"(?i)\brights? to\b",
                "the right to privacy and the Rights To food",
            ),
            (
                r"第\s*([0-9０-９]{1,4})\s*号决议",
                "回顾第 41/11 号决议和第47号决议",
            ),
            (r"(?m)^\s*(?:又|还)?(回顾|重申)", "序言\n又回顾\n  重申"),
            (r"x*", "a😀b"),
        ];
        for (source, text) in cases {
            let (full, few) = forms(source);
            let spans = |re: &Engine| {
                re.captures_iter(text)
                    .map(|c| c.iter().map(|s| s.map(|s| s.range())).collect::<Vec<_>>())
                    .collect::<Vec<_>>()
            };
            assert_eq!(spans(&full), spans(&few), "{source} on {text:?}");
            assert!(
                !spans(&full).is_empty() || source.starts_with('x'),
                "{source} finds something"
            );
        }
    }

    #[test]
    fn matches_and_groups_read_as_the_text_searched() {
        let p = Pattern::new(r"(?P<session>[0-9]{2})/(?P<number>[0-9]{1,3})(?P<part> [A-Z])?");
        let c = p.captures("resolution 47/23 of 2021").unwrap();
        assert_eq!((&c[0], &c["session"], &c[2]), ("47/23", "47", "23"));
        assert_eq!(c.get(0).unwrap().range(), 11..16);
        assert!(c.name("part").is_none());
        assert_eq!(c.len(), 4);
        assert_eq!(c.iter().filter(Option::is_some).count(), 3);
        assert_eq!(p.find("no symbol here"), None);
        assert_eq!(
            p.find_iter("41/11, 47/23")
                .map(|m| m.as_str())
                .collect::<Vec<_>>(),
            ["41/11", "47/23"]
        );
    }

    #[test]
    fn replacements_expand_groups_and_leave_unmatched_text_borrowed() {
        let p = Pattern::new(r"\*\*([^*]+?)\*\*");
        assert_eq!(
            p.replace_all("**Recalling** its **resolution**", "$1"),
            "Recalling its resolution"
        );
        assert!(matches!(
            p.replace_all("no emphasis", "$1"),
            Cow::Borrowed(_)
        ));
        let joined = Pattern::new(r"([a-z])- ([a-z])").replace_all("hu- man rights", "$1$2");
        assert_eq!(joined, "human rights");
        let upper = p.replace_all_by("**a** and **b**", |c| c[1].to_uppercase());
        assert_eq!(upper, "A and B");
        assert_eq!(Pattern::new("a").replace_all("banana", "$$"), "b$n$n$");
        assert_eq!(Pattern::new("a").replace("banana", "o"), "bonana");
    }

    #[test]
    fn a_pattern_from_outside_text_is_checked_and_escaped() {
        assert!(Pattern::checked("(unclosed".to_string()).is_err());
        let p = Pattern::checked(format!(r"\({}\)", escape("A.I.(X)"))).unwrap();
        assert!(p.is_match("the (A.I.(X)) panel"));
        assert!(!p.is_match("the (AxIx(X)) panel"));
    }
}
