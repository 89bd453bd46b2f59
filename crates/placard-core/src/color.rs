//! Colours as designers write them (`#1b1f4a`, `#ffd400cc`) and the WCAG arithmetic on them.

use std::fmt;
use std::str::FromStr;

/// An sRGB colour with straight (not premultiplied) alpha.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Rgba {
    pub r: u8,
    pub g: u8,
    pub b: u8,
    pub a: u8,
}

impl Rgba {
    pub const WHITE: Rgba = Rgba { r: 255, g: 255, b: 255, a: 255 };
    pub const BLACK: Rgba = Rgba { r: 0, g: 0, b: 0, a: 255 };

    pub const fn rgb(r: u8, g: u8, b: u8) -> Rgba {
        Rgba { r, g, b, a: 255 }
    }
}

/// Why a colour could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ColorError(pub String);

impl fmt::Display for ColorError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}` is not a colour: write #rgb, #rrggbb or #rrggbbaa", self.0)
    }
}

impl std::error::Error for ColorError {}

impl FromStr for Rgba {
    type Err = ColorError;

    fn from_str(s: &str) -> Result<Rgba, ColorError> {
        let error = || ColorError(s.to_owned());
        let hex = s.trim().strip_prefix('#').ok_or_else(error)?;
        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(error());
        }
        let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).map_err(|_| error());
        let nibble = |i: usize| u8::from_str_radix(&hex[i..=i], 16).map(|n| n * 17).map_err(|_| error());
        match hex.len() {
            3 => Ok(Rgba::rgb(nibble(0)?, nibble(1)?, nibble(2)?)),
            6 => Ok(Rgba::rgb(byte(0)?, byte(2)?, byte(4)?)),
            8 => Ok(Rgba { r: byte(0)?, g: byte(2)?, b: byte(4)?, a: byte(6)? }),
            _ => Err(error()),
        }
    }
}

impl fmt::Display for Rgba {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.a == 255 {
            write!(f, "#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
        } else {
            write!(f, "#{:02x}{:02x}{:02x}{:02x}", self.r, self.g, self.b, self.a)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_hex() {
        assert_eq!("#1b1f4a".parse(), Ok(Rgba::rgb(0x1b, 0x1f, 0x4a)));
        assert_eq!("#fff".parse(), Ok(Rgba::WHITE));
        assert_eq!("#ffd400cc".parse::<Rgba>().map(|c| c.a), Ok(0xcc));
        assert!("red".parse::<Rgba>().is_err());
        assert!("#12345".parse::<Rgba>().is_err());
        assert!("#ééé".parse::<Rgba>().is_err());
        assert_eq!(Rgba::rgb(0x1b, 0x1f, 0x4a).to_string(), "#1b1f4a");
    }
}
