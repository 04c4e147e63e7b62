//! A pattern built for reading a few texts: its automaton, compiled by a compiler each
//! thread keeps, and the engines that run it directly.
//!
//! `regex-automata`'s meta engine, built without its lazy DFA, runs the same engines on
//! the same automaton: the bounded backtracker where the text is short enough and the
//! PikeVM otherwise, each skipping ahead with the pattern's literal prefilter (and the
//! one-pass DFA for an anchored search of a pattern with groups, left out here: its build
//! cost 5% of a diff's instructions, which its searches of two texts do not win back).
//! What the meta engine cannot do is keep its compiler between patterns: each pattern's
//! compiler sets up, fills and frees a table of 10,000 entries (320 KB) the first time it
//! meets a class of non-ASCII characters, which nearly every pattern of the reader has
//! (`[，,]`, `\s`, `[0-9０-９]`): 20 MB written and dropped by a command that reads two
//! texts. A compiler kept by the thread clears the table by a version number instead.
//!
//! Every engine gives the same matches and groups for the same automaton (leftmost-first,
//! empty matches never splitting a character), so what a pattern finds is what the meta
//! engine finds; the tests of the parent module hold the two forms to it.

use regex_automata::nfa::thompson::{self, backtrack, pikevm};
use regex_automata::util::captures::Captures;
use regex_automata::util::iter::Searcher;
use regex_automata::util::pool::{Pool, PoolGuard};
use regex_automata::util::prefilter::Prefilter;
use regex_automata::util::primitives::NonMaxUsize;
use regex_automata::util::syntax;
use regex_automata::{Input, Match, MatchKind, PatternID, Span};
use std::panic::{RefUnwindSafe, UnwindSafe};
use std::sync::Arc;

/// The largest automaton a pattern may compile to, as the `regex` crate allows.
pub(super) const NFA_SIZE_LIMIT: usize = 10 * (1 << 20);

/// Above this length, a search that stops at the first match found does not use the
/// backtracker, which cannot stop early (the meta engine's rule).
const EARLIEST_BACKTRACK_MAX: usize = 128;

thread_local! {
    /// The thread's compiler, kept between patterns with its tables.
    static COMPILER: thompson::Compiler = {
        let mut compiler = thompson::Compiler::new();
        compiler.configure(
            thompson::Config::new()
                .utf8(true)
                .nfa_size_limit(Some(NFA_SIZE_LIMIT))
                .shrink(false),
        );
        compiler
    };
}

/// The engines of one pattern, shared by the caches that each search borrows.
struct Engines {
    pikevm: pikevm::PikeVM,
    backtrack: backtrack::BoundedBacktracker,
}

/// What a search needs besides the engines: each engine's scratch space.
struct Cache {
    pikevm: pikevm::Cache,
    backtrack: backtrack::Cache,
}

type MakeCache = Box<dyn Fn() -> Cache + Send + Sync + UnwindSafe + RefUnwindSafe>;

/// A pattern compiled for a few texts.
pub struct Few {
    engines: Arc<Engines>,
    caches: Pool<Cache, MakeCache>,
}

impl Few {
    /// Compiles `source`, or `None` where it does not compile (the meta engine then says
    /// why, in its own words).
    pub fn build(source: &str) -> Option<Few> {
        let hir = syntax::parse_with(source, &super::syntax_config()).ok()?;
        let nfa = COMPILER.with(|compiler| compiler.build_from_hir(&hir).ok())?;
        let properties = hir.properties();
        // No prefilter for a pattern anchored at the start, as the meta engine does.
        let prefilter = if properties.look_set_prefix().contains(regex_syntax::hir::Look::Start) {
            None
        } else {
            Prefilter::from_hir_prefix(MatchKind::LeftmostFirst, &hir)
        };
        let pikevm = pikevm::PikeVM::builder()
            .configure(pikevm::Config::new().match_kind(MatchKind::LeftmostFirst).prefilter(prefilter.clone()))
            .build_from_nfa(nfa.clone())
            .ok()?;
        let backtrack = backtrack::BoundedBacktracker::builder()
            .configure(backtrack::Config::new().prefilter(prefilter))
            .build_from_nfa(nfa)
            .ok()?;
        let engines = Arc::new(Engines { pikevm, backtrack });
        let shared = Arc::clone(&engines);
        let make: MakeCache = Box::new(move || Cache {
            pikevm: shared.pikevm.create_cache(),
            backtrack: shared.backtrack.create_cache(),
        });
        Some(Few { engines, caches: Pool::new(make) })
    }

