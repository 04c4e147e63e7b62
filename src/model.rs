//! The document model: small value types shared by every stage.
//!
//! These types are the wire format of `show --format json` as well (field names follow
//! the interface contract), so renaming a field here is an interface change.

use serde::{Deserialize, Serialize};

/// Which UN organ adopted or issued a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Body {
    /// Human Rights Council (A/HRC/…), from 2006.
    HRC,
    /// General Assembly (A/…).
    GA,
    /// Security Council (S/…).
    SC,
    /// Economic and Social Council (E/…).
    ECOSOC,
    /// Commission on Human Rights (E/CN.4/…), the Council's predecessor until 2006.
    CHR,
    /// Not stated and not inferable.
    Unknown,
}

impl Body {
    /// The organ a symbol belongs to: `A/HRC/…` HRC, `A/…` GA, `S/…` SC, `E/CN.4/…`
    /// the Commission on Human Rights, `E/…` ECOSOC.
    pub fn from_symbol(symbol: &str) -> Body {
        if symbol.starts_with("A/HRC/") {
            Body::HRC
        } else if symbol.starts_with("A/") {
            Body::GA
        } else if symbol.starts_with("S/") {
            Body::SC
        } else if symbol.starts_with("E/CN.4/") {
            Body::CHR
        } else if symbol.starts_with("E/") {
            Body::ECOSOC
        } else {
            Body::Unknown
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Body::HRC => "HRC",
            Body::GA => "GA",
            Body::SC => "SC",
            Body::ECOSOC => "ECOSOC",
            Body::CHR => "CHR",
            Body::Unknown => "Unknown",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocKind {
    Resolution,
    Report,
    /// A draft resolution or decision (an L-document, a 决议草案), revisions included.
    Draft,
    /// Amendments to a draft, tabled as their own L-document.
    Amendment,
    Other,
}

impl DocKind {
    pub fn as_str(self) -> &'static str {
        match self {
            DocKind::Resolution => "resolution",
            DocKind::Report => "report",
            DocKind::Draft => "draft",
            DocKind::Amendment => "amendment",
            DocKind::Other => "other",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
pub enum Language {
    Zh,
    En,
}

impl Language {
    pub fn as_str(self) -> &'static str {
        match self {
            Language::Zh => "zh",
            Language::En => "en",
        }
    }
}

/// Where the document's identifier came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SymbolSource {
    /// Stated by the text itself (symbol line, `47/23.` title line, page header).
    Content,
    /// The text states none; the ID is derived from the file name.
    File,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ParagraphKind {
    /// Resolution preamble ("Recalling…", "回顾…"): ids PP1…n.
    Preambular,
    /// Resolution operative part ("1. Decides…"): ids OP1…n.
    Operative,
    /// A report's numbered paragraph: ids P1…n.
    Numbered,
    /// Unnumbered running text (a report's summary, an annex heading line): ids U1…n.
    Unnumbered,
}

/// A 1-based, inclusive range of lines of the decoded input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineSpan {
    pub first: usize,
    pub last: usize,
}

impl LineSpan {
    pub fn single(line: usize) -> Self {
        LineSpan { first: line, last: line }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Item {
    pub label: String,
    pub text: String,
    /// Footnote marks cited inside this item, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub footnote_marks: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lines: Option<LineSpan>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Paragraph {
    /// `PP3`, `OP5`, `P12` (report), `U1` (unnumbered).
    pub id: String,
    pub kind: ParagraphKind,
    pub number: u32,
    /// The paragraph's text, normalised, without its number and without its items.
    pub text: String,
    pub items: Vec<Item>,
    /// Footnote marks cited in `text`, in order of appearance.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub footnote_marks: Vec<String>,
    /// The heading of the section this paragraph stands in (reports, annexes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// The paragraph's own number as printed, where it differs from `number` (annexes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub printed_number: Option<String>,
    pub lines: LineSpan,
}

impl Paragraph {
    /// The paragraph's text with its items appended, as one string (for search and diff).
    pub fn full_text(&self) -> String {
        let mut s = self.text.clone();
        for item in &self.items {
            s.push('\n');
            s.push('(');
            s.push_str(&item.label);
            s.push_str(") ");
            s.push_str(&item.text);
        }
        s
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Footnote {
    pub mark: String,
    pub text: String,
    /// The paragraph (or item's paragraph) whose text cites this mark; `None` where no
    /// citing mark was found in the text.
    pub paragraph: Option<String>,
    pub lines: LineSpan,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VoteMethod {
    Recorded,
    WithoutVote,
    Unknown,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Vote {
    pub method: VoteMethod,
    pub yes: Option<u32>,
    pub no: Option<u32>,
    pub abstain: Option<u32>,
    pub in_favour: Vec<String>,
    pub against: Vec<String>,
    pub abstaining: Vec<String>,
    /// Country names in the lists that the gazetteer could not resolve, kept verbatim.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unresolved: Vec<String>,
    /// The voting block as printed (normalised), for the reader to check.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

impl Vote {
    pub fn unknown() -> Self {
        Vote {
            method: VoteMethod::Unknown,
            yes: None,
            no: None,
            abstain: None,
            in_favour: Vec::new(),
            against: Vec::new(),
            abstaining: Vec::new(),
            unresolved: Vec::new(),
            text: None,
        }
    }
}

/// What a reference points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReferenceKind {
    /// A resolution (`A/HRC/RES/41/11`, `S/RES/2467 (2019)`).
    Resolution,
    /// Any other document with a symbol: a report (`A/HRC/47/52`), a note, an addendum.
    Document,
}

/// One citation of another resolution or document, with what the citing text says of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reference {
    /// Full symbol of the cited text.
    pub target: String,
    pub body: Body,
    pub kind: ReferenceKind,
    /// The adoption date the citing text gives (`2019-07-11`).
    pub date: Option<String>,
    /// The subject the citing text gives (`关于…的`, `on …`, `entitled “…”`).
    pub title: Option<String>,
    /// `PP4`, `OP3`, or `FN1` for footnote 1.
    pub paragraph: String,
    /// The item of the paragraph that holds the citation (`a`), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    /// The paragraph's opening verb as written (`又回顾`, `Recalling also`, `Takes note of`).
    pub verb: Option<String>,
}

/// Why a line of the input is not part of the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DropReason {
    /// Empty or whitespace-only line.
    Blank,
    /// A running page header or footer: job number (`GE.23-13988`), page number, the
    /// document's own symbol or short title repeated on every page, `Distr.` lines, barcodes.
    PageFurniture,
    /// A footnote separator rule (`__________________`).
    FootnoteRule,
    /// A bare URL line left behind by a PDF's link layer.
    LinkResidue,
    /// Markup taken out of a line (markdown emphasis, link targets, escapes): the text
    /// it wrapped is kept.
    Markup,
}

impl DropReason {
    pub fn as_str(self) -> &'static str {
        match self {
            DropReason::Blank => "blank",
            DropReason::PageFurniture => "page_furniture",
            DropReason::FootnoteRule => "footnote_rule",
            DropReason::LinkResidue => "link_residue",
            DropReason::Markup => "markup",
        }
    }
}

/// One line, or part of a line, of the input that is not in the model, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dropped {
    pub line: usize,
    pub text: String,
    pub reason: DropReason,
}

/// A finding about the text that the reader could not settle and did not guess.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Diagnostic {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    pub message: String,
}

/// A section heading of a report or an annex (`一. 导言`, `Annex`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Heading {
    pub text: String,
    pub lines: LineSpan,
}

/// A line of the masthead or the closing formula, kept verbatim: the metadata fields are
/// read from these, and they are part of the document's account.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MetaLine {
    pub line: usize,
    pub text: String,
}

/// Where the document came from and how it was read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub path: String,
    pub encoding: String,
    pub lines: usize,
}

/// One document of the corpus, as read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub symbol: String,
    pub symbol_source: SymbolSource,
    pub body: Body,
    pub kind: DocKind,
    pub language: Language,
    pub title: String,
    pub session: Option<u32>,
    pub agenda_item: Option<String>,
    pub adopted: Option<String>,
    pub meeting: Option<u32>,
    /// For a report: the resolution that requested it, as the report states.
    pub mandated_by: Option<String>,
    pub paragraphs: Vec<Paragraph>,
    pub footnotes: Vec<Footnote>,
    pub vote: Vote,
    /// The input lines the voting block stands on, so that they are part of the account.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vote_lines: Option<LineSpan>,
    /// Every resolution and document this text cites, in text order (paragraphs, then
    /// footnotes); the document's own symbol is not a reference.
    pub references: Vec<Reference>,
    /// The requests of the operative paragraphs (`classify::requests`).
    #[serde(default)]
    pub requests: Vec<crate::classify::requests::Request>,
    /// The rights the text names (`classify::rights`).
    #[serde(default)]
    pub rights: Vec<crate::classify::rights::RightFinding>,
    pub headings: Vec<Heading>,
    /// Masthead lines before the title (body, session, agenda, Distr., symbol line).
    pub front_matter: Vec<MetaLine>,
    /// The title line(s), the body line ("人权理事会，") and the closing date/meeting lines.
    pub formula: Vec<MetaLine>,
    pub dropped: Vec<Dropped>,
    pub diagnostics: Vec<Diagnostic>,
    pub source: Source,
    /// For a draft or an amendment: who tabled it, where, and what it revises or amends.
    #[serde(flatten, default, skip_serializing_if = "Option::is_none")]
    pub draft: Option<DraftMeta>,
}

