//! Plain text for people: a table for `list`, a readable document for `show`.

use crate::model::*;
use std::fmt::Write;

pub fn list(docs: &[Document]) -> String {
    let mut out = String::new();
    let width = docs.iter().map(|d| d.symbol.chars().count()).max().unwrap_or(6).max(6);
    let _ = writeln!(out, "{:<width$}  {:<6} {:<10} {:<4} {:<10}  TITLE", "SYMBOL", "BODY", "KIND", "LANG", "DATE");
    for d in docs {
        let _ = writeln!(
            out,
            "{:<width$}  {:<6} {:<10} {:<4} {:<10}  {}",
            d.symbol,
            d.body.as_str(),
            d.kind.as_str(),
            d.language.as_str(),
            d.adopted.map_or_else(|| "-".to_string(), |d| d.to_string()),
            d.title
        );
    }
    out
}

pub fn document(d: &Document, dropped: bool) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}  {}", d.symbol, d.title);
    let from_file = if d.symbol_source == SymbolSource::File { " (ID from file name: the text states no symbol)" } else { "" };
    let _ = writeln!(
        out,
        "{} {} · {} · session {} · agenda item {} · adopted {} · meeting {}{}",
        d.body.as_str(),
        d.kind.as_str(),
        d.language.as_str(),
        opt(d.session),
        d.agenda_item.as_deref().unwrap_or("-"),
        d.adopted.map_or_else(|| "-".to_string(), |d| d.to_string()),
        opt(d.meeting),
        from_file,
    );
    if let Some(m) = &d.mandated_by {
        let _ = writeln!(out, "mandated by {m}");
    }
    let _ = writeln!(out, "source: {} ({}, {} lines)", super::printable(&d.source.path), d.source.encoding, d.source.lines);
    let pp = d.preambular().count();
    let op = d.operative().count();
    let other = d.paragraphs.len() - pp - op;
    let footnotes = super::diff_labels::plural(d.footnotes.len(), "footnote", "footnotes");
    let _ = writeln!(out, "{pp} preambular, {op} operative, {other} other paragraphs; {footnotes}");
    let mut section: Option<&str> = None;
    for p in &d.paragraphs {
        if p.section.as_deref() != section {
            section = p.section.as_deref();
            if let Some(s) = section {
                let _ = writeln!(out, "\n## {s}");
            }
        }
        let marks = if p.footnote_marks.is_empty() { String::new() } else { format!(" [fn {}]", p.footnote_marks.join(",")) };
        let _ = writeln!(out, "\n{:<5} {}{}", p.id, p.text, marks);
        for item in &p.items {
            let _ = writeln!(out, "      ({}) {}", item.label, item.text);
        }
    }
    if !d.footnotes.is_empty() {
        let _ = writeln!(out, "\nFootnotes");
        for f in &d.footnotes {
            let _ = writeln!(out, "  {:>3} [{}] {}", f.mark, f.paragraph.as_deref().unwrap_or("?"), f.text);
        }
    }
    let _ = writeln!(out, "\nVote: {}", vote_line(&d.vote));
    if !d.references.is_empty() {
        let _ = writeln!(out, "\nReferences");
        for r in &d.references {
            let place = match &r.item {
                Some(item) => format!("{} ({item})", r.paragraph),
                None => r.paragraph.clone(),
            };
            let mut line = format!("  {place:<9} {:<24} {}", r.target, r.body.as_str());
            if let Some(date) = &r.date {
                line.push_str(&format!(" · {date}"));
            }
            if let Some(title) = &r.title {
                line.push_str(&format!(" · {title}"));
            }
            let _ = writeln!(out, "{line}");
        }
    }
    substance(&mut out, d);
    if !d.diagnostics.is_empty() {
        let _ = writeln!(out, "\nNotes");
        for n in &d.diagnostics {
            match n.line {
                Some(l) => { let _ = writeln!(out, "  line {l}: {}", n.message); }
                None => { let _ = writeln!(out, "  {}", n.message); }
            }
        }
    }
    if dropped {
        let _ = writeln!(out, "\nAccount of lines not in the paragraphs");
        // One account in line order, whatever became of each line.
        let mut lines: Vec<(usize, &str, String)> = Vec::new();
        lines.extend(d.front_matter.iter().map(|m| (m.line, "masthead", m.text.clone())));
        lines.extend(d.formula.iter().map(|m| (m.line, "formula", m.text.clone())));
        lines.extend(
            d.dropped.iter().filter(|x| x.reason != DropReason::Blank).map(|x| (x.line, x.reason.as_str(), x.text.trim().to_string())),
        );
        lines.sort_by_key(|(line, _, _)| *line);
        for (line, what, text) in lines {
            let _ = writeln!(out, "  {line:>5}  {what:<13} {}", super::printable(&text));
        }
        let blanks = d.dropped.iter().filter(|x| x.reason == DropReason::Blank).count();
        let _ = writeln!(out, "  ({blanks} blank lines)");
    }
    out
}

