//! Requests made by a resolution: who is asked (the Office of the High Commissioner,
//! the High Commissioner, the Secretary-General, a special rapporteur, the Advisory
//! Committee …), for what (a report, an expert consultation, an interactive dialogue …)
//! and by when (the sessions it is due at, and of which body).
//!
//! Only operative paragraphs are read, with their items: the preamble recalls and notes,
//! it does not ask. Within them:
//! - a **request** is the body's own "请…" / "Requests …" (also "又请", "还请",
//!   "…，并请…", "Also requests", "and requests", "(a) To request …"), to any addressee;
//! - an **invitation** ("邀请", "Invites"), an **encouragement** ("鼓励", "Encourages")
//!   or a **call** ("吁请", "促请", "Calls upon", "Urges") is kept only where it is
//!   addressed to a UN office or mandate, not to States or stakeholders: what is tracked
//!   here is the work a text gives to the UN system;
//! - a **noted** request is one the body only takes note of, made by someone else: "注意到
//!   秘书长…并要求联合国人权事务高级专员办事处…" / "Takes note of … the call upon the Office
//!   of the United Nations High Commissioner for Human Rights to …". It is kept, marked,
//!   so that a diff can tell it from the body's own.
//!
//! A request to two addressees ("Requests the Secretary-General and the Office of the High
//! Commissioner to …") is two requests with the same action.

use crate::reader::findings::rights;
use crate::model::{Body, Document, Language, Paragraph};
use crate::reader::patterns::{chars_at_most, lead_at_most, Bounded};
use crate::text::numerals::{chinese_number, english_ordinal};
use crate::text::pattern::Pattern;
use std::collections::BTreeSet;
use std::sync::LazyLock;

pub use crate::model::{Addressee, Deliverable, Due, Request, RequestKind};

#[derive(Debug, Clone, Copy)]
pub struct Setting {
    pub language: Language,
    /// The body whose text this is: "its session" and "理事会" are its own.
    pub body: Body,
    /// The text is about the refugee agency, so "the High Commissioner" is the High
    /// Commissioner for Refugees, not for Human Rights.
    pub refugees: bool,
    /// The year the text was adopted or issued: a session that met before it is a past
    /// one, not a deadline.
    pub year: Option<i32>,
}

impl Setting {
    pub fn of(doc: &Document) -> Setting {
        // As in the paragraph's full text, item by item: the needles hold no line break
        // nor bracket, so none can straddle the joints of `Paragraph::full_text`.
        let mentions = |needle: &str| {
            doc.paragraphs.iter().any(|p| {
                p.text.contains(needle) || p.items.iter().any(|i| i.label.contains(needle) || i.text.contains(needle))
            })
        };
        let refugees = match doc.language {
            Language::Zh => mentions("难民事务高级专员") && !mentions("人权事务高级专员"),
            Language::En => mentions("High Commissioner for Refugees") && !mentions("High Commissioner for Human Rights"),
        };
        let year = doc
            .adopted
            .map(|d| d.year())
            .or_else(|| doc.session.and_then(|n| session_year(doc.body, n)));
        Setting { language: doc.language, body: doc.body, refugees, year }
    }
}

/// Every request of a document's operative paragraphs, in text order.
pub fn find_requests(doc: &Document) -> Vec<Request> {
    let setting = Setting::of(doc);
    doc.operative().flat_map(|p| requests_in_paragraph(p, setting)).collect()
}

/// The requests of one operative paragraph.
pub fn requests_in_paragraph(paragraph: &Paragraph, setting: Setting) -> Vec<Request> {
    let text = paragraph.text.as_str();
    let opening = opening_verb(text, setting.language);
    let mut clauses = clauses(text, setting.language);
    if opening == Opening::Noting {
        // "注意到秘书长呼吁会员国…并呼吁联合国人权事务高级专员办事处…": the calls in a noting
        // paragraph are the noted party's; the body's own voice comes back only with its
        // own verbs after a clause break ("…，并请秘书长…", "…, and requests the …").
        clauses.retain(|c| !c.appeal);
        for noted in noted_calls(text, setting.language) {
            if !clauses.iter().any(|c| c.verb_start < noted.verb_end && noted.verb_start < c.verb_end) {
                clauses.push(noted);
            }
        }
        clauses.sort_by_key(|c| c.verb_start);
    }
    let mut out = Vec::new();
    let count = clauses.len();
    for (index, (clause, body)) in clause_bodies(text, &clauses).enumerate() {
        let mut body = body.to_string();
        // "请秘书长：(a) … (b) …": the items spell out the one request of the chapeau.
        if index + 1 == count && !paragraph.items.is_empty() && body.trim_end().ends_with([':', '：']) {
            for item in &paragraph.items {
                body.push_str(&format!(" ({}) {}", item.label, item.text));
            }
        }
        out.extend(requests_in_clause(&body, clause.kind, setting).into_iter().map(|r| r.into_request(paragraph, None)));
    }
    // "决定：(a) 请秘书长…" / "Decides: (a) To request the Secretary-General …": the items are
    // the body's own voice only where the chapeau is (a decision), not where it urges
    // others ("促请所有国家：(b) 邀请…" is what States are urged to do).
    if opening == Opening::Deciding {
        for item in &paragraph.items {
            let item_clauses = clauses_in_item(&item.text, setting.language);
            for (clause, body) in clause_bodies(&item.text, &item_clauses) {
                let found = requests_in_clause(body, clause.kind, setting);
                out.extend(found.into_iter().map(|r| r.into_request(paragraph, Some(&item.label))));
            }
        }
    }
    out
}

/// Each clause with its text: from after its verb to the next clause's verb.
fn clause_bodies<'a>(text: &'a str, clauses: &'a [Clause]) -> impl Iterator<Item = (&'a Clause, &'a str)> {
    clauses.iter().enumerate().map(move |(index, clause)| {
        let end = clauses.get(index + 1).map_or(text.len(), |next| next.verb_start);
        (clause, &text[clause.verb_end..end])
    })
}

/// A request before it is placed in its paragraph.
struct Found {
    kind: RequestKind,
    addressee: Addressee,
    addressee_text: String,
    action: String,
    deliverables: Vec<Deliverable>,
    due: Vec<Due>,
    continuing: bool,
}

impl Found {
    fn into_request(self, paragraph: &Paragraph, item: Option<&str>) -> Request {
        Request {
            paragraph: paragraph.id.clone(),
            item: item.map(str::to_string),
            kind: self.kind,
            addressee: self.addressee,
            addressee_text: self.addressee_text,
            action: self.action,
            deliverables: self.deliverables,
            due_sessions: self.due.iter().map(|d| d.session).collect(),
            due: self.due,
            continuing: self.continuing,
        }
    }
}

/// A clause that opens with an asking verb: byte offsets of the verb in the paragraph.
#[derive(Debug, Clone, Copy)]
struct Clause {
    verb_start: usize,
    verb_end: usize,
    /// The verb is "呼吁" (appeals to): the body's call, except in a noting paragraph,
    /// where it reports the noted party's.
    appeal: bool,
    kind: RequestKind,
}

/// How an operative paragraph opens, for the two cases that change how it is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Opening {
    /// "注意到", "欢迎", "Takes note of", "Welcomes": what follows is someone else's.
    Noting,
    /// "决定", "Decides": the items may carry the body's own requests.
    Deciding,
    Other,
}

/// The paragraph's opening verb phrase: "又注意到", "Takes note with appreciation of".
// "注意到秘书长呼吁…", "表示赞赏地注意到…", "欢迎…"
static ZH_NOTING: Pattern = Pattern::new(r"^(?:又|还|并|也)?(?:表示)?(?:赞赏地|欢迎地|关切地|满意地|感兴趣地)?(?:注意到|欢迎|赞赏)");
// "Takes note of the call by the Secretary-General …", "Welcomes …", "Notes with appreciation …"
static EN_NOTING: Pattern =
    Pattern::new(r"^(?:(?:Also|Further|Once again)\s+)?(?:[Tt]akes (?:note|note with appreciation)|[Nn]otes|[Ww]elcomes|[Aa]cknowledges)\b");
static ZH_DECIDING: Pattern = Pattern::new(r"^(?:又|还|并|也)?决定");
static EN_DECIDING: Pattern = Pattern::new(r"^(?:(?:Also|Further)\s+)?[Dd]ecides\b");

