//! Text to document model: masthead and metadata, preambular and operative paragraphs
//! with their items, footnotes, the voting record, and an account of every line.


use crate::error::ReadError;
use crate::reader::normalize::RawLine;
use crate::model::*;
use super::layout::Line;
use super::meta::Masthead;
use super::patterns::*;


/// Read one document from its decoded lines. `fallback_id` (the file name) names the
/// document where its text states no symbol.
pub fn read_document(raw: &[RawLine<'_>], fallback_id: &str, source: Source) -> Result<Document, ReadError> {
    let mut lines = super::layout::prepare(raw);
    if lines.iter().all(|l| l.is_blank()) {
        return Err(ReadError::Empty);
    }
    let language = super::meta::language(&lines);
    let masthead = find_masthead(&lines);
    let body_line = masthead.formula.iter().copied().find(|&i| BODY_LINE.is_match(&lines[i].text));
    let draft = super::drafts::read(&lines, body_line);
    let masthead = match &draft {
        Some(d) => d.adjust(masthead),
        None => masthead,
    };
    super::layout::mark_furniture(&mut lines, masthead.body_start, &masthead.title);
    let shape = super::layout::measure(&lines, masthead.body_start);
    let assembled = super::structure::Assembler::new(&lines, shape, masthead.kind, language == Language::En)
        .skipping(masthead.skip.map(|i| lines[i].number))
        .run(masthead.body_start);

    let mut diagnostics = assembled.diagnostics;
    let mut paragraphs = assembled.paragraphs;
    let mut footnotes = assembled.footnotes;
    settle_hyphens(&lines, &mut paragraphs, &mut footnotes);
    let sponsor_marks: Vec<&str> = draft.iter().flat_map(|d| d.marked.iter().map(|(_, mark)| mark.as_str())).collect();
    super::marks::anchor(&mut paragraphs, &mut footnotes, &mut diagnostics, &sponsor_marks);

    let front_idx: Vec<usize> = (0..masthead.body_start)
        .filter(|i| lines[*i].drop.is_none() && !masthead.formula.contains(i))
        .collect();
    let front_texts: Vec<&str> = front_idx.iter().map(|&i| &*lines[i].text).collect();
    let closing_texts: Vec<&str> = assembled.closing.iter().map(|m| m.text.as_str()).collect();

    let symbol_lines = super::meta::symbol_lines(&lines);
    let front_symbol = symbol_lines.iter().find(|(i, _)| *i < masthead.body_start).map(|(_, s)| s.clone());
    let header_symbol = most_common(symbol_lines.iter().map(|(_, s)| s.clone()));
    let body = masthead
        .body_line
        .or_else(|| front_symbol.as_deref().map(Body::from_symbol))
        .or_else(|| front_texts.iter().find_map(|t| super::meta::body_from_name(t)))
        .or_else(|| header_symbol.as_deref().map(Body::from_symbol))
        .unwrap_or(Body::Unknown);
    let implied = masthead
        .sc_symbol
        .clone()
        .or_else(|| masthead.number.as_deref().and_then(|n| crate::symbol::resolution_symbol(body, n)));
    let stated = match masthead.kind {
        DocKind::Resolution => front_symbol.clone().filter(|s| s.contains("/RES/")).or(header_symbol.clone().filter(|s| s.contains("/RES/"))),
        _ => front_symbol.clone().or(header_symbol.clone()),
    };
    if let (Some(s), Some(i)) = (&stated, &implied)
        && s != i {
            diagnostics.push(Diagnostic {
                line: None,
                message: format!("the symbol line says {s} but the title line implies {i}; {s} is used"),
            });
        }
    let stated = draft.as_ref().and_then(|d| d.symbol.clone()).or(stated);
    let (symbol, symbol_source) = match stated.or(implied) {
        Some(s) => (s, SymbolSource::Content),
        None => (fallback_id.to_string(), SymbolSource::File),
    };

    let session = super::meta::session(&front_texts).or_else(|| {
        masthead.number.as_deref().and_then(|n| n.split('/').next()).and_then(|s| s.parse().ok()).filter(|_| body != Body::ECOSOC)
    });
    let adopted = match masthead.kind {
        DocKind::Resolution if draft.is_none() => super::meta::adopted(&closing_texts, &front_texts).or(masthead.sc_date),
        _ => None,
    };
    // A Security Council resolution names its meeting in the heading: "Adopted by the
    // Security Council at its 8514th meeting, on 23 April 2019", or in the vote: "Adopted
    // at the 1747th meeting by 14 votes to none".
    let vote_joined = assembled.vote_lines.iter().map(|m| m.text.as_str()).collect::<Vec<_>>().join("\n");
    let meeting = super::meta::meeting(&closing_texts)
        .or_else(|| super::meta::meeting(&front_texts))
        .or_else(|| super::sc::meeting(&vote_joined));

    let mandated_by = match masthead.kind {
        DocKind::Report => {
            let opening: Vec<&str> = paragraphs.iter().take(4).map(|p| p.text.as_str()).collect();
            super::meta::mandated_by(&opening, body)
        }
        _ => None,
    };
    let vote_text: Vec<&str> = assembled.vote_lines.iter().map(|m| m.text.as_str()).collect();
    // The block is read for its method, counts and countries with the other findings.
    let vote = Vote { text: (!vote_text.is_empty()).then(|| vote_text.join("\n")), ..Vote::unknown() };

    let mut formula: Vec<MetaLine> = masthead
        .formula
        .iter()
        .map(|&i| MetaLine { line: lines[i].number, text: lines[i].text.to_string() })
        .collect();
    formula.extend(assembled.closing.iter().cloned());
    let front_matter = front_idx
        .iter()
        .map(|&i| MetaLine { line: lines[i].number, text: lines[i].text.to_string() })
        .collect();
    let mut dropped: Vec<Dropped> = lines
        .iter()
        .filter_map(|l| {
            l.drop.map(|reason| Dropped { line: l.number, text: l.raw.to_string(), reason })
        })
        .collect();
    for l in &lines {
        for m in &l.markup_removed {
            dropped.push(Dropped { line: l.number, text: m.clone(), reason: DropReason::Markup });
        }
    }
    dropped.sort_by_key(|d| d.line);

    let recognisable = masthead.kind != DocKind::Other
        || symbol_source == SymbolSource::Content
        || paragraphs.iter().filter(|p| p.kind == ParagraphKind::Numbered).count() >= 2;
    if !recognisable {
        return Err(ReadError::NoStructure);
    }

    let draft_meta = draft.map(|d| {
        let mut meta = d.meta;
        let notes: Vec<(&str, &str)> = footnotes
            .iter()
            .map(|f| (f.mark.as_str(), f.text.as_str()))
            .chain(paragraphs.iter().filter_map(|p| super::drafts::note_paragraph(&p.text)))
            .collect();
        super::drafts::groups_from_footnotes(&mut meta, &d.marked, &notes);
        if d.kind == DocKind::Amendment {
            let texts: Vec<String> = paragraphs
                .iter()
                .filter(|p| super::drafts::note_paragraph(&p.text).is_none())
                .map(|p| p.full_text())
                .collect();
            let (edits, unread) = super::amendment::read_edits(&texts);
            meta.edits = edits;
            diagnostics.extend(unread);
        }
        (d.kind, meta)
    });
    let doc = Document {
        symbol,
        symbol_source,
        body,
        kind: draft_meta.as_ref().map_or(masthead.kind, |(kind, _)| *kind),
        language,
        title: masthead.title,
        session,
        agenda_item: super::meta::agenda_item(&front_texts),
        adopted,
        meeting,
        mandated_by,
        paragraphs,
        footnotes,
        vote,
        vote_lines: assembled
            .vote_lines
            .first()
            .zip(assembled.vote_lines.last())
            .map(|(first, last)| LineSpan { first: first.line, last: last.line }),
        references: Vec::new(),
        requests: Vec::new(),
        rights: Vec::new(),
        renewal: None,
        headings: assembled.headings,
        front_matter,
        formula,
        dropped,
        diagnostics,
        source,
        draft: draft_meta.map(|(_, meta)| meta),
    };
    Ok(doc)
}

fn settle_hyphens(lines: &[Line], paragraphs: &mut [Paragraph], footnotes: &mut [Footnote]) {
    use crate::reader::normalize::{hyphen_joins, resolve_line_end_hyphens, vocabulary};
    let texts = paragraphs
        .iter()
        .flat_map(|p| std::iter::once(p.text.as_str()).chain(p.items.iter().map(|i| i.text.as_str())))
        .chain(footnotes.iter().map(|f| f.text.as_str()));
    let joins = hyphen_joins(texts);
    if joins.is_empty() {
        return;
    }
    let vocab = vocabulary(lines.iter().map(|l| &*l.text), &joins);
    for p in paragraphs.iter_mut() {
        p.text = resolve_line_end_hyphens(&p.text, &vocab);
        for item in &mut p.items {
            item.text = resolve_line_end_hyphens(&item.text, &vocab);
        }
    }
    for f in footnotes.iter_mut() {
        f.text = resolve_line_end_hyphens(&f.text, &vocab);
    }
}

fn most_common(items: impl Iterator<Item = String>) -> Option<String> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for s in items {
        match counts.iter_mut().find(|(k, _)| *k == s) {
            Some((_, n)) => *n += 1,
            None => counts.push((s, 1)),
        }
    }
    counts.into_iter().max_by_key(|(_, n)| *n).map(|(s, _)| s)
}

