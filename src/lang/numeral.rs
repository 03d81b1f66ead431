//! Numerals shared by counts and dates: Arabic (with thousands separators and decimals),
//! Chinese (零〇一二两三四五六七八九十百千万亿廿半, 几, 数), and mixed forms (6万, 1.5万, 3千).
//!
//! Width is normalised before this runs, so `[0-9]` is all that is needed for Arabic digits.

/// How a count relates to the true quantity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Approx {
    /// The number as stated.
    #[default]
    Exact,
    /// At least the number: 余, 多, 逾, 以上, 超过, 十几.
    Over,
    /// At most the number: 近, 不到, 不足, 接近.
    Under,
    /// Around the number: 约, 左右, 上百, 数十.
    About,
}

/// How a numeral is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    /// `211`, `1.5`, `3,000`.
    Arabic,
    /// `十三`, `两千三百万`.
    Chinese,
    /// `6万`, `1.5万`.
    Mixed,
}

/// Vagueness carried by the numeral itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Vague {
    /// A plain number.
    None,
    /// `十几`: at least the number.
    Over,
    /// `数十`, `几十`, `四五`: around the number.
    About,
}

/// A numeral read from the start of a string.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Numeral {
    /// Its value (`十几` → 10, `数万` → 10000, `四五` → 4).
    pub value: f64,
    /// Bytes consumed.
    pub len: usize,
    /// How it is written.
    pub script: Script,
    /// Vagueness inside the numeral.
    pub vague: Vague,
    /// Chinese digits written one by one (`二〇二二`), as years are.
    pub digit_string: bool,
    /// A bare scale character with no digit (`百`, `千`, `万`).
    pub bare_scale: bool,
}

impl Numeral {
    /// The numeral is the single character `一`, which usually means "a/one", not a count.
    pub fn is_lone_one(&self, s: &str) -> bool {
        self.script == Script::Chinese && &s[..self.len] == "一"
    }
}

