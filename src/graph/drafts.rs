//! Drafts in the graph: each draft joins the series it continues (by its title, else by
//! the run of the series' resolutions its recalling paragraph cites), and the edges of
//! negotiation: `revises` (a revision, or an officer's text "on the basis of informal
//! consultations on draft resolution …", → the text it replaces), `amends` (amendment →
//! draft) and `adopted_as` (draft → the resolution adopted from it: named in the
//! resolution's masthead "(A/80/L.6)", or, for a committee draft, the resolution of its
//! session with its title and most of its paragraphs).

use super::series::title_key;
use super::{EdgeKind, LineageGraph, NodeKind};
use crate::model::{DocKind, Document, ReferenceKind};
use crate::text::pattern::Pattern;
use std::collections::HashSet;

// `[without reference to a Main Committee (A/79/L.2)]`, `(A/78/L.1)`: the plenary draft a
// resolution's masthead names.
static MASTHEAD_DRAFT: Pattern =
    Pattern::new(r"\((A/(?:HRC/)?[0-9０-９]{1,3}/L\.[0-9０-９]{1,3}(?:/Rev\.[0-9０-９]{1,2})?)\)");

/// How many of a committee draft's paragraphs must stand, nearly as they are, in a
/// resolution of the same title for the resolution to be the one adopted from it.
const ADOPTED_SHARE: f64 = 0.6;
/// How alike a draft's paragraph and a resolution's must be to count as the same.
const PARAGRAPH_LIKENESS: f64 = 0.8;

pub(super) fn link(g: &mut LineageGraph, docs: &[Document]) {
    let drafts: Vec<&Document> = docs.iter().filter(|d| matches!(d.kind, DocKind::Draft | DocKind::Amendment)).collect();
    if drafts.is_empty() && !docs.iter().any(|d| d.kind == DocKind::Resolution) {
        return;
    }
    for d in &drafts {
        let Some(meta) = &d.draft else { continue };
        let from = g.index[&d.symbol];
        for (target, kind) in [
            (&meta.revises, EdgeKind::Revises),
            (&meta.based_on, EdgeKind::Revises),
            (&meta.amends, EdgeKind::Amends),
        ] {
            if let Some(t) = target {
                let to = ensure_draft(g, t);
                g.link(from, to, kind, None);
            }
        }
    }
    // A resolution names its plenary draft in its masthead.
    for r in docs.iter().filter(|d| d.kind == DocKind::Resolution) {
        let to = g.index[&r.symbol];
        let mut named = HashSet::new();
        for line in &r.front_matter {
            for c in MASTHEAD_DRAFT.captures_iter(&line.text) {
                named.insert(c[1].to_string());
            }
        }
        for symbol in named {
            let from = ensure_draft(g, &symbol);
            g.link(from, to, EdgeKind::AdoptedAs, None);
        }
    }
    // A committee draft: the resolution of its session with its title and its text.
    for d in drafts.iter().filter(|d| d.kind == DocKind::Draft) {
        let from = g.index[&d.symbol];
        if g.graph.edges_directed(from, petgraph::Direction::Outgoing).any(|e| e.weight().kind == EdgeKind::AdoptedAs) {
            continue;
        }
        let key = title_key(&d.title);
        let adopted = docs.iter().find(|r| {
            r.kind == DocKind::Resolution
                && r.body == d.body
                && r.session == d.session
                && r.language == d.language
                && title_key(&r.title) == key
                && share_found(d, r) >= ADOPTED_SHARE
        });
        if let Some(r) = adopted {
            let to = g.index[&r.symbol];
            g.link(from, to, EdgeKind::AdoptedAs, None);
        }
    }
    attach_to_series(g, docs, &drafts);
}

fn ensure_draft(g: &mut LineageGraph, symbol: &str) -> petgraph::graph::NodeIndex {
    let i = g.ensure(symbol, ReferenceKind::Document);
    if !g.graph[i].in_corpus {
        g.graph[i].kind = NodeKind::Draft;
    }
    i
}

/// The share of `draft`'s paragraphs that stand in `resolution` nearly as they are.
pub fn share_found(draft: &Document, resolution: &Document) -> f64 {
    if draft.paragraphs.is_empty() {
        return 0.0;
    }
    use crate::text::compare::{Profile, Shingling};
    let theirs: Vec<(crate::model::ParagraphKind, Profile)> =
        resolution.paragraphs.iter().map(|q| (q.kind, Profile::new(&q.full_text(), Shingling::default()))).collect();
    let found = draft
        .paragraphs
        .iter()
        .filter(|p| {
            let mine = Profile::new(&p.full_text(), Shingling::default());
            theirs.iter().any(|(kind, q)| *kind == p.kind && (mine.same_text(q) || mine.similarity(q) >= PARAGRAPH_LIKENESS))
        })
        .count();
    found as f64 / draft.paragraphs.len() as f64
}

