//! What is normal for a locale's script: which invisible characters its writing system uses on
//! purpose (RLM in Arabic, ZWSP in Khmer, ZWNJ in Persian). The script and direction themselves
//! come from [`placard_core::Locale`] (ICU4X's likely subtags).

/// Scripts that separate words with ZERO WIDTH SPACE rather than spaces (Khmer, Thai, Lao,
/// Myanmar, Tibetan, Javanese, Balinese).
const ZWSP_SCRIPTS: &[&str] = &["Khmr", "Thai", "Laoo", "Mymr", "Tibt", "Java", "Bali"];

/// Scripts that shape letters with ZWNJ/ZWJ: Arabic, the Indic scripts, Sinhala.
const JOINER_SCRIPTS: &[&str] =
    &["Arab", "Deva", "Beng", "Guru", "Gujr", "Orya", "Taml", "Telu", "Knda", "Mlym", "Sinh"];

/// How a character that may hide or reorder text is treated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Invisible {
    /// LRE, RLE, PDF, LRO, RLO: they change the direction of everything up to their end.
    Override,
    /// LRI, RLI, FSI, PDI, LRM, RLM, ALM: the standard tools for keeping mixed text in order.
    DirectionMark,
    /// Zero-width and other invisible characters.
    Hidden,
}

/// Classifies `c`, or `None` for an ordinary character.
pub fn classify(c: char) -> Option<Invisible> {
    match c {
        '\u{202A}'..='\u{202E}' => Some(Invisible::Override),
        '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}' => Some(Invisible::DirectionMark),
        '\u{200B}'..='\u{200D}'
        | '\u{2060}'..='\u{2064}'
        | '\u{FEFF}'
        | '\u{00AD}'
        | '\u{180E}'
        | '\u{034F}'
        | '\u{115F}'
        | '\u{1160}'
        | '\u{3164}'
        | '\u{FFA0}'
        | '\u{FFF9}'..='\u{FFFB}'
        | '\u{E0000}'..='\u{E007F}' => Some(Invisible::Hidden),
        _ => None,
    }
}

/// Whether `text` holds a character [`classify`] recognises. memchr jumps between the lead
/// bytes such characters can start with; the next byte rules out most (ordinary text in any
/// script, kana included, shares some lead bytes), and only what is left is decoded, so
/// typographic quotes and ellipses (which share `E2 80` with the zero-width characters) pass.
pub fn may_contain_invisible(text: &str) -> bool {
    let bytes = text.as_bytes();
    let candidate = |i: usize| {
        let next = bytes.get(i + 1).copied().unwrap_or(0);
        let prefix = match bytes[i] {
            0xC2 => next == 0xAD,                 // U+00AD
            0xCD => next == 0x8F,                 // U+034F
            0xD8 => next == 0x9C,                 // U+061C
            0xE1 => next == 0x85 || next == 0xA0, // U+115F, U+1160, U+180E
            0xE2 => next == 0x80 || next == 0x81, // U+200B..U+206F
            0xE3 => next == 0x85,                 // U+3164
            0xEF => next >= 0xBB,                 // U+FEFF, U+FFA0, U+FFF9..
            0xF3 => next == 0xA0,                 // U+E0000..
            _ => false,
        };
        // Lead bytes are character boundaries, so the slice at a hit starts with a whole character.
        prefix && text[i..].chars().next().and_then(classify).is_some()
    };
    memchr::memchr3_iter(0xE2, 0xC2, 0xEF, bytes).any(candidate)
        || memchr::memchr3_iter(0xD8, 0xE1, 0xE3, bytes).any(candidate)
        || memchr::memchr2_iter(0xCD, 0xF3, bytes).any(candidate)
}

/// Whether `c` (already classified) is ordinary outside required text in a locale written in
/// `script` (ISO 15924), right to left when `rtl`.
pub fn is_normal(c: char, script: Option<&str>, rtl: bool) -> bool {
    let script = script.unwrap_or("");
    match c {
        // Overrides can reverse any text; no script needs them.
        '\u{202D}' | '\u{202E}' => false,
        // Embeddings, isolates and marks: long-standing practice in right-to-left trees.
        '\u{202A}'..='\u{202C}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}' => rtl,
        '\u{200B}' => ZWSP_SCRIPTS.contains(&script),
        '\u{200C}' | '\u{200D}' => rtl || JOINER_SCRIPTS.contains(&script),
        // A soft hyphen is a legitimate hyphenation hint in any language.
        '\u{00AD}' => true,
        _ => false,
    }
}

