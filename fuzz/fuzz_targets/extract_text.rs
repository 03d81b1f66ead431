//! Arbitrary bytes; when they are UTF-8, extract them as one article and check the record.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        zhnews_fuzz::extract_and_check(text);
    }
});
