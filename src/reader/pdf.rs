//! PDF to text: poppler's `pdftotext -bbox-layout` gives every word with its box, and
//! the words are laid back into the lines and blank-line paragraph breaks of a text
//! export, which the reader then reads like any other text.
//!
//! Why pdftotext and not a pure-Rust crate: measured on the 61 official PDFs of
//! `../shared/pdf-en` against their text twins (README, "PDF and Word"). Why word boxes
//! and not pdftotext's plain text: the plain modes lose the blank line between
//! paragraphs and put footnote marks apart from the word they follow; the boxes carry
//! both (a gap wider than the line spacing; a glyph smaller and higher than its line).
//!
//! The PDF is untrusted: pdftotext reads it from its standard input (no file name can be
//! taken for an option), runs under a time limit, its output is bounded, and what it
//! says on stderr is summarised into the error.

use crate::error::ReadError;
use quick_xml::events::Event;
use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The longest pdftotext may take over one file.
pub const EXTRACT_TIME_LIMIT: Duration = Duration::from_secs(60);

/// How long pdftotext may run on one file: `EXTRACT_TIME_LIMIT`, or the seconds in
/// `LINEAGE_PDF_SECONDS` (a very large PDF on a slow machine may need more).
fn extract_time_limit() -> Duration {
    std::env::var("LINEAGE_PDF_SECONDS")
        .ok()
        .and_then(|s| s.trim().parse::<u64>().ok())
        .filter(|&s| s > 0)
        .map_or(EXTRACT_TIME_LIMIT, Duration::from_secs)
}
/// The most word-box XML read from pdftotext (about a hundred bytes a word).
pub const MAX_EXTRACT_BYTES: u64 = 512 << 20;

/// Does `bytes` look like a PDF? Its header may follow a little junk, as readers allow.
pub fn is_pdf(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    memchr::memmem::find(head, b"%PDF-").is_some()
}

/// The text of a PDF, laid out as lines with blank lines between paragraphs.
pub fn extract(bytes: &[u8]) -> Result<String, ReadError> {
    text_from_boxes(&run_pdftotext(bytes)?)
}

/// The text laid out from pdftotext's word-box XHTML (`-bbox-layout`).
pub fn text_from_boxes(xml: &str) -> Result<String, ReadError> {
    let pages = parse_boxes(xml)?;
    if pages.iter().all(|p| p.is_empty()) {
        return Err(pdf_error(
            "no text layer (a scanned image?); run OCR on it first (e.g. `ocrmypdf`) or use the document's text export",
        ));
    }
    Ok(lay_out(&pages))
}

fn pdf_error(reason: impl Into<String>) -> ReadError {
    ReadError::Pdf { reason: reason.into() }
}

