//! The pages of one text: its paragraphs, its provenance, and the diff from the text
//! before it in its series.

use super::layout;
use crate::model::{Document, Paragraph, ParagraphKind, Reference};
use crate::render::diff_html;
use crate::render::text::vote_line;
use crate::site::{Page, Site, relative};
use maud::{Markup, PreEscaped, html};
use std::collections::HashMap;

fn kind_heading(kind: ParagraphKind) -> &'static str {
    match kind {
        ParagraphKind::Preambular => "Preambular paragraphs",
        ParagraphKind::Operative => "Operative paragraphs",
        ParagraphKind::Numbered => "Paragraphs",
        ParagraphKind::Unnumbered => "Unnumbered text",
    }
}

/// "Cites: …", each cited text linked to its page or marked as not in the corpus;
/// nothing where a paragraph or footnote cites nothing.
fn cites(site: &Site, from_path: &str, language: crate::model::Language, cited: &[&Reference]) -> Markup {
    html! {
        @if !cited.is_empty() {
            span.cites lang="en" {
                "Cites: "
                @for (n, r) in cited.iter().enumerate() {
                    @if n > 0 { ", " }
                    (reference(site, from_path, language, r))
                }
            }
        }
    }
}

/// A cited text: a link to its page where the corpus holds it, else marked as absent.
fn reference(site: &Site, from_path: &str, language: crate::model::Language, r: &Reference) -> Markup {
    match site.document_page(&r.target, language) {
        Some(to) => html! { a href=(relative(from_path, to)) { (r.target) } },
        None => {
            let tip = match &r.title {
                Some(t) => format!("not in the corpus: {t}"),
                None => "not in the corpus".to_string(),
            };
            html! { span.absent title=(tip) { (r.target) } }
        }
    }
}

/// The footnote anchor of each mark: `fn-1`, numbered by position so that any mark is a
/// valid id.
fn footnote_ids(doc: &Document) -> HashMap<&str, String> {
    doc.footnotes.iter().enumerate().map(|(n, f)| (f.mark.as_str(), format!("fn-{}", n + 1))).collect()
}

fn paragraph(site: &Site, path: &str, doc: &Document, p: &Paragraph, notes: &HashMap<&str, String>) -> Markup {
    let cited: Vec<&Reference> = doc.references.iter().filter(|r| r.paragraph == p.id).collect();
    let marks = |list: &[String]| {
        html! {
            @for (n, m) in list.iter().enumerate() {
                @if let Some(id) = notes.get(m.as_str()) { sup { @if n > 0 { "," } a href={ "#" (id) } { (m) } } }
            }
        }
    };
    html! {
        div.para id=(p.id) {
            a.pid href={ "#" (p.id) } { (p.id) }
            (p.text) (marks(&p.footnote_marks))
            @for item in &p.items {
                span.item { "(" (item.label) ") " (item.text) (marks(&item.footnote_marks)) }
            }
            (cites(site, path, doc.language, &cited))
        }
    }
}

/// A document's page: what it is, its paragraphs (each anchored by its id), the texts it
/// cites and its footnotes.
pub fn document(site: &Site, i: usize) -> Page {
    let doc = &site.documents[i];
    let path = &site.document_paths[i];
    let notes = footnote_ids(doc);
    let series = site.series_of(&doc.symbol).map(|s| &site.series[s]);
    let before = site.pair_into(&doc.symbol, doc.language);
    let after = site.pairs.iter().find(|p| p.from == i);
    let shown = if doc.symbol_source == crate::model::SymbolSource::File && !doc.title.is_empty() {
        doc.title.clone()
    } else {
        doc.symbol.clone()
    };
    let mut kinds: Vec<(ParagraphKind, Option<&str>, Vec<&Paragraph>)> = Vec::new();
    for p in &doc.paragraphs {
        let section = p.section.as_deref();
        match kinds.last_mut() {
            Some((k, s, list)) if *k == p.kind && *s == section => list.push(p),
            _ => kinds.push((p.kind, section, vec![p])),
        }
    }
    let content = html! {
        h1 { (shown) }
        p.subtitle { (doc.title) }
        dl.meta lang="en" {
            dt { "Symbol" } dd { (doc.symbol) @if doc.symbol_source == crate::model::SymbolSource::File { " (from the file name: the text states no symbol)" } }
            dt { "Body, kind" } dd { (doc.body.as_str()) ", " (doc.kind.as_str()) }
            dt { "Language" } dd {
                (doc.language.as_str())
                @for j in site.translations(i) {
                    " · " a href=(relative(path, &site.document_paths[j])) { (site.documents[j].language.as_str()) }
                }
            }
            @if let Some(date) = &doc.adopted { dt { "Adopted" } dd { (date) @if let Some(m) = doc.meeting { ", meeting " (m) } } }
            dt { "Vote" } dd { (vote_line(&doc.vote)) }
            @if let Some(s) = series {
                dt { "Series" } dd { a href=(relative(path, &s.path)) { (s.series.title) } }
            }
            dt { "Provenance" } dd { a href=(relative(path, &site.blame_paths[i])) { "where each paragraph comes from" } }
            @if let Some(p) = before {
                dt { "Changes" } dd { a href=(relative(path, &p.path)) { "from " (site.documents[p.from].symbol) } }
            }
            @if let Some(p) = after {
                dt { "Next" } dd { a href=(relative(path, &p.path)) { "changes to " (site.documents[p.to].symbol) } }
            }
        }
        @for (kind, section, list) in &kinds {
            h2 lang="en" { (kind_heading(*kind)) }
            @if let Some(s) = section { p.section-heading { (s) } }
            @for p in list { (paragraph(site, path, doc, p, &notes)) }
        }
        @if !doc.footnotes.is_empty() {
            h2 lang="en" { "Footnotes" }
            ol.footnotes {
                @for f in &doc.footnotes {
                    @let cited: Vec<&Reference> = doc.references.iter().filter(|r| r.paragraph == format!("FN{}", f.mark)).collect();
                    li id=(notes[f.mark.as_str()]) value=[f.mark.parse::<u32>().ok()] {
                        (f.text)
                        @if let Some(p) = &f.paragraph { " " a href={ "#" (p) } title="back to the paragraph" { "↩ " (p) } }
                        (cites(site, path, doc.language, &cited))
                    }
                }
            }
        }
    };
    layout(path, &format!("{} {}", doc.symbol, doc.title), doc.language.as_str(), "", content)
}