/// The rights named (one line per right, with the paragraphs that name it) and the
/// requests made (one line each, then the action, shortened).
fn substance(out: &mut String, d: &Document) {
    use crate::reader::findings::rights::MentionContext;
    if !d.rights.is_empty() {
        let _ = writeln!(out, "\nRights named");
        let mut order: Vec<&str> = Vec::new();
        for r in &d.rights {
            if !order.contains(&r.id.as_str()) {
                order.push(&r.id);
            }
        }
        for id in order {
            let found: Vec<_> = d.rights.iter().filter(|r| r.id == id).collect();
            let first = found[0];
            let places: Vec<String> = found
                .iter()
                .map(|r| {
                    let item = r.item.as_deref().map_or(String::new(), |i| format!("({i})"));
                    let context = match r.context {
                        MentionContext::Text => String::new(),
                        other => format!(" [{}]", other.as_str()),
                    };
                    format!("{}{item}{context}", r.paragraph)
                })
                .collect();
            let anchor = first.anchor.as_deref().map_or(String::new(), |a| format!(" ({a})"));
            let _ = writeln!(out, "  {:<28} {}{}: {}", id, first.label, anchor, places.join(", "));
        }
    }
    if !d.requests.is_empty() {
        let _ = writeln!(out, "\nRequests");
        for r in &d.requests {
            let place = match &r.item {
                Some(item) => format!("{}({item})", r.paragraph),
                None => r.paragraph.clone(),
            };
            let deliverables: Vec<&str> = r.deliverables.iter().map(|x| x.as_str()).collect();
            let due: Vec<String> = r.due.iter().map(|x| format!("{} {}", x.body.as_str(), x.session)).collect();
            let mut line = format!("  {:<8} {} to {} ({})", place, r.kind.as_str(), r.addressee.as_str(), r.addressee_text);
            if !deliverables.is_empty() {
                let _ = write!(line, ": {}", deliverables.join(", "));
            }
            if !due.is_empty() {
                let _ = write!(line, "; due {}", due.join(", "));
            }
            if r.continuing {
                line.push_str("; continuing");
            }
            let _ = writeln!(out, "{line}");
            let _ = writeln!(out, "           {}", shorten(&r.action, 120));
        }
    }
}

/// At most `max` characters, with "…" where the text was cut.
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut cut: String = text.chars().take(max).collect();
    cut.push('…');
    cut
}

pub fn vote_line(v: &Vote) -> String {
    match v.method {
        VoteMethod::WithoutVote => "adopted without a vote".to_string(),
        VoteMethod::Unknown => "not stated".to_string(),
        VoteMethod::Recorded => {
            let mut line = format!("recorded vote {}–{}–{} (yes–no–abstain)", opt(v.yes), opt(v.no), opt(v.abstain));
            // The Security Council's statements name who took no part.
            if v.unanimous {
                line.push_str(", unanimously");
            }
            for (label, list) in [("not participating", &v.not_participating), ("absent", &v.absent), ("vetoed by", &v.vetoed_by)] {
                if !list.is_empty() {
                    line.push_str(&format!("; {label}: {}", list.join(", ")));
                }
            }
            line
        }
    }
}

fn opt(v: Option<u32>) -> String {
    v.map_or("-".to_string(), |n| n.to_string())
}

/// `search`: ranked hits, each with where it stands and how its resolution was adopted.
pub fn search(query: &str, hits: &[crate::corpus::index::Hit]) -> String {
    const SHOWN: usize = 320;
    let mut out = String::new();
    if hits.is_empty() {
        let _ = writeln!(out, "no adopted paragraph close to “{query}”");
        return out;
    }
    for (n, h) in hits.iter().enumerate() {
        let adoption = match h.vote_method.as_str() {
            "without_vote" => "adopted without a vote".to_string(),
            "recorded" => format!("recorded vote {}–{}–{}", opt(h.yes), opt(h.no), opt(h.abstain)),
            _ => "adoption not stated".to_string(),
        };
        let how = if h.exact {
            "exact phrase".to_string()
        } else {
            format!("covers {:.0}% of the query, similarity {:.2}", h.coverage * 100.0, h.similarity)
        };
        let _ = writeln!(
            out,
            "{:>2}. {} {}  {}  {}  ({how})",
            n + 1,
            h.symbol,
            h.paragraph,
            h.adopted.as_deref().unwrap_or("-"),
            adoption
        );
        let _ = writeln!(out, "    {}", h.title);
        let text: String = h.text.chars().take(SHOWN).collect();
        let more = if h.text.chars().count() > SHOWN { "…" } else { "" };
        let _ = writeln!(out, "    {text}{more}\n");
    }
    out
}