/// Whether a draft would become a resolution or a decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DraftForm {
    Resolution,
    Decision,
}

/// A sponsor who tabled the text on behalf of a group ("Uganda (on behalf of the Group
/// of African States)", "Denmark:*" with the footnote "On behalf of … the European Union").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SponsorGroup {
    /// The sponsor as it stands in `sponsors` (ISO3 for a State).
    pub sponsor: String,
    pub on_behalf_of: String,
}

/// What the masthead of a draft or an amendment says beyond a resolution's metadata.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DraftMeta {
    /// ISO3 for States, in printed order; other sponsors (a Chair, a Vice-Chair) by name.
    pub sponsors: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sponsor_groups: Vec<SponsorGroup>,
    /// `Third Committee`, `Special Political and Decolonization Committee`; `null` for a
    /// plenary or Council draft.
    pub committee: Option<String>,
    /// The date under `Distr.: Limited`, ISO.
    pub distributed: Option<String>,
    pub form: DraftForm,
    /// For an amendment: the draft it amends (`A/C.3/80/L.20/Rev.1`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amends: Option<String>,
    /// For a revision (`…/Rev.1`): the text it revises.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revises: Option<String>,
    /// For an officer's text "on the basis of informal consultations on draft resolution
    /// A/C.2/80/L.9": the draft it takes the place of.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub based_on: Option<String>,
    /// For an amendment: its instructions read as edits, in printed order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub edits: Vec<AmendmentEdit>,
}