fn opening_verb(text: &str, language: Language) -> Opening {
    let text = text.trim_start();
    let (noting, deciding) = match language {
        Language::Zh => (&ZH_NOTING, &ZH_DECIDING),
        Language::En => (&EN_NOTING, &EN_DECIDING),
    };
    if noting.is_match(text) {
        Opening::Noting
    } else if deciding.is_match(text) {
        Opening::Deciding
    } else {
        Opening::Other
    }
}

/// An asking verb opening a Chinese paragraph or clause: "请", "又请", "还请", "邀请",
/// "鼓励", "吁请", "促请"; mid-paragraph after a clause break: "，并请秘书长".
static ZH_ASKING: Pattern = Pattern::new(r"(?:^|[，,；;]\s*)(?:并|又|还|同时|也|另)?(?:再次|进一步)?(请|邀请|鼓励|吁请|促请|敦促|呼吁)");
/// The same in English: "Requests", "Also requests", "Requests also", "…, and requests
/// the Secretary-General", "…, and in that regard calls upon …", "; further invites".
static EN_ASKING: Pattern =
    Pattern::new(r"(?:^|[,;]?\s+and\s+(?:,?\s*in (?:this|that) regard,?\s+)?|;\s*)(?:(?:[Aa]lso|[Ff]urther|[Aa]gain|[Oo]nce again)\s+)?([Rr]equests|[Ii]nvites|[Ee]ncourages|[Cc]alls upon|[Uu]rges)(?:\s+(?:also|further|again))?(?-u:\b)");
/// An item of a decision that asks: "(a) 请秘书长…", "(b) To request the Secretary-General …".
static EN_ITEM_ASKING: Pattern =
    Pattern::new(r"(?:^|[,;]?\s+and\s+)(?:[Tt]o\s+)?(?:also\s+)?([Rr]equests?|[Ii]nvites?|[Ee]ncourages?|[Cc]all upon)(?-u:\b)");

fn kind_of_verb(verb: &str) -> RequestKind {
    match verb.to_lowercase().as_str() {
        "请" | "requests" | "request" => RequestKind::Request,
        "邀请" | "invites" | "invite" => RequestKind::Invitation,
        "鼓励" | "encourages" | "encourage" => RequestKind::Encouragement,
        _ => RequestKind::Call,
    }
}

fn clauses(text: &str, language: Language) -> Vec<Clause> {
    let pattern = match language {
        Language::Zh => &ZH_ASKING,
        Language::En => &EN_ASKING,
    };
    clauses_with(text, pattern, language)
}

fn clauses_in_item(text: &str, language: Language) -> Vec<Clause> {
    match language {
        Language::Zh => clauses_with(text, &ZH_ASKING, language),
        Language::En => clauses_with(text, &EN_ITEM_ASKING, language),
    }
}

fn clauses_with(text: &str, pattern: &Pattern, language: Language) -> Vec<Clause> {
    let mut out = Vec::new();
    for captures in pattern.captures_iter(text) {
        let (Some(whole), Some(verb)) = (captures.get(0), captures.get(1)) else { continue };
        // "请求" is a noun ("应各国政府的请求"), not the verb "请".
        if language == Language::Zh && verb.as_str() == "请" && text[verb.end()..].starts_with('求') {
            continue;
        }
        // A clause of a later sentence part must start a clause, not sit inside a name.
        let verb_start = if whole.start() == 0 { 0 } else { verb.start() };
        let kind = kind_of_verb(verb.as_str());
        out.push(Clause { verb_start, verb_end: whole.end(), appeal: verb.as_str() == "呼吁", kind });
    }
    out
}

/// The requests of one clause: its addressee(s), then the action. Requests keep any
/// addressee; the other kinds only a UN office or mandate.
fn requests_in_clause(clause: &str, kind: RequestKind, setting: Setting) -> Vec<Found> {
    // "Requests, in this regard, the Secretary-General to …": the aside is not the addressee.
    let clause = match (setting.language == Language::En).then(|| EN_ASIDE.find(clause)).flatten() {
        Some(aside) => &clause[aside.end()..],
        None => clause,
    };
    let named = addressees(clause, setting);
    let Some(last) = named.last() else { return Vec::new() };
    let rest = &clause[last.action_start..];
    // The request ends where the body goes on to say something else ("…, and decides to
    // include in the provisional agenda …").
    let end = match setting.language {
        Language::Zh => ZH_NEXT_STATEMENT.find(rest),
        Language::En => en_next_statement(rest),
    }
    .map_or(rest.len(), |m| m.start());
    let action = clean_action(&rest[..end], setting.language);
    let deliverables = deliverables(&action, setting.language);
    let due = due_sessions(&action, setting);
    let continuing = continues(&action, setting.language);
    named
        .iter()
        .filter(|a| kind == RequestKind::Request || a.addressee != Addressee::Other)
        .map(|a| Found {
            kind,
            addressee: a.addressee,
            addressee_text: a.text.clone(),
            action: action.clone(),
            deliverables: deliverables.clone(),
            due: due.clone(),
            continuing,
        })
        .collect()
}

/// A short aside between verb and addressee: ", in this regard,", ", inter alia,": at
/// most 40 characters, which run to the next comma, so a longer one has no shorter reading.
static EN_ASIDE: Bounded = Bounded::fixed_run(
    r"^\s*,\s*(?P<aside>[^,]+),\s*",
    r"^\s*,\s*(?P<aside>[^,]{1,40}),\s*",
    |c| c.name("aside").is_some_and(|a| chars_at_most(a.as_str(), 40)),
);
/// The body's next statement inside the same paragraph, which ends a request:
/// "…，并决定…" / "…, and decides to include in the provisional agenda …".
static ZH_NEXT_STATEMENT: Pattern = Pattern::new(r"[，,；;]\s*(?:并|又|还|同时|也)?(?:决定|注意到|欢迎|重申|回顾|强调|确认|承认|表示)");
static EN_NEXT_STATEMENT: Pattern =
    Pattern::new(r"(?:[,;]?\s+and|;)\s+(?:,?\s*in (?:this|that) regard,\s*)?(?:also\s+|further\s+)?(?:decides|notes|takes note|welcomes|reaffirms|recalls|emphasizes|stresses|underlines|recognizes|affirms|expresses)\b");

/// The verbs of [`EN_NEXT_STATEMENT`], one of which each of its matches holds.
const NEXT_STATEMENT_VERBS: [&str; 12] = [
    "decides", "notes", "takes note", "welcomes", "reaffirms", "recalls", "emphasizes", "stresses", "underlines",
    "recognizes", "affirms", "expresses",
];

/// [`EN_NEXT_STATEMENT`] in a text that has one of its verbs. Most requests run to the
/// end of their paragraph, with none of them, and the pattern is read slowly where the
/// text is not all ASCII (its word boundaries are Unicode's). Each verb is looked for on
/// its own, with a vectorised search: a dozen of those cost less than one automaton over
/// the verbs, whose openings (`re`, `de`, `no`, `st`) are everywhere in English.
fn en_next_statement(text: &str) -> Option<crate::text::pattern::Match<'_>> {
    static VERBS: LazyLock<Vec<memchr::memmem::Finder<'static>>> =
        LazyLock::new(|| NEXT_STATEMENT_VERBS.iter().map(|verb| memchr::memmem::Finder::new(verb.as_bytes())).collect());
    if !VERBS.iter().any(|verb| verb.find(text.as_bytes()).is_some()) {
        return None;
    }
    EN_NEXT_STATEMENT.find(text)
}

/// The calls a noting paragraph reports, made by someone else: "并要求联合国人权事务高级专员
/// 办事处…", "the call upon the Office of the United Nations High Commissioner for Human
/// Rights to …".
fn noted_calls(text: &str, language: Language) -> Vec<Clause> {
    let pattern = match language {
        Language::Zh => &ZH_NOTED_CALL,
        Language::En => &EN_NOTED_CALL,
    };
    pattern
        .find_iter(text)
        .map(|m| {
            // "reiterates its request to the Secretary-General": the body's own, repeated.
            let own = language == Language::En && EN_ITS.is_match(&text[..m.start()]);
            let kind = if own { RequestKind::Request } else { RequestKind::Noted };
            Clause { verb_start: m.start(), verb_end: m.end(), appeal: false, kind }
        })
        .collect()
}

/// Someone's call or request reported in a noting paragraph: "呼吁", "要求".
static ZH_NOTED_CALL: Pattern = Pattern::new(r"呼吁|要求");
/// "its request(s)": the body's own earlier request, which it repeats.
static EN_ITS: Pattern = Pattern::new(r"\bits\s+$");
/// "the call upon", "calls on", "request to", "invitation to", "requested" (not
/// "the requests of the Special Rapporteur", which are the rapporteur's own).
static EN_NOTED_CALL: Pattern =
    Pattern::new(r"\b(?:calls?|called)\s+(?:up)?on\b|\brequests?\s+(?:to|addressed to)\b|\binvitations?\s+to\b|\brequested\b");

