//! Word output: the compilation text delegations circulate (B's text with Word tracked
//! changes against A) and the next draft as a Word file.
//!
//! The package is written with the zip crate and its XML with quick-xml's writer, which
//! escapes every text and attribute: document text (`<script>`, `]]>`, a Word field code
//! typed as text) only ever lands in `w:t`/`w:delText` as characters, never as markup, a
//! field or a macro. Characters XML 1.0 cannot hold are left out.
//!
//! Each paragraph of the documents is one Word paragraph per line (the paragraph, then
//! each item), in a style of its own (`LineageText`), so that a reader of the file can
//! tell the compared text from the title block and the summary. Accepting every change
//! gives B's paragraphs, rejecting every change A's: insertions and deletions are the
//! diff's own redline runs, a paragraph added or removed has its paragraph mark tracked
//! too, and a moved paragraph is a deletion where A had it and an insertion where B has
//! it, with a comment saying so.

use crate::diff::inline::{self, InlineOp, Op};
use crate::diff::{DocumentDiff, Status};
use crate::error::Error;
use crate::model::{Document, Paragraph, ParagraphKind};
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use std::io::Write;

/// The author Word shows for every tracked change.
pub const AUTHOR: &str = "lineage";
/// The paragraph style of the compared text.
pub const TEXT_STYLE: &str = "LineageText";

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

fn output_error(e: impl std::fmt::Display) -> Error {
    Error::Output(format!("the Word file could not be written: {e}"))
}