/// pdftotext on `bytes`, fed through stdin, its word-box XHTML on stdout.
fn run_pdftotext(bytes: &[u8]) -> Result<String, ReadError> {
    let mut child = Command::new("pdftotext")
        .args(["-bbox-layout", "-enc", "UTF-8", "-", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => {
                pdf_error("pdftotext is not installed (Debian/Ubuntu: poppler-utils; `make deps` installs it)")
            }
            _ => pdf_error(format!("pdftotext could not be started: {e}")),
        })?;
    let mut stdin = child.stdin.take().expect("piped");
    let mut stdout = child.stdout.take().expect("piped");
    let mut stderr = child.stderr.take().expect("piped");
    std::thread::scope(|scope| {
        // pdftotext may stop reading early (a broken file): a failed write is not the error to report.
        scope.spawn(move || {
            let _ = stdin.write_all(bytes);
        });
        let out = scope.spawn(move || {
            let mut buf = Vec::new();
            let read = (&mut stdout).take(MAX_EXTRACT_BYTES + 1).read_to_end(&mut buf);
            // Whatever is left is drained so that pdftotext is not blocked on a full pipe.
            let _ = std::io::copy(&mut stdout, &mut std::io::sink());
            read.map(|_| buf)
        });
        let err = scope.spawn(move || {
            let mut buf = Vec::new();
            let _ = (&mut stderr).take(64 << 10).read_to_end(&mut buf);
            let _ = std::io::copy(&mut stderr, &mut std::io::sink());
            String::from_utf8_lossy(&buf).into_owned()
        });
        let start = Instant::now();
        let limit = extract_time_limit();
        let status = loop {
            match child.try_wait() {
                Ok(Some(status)) => break Ok(status),
                Ok(None) if start.elapsed() > limit => {
                    let _ = child.kill();
                    let _ = child.wait();
                    break Err(pdf_error(format!(
                        "pdftotext took more than {} s and was stopped (LINEAGE_PDF_SECONDS sets the limit)",
                        limit.as_secs()
                    )));
                }
                Ok(None) => std::thread::sleep(Duration::from_millis(5)),
                Err(e) => break Err(pdf_error(format!("pdftotext could not be waited for: {e}"))),
            }
        };
        let stdout = out.join().unwrap_or_else(|_| Ok(Vec::new()));
        let stderr = err.join().unwrap_or_default();
        let status = status?;
        if !status.success() {
            let said = summarise(&stderr);
            if said.to_lowercase().contains("password") || said.contains("ncrypt") {
                return Err(pdf_error(format!(
                    "encrypted (it needs a password to open: {said}); save an unprotected copy first"
                )));
            }
            let how = status.code().map_or_else(|| "was killed by a signal".to_string(), |c| format!("exited with {c}"));
            return Err(pdf_error(format!("pdftotext {how}: {said}")));
        }
        let stdout = stdout.map_err(|e| pdf_error(format!("pdftotext's output could not be read: {e}")))?;
        if stdout.len() as u64 > MAX_EXTRACT_BYTES {
            return Err(pdf_error(format!("more than {MAX_EXTRACT_BYTES} bytes of text boxes; split the PDF")));
        }
        String::from_utf8(stdout).map_err(|_| pdf_error("pdftotext's output is not UTF-8"))
    })
}

/// What an extractor said on stderr, in one line: the distinct messages, the first few.
pub fn summarise(stderr: &str) -> String {
    let mut seen: Vec<&str> = Vec::new();
    let mut lines = 0;
    for line in stderr.lines().map(str::trim).filter(|l| !l.is_empty()) {
        lines += 1;
        if !seen.contains(&line) && seen.len() < 3 {
            seen.push(line);
        }
    }
    if seen.is_empty() {
        return "no message".to_string();
    }
    let mut said: String = seen.join("; ").chars().filter(|c| !c.is_control()).take(300).collect();
    if lines > seen.len() {
        said.push_str(&format!(" (and {} more lines)", lines - seen.len()));
    }
    said
}

/// One word and its box, in points from the page's top left.
#[derive(Debug, Clone)]
struct Word {
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
    text: String,
}

/// One of pdftotext's lines: words on one baseline, in reading order.
#[derive(Debug, Clone)]
struct BoxLine {
    words: Vec<Word>,
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
}

