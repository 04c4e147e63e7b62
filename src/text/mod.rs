//! Text: character classes, numerals and dates, the vocabulary every later stage shares.

pub mod chars;
pub mod compare;
pub mod date;
pub mod edits;
pub mod numerals;
pub mod pattern;

pub use chars::{is_cjk, is_cjk_punct, is_figure, is_han};