/// Text as XML 1.0 may hold it: control characters other than tab and line breaks dropped.
fn xml_safe(text: &str) -> String {
    text.chars()
        .filter(|&c| matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{FFFE}' && c != '\u{FFFF}'))
        .collect()
}

/// The lines of a paragraph as the compilation prints them: the operative number in
/// front of the text (`3. Requests …`), then each item on a line of its own.
pub fn paragraph_text(p: &Paragraph) -> String {
    let text = p.full_text();
    match p.kind {
        ParagraphKind::Operative => format!("{}. {text}", p.printed_number.clone().unwrap_or_else(|| p.number.to_string())),
        _ => text,
    }
}

/// One Word paragraph being written: its runs, tracked or not.
struct Para {
    runs: Vec<InlineOp>,
    /// The whole paragraph (its mark too) was inserted or deleted.
    mark: Option<Op>,
    style: &'static str,
    comment: Option<String>,
}

struct Doc {
    w: Writer<Vec<u8>>,
    date: String,
    next_id: usize,
    comments: Vec<(usize, String)>,
}

impl Doc {
    fn new(date: &str) -> Result<Doc, Error> {
        let mut w = Writer::new(Vec::new());
        w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), Some("yes")))).map_err(output_error)?;
        let mut root = BytesStart::new("w:document");
        root.push_attribute(("xmlns:w", W_NS));
        w.write_event(Event::Start(root)).map_err(output_error)?;
        w.write_event(Event::Start(BytesStart::new("w:body"))).map_err(output_error)?;
        Ok(Doc { w, date: format!("{date}T00:00:00Z"), next_id: 1, comments: Vec::new() })
    }

    fn start(&mut self, name: &str, attrs: &[(&str, &str)]) -> Result<(), Error> {
        let mut e = BytesStart::new(name);
        for a in attrs {
            e.push_attribute(*a);
        }
        self.w.write_event(Event::Start(e)).map_err(output_error)
    }

    fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) -> Result<(), Error> {
        let mut e = BytesStart::new(name);
        for a in attrs {
            e.push_attribute(*a);
        }
        self.w.write_event(Event::Empty(e)).map_err(output_error)
    }

    fn end(&mut self, name: &str) -> Result<(), Error> {
        self.w.write_event(Event::End(BytesEnd::new(name))).map_err(output_error)
    }

    fn text(&mut self, tag: &str, text: &str) -> Result<(), Error> {
        self.start(tag, &[("xml:space", "preserve")])?;
        self.w.write_event(Event::Text(BytesText::new(&xml_safe(text)))).map_err(output_error)?;
        self.end(tag)
    }

    fn change_attrs(&mut self) -> (String, String) {
        let id = self.next_id;
        self.next_id += 1;
        (id.to_string(), self.date.clone())
    }

    fn paragraph(&mut self, p: &Para) -> Result<(), Error> {
        self.start("w:p", &[])?;
        self.start("w:pPr", &[])?;
        self.empty("w:pStyle", &[("w:val", p.style)])?;
        if let Some(op) = p.mark {
            let (id, date) = self.change_attrs();
            self.start("w:rPr", &[])?;
            let tag = if op == Op::Insert { "w:ins" } else { "w:del" };
            self.empty(tag, &[("w:id", &id), ("w:author", AUTHOR), ("w:date", &date)])?;
            self.end("w:rPr")?;
        }
        self.end("w:pPr")?;
        let comment = p.comment.as_ref().map(|c| {
            let id = self.next_id;
            self.next_id += 1;
            self.comments.push((id, c.clone()));
            id.to_string()
        });
        if let Some(id) = &comment {
            self.empty("w:commentRangeStart", &[("w:id", id)])?;
        }
        for run in &p.runs {
            if run.text.is_empty() {
                continue;
            }
            match run.op {
                Op::Equal => {
                    self.start("w:r", &[])?;
                    self.text("w:t", &run.text)?;
                    self.end("w:r")?;
                }
                Op::Insert | Op::Delete => {
                    let (id, date) = self.change_attrs();
                    let (tag, text_tag) = if run.op == Op::Insert { ("w:ins", "w:t") } else { ("w:del", "w:delText") };
                    self.start(tag, &[("w:id", &id), ("w:author", AUTHOR), ("w:date", &date)])?;
                    self.start("w:r", &[])?;
                    self.text(text_tag, &run.text)?;
                    self.end("w:r")?;
                    self.end(tag)?;
                }
            }
        }
        if let Some(id) = &comment {
            self.empty("w:commentRangeEnd", &[("w:id", id)])?;
            self.start("w:r", &[])?;
            self.empty("w:commentReference", &[("w:id", id)])?;
            self.end("w:r")?;
        }
        self.end("w:p")
    }

    fn plain(&mut self, style: &'static str, text: &str) -> Result<(), Error> {
        self.paragraph(&Para { runs: vec![InlineOp::new(Op::Equal, text)], mark: None, style, comment: None })
    }

    /// The package: content types, relationships, styles, comments and the document.
    fn finish(mut self) -> Result<Vec<u8>, Error> {
        self.end("w:body")?;
        self.end("w:document")?;
        let document = self.w.into_inner();
        let comments = comments_xml(&self.comments, &self.date)?;
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        let parts: [(&str, &[u8]); 6] = [
            ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
            ("_rels/.rels", ROOT_RELS.as_bytes()),
            ("word/_rels/document.xml.rels", DOCUMENT_RELS.as_bytes()),
            ("word/styles.xml", STYLES.as_bytes()),
            ("word/comments.xml", &comments),
            ("word/document.xml", &document),
        ];
        for (name, bytes) in parts {
            zip.start_file(name, options).map_err(output_error)?;
            zip.write_all(bytes).map_err(output_error)?;
        }
        Ok(zip.finish().map_err(output_error)?.into_inner())
    }
}

fn comments_xml(comments: &[(usize, String)], date: &str) -> Result<Vec<u8>, Error> {
    let mut w = Writer::new(Vec::new());
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), Some("yes")))).map_err(output_error)?;
    let mut root = BytesStart::new("w:comments");
    root.push_attribute(("xmlns:w", W_NS));
    w.write_event(Event::Start(root)).map_err(output_error)?;
    for (id, text) in comments {
        let mut c = BytesStart::new("w:comment");
        let id = id.to_string();
        c.push_attribute(("w:id", id.as_str()));
        c.push_attribute(("w:author", AUTHOR));
        c.push_attribute(("w:date", date));
        c.push_attribute(("w:initials", "L"));
        w.write_event(Event::Start(c)).map_err(output_error)?;
        for tag in ["w:p", "w:r"] {
            w.write_event(Event::Start(BytesStart::new(tag))).map_err(output_error)?;
        }
        let mut t = BytesStart::new("w:t");
        t.push_attribute(("xml:space", "preserve"));
        w.write_event(Event::Start(t)).map_err(output_error)?;
        w.write_event(Event::Text(BytesText::new(&xml_safe(text)))).map_err(output_error)?;
        for tag in ["w:t", "w:r", "w:p", "w:comment"] {
            w.write_event(Event::End(BytesEnd::new(tag))).map_err(output_error)?;
        }
    }
    w.write_event(Event::End(BytesEnd::new("w:comments"))).map_err(output_error)?;
    Ok(w.into_inner())
}

