//! Text: character classes, numerals and dates, the vocabulary every later stage shares.

pub mod numerals;