/// Each draft (and amendment) joins the series it continues: the series with its title,
/// else the series of the newest resolution of its own body that it recalls in a run
/// ("Recalling its resolutions 77/211 of …, 78/… and 79/…") or whose title its citation
/// gives as the draft's own; an amendment or revision follows the draft it changes.
fn attach_to_series(g: &mut LineageGraph, docs: &[Document], drafts: &[&Document]) {
    let mut placed: Vec<(String, usize)> = Vec::new();
    for d in drafts.iter().filter(|d| d.kind == DocKind::Draft) {
        let key = title_key(&d.title);
        let by_title = g.series.iter().position(|s| {
            s.body == d.body && s.members.iter().any(|m| g.node(m).is_some_and(|n| n.titles.iter().any(|t| title_key(t) == key)))
        });
        // The newest resolution of its own body it recalls, in a series whose title is
        // close to the draft's ("Child, early and forced marriage" is not "Rights of the
        // child", though the draft recalls it).
        let by_recall = || {
            d.references
                .iter()
                .filter(|r| r.kind == ReferenceKind::Resolution && r.body == d.body)
                .filter_map(|r| Some((crate::symbol::session_of(&r.target)?, g.series_index.get(&r.target).copied()?)))
                .filter(|(s, _)| d.session.is_none_or(|own| *s < own))
                .filter(|(_, i)| words_alike(&title_key(&g.series[*i].title), &key))
                .max_by_key(|(s, _)| *s)
                .map(|(_, i)| i)
        };
        // A resolution of the same title in no series yet: the draft starts one with it.
        let by_lone_resolution = |g: &mut LineageGraph| {
            let r = docs
                .iter()
                .filter(|r| r.kind == DocKind::Resolution && r.body == d.body && title_key(&r.title) == key)
                .filter(|r| d.session.is_none_or(|own| r.session.is_none_or(|s| s < own)))
                .max_by_key(|r| r.session)?;
            if g.series_index.contains_key(&r.symbol) {
                return g.series_index.get(&r.symbol).copied();
            }
            g.series.push(super::Series { title: r.title.clone(), body: r.body, members: vec![r.symbol.clone()], drafts: Vec::new() });
            let i = g.series.len() - 1;
            g.series_index.insert(r.symbol.clone(), i);
            Some(i)
        };
        if let Some(i) = by_title.or_else(by_recall).or_else(|| by_lone_resolution(g)) {
            placed.push((d.symbol.clone(), i));
        }
    }
    // Amendments and revisions go with what they change, when that is placed.
    for d in drafts {
        let Some(meta) = &d.draft else { continue };
        if placed.iter().any(|(s, _)| *s == d.symbol) {
            continue;
        }
        let target = meta.amends.as_ref().or(meta.revises.as_ref()).or(meta.based_on.as_ref());
        // An amendment to `…/Rev.1` goes with `…` where the revision is not in the corpus.
        let base = target.map(|t| t.rsplit_once("/Rev.").map_or(t.as_str(), |(b, _)| b));
        let series = target
            .and_then(|t| placed.iter().find(|(s, _)| s == t))
            .or_else(|| base.and_then(|b| placed.iter().find(|(s, _)| s == b)))
            .map(|(_, i)| *i);
        if let Some(i) = series {
            placed.push((d.symbol.clone(), i));
        }
    }
    for (symbol, i) in placed {
        if !g.series[i].drafts.contains(&symbol) {
            g.series[i].drafts.push(symbol.clone());
        }
        g.series_index.insert(symbol, i);
    }
    for s in &mut g.series {
        s.drafts.sort_by_key(|d| draft_order(d));
    }
}

/// L-number, then revision: `A/C.3/80/L.20` before `A/C.3/80/L.20/Rev.1` before `L.61`.
fn draft_order(symbol: &str) -> (String, u32, u32) {
    let (base, rev) = match symbol.rsplit_once("/Rev.") {
        Some((b, r)) => (b, r.parse().unwrap_or(0)),
        None => (symbol, 0),
    };
    let (prefix, number) = match base.rsplit_once("/L.") {
        Some((p, n)) => (p.to_string(), n.parse().unwrap_or(0)),
        None => (base.to_string(), 0),
    };
    (prefix, number, rev)
}

/// Whether two title keys share at least half their words (Jaccard).
fn words_alike(a: &str, b: &str) -> bool {
    let wa: HashSet<&str> = a.split_whitespace().collect();
    let wb: HashSet<&str> = b.split_whitespace().collect();
    let union = wa.union(&wb).count();
    union > 0 && wa.intersection(&wb).count() * 2 >= union
}