/// Where a Word paragraph of the compilation stands: in A's order, B's order, or both.
struct Entry {
    a: Option<usize>,
    b: Option<usize>,
    paras: Vec<Para>,
}

/// The redline of one pair of paragraphs split into lines, the operative numbers in
/// front. The diff's own runs are used where they spell both texts exactly.
fn pair_lines(pair: &crate::diff::ParagraphPair, old: Option<&Paragraph>, new: Option<&Paragraph>) -> Vec<Vec<InlineOp>> {
    let old_text = old.map(|p| p.full_text()).unwrap_or_default();
    let new_text = new.map(|p| p.full_text()).unwrap_or_default();
    let ops = if !pair.inline.is_empty() && inline::old_text(&pair.inline) == old_text && inline::new_text(&pair.inline) == new_text {
        pair.inline.clone()
    } else if old_text == new_text {
        vec![InlineOp::new(Op::Equal, old_text)]
    } else {
        // The diff's runs spell a normalised text (full-width and ASCII commas alike); a
        // tracked change must give each side's text exactly, so the redline is made again
        // on the exact texts, and where even that does not add up, struck and rewritten.
        let exact = inline::redline(&old_text, &new_text, true, std::time::Duration::from_millis(200)).ops;
        if inline::old_text(&exact) == old_text && inline::new_text(&exact) == new_text {
            exact
        } else {
            inline::whole(&old_text, &new_text)
        }
    };
    let mut lines = inline::lines(&ops);
    let label = |p: Option<&Paragraph>| {
        p.filter(|p| p.kind == ParagraphKind::Operative)
            .map(|p| format!("{}. ", p.printed_number.clone().unwrap_or_else(|| p.number.to_string())))
            .unwrap_or_default()
    };
    let (old_label, new_label) = (label(old), label(new));
    let mut head = Vec::new();
    if old_label == new_label {
        inline::append(&mut head, Op::Equal, &old_label);
    } else {
        inline::append(&mut head, Op::Delete, &old_label);
        inline::append(&mut head, Op::Insert, &new_label);
    }
    if let Some(first) = lines.first_mut() {
        head.append(first);
        *first = head;
    }
    lines
}

fn side_only(lines: Vec<Vec<InlineOp>>, op: Op) -> Vec<Para> {
    lines
        .into_iter()
        .map(|line| {
            let text: String = line.iter().filter(|o| o.op == Op::Equal || o.op == op).map(|o| o.text.as_str()).collect();
            Para { runs: vec![InlineOp::new(op, text)], mark: Some(op), style: TEXT_STYLE, comment: None }
        })
        .collect()
}

