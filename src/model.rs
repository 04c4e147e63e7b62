//! The document model: small value types shared by every stage.
//!
//! These types are the wire format of `show --format json` as well (field names follow
//! the interface contract), so renaming a field here is an interface change.

pub use crate::symbol::Body;
pub use crate::text::date::Date;
use serde::{Deserialize, Serialize};


/// A closed set of values with stable names (languages, output formats): what the
/// command line offers, and how each value is written.
pub trait Choice: Sized + Copy + 'static {
    const ALL: &'static [Self];
    fn name(self) -> &'static str;
    fn from_name(name: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|c| c.name() == name)
    }
}

/// The [`Choice`] of an enum from its variants and their names:
/// `choice!(Format { Text => "text", Json => "json" });`.
macro_rules! choice {
    ($ty:ident { $($variant:ident => $name:literal),+ $(,)? }) => {
        impl $crate::model::Choice for $ty {
            const ALL: &'static [$ty] = &[$($ty::$variant),+];
            fn name(self) -> &'static str {
                match self {
                    $($ty::$variant => $name),+
                }
            }
        }
    };
}
pub(crate) use choice;

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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Language {
    Zh,
    En,
}

impl Choice for Language {
    const ALL: &'static [Language] = &[Language::Zh, Language::En];
    fn name(self) -> &'static str {
        self.as_str()
    }
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

impl VoteMethod {
    /// As it is written in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            VoteMethod::Recorded => "recorded",
            VoteMethod::WithoutVote => "without_vote",
            VoteMethod::Unknown => "unknown",
        }
    }
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
    /// Members present that did not vote (`X` in a UNDL voting file).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub non_voting: Vec<String>,
    /// States listed by a voting file as not members on the day (blank `ms_vote`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub non_members: Vec<String>,
    /// Where the vote comes from: `text` (the document's voting block) or `undl` (a
    /// UNDL voting file); absent where no vote is known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<VoteSource>,
    /// The voting file's record of the vote (`source: undl`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub record: Option<VoteRecord>,
    /// The vote the text states, kept beside a voting file's where the two disagree.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stated_in_text: Option<Box<Vote>>,
    /// Members present that did not take part in the vote ("One member (China) did not
    /// participate in the voting", "Australia, present and not voting").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_participating: Vec<String>,
    /// Members the text says were absent ("Union of Soviet Socialist Republics, absent").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub absent: Vec<String>,
    /// "Adopted unanimously": every member that took part voted in favour.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub unanimous: bool,
    /// Where `in_favour` was not printed but follows from the body's membership on the
    /// adoption date and the members named otherwise: `"membership"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_favour_from: Option<String>,
    /// Permanent members whose negative vote defeated a text or a part of it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub vetoed_by: Vec<String>,
    /// The text says the proposal was not adopted.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub not_adopted: bool,
    /// Notes on the vote printed apart from the statement (footnotes), as printed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// Where a vote was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VoteSource {
    Text,
    Undl,
}

/// A UNDL voting file's record of one vote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VoteRecord {
    pub undl_id: String,
    /// `https://digitallibrary.un.org/record/…`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
    /// As UNDL names it (`A/78/PV.50`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolution: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub draft: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vote_note: Option<String>,
    /// The file and the line of the vote's first row.
    pub file: String,
    pub line: u64,
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
            non_voting: Vec::new(),
            non_members: Vec::new(),
            source: None,
            record: None,
            stated_in_text: None,
            not_participating: Vec::new(),
            absent: Vec::new(),
            unanimous: false,
            in_favour_from: None,
            vetoed_by: Vec::new(),
            not_adopted: false,
            notes: Vec::new(),
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
    pub date: Option<Date>,
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
    pub adopted: Option<Date>,
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
    pub requests: Vec<Request>,
    /// The rights the text names (`classify::rights`).
    #[serde(default)]
    pub rights: Vec<RightFinding>,
    /// A mandate renewal with its new end date, where the text makes one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub renewal: Option<Renewal>,
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
    pub distributed: Option<Date>,
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

// Findings the reader makes in the paragraphs: requests and rights.

/// Who a request is addressed to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Addressee {
    /// The Office of the United Nations High Commissioner for Human Rights.
    OHCHR,
    /// The United Nations High Commissioner for Human Rights in person.
    HighCommissioner,
    SecretaryGeneral,
    /// A special rapporteur (of the Human Rights Council or the General Assembly).
    SpecialRapporteur,
    /// An independent expert of the special procedures.
    IndependentExpert,
    /// The Human Rights Council Advisory Committee.
    AdvisoryCommittee,
    /// A working group of the special procedures or of the Council.
    WorkingGroup,
    /// Anyone else (States, a programme, a committee); the text says who.
    Other,
}

