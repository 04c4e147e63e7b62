//! Word (.docx) to text: the body's paragraphs, each with the number Word's automatic
//! numbering gives it (an operative paragraph's "1." is often list numbering, not text),
//! footnotes from footnotes.xml placed after the body as a text export places them, and
//! tracked changes read as accepted (insertions kept, deletions left out) and noted.
//!
//! The file is untrusted: the zip's parts are checked for size and compression ratio from
//! the central directory before anything is inflated, and inflation stops at the limit
//! whatever the directory claims; the XML is read by quick-xml, which processes no DTD and
//! expands no entity but XML's five; a part with a DTD, or nested deeper than Word ever
//! nests, is refused.

use crate::error::ReadError;
use quick_xml::events::{BytesStart, Event};
use std::collections::HashMap;
use std::io::Read;

/// The largest part inflated (a 100 MB document.xml is read; a bomb is not).
pub const MAX_PART_BYTES: u64 = 128 << 20;
/// The most a part may be compressed: Word's XML compresses about 10:1, a bomb 1000:1.
pub const MAX_RATIO: u64 = 200;
/// The deepest element nesting accepted; Word's own documents stay under 30.
pub const MAX_DEPTH: usize = 256;
/// The most entries a package may list.
pub const MAX_ENTRIES: usize = 10_000;

pub struct Extracted {
    pub text: String,
    pub notes: Vec<String>,
}

fn docx_error(reason: impl Into<String>) -> ReadError {
    ReadError::Docx { reason: reason.into() }
}

pub fn extract(bytes: &[u8]) -> Result<Extracted, ReadError> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| docx_error(format!("not a readable zip package ({e}); save it again as .docx")))?;
    if zip.len() > MAX_ENTRIES {
        return Err(docx_error(format!("{} entries in the package, more than {MAX_ENTRIES}", zip.len())));
    }
    let document = part(&mut zip, "word/document.xml")?
        .ok_or_else(|| docx_error("no word/document.xml: not a Word document (an .odt or .xlsx?)"))?;
    let numbering = part(&mut zip, "word/numbering.xml")?;
    let footnotes = part(&mut zip, "word/footnotes.xml")?;
    from_parts(&document, numbering.as_deref(), footnotes.as_deref())
}

/// The text of a Word document from its parts' XML: the body (word/document.xml), and
/// where the package has them, its list definitions and its footnotes.
pub fn from_parts(document: &str, numbering: Option<&str>, footnotes: Option<&str>) -> Result<Extracted, ReadError> {
    let numbering = match numbering {
        Some(xml) => Numbering::read(xml)?,
        None => Numbering::default(),
    };
    let footnotes = match footnotes {
        Some(xml) => read_footnotes(xml)?,
        None => HashMap::new(),
    };
    let mut body = Body::default();
    walk(document, "word/document.xml", &mut |event| body.take(event, &numbering))?;

    let mut text = String::new();
    for paragraph in &body.paragraphs {
        text.push_str(paragraph);
        text.push_str("\n\n");
    }
    if !body.cited.is_empty() {
        text.push_str("__________________\n\n");
        for (mark, id) in body.cited.iter().enumerate() {
            let note = footnotes.get(id).map(String::as_str).unwrap_or("");
            text.push_str(&format!("{}  {}\n\n", mark + 1, note));
        }
    }
    let mut notes = Vec::new();
    if body.inserted + body.deleted > 0 {
        notes.push(format!(
            "the Word file has tracked changes ({} insertions, {} deletions); they were read as accepted",
            body.inserted, body.deleted
        ));
    }
    Ok(Extracted { text, notes })
}

/// One part of the package, or `None` where it is absent. Its declared size and ratio
/// are checked before it is inflated, and no more than the limit is ever inflated.
fn part(zip: &mut zip::ZipArchive<std::io::Cursor<&[u8]>>, name: &str) -> Result<Option<String>, ReadError> {
    let file = match zip.by_name(name) {
        Ok(file) => file,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(docx_error(format!("{name}: {e}"))),
    };
    let (size, packed) = (file.size(), file.compressed_size());
    if size > MAX_PART_BYTES {
        return Err(docx_error(format!("{name} would inflate to {size} bytes, more than {MAX_PART_BYTES} (a zip bomb?)")));
    }
    if size > 1 << 20 && size > packed.saturating_mul(MAX_RATIO) {
        return Err(docx_error(format!(
            "{name} is compressed {}:1 ({packed} bytes to {size}), more than Word compresses (a zip bomb?)",
            size / packed.max(1)
        )));
    }
    let mut bytes = Vec::with_capacity(size.min(MAX_PART_BYTES) as usize);
    file.take(MAX_PART_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| docx_error(format!("{name} could not be inflated: {e}")))?;
    if bytes.len() as u64 > MAX_PART_BYTES {
        return Err(docx_error(format!("{name} inflates to more than {MAX_PART_BYTES} bytes (a zip bomb?)")));
    }
    String::from_utf8(bytes).map(Some).map_err(|_| docx_error(format!("{name} is not UTF-8 XML")))
}

