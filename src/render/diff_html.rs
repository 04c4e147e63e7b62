//! A diff as one self-contained HTML page: the summary first, then the two texts side by
//! side, deletions struck through on the left and insertions underlined on the right.
//!
//! No scripts, no web fonts, nothing fetched: the page works offline, as an e-mail
//! attachment and on paper (print styles keep rows whole and colours on). Every row is
//! an anchor named by the new paragraph's id (`#OP5`), or `#from-PP8` for a paragraph
//! only the old text has; the old id of every pair is an anchor too (`#from-PP7`). All
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
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
.titles { margin: 0 0 1rem; color: var(--muted); }
.summary { border: 1px solid var(--rule); border-radius: 6px; padding: .75rem 1rem; margin-bottom: 1.5rem; }
.summary h2 { font-size: 1rem; margin: 0 0 .5rem; }
.counts { border-collapse: collapse; margin-bottom: .5rem; }
.counts th, .counts td { padding: .2rem .9rem .2rem 0; text-align: left; }
.counts td { font-size: 1.25rem; font-weight: 600; }
.summary p, .summary ul { margin: .35rem 0; }
.notes li { color: #7a4b00; }
table.diff { width: 100%; border-collapse: collapse; table-layout: fixed; }
table.diff col.id { width: 5.5rem; }
table.diff thead th { text-align: left; border-bottom: 2px solid #333; padding: .4rem .5rem; position: sticky; top: 0; background: #fff; }
table.diff td { vertical-align: top; padding: .45rem .5rem; border-top: 1px solid var(--rule); overflow-wrap: anywhere; }
tr.section th { text-align: left; font-size: 1.1rem; padding: 1.25rem .5rem .35rem; border-bottom: 1px solid #333; }
td.id { font-weight: 600; white-space: nowrap; font-size: .9rem; }
td.id a { color: inherit; text-decoration: none; }
.similarity { border-bottom: 1px dotted var(--muted); cursor: help; }
.status { display: block; font-weight: 400; font-size: .75rem; color: var(--muted); white-space: normal; }
.note { display: block; font-size: .75rem; color: #7a4b00; font-weight: 400; white-space: normal; }
ins { background: var(--ins-bg); color: var(--ins-fg); text-decoration: underline; text-decoration-thickness: 1px; }
del { background: var(--del-bg); color: var(--del-fg); text-decoration: line-through; }
ins.minor, del.minor { background: none; font-weight: 400; }
ins.minor { color: #5b7f63; text-decoration: underline dotted; }
del.minor { color: #a5665f; text-decoration: line-through; }
tr.unchanged td.text { color: var(--muted); }
tr.added td.new { background: #f2faf4; box-shadow: inset 3px 0 0 #2e9b4f; }
tr.removed td.old { background: #fdf3f2; box-shadow: inset 3px 0 0 #c5392b; }
tr.added ins { background: none; text-decoration: none; color: #14532d; }
tr.removed del { background: none; color: #7f1d1d; text-decoration-color: #c5392b; }
tr.added td.old, tr.removed td.new { background: repeating-linear-gradient(135deg, #fafafa, #fafafa 6px, #f1f1f1 6px, #f1f1f1 12px); }
tr.moved td.id .status, tr.added td.id .status { color: #0b5e22; }
tr.removed td.id .status { color: #9c1c10; }
tr:target td { background-color: #fff8d6; }
.item { display: block; padding-left: 1.5em; text-indent: -1.5em; }
footer { margin-top: 2rem; font-size: .8rem; color: var(--muted); }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 9.5pt; }
  table.diff thead { display: table-header-group; }
  table.diff thead th { position: static; }
  tr { break-inside: avoid; }
  ins, del, tr.added td.old, tr.removed td.new { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"#;

pub fn diff(d: &DocumentDiff) -> String {
    let mut out = String::new();
    let title = format!("{} → {}", d.from, d.to);
    let _ = writeln!(out, "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">", d.to_language.as_str());
    let _ = writeln!(out, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
    let _ = writeln!(out, "<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>", escape(&title));
    let _ = writeln!(out, "<header>\n<h1>{}</h1>", escape(&title));
    let titles = if d.from_title == d.to_title {
        escape(&d.to_title)
    } else {
        format!("{} → {}", escape(&d.from_title), escape(&d.to_title))
    };
    let _ = writeln!(out, "<p class=\"titles\">{titles}</p>\n</header>");
    summary(&mut out, d);
    let _ = writeln!(out, "<table class=\"diff\">");
    let _ = writeln!(out, "<colgroup><col class=\"id\"><col class=\"text\"><col class=\"id\"><col class=\"text\"></colgroup>");
    let _ = writeln!(
        out,
        "<thead><tr><th colspan=\"2\">{}</th><th colspan=\"2\">{}</th></tr></thead>\n<tbody>",
        escape(&d.from),
        escape(&d.to)
    );
    let mut anchors = HashSet::new();
    let mut section = None;
    for pair in &d.paragraphs {
        if section != Some(pair.kind) {
            section = Some(pair.kind);
            let _ = writeln!(out, "<tr class=\"section\"><th colspan=\"4\">{}</th></tr>", heading(pair.kind));
        }
        row(&mut out, pair, d.cross_language, &mut anchors);
    }
    let _ = writeln!(out, "</tbody>\n</table>");
    let _ = writeln!(out, "<footer>Made by lineage diff. Deleted text is struck through, inserted text underlined.</footer>");
    let _ = writeln!(out, "</body>\n</html>");
    out
}

/// What the likeness shown beside a pair means, for its tooltip and the legend.
const SIMILARITY: &str = "likeness of the two texts, 0 (nothing in common) to 1 (the same words): the share of word pairs (character pairs in Chinese) they have in common, punctuation and numbers aside";

fn summary(out: &mut String, d: &DocumentDiff) {
    let c = &d.summary.counts;
    let _ = writeln!(out, "<section class=\"summary\" id=\"summary\">\n<h2>Summary</h2>\n<table class=\"counts\">");
    let _ = writeln!(out, "<tr><th>unchanged</th><th>modified</th><th>moved</th><th>added</th><th>removed</th></tr>");
    // Each count links to the first row of its kind.
    let cells: String = Status::ALL
        .iter()
        .map(|s| {
            let first = d.paragraphs.iter().find(|p| p.status == *s).and_then(|p| match (&p.to, &p.from) {
                (Some(to), _) => Some(to.clone()),
                (None, Some(from)) => Some(format!("from-{from}")),
                _ => None,
            });
            match first {
                Some(anchor) => format!("<td><a href=\"#{}\">{}</a></td>", escape(&anchor), c.get(*s)),
                None => format!("<td>{}</td>", c.get(*s)),
            }
        })
        .collect();
    let _ = writeln!(out, "<tr>{cells}</tr>\n</table>");
    let _ = writeln!(
        out,
        "<p>{}. Deleted text is <del>struck through</del>; inserted text is <ins>underlined</ins>; a change of punctuation or spacing only is <del class=\"minor\">struck</del> or <ins class=\"minor\">underlined</ins> lightly. The figure beside a modified or moved paragraph is its <span class=\"similarity\" title=\"{SIMILARITY}\">likeness</span>: {SIMILARITY}.</p>",
        paragraph_counts(d)
    );
    if let Some(line) = minor_line(d) {
        let _ = writeln!(out, "<p>{}.</p>", escape(&line));
    }
    if let Some(substance) = &d.summary.substance {
        let _ = writeln!(out, "<ul class=\"substance\">");
        for line in super::summary_prose::lines(substance, d) {
            let _ = writeln!(out, "<li>{}</li>", linked(&line, d));
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

/// A summary line with each paragraph id a link to its row: `#OP5` for the new text's,
/// `#from-OP5` for the old text's (the anchors every row carries).
fn linked(line: &[super::summary_prose::Part], d: &DocumentDiff) -> String {
    use super::summary_prose::Part;
    let has_new = |id: &str| d.paragraphs.iter().any(|p| p.to.as_deref() == Some(id));
    let has_old = |id: &str| d.paragraphs.iter().any(|p| p.from.as_deref() == Some(id));
    line.iter()
        .map(|part| match part {
            Part::Text(t) => escape(t),
            Part::New(id) if has_new(id) => format!("<a href=\"#{0}\">{0}</a>", escape(id)),
            Part::Old(id) if has_old(id) => format!("<a href=\"#from-{0}\">{0}</a>", escape(id)),
            Part::New(id) | Part::Old(id) => escape(id),
        })
        .collect()
}

fn row(out: &mut String, pair: &ParagraphPair, cross_language: bool, anchors: &mut HashSet<String>) {
    // Ids must be unique in a page: a split's whole (or a merge's result) is anchored on
    // its first row only.
    let mut anchor = |id: String| if anchors.insert(id.clone()) { format!(" id=\"{}\"", escape(&id)) } else { String::new() };
    let row_id = match (&pair.to, &pair.from) {
        (Some(to), _) => anchor(to.clone()),
        (None, Some(from)) => anchor(format!("from-{from}")),
        (None, None) => String::new(),
    };
    let old_anchor = match (&pair.to, &pair.from) {
        (Some(_), Some(from)) => anchor(format!("from-{from}")),
        _ => String::new(),
    };
    let _ = writeln!(out, "<tr{row_id} class=\"{}\">", pair.status.as_str());
    let old_id = pair.from.as_deref().map(escape).unwrap_or_default();
    let _ = writeln!(out, "<td class=\"id\"><span{old_anchor}>{old_id}</span></td>");
    let _ = writeln!(out, "<td class=\"text old\">{}</td>", text_cell(&pair.inline, Op::Delete, cross_language));
    let mut status = status_words(pair).to_string();
    if matches!(pair.status, Status::Modified | Status::Moved) && !cross_language {
        let _ = write!(status, " · <span class=\"similarity\" title=\"{SIMILARITY}\">{:.2}</span>", pair.similarity);
    }
    let notes: String = [kind_note(pair), group_note(pair), pair.degraded.clone()]
        .into_iter()
        .flatten()
        .map(|n| format!("<span class=\"note\">{}</span>", escape(&n)))
        .collect();
    let new_id = match &pair.to {
        Some(to) => format!("<a href=\"#{0}\">{0}</a>", escape(to)),
        None => String::new(),
    };
    let _ = writeln!(out, "<td class=\"id\">{new_id}<span class=\"status\">{status}</span>{notes}</td>");
    let _ = writeln!(out, "<td class=\"text new\">{}</td>\n</tr>", text_cell(&pair.inline, Op::Insert, cross_language));
}

/// One side of a pair: the runs that side shows, items on lines of their own, the
/// changes marked (not across languages, where every word differs and nothing is marked).
fn text_cell(ops: &[InlineOp], shown: Op, cross_language: bool) -> String {
    let mut cell = String::new();
    for (n, line) in lines(&side(ops, shown)).iter().enumerate() {
        let text: String = line
            .iter()
            .map(|o| match o.op {
                _ if cross_language => escape(&o.text),
                Op::Equal => escape(&o.text),
                Op::Insert if o.minor => format!("<ins class=\"minor\" title=\"punctuation or spacing\">{}</ins>", escape(&o.text)),
                Op::Delete if o.minor => format!("<del class=\"minor\" title=\"punctuation or spacing\">{}</del>", escape(&o.text)),
                Op::Insert => format!("<ins>{}</ins>", escape(&o.text)),
                Op::Delete => format!("<del>{}</del>", escape(&o.text)),
            })
            .collect();
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
    }
}
