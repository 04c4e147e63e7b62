//! The pages about many texts: the index, each series (its chain, votes and graph) and
//! the mandates.

use super::{Draw, layout};
use crate::graph::LineageGraph;
use crate::model::{Language, VoteMethod};
use crate::render::dot::{self, DotOptions, Links};
use crate::render::text::vote_line;
use crate::site::{INDEX_PATH, MANDATES_PATH, Page, Site, relative};
use maud::{Markup, PreEscaped, html};

/// Nodes drawn on a series page at most: past it, only the series' own members are drawn.
const SERIES_GRAPH_NODES: usize = 60;

/// The index: every series with a text in the corpus, then every document.
pub fn index(site: &Site) -> Page {
    let path = INDEX_PATH;
    let mut order: Vec<usize> = (0..site.documents.len()).collect();
    order.sort_by(|&a, &b| {
        let (x, y) = (&site.documents[a], &site.documents[b]);
        (x.body, x.session, &x.symbol, x.language.as_str()).cmp(&(y.body, y.session, &y.symbol, y.language.as_str()))
    });
    let content = html! {
        h1 { "The corpus" }
        p.subtitle {
            (site.documents.len()) " texts, " (site.series.len()) " series with a text in the corpus, "
            (site.pairs.len()) " diffs of successive texts. "
            a href=(MANDATES_PATH) { "Mandates" } " as of " (site.as_of) "."
        }
        h2 id="series" { "Series" }
        div.wrap { table.list {
            thead { tr { th { "Series" } th { "Body" } th { "Texts" } th { "In the corpus" } th { "Latest" } } }
            tbody {
                @for s in &site.series {
                    @let in_corpus = s.series.members.iter().filter(|m| site.graph.node(m).is_some_and(|n| n.in_corpus)).count();
                    tr {
                        td { a href=(s.path) { (s.series.title) } }
                        td { (s.series.body.as_str()) }
                        td.num { (s.series.members.len()) }
                        td.num { (in_corpus) }
                        td { (s.series.members.last().map(String::as_str).unwrap_or("")) }
                    }
                }
            }
        } }
        h2 id="documents" { "Documents" }
        div.wrap { table.list {
            thead { tr { th { "Symbol" } th { "Language" } th { "Adopted" } th { "Title" } th { "Provenance" } } }
            tbody {
                @for &i in &order {
                    @let d = &site.documents[i];
                    tr {
                        td { a href=(site.document_paths[i]) { (d.symbol) } }
                        td { (d.language.as_str()) }
                        td { (d.adopted.map(|d| d.to_string()).unwrap_or_default()) }
                        td lang=(d.language.as_str()) { (d.title) }
                        td { a href=(site.blame_paths[i]) { "blame" } }
                    }
                }
            }
        } }
    };
    layout(path, "The corpus", "en", "", content)
}

/// The part of the graph a series page draws: the members, and the texts of the corpus
/// one link away while the picture stays small.
fn series_graph(site: &Site, k: usize) -> LineageGraph {
    let s = &site.series[k].series;
    let around = site.graph.series_subgraph(s);
    let members: std::collections::HashSet<&str> = s.members.iter().map(String::as_str).collect();
    let near = around.retain(|n| n.in_corpus || members.contains(n.symbol.as_str()));
    if dot::drawn_nodes(&near, DotOptions::default()) <= SERIES_GRAPH_NODES {
        near
    } else {
        around.retain(|n| members.contains(n.symbol.as_str()))
    }
}

/// The width of an SVG's viewBox (`viewBox="0.00 0.00 4065.00 1338.28"` → 4065).
fn view_box_width(svg: &str) -> Option<f64> {
    let at = svg.find("viewBox=\"")? + "viewBox=\"".len();
    let value = &svg[at..at + svg[at..].find('"')?];
    value.split_whitespace().nth(2)?.parse().ok()
}

