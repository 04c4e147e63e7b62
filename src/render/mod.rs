//! Output: the only place where a format is chosen. Renderers take finished model values
//! and return strings; they never read files.

pub mod json;
pub mod text;

use clap::ValueEnum;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
}
