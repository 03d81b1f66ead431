//! First-case claims (SPEC §7).

use super::counts::CountMention;
use super::hospitals::HospitalFound;
use crate::text::{Document, Span};

/// One claim.
#[derive(Debug, Clone, PartialEq)]
pub struct FirstFound {
    /// Where the claim phrase is.
    pub span: Span,
    /// Scope.
    pub scope: Option<String>,
    /// What.
    pub what: Option<String>,
    /// Hospital.
    pub hospital: Option<String>,
    /// Count of firsts.
    pub count: Option<u64>,
}

/// Find first-case claims.
pub fn extract(_doc: &Document, _h: &[HospitalFound], _c: &[CountMention], _out: &mut Vec<FirstFound>) {}