impl Addressee {
    pub fn as_str(self) -> &'static str {
        match self {
            Addressee::OHCHR => "OHCHR",
            Addressee::HighCommissioner => "HighCommissioner",
            Addressee::SecretaryGeneral => "SecretaryGeneral",
            Addressee::SpecialRapporteur => "SpecialRapporteur",
            Addressee::IndependentExpert => "IndependentExpert",
            Addressee::AdvisoryCommittee => "AdvisoryCommittee",
            Addressee::WorkingGroup => "WorkingGroup",
            Addressee::Other => "Other",
        }
    }
}

/// Whose request it is and how firmly it asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RequestKind {
    Request,
    Invitation,
    Encouragement,
    Call,
    /// Made by someone else; the body only takes note of it.
    Noted,
}

impl RequestKind {
    pub fn as_str(self) -> &'static str {
        match self {
            RequestKind::Request => "request",
            RequestKind::Invitation => "invitation",
            RequestKind::Encouragement => "encouragement",
            RequestKind::Call => "call",
            RequestKind::Noted => "noted",
        }
    }
}

/// What the addressee is asked to produce.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Deliverable {
    Report,
    Study,
    ExpertConsultation,
    Panel,
    InteractiveDialogue,
    TechnicalAssistance,
    Guidance,
    Workshop,
    OralUpdate,
}

impl Deliverable {
    pub fn as_str(self) -> &'static str {
        match self {
            Deliverable::Report => "report",
            Deliverable::Study => "study",
            Deliverable::ExpertConsultation => "expert_consultation",
            Deliverable::Panel => "panel",
            Deliverable::InteractiveDialogue => "interactive_dialogue",
            Deliverable::TechnicalAssistance => "technical_assistance",
            Deliverable::Guidance => "guidance",
            Deliverable::Workshop => "workshop",
            Deliverable::OralUpdate => "oral_update",
        }
    }
}

/// A session something is due at, and the body whose session it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Due {
    pub body: Body,
    pub session: u32,
}

/// One request: the `requests` entries of `show --format json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Request {
    /// The operative paragraph (`OP3`).
    pub paragraph: String,
    /// The item (`b`) where the request stands in an item of its own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    pub kind: RequestKind,
    pub addressee: Addressee,
    /// The addressee as the text names it ("高级专员办事处", "the Special Rapporteur on …").
    pub addressee_text: String,
    /// What is asked, as printed: the clause after the addressee.
    pub action: String,
    /// In a fixed order (report, study, expert_consultation, panel, interactive_dialogue,
    /// technical_assistance, guidance, workshop, oral_update), so that two language
    /// versions give equal lists.
    pub deliverables: Vec<Deliverable>,
    /// The sessions it is due at, in the order the text gives them.
    pub due_sessions: Vec<u32>,
    /// The same sessions with the body whose session each is.
    pub due: Vec<Due>,
    /// The action carries on earlier work ("继续…", "to continue …").
    pub continuing: bool,
}

impl Request {
    /// Whether the body asks this itself (not an invitation, encouragement or a request
    /// it only notes).
    pub fn is_own_request(&self) -> bool {
        self.kind == RequestKind::Request
    }
}

/// Where in the sentence a right is named.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MentionContext {
    /// The text's own words.
    Text,
    /// Inside the name of a special procedure mandate ("隐私权特别报告员",
    /// "Special Rapporteur on the right to food").
    Mandate,
    /// Inside the title of a cited resolution, decision, report or general comment
    /// ("关于数字时代的隐私权的第 42/15 号决议", "42/15 … on the right to privacy in the
    /// digital age").
    Title,
}

impl MentionContext {
    pub fn as_str(self) -> &'static str {
        match self {
            MentionContext::Text => "text",
            MentionContext::Mandate => "mandate",
            MentionContext::Title => "title",
        }
    }
}

/// A right named in one paragraph (or one item of it): the `rights` entries of
/// `show --format json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RightFinding {
    pub id: String,
    pub label: String,
    /// The paragraph id (`PP12`, `OP3`).
    pub paragraph: String,
    /// The item label (`f` for OP3 (f)) where the right is named in an item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    /// The first wording that names it there, as printed.
    pub surface: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anchor: Option<String>,
    pub context: MentionContext,
}

/// A mandate renewal: what is renewed and until when (`Decides to extend the mandate of
/// … until 15 June 1994`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Renewal {
    /// What is renewed, as named in full: "United Nations Peace-keeping Force in Cyprus".
    pub mandate: String,
    /// The new end date.
    pub until: Date,
    /// The length as printed, where given: "six months".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    /// `OP3`, or `OP1(b)` for an item.
    pub paragraph: String,
    /// The resolution that established it, where the renewal says ("established under
    /// resolution 186 (1964)").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub established_by: Option<String>,
}