/// A series page: the chain oldest first, the diffs between successive texts, the votes
/// recorded in the texts, and the graph with every node linked to its page.
pub fn series(site: &Site, k: usize, draw: &Draw) -> Page {
    let page = &site.series[k];
    let path = &page.path;
    let s = &page.series;
    let graph = series_graph(site, k);
    let links: Links = graph
        .nodes()
        .filter_map(|n| site.document_page(&n.symbol, Language::En).map(|to| (n.symbol.clone(), relative(path, to))))
        .collect();
    let source = dot::dot_linked(&graph, DotOptions::default(), &links);
    let picture: Markup = match draw(&source) {
        Ok(svg) => {
            let fitted = dot::fit_to_width(&svg);
            let start = fitted.find("<svg").unwrap_or(0);
            // The picture takes the page's width, but is not shrunk below 60% of its
            // natural size (labels would be too small to read): past that it scrolls.
            let least = view_box_width(&fitted).map(|w| format!("min-width:{:.0}pt", w * 0.6)).unwrap_or_default();
            html! { div.graph { div style=(least) { (PreEscaped(&fitted[start..])) } } }
        }
        Err(why) => html! { p.absent { "No picture: " (why) } },
    };
    let texts: Vec<(&String, Vec<usize>)> = s
        .members
        .iter()
        .map(|m| (m, (0..site.documents.len()).filter(|&i| site.documents[i].symbol == *m).collect()))
        .collect();
    let recorded: Vec<usize> = texts
        .iter()
        .filter_map(|(_, list)| list.iter().copied().find(|&i| site.documents[i].vote.method != VoteMethod::Unknown))
        .collect();
    let content = html! {
        h1 { (s.title) }
        p.subtitle { (s.body.as_str()) ", " (s.members.len()) " texts, oldest first" }
        h2 { "Chain" }
        div.wrap { table.list {
            thead { tr { th { "Text" } th { "Adopted" } th { "Title" } th { "Adoption" } th { "Changes" } } }
            tbody {
                @for (n, (m, list)) in texts.iter().enumerate() {
                    @let node = site.graph.node(m);
                    @let title = node.and_then(|n| n.title.as_deref());
                    // A title is shown where it differs from the one above it.
                    @let same = n > 0 && title == site.graph.node(texts[n - 1].0).and_then(|n| n.title.as_deref());
                    tr {
                        td {
                            @if list.is_empty() { span.absent title="not in the corpus" { (m) } }
                            @for (n, &i) in list.iter().enumerate() {
                                @if n == 0 { a href=(relative(path, &site.document_paths[i])) { (m) } }
                                @else { " · " a href=(relative(path, &site.document_paths[i])) { (site.documents[i].language.as_str()) } }
                            }
                        }
                        td.date { (node.and_then(|n| n.date).map(|d| d.to_string()).unwrap_or_default()) }
                        td { @if same { span.same { "same title" } } @else { (title.unwrap_or("")) } }
                        td { @if let Some(&i) = list.first() { (vote_line(&site.documents[i].vote)) } @else { "not in the corpus" } }
                        td {
                            @for &i in list {
                                @if let Some(p) = site.pairs.iter().find(|p| p.to == i) {
                                    a href=(relative(path, &p.path)) { "diff (" (site.documents[i].language.as_str()) ")" } " "
                                }
                            }
                        }
                    }
                }
            }
        } }
        @if !recorded.is_empty() {
            h2 { "Votes" }
            div.wrap { table.list {
                thead { tr { th { "Text" } th { "How" } th { "Yes" } th { "No" } th { "Abstain" } th { "Against" } th { "Abstaining" } } }
                tbody {
                    @for &i in &recorded {
                        @let v = &site.documents[i].vote;
                        tr {
                            td { a href=(relative(path, &site.document_paths[i])) { (site.documents[i].symbol) } }
                            td { @if v.method == VoteMethod::Recorded { "recorded vote" } @else { "without a vote" } }
                            td.num { (v.yes.map(|n| n.to_string()).unwrap_or_default()) }
                            td.num { (v.no.map(|n| n.to_string()).unwrap_or_default()) }
                            td.num { (v.abstain.map(|n| n.to_string()).unwrap_or_default()) }
                            td { (v.against.join(" ")) }
                            td { (v.abstaining.join(" ")) }
                        }
                    }
                }
            } }
        }
        h2 { "Graph" }
        p.subtitle { "Oldest on the left. Each text links to its page; hover for its full title." }
        (picture)
    };
    layout(path, &s.title, "und", "", content)
}

/// Every request of the corpus's resolutions, with its deadlines and what answered them.
pub fn mandates(site: &Site) -> Page {
    use crate::mandates::Status;
    let path = MANDATES_PATH;
    let content = html! {
        h1 { "Mandates" }
        p.subtitle { (site.mandates.len()) " requests; deadlines judged as of " (site.as_of) "." }
        div.wrap { table.list {
            thead { tr { th { "Resolution" } th { "Paragraph" } th { "Addressee" } th { "Request" } th { "Deadlines" } } }
            tbody {
                @for m in &site.mandates {
                    tr {
                        td {
                            @match site.document_page(&m.resolution, Language::En) {
                                Some(to) => a href=(to) { (m.resolution) },
                                None => (m.resolution),
                            }
                            br; (m.adopted.map(|d| d.to_string()).unwrap_or_default())
                        }
                        td {
                            @match site.document_page(&m.resolution, Language::En) {
                                Some(to) => a href={ (to) "#" (m.paragraph) } { (m.paragraph) @if let Some(i) = &m.item { " (" (i) ")" } },
                                None => (m.paragraph),
                            }
                        }
                        td { (crate::render::summary_prose::addressee(m.addressee, "")) }
                        td.text { (m.action) }
                        td {
                            @for d in &m.deadlines {
                                div {
                                    @match d.session { Some(s) => { (d.body.as_str()) " session " (s) ": " }, None => { "no session named: " } }
                                    @match d.status {
                                        Status::Fulfilled => span.status-fulfilled {
                                            "fulfilled by "
                                            @for (n, f) in d.fulfilled_by.iter().enumerate() {
                                                @if n > 0 { ", " }
                                                @match site.document_page(f, Language::En) {
                                                    Some(to) => a href=(to) { (f) },
                                                    None => (f),
                                                }
                                            }
                                        },
                                        Status::Due => span.status-due { "due" },
                                        Status::Overdue => span.status-overdue { "overdue" },
                                        Status::Open => span { "open" },
                                    }
                                }
                            }
                        }
                    }
                }
            }
        } }
    };
    layout(path, "Mandates", "und", "", content)
}