/// What the walk over a part hands on: an element opened (or empty), closed, or text.
enum Node<'a> {
    Open(&'a BytesStart<'a>),
    Close(&'a [u8]),
    Text(&'a str),
}

/// Every element and text of `xml`, with the checks that make untrusted XML safe to read.
fn walk(xml: &str, name: &str, visit: &mut dyn FnMut(Node)) -> Result<(), ReadError> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut depth = 0usize;
    loop {
        match reader.read_event() {
            Ok(Event::DocType(_)) => {
                return Err(docx_error(format!("{name} declares a DTD (<!DOCTYPE>), which Word never writes; refused")));
            }
            Ok(Event::Start(e)) => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(docx_error(format!("{name} nests elements deeper than {MAX_DEPTH}; refused")));
                }
                visit(Node::Open(&e));
            }
            Ok(Event::Empty(e)) => {
                visit(Node::Open(&e));
                visit(Node::Close(e.name().as_ref()));
            }
            Ok(Event::End(e)) => {
                depth = depth.saturating_sub(1);
                visit(Node::Close(e.name().as_ref()));
            }
            Ok(Event::Text(t)) => {
                let text = t.unescape().map_err(|e| docx_error(format!("{name}: {e}")))?;
                visit(Node::Text(&text));
            }
            Ok(Event::CData(t)) => visit(Node::Text(&String::from_utf8_lossy(&t))),
            Ok(Event::Eof) => return Ok(()),
            Ok(_) => {}
            Err(e) => {
                return Err(docx_error(format!("{name} is not well-formed XML at byte {}: {e}", reader.buffer_position())));
            }
        }
    }
}

fn attr(e: &BytesStart, key: &[u8]) -> Option<String> {
    e.attributes().flatten().find(|a| a.key.as_ref() == key).map(|a| String::from_utf8_lossy(&a.value).into_owned())
}

/// The body's paragraphs as text, read event by event.
#[derive(Default)]
struct Body {
    paragraphs: Vec<String>,
    current: String,
    num: Option<(String, usize)>,
    in_text: bool,
    /// Inside w:del (deleted text, left out) or w:instrText (a field's code, not its result).
    skipping: usize,
    counters: HashMap<String, Vec<u32>>,
    /// Footnote ids in the order the body cites them; a footnote's mark is its place here.
    cited: Vec<String>,
    inserted: usize,
    deleted: usize,
}

impl Body {
    fn take(&mut self, node: Node, numbering: &Numbering) {
        match node {
            Node::Open(e) => match e.name().as_ref() {
                b"w:p" => {
                    self.current.clear();
                    self.num = None;
                }
                b"w:numId" => {
                    let level = self.num.as_ref().map_or(0, |n| n.1);
                    self.num = attr(e, b"w:val").map(|id| (id, level));
                }
                b"w:ilvl" => {
                    let level = attr(e, b"w:val").and_then(|v| v.parse().ok()).unwrap_or(0usize).min(8);
                    self.num = Some((self.num.take().map(|n| n.0).unwrap_or_default(), level));
                }
                b"w:t" => self.in_text = true,
                b"w:delText" | b"w:instrText" => self.skipping += 1,
                b"w:del" => {
                    self.deleted += 1;
                    self.skipping += 1;
                }
                b"w:ins" => self.inserted += 1,
                b"w:tab" if self.skipping == 0 => self.current.push(' '),
                b"w:br" | b"w:cr" if self.skipping == 0 => self.current.push('\n'),
                b"w:footnoteReference" if self.skipping == 0 => {
                    if let Some(id) = attr(e, b"w:id") {
                        self.cited.push(id);
                        self.current.push_str(&self.cited.len().to_string());
                    }
                }
                _ => {}
            },
            Node::Text(t) => {
                if self.in_text && self.skipping == 0 {
                    self.current.push_str(t);
                }
            }
            Node::Close(name) => match name {
                b"w:t" => self.in_text = false,
                b"w:delText" | b"w:instrText" | b"w:del" => self.skipping = self.skipping.saturating_sub(1),
                b"w:p" => {
                    let mut text = std::mem::take(&mut self.current);
                    if let Some((id, level)) = self.num.take()
                        && let Some(label) = numbering.label(&id, level, &mut self.counters)
                        && !text.trim().is_empty()
                    {
                        text = format!("{label}\t{}", text.trim_start());
                    }
                    if !text.trim().is_empty() {
                        self.paragraphs.push(text);
                    }
                }
                _ => {}
            },
        }
    }
}

/// One level of a list: how its number is written.
#[derive(Default, Clone)]
struct Level {
    start: u32,
    format: String,
    text: String,
}

/// numbering.xml: each list (w:num) points at an abstract definition of its levels.
#[derive(Default)]
struct Numbering {
    abstracts: HashMap<String, Vec<Level>>,
    nums: HashMap<String, String>,
}