fn find_masthead(lines: &[Line]) -> Masthead {
    let first_numbered = lines
        .iter()
        .position(|l| super::patterns::numbered(&l.text).is_some_and(|(number, _)| number == "1"))
        .unwrap_or(lines.len());
    let title_idx = lines[..first_numbered].iter().position(|l| TITLE_LINE.is_match(&l.text));
    let sc_idx = lines[..first_numbered].iter().position(|l| super::patterns::may_be_sc_title(&l.text) && SC_TITLE_LINE.is_match(&l.text));
    let search_from = title_idx.or(sc_idx).unwrap_or(0);
    let body_idx = (search_from..first_numbered.min(lines.len()))
        .find(|&i| BODY_LINE.is_match(&lines[i].text))
        .filter(|&i| title_idx.is_some() || sc_idx.is_some() || i < 60);

    if title_idx.is_some() || sc_idx.is_some() || body_idx.is_some() {
        let mut formula = Vec::new();
        let mut title = String::new();
        let mut number = None;
        let mut sc_symbol = None;
        let mut sc_date = None;
        let mut skip = None;
        let mut body_line = None;
        let mut body_idx = body_idx;
        let mut end = 0;
        if let Some(t) = title_idx {
            let c = TITLE_LINE.captures(&lines[t].text).expect("matched above");
            number = Some(c[1].to_string());
            let mut parts = vec![c[2].to_string()];
            formula.push(t);
            let mut j = t + 1;
            // An English title wraps until the blank line.
            while j < lines.len() && !lines[j].is_blank() && Some(j) != body_idx && j < first_numbered {
                parts.push(lines[j].text.to_string());
                formula.push(j);
                j += 1;
            }
            title = crate::reader::normalize::join_lines(parts.iter().map(|s| s.as_str()))
                .replace(crate::reader::normalize::SOFT_HYPHEN, "-");
            end = j;
        } else if let Some(s) = sc_idx {
            let heading = super::sc::heading(lines, s, first_numbered, body_idx);
            sc_symbol = Some(heading.symbol);
            sc_date = heading.date;
            formula.push(s);
            end = heading.body_start;
            title = heading.title;
            if heading.body_line_after_text {
                // `Whereas …` paragraphs stand between the heading and `The Security
                // Council`: they are the preamble, and the body line is skipped in place.
                skip = body_idx;
                if let Some(b) = body_idx {
                    formula.push(b);
                    let c = BODY_LINE.captures(&lines[b].text).expect("matched above");
                    body_line = super::meta::body_from_name(c.get(1).or(c.get(2)).map_or("", |m| m.as_str())).or(body_line);
                }
                body_idx = None;
            }
            body_line = body_line.or(Some(Body::SC));
        }
        if let Some(b) = body_idx {
            let c = BODY_LINE.captures(&lines[b].text).expect("matched above");
            body_line = super::meta::body_from_name(c.get(1).or(c.get(2)).map_or("", |m| m.as_str())).or(body_line);
            formula.push(b);
            end = end.max(b + 1);
        }
        if title.is_empty() && sc_symbol.is_none() {
            title = lines[..end]
                .iter()
                .rev()
                .filter(|l| !l.is_blank() && !formula.contains(&(l.number - 1)))
                .map(|l| l.text.to_string())
                .next()
                .unwrap_or_default();
        }
        return Masthead { kind: DocKind::Resolution, body_start: end, formula, title, number, body_line, sc_symbol, sc_date, skip };
    }

    // The author line ("联合国人权事务高级专员的报告") is the last "…的报告" line above the
    // summary; agenda titles above it may also end in 的报告.
    let summary = lines.iter().position(|l| SUMMARY.is_match(&l.text)).unwrap_or(first_numbered);
    let author = lines[..summary.min(first_numbered).min(lines.len())]
        .iter()
        .rposition(|l| REPORT_AUTHOR.is_match(&l.text) && l.text.chars().count() < 60);
    if let Some(a) = author {
        // The title is the indented block just above the author line.
        let start = (0..a).rev().find(|&i| lines[i].indent >= 2 && !lines[i].is_blank());
        let start = start.unwrap_or_else(|| (0..a).rev().find(|&i| !lines[i].is_blank()).unwrap_or(a));
        let formula: Vec<usize> = (start..=a).filter(|&i| !lines[i].is_blank()).collect();
        let title = crate::reader::normalize::join_lines(
            formula.iter().filter(|&&i| i != a).map(|&i| &*lines[i].text),
        )
        .replace(crate::reader::normalize::SOFT_HYPHEN, "-");
        return Masthead {
            kind: DocKind::Report,
            body_start: a + 1,
            formula,
            title,
            number: None,
            body_line: None,
            sc_symbol: None,
            sc_date: None,
            skip: None,
        };
    }
    let title = lines.iter().find(|l| !l.is_blank()).map(|l| l.text.to_string()).unwrap_or_default();
    Masthead { kind: DocKind::Other, body_start: 0, formula: Vec::new(), title, number: None, body_line: None, sc_symbol: None, sc_date: None, skip: None }
}
