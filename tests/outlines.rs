//! `list` and `graph` read outlines (`corpus::outline`) instead of whole documents: the
//! graph and the listing made from outlines, read from the files or from the index, are
//! those made from the whole documents, on the real English resolutions and on a committee
//! draft adopted as a resolution of its session (found by comparing their paragraphs). And
//! an outline is a small part of its document. The whole documents stored in the index
//! load as they were read. Skipped, with a message, where ../shared is absent.

use lineage::Corpus;
use lineage::corpus::Outline;
use lineage::corpus::index::Index;
use lineage::graph::{EdgeKind, LineageGraph};
use lineage::model::{DocKind, Document, Reference, ReferenceKind};
use std::path::{Path, PathBuf};

fn shared(name: &str) -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared").join(name);
    if !dir.is_dir() {
        eprintln!("skipped: ../shared/{name} is not present next to this checkout");
        return None;
    }
    Some(dir)
}

/// The graph as `lineage graph` builds it, as JSON.
fn graph_of(corpus: &Corpus) -> (LineageGraph, String) {
    let mut graph = LineageGraph::build(&corpus.documents);
    lineage::mandates::link_fulfilments(&corpus.documents, &mut graph);
    lineage::votes::attach_to_graph(&mut graph, &corpus.recorded_votes);
    let json = lineage::render::graph::graph_json(&graph);
    (graph, json)
}

fn warnings(corpus: &Corpus) -> Vec<&str> {
    corpus.warnings.iter().map(|w| w.message.as_str()).collect()
}

/// The folder read whole, as outlines from the files, and as outlines from a fresh index:
/// one graph, one listing, one set of warnings.
fn same_graph_and_listing(dir: &Path) -> LineageGraph {
    let whole = Corpus::load(dir).expect("the folder reads");
    let (graph, expected) = graph_of(&whole);
    let store = tempfile::tempdir().unwrap();
    let mut index = Index::open(&store.path().join("index.sqlite")).unwrap();
    index.refresh(dir, |_, _| {}).unwrap();
    // The whole documents come back from the index as read (each text a searchable row
    // holds is stored in the row only, and put back).
    let stored = Corpus::from_index(dir, &index).unwrap();
    assert_eq!(stored.documents.len(), whole.documents.len());
    assert!(stored.documents == whole.documents, "the documents from the index differ from those read");
    for (from, links) in [
        ("files", Corpus::load_outlines(dir, Outline::Links, |_, _| {}).unwrap()),
        ("index", Corpus::outlines_from_index(dir, &index, Outline::Links).unwrap()),
    ] {
        assert!(graph_of(&links).1 == expected, "the graph from outlines read from the {from} differs");
        assert_eq!(warnings(&links), warnings(&whole), "warnings from the {from}");
    }
    let listed = lineage::render::text::list(&whole.documents);
    let listed_json = lineage::render::json::list(&whole.documents);
    for (from, listing) in [
        ("files", Corpus::load_outlines(dir, Outline::Listing, |_, _| {}).unwrap()),
        ("index", Corpus::outlines_from_index(dir, &index, Outline::Listing).unwrap()),
    ] {
        assert!(lineage::render::text::list(&listing.documents) == listed, "the listing from the {from} differs");
        assert!(lineage::render::json::list(&listing.documents) == listed_json, "the JSON listing from the {from} differs");
        assert_eq!(warnings(&listing), warnings(&whole), "warnings from the {from}");
        assert!(listing.documents.iter().all(|d| d.references.is_empty() && d.paragraphs.is_empty()));
    }
    graph
}

#[test]
fn outlines_give_the_graph_and_listing_of_the_english_resolutions() {
    let Some(dir) = shared("corpus-en") else { return };
    let graph = same_graph_and_listing(&dir);
    // The outlines carry what the graph reads: citations, series, `fulfils` edges found
    // from the words around a report's citation, and plenary drafts named in mastheads.
    for kind in [EdgeKind::Cites, EdgeKind::Succeeds, EdgeKind::Fulfils, EdgeKind::AdoptedAs] {
        assert!(graph.edges().any(|(_, _, e)| e.kind == kind), "no {kind:?} edge");
    }
}

/// A committee draft of the 79th session with the title and text of resolution 79/146
/// (the masthead of the draft A/C.3/80/L.20 over them), beside 79/146 and 79/147.
fn draft_folder() -> Option<tempfile::TempDir> {
    let (en, drafts) = (shared("corpus-en")?, shared("corpus-drafts-en")?);
    let dir = tempfile::tempdir().unwrap();
    for file in ["A_RES_79_146.en.txt", "A_RES_79_147.en.txt"] {
        std::fs::copy(en.join(file), dir.path().join(file)).unwrap();
    }
    let draft = std::fs::read_to_string(drafts.join("A_C.3_80_L.20.en.txt")).unwrap();
    let resolution = std::fs::read_to_string(en.join("A_RES_79_146.en.txt")).unwrap();
    let masthead = draft[..draft.find(" Rights of the child").unwrap()]
        .replace("A/C.3/80/L.20", "A/C.3/79/L.99")
        .replace("Eightieth session", "Seventy-ninth session");
    let text = &resolution[resolution.find(" 79/146. ").unwrap() + " 79/146. ".len()..];
    std::fs::write(dir.path().join("A_C.3_79_L.99.en.txt"), format!("{masthead} {text}")).unwrap();
    Some(dir)
}