/// An addressee found at the start of a clause.
#[derive(Debug, Clone)]
struct Named {
    addressee: Addressee,
    text: String,
    /// Byte offset in the clause where the action begins, past any aside ("the
    /// Secretary-General, in his capacity as Chair of the Board, to include …").
    action_start: usize,
}

/// The addressee(s) at the start of a clause: one, or several joined by "和" / "and"
/// ("the Secretary-General and the President of the General Assembly").
fn addressees(clause: &str, setting: Setting) -> Vec<Named> {
    let mut out: Vec<Named> = Vec::new();
    let mut at = 0;
    loop {
        let rest = &clause[at..];
        let lead = rest.len() - rest.trim_start().len();
        let Some(found) = addressee_at(&rest[lead..], setting) else { break };
        let start = at + lead;
        out.push(Named {
            addressee: found.addressee,
            text: clause[start..start + found.name_len].trim().trim_end_matches(',').to_string(),
            action_start: start + found.action_start,
        });
        if found.addressee == Addressee::Other {
            break;
        }
        at = start + found.name_len;
        let joiner = match setting.language {
            Language::Zh => ZH_JOINER.find(&clause[at..]),
            Language::En => EN_JOINER.find(&clause[at..]),
        };
        let Some(joiner) = joiner else { break };
        let after = at + joiner.end();
        let next = addressee_at(&clause[after..], setting);
        // A Chinese "与" after a name is as often "with" as "and", and an English ", in
        // consultation with …" is no second addressee: beyond the known offices, only an
        // English name ("the …", a capitalised word) is taken as another addressee.
        let joins = match next {
            Some(found) if found.addressee == Addressee::Other => {
                setting.language == Language::En && EN_NAME_START.is_match(&clause[after..])
            }
            Some(_) => true,
            None => false,
        };
        if !joins {
            break;
        }
        at = after;
    }
    out
}

/// How a second English addressee starts: "the President …", "all States", "UN-Women".
static EN_NAME_START: Pattern = Pattern::new(r"^(?:the\s|all\s|other\s|[A-Z])");

/// "和", "及", "以及", "与", "、" between two addressees.
static ZH_JOINER: Pattern = Pattern::new(r"^\s*(?:和|及|以及|与|、)\s*");
/// ", and" / "and" between two addressees: "the Secretary-General and the High Commissioner".
static EN_JOINER: Pattern = Pattern::new(r"^\s*(?:,?\s*(?:and|as well as)\s+|,\s+)");

/// Chinese names of the offices and mandates, longest first, so that "高级专员办事处" wins
/// over "高级专员".
const ZH_NAMES: [(&str, Addressee); 12] = [
    ("联合国人权事务高级专员办事处", Addressee::OHCHR),
    ("人权事务高级专员办事处", Addressee::OHCHR),
    ("联合国人权高专办", Addressee::OHCHR),
    ("高级专员办事处", Addressee::OHCHR),
    ("人权高专办", Addressee::OHCHR),
    ("联合国人权事务高级专员", Addressee::HighCommissioner),
    ("人权事务高级专员", Addressee::HighCommissioner),
    ("高级专员", Addressee::HighCommissioner),
    ("人权理事会咨询委员会", Addressee::AdvisoryCommittee),
    ("理事会咨询委员会", Addressee::AdvisoryCommittee),
    ("咨询委员会", Addressee::AdvisoryCommittee),
    ("秘书长", Addressee::SecretaryGeneral),
];

/// A mandate named by its subject: "隐私权特别报告员", "雇佣军问题工作组". The subject
/// runs to 40 characters, the envoy's to 10 and an unknown addressee's to 20, checked on
/// the match rather than compiled (see [`Bounded`]).
static ZH_MANDATE: Bounded = Bounded::fixed_run(
    r"^[^，,；;。：:、和与及]*?(特别报告员|独立专家|工作组)",
    r"^[^，,；;。：:、和与及]{0,40}?(特别报告员|独立专家|工作组)",
    |c| lead_at_most(c, 40),
);
/// Where an unknown Chinese addressee ends: a preposition or verb that starts the action.
static ZH_OTHER: Bounded = Bounded::fixed_run(
    r"^[^，,；;。：:]+?(在|就|向|与|对|为|将|把|根据|继续|提交|编写|召集|举办|组织|开展|提供|考虑|确保|协助|支持|采取|加强|酌情|通过|审议|进行|制定|拟订|散发|分发|$)",
    r"^[^，,；;。：:]{1,20}?(在|就|向|与|对|为|将|把|根据|继续|提交|编写|召集|举办|组织|开展|提供|考虑|确保|协助|支持|采取|加强|酌情|通过|审议|进行|制定|拟订|散发|分发|$)",
    |c| lead_at_most(c, 20),
);
/// Special envoys and representatives belong to the Secretary-General but are not him.
static ZH_SG_ENVOY: Bounded = Bounded::fixed_run(
    r"^[^，,；;。]*?(特使|特别代表|特别顾问)",
    r"^[^，,；;。]{0,10}?(特使|特别代表|特别顾问)",
    |c| lead_at_most(c, 10),
);

/// English names of the offices and mandates at the start of a clause (after the verb).
// "the Office of the United Nations High Commissioner for Human Rights",
// "the United Nations High Commissioner for Human Rights", "the Secretary-General",
// "the Human Rights Council Advisory Committee", "the Special Rapporteur on …".
static EN_NAME: Pattern =
    Pattern::new(r"^(?:the\s+)?(?:(?P<ohchr>Office of the (?:United Nations )?High Commissioner(?: for Human Rights)?|OHCHR)|(?P<hc>(?:United Nations )?High Commissioner(?: for Human Rights)?)|(?P<sg>Secretary(?:-\s?|\s)General)|(?P<ac>(?:Human Rights Council )?Advisory Committee(?: of the Human Rights Council)?)|(?P<sr>Special Rapporteurs?)|(?P<ie>Independent Experts?)|(?P<wg>Working Groups?))\b");
/// Refugees and envoys: "High Commissioner for Refugees", "Secretary-General's Special Envoy".
static EN_NOT_THE_OFFICE: Pattern =
    Pattern::new(r"^(?:\s+for Refugees|\s*['’]s\s+(?:Special\s+)?(?:Envoy|Representative|Adviser))");
/// An English " to " and the word after it: the infinitive that ends an addressee's name
/// ("the Special Committee to continue"), unless the word shows it is still the name
/// ("… with regard to the Implementation …", "… on the right to food …").
static EN_TO_WORD: Pattern = Pattern::new(r"\s+to\s+([A-Za-z-]+)");
/// Words after "to" that continue a name rather than start a verb.
const NOT_A_VERB: [&str; 13] = ["the", "a", "an", "all", "its", "their", "his", "her", "this", "that", "these", "those", "each"];
/// Where an English name without a known title ends when no infinitive follows: the
/// first clause punctuation.
static EN_NAME_END: Pattern = Pattern::new(r"[,;:]|$");
/// How far an addressee's name may run, in bytes.
const MAX_NAME: usize = 400;

/// The byte offset of the " to " that begins the verb's infinitive after an English
/// name, if there is one before the clause ends.
fn en_infinitive(text: &str) -> Option<usize> {
    let window = name_window(text);
    for captures in EN_TO_WORD.captures_iter(window) {
        let (Some(whole), Some(word)) = (captures.get(0), captures.get(1)) else { continue };
        let word_text = word.as_str();
        let lower = word_text.chars().next().is_some_and(|c| c.is_lowercase());
        let names_a_right = rights::right_object_len(&window[word.start()..]).is_some();
        if lower && !NOT_A_VERB.contains(&word_text) && !names_a_right {
            return Some(whole.start());
        }
    }
    None
}

/// The byte length of an English name with no known title: up to its infinitive, or
/// else the first clause punctuation.
fn en_name_len(text: &str) -> usize {
    en_infinitive(text).unwrap_or_else(|| {
        let window = name_window(text);
        EN_NAME_END.find(window).map_or(window.len(), |m| m.start())
    })
}

/// Where a name may stand: up to the clause's end and at most [`MAX_NAME`] bytes.
fn name_window(text: &str) -> &str {
    let limit = text.find([';', ':']).unwrap_or(text.len()).min(MAX_NAME);
    let limit = (0..=limit).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
    &text[..limit]
}

