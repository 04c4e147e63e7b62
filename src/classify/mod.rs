//! Findings read from a document's paragraphs: the voting record, with country names
//! resolved through the gazetteer.

pub mod countries;
pub mod vote;
pub mod rights;
pub mod requests;
