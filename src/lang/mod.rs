//! Chinese-language knowledge, the bottom layer: numerals, the calendar, surnames, places,
//! text scanning primitives and the span type. It imports nothing from the layers above
//! (text → extractors → pipeline → record; see `tests/layers.rs`).

pub mod calendar;
pub mod names;
pub mod numeral;
pub mod places;
pub mod scan;
mod span;

pub use span::Span;
