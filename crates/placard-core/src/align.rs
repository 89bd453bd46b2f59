//! Alignment words designers use in templates.

/// Horizontal alignment in reading order: `Start` is left in a left-to-right paragraph and right in
/// a right-to-left one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Align {
    #[default]
    Start,
    Center,
    End,
}

/// Vertical alignment of a block inside its box.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum VAlign {
    #[default]
    Top,
    Middle,
    Bottom,
}