/// `lineage diff A B --format docx`: the compilation text as a Word file, dated `date`
/// (YYYY-MM-DD) on every change.
pub fn diff(d: &DocumentDiff, old: &Document, new: &Document, date: &str) -> Result<Vec<u8>, Error> {
    let index = |doc: &Document, id: &Option<String>| id.as_ref().and_then(|id| doc.paragraphs.iter().position(|p| &p.id == id));
    let mut entries: Vec<Entry> = Vec::new();
    let mut moved: Vec<Entry> = Vec::new();
    for pair in &d.paragraphs {
        let (a, b) = (index(old, &pair.from), index(new, &pair.to));
        let (op, np) = (a.map(|i| &old.paragraphs[i]), b.map(|i| &new.paragraphs[i]));
        let lines = pair_lines(pair, op, np);
        match (a, b) {
            (Some(_), Some(_)) if pair.status == Status::Moved => {
                let note = format!(
                    "Moved: {} of {} is {} of {} here.",
                    pair.from.as_deref().unwrap_or("?"),
                    d.from,
                    pair.to.as_deref().unwrap_or("?"),
                    d.to
                );
                moved.push(Entry { a, b: None, paras: side_only(lines.clone(), Op::Delete) });
                let mut inserted = side_only(lines, Op::Insert);
                if let Some(first) = inserted.first_mut() {
                    first.comment = Some(note);
                }
                moved.push(Entry { a: None, b, paras: inserted });
            }
            (Some(_), Some(_)) => entries.push(Entry {
                a,
                b,
                paras: lines.into_iter().map(|runs| Para { runs, mark: None, style: TEXT_STYLE, comment: None }).collect(),
            }),
            (Some(_), None) => entries.push(Entry { a, b, paras: side_only(lines, Op::Delete) }),
            (None, Some(_)) => entries.push(Entry { a, b, paras: side_only(lines, Op::Insert) }),
            (None, None) => {}
        }
    }
    // A moved paragraph's deletion goes where A had it, its insertion where B has it.
    for entry in moved {
        let at = entries
            .iter()
            .position(|e| match (entry.a, entry.b) {
                (Some(a), _) => e.a.is_some_and(|x| x > a),
                (_, Some(b)) => e.b.is_some_and(|x| x > b),
                _ => false,
            })
            .unwrap_or(entries.len());
        entries.insert(at, entry);
    }

    let mut doc = Doc::new(date)?;
    doc.plain("Title", &new.title)?;
    doc.plain("Subtitle", &format!("Compilation text: {} → {}", d.from, d.to))?;
    let adopted = |x: &Document| x.adopted.map_or_else(|| "date not stated".to_string(), |d| d.to_string());
    doc.plain("Subtitle", &format!("{} ({}) → {} ({}); changes tracked by lineage on {date}", d.from, adopted(old), d.to, adopted(new)))?;
    doc.plain("Heading1", "Summary")?;
    let c = &d.summary.counts;
    doc.plain(
        "Normal",
        &format!(
            "{} paragraphs unchanged, {} modified, {} moved, {} added, {} removed.",
            c.unchanged, c.modified, c.moved, c.added, c.removed
        ),
    )?;
    // The same sentences as every other format: rights by name, requests, the vote and
    // the States that moved, references.
    if let Some(s) = &d.summary.substance {
        for line in super::summary_prose::lines(s, d) {
            doc.plain("Normal", &super::summary_prose::plain(&line))?;
        }
    }
    for note in &d.notes {
        doc.plain("Normal", note)?;
    }
    doc.plain("Heading1", "Text")?;
    for entry in &entries {
        for p in &entry.paras {
            doc.paragraph(p)?;
        }
    }
    doc.finish()
}

/// `lineage draft --format docx`: the next draft as a Word file, the drafters' notes as
/// comments on their paragraphs.
pub fn draft(d: &crate::draft::Draft, date: &str) -> Result<Vec<u8>, Error> {
    let mut doc = Doc::new(date)?;
    doc.plain("Title", &d.title)?;
    doc.plain("Subtitle", &format!("Next draft after {}, prepared by lineage on {date}", d.after))?;
    for note in &d.attention {
        doc.plain("Normal", note)?;
    }
    doc.plain("Heading1", "Text")?;
    let mut operative = 0;
    for p in &d.paragraphs {
        let text = if p.kind == ParagraphKind::Operative {
            operative += 1;
            format!("{operative}. {}", p.text)
        } else {
            p.text.clone()
        };
        let comment = (!p.notes.is_empty()).then(|| p.notes.join(" "));
        doc.paragraph(&Para { runs: vec![InlineOp::new(Op::Equal, text)], mark: None, style: TEXT_STYLE, comment })?;
        for (label, item) in &p.items {
            doc.plain(TEXT_STYLE, &format!("({label}) {item}"))?;
        }
    }
    doc.finish()
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>"#;

const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

const DOCUMENT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>"#;

const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="SimSun"/><w:sz w:val="24"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:b/><w:sz w:val="32"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:i/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:before="240"/></w:pPr><w:rPr><w:b/><w:sz w:val="28"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="LineageText"><w:name w:val="Lineage Text"/><w:basedOn w:val="Normal"/><w:pPr><w:ind w:firstLine="720"/><w:jc w:val="both"/></w:pPr></w:style></w:styles>"#;
