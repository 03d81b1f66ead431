//! Byte-level scanning for punctuation. Han characters (UTF-8 lead bytes `E4`–`E9`) are never
//! punctuation, so a scan that looks only at lead bytes marked in a table skips them without
//! decoding, several times faster than testing every `char`.

/// A table of the UTF-8 lead bytes of `chars`.
pub(crate) const fn lead_bytes(chars: &[char]) -> [bool; 256] {
    let mut t = [false; 256];
    let mut i = 0;
    while i < chars.len() {
        let mut buf = [0u8; 4];
        let b = chars[i].encode_utf8(&mut buf).as_bytes()[0];
        t[b as usize] = true;
        i += 1;
    }
    t
}

/// The code point of the character starting at byte `i` of `s` and its length, read
/// straight from the bytes: cheaper than `char_indices` in the scans that look at every
/// character. `i` must be a character boundary.
#[inline(always)]
pub(crate) fn decode_at(s: &str, i: usize) -> (u32, usize) {
    let b = s.as_bytes();
    let lead = b[i];
    if lead < 0x80 {
        (u32::from(lead), 1)
    } else if lead < 0xE0 {
        ((u32::from(lead & 0x1F) << 6) | u32::from(b[i + 1] & 0x3F), 2)
    } else if lead < 0xF0 {
        let u = (u32::from(lead & 0x0F) << 12) | (u32::from(b[i + 1] & 0x3F) << 6) | u32::from(b[i + 2] & 0x3F);
        (u, 3)
    } else {
        (s[i..].chars().next().map_or(0, u32::from), 4)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_every_width() {
        let s = "a©医𠀀";
        let got: Vec<(u32, usize)> = s.char_indices().map(|(i, _)| decode_at(s, i)).collect();
        let want: Vec<(u32, usize)> = s.chars().map(|c| (u32::from(c), c.len_utf8())).collect();
        assert_eq!(got, want);
    }
}