impl Numbering {
    fn read(xml: &str) -> Result<Numbering, ReadError> {
        let mut numbering = Numbering::default();
        let (mut abstract_id, mut num_id): (Option<String>, Option<String>) = (None, None);
        let mut level: Option<usize> = None;
        walk(xml, "word/numbering.xml", &mut |node| match node {
            Node::Open(e) => match e.name().as_ref() {
                b"w:abstractNum" => abstract_id = attr(e, b"w:abstractNumId"),
                b"w:num" => num_id = attr(e, b"w:numId"),
                b"w:abstractNumId" => {
                    if let (Some(num), Some(val)) = (&num_id, attr(e, b"w:val")) {
                        numbering.nums.insert(num.clone(), val);
                    }
                }
                b"w:lvl" => {
                    level = attr(e, b"w:ilvl").and_then(|v| v.parse().ok()).filter(|&l: &usize| l < 9);
                    if let (Some(a), Some(l)) = (&abstract_id, level) {
                        let levels = numbering.abstracts.entry(a.clone()).or_default();
                        if levels.len() <= l {
                            levels.resize(l + 1, Level { start: 1, ..Level::default() });
                        }
                    }
                }
                name @ (b"w:start" | b"w:numFmt" | b"w:lvlText") => {
                    if let (Some(a), Some(l), Some(val)) = (&abstract_id, level, attr(e, b"w:val"))
                        && let Some(lvl) = numbering.abstracts.get_mut(a).and_then(|v| v.get_mut(l))
                    {
                        match name {
                            b"w:start" => lvl.start = val.parse().unwrap_or(1),
                            b"w:numFmt" => lvl.format = val,
                            _ => lvl.text = val,
                        }
                    }
                }
                _ => {}
            },
            Node::Close(b"w:lvl") => level = None,
            Node::Close(b"w:abstractNum") => abstract_id = None,
            Node::Close(b"w:num") => num_id = None,
            _ => {}
        })?;
        Ok(numbering)
    }

    /// The label of the next paragraph of list `num_id` at `level`, counting as Word does:
    /// a level's counter goes up, the levels below it start again.
    fn label(&self, num_id: &str, level: usize, counters: &mut HashMap<String, Vec<u32>>) -> Option<String> {
        let levels = self.abstracts.get(self.nums.get(num_id)?)?;
        let lvl = levels.get(level)?;
        if lvl.format == "bullet" || lvl.format == "none" {
            return None;
        }
        let counts = counters.entry(num_id.to_string()).or_insert_with(|| vec![0; 9]);
        counts[level] = if counts[level] == 0 { lvl.start } else { counts[level] + 1 };
        for lower in counts.iter_mut().skip(level + 1) {
            *lower = 0;
        }
        let mut label = lvl.text.clone();
        for (i, l) in levels.iter().enumerate().take(level + 1) {
            let n = if counts[i] == 0 { l.start } else { counts[i] };
            label = label.replace(&format!("%{}", i + 1), &format_number(n, &l.format));
        }
        Some(label)
    }
}

fn format_number(n: u32, format: &str) -> String {
    let letter = |upper: bool| {
        let base = if upper { b'A' } else { b'a' };
        let k = (n.max(1) - 1) as usize;
        let c = (base + (k % 26) as u8) as char;
        c.to_string().repeat(k / 26 + 1)
    };
    match format {
        "lowerLetter" => letter(false),
        "upperLetter" => letter(true),
        "lowerRoman" => roman(n).to_lowercase(),
        "upperRoman" => roman(n),
        _ => n.to_string(),
    }
}

fn roman(mut n: u32) -> String {
    const DIGITS: [(u32, &str); 13] = [
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
        (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ];
    let mut out = String::new();
    for (value, digits) in DIGITS {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

/// footnotes.xml: each footnote's text by its id (the separators Word keeps there aside).
fn read_footnotes(xml: &str) -> Result<HashMap<String, String>, ReadError> {
    let mut notes = HashMap::new();
    let mut id: Option<String> = None;
    let mut text = String::new();
    let (mut in_text, mut skipping) = (false, 0usize);
    walk(xml, "word/footnotes.xml", &mut |node| match node {
        Node::Open(e) => match e.name().as_ref() {
            b"w:footnote" => {
                let kind = attr(e, b"w:type").unwrap_or_default();
                id = attr(e, b"w:id").filter(|_| kind.is_empty() || kind == "normal");
                text.clear();
            }
            b"w:t" => in_text = true,
            b"w:delText" | b"w:instrText" | b"w:del" => skipping += 1,
            b"w:p" if !text.is_empty() => text.push(' '),
            b"w:tab" => text.push(' '),
            _ => {}
        },
        Node::Text(t) if in_text && skipping == 0 => text.push_str(t),
        Node::Text(_) => {}
        Node::Close(name) => match name {
            b"w:t" => in_text = false,
            b"w:delText" | b"w:instrText" | b"w:del" => skipping = skipping.saturating_sub(1),
            b"w:footnote" => {
                if let Some(id) = id.take() {
                    notes.insert(id, text.split_whitespace().collect::<Vec<_>>().join(" "));
                }
            }
            _ => {}
        },
    })?;
    Ok(notes)
}