/// An addressee's name at the start of a text.
#[derive(Debug, Clone, Copy)]
struct FoundName {
    addressee: Addressee,
    name_len: usize,
    action_start: usize,
}

impl FoundName {
    fn plain(addressee: Addressee, name_len: usize) -> FoundName {
        FoundName { addressee, name_len, action_start: name_len }
    }
}

/// The addressee at the start of `text`: its kind, the length of its name and where the
/// action begins.
fn addressee_at(text: &str, setting: Setting) -> Option<FoundName> {
    if text.trim().is_empty() {
        return None;
    }
    match setting.language {
        Language::Zh => zh_addressee_at(text, setting).map(|(a, len)| FoundName::plain(a, len)),
        Language::En => en_addressee_at(text, setting),
    }
}

fn zh_addressee_at(text: &str, setting: Setting) -> Option<(Addressee, usize)> {
    if let Some(m) = ZH_MANDATE.captures(text) {
        let whole = m.get(0)?;
        // A match that starts with a known office is that office doing something
        // ("高级专员办事处…工作组"): only a name that is a mandate's from its start counts.
        if !ZH_NAMES.iter().any(|(name, _)| whole.as_str().starts_with(name)) {
            let kind = match m.get(1).map(|g| g.as_str()) {
                Some("特别报告员") => Addressee::SpecialRapporteur,
                Some("独立专家") => Addressee::IndependentExpert,
                _ => Addressee::WorkingGroup,
            };
            return Some((kind, whole.end()));
        }
    }
    for (name, addressee) in ZH_NAMES {
        if text.starts_with(name) {
            let mut addressee = addressee;
            let mut len = name.len();
            if setting.refugees && matches!(addressee, Addressee::OHCHR | Addressee::HighCommissioner) && !name.contains("人权") {
                addressee = Addressee::Other;
            }
            if addressee == Addressee::SecretaryGeneral
                && let Some(envoy) = ZH_SG_ENVOY.find(&text[len..])
            {
                addressee = Addressee::Other;
                len += envoy.end();
            }
            return Some((addressee, len));
        }
    }
    let other = ZH_OTHER.find(text)?;
    // The match ends with the word that starts the action; the name is what precedes it.
    let name_end = action_word_at_end(other.as_str()).unwrap_or(other.end());
    (name_end > 0).then_some((Addressee::Other, name_end))
}

/// The action words that close a [`ZH_OTHER`] match. None is the end of another, so a
/// text ends with one of them at most.
const ZH_ACTION_WORDS: [&str; 31] = [
    "在", "就", "向", "与", "对", "为", "将", "把", "根据", "继续", "提交", "编写", "召集", "举办", "组织", "开展", "提供", "考虑",
    "确保", "协助", "支持", "采取", "加强", "酌情", "通过", "审议", "进行", "制定", "拟订", "散发", "分发",
];

/// Where the action word that ends `text` begins, if one does (a comparison of the last
/// bytes: no pattern to compile).
fn action_word_at_end(text: &str) -> Option<usize> {
    ZH_ACTION_WORDS.iter().find(|w| text.ends_with(*w)).map(|w| text.len() - w.len())
}

fn en_addressee_at(text: &str, setting: Setting) -> Option<FoundName> {
    // "Requests to continue to circulate …": no addressee named; kept as an unnamed other.
    if text.starts_with("to ") {
        return Some(FoundName::plain(Addressee::Other, 0));
    }
    // "Requests that the Special Envoy participate …": the subject of the "that" clause.
    if let Some(subject) = text.strip_prefix("that ") {
        let offset = text.len() - subject.len();
        return en_addressee_at(subject, setting).map(|found| FoundName {
            addressee: found.addressee,
            name_len: offset + found.name_len,
            action_start: offset + found.action_start,
        });
    }
    let Some(captures) = EN_NAME.captures(text) else {
        // Anyone else: up to the infinitive; an aside after the name is not part of it
        // ("all States, including the administering Powers, to accelerate …").
        let to = en_name_len(text);
        let name_len = EN_NAME_ASIDE.find(&text[..to]).map_or(to, |m| m.start());
        return (name_len > 0).then_some(FoundName { addressee: Addressee::Other, name_len, action_start: to });
    };
    let whole = captures.get(0)?;
    let group = |name: &str| captures.name(name).is_some();
    let mut addressee = if group("ohchr") {
        Addressee::OHCHR
    } else if group("hc") {
        Addressee::HighCommissioner
    } else if group("sg") {
        Addressee::SecretaryGeneral
    } else if group("ac") {
        Addressee::AdvisoryCommittee
    } else if group("sr") {
        Addressee::SpecialRapporteur
    } else if group("ie") {
        Addressee::IndependentExpert
    } else {
        Addressee::WorkingGroup
    };
    let rest = &text[whole.end()..];
    let is_office = matches!(addressee, Addressee::OHCHR | Addressee::HighCommissioner | Addressee::SecretaryGeneral);
    // "High Commissioner for Refugees", "Secretary-General's Special Envoy …", "the
    // Secretary-General of the Authority" are someone else.
    let of_another_organization = rest.starts_with(" of the ") && !rest.starts_with(" of the United Nations");
    if is_office && (EN_NOT_THE_OFFICE.is_match(rest) || of_another_organization) {
        let to = en_name_len(text);
        return Some(FoundName { addressee: Addressee::Other, name_len: to, action_start: to });
    }
    if is_office && setting.refugees && !whole.as_str().contains("Human Rights") && addressee != Addressee::SecretaryGeneral {
        addressee = Addressee::Other;
    }
    if is_office || addressee == Addressee::AdvisoryCommittee {
        // An aside may stand between the name and the infinitive.
        let action_start = match en_infinitive(rest) {
            Some(to) if rest.trim_start().starts_with(',') => whole.end() + to,
            _ => whole.end(),
        };
        return Some(FoundName { addressee, name_len: whole.end(), action_start });
    }
    // A mandate's subject may hold "to" ("on the right to food to submit …").
    let to = whole.end() + en_name_len(rest);
    let name_len = EN_NAME_ASIDE.find(&text[..to]).map_or(to, |m| m.start());
    Some(FoundName { addressee, name_len, action_start: to })
}

/// An aside after a name: a comma and a lower-case word ("…, within its mandate,").
static EN_NAME_ASIDE: Pattern = Pattern::new(r",\s+[a-z]");

/// The action as printed, without the English infinitive's "to" and stray punctuation.
fn clean_action(action: &str, language: Language) -> String {
    let action = action.trim_start_matches([',', '，', ':', '：', ' ']).trim();
    let action = match language {
        Language::En => action.strip_prefix("to ").unwrap_or(action),
        Language::Zh => action,
    };
    action.trim_end_matches([';', '；', ',', '，', '.', '。', ':', '：']).trim().to_string()
}

fn continues(action: &str, language: Language) -> bool {
    match language {
        Language::Zh => action.starts_with("继续"),
        Language::En => action.starts_with("continue"),
    }
}

/// One deliverable's wordings. Chinese patterns are matched on the action with the
/// contents of 《…》 and the nouns after "上述" (already asked for) blanked.
struct DeliverablePattern {
    deliverable: Deliverable,
    zh: &'static str,
    en: &'static str,
}

const DELIVERABLE_PATTERNS: [DeliverablePattern; 9] = [
    // "提交报告", "编写一份报告" / "a report", "to report to the Council", "reports thereon";
    // not "特别报告员", not "the report of the Special Rapporteur" (someone else's).
    DeliverablePattern { deliverable: Deliverable::Report, zh: r"报告(?:[^员]|$)", en: r"\breports?\b(?:\s+(?:of|by)\s+the\b)?" },
    // "一项研究", "研究报告" / "a study", "studies".
    DeliverablePattern { deliverable: Deliverable::Study, zh: r"(?:一项|一份|开展|进行|编写|专题)研究|研究报告", en: r"\b(?:a|an|the|comprehensive|thematic|further)\s+(?:[a-z-]+\s+){0,2}study\b|\bstudies\b" },
    // "专家磋商会" / "expert consultations", "an expert meeting".
    DeliverablePattern { deliverable: Deliverable::ExpertConsultation, zh: r"专家磋商|专家会议|专家组会议", en: r"\bexpert(?:-level)?\s+(?:group\s+)?(?:consultations?|meetings?)\b|\bconsultations? with experts\b" },
    // "小组讨论" / "a panel discussion".
    DeliverablePattern { deliverable: Deliverable::Panel, zh: r"小组讨论|专题小组", en: r"\bpanels?\b" },
    // "互动对话" / "an interactive dialogue".
    DeliverablePattern { deliverable: Deliverable::InteractiveDialogue, zh: r"互动对话", en: r"\binteractive dialogues?\b" },
    // "咨询和技术援助" / "advice and technical assistance", "advisory services".
    DeliverablePattern { deliverable: Deliverable::TechnicalAssistance, zh: r"技术援助|技术合作|技术支持|咨询服务", en: r"\btechnical (?:assistance|cooperation|support)\b|\badvisory services\b" },
    // "指导意见" / "system-wide guidance", "guidelines".
    DeliverablePattern { deliverable: Deliverable::Guidance, zh: r"指导意见|指南|指导原则", en: r"\bguidance\b|\bguidelines\b" },
    // "讲习班", "研讨会" / "a workshop", "a seminar".
    DeliverablePattern { deliverable: Deliverable::Workshop, zh: r"讲习班|研讨会", en: r"\bworkshops?\b|\bseminars?\b" },
    // "口头介绍最新情况" / "an oral update".
    DeliverablePattern { deliverable: Deliverable::OralUpdate, zh: r"口头(?:介绍)?(?:最新情况|报告|通报|更新)", en: r"\boral (?:update|report|briefing)s?\b" },
];

