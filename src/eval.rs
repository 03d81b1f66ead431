//! Scoring records against gold annotations (filled by the evaluation issue).