    /// Empty groups for this pattern, to be filled by a search.
    fn create_captures(&self) -> Captures {
        self.engines.pikevm.create_captures()
    }

    /// Searches `input`, filling `slots` (none, the whole match's two, or every group's):
    /// with the backtracker where the text is short enough for it, else with the PikeVM.
    fn search_slots(&self, cache: &mut Cache, input: &Input<'_>, slots: &mut [Option<NonMaxUsize>]) -> Option<PatternID> {
        let engines = &*self.engines;
        let stops_early_on_long_text = input.get_earliest() && input.haystack().len() > EARLIEST_BACKTRACK_MAX;
        if !stops_early_on_long_text
            && input.get_span().len() < engines.backtrack.max_haystack_len()
            && let Ok(found) = engines.backtrack.try_search_slots(&mut cache.backtrack, input, slots)
        {
            return found;
        }
        engines.pikevm.search_slots(&mut cache.pikevm, input, slots)
    }

    /// The leftmost-first match in `input`.
    fn search(&self, cache: &mut Cache, input: &Input<'_>) -> Option<Match> {
        let mut slots = [None, None];
        let pattern = self.search_slots(cache, input, &mut slots)?;
        let (start, end) = (slots[0]?.get(), slots[1]?.get());
        Some(Match::new(pattern, Span { start, end }))
    }

    /// The leftmost-first match in `input` with its groups, written to `groups`.
    fn search_captures(&self, cache: &mut Cache, input: &Input<'_>, groups: &mut Captures) {
        groups.set_pattern(None);
        let pattern = self.search_slots(cache, input, groups.slots_mut());
        groups.set_pattern(pattern);
    }

    pub fn is_match(&self, haystack: &str) -> bool {
        let mut cache = self.caches.get();
        self.search_slots(&mut cache, &Input::new(haystack).earliest(true), &mut []).is_some()
    }

    pub fn find(&self, haystack: &str) -> Option<Span> {
        let mut cache = self.caches.get();
        self.search(&mut cache, &Input::new(haystack)).map(|m| m.span())
    }

    /// The leftmost-first match in `haystack` and its groups (none matched where there is
    /// no match).
    pub fn captures(&self, haystack: &str) -> Captures {
        let mut groups = self.create_captures();
        let mut cache = self.caches.get();
        self.search_captures(&mut cache, &Input::new(haystack), &mut groups);
        groups
    }

    /// Every match in `haystack`, left to right, none overlapping.
    pub fn find_iter<'r, 'h>(&'r self, haystack: &'h str) -> Spans<'r, 'h> {
        Spans { few: self, cache: self.caches.get(), searcher: Searcher::new(Input::new(haystack)) }
    }

    /// Every match in `haystack` with its groups, left to right, none overlapping.
    pub fn captures_iter<'r, 'h>(&'r self, haystack: &'h str) -> GroupsIter<'r, 'h> {
        GroupsIter {
            few: self,
            cache: self.caches.get(),
            searcher: Searcher::new(Input::new(haystack)),
            groups: self.create_captures(),
        }
    }
}

/// The spans of a pattern's matches in a text, left to right.
pub struct Spans<'r, 'h> {
    few: &'r Few,
    cache: PoolGuard<'r, Cache, MakeCache>,
    searcher: Searcher<'h>,
}

impl Iterator for Spans<'_, '_> {
    type Item = Span;

    fn next(&mut self) -> Option<Span> {
        let (few, cache) = (self.few, &mut self.cache);
        self.searcher.advance(|input| Ok(few.search(cache, input))).map(|m| m.span())
    }
}

/// A pattern's matches in a text with their groups, left to right.
pub struct GroupsIter<'r, 'h> {
    few: &'r Few,
    cache: PoolGuard<'r, Cache, MakeCache>,
    searcher: Searcher<'h>,
    groups: Captures,
}

impl Iterator for GroupsIter<'_, '_> {
    type Item = Captures;

    fn next(&mut self) -> Option<Captures> {
        let (few, cache, groups) = (self.few, &mut self.cache, &mut self.groups);
        self.searcher
            .advance(|input| {
                few.search_captures(cache, input, groups);
                Ok(groups.get_match())
            })
            .map(|_| groups.clone())
    }
}