/// For each English pattern of [`DELIVERABLE_PATTERNS`], in order, words one of which
/// every match holds, lower-cased: an action with none of them is not searched. Under
/// `(?i)` an ASCII letter matches only its two ASCII cases, except "k" (also the Kelvin
/// sign) and "s" (also the long s), so no word here holds either letter: "tud" for
/// "study" and "studies", "advi" for "advisory services", "hop" and "eminar" for
/// "workshop" and "seminar". The same holds for "reque" ("request"), which every
/// [`EN_ON_REQUEST`] match holds, and for "above", "aforementioned" and "aid" ("said")
/// in [`EN_ALREADY_ASKED`].
const EN_NEEDS: [&[&str]; 9] = [
    &["report"],
    &["tud"],
    &["expert"],
    &["panel"],
    &["interactive dialogue"],
    &["technical ", "advi"],
    &["guid"],
    &["hop", "eminar"],
    &["oral "],
];

/// The patterns of one language, compiled when a text in it is first read: a process
/// that reads only Chinese texts never compiles the English ones, nor the reverse.
static ZH_DELIVERABLES: LazyLock<Vec<(Deliverable, Pattern)>> =
    LazyLock::new(|| DELIVERABLE_PATTERNS.iter().map(|p| (p.deliverable, Pattern::new(p.zh))).collect());
static EN_DELIVERABLES: LazyLock<Vec<(Deliverable, Pattern)>> = LazyLock::new(|| {
    DELIVERABLE_PATTERNS.iter().map(|p| (p.deliverable, Pattern::assembled(format!("(?i){}", p.en)))).collect()
});

/// Help given "upon request": "应各国请求向其提供咨询" / "to assist Governments, upon
/// their request" is technical assistance in UN usage, whatever the noun.
static ZH_ON_REQUEST: Pattern = Pattern::new(r"应[^，,；;。]{0,12}请求");
static ZH_ASSIST: Pattern = Pattern::new(r"协助|援助|支助|提供咨询");
static EN_ON_REQUEST: Pattern = Pattern::new(r"(?i)\b(?:upon|on|at) (?:their |its )?request\b|\bat the request of\b");
static EN_ASSIST: Pattern = Pattern::new(r"(?i)\bassist(?:ance)?\b|\badvice\b");

/// What was asked for before ("上述专家磋商会", "the above-mentioned expert consultations
/// and reports"): blanked out, since it is not a new deliverable.
static ZH_ALREADY_ASKED: Pattern = Pattern::new(r"(?:上述|前述|该)[^，,；;。和及]{0,12}");
static EN_ALREADY_ASKED: Pattern =
    Pattern::new(r"(?i)\b(?:above-mentioned|abovementioned|aforementioned|said)\b[^,;]{0,80}");
/// A bracketed title ("《工商企业与人权指导原则》") names a document, not a deliverable.
static ZH_TITLE: Pattern = Pattern::new(r"《[^》]*》");
/// A capitalised title ("the Guiding Principles on Business and Human Rights").
static EN_TITLE: Pattern = Pattern::new(r"\bGuiding Principles\b|\bGuidelines\b");

/// The deliverables an action asks for, in the fixed order of [`Deliverable`].
pub fn deliverables(action: &str, language: Language) -> Vec<Deliverable> {
    // The action with titles and back-references blanked, and (English) its lower case,
    // in which the words the patterns need are looked for.
    let (blanked, lower) = match language {
        Language::Zh => {
            // Each pattern asked only where its opening is: most actions cite no title
            // and refer back to nothing, and then neither pattern need be built.
            let untitled = if action.contains('《') { ZH_TITLE.replace_all(action, "□") } else { action.into() };
            let blanked = if ["上述", "前述", "该"].iter().any(|w| untitled.contains(w)) {
                ZH_ALREADY_ASKED.replace_all(&untitled, "□").into_owned()
            } else {
                untitled.into_owned()
            };
            (blanked, String::new())
        }
        Language::En => {
            // Each pattern asked only where a word it needs is there (see [`EN_NEEDS`]).
            let untitled = if action.contains("Guid") { EN_TITLE.replace_all(action, "□") } else { action.into() };
            let lower = untitled.to_ascii_lowercase();
            if ["above", "aforementioned", "aid"].iter().any(|w| lower.contains(w)) {
                let blanked = EN_ALREADY_ASKED.replace_all(&untitled, "□").into_owned();
                let lower = blanked.to_ascii_lowercase();
                (blanked, lower)
            } else {
                // Nothing blanked: the lower case made for the test above is the action's.
                (untitled.into_owned(), lower)
            }
        }
    };
    let mut found = BTreeSet::new();
    let patterns = match language {
        Language::Zh => &*ZH_DELIVERABLES,
        Language::En => &*EN_DELIVERABLES,
    };
    for ((deliverable, pattern), needs) in patterns.iter().zip(EN_NEEDS) {
        if language == Language::En && !needs.iter().any(|w| lower.contains(w)) {
            continue;
        }
        let hit = match (language, deliverable) {
            // "the report of the Special Rapporteur" is someone else's report.
            (Language::En, Deliverable::Report) => pattern.find_iter(&blanked).any(|m| {
                !m.as_str().contains(" of ") && !m.as_str().contains(" by ") && !blanked[..m.start()].to_lowercase().ends_with("oral ")
            }),
            (Language::Zh, Deliverable::Report) => pattern.find_iter(&blanked).any(|m| !blanked[..m.start()].ends_with("口头")),
            _ => pattern.is_match(&blanked),
        };
        if hit {
            found.insert(*deliverable);
        }
    }
    let assistance_on_request = match language {
        Language::Zh => ZH_ON_REQUEST.is_match(&blanked) && ZH_ASSIST.is_match(&blanked),
        Language::En => lower.contains("reque") && EN_ON_REQUEST.is_match(&blanked) && EN_ASSIST.is_match(&blanked),
    };
    if assistance_on_request {
        found.insert(Deliverable::TechnicalAssistance);
    }
    found.into_iter().collect()
}

/// Chinese session numbers: "第五十和第五十三届会议", "第五十六届会议", "第七十九届会议上".
static ZH_SESSIONS: Pattern =
    Pattern::new(r"第[〇零一二三四五六七八九十百两0-9０-９]+(?:届)?(?:\s*(?:和|、|及|以及|至|到)\s*第?[〇零一二三四五六七八九十百两0-9０-９]+(?:届)?)*\s*届\s*会");
static ZH_SESSION_NUMBER: Pattern = Pattern::new(r"(至|到)?\s*第?([〇零一二三四五六七八九十百两0-9０-９]+)");
/// The body named just before: "人权理事会第五十届会议", "大会第七十九届会议".
static ZH_SESSION_BODY: Pattern = Pattern::new(r"(人权理事会|安全理事会|经济及社会理事会|理事会|大会|人权委员会)\s*$");

const EN_ORDINAL: &str = r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-\s?)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|fortieth|fiftieth|sixtieth|seventieth|eightieth|ninetieth)";

