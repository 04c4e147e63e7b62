//! Value types of the reference stage; the body is the model's [`Body`].

/// Language of the paragraph being read. The two languages have different
/// citation grammars (Chinese lists close with `号决议`, English lists open
/// with `resolution(s)`), so the caller must say which one it has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    Zh,
    En,
}

/// The organ that adopted a resolution (or issued a document): the model's own type.
pub use crate::model::Body;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RefKind {
    Resolution,
    Document,
}

/// One reference found in a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Full UN symbol, e.g. `A/HRC/RES/41/11`, `S/RES/2467 (2019)`,
    /// `A/RES/217 A (III)`, or a document symbol such as `A/HRC/47/52`.
    pub target: String,
    pub body: Body,
    pub kind: RefKind,
    /// ISO date (`2019-07-11`) when the citing text states one for this item.
    pub date: Option<crate::text::date::Date>,
    /// Subject as the citing text gives it (`关于…的`, `on …`, `entitled “…”`).
    pub title: Option<String>,
    /// Leading verb phrase of the paragraph as written (`又回顾`, `Recalling also`).
    pub verb: Option<String>,
    /// Byte span of the identifier itself in the input (`41/11`, `2467 (2019)`,
    /// `A/HRC/47/52`), without `第`/`号`, markdown brackets or glued footnotes.
    pub start: usize,
    pub end: usize,
}