/// One instruction of an amendment, as printed and as read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AmendmentEdit {
    /// The instruction as printed ("In operative paragraph 5, replace “X” with “Y”.").
    pub instruction: String,
    #[serde(flatten)]
    pub action: EditAction,
}

/// What an amendment does to the draft. Paragraphs are named by their ids in the draft
/// (`PP14`, `OP5`), whatever the edits before them do to the numbering.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum EditAction {
    /// "In operative paragraph 5, replace “X” with “Y”."
    ReplaceText { paragraph: String, find: String, text: String },
    /// "In operative paragraph 64, after “X” insert “Y”." (`before` for "before “X”").
    InsertText { paragraph: String, anchor: TextAnchor, text: String },
    /// "In operative paragraph 2, delete “X”."
    DeleteText { paragraph: String, find: String },
    /// "Delete the fifteenth preambular paragraph."
    DeleteParagraph { paragraph: String },
    /// "After operative paragraph 3, insert a new operative paragraph, reading: …"
    InsertParagraph { kind: ParagraphKind, after: Option<String>, before: Option<String>, text: String },
    /// "Replace operative paragraph 5 with the following: …"
    ReplaceParagraph { paragraph: String, text: String },
    /// An instruction the reader could not read; kept, never guessed.
    Unread,
}

/// Where an inserted phrase goes in its paragraph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TextAnchor {
    After(String),
    Before(String),
    AtEnd,
}

impl Document {
    pub fn preambular(&self) -> impl Iterator<Item = &Paragraph> {
        self.paragraphs.iter().filter(|p| p.kind == ParagraphKind::Preambular)
    }

    pub fn operative(&self) -> impl Iterator<Item = &Paragraph> {
        self.paragraphs.iter().filter(|p| p.kind == ParagraphKind::Operative)
    }

    pub fn paragraph(&self, id: &str) -> Option<&Paragraph> {
        self.paragraphs.iter().find(|p| p.id == id)
    }

    /// The input lines (1-based) that no part of the model holds and the account does
    /// not list as dropped: empty for every document the reader returns, since nothing
    /// may be silently lost. A line counts as held when it falls in the span of a
    /// paragraph, item, footnote, heading or the voting block, or is a masthead or
    /// formula line.
    pub fn unaccounted_lines(&self) -> Vec<usize> {
        let mut held = vec![false; self.source.lines + 1];
        let mut hold = |span: LineSpan| {
            let last = span.last.min(self.source.lines);
            if span.first <= last {
                held[span.first..=last].fill(true);
            }
        };
        for p in &self.paragraphs {
            hold(p.lines);
            p.items.iter().filter_map(|i| i.lines).for_each(&mut hold);
        }
        self.footnotes.iter().for_each(|f| hold(f.lines));
        self.headings.iter().for_each(|h| hold(h.lines));
        self.vote_lines.into_iter().for_each(&mut hold);
        for m in self.front_matter.iter().chain(&self.formula) {
            hold(LineSpan::single(m.line));
        }
        // Markup is taken out of a line whose text is kept, so it accounts for nothing.
        for d in self.dropped.iter().filter(|d| d.reason != DropReason::Markup) {
            hold(LineSpan::single(d.line));
        }
        (1..=self.source.lines).filter(|&line| !held[line]).collect()
    }
}