/// English session ordinals: "at its fifty-ninth session", "at its fiftieth and
/// fifty-third sessions", "from its seventy-ninth to its eighty-first sessions".
static EN_SESSIONS: LazyLock<Pattern> = LazyLock::new(|| Pattern::assembled(format!(
    r"\b{o}(?:\s*(?:,|,?\s*and|to|through)\s+(?:its\s+)?{o})*\s+(?:regular\s+|special\s+)?sessions?\b",
    o = EN_ORDINAL
)));
static EN_SESSION_NUMBER: LazyLock<Pattern> = LazyLock::new(|| Pattern::assembled(format!(r"\b(to\s+|through\s+)?(?:its\s+)?({o})\b", o = EN_ORDINAL)));
/// The body whose session it is, the last named before the ordinal: "to the General
/// Assembly at its seventy-ninth session", "to the Council at its fifty-sixth session";
/// a commission, committee or conference is a body of its own, outside the model.
static EN_SESSION_BODY: Pattern =
    Pattern::new(r"Human Rights Council|General Assembly|the Assembly|Economic and Social Council|Security Council|Commission on Human Rights|(?:First|Second|Third|Fourth|Fifth|Sixth) Committee|\b(?:Commission|Committee|Conference|Board|Forum|Meeting)\b|\bCouncil\b");
/// A session already held: "a report submitted to the Commission on Human Rights at its
/// sixtieth session" (but not "to be submitted to …").
static EN_PAST_SESSION: Pattern =
    Pattern::new(r"\b(?:(?:to be|be)\s+)?(?:submitted|presented|held|adopted|considered|issued|convened|made)\s+(?:to|by|at|in|during)\b[^,;]*$|\bsince\s+(?:the|its)\s+$");
/// "at their eightieth and sixty-first sessions, respectively": one body per session.
static EN_THEIR: Pattern = Pattern::new(r"\btheir\s+$");

/// The calendar year a session of `body` met in (approximately: the Council meets three
/// times a year, the Assembly's session opens in September).
fn session_year(body: Body, session: u32) -> Option<i32> {
    match body {
        Body::HRC => Some(crate::symbol::hrc_session_year(session)),
        Body::GA => Some(crate::symbol::ga_session_year(session)),
        Body::CHR => Some(1944 + session as i32),
        _ => None,
    }
}

/// The sessions an action is due at, with the body of each. A session that met more
/// than a year before the text is not a deadline but a reference, and is left out.
pub fn due_sessions(action: &str, setting: Setting) -> Vec<Due> {
    let mut out: Vec<Due> = Vec::new();
    let mut push = |body: Body, session: u32| {
        let past = match (session_year(body, session), setting.year) {
            (Some(due), Some(year)) => due < year - 1,
            _ => false,
        };
        if !past && !out.iter().any(|d| d.session == session && d.body == body) {
            out.push(Due { body, session });
        }
    };
    match setting.language {
        Language::Zh => {
            for m in ZH_SESSIONS.find_iter(action) {
                let before = &action[..m.start()];
                let body = ZH_SESSION_BODY.captures(before).map_or(setting.body, |c| match &c[1] {
                    "人权理事会" => Body::HRC,
                    "安全理事会" => Body::SC,
                    "经济及社会理事会" => Body::ECOSOC,
                    "大会" => Body::GA,
                    "人权委员会" => Body::CHR,
                    // "理事会" alone is the Council whose text this is, or an unnamed one.
                    _ if setting.body == Body::HRC => Body::HRC,
                    _ => Body::Unknown,
                });
                let mut previous: Option<u32> = None;
                for n in ZH_SESSION_NUMBER.captures_iter(m.as_str()) {
                    let Some(number) = chinese_number(&n[2]) else { continue };
                    expand_range(previous, number, n.get(1).is_some(), |s| push(body, s));
                    previous = Some(number);
                }
            }
        }
        Language::En => {
            for m in EN_SESSIONS.find_iter(action) {
                let window = rights::tail_window(action, m.start(), 160);
                if EN_PAST_SESSION.captures(window).is_some_and(|c| !c[0].starts_with("to be") && !c[0].starts_with("be ")) {
                    continue;
                }
                let bodies: Vec<Body> = EN_SESSION_BODY.find_iter(window).map(|b| en_body(b.as_str(), setting)).collect();
                let numbers: Vec<(u32, bool)> = EN_SESSION_NUMBER
                    .captures_iter(m.as_str())
                    .filter_map(|n| english_ordinal(&n[2].replace(' ', "")).map(|number| (number, n.get(1).is_some())))
                    .collect();
                // "to the General Assembly and the Human Rights Council at their eightieth
                // and sixty-first sessions": the bodies in the order of the sessions.
                let respectively = EN_THEIR.is_match(window) && bodies.len() >= numbers.len() && numbers.len() > 1;
                let mut previous: Option<u32> = None;
                for (index, (number, is_range_end)) in numbers.iter().enumerate() {
                    let body = if respectively {
                        bodies[bodies.len() - numbers.len() + index]
                    } else {
                        bodies.last().copied().unwrap_or(setting.body)
                    };
                    expand_range(previous, *number, *is_range_end, |s| push(body, s));
                    previous = Some(*number);
                }
            }
        }
    }
    out
}

fn en_body(name: &str, setting: Setting) -> Body {
    match name {
        "Human Rights Council" => Body::HRC,
        "General Assembly" | "the Assembly" => Body::GA,
        // The Assembly's Main Committees meet in its sessions.
        committee if committee.ends_with(" Committee") => Body::GA,
        "Economic and Social Council" => Body::ECOSOC,
        "Security Council" => Body::SC,
        "Commission on Human Rights" => Body::CHR,
        // "the Council" in the Council's own text is the Council.
        "Council" if setting.body == Body::HRC => Body::HRC,
        _ => Body::Unknown,
    }
}

/// "第五十一至第五十三届" and "from its fifty-first to its fifty-third sessions" are every
/// session between; a range of more than ten sessions is taken as its two ends only.
fn expand_range(previous: Option<u32>, number: u32, is_range_end: bool, mut push: impl FnMut(u32)) {
    match previous {
        Some(from) if is_range_end && from < number && number - from <= 10 => (from + 1..=number).for_each(&mut push),
        _ => push(number),
    }
}