/// The word-box XHTML of pdftotext, page by page. No DTD is read (quick-xml does not
/// process one), and only the elements that carry boxes are looked at.
fn parse_boxes(xml: &str) -> Result<Vec<Vec<BoxLine>>, ReadError> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut pages: Vec<Vec<BoxLine>> = Vec::new();
    let mut line: Option<BoxLine> = None;
    let mut word: Option<Word> = None;
    let number = |e: &quick_xml::events::BytesStart, name: &[u8]| -> f64 {
        e.attributes()
            .flatten()
            .find(|a| a.key.as_ref() == name)
            .and_then(|a| std::str::from_utf8(&a.value).ok().and_then(|v| v.parse().ok()))
            .unwrap_or(0.0)
    };
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => match e.name().as_ref() {
                b"page" => pages.push(Vec::new()),
                b"line" => line = Some(BoxLine { words: Vec::new(), x0: 0.0, y0: 0.0, x1: 0.0, y1: 0.0 }),
                b"word" => {
                    word = Some(Word {
                        x0: number(&e, b"xMin"),
                        y0: number(&e, b"yMin"),
                        x1: number(&e, b"xMax"),
                        y1: number(&e, b"yMax"),
                        text: String::new(),
                    })
                }
                _ => {}
            },
            Ok(Event::Text(t)) => {
                if let Some(w) = word.as_mut() {
                    let text = t.unescape().map_err(|e| pdf_error(format!("pdftotext's word boxes: {e}")))?;
                    w.text.push_str(&text);
                }
            }
            Ok(Event::End(e)) => match e.name().as_ref() {
                b"word" => {
                    if let (Some(w), Some(l)) = (word.take(), line.as_mut())
                        && !w.text.trim().is_empty()
                    {
                        l.words.push(w);
                    }
                }
                b"line" => {
                    if let Some(mut l) = line.take()
                        && !l.words.is_empty()
                    {
                        l.x0 = l.words.iter().map(|w| w.x0).fold(f64::INFINITY, f64::min);
                        l.x1 = l.words.iter().map(|w| w.x1).fold(f64::NEG_INFINITY, f64::max);
                        l.y0 = l.words.iter().map(|w| w.y0).fold(f64::INFINITY, f64::min);
                        l.y1 = l.words.iter().map(|w| w.y1).fold(f64::NEG_INFINITY, f64::max);
                        if let Some(page) = pages.last_mut() {
                            page.push(l);
                        }
                    }
                }
                _ => {}
            },
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => return Err(pdf_error(format!("pdftotext's word boxes could not be read: {e}"))),
        }
    }
    Ok(pages)
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x2FDF | 0x3000..=0x303F | 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
        | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFFEF | 0x20000..=0x2FFFF)
}

/// The height of the body text's glyph boxes on these pages (the commonest word height).
fn body_height(pages: &[Vec<BoxLine>]) -> f64 {
    let mut counts: std::collections::HashMap<i64, usize> = std::collections::HashMap::new();
    for w in pages.iter().flatten().flat_map(|l| &l.words) {
        *counts.entry(((w.y1 - w.y0) * 2.0).round() as i64).or_default() += w.text.chars().count();
    }
    counts.into_iter().max_by_key(|&(h, n)| (n, h)).map_or(10.0, |(h, _)| h as f64 / 2.0)
}

/// A word set smaller than its neighbours and raised: a footnote mark.
fn is_raised(w: &Word, line_y1: f64, height: f64) -> bool {
    let h = w.y1 - w.y0;
    h < 0.8 * height && w.y1 < line_y1 - 0.2 * height && w.text.chars().count() <= 3
}

/// Join the words of a row: a space between words, none between two CJK characters,
/// a raised mark glued to the word before it (`1925,1`) as the text exports print it.
fn join_words(words: &[&Word], height: f64) -> String {
    let line_y1 = words.iter().map(|w| w.y1).fold(f64::NEG_INFINITY, f64::max);
    let mut text = String::new();
    let mut last_x1 = f64::NEG_INFINITY;
    for w in words {
        let raised = is_raised(w, line_y1, height);
        if let (Some(prev), Some(next)) = (text.chars().last(), w.text.chars().next()) {
            // Words that touch were split by the PDF's kerning, not by a space
            // ("A" and "/C.2/80/L.5" set in two sizes).
            let touching = w.x0 - last_x1 < 0.12 * height;
            let glue = touching || (raised && w.x0 - last_x1 < 0.5 * height) || (is_cjk(prev) && is_cjk(next));
            if !glue {
                text.push(' ');
            }
        }
        text.push_str(&w.text);
        last_x1 = w.x1;
    }
    text
}

