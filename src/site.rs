//! The static site of a corpus, as data: which pages there are, where each one lives, and
//! the analyses each page shows (the graph and its series, the diff of every two
//! successive texts of a series, the provenance of every paragraph, the mandates).
//! `render::site` turns a [`Site`] into pages; [`write_pages`] puts them on disk, leaving
//! alone every file whose content is already what it would write.
//!
//! Page paths are relative to the site's root and made only of ASCII letters, digits,
//! `-`, `_` and `.`, so that every link works from `file://` and on any static host.

use crate::blame::Blame;
use crate::diff::{DiffOptions, DocumentDiff, diff_documents};
use crate::graph::{LineageGraph, Series};
use crate::mandates::Mandate;
use crate::model::{Document, Language};
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// Two successive texts of a series in one language, and their diff.
#[derive(Debug)]
pub struct Pair {
    /// Indexes into [`Site::documents`].
    pub from: usize,
    pub to: usize,
    pub diff: DocumentDiff,
    pub path: String,
}

/// A series with a page: at least one of its members is in the corpus.
#[derive(Debug)]
pub struct SeriesPage {
    pub series: Series,
    pub path: String,
    /// Indexes into [`Site::pairs`], oldest first.
    pub pairs: Vec<usize>,
}

#[derive(Debug)]
pub struct Site<'a> {
    pub documents: &'a [Document],
    pub graph: LineageGraph,
    /// The page of each document, by index.
    pub document_paths: Vec<String>,
    /// The provenance page of each document, by index.
    pub blame_paths: Vec<String>,
    pub blames: Vec<Blame>,
    pub series: Vec<SeriesPage>,
    pub pairs: Vec<Pair>,
    pub mandates: Vec<Mandate>,
    /// The date deadlines are judged at.
    pub as_of: crate::model::Date,
    by_symbol: HashMap<&'a str, Vec<usize>>,
    series_of_symbol: HashMap<String, usize>,
}

pub const INDEX_PATH: &str = "index.html";
pub const MANDATES_PATH: &str = "mandates.html";

impl<'a> Site<'a> {
    /// Work out every page of the site of `documents`, with deadlines judged at `as_of`.
    pub fn build(documents: &'a [Document], as_of: crate::model::Date) -> Site<'a> {
        let mut graph = LineageGraph::build(documents);
        crate::mandates::link_fulfilments(documents, &mut graph);
        let mut by_symbol: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, d) in documents.iter().enumerate() {
            by_symbol.entry(d.symbol.as_str()).or_default().push(i);
        }
        let document_paths = unique_paths(documents, "doc");
        let blame_paths = unique_paths(documents, "blame");

        // The successive pairs of every series, language by language.
        let mut wanted: Vec<(usize, usize)> = Vec::new();
        let mut series_pairs: Vec<Vec<(usize, usize)>> = Vec::new();
        let mut series: Vec<Series> = Vec::new();
        for s in &graph.series {
            if !s.members.iter().any(|m| by_symbol.contains_key(m.as_str())) {
                continue;
            }
            let mut pairs = Vec::new();
            for language in [Language::Zh, Language::En] {
                let text = |m: &String| by_symbol.get(m.as_str())?.iter().copied().find(|&i| documents[i].language == language);
                for w in s.members.windows(2) {
                    if let (Some(a), Some(b)) = (text(&w[0]), text(&w[1])) {
                        pairs.push((a, b));
                    }
                }
            }
            wanted.extend(&pairs);
            series_pairs.push(pairs);
            series.push(s.clone());
        }
        let options = DiffOptions::default();
        let diffs: Vec<DocumentDiff> =
            wanted.par_iter().map(|&(a, b)| diff_documents(&documents[a], &documents[b], &options)).collect();
        let mut pairs = Vec::new();
        let mut pair_index = HashMap::new();
        for ((a, b), diff) in wanted.into_iter().zip(diffs) {
            if pair_index.contains_key(&(a, b)) {
                continue;
            }
            pair_index.insert((a, b), pairs.len());
            let path = format!("diff/{}--{}.{}.html", file_stem(&documents[a].symbol), file_stem(&documents[b].symbol), documents[b].language.as_str());
            pairs.push(Pair { from: a, to: b, diff, path });
        }
        let mut series_of_symbol = HashMap::new();
        let series: Vec<SeriesPage> = series
            .into_iter()
            .zip(series_pairs)
            .enumerate()
            .map(|(n, (s, list))| {
                for m in &s.members {
                    series_of_symbol.entry(m.clone()).or_insert(n);
                }
                let path = format!("series/{}.html", file_stem(&s.members[0]));
                SeriesPage { pairs: list.iter().map(|k| pair_index[k]).collect(), series: s, path }
            })
            .collect();

        let blames = documents.par_iter().map(|d| blame_from_pairs(d, documents, &graph, &by_symbol, &pairs, &pair_index)).collect();
        let mandates = crate::mandates::track(documents, &graph, as_of, None);
        Site {
            documents,
            graph,
            document_paths,
            blame_paths,
            blames,
            series,
            pairs,
            mandates,
            as_of,
            by_symbol,
            series_of_symbol,
        }
    }

