//! Series: the resolutions of one body on one subject, oldest first.
//!
//! Two resolutions of the same body are one series when
//! - their titles are the same once normalised (case, punctuation, spaces, the particle
//!   的, English function words: "新的和新兴的数字技术与人权" = "新的和新兴数字技术与人权"),
//!   whether the title is the document's own or the one a citation gives it; or
//! - one cites the other and their titles are close (rare words weigh more than common
//!   ones, so "Situation of human rights in Myanmar" stays apart from "… in Iran"); or
//! - one cites the other as "its resolution … on this issue / on the same subject".
//!
//! A resolution that is only cited, without a title, cannot be placed and stays out.

use super::{LineageGraph, NodeKind};
use crate::model::{Body, Document, ReferenceKind};
use crate::symbol::{ga_session_year, hrc_session_year, session_of};
use petgraph::graph::NodeIndex;
use petgraph::unionfind::UnionFind;
use crate::text::pattern::Pattern;
use serde::Serialize;
use std::collections::HashMap;

/// How close two titles of resolutions that cite each other must be to make one series.
/// Wording changes between sessions ("promotion and protection of" → "protection of")
/// score above 0.8; different subjects under one heading ("Situation of human rights in
/// Myanmar" / "… in Iran") score below 0.5 because the country name carries the weight.
pub const CITED_TITLE_SIMILARITY: f64 = 0.8;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Series {
    pub title: String,
    pub body: Body,
    /// Full symbols, oldest first.
    pub members: Vec<String>,
    /// Drafts, revisions and amendments in the corpus that continue the series, after its
    /// last adopted text (`graph::drafts`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub drafts: Vec<String>,
}

/// A citation title that only points back at the citing text's own subject:
/// "this issue", "the same subject", "the question", "该问题", "同一主题".
static ANAPHORIC: Pattern = Pattern::new(r"(?ix)^\s*(?:
            (?:this|that|the|the\ same|these|those)\s+(?:issue|subject|question|matter|topic)s?
          | (?:该|此|这一|这个|同一|相同)(?:问题|主题|议题|事项)
        )\s*$");

pub fn is_anaphoric(title: &str) -> bool {
    ANAPHORIC.is_match(title)
}

/// English words that do not tell one subject from another.
const FUNCTION_WORDS: &[&str] = &["the", "of", "and", "on", "in", "a", "an", "to", "for", "its", "at", "by", "with"];

/// A title reduced to what distinguishes it: Han characters (without 的 and 之) and
/// lower-case words without function words or years ("Working Capital Fund for 2025"
/// continues "… for 2024"), separated by single spaces.
pub fn title_key(title: &str) -> String {
    let mut cleaned = String::with_capacity(title.len());
    for c in title.chars() {
        if crate::text::is_han(c) {
            if c != '的' && c != '之' {
                cleaned.push(c);
            }
        } else if c.is_alphanumeric() {
            cleaned.extend(c.to_lowercase());
        } else if c == '\'' || c == '’' {
            // "People's" and "Peoples" are one word.
        } else {
            cleaned.push(' ');
        }
    }
    cleaned
        .split_whitespace()
        .filter(|w| !FUNCTION_WORDS.contains(w) && !is_year(w))
        .collect::<Vec<_>>()
        .join(" ")
}

fn is_year(word: &str) -> bool {
    word.len() == 4 && (word.starts_with("19") || word.starts_with("20")) && word.bytes().all(|b| b.is_ascii_digit())
}

/// The series name of a title with a subtitle that changes every session ("Global health
/// and foreign policy: rethinking health promotion…" → "global health foreign policy"),
/// when the name has at least two words or three Han characters.
fn head_key(title: &str) -> Option<String> {
    let (head, _) = title.split_once([':', '：'])?;
    let key = title_key(head);
    let long_enough = key.split(' ').count() >= 2 || key.chars().count() >= 3 && is_cjk_key(&key);
    long_enough.then_some(key)
}

