//! The static site as HTML: every page of a [`Site`], through maud's templates.
//!
//! maud checks a template at compile time and escapes every value it splices in (text
//! and attributes alike); markup is only ever inserted by an explicit `PreEscaped`, used
//! here for the diff renderer's own escaped output and Graphviz's SVG. Pages link to one
//! another by relative paths only and fetch nothing: no script, no web font, no remote
//! style.

mod document;
mod series;

use crate::site::{Page, Site, relative};
use maud::{DOCTYPE, Markup, PreEscaped, html};
use rayon::prelude::*;

/// Draws DOT source as SVG (Graphviz, usually through a cache); an error says why not.
pub type Draw<'d> = dyn Fn(&str) -> Result<String, String> + Sync + 'd;

/// Every page of the site.
pub fn pages(site: &Site, draw: &Draw) -> Vec<Page> {
    let mut pages = vec![series::index(site), series::mandates(site)];
    pages.par_extend((0..site.documents.len()).into_par_iter().map(|i| document::document(site, i)));
    pages.par_extend((0..site.documents.len()).into_par_iter().map(|i| document::blame(site, i)));
    pages.par_extend((0..site.series.len()).into_par_iter().map(|i| series::series(site, i, draw)));
    pages.par_extend((0..site.pairs.len()).into_par_iter().map(|i| document::diff(site, i)));
    pages
}

const STYLE: &str = r#"
:root { --rule: #d9d9d9; --muted: #666; --link: #1f4e9c; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1400px; padding: 0 1.5rem 2rem; color: #1b1b1b; line-height: 1.6;
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Zen Hei", "PingFang SC", "Microsoft YaHei", system-ui, "Segoe UI", Roboto, Arial, sans-serif; }
a { color: var(--link); }
nav.site { display: flex; gap: 1.25rem; flex-wrap: wrap; padding: .6rem 0; border-bottom: 1px solid var(--rule); margin-bottom: 1rem; font-size: .95rem; }
nav.site .here { color: var(--muted); }
h1 { font-size: 1.45rem; margin: .5rem 0 .25rem; overflow-wrap: anywhere; }
h2 { font-size: 1.15rem; margin: 1.5rem 0 .5rem; }
.subtitle { color: var(--muted); margin: 0 0 1rem; }
table.list { border-collapse: collapse; width: 100%; }
table.list th, table.list td { text-align: left; padding: .3rem .6rem .3rem 0; border-bottom: 1px solid var(--rule); vertical-align: top; }
table.list td.num { text-align: right; font-variant-numeric: tabular-nums; }
table.list td.date { white-space: nowrap; }
.same { color: var(--muted); font-size: .85rem; }
.wrap { overflow-x: auto; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: 0 0 1rem; }
dl.meta dt { color: var(--muted); }
dl.meta dd { margin: 0; }
.para { margin: .5rem 0; padding-left: 3.5rem; position: relative; }
.para > .pid { position: absolute; left: 0; width: 3rem; color: var(--muted); text-decoration: none; font-size: .85rem; font-weight: 600; }
.para:target { background: #fff8d6; }
.item { display: block; padding-left: 1.5em; text-indent: -1.5em; }
.cites { display: block; font-size: .8rem; color: var(--muted); }
.absent { color: #8a5a00; border-bottom: 1px dotted #8a5a00; }
.footnotes li:target { background: #fff8d6; }
.section-heading { font-weight: 600; margin-top: 1rem; }
.graph { border: 1px solid var(--rule); border-radius: 6px; padding: .5rem; margin: 1rem 0; overflow-x: auto; }
.graph svg a:hover text { text-decoration: underline; }
table.blame { border-collapse: collapse; width: 100%; }
table.blame td { vertical-align: top; padding: .4rem .6rem; border-bottom: 1px solid var(--rule); }
table.blame td.pid { font-weight: 600; white-space: nowrap; font-size: .9rem; }
table.blame td.prov { width: 30%; font-size: .9rem; }
.age-0 { background: #fff3e0; } .age-1 { background: #f1f5e8; } .age-2 { background: #e6f0f7; }
.age-3 { background: #ece8f5; } .age-4 { background: #eeeeee; }
.key span { padding: .1rem .5rem; margin-right: .4rem; border-radius: 3px; font-size: .85rem; }
.status-overdue { color: #9c1c10; font-weight: 600; } .status-fulfilled { color: #0b5e22; } .status-due { color: #7a4b00; }
footer { margin-top: 2rem; font-size: .8rem; color: var(--muted); }
@media (max-width: 700px) {
  body { padding: 0 .75rem 1rem; }
  .para { padding-left: 0; }
  .para > .pid { position: static; display: block; }
  table.blame td.prov { width: auto; }
  table.blame tr { display: block; border-bottom: 1px solid var(--rule); }
  table.blame td { display: block; border: 0; padding: .2rem 0; }
}
@page { size: A4; margin: 16mm 14mm; }
@media print { nav.site { display: none; } body { max-width: none; } }
"#;

/// One page: the site's bar of links, the content in its own language, no script.
pub(crate) fn layout(path: &str, title: &str, content_lang: &str, extra_style: &str, content: Markup) -> Page {
    let up = |to: &str| relative(path, to);
    let markup = html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) }
                style { (PreEscaped(STYLE)) (PreEscaped(extra_style)) }
            }
            body {
                nav.site {
                    a href=(up(crate::site::INDEX_PATH)) { "Index" }
                    a href={ (up(crate::site::INDEX_PATH)) "#series" } { "Series" }
                    a href={ (up(crate::site::INDEX_PATH)) "#documents" } { "Documents" }
                    a href=(up(crate::site::MANDATES_PATH)) { "Mandates" }
                }
                main lang=(content_lang) { (content) }
                footer { "Made by lineage site from the texts of the corpus." }
            }
        }
    };
    Page { path: path.to_string(), content: markup.into_string() }
}