/// Compiles, ahead of need, the patterns that reading the requests of a text in
/// `language` nearly always uses (see [`crate::reader::Preparation`]).
pub fn prepare(language: Language) {
    match language {
        Language::Zh => {
            ZH_DELIVERABLES.iter().for_each(|(_, pattern)| pattern.prepare());
            ZH_MANDATE.prepare();
            ZH_OTHER.prepare();
            for pattern in [
                &ZH_SESSION_BODY, &ZH_SESSION_NUMBER, &ZH_SESSIONS, &ZH_ALREADY_ASKED, &ZH_ASSIST, &ZH_ON_REQUEST, &ZH_TITLE,
                &ZH_JOINER, &ZH_NOTED_CALL, &ZH_NEXT_STATEMENT, &ZH_ASKING, &ZH_DECIDING, &ZH_NOTING,
            ] {
                pattern.prepare();
            }
        }
        Language::En => {
            EN_DELIVERABLES.iter().for_each(|(_, pattern)| pattern.prepare());
            EN_ASIDE.prepare();
            for pattern in [
                &*EN_SESSIONS, &*EN_SESSION_NUMBER, &EN_NAME_ASIDE, &EN_NOTED_CALL, &EN_NEXT_STATEMENT, &EN_JOINER, &EN_TO_WORD,
                &EN_NOT_THE_OFFICE, &EN_NAME, &EN_ASKING, &EN_DECIDING, &EN_NOTING,
            ] {
                pattern.prepare();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    /// The action word at the end is where the pattern `(?:在|就|…|分发)$` would find it,
    /// on every word after a name, alone, and after another word; none ends another.
    #[test]
    fn the_action_word_at_the_end_is_where_the_pattern_finds_it() {
        let alternatives = super::ZH_ACTION_WORDS.join("|");
        let pattern = regex::Regex::new(&format!("(?:{alternatives})$")).unwrap();
        let mut texts = vec!["".to_string(), "秘书长".to_string(), "秘书长在会上".to_string()];
        for w in super::ZH_ACTION_WORDS {
            for before in ["", "秘书长", "人权高专办继续", "据"] {
                texts.push(format!("{before}{w}"));
                texts.push(format!("{before}{w}。"));
            }
            for other in super::ZH_ACTION_WORDS {
                assert!(w == other || !w.ends_with(other), "{other} ends {w}");
            }
        }
        for text in &texts {
            assert_eq!(super::action_word_at_end(text), pattern.find(text).map(|m| m.start()), "{text}");
        }
        assert_eq!(super::action_word_at_end("秘书长根据"), Some("秘书长".len()));
    }

    use super::*;
    use crate::model::{Item, LineSpan, ParagraphKind};

    #[test]
    fn the_next_statement_is_looked_for_by_the_verbs_of_its_pattern() {
        let pattern = EN_NEXT_STATEMENT.as_str();
        let verbs = pattern.split("(?:decides|").nth(1).and_then(|rest| rest.split(")\\b").next()).expect("the verbs' group");
        let mut in_pattern: Vec<&str> = std::iter::once("decides").chain(verbs.split('|')).collect();
        let mut listed = NEXT_STATEMENT_VERBS.to_vec();
        in_pattern.sort_unstable();
        listed.sort_unstable();
        assert_eq!(in_pattern, listed);
        let text = "the Secretary-General to report, and decides to remain seized of the matter";
        assert_eq!(en_next_statement(text).map(|m| m.as_str()), Some(", and decides"));
        assert_eq!(en_next_statement("the Secretary-General to report on “this” matter"), None);
    }

    /// The addressee patterns checked on the match answer as their bounded forms, on
    /// each side of the bound.
    #[test]
    fn addressee_patterns_keep_their_bounds() {
        let run = |n: usize, tail: &str| format!("{}{tail}", "字".repeat(n));
        for n in [0, 1, 9, 10, 11, 19, 20, 21, 39, 40, 41, 60] {
            for tail in ["特别报告员", "独立专家在", "工作组", "特使", "特别顾问", "提交", "", "，提交"] {
                let text = run(n, tail);
                ZH_MANDATE.assert_agrees(&text);
                ZH_OTHER.assert_agrees(&text);
                ZH_SG_ENVOY.assert_agrees(&text);
            }
        }
        ZH_MANDATE.assert_agrees("隐私权特别报告员");
        ZH_OTHER.assert_agrees("各国继续努力");
    }

    /// The aside after a verb keeps its bound of 40 characters, spaces around it or not.
    #[test]
    fn aside_keeps_its_bound() {
        let aside = |lead: &str, n: usize| format!(" ,{lead}{}, the Secretary-General to", "x".repeat(n));
        for lead in ["", " ", "   "] {
            for n in [1, 39, 40, 41, 80] {
                EN_ASIDE.assert_agrees(&aside(lead, n));
            }
        }
        for text in [", in this regard, the Office", ", inter alia,", "the Office, in this regard,", ",,"] {
            EN_ASIDE.assert_agrees(text);
        }
        assert_eq!(EN_ASIDE.find(", in this regard,  the Office").map(|m| m.end()), Some(19));
        assert!(EN_ASIDE.find(&aside("", 41)).is_none());
    }

    fn setting(language: Language, body: Body) -> Setting {
        Setting { language, body, refugees: false, year: Some(2023) }
    }

    fn paragraph(text: &str, items: &[(&str, &str)]) -> Paragraph {
        Paragraph {
            id: "OP1".to_string(),
            kind: ParagraphKind::Operative,
            number: 1,
            text: text.to_string(),
            items: items
                .iter()
                .map(|(label, text)| Item { label: label.to_string(), text: text.to_string(), footnote_marks: Vec::new(), lines: None })
                .collect(),
            footnote_marks: Vec::new(),
            section: None,
            printed_number: None,
            lines: LineSpan::single(1),
        }
    }

    fn requests(text: &str, language: Language) -> Vec<Request> {
        requests_in_paragraph(&paragraph(text, &[]), setting(language, Body::HRC))
    }

    /// (kind, addressee) of each request.
    fn who(text: &str, language: Language) -> Vec<(&'static str, &'static str)> {
        requests(text, language).iter().map(|r| (r.kind.as_str(), r.addressee.as_str())).collect()
    }

    #[test]
    fn the_addressee_of_a_request_in_either_language() {
        // (zh, en, kind, addressee)
        let table = [
            ("请高级专员办事处召集两次专家磋商会；", "Requests the Office of the High Commissioner to convene two expert consultations;",
             "request", "OHCHR"),
            ("请联合国人权事务高级专员扩大高级专员办事处的能力；",
             "Requests the United Nations High Commissioner for Human Rights to expand the capacity of the Office;",
             "request", "HighCommissioner"),
            ("又请秘书长向大会第七十九届会议提交报告；",
             "Also requests the Secretary-General to submit a report to the General Assembly at its seventy-ninth session;",
             "request", "SecretaryGeneral"),
            ("还请人权理事会咨询委员会编写一份研究报告；", "Further requests the Human Rights Council Advisory Committee to prepare a study;",
             "request", "AdvisoryCommittee"),
            ("请隐私权特别报告员提交报告；", "Requests the Special Rapporteur on the right to privacy to submit a report;",
             "request", "SpecialRapporteur"),
            ("请雇佣军问题工作组继续开展工作；", "Requests the Working Group on the use of mercenaries to continue its work;",
             "request", "WorkingGroup"),
            ("请独立专家继续开展工作；", "Requests the Independent Expert to continue the work;", "request", "IndependentExpert"),
            ("邀请隐私权特别报告员参与对话；", "Invites the Special Rapporteur on the right to privacy to engage in the dialogue;",
             "invitation", "SpecialRapporteur"),
            ("鼓励高级专员办事处继续开展工作；", "Encourages the Office of the High Commissioner to continue its work;",
             "encouragement", "OHCHR"),
            ("请各国提供资料；", "Requests States to provide information;", "request", "Other"),
        ];
        for (zh, en, kind, addressee) in table {
            assert_eq!(who(zh, Language::Zh), [(kind, addressee)], "{zh}");
            assert_eq!(who(en, Language::En), [(kind, addressee)], "{en}");
        }
        let en = requests("Requests the Special Rapporteur on the right to food to submit a report;", Language::En);
        assert_eq!(en[0].addressee_text, "the Special Rapporteur on the right to food");
        assert_eq!(en[0].action, "submit a report");
        let zh = requests("请隐私权特别报告员提交报告；", Language::Zh);
        assert_eq!((zh[0].addressee_text.as_str(), zh[0].action.as_str()), ("隐私权特别报告员", "提交报告"));
    }

    #[test]
    fn what_is_no_request() {
        let rows = [
            ("鼓励各国和包括民间社会在内的相关利益攸关方开展讨论；", Language::Zh),
            ("Encourages States and relevant stakeholders to engage in discussions;", Language::En),
            ("决定继续处理此事。", Language::Zh),
            ("Decides to remain seized of the matter.", Language::En),
            ("促请所有国家尊重和保护隐私权；", Language::Zh),
            ("Calls upon all States to respect and protect the right to privacy;", Language::En),
            ("重申必须采取整体、包容和全面的办法，并应各国政府的请求提供协助；", Language::Zh),
        ];
        for (text, language) in rows {
            assert_eq!(who(text, language), [], "{text}");
        }
    }

    #[test]
    fn a_request_later_in_a_paragraph() {
        assert_eq!(who("决定召开一次小组讨论会，并请高级专员办事处编写一份摘要报告；", Language::Zh), [("request", "OHCHR")]);
        assert_eq!(
            who("Decides to convene a panel discussion, and requests the Office of the High Commissioner to prepare a summary report;", Language::En),
            [("request", "OHCHR")]
        );
        let en = requests("Requests the Secretary-General to submit a report, and decides to include the item in the agenda of its eightieth session;", Language::En);
        assert_eq!(en[0].due_sessions, Vec::<u32>::new(), "the agenda is the body's own decision, not the request");
        assert_eq!(who("Requests, in this regard, the Secretary-General to submit a report;", Language::En), [("request", "SecretaryGeneral")]);
    }

    #[test]
    fn two_addressees_are_two_requests() {
        let expected = [("request", "SecretaryGeneral"), ("request", "OHCHR")];
        assert_eq!(who("请秘书长和高级专员办事处提供一切必要的援助；", Language::Zh), expected);
        assert_eq!(who("Requests the Secretary-General and the Office of the High Commissioner to provide all necessary assistance;", Language::En), expected);
        let pga = requests("Requests the Secretary-General and the President of the General Assembly to promote the observance;", Language::En);
        assert_eq!(pga[1].addressee_text, "the President of the General Assembly");
        assert_eq!(pga[1].action, "promote the observance");
        // "与" is "with" here, not a second addressee.
        assert_eq!(who("请秘书长与各国协商编写一份报告；", Language::Zh), [("request", "SecretaryGeneral")]);
        let aside = requests("Requests all States, including the administering Powers, to accelerate the dissemination;", Language::En);
        assert_eq!((aside[0].addressee_text.as_str(), aside[0].action.as_str()), ("all States", "accelerate the dissemination"));
    }

    #[test]
    fn a_noted_request_is_not_the_bodys_own() {
        let zh = "注意到秘书长呼吁会员国将人权置于监管框架的核心，并要求联合国人权事务高级专员办事处就人权尽责制定全系统范围的指导意见；";
        let en = "Takes note of the call by the Secretary-General to Member States to place human rights at the centre of regulatory \
                  frameworks, and of the call upon the Office of the United Nations High Commissioner for Human Rights to develop \
                  system-wide guidance on human rights due diligence;";
        for (text, language) in [(zh, Language::Zh), (en, Language::En)] {
            let found = requests(text, language);
            assert_eq!(found.len(), 1, "{text}");
            assert_eq!((found[0].kind, found[0].addressee), (RequestKind::Noted, Addressee::OHCHR));
            assert!(!found[0].is_own_request());
            assert_eq!(found[0].deliverables, [Deliverable::Guidance]);
        }
        // The same paragraph may go on in the body's own voice.
        assert_eq!(who("注意到高级专员的报告，并请高级专员办事处继续开展工作；", Language::Zh), [("request", "OHCHR")]);
        assert_eq!(
            who("Notes with concern the delays, reiterates its request to the Secretary-General to enforce the slotting system;", Language::En),
            [("request", "SecretaryGeneral")]
        );
        assert_eq!(who("Encourages Governments to respond favourably to the requests of the Special Rapporteur for visits;", Language::En), []);
    }

    #[test]
    fn deliverables_in_either_language() {
        // (zh, en, deliverables)
        let table: [(&str, &str, &[Deliverable]); 9] = [
            ("召集两次专家磋商会，并就此提交报告", "to convene two expert consultations and to present reports thereon",
             &[Deliverable::Report, Deliverable::ExpertConsultation]),
            ("编写一份报告，然后举行互动对话", "to prepare a report, to be followed by an interactive dialogue",
             &[Deliverable::Report, Deliverable::InteractiveDialogue]),
            ("编写一项研究", "to prepare a study", &[Deliverable::Study]),
            ("组织一次小组讨论", "to organize a panel discussion", &[Deliverable::Panel]),
            ("应各国请求向其提供咨询和技术援助", "to provide advice and technical assistance to States, upon their request",
             &[Deliverable::TechnicalAssistance]),
            ("应各国政府的请求，协助它们制定法律", "to assist Governments, upon their request, in developing laws",
             &[Deliverable::TechnicalAssistance]),
            ("制定全系统指导意见", "to develop system-wide guidance", &[Deliverable::Guidance]),
            ("举办一次讲习班", "to hold a workshop", &[Deliverable::Workshop]),
            ("口头介绍最新情况", "to provide an oral update", &[Deliverable::OralUpdate]),
        ];
        for (zh, en, expected) in table {
            assert_eq!(deliverables(zh, Language::Zh), expected, "{zh}");
            assert_eq!(deliverables(en, Language::En), expected, "{en}");
        }
        // Not new deliverables: what was asked for before, someone else's report, a title,
        // a rapporteur.
        let none = [
            ("在筹备上述专家磋商会和编写上述报告时征求意见", Language::Zh),
            ("in preparing for the above-mentioned expert consultations and reports, to seek views", Language::En),
            ("taking into account the report of the Special Rapporteur", Language::En),
            ("继续就《工商企业与人权指导原则》开展工作", Language::Zh),
            ("to continue its work on the Guiding Principles on Business and Human Rights", Language::En),
            ("与特别报告员合作", Language::Zh),
        ];
        for (text, language) in none {
            assert_eq!(deliverables(text, language), [], "{text}");
        }
    }

    #[test]
    fn due_sessions_in_either_language() {
        let hrc = setting(Language::Zh, Body::HRC);
        let sessions = |text: &str, setting: Setting| -> Vec<(Body, u32)> {
            due_sessions(text, setting).iter().map(|d| (d.body, d.session)).collect()
        };
        let zh_rows: [(&str, &[(Body, u32)]); 5] = [
            ("向人权理事会第五十和第五十三届会议提交报告", &[(Body::HRC, 50), (Body::HRC, 53)]),
            ("并将报告提交理事会第五十六届会议", &[(Body::HRC, 56)]),
            ("向大会第七十九届会议提交报告", &[(Body::GA, 79)]),
            ("向理事会第五十一至第五十三届会议提交年度报告", &[(Body::HRC, 51), (Body::HRC, 52), (Body::HRC, 53)]),
            ("根据提交人权委员会第六十届会议的报告", &[]),
        ];
        for (text, expected) in zh_rows {
            assert_eq!(sessions(text, hrc), expected, "{text}");
        }
        let en_hrc = setting(Language::En, Body::HRC);
        let en_ga = setting(Language::En, Body::GA);
        type Row<'a> = (&'a str, Setting, &'a [(Body, u32)]);
        let en_rows: [Row; 8] = [
            ("to present reports to the Human Rights Council at its fiftieth and fifty-third sessions", en_hrc,
             &[(Body::HRC, 50), (Body::HRC, 53)]),
            ("to present the report to the Council at its fifty-sixth session", en_hrc, &[(Body::HRC, 56)]),
            ("to present a report thereon to the Human Rights Council at its fifty-ninth session", en_hrc, &[(Body::HRC, 59)]),
            ("to submit to the General Assembly at its seventy- ninth session a report", en_ga, &[(Body::GA, 79)]),
            ("to report thereon at its eightieth session", en_ga, &[(Body::GA, 80)]),
            ("to submit to the General Assembly and the Human Rights Council at their eightieth and sixty-first sessions, respectively, a report",
             en_ga, &[(Body::GA, 80), (Body::HRC, 61)]),
            ("taking into account the proposal submitted to the Commission on Human Rights at its sixtieth session", en_ga, &[]),
            ("under the item entitled \"Follow-up to the Tenth Special Session\"", en_ga, &[]),
        ];
        for (text, setting, expected) in en_rows {
            assert_eq!(sessions(text, setting), expected, "{text}");
        }
    }

    #[test]
    fn items_of_a_decision_may_ask_and_items_of_an_urging_do_not() {
        let decision = paragraph("Decides:", &[("a", "To request the Secretary-General to submit a report at its eightieth session;"), ("b", "To remain seized of the matter.")]);
        let found = requests_in_paragraph(&decision, setting(Language::En, Body::GA));
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].item.as_deref(), found[0].addressee, found[0].due_sessions.as_slice()), (Some("a"), Addressee::SecretaryGeneral, &[80][..]));
        let urging = paragraph("促请所有国家：", &[("a", "尊重和保护隐私权；"), ("b", "邀请所有相关利益攸关方进一步讨论新出现的现象；")]);
        assert_eq!(requests_in_paragraph(&urging, setting(Language::Zh, Body::GA)), []);
        let chapeau = paragraph("请秘书长：", &[("a", "向大会第八十届会议提交报告；")]);
        let found = requests_in_paragraph(&chapeau, setting(Language::Zh, Body::GA));
        assert_eq!((found.len(), found[0].due_sessions.as_slice()), (1, &[80][..]), "the items spell out the chapeau's request");
    }

    #[test]
    fn the_high_commissioner_of_a_refugee_text_is_not_the_human_rights_one() {
        let refugees = Setting { refugees: true, ..setting(Language::En, Body::GA) };
        let found = requests_in_paragraph(&paragraph("Requests the High Commissioner to report on the activities of the Office;", &[]), refugees);
        assert_eq!(found[0].addressee, Addressee::Other);
        let found = requests_in_paragraph(
            &paragraph("Requests the United Nations High Commissioner for Refugees to report;", &[]),
            setting(Language::En, Body::GA),
        );
        assert_eq!(found[0].addressee, Addressee::Other);
        let envoy = requests("Requests the Secretary-General's Special Envoy on Technology to report;", Language::En);
        assert_eq!(envoy[0].addressee, Addressee::Other);
    }

    #[test]
    fn a_request_may_name_no_addressee() {
        let found = requests("Requests to continue to circulate the provisional list;", Language::En);
        assert_eq!((found[0].addressee, found[0].addressee_text.as_str()), (Addressee::Other, ""));
        assert_eq!(found[0].action, "continue to circulate the provisional list");
    }

    #[test]
    fn continued_work_is_marked() {
        assert!(requests("请高级专员办事处继续就此开展工作；", Language::Zh)[0].continuing);
        assert!(requests("Requests the Office of the High Commissioner to continue its work;", Language::En)[0].continuing);
        assert!(!requests("Requests the Office of the High Commissioner to prepare a report;", Language::En)[0].continuing);
    }
}