/// The units two keys are compared by: each pair of adjacent Han characters (Chinese has
/// no word breaks, and bigrams survive one inserted or dropped character), and each word.
fn tokens(key: &str) -> Vec<String> {
    let mut out = Vec::new();
    for word in key.split(' ') {
        let chars: Vec<char> = word.chars().collect();
        if chars.first().is_some_and(|&c| crate::text::is_han(c)) {
            if chars.len() == 1 {
                out.push(word.to_string());
            }
            out.extend(chars.windows(2).map(|w| w.iter().collect::<String>()));
        } else if !word.is_empty() {
            out.push(word.to_string());
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Rarer tokens weigh more: ln(1 + keys / keys holding the token).
struct Weights {
    frequency: HashMap<String, usize>,
    keys: usize,
}

impl Weights {
    fn new<'a>(keys: impl Iterator<Item = &'a String>) -> Weights {
        let mut frequency = HashMap::new();
        let mut count = 0;
        for key in keys {
            count += 1;
            for t in tokens(key) {
                *frequency.entry(t).or_insert(0) += 1;
            }
        }
        Weights { frequency, keys: count }
    }

    fn weight(&self, token: &str) -> f64 {
        let df = self.frequency.get(token).copied().unwrap_or(1).max(1);
        (1.0 + self.keys as f64 / df as f64).ln()
    }

    /// Weighted Dice coefficient of two keys' token sets, 0.0–1.0.
    fn similarity(&self, a: &str, b: &str) -> f64 {
        let (ta, tb) = (tokens(a), tokens(b));
        let total: f64 = ta.iter().chain(&tb).map(|t| self.weight(t)).sum();
        if total == 0.0 {
            return 0.0;
        }
        let shared: f64 = ta.iter().filter(|t| tb.binary_search(t).is_ok()).map(|t| self.weight(t)).sum();
        2.0 * shared / total
    }
}

fn is_cjk_key(key: &str) -> bool {
    key.chars().any(crate::text::is_han)
}

pub(super) fn detect(g: &LineageGraph, docs: &[Document]) -> Vec<Series> {
    let candidates: Vec<NodeIndex> = g
        .graph
        .node_indices()
        .filter(|&i| g.graph[i].kind == NodeKind::Resolution && g.graph[i].body != Body::Unknown)
        .collect();
    let keys_of: HashMap<NodeIndex, Vec<String>> = candidates
        .iter()
        .map(|&i| {
            let mut keys: Vec<String> = g.graph[i]
                .titles
                .iter()
                .filter(|t| !is_anaphoric(t))
                .map(|t| title_key(t))
                .filter(|k| !k.is_empty())
                .collect();
            keys.sort();
            keys.dedup();
            (i, keys)
        })
        .collect();
    let mut sets = UnionFind::<usize>::new(g.graph.node_count());

    // Same body, same normalised title.
    let mut first_with_key: HashMap<(Body, &str), NodeIndex> = HashMap::new();
    for &i in &candidates {
        for key in &keys_of[&i] {
            match first_with_key.get(&(g.graph[i].body, key.as_str())) {
                Some(&j) => {
                    sets.union(i.index(), j.index());
                }
                None => {
                    first_with_key.insert((g.graph[i].body, key.as_str()), i);
                }
            }
        }
    }

    // Renewals of one mandate ("Decides to extend the mandate of the United Nations
    // Interim Force in Lebanon … until …") are one series whatever their titles say (the
    // Security Council's texts have none), with the resolution that established it.
    let mut first_with_mandate: HashMap<(Body, String), NodeIndex> = HashMap::new();
    for doc in docs.iter().filter(|d| d.kind == crate::model::DocKind::Resolution) {
        let (Some(r), Some(&i)) = (&doc.renewal, g.index.get(&doc.symbol)) else { continue };
        let key = (doc.body, title_key(&r.mandate));
        match first_with_mandate.get(&key) {
            Some(&j) => sets.union(i.index(), j.index()),
            None => {
                first_with_mandate.insert(key, i);
                true
            }
        };
        if let Some(&origin) = r.established_by.as_ref().and_then(|s| g.index.get(s)) {
            sets.union(i.index(), origin.index());
        }
    }

    // A resolution and one it cites, with close titles or an "on this issue" citation.
    let weights = Weights::new(keys_of.values().flatten());
    for doc in docs.iter().filter(|d| d.kind == crate::model::DocKind::Resolution) {
        let Some(&from) = g.index.get(&doc.symbol) else { continue };
        for r in doc.references.iter().filter(|r| r.kind == ReferenceKind::Resolution && r.body == doc.body) {
            let Some(&to) = g.index.get(&r.target) else { continue };
            if !keys_of.contains_key(&to) || !keys_of.contains_key(&from) {
                continue;
            }
            let points_back = r.title.as_deref().is_some_and(is_anaphoric);
            let same_head = {
                let heads = |i: NodeIndex| -> Vec<String> { g.graph[i].titles.iter().filter_map(|t| head_key(t)).collect() };
                let (a, b) = (heads(from), heads(to));
                a.iter().any(|h| b.contains(h))
            };
            let close = keys_of[&from].iter().any(|a| {
                keys_of[&to].iter().any(|b| {
                    is_cjk_key(a) == is_cjk_key(b) && weights.similarity(a, b) >= CITED_TITLE_SIMILARITY
                })
            });
            if points_back || close || same_head {
                sets.union(from.index(), to.index());
            }
        }
    }

    // "Recalling its resolutions 69/246 of …, 70/11 of …, 72/252 of … and 77/252 of …":
    // an untitled run of the body's own resolutions, one per session, reaching up to the
    // last few sessions, is how a text usually recalls its own series. It is weaker
    // evidence than a title, so it only places nodes that have no title at all, and only
    // when every text that recalls such a node belongs to one series.
    let mut claims: HashMap<NodeIndex, Vec<usize>> = HashMap::new();
    for doc in docs.iter().filter(|d| d.kind == crate::model::DocKind::Resolution) {
        let Some(&from) = g.index.get(&doc.symbol) else { continue };
        for run in own_untitled_runs(doc) {
            for target in run {
                if let Some(&to) = g.index.get(target)
                    && keys_of.get(&to).is_some_and(|k| k.is_empty())
                {
                    claims.entry(to).or_default().push(sets.find(from.index()));
                }
            }
        }
    }
    for (node, mut groups) in claims {
        groups.sort();
        groups.dedup();
        if let [group] = groups[..] {
            sets.union(node.index(), group);
        }
    }

    let mut groups: HashMap<usize, Vec<NodeIndex>> = HashMap::new();
    for &i in &candidates {
        groups.entry(sets.find(i.index())).or_default().push(i);
    }
    let mut series: Vec<Series> = groups
        .into_values()
        .filter(|members| members.len() >= 2)
        .map(|mut members| {
            members.sort_by_key(|&i| order_key(g, i));
            let title = members
                .iter()
                .rev()
                .find(|&&i| g.graph[i].in_corpus)
                .or(members.last())
                .and_then(|&i| g.graph[i].title.clone())
                .filter(|t| !t.is_empty())
                .or_else(|| renewed_mandate(docs, g, &members))
                .unwrap_or_default();
            Series {
                title,
                body: g.graph[members[0]].body,
                members: members.iter().map(|&i| g.graph[i].symbol.clone()).collect(),
                drafts: Vec::new(),
            }
        })
        .collect();
    series.sort_by(|a, b| a.members[0].cmp(&b.members[0]));
    series
}

/// The mandate the newest renewal among `members` renews: the name of an untitled series.
fn renewed_mandate(docs: &[Document], g: &LineageGraph, members: &[NodeIndex]) -> Option<String> {
    members.iter().rev().find_map(|&i| {
        docs.iter().find(|d| d.symbol == g.graph[i].symbol).and_then(|d| d.renewal.as_ref()).map(|r| r.mandate.clone())
    })
}

/// How many sessions back the newest member of a recalled run may lie (biennial and
/// triennial series skip sessions).
const RUN_REACH: u32 = 3;

/// Per paragraph, the untitled citations of the citing body's own resolutions, when
/// there are at least two, their sessions rise strictly, and the newest is recent.
fn own_untitled_runs(doc: &Document) -> Vec<Vec<&str>> {
    let Some(session) = doc.session else { return Vec::new() };
    let mut runs = Vec::new();
    let mut i = 0;
    while i < doc.references.len() {
        let paragraph = &doc.references[i].paragraph;
        let end = doc.references[i..].iter().position(|r| &r.paragraph != paragraph).map_or(doc.references.len(), |n| i + n);
        let run: Vec<&crate::model::Reference> = doc.references[i..end]
            .iter()
            .filter(|r| r.kind == ReferenceKind::Resolution && r.body == doc.body)
            .filter(|r| r.title.as_deref().is_none_or(is_anaphoric))
            // Old-style numbers ("1759 (XVII)") name no session to order by.
            .filter(|r| session_of(&r.target).is_some())
            .collect();
        let sessions: Vec<u32> = run.iter().filter_map(|r| session_of(&r.target)).collect();
        let rising = sessions.windows(2).all(|w| w[0] < w[1]);
        let recent = sessions.last().is_some_and(|&s| s < session && s + RUN_REACH >= session);
        if run.len() >= 2 && rising && recent {
            runs.push(run.iter().map(|r| r.target.as_str()).collect());
        }
        i = end;
    }
    runs
}

/// Oldest first: by year (from the date, else from the session), then the date itself,
/// the session and the resolution number.
fn order_key(g: &LineageGraph, i: NodeIndex) -> (i32, Option<crate::model::Date>, u32, u32, String) {
    let node = &g.graph[i];
    let year_of_date = node.date.map(|d| d.year());
    let year_of_session = node.session.map(|s| match node.body {
        Body::HRC => hrc_session_year(s),
        Body::GA => ga_session_year(s) + 1,
        _ => 0,
    });
    let number = node.symbol.rsplit('/').next().and_then(|n| n.trim().parse().ok()).unwrap_or(0);
    (
        year_of_date.or(year_of_session).unwrap_or(0),
        node.date,
        node.session.unwrap_or(0),
        number,
        node.symbol.clone(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_keys_ignore_wording_noise() {
        assert_eq!(title_key("新的和新兴的数字技术与人权"), title_key("新的和新兴数字技术与人权"));
        assert_eq!(title_key("数字时代的隐私权"), title_key("数字时代隐私权"));
        assert_eq!(title_key("The right to privacy in the digital age"), title_key("right to privacy in the digital age"));
        assert_eq!(title_key("Situation of human rights in the Democratic People's Republic of Korea"),
                   "situation human rights democratic peoples republic korea");
        assert_ne!(title_key("数字时代的隐私权"), title_key("在互联网上促进、保护和享有人权"));
        assert_eq!(title_key("Working Capital Fund for 2025"), title_key("Working Capital Fund for 2024"));
        assert_ne!(title_key("Follow-up to the Second Conference"), title_key("Follow-up to the Third Conference"));
    }

    #[test]
    fn series_names_before_a_subtitle() {
        assert_eq!(
            head_key("Global health and foreign policy: rethinking health promotion").as_deref(),
            Some("global health foreign policy")
        );
        assert_eq!(head_key("Global health and foreign policy"), None);
        assert_eq!(head_key("Agenda: x"), None);
        assert_eq!(head_key("儿童权利：信息和通信技术与对儿童的性剥削").as_deref(), Some("儿童权利"));
    }

    #[test]
    fn rare_words_decide_similarity() {
        let keys: Vec<String> = [
            "Situation of human rights in Myanmar",
            "Situation of human rights in the Islamic Republic of Iran",
            "Situation of human rights in the Syrian Arab Republic",
            "Promotion and protection of human rights and fundamental freedoms while countering terrorism",
            "Protection of human rights and fundamental freedoms while countering terrorism",
            "The right to privacy in the digital age",
        ]
        .iter()
        .map(|t| title_key(t))
        .collect();
        let w = Weights::new(keys.iter());
        assert!(w.similarity(&keys[0], &keys[1]) < CITED_TITLE_SIMILARITY);
        assert!(w.similarity(&keys[1], &keys[2]) < CITED_TITLE_SIMILARITY);
        assert!(w.similarity(&keys[3], &keys[4]) >= CITED_TITLE_SIMILARITY);
        assert!(w.similarity(&keys[5], &keys[5]) > 0.999);
        assert_eq!(w.similarity("", &keys[5]), 0.0);
    }

    #[test]
    fn anaphoric_titles() {
        for t in ["this issue", "the same subject", "the question", "该问题", "同一主题"] {
            assert!(is_anaphoric(t), "{t}");
        }
        for t in ["the question of Palestine", "数字时代的隐私权", "regional disarmament"] {
            assert!(!is_anaphoric(t), "{t}");
        }
    }
}
