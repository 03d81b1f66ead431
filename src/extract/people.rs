//! People (SPEC §4).

use super::hospitals::HospitalFound;
use crate::text::segment::Segmenter;
use crate::text::{Document, Span};

/// One person and their mentions.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonFound {
    /// The name, simplified.
    pub name: String,
    /// Titles.
    pub titles: Vec<String>,
    /// Organisation of the main title.
    pub org: Option<String>,
    /// Every mention, in order.
    pub mentions: Vec<Span>,
}

/// Find people.
pub fn extract(_doc: &Document, _seg: &Segmenter, _h: &[HospitalFound], _out: &mut Vec<PersonFound>) {}
