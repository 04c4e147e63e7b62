//! A diff as one self-contained HTML page: the summary first, then the two texts, side by
//! side (deletions struck through on the left, insertions underlined on the right) or
//! inline in one column, as the reader chooses; stacked one above the other on a narrow
//! screen.
//!
//! No scripts, no web fonts, nothing fetched: the page works offline, as an e-mail
//! attachment and on paper (A4, with both symbols in a running header and page numbers).
//! The layout switch is a pair of radio buttons read by CSS (`:has`), so that it holds
//! while the reader follows links inside the page. Runs of unchanged paragraphs are
//! folded into `<details>`; every change links to the previous and the next one, and the
//! counts and paragraph numbers of the summary link to the paragraphs. Every row is an
//! anchor named by the new paragraph's id (`#OP5`), or `#from-PP8` for a paragraph only
//! the old text has; the old id of every pair is an anchor too (`#from-PP7`). All
//! document text is escaped.

use super::diff_labels::{group_note, heading, kind_note, minor_line, paragraph_counts, status_words};
use crate::diff::inline::{lines, side};
use crate::diff::{DocumentDiff, InlineOp, Op, ParagraphPair, Status};
use std::collections::HashSet;
use std::fmt::Write;

pub(crate) const STYLE: &str = r#"
:root { --ins-bg: #dff3e3; --ins-fg: #0b5e22; --del-bg: #fde4e1; --del-fg: #9c1c10; --rule: #d9d9d9; --muted: #666; }
* { box-sizing: border-box; }
body { margin: 2rem auto; max-width: 1400px; padding: 0 1.5rem; color: #1b1b1b; line-height: 1.65;
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Zen Hei", "PingFang SC", "Microsoft YaHei", system-ui, "Segoe UI", Roboto, Arial, sans-serif; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; overflow-wrap: anywhere; }
.titles { margin: 0 0 1rem; color: var(--muted); }
.summary { border: 1px solid var(--rule); border-radius: 6px; padding: .75rem 1rem; margin-bottom: 1rem; }
.summary h2 { font-size: 1rem; margin: 0 0 .5rem; }
.counts { border-collapse: collapse; margin-bottom: .5rem; }
.counts th, .counts td { padding: .2rem .9rem .2rem 0; text-align: left; }
.counts td { font-size: 1.25rem; font-weight: 600; }
.summary p, .summary ul { margin: .35rem 0; }
.notes li { color: #7a4b00; }
.layouts { margin: 0 0 .75rem; font-size: .9rem; }
.layouts label { margin-right: 1rem; }
.diff .head, .diff .row { display: grid; grid-template-columns: 5.5rem minmax(0, 1fr) 5.5rem minmax(0, 1fr); }
.diff .head { font-weight: 600; border-bottom: 2px solid #333; position: sticky; top: 0; background: #fff; z-index: 1; }
.diff .head > div { padding: .4rem .5rem; }
.diff .row > div { padding: .45rem .5rem; border-top: 1px solid var(--rule); overflow-wrap: anywhere; }
.diff h3 { font-size: 1.1rem; margin: 1.25rem 0 0; padding: 0 .5rem .35rem; border-bottom: 1px solid #333; }
.diff .id { font-weight: 600; font-size: .9rem; }
.diff .id a { color: inherit; text-decoration: none; }
.diff .text.inline, .diff .head .inline { display: none; }
.status { display: block; font-weight: 400; font-size: .75rem; color: var(--muted); }
.note { display: block; font-size: .75rem; color: #7a4b00; font-weight: 400; }
.step { display: block; font-weight: 400; font-size: .75rem; }
.step a { color: #1f4e9c; text-decoration: underline; margin-right: .4rem; white-space: nowrap; }
details.same > summary { cursor: pointer; color: var(--muted); padding: .35rem .5rem; border-top: 1px solid var(--rule); font-size: .9rem; }
ins { background: var(--ins-bg); color: var(--ins-fg); text-decoration: underline; text-decoration-thickness: 1px; }
del { background: var(--del-bg); color: var(--del-fg); text-decoration: line-through; }
ins.minor, del.minor { background: none; font-weight: 400; }
ins.minor { color: #5b7f63; text-decoration: underline dotted; }
del.minor { color: #a5665f; text-decoration: line-through; }
.similarity { border-bottom: 1px dotted var(--muted); cursor: help; }
.row.unchanged .text { color: var(--muted); }
.row.added .text.new { background: #f2faf4; box-shadow: inset 3px 0 0 #2e9b4f; }
.row.removed .text.old { background: #fdf3f2; box-shadow: inset 3px 0 0 #c5392b; }
.row.added ins { background: none; text-decoration: none; color: #14532d; }
.row.removed del { background: none; color: #7f1d1d; text-decoration-color: #c5392b; }
.row.added .text.old, .row.removed .text.new { background: repeating-linear-gradient(135deg, #fafafa, #fafafa 6px, #f1f1f1 6px, #f1f1f1 12px); }
.row.moved .id .status, .row.added .id .status { color: #0b5e22; }
.row.removed .id .status { color: #9c1c10; }
.row:target > div { background-color: #fff8d6; }
.item { display: block; padding-left: 1.5em; text-indent: -1.5em; }
body:has(#layout-inline:checked) .diff .head, body:has(#layout-inline:checked) .diff .row { grid-template-columns: 6.5rem minmax(0, 1fr); }
body:has(#layout-inline:checked) .diff .old, body:has(#layout-inline:checked) .diff .text.new, body:has(#layout-inline:checked) .diff .head .new { display: none; }
body:has(#layout-inline:checked) .diff .text.inline, body:has(#layout-inline:checked) .diff .head .inline { display: block; }
footer { margin-top: 2rem; font-size: .8rem; color: var(--muted); }
@media (max-width: 700px) {
  body { padding: 0 .6rem; margin-top: 1rem; }
  .diff .head { display: none; }
  .diff .row, body:has(#layout-inline:checked) .diff .row { grid-template-columns: minmax(0, 1fr); }
  .diff .row > div { border-top: 0; padding: .2rem .25rem; }
  .diff .row { border-top: 1px solid var(--rule); padding: .3rem 0; }
  .diff .id.old:empty, .diff .text.old:empty { display: none; }
  .diff .id .status, .diff .id .note, .diff .id .step { display: inline; margin-left: .5rem; }
  .diff .text.old::before { content: "before: "; color: var(--muted); font-size: .75rem; }
  .diff .text.new::before { content: "after: "; color: var(--muted); font-size: .75rem; }
}
@page { size: A4; margin: 18mm 12mm 16mm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 9.5pt; }
  .layouts, .step, nav { display: none; }
  .diff .head { position: static; }
  .row { break-inside: avoid; }
  details.same::details-content { content-visibility: visible; display: contents; }
  ins, del, .row.added .text.old, .row.removed .text.new { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"#;

pub fn diff(d: &DocumentDiff) -> String {
    let mut out = String::new();
    let title = format!("{} → {}", d.from, d.to);
    let _ = writeln!(out, "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">", d.to_language.as_str());
    let _ = writeln!(out, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
    let _ = writeln!(out, "<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>", escape(&title));
    out.push_str(&article(d));
    let _ = writeln!(out, "<footer>Made by lineage diff. Deleted text is struck through, inserted text underlined.</footer>");
    let _ = writeln!(out, "</body>\n</html>");
    out
}

/// A CSS string: nothing in it can end the string, the rule or the style element.
fn css_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' | '\\' | '<' | '>' | '&' => {
                let _ = write!(out, "\\{:x} ", c as u32);
            }
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The body of the page: heading, summary, layout switch and the paragraphs. The site's
/// diff pages put it in their own frame.
pub fn article(d: &DocumentDiff) -> String {
    let mut out = String::new();
    let title = format!("{} → {}", d.from, d.to);
    // The running header and page numbers of the printed copy.
    let _ = writeln!(
        out,
        "<style>@page {{ @top-center {{ content: {}; font-size: 8pt; color: #555; }} @bottom-center {{ content: \"page \" counter(page) \" of \" counter(pages); font-size: 8pt; color: #555; }} }}</style>",
        css_string(&title)
    );
    let _ = writeln!(out, "<header>\n<h1>{}</h1>", escape(&title));
    let titles = if d.from_title == d.to_title {
        escape(&d.to_title)
    } else {
        format!("{} → {}", escape(&d.from_title), escape(&d.to_title))
    };
    let _ = writeln!(out, "<p class=\"titles\">{titles}</p>\n</header>");
    let anchors = row_anchors(&d.paragraphs);
    summary(&mut out, d, &anchors);
    let _ = writeln!(
        out,
        "<p class=\"layouts\">Layout: <input type=\"radio\" name=\"layout\" id=\"layout-side\" checked><label for=\"layout-side\">side by side</label>\
         <input type=\"radio\" name=\"layout\" id=\"layout-inline\"><label for=\"layout-inline\">inline, one column</label></p>"
    );
    let _ = writeln!(out, "<div class=\"diff\">");
    let _ = writeln!(
        out,
        "<div class=\"head\"><div class=\"old\"></div><div class=\"old\">{}</div><div></div><div class=\"new\">{}</div><div class=\"inline\">{} → {}</div></div>",
        escape(&d.from),
        escape(&d.to),
        escape(&d.from),
        escape(&d.to)
    );
    let changes: Vec<usize> = (0..d.paragraphs.len()).filter(|&i| d.paragraphs[i].status != Status::Unchanged).collect();
    let mut section = None;
    let mut i = 0;
    while i < d.paragraphs.len() {
        let pair = &d.paragraphs[i];
        if section != Some(pair.kind) {
            section = Some(pair.kind);
            let _ = writeln!(out, "<h3>{}</h3>", heading(pair.kind));
        }
        if pair.status == Status::Unchanged {
            // A run of unchanged paragraphs of one part, folded.
            let mut end = i;
            while end < d.paragraphs.len() && d.paragraphs[end].status == Status::Unchanged && d.paragraphs[end].kind == pair.kind {
                end += 1;
            }
            let ids: Vec<&str> = d.paragraphs[i..end].iter().filter_map(|p| p.to.as_deref()).collect();
            let span = match (ids.first(), ids.last()) {
                (Some(a), Some(b)) if a != b => format!(": {a}–{b}"),
                (Some(a), _) => format!(": {a}"),
                _ => String::new(),
            };
            let n = end - i;
            let noun = if n == 1 { "paragraph" } else { "paragraphs" };
            let _ = writeln!(out, "<details class=\"same\"><summary>{n} unchanged {noun}{}</summary>", escape(&span));
            for k in i..end {
                row(&mut out, k, d, &anchors, &changes);
            }
            let _ = writeln!(out, "</details>");
            i = end;
        } else {
            row(&mut out, i, d, &anchors, &changes);
            i += 1;
        }
    }
    let _ = writeln!(out, "</div>");
    out
}

/// The anchor of each row and of each old id, unique in the page: a split's whole (or a
/// merge's result) is anchored on its first row only.
struct Anchors {
    row: Vec<Option<String>>,
    old: Vec<Option<String>>,
    all: HashSet<String>,
}

fn row_anchors(pairs: &[ParagraphPair]) -> Anchors {
    let mut all = HashSet::new();
    let mut row = Vec::new();
    let mut old = Vec::new();
    for pair in pairs {
        let mut take = |id: String| if all.insert(id.clone()) { Some(id) } else { None };
        row.push(match (&pair.to, &pair.from) {
            (Some(to), _) => take(to.clone()),
            (None, Some(from)) => take(format!("from-{from}")),
            (None, None) => None,
        });
        old.push(match (&pair.to, &pair.from) {
            (Some(_), Some(from)) => take(format!("from-{from}")),
            _ => None,
        });
    }
    Anchors { row, old, all }
}

/// What the likeness shown beside a pair means, for its tooltip and the legend.
const SIMILARITY: &str = "likeness of the two texts, 0 (nothing in common) to 1 (the same words): the share of word pairs (character pairs in Chinese) they have in common, punctuation and numbers aside";

/// A summary line with its paragraph ids linked to their rows: a new text's id to its
/// row (`#OP5`), an old text's id to the row it went to (`#from-OP5`).
fn summary_line(line: &[super::summary_prose::Part], anchors: &Anchors) -> String {
    use super::summary_prose::Part;
    let link = |anchor: String, id: &str| {
        if anchors.all.contains(&anchor) {
            format!("<a href=\"#{}\">{}</a>", escape(&anchor), escape(id))
        } else {
            escape(id).to_string()
        }
    };
    line.iter()
        .map(|part| match part {
            Part::Text(t) => escape(t).to_string(),
            Part::New(id) => link(id.clone(), id),
            Part::Old(id) => link(format!("from-{id}"), id),
        })
        .collect()
}

fn summary(out: &mut String, d: &DocumentDiff, anchors: &Anchors) {
    let c = &d.summary.counts;
    let _ = writeln!(out, "<section class=\"summary\" id=\"summary\">\n<h2>Summary</h2>\n<table class=\"counts\">");
    let _ = writeln!(out, "<tr><th>unchanged</th><th>modified</th><th>moved</th><th>added</th><th>removed</th></tr>\n<tr>");
    for status in [Status::Unchanged, Status::Modified, Status::Moved, Status::Added, Status::Removed] {
        let n = c.get(status);
        // The count links to the first paragraph of its kind.
        let first = d.paragraphs.iter().position(|p| p.status == status).and_then(|i| anchors.row[i].as_ref());
        match first {
            Some(id) if n > 0 => {
                let _ = write!(out, "<td><a href=\"#{}\" title=\"first {} paragraph\">{n}</a></td>", escape(id), status.as_str());
            }
            _ => {
                let _ = write!(out, "<td>{n}</td>");
            }
        }
    }
    let _ = writeln!(out, "\n</tr>\n</table>");
    let _ = writeln!(
        out,
        "<p>{}. Deleted text is <del>struck through</del>; inserted text is <ins>underlined</ins>.</p>",
        paragraph_counts(d)
    );
    if let Some(line) = minor_line(d) {
        let _ = writeln!(out, "<p>{}.</p>", escape(&line));
    }
    if let Some(substance) = &d.summary.substance {
        let _ = writeln!(out, "<ul class=\"substance\">");
        for line in super::summary_prose::lines(substance, d) {
            let _ = writeln!(out, "<li>{}</li>", summary_line(&line, anchors));
        }
        let _ = writeln!(out, "</ul>");
    }
    if !d.notes.is_empty() {
        let _ = writeln!(out, "<ul class=\"notes\">");
        for note in &d.notes {
            let _ = writeln!(out, "<li>{}</li>", escape(note));
        }
        let _ = writeln!(out, "</ul>");
    }
    let _ = writeln!(out, "</section>");
}

fn row(out: &mut String, i: usize, d: &DocumentDiff, anchors: &Anchors, changes: &[usize]) {
    let pair = &d.paragraphs[i];
    let cross_language = d.cross_language;
    let row_id = anchors.row[i].as_ref().map(|id| format!(" id=\"{}\"", escape(id))).unwrap_or_default();
    let old_anchor = anchors.old[i].as_ref().map(|id| format!(" id=\"{}\"", escape(id))).unwrap_or_default();
    let _ = writeln!(out, "<div{row_id} class=\"row {}\">", pair.status.as_str());
    let old_id = pair.from.as_deref().map(escape).unwrap_or_default();
    let _ = writeln!(out, "<div class=\"id old\"><span{old_anchor}>{old_id}</span></div>");
    let _ = writeln!(out, "<div class=\"text old\">{}</div>", text_cell(&pair.inline, Op::Delete, cross_language));
    let mut status = status_words(pair).to_string();
    if matches!(pair.status, Status::Modified | Status::Moved) && !cross_language {
        let _ = write!(status, " · <span class=\"similarity\" title=\"{SIMILARITY}\">{:.2}</span>", pair.similarity);
    }
    let notes: String = [kind_note(pair), group_note(pair), pair.degraded.clone()]
        .into_iter()
        .flatten()
        .map(|n| format!("<span class=\"note\">{}</span>", escape(&n)))
        .collect();
    let new_id = match (&pair.to, &pair.from) {
        (Some(to), _) => format!("<a href=\"#{0}\">{0}</a>", escape(to)),
        (None, Some(from)) => format!("<s>{}</s>", escape(from)),
        (None, None) => String::new(),
    };
    // The previous and the next change, for a reader going through them one by one.
    let step = match changes.binary_search(&i) {
        Ok(k) => {
            let link = |j: Option<&usize>, text: &str, title: &str| {
                j.and_then(|&j| anchors.row[j].as_ref())
                    .map(|id| format!("<a href=\"#{}\" title=\"{title}\">{text}</a>", escape(id)))
                    .unwrap_or_default()
            };
            let prev = link(k.checked_sub(1).and_then(|k| changes.get(k)), "↑ prev", "previous change");
            let next = link(changes.get(k + 1), "↓ next", "next change");
            format!("<span class=\"step\">{prev}{next}</span>")
        }
        Err(_) => String::new(),
    };
    let _ = writeln!(out, "<div class=\"id new\">{new_id}<span class=\"status\">{status}</span>{notes}{step}</div>");
    let _ = writeln!(out, "<div class=\"text new\">{}</div>", text_cell(&pair.inline, Op::Insert, cross_language));
    let _ = writeln!(out, "<div class=\"text inline\">{}</div>\n</div>", inline_cell(&pair.inline, cross_language));
}

/// Both sides in one cell: deletions struck through and insertions underlined in place
/// (across languages, the new text alone).
fn inline_cell(ops: &[InlineOp], cross_language: bool) -> String {
    if cross_language {
        return text_cell(ops, Op::Insert, true);
    }
    cell(ops, true)
}

/// One side of a pair: the runs that side shows, items on lines of their own, the
/// changes marked (not across languages, where every word differs and nothing is marked).
fn text_cell(ops: &[InlineOp], shown: Op, cross_language: bool) -> String {
    cell(&side(ops, shown), !cross_language)
}

/// The runs of a cell, items on lines of their own; with `mark`, insertions underlined
/// and deletions struck through, punctuation and spacing changes in a lighter class.
fn cell(ops: &[InlineOp], mark: bool) -> String {
    let mut cell = String::new();
    for (n, line) in lines(ops).iter().enumerate() {
        let text: String = line.iter().map(|o| if mark { marked(o) } else { escape(&o.text) }).collect();
        if text.is_empty() && n == 0 {
            continue;
        }
        if n == 0 {
            cell.push_str(&text);
        } else {
            let _ = write!(cell, "<span class=\"item\">{text}</span>");
        }
    }
    cell
}

fn marked(o: &InlineOp) -> String {
    let minor = if o.minor { " class=\"minor\" title=\"punctuation or spacing\"" } else { "" };
    match o.op {
        Op::Equal => escape(&o.text),
        Op::Insert => format!("<ins{minor}>{}</ins>", escape(&o.text)),
        Op::Delete => format!("<del{minor}>{}</del>", escape(&o.text)),
    }
}

/// Text as HTML text or attribute value: nothing in it can open a tag or an entity.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_changes_are_marked_on_their_side() {
        assert_eq!(escape("<script>alert('x')</script> & \"y\""), "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;y&quot;");
        let ops = [InlineOp::new(Op::Equal, "回顾"), InlineOp::new(Op::Delete, "一切"), InlineOp::new(Op::Insert, "<所有>")];
        assert_eq!(text_cell(&ops, Op::Delete, false), "回顾<del>一切</del>");
        assert_eq!(text_cell(&ops, Op::Insert, false), "回顾<ins>&lt;所有&gt;</ins>");
        assert_eq!(text_cell(&ops, Op::Insert, true), "回顾&lt;所有&gt;");
        let items = [InlineOp::new(Op::Equal, "lead\n(a) one")];
        assert_eq!(text_cell(&items, Op::Insert, false), "lead<span class=\"item\">(a) one</span>");
        assert_eq!(inline_cell(&ops, false), "回顾<del>一切</del><ins>&lt;所有&gt;</ins>");
    }

    #[test]
    fn a_css_string_cannot_close_the_style() {
        assert_eq!(css_string("A/RES/1 → 2"), "\"A/RES/1 → 2\"");
        let hostile = css_string("x\"; } </style><script>");
        assert!(!hostile.contains('<') && !hostile[1..hostile.len() - 1].contains('"'), "{hostile}");
    }
}