/// A provenance page: each paragraph's text beside where it comes from, shaded by how
/// far back it goes, linked to the text it stands in first and to the diff that last
/// changed it.
pub fn blame(site: &Site, i: usize) -> Page {
    let doc = &site.documents[i];
    let path = &site.blame_paths[i];
    let b = &site.blames[i];
    let age = |symbol: &str| b.walked.iter().position(|w| w == symbol).unwrap_or(0).min(4);
    let text_of = |id: &str| doc.paragraph(id);
    let content = html! {
        h1 lang="en" { "Provenance of " (doc.symbol) }
        p.subtitle { (doc.title) }
        p lang="en" {
            "Walked back through: "
            @for (n, w) in b.walked.iter().enumerate() {
                @if n > 0 { " ← " }
                @match site.document_page(w, doc.language) {
                    Some(to) => a href=(relative(path, to)) { (w) },
                    None => (w),
                }
            }
            @if let Some(g) = &b.gap { ". " span.absent { (g) } " is not in the corpus in this language: older language is not traced." }
        }
        p.key lang="en" {
            "Shade: "
            @for (n, w) in b.walked.iter().enumerate().take(5) {
                span class={ "age-" (n) } { @if n == 0 { "new in " } @else { "since " } (crate::symbol::resolution_number(w)) }
            }
        }
        div.wrap {
            table.blame {
                @for p in &b.paragraphs {
                    tr class={ "age-" (age(&p.since)) } id=(p.paragraph) {
                        td.pid { a href={ (relative(path, &site.document_paths[i])) "#" (p.paragraph) } { (p.paragraph) } }
                        td.text {
                            @if let Some(par) = text_of(&p.paragraph) {
                                (par.text)
                                @for item in &par.items { span.item { "(" (item.label) ") " (item.text) } }
                            }
                        }
                        td.prov lang="en" {
                            (crate::blame::describe(p, &b.symbol))
                            @if p.since != doc.symbol {
                                @if let Some(to) = site.document_page(&p.since, doc.language) {
                                    br; a href={ (relative(path, to)) "#" (p.since_paragraph) } { "first seen: " (p.since) " " (p.since_paragraph) }
                                }
                            }
                            @if let Some(changed) = &p.last_changed {
                                @if let Some(pair) = site.pair_into(changed, doc.language) {
                                    br; a href={ (relative(path, &pair.path)) @if let Some(id) = &p.last_changed_paragraph { "#" (id) } } { "last changed: " (site.documents[pair.from].symbol) " → " (changed) }
                                }
                            }
                        }
                    }
                }
            }
        }
    };
    layout(path, &format!("Provenance of {}", doc.symbol), doc.language.as_str(), "", content)
}

/// The diff of two successive texts: the diff renderer's page body, with links to both
/// texts and to the pairs before and after.
pub fn diff(site: &Site, k: usize) -> Page {
    let pair = &site.pairs[k];
    let path = &pair.path;
    let (from, to) = (&site.documents[pair.from], &site.documents[pair.to]);
    let earlier = site.pairs.iter().find(|p| p.to == pair.from);
    let later = site.pairs.iter().find(|p| p.from == pair.to);
    let content = html! {
        p lang="en" {
            a href=(relative(path, &site.document_paths[pair.from])) { (from.symbol) } " → "
            a href=(relative(path, &site.document_paths[pair.to])) { (to.symbol) }
            @if let Some(e) = earlier { " · " a href=(relative(path, &e.path)) { "← previous diff in the series" } }
            @if let Some(l) = later { " · " a href=(relative(path, &l.path)) { "next diff in the series →" } }
        }
        (PreEscaped(diff_html::article(&pair.diff)))
    };
    layout(path, &format!("{} → {}", from.symbol, to.symbol), to.language.as_str(), diff_html::STYLE, content)
}