/// The name of an invisible or confusable character, for messages: `U+200B ZERO WIDTH SPACE`.
pub fn describe(c: char) -> String {
    let name = match c {
        '\u{00A0}' => "NO-BREAK SPACE",
        '\u{00AD}' => "SOFT HYPHEN",
        '\u{061C}' => "ARABIC LETTER MARK",
        '\u{200B}' => "ZERO WIDTH SPACE",
        '\u{200C}' => "ZERO WIDTH NON-JOINER",
        '\u{200D}' => "ZERO WIDTH JOINER",
        '\u{200E}' => "LEFT-TO-RIGHT MARK",
        '\u{200F}' => "RIGHT-TO-LEFT MARK",
        '\u{202A}' => "LEFT-TO-RIGHT EMBEDDING",
        '\u{202B}' => "RIGHT-TO-LEFT EMBEDDING",
        '\u{202C}' => "POP DIRECTIONAL FORMATTING",
        '\u{202D}' => "LEFT-TO-RIGHT OVERRIDE",
        '\u{202E}' => "RIGHT-TO-LEFT OVERRIDE",
        '\u{202F}' => "NARROW NO-BREAK SPACE",
        '\u{2060}' => "WORD JOINER",
        '\u{2066}' => "LEFT-TO-RIGHT ISOLATE",
        '\u{2067}' => "RIGHT-TO-LEFT ISOLATE",
        '\u{2068}' => "FIRST STRONG ISOLATE",
        '\u{2069}' => "POP DIRECTIONAL ISOLATE",
        '\u{FEFF}' => "ZERO WIDTH NO-BREAK SPACE",
        '\u{FFFD}' => "REPLACEMENT CHARACTER",
        _ => "",
    };
    let shown =
        if c.is_control() || classify(c).is_some() || c.is_whitespace() { String::new() } else { format!("'{c}' ") };
    if name.is_empty() { format!("{shown}U+{:04X}", c as u32) } else { format!("{shown}U+{:04X} {name}", c as u32) }
}

/// The ASCII character that `c` looks like, for digits from other scripts and common confusables.
/// The decimal digit blocks of other scripts, each by its zero and its name.
const DIGIT_BLOCKS: &[(u32, &str)] = &[
    (0x0660, "Arabic-Indic"),
    (0x06F0, "Extended Arabic-Indic"),
    (0x07C0, "N'Ko"),
    (0x0966, "Devanagari"),
    (0x09E6, "Bengali"),
    (0x0A66, "Gurmukhi"),
    (0x0AE6, "Gujarati"),
    (0x0B66, "Oriya"),
    (0x0BE6, "Tamil"),
    (0x0C66, "Telugu"),
    (0x0CE6, "Kannada"),
    (0x0D66, "Malayalam"),
    (0x0DE6, "Sinhala"),
    (0x0E50, "Thai"),
    (0x0ED0, "Lao"),
    (0x0F20, "Tibetan"),
    (0x1040, "Myanmar"),
    (0x17E0, "Khmer"),
    (0x1810, "Mongolian"),
    (0xFF10, "full-width"),
    (0x1D7CE, "mathematical bold"),
    (0x1D7D8, "mathematical double-struck"),
    (0x1D7E2, "mathematical sans-serif"),
    (0x1D7EC, "mathematical sans-serif bold"),
    (0x1D7F6, "mathematical monospace"),
];

/// The name of the script whose decimal digit `c` is, when it is one of another script's digits.
pub fn digit_script(c: char) -> Option<&'static str> {
    let code = c as u32;
    DIGIT_BLOCKS.iter().find(|(zero, _)| (*zero..zero + 10).contains(&code)).map(|(_, name)| *name)
}

pub fn lookalike(c: char) -> Option<char> {
    let code = c as u32;
    if let Some((zero, _)) = DIGIT_BLOCKS.iter().find(|(zero, _)| (*zero..zero + 10).contains(&code)) {
        return char::from_digit(code - zero, 10);
    }
    match c {
        'O' | 'o' | 'О' | 'о' | 'Ο' | 'ο' => Some('0'),
        'l' | 'I' | 'ǀ' | 'Ӏ' => Some('1'),
        '\u{2000}'..='\u{200A}' | '\u{3000}' => Some(' '),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn normal(c: char, tag: &str) -> bool {
        let locale = placard_core::Locale::parse(tag).expect("valid tag");
        is_normal(c, locale.script(), locale.is_rtl())
    }

    #[test]
    fn normal_characters_depend_on_the_script() {
        assert!(normal('\u{200F}', "ar"));
        assert!(!normal('\u{200F}', "pl"));
        assert!(normal('\u{200B}', "km"));
        assert!(normal('\u{200B}', "my"));
        assert!(!normal('\u{200B}', "fr"));
        assert!(!normal('\u{202E}', "he"));
        assert!(normal('\u{200C}', "hi") && normal('\u{200C}', "pa") && normal('\u{200C}', "si"));
        assert!(!normal('\u{200C}', "de"));
    }

    #[test]
    fn the_fast_filter_never_misses_a_classified_character() {
        for code in 0..=0x10FFFF_u32 {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            if classify(c).is_some() {
                let text = format!("ab{c}cd");
                assert!(may_contain_invisible(&text), "U+{code:04X}");
            }
        }
        assert!(!may_contain_invisible("Привет, こんにちは, مرحبا, 你好"));
    }

    #[test]
    fn lookalike_digits_map_to_ascii() {
        assert_eq!(lookalike('٣'), Some('3'));
        assert_eq!(lookalike('੫'), Some('5'));
        assert_eq!(lookalike('５'), Some('5'));
        assert_eq!(lookalike('x'), None);
    }
}