/// `mandates`: each request with its deadlines and what answered them.
pub fn mandates(mandates: &[crate::mandates::Mandate], as_of: crate::model::Date) -> String {
    use crate::mandates::Status;
    let mut out = String::new();
    let _ = writeln!(out, "Requests and their deadlines, as of {as_of}");
    let mut current = "";
    for m in mandates {
        if m.resolution != current {
            current = &m.resolution;
            let _ = writeln!(out, "\n{} ({})", m.resolution, m.adopted.map_or_else(|| "date not stated".to_string(), |d| d.to_string()));
        }
        let place = match &m.item {
            Some(item) => format!("{} ({item})", m.paragraph),
            None => m.paragraph.clone(),
        };
        let deliverables: Vec<&str> = m.deliverables.iter().map(|d| d.as_str()).collect();
        let what = if deliverables.is_empty() { String::new() } else { format!(" [{}]", deliverables.join(", ")) };
        let _ = writeln!(out, "  {place:<8} {:?}{what}", m.addressee);
        let action: String = m.action.chars().take(140).collect();
        let more = if m.action.chars().count() > 140 { "…" } else { "" };
        let _ = writeln!(out, "           {action}{more}");
        for d in &m.deadlines {
            let when = match d.session {
                Some(s) => format!("{} session {s}", d.body.as_str()),
                None => "no session named".to_string(),
            };
            let status = match d.status {
                Status::Fulfilled => format!("fulfilled by {}", d.fulfilled_by.join(", ")),
                Status::Due => "due".to_string(),
                Status::Overdue => "overdue: no report in the corpus answers it".to_string(),
                Status::Open => "open".to_string(),
            };
            let _ = writeln!(out, "           {when}: {status}");
            for e in &d.evidence {
                let _ = writeln!(out, "             ({e})");
            }
        }
    }
    if mandates.is_empty() {
        let _ = writeln!(out, "\nno request found");
    }
    out
}

/// `draft`: the next text of a series, as plain text or Markdown (`markdown`).
pub fn draft(d: &crate::draft::Draft, markdown: bool) -> String {
    use crate::model::ParagraphKind;
    let mut out = String::new();
    let (h1, h2, quote) = if markdown { ("# ", "## ", "> ") } else { ("", "", "  ! ") };
    // Words of the documents are text in Markdown too: a paragraph that holds `<script>`
    // or `[x](javascript:…)` must not become markup where the draft is published.
    let text = |s: &str| if markdown { super::diff_md::escape(s) } else { s.to_string() };
    let _ = writeln!(out, "{h1}Draft: {} (next text after {})", text(&d.title), text(&d.after));
    if d.series.len() > 1 {
        let _ = writeln!(out, "\nSeries: {}", d.series.join(" → "));
    }
    if !d.attention.is_empty() {
        let _ = writeln!(out, "\n{h2}For the drafters' attention\n");
        for a in &d.attention {
            let _ = writeln!(out, "- {}", text(a));
        }
    }
    let mut section = None;
    for p in &d.paragraphs {
        if section != Some(p.kind) {
            section = Some(p.kind);
            let heading = if p.kind == ParagraphKind::Operative { "Operative part" } else { "Preamble" };
            let _ = writeln!(out, "\n{h2}{heading}");
        }
        let number = if p.kind == ParagraphKind::Operative {
            format!("{}. ", p.id.trim_start_matches("OP"))
        } else {
            String::new()
        };
        let label = if markdown { format!("**{}** ", p.id) } else { format!("{:<5} ", p.id) };
        let _ = writeln!(out, "\n{label}{number}{}", text(&p.text));
        for (label, item) in &p.items {
            let _ = writeln!(out, "{}({}) {}", if markdown { "    " } else { "      " }, text(label), text(item));
        }
        for n in &p.notes {
            let _ = writeln!(out, "{quote}{}", text(n));
        }
    }
    out
}