/// Rows from pdftotext's lines: lines on one baseline side by side are one row (the
/// paragraph number and its text, a footnote mark and its note), unless a wide gap
/// parts them (the masthead's "United Nations" and the symbol at the right margin).
fn rows(page: &[BoxLine], height: f64) -> Vec<Vec<BoxLine>> {
    let mut lines: Vec<&BoxLine> = page.iter().collect();
    lines.sort_by(|a, b| a.y1.total_cmp(&b.y1).then(a.x0.total_cmp(&b.x0)));
    let mut rows: Vec<Vec<BoxLine>> = Vec::new();
    for line in lines {
        let small = line.y1 - line.y0 < 0.8 * height;
        let joins = rows.last().is_some_and(|row: &Vec<BoxLine>| {
            let last = row.last().expect("rows are never empty");
            let row_y0 = row.iter().map(|l| l.y0).fold(f64::INFINITY, f64::min);
            let row_y1 = row.iter().map(|l| l.y1).fold(f64::NEG_INFINITY, f64::max);
            let same_baseline = (line.y1 - row_y1).abs() < 0.25 * height;
            // A mark set above the baseline of the row it belongs to.
            let mark_of_row = small && line.y0 >= row_y0 - 0.3 * height && line.y1 <= row_y1 + 0.1 * height;
            let near = line.x0 - last.x1 < 4.0 * height;
            (same_baseline || mark_of_row) && near && line.x0 >= last.x0
        });
        match rows.last_mut() {
            Some(row) if joins => row.push(line.clone()),
            _ => rows.push(vec![line.clone()]),
        }
    }
    // A footnote mark whose note starts on the row just below it (set higher than the
    // note's first line) is put in front of the note.
    let mut merged: Vec<Vec<BoxLine>> = Vec::new();
    for row in rows {
        if let Some(prev) = merged.last()
            && prev.len() == 1
            && prev[0].words.len() == 1
            && prev[0].y1 - prev[0].y0 < 0.8 * height
            && prev[0].words[0].text.chars().all(|c| c.is_ascii_alphanumeric() || c == '*')
            && row[0].x0 > prev[0].x1
            && row[0].x0 - prev[0].x1 < 2.0 * height
            && row[0].y0 - prev[0].y0 < 0.6 * height
        {
            let mut joined = merged.pop().expect("checked");
            joined.extend(row);
            merged.push(joined);
            continue;
        }
        merged.push(row);
    }
    merged
}

/// The pages as text: a row a line, a blank line where the gap above a row is wider
/// than the line spacing, and between pages.
fn lay_out(pages: &[Vec<BoxLine>]) -> String {
    let height = body_height(pages);
    let mut out = String::new();
    for page in pages {
        let mut last_y1: Option<f64> = None;
        for row in rows(page, height) {
            let y0 = row.iter().map(|l| l.y0).fold(f64::INFINITY, f64::min);
            let y1 = row.iter().map(|l| l.y1).fold(f64::NEG_INFINITY, f64::max);
            if let Some(prev) = last_y1
                && y0 - prev > 0.4 * height
            {
                out.push('\n');
            }
            let words: Vec<&Word> = row.iter().flat_map(|l| &l.words).collect();
            out.push_str(&join_words(&words, height));
            out.push('\n');
            last_y1 = Some(y1);
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stderr_is_summarised_in_one_line() {
        let said = summarise("Syntax Error: a\nSyntax Error: a\nSyntax Error: b\n\nc\nd\ne\n");
        assert_eq!(said, "Syntax Error: a; Syntax Error: b; c (and 3 more lines)");
        assert_eq!(summarise(""), "no message");
    }

    #[test]
    fn words_are_laid_out_in_rows_with_marks_glued_and_paragraph_gaps() {
        let xml = r#"<html><body><doc><page width="612" height="792">
          <flow><block><line><word xMin="147" yMin="100" xMax="155" yMax="111">1.</word></line></block></flow>
          <flow><block><line><word xMin="171" yMin="100" xMax="200" yMax="111">Takes</word>
            <word xMin="203" yMin="100" xMax="230" yMax="111">note;</word>
            <word xMin="231" yMin="100" xMax="234" yMax="105">2</word></line>
            <line><word xMin="123" yMin="112" xMax="160" yMax="123">of&amp;it</word></line></block></flow>
          <flow><block><line><word xMin="147" yMin="131" xMax="200" yMax="142">人权</word>
            <word xMin="200" yMin="131" xMax="230" yMax="142">理事会</word></line></block></flow>
        </page></doc></body></html>"#;
        let pages = parse_boxes(xml).unwrap();
        assert_eq!(lay_out(&pages), "1. Takes note;2\nof&it\n\n人权理事会\n\n");
    }
}