fn digit(c: char) -> Option<u32> {
    Some(match c {
        '零' | '〇' => 0,
        '一' | '壹' => 1,
        '二' | '两' | '贰' => 2,
        '三' | '叁' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

fn small_unit(c: char) -> Option<u64> {
    Some(match c {
        '十' | '拾' => 10,
        '百' | '佰' => 100,
        '千' | '仟' => 1000,
        _ => return None,
    })
}

fn big_unit(c: char) -> Option<u64> {
    Some(match c {
        '万' => 10_000,
        '亿' => 100_000_000,
        _ => return None,
    })
}

/// Whether `c` can start or continue a Chinese numeral.
pub fn is_chinese_numeral_char(c: char) -> bool {
    digit(c).is_some()
        || small_unit(c).is_some()
        || big_unit(c).is_some()
        || matches!(c, '廿' | '卅' | '半' | '几' | '数')
}

/// Every character [`is_chinese_numeral_char`] accepts, in code point order: they all lie
/// between 〇 (U+3007) and the end of the basic CJK block. For word lists built once (the
/// cue scan's numeral starts); a per-character test should call the function.
pub fn chinese_numeral_chars() -> impl Iterator<Item = char> {
    ('\u{3007}'..='\u{9FFF}').filter(|&c| is_chinese_numeral_char(c))
}

/// The largest value a numeral may have. News counts stay far below it; a longer run of
/// digits is an identifier or noise, and its value (up to infinity for 400 digits) is no
/// count: every value read is finite.
pub const MAX_VALUE: f64 = 1e15;

/// Read a numeral at the start of `s`; none when its value passes [`MAX_VALUE`].
pub fn parse(s: &str) -> Option<Numeral> {
    let c = s.chars().next()?;
    let n = if c.is_ascii_digit() {
        parse_arabic(s)
    } else if is_chinese_numeral_char(c) {
        parse_chinese(s).map(|n| decimal(s, n))
    } else {
        None
    };
    n.filter(|n| n.value.is_finite() && n.value <= MAX_VALUE)
}

fn parse_arabic(s: &str) -> Option<Numeral> {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    // thousands separators: exactly three digits after each comma
    while i + 3 < b.len()
        && b[i] == b','
        && b[i + 1..i + 4].iter().all(u8::is_ascii_digit)
        && !b.get(i + 4).is_some_and(u8::is_ascii_digit)
    {
        i += 4;
    }
    if i + 1 < b.len() && b[i] == b'.' && b[i + 1].is_ascii_digit() {
        i += 1;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
    }
    let digits = &s[..i];
    let value: f64 = if digits.contains(',') {
        digits.replace(',', "").parse().ok()?
    } else {
        digits.parse().ok()?
    };
    let mut n = Numeral {
        value,
        len: i,
        script: Script::Arabic,
        vague: Vague::None,
        digit_string: false,
        bare_scale: false,
    };
    // scale words: 6万, 1.5万, 3千, 2百万, 1.2亿
    let rest = &s[i..];
    for (w, f) in [
        ("百万", 1e6),
        ("千万", 1e7),
        ("万亿", 1e12),
        ("千", 1e3),
        ("万", 1e4),
        ("亿", 1e8),
    ] {
        if rest.starts_with(w) {
            n.value *= f;
            n.len += w.len();
            n.script = Script::Mixed;
            add_below_scale(s, &mut n, f);
            break;
        }
    }
    Some(n)
}

/// Digits after a scale word that fill the places below it: 2万300 = 20300, 3亿2000万; one
/// digit alone is the next place down, as spoken (1万2 = 12000).
fn add_below_scale(s: &str, n: &mut Numeral, scale: f64) {
    let rest = s.get(n.len..).unwrap_or("");
    if !rest.starts_with(|c: char| c.is_ascii_digit()) {
        return;
    }
    let Some(m) = parse_arabic(rest) else { return };
    let digits = &rest[..m.len];
    if m.value.fract() != 0.0 || digits.contains([',', '.']) {
        return;
    }
    let below = if m.len == 1 && m.script == Script::Arabic {
        m.value * scale / 10.0
    } else {
        m.value
    };
    if below > 0.0 && below < scale {
        n.value += below;
        n.len += m.len;
    }
}

/// The most characters a Chinese numeral is read over.
const MAX_CHARS: usize = 24;

fn parse_chinese(s: &str) -> Option<Numeral> {
    // on the stack: this runs at every numeral character of every article
    let mut buf = [(0usize, '\0'); MAX_CHARS];
    let mut n = 0;
    for (i, c) in s.char_indices() {
        if !is_chinese_numeral_char(c) || n >= MAX_CHARS {
            break;
        }
        buf[n] = (i, c);
        n += 1;
    }
    let chars = &buf[..n];
    // 数/几 only lead (数十, 几百) or follow a unit (十几); 半 only stands alone or ends.
    let mut vague = Vague::None;
    let mut start = 0;
    if matches!(chars.first(), Some((_, '数' | '几'))) {
        match chars.get(1) {
            Some((_, c)) if small_unit(*c).is_some() || big_unit(*c).is_some() => {
                vague = Vague::About;
                start = 1;
            }
            _ => return None,
        }
    }
    let mut body_buf = ['\0'; MAX_CHARS];
    for (b, &(_, c)) in body_buf.iter_mut().zip(&chars[start..]) {
        *b = c;
    }
    let body = &body_buf[..n - start];
    let mut end = body.len();
    // cut at a second 数, or at 几 not right after 十/百/千/万
    for (k, &c) in body.iter().enumerate() {
        if c == '数' || (c == '几' && (k == 0 || small_unit(body[k - 1]).is_none() && big_unit(body[k - 1]).is_none()))
        {
            end = k;
            break;
        }
        if c == '半' {
            end = k + 1;
            break;
        }
    }
    let body = &body[..end];
    if body.is_empty() {
        return None;
    }
    if body == ['半'] {
        return Some(done(0.5, chars, start, end, vague, false, false));
    }
    if body.last() == Some(&'半') {
        // 两个半 is handled by counts; here 半 only ends a numeral such as 一半 is not one.
        return None;
    }
    let all_digits = body.iter().all(|&c| digit(c).is_some());
    if all_digits && body.len() >= 2 {
        let d = |k: usize| digit(body[k]).unwrap_or(0);
        if body.len() == 2 && d(1) == d(0) + 1 && d(0) > 0 {
            // 四五位: "four or five"
            return Some(done(d(0) as f64, chars, start, end, Vague::About, false, false));
        }
        if body.contains(&'两') {
            return None;
        }
        let v = (0..body.len()).fold(0f64, |acc, k| acc * 10.0 + d(k) as f64);
        return Some(done(v, chars, start, end, vague, true, false));
    }
    let read = positional(body);
    if read.used < body.len() {
        // the numeral ends before what its value would not read: that text, read alone, is
        // the numeral (〇两卅 → 〇两, no numeral, as 〇两 alone is none); shorter each time
        return parse_chinese(&s[..chars[start + read.used].0]);
    }
    if read.value == 0 && !read.saw_digit {
        return None;
    }
    // a lone 十 is ten (十名专家); a lone 百, 千 or 万 is a scale word
    let bare = !read.saw_digit && read.used == 1 && start == 0 && small_unit(body[0]) != Some(10);
    if read.about {
        vague = Vague::About;
    } else if read.over && vague == Vague::None {
        vague = Vague::Over;
    }
    Some(done(read.value as f64, chars, start, read.used, vague, false, bare))
}

/// What [`positional`] read.
struct Positional {
    value: u64,
    /// Characters of the body read: the numeral ends there, so its text is what its value says.
    used: usize,
    saw_digit: bool,
    /// `十几`: 几 after a unit.
    over: bool,
    /// `二十三四`: two neighbouring digits at the end, "twenty-three or four".
    about: bool,
}

/// The value of a numeral written with units (两千三百万, 一百零五, 四万万).
///
/// It stops before any character whose value it would drop, so a numeral never spans text
/// its value does not read: a digit (or 廿, 卅) while a digit waits for its unit (十五三: the 三
/// would replace the 五) ends it, unless it is the next digit before a unit or at the end
/// (三四十, 二十三四: the first reading, about), and a 零 at the end holds no place. A scale with nothing before it since the last one (四万万,
/// 一亿亿) multiplies all that came before, as 亿 after 万 does (三万亿).
fn positional(body: &[char]) -> Positional {
    let mut read = Positional {
        value: 0,
        used: body.len(),
        saw_digit: false,
        over: false,
        about: false,
    };
    let (mut total, mut section) = (0u64, 0u64);
    // a digit read and not yet multiplied by a unit
    let mut number: Option<u64> = None;
    // the unit right before that digit: a last digit right after 百, 千, 万 or 亿 is the
    // next place down, as spoken (三百五 = 350, 四万二 = 42000); after 零 it is units
    let mut number_after: u64 = 1;
    let mut prev_unit: u64 = 1;
    for (k, &c) in body.iter().enumerate() {
        let d = digit(c);
        if let Some(p) = number.filter(|_| d.is_some() || matches!(c, '廿' | '卅')) {
            // the next digit before a unit or at the end is an alternative: 三四十 (30 or
            // 40), 二十三四 (23 or 24); the value reads the first
            let unit_next = body
                .get(k + 1)
                .is_some_and(|&n| small_unit(n).is_some() || big_unit(n).is_some());
            let last = k + 1 == body.len() && (section > 0 || total > 0);
            if d.map(u64::from) != Some(p + 1) || !(unit_next || last) {
                read.used = k;
                break;
            }
            read.about = true;
            continue;
        }
        let unit = small_unit(c).or_else(|| big_unit(c)).unwrap_or(1);
        if let Some(d) = d {
            // 零 only holds a place (一百零五); it is not a digit to multiply
            number = (d > 0).then_some(d as u64);
            number_after = prev_unit;
            read.saw_digit = true;
        } else if let Some(u) = small_unit(c) {
            section = section.saturating_add(number.unwrap_or(1).saturating_mul(u));
            number = None;
        } else if let Some(u) = big_unit(c) {
            let block = section.saturating_add(number.take().unwrap_or(0));
            total = match (block, total) {
                (0, 0) => u,
                (0, _) => total.saturating_mul(u),
                _ if u == 10_000 => total.saturating_add(block.saturating_mul(u)),
                _ => total.saturating_add(block).saturating_mul(u),
            };
            section = 0;
        } else if c == '廿' || c == '卅' {
            section = section.saturating_add(if c == '廿' { 20 } else { 30 });
            read.saw_digit = true;
        } else if c == '几' {
            read.over = true;
        }
        prev_unit = unit;
    }
    // a 零 at the end holds no place (一百零): it is not part of the numeral
    while read.used > 1 && matches!(body[read.used - 1], '零' | '〇') {
        read.used -= 1;
    }
    let last = number.unwrap_or(0).saturating_mul((number_after / 10).max(1));
    read.value = total.saturating_add(section).saturating_add(last);
    read
}

/// A Chinese decimal after the whole part `n` (二点五, 十四.七, 零点零五, 二点五万): digits one
/// by one after 点 or `.`. Not a clock (三点五十分, 三点五分) nor a second 点.
fn decimal(s: &str, n: Numeral) -> Numeral {
    if n.vague != Vague::None || n.bare_scale || n.value.fract() != 0.0 || n.value > 1e12 {
        return n;
    }
    let rest = s.get(n.len..).unwrap_or("");
    let Some(frac) = rest.strip_prefix('点').or_else(|| rest.strip_prefix('.')) else {
        return n;
    };
    let mut digits = String::new();
    let mut len = 0;
    for c in frac.chars().take(MAX_CHARS) {
        match digit(c) {
            Some(d) if c != '两' => digits.push(char::from(b'0' + d as u8)),
            _ => break,
        }
        len += c.len_utf8();
    }
    let tail = frac.get(len..).unwrap_or("");
    let after = tail.chars().next();
    if digits.is_empty() || after.is_some_and(|c| small_unit(c).is_some() || "分刻时点.".contains(c)) {
        return n;
    }
    let Ok(mut value) = format!("{}.{digits}", n.value as u64).parse::<f64>() else {
        return n;
    };
    len += rest.len() - frac.len();
    if let Some(u) = after.and_then(big_unit) {
        value *= u as f64;
        len += after.map_or(0, char::len_utf8);
    }
    Numeral {
        value,
        len: n.len + len,
        digit_string: false,
        ..n
    }
}

fn done(
    value: f64,
    chars: &[(usize, char)],
    start: usize,
    end: usize,
    vague: Vague,
    digit_string: bool,
    bare_scale: bool,
) -> Numeral {
    let (last_i, last_c) = chars[start + end - 1];
    Numeral {
        value,
        len: last_i + last_c.len_utf8(),
        script: Script::Chinese,
        vague,
        digit_string,
        bare_scale,
    }
}

#[cfg(test)]
mod tests;
