//! Hospitals (SPEC §3).

use crate::text::segment::Segmenter;
use crate::text::{Document, Span};

/// One hospital and its mentions.
#[derive(Debug, Clone, PartialEq)]
pub struct HospitalFound {
    /// Canonical (fullest) name, simplified.
    pub name: String,
    /// Every mention, in order.
    pub mentions: Vec<Span>,
}

/// Find hospitals.
pub fn extract(_doc: &Document, _seg: &Segmenter, _out: &mut Vec<HospitalFound>) {}