#[test]
fn a_committee_draft_is_adopted_as_its_resolution_from_outlines() {
    let Some(dir) = draft_folder() else { return };
    let graph = same_graph_and_listing(dir.path());
    assert_eq!(graph.adopted_as("A/C.3/79/L.99"), Some("A/RES/79/146"));
    // The resolution's outline holds few of the paragraphs compared: they are given back
    // because a draft of its session is in the corpus.
    let outlines = Corpus::load_outlines(dir.path(), Outline::Links, |_, _| {}).unwrap();
    let resolution = outlines.documents.iter().find(|d| d.symbol == "A/RES/79/146").unwrap();
    let whole = lineage::reader::read_file(&dir.path().join("A_RES_79_146.en.txt")).unwrap();
    assert_eq!(resolution.paragraphs.len(), whole.paragraphs.len(), "paragraphs given back");
    let outline = Outline::Links.of(&whole);
    assert!(outline.paragraphs.len() < whole.paragraphs.len() / 2, "{} of {}", outline.paragraphs.len(), whole.paragraphs.len());
}

/// An outline keeps what the graph reads and little else: on the real resolutions,
/// together a small part of the documents.
#[test]
fn an_outline_is_a_small_part_of_its_document() {
    let Some(dir) = shared("corpus-en") else { return };
    let corpus = Corpus::load(&dir).unwrap();
    let size = |d: &Document| serde_json::to_vec(d).unwrap().len();
    let (mut whole, mut links, mut listing) = (0, 0, 0);
    for doc in &corpus.documents {
        let outline = Outline::Links.of(doc);
        // Every reference, without the verb and item the graph does not read.
        let bare: Vec<Reference> = doc.references.iter().map(|r| Reference { item: None, verb: None, ..r.clone() }).collect();
        assert_eq!(outline.references, bare);
        assert!(outline.requests.iter().all(|r| r.is_own_request()));
        assert!(outline.footnotes.iter().all(|f| f.text.is_empty()));
        // Every paragraph kept holds a citation of a document, or is the footnote's anchor.
        for p in &outline.paragraphs {
            assert!(
                doc.references.iter().filter(|r| r.kind == ReferenceKind::Document).any(|r| r.paragraph == p.id
                    || doc.footnotes.iter().any(|f| r.paragraph == format!("FN{}", f.mark) && f.paragraph.as_deref() == Some(&p.id))),
                "{}: {} kept",
                doc.symbol,
                p.id
            );
        }
        assert!(doc.kind != DocKind::Draft);
        whole += size(doc);
        links += size(&outline);
        listing += size(&Outline::Listing.of(doc));
    }
    assert!(links * 4 < whole, "outlines {links} bytes of {whole}");
    assert!(listing * 20 < whole, "listing outlines {listing} bytes of {whole}");
}

/// `graph` lets the edge indexes go before it writes; an edge added after that finds the
/// edges already there again (one edge per pair and kind, each paragraph once).
#[test]
fn edges_added_after_done_linking_join_the_existing_ones() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let corpus = Corpus::load(&dir).unwrap();
    let mut graph = LineageGraph::build(&corpus.documents);
    let (edges, json) = (graph.graph.edge_count(), lineage::render::graph::graph_json(&graph));
    graph.done_linking();
    assert_eq!(lineage::render::graph::graph_json(&graph), json);
    graph.add_fulfilment("A/HRC/99/1", "A/HRC/RES/47/23", "OP5");
    graph.add_fulfilment("A/HRC/99/1", "A/HRC/RES/47/23", "OP5");
    graph.add_fulfilment("A/HRC/99/1", "A/HRC/RES/47/23", "OP6");
    assert_eq!(graph.graph.edge_count(), edges + 1);
    let fulfils: Vec<_> = graph.edges().filter(|(_, _, e)| e.kind == EdgeKind::Fulfils).collect();
    assert_eq!(fulfils.len(), 1);
    assert_eq!(fulfils[0].2.paragraphs, ["OP5", "OP6"]);
    // An existing citation edge gains a paragraph, not a second edge.
    let (from, to, first) = graph.edges().find(|(_, _, e)| e.kind == EdgeKind::Cites).map(|(f, t, e)| (f.symbol.clone(), t.symbol.clone(), e.paragraphs.clone())).unwrap();
    graph.done_linking();
    let before = graph.graph.edge_count();
    graph.add_fulfilment(&from, &to, "OP99");
    assert_eq!(graph.graph.edge_count(), before + 1, "a fulfils edge is another kind");
    assert_eq!(graph.edges().find(|(f, t, e)| f.symbol == from && t.symbol == to && e.kind == EdgeKind::Cites).unwrap().2.paragraphs, first);
}

/// A resolution that cannot be read again to be compared with a draft of its session (its
/// file gone since the folder was read) is named in a warning; the rest is given back.
#[test]
fn a_resolution_that_cannot_be_read_again_is_named_not_fatal() {
    let Some(dir) = draft_folder() else { return };
    let mut outlines = Corpus::load_outlines(dir.path(), Outline::Links, |_, _| {}).unwrap();
    for doc in outlines.documents.iter_mut() {
        *doc = Outline::Links.of(doc);
    }
    let warnings = lineage::corpus::outline::restore_for_drafts(&mut outlines.documents, |doc| {
        if doc.symbol == "A/RES/79/146" {
            Err(lineage::Error::NoCorpus(PathBuf::from(&doc.source.path)))
        } else {
            lineage::reader::read_file(Path::new(&doc.source.path))
        }
    });
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0].contains("A/RES/79/146 is not compared with the drafts"), "{}", warnings[0]);
    let draft = outlines.documents.iter().find(|d| d.kind == DocKind::Draft).unwrap();
    let whole = lineage::reader::read_file(Path::new(&draft.source.path)).unwrap();
    assert_eq!(draft.paragraphs.len(), whole.paragraphs.len(), "the draft keeps its paragraphs");
}