    /// The page of the text of `symbol`, in `language` where the corpus has it in it.
    pub fn document_page(&self, symbol: &str, language: Language) -> Option<&str> {
        let texts = self.by_symbol.get(symbol)?;
        let i = texts.iter().copied().find(|&i| self.documents[i].language == language).unwrap_or(texts[0]);
        Some(&self.document_paths[i])
    }

    /// The other texts of the same symbol (other languages), by index.
    pub fn translations(&self, i: usize) -> Vec<usize> {
        self.by_symbol[self.documents[i].symbol.as_str()].iter().copied().filter(|&j| j != i).collect()
    }

    /// The series page of `symbol`, by index into [`Site::series`].
    pub fn series_of(&self, symbol: &str) -> Option<usize> {
        self.series_of_symbol.get(symbol).copied()
    }

    /// The diff page that ends at the text `to` in the language of `language`: the pair
    /// (predecessor, `to`).
    pub fn pair_into(&self, to_symbol: &str, language: Language) -> Option<&Pair> {
        let texts = self.by_symbol.get(to_symbol)?;
        let to = texts.iter().copied().find(|&i| self.documents[i].language == language)?;
        self.pairs.iter().find(|p| p.to == to)
    }
}

/// Blame through the diffs the site already made: the walk of [`crate::blame::blame`]
/// (back through the series, one step at a time, stopping at a text the corpus lacks in
/// this language), without diffing any pair twice.
fn blame_from_pairs(
    doc: &Document,
    documents: &[Document],
    graph: &LineageGraph,
    by_symbol: &HashMap<&str, Vec<usize>>,
    pairs: &[Pair],
    pair_index: &HashMap<(usize, usize), usize>,
) -> Blame {
    let members: Vec<String> = graph.series_of(&doc.symbol).map(|s| s.members.clone()).unwrap_or_default();
    let position = members.iter().position(|m| *m == doc.symbol).unwrap_or(0);
    let find = |symbol: &str| by_symbol.get(symbol)?.iter().copied().find(|&i| documents[i].language == doc.language);
    let Some(start) = find(&doc.symbol) else {
        return crate::blame::blame(doc, documents, graph);
    };
    let mut chain = vec![start];
    let mut gap = None;
    for older in members[..position].iter().rev() {
        match find(older) {
            Some(i) => chain.push(i),
            None => {
                gap = Some(older.clone());
                break;
            }
        }
    }
    let steps: Vec<&DocumentDiff> = chain
        .windows(2)
        .filter_map(|w| pair_index.get(&(w[1], w[0])).map(|&k| &pairs[k].diff))
        .collect();
    if steps.len() + 1 != chain.len() {
        return crate::blame::blame(doc, documents, graph);
    }
    let texts: Vec<&Document> = chain.iter().map(|&i| &documents[i]).collect();
    crate::blame::walk(&texts, &steps, gap)
}

/// A symbol as part of a file name: `A/HRC/RES/47/23` → `A_HRC_RES_47_23`. Only ASCII
/// letters, digits and `-` stay, so that no name needs escaping in a URL.
pub fn file_stem(symbol: &str) -> String {
    let mut name = String::new();
    for c in symbol.chars() {
        if c.is_ascii_alphanumeric() || c == '-' {
            name.push(c);
        } else if !name.ends_with('_') {
            name.push('_');
        }
    }
    let name = name.trim_matches('_').to_string();
    if name.is_empty() { "document".to_string() } else { name }
}

/// `folder/<stem>.<lang>.html` for each document, numbered where two would share a name.
fn unique_paths(documents: &[Document], folder: &str) -> Vec<String> {
    let mut taken = HashSet::new();
    documents
        .iter()
        .map(|d| {
            let stem = format!("{folder}/{}.{}", file_stem(&d.symbol), d.language.as_str());
            (1..)
                .map(|n| if n == 1 { format!("{stem}.html") } else { format!("{stem}.{n}.html") })
                .find(|p| taken.insert(p.clone()))
                .expect("a numbered name is free")
        })
        .collect()
}

/// The relative link from the page at `from` to the page at `to` (both relative to the
/// site's root): `series/x.html` → `doc/y.html` is `../doc/y.html`.
pub fn relative(from: &str, to: &str) -> String {
    let depth = from.matches('/').count();
    format!("{}{}", "../".repeat(depth), to)
}

/// One page of the site: where it goes and what it holds.
#[derive(Debug, Clone)]
pub struct Page {
    pub path: String,
    pub content: String,
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    pub written: usize,
    pub unchanged: usize,
}

/// Write `pages` under `dir`; a file whose content is already the page's is not
/// touched (its modification time stays), so a static host or a sync sees only what changed.
pub fn write_pages(dir: &Path, pages: &[Page]) -> Result<Written, crate::Error> {
    let io = |path: PathBuf| move |source| crate::Error::Io { path, source };
    let results: Vec<Result<bool, crate::Error>> = pages
        .par_iter()
        .map(|page| {
            let path = dir.join(&page.path);
            if std::fs::read(&path).is_ok_and(|old| old == page.content.as_bytes()) {
                return Ok(false);
            }
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).map_err(io(parent.to_path_buf()))?;
            }
            std::fs::write(&path, &page.content).map_err(io(path.clone()))?;
            Ok(true)
        })
        .collect();
    let mut written = Written::default();
    for r in results {
        if r? {
            written.written += 1;
        } else {
            written.unchanged += 1;
        }
    }
    Ok(written)
}

/// A picture kept by the hash of its source: `dir/.graphs/<hash>.svg`. `draw` runs only for
/// a source not seen before, so rebuilding a site does not run Graphviz again for a
/// series whose graph did not change.
pub fn cached_drawing(dir: &Path, source: &str, draw: impl FnOnce(&str) -> Result<Vec<u8>, String>) -> Result<String, String> {
    let folder = dir.join(".graphs");
    let path = folder.join(format!("{}.svg", blake3::hash(source.as_bytes()).to_hex()));
    if let Ok(svg) = std::fs::read_to_string(&path) {
        return Ok(svg);
    }
    let svg = String::from_utf8_lossy(&draw(source)?).into_owned();
    let _ = std::fs::create_dir_all(&folder);
    let _ = std::fs::write(&path, &svg);
    Ok(svg)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_plain_and_links_relative() {
        assert_eq!(file_stem("A/HRC/RES/47/23"), "A_HRC_RES_47_23");
        assert_eq!(file_stem("S/RES/2467 (2019)"), "S_RES_2467_2019");
        assert_eq!(file_stem("../../etc"), "etc");
        assert_eq!(file_stem("//"), "document");
        assert_eq!(relative("index.html", "doc/a.html"), "doc/a.html");
        assert_eq!(relative("series/x.html", "doc/a.html"), "../doc/a.html");
    }

    #[test]
    fn provenance_through_the_site_s_diffs_is_the_blame_command_s() {
        let corpus = crate::Corpus::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("data")).unwrap();
        let site = Site::build(&corpus.documents, "2025-01-01".parse().unwrap());
        assert_eq!(site.pairs.len(), 1, "47/23 → 53/29");
        for (doc, from_site) in corpus.documents.iter().zip(&site.blames) {
            let direct = crate::blame::blame(doc, &corpus.documents, &site.graph);
            let lines = |b: &Blame| b.paragraphs.iter().map(|p| crate::blame::describe(p, &b.symbol)).collect::<Vec<_>>();
            assert_eq!(lines(from_site), lines(&direct), "{}", doc.symbol);
            assert_eq!(from_site.walked, direct.walked);
        }
        let b = &site.blames[corpus.documents.iter().position(|d| d.symbol == "A/HRC/RES/53/29").unwrap()];
        assert!(b.paragraphs.iter().any(|p| p.last_changed.as_deref() == Some("A/HRC/RES/53/29")));
    }

    #[test]
    fn an_unchanged_page_is_not_rewritten() {
        let dir = tempfile::tempdir().unwrap();
        let pages = vec![Page { path: "doc/a.html".into(), content: "<p>a</p>".into() }];
        assert_eq!(write_pages(dir.path(), &pages).unwrap(), Written { written: 1, unchanged: 0 });
        assert_eq!(write_pages(dir.path(), &pages).unwrap(), Written { written: 0, unchanged: 1 });
        let changed = vec![Page { path: "doc/a.html".into(), content: "<p>b</p>".into() }];
        assert_eq!(write_pages(dir.path(), &changed).unwrap(), Written { written: 1, unchanged: 0 });
        assert_eq!(std::fs::read_to_string(dir.path().join("doc/a.html")).unwrap(), "<p>b</p>");
    }
}
