//! One asset: a template's layers filled with a locale's texts, laid out and turned into a scene.

use std::collections::BTreeMap;

use image::RgbaImage;
use placard_layout::{TextBlock, TextSpec, Typesetter, VAlign};
use placard_lint::Lockup;
use placard_pipeline::{Anchor, BoxPx, Direction, Group, Layer, QrLayer, Template, TemplateBackground, TextLayer};
use placard_scene::{Artwork, Background, Scene};

use crate::inputs::{Inputs, Picture};
use crate::output::{LayerRecord, LineRecord};
use placard_pipeline::Text;

/// A scene ready to render and what was laid out in it.
#[derive(Debug)]
pub struct Composed {
    pub scene: Scene,
    pub layers: Vec<LayerRecord>,
    /// The laid-out text of each text layer, in template order.
    pub blocks: Vec<Block>,
}

/// One text layer's laid-out text, the box it was fitted in (width, height in px, inside any band
/// padding) and where that box's top-left corner is on the canvas (where its glyphs are painted).
#[derive(Debug)]
pub struct Block {
    /// Shared with the scene's text layer, which draws it.
    pub text: std::sync::Arc<TextBlock>,
    pub fitted_in: [f32; 2],
    pub origin: (i32, i32),
}

/// How a locale is written, as its layout needs it: the folder code (what pipeline.yaml's fonts
/// and a layer's per-locale images are keyed by), direction, BCP 47 tag and script.
#[derive(Clone, Debug)]
pub struct Writing<'a> {
    pub code: &'a str,
    pub rtl: bool,
    pub language: String,
    pub script: Option<String>,
}

impl<'a> Writing<'a> {
    /// `code` as the workspace knows it (aliases included).
    pub fn of(workspace: &placard_pipeline::Workspace, code: &'a str) -> Writing<'a> {
        let locale = workspace.locale(code).cloned().or_else(|| workspace.config.locale(code).ok());
        Writing {
            code,
            rtl: workspace.is_rtl(code),
            language: locale.as_ref().map_or_else(|| code.to_owned(), |l| l.language_tag()),
            script: locale.as_ref().and_then(|l| l.script().map(str::to_owned)),
        }
    }
}

/// The factor on `layer`'s line height for `writing`: pipeline.yaml's for the locale, else its
/// script's default for the family it is set in.
pub fn line_height_factor(inputs: &Inputs, writing: &Writing<'_>, layer: &TextLayer) -> f32 {
    inputs.families.line_height_for(writing.code).unwrap_or_else(|| {
        placard_layout::line_height_factor(writing.script.as_deref(), family_for(inputs, writing.code, layer))
    })
}

/// The family that `locale`'s text is shaped with when a layer does not name one.
pub fn family_for<'a>(inputs: &'a Inputs, locale: &str, layer: &'a TextLayer) -> &'a str {
    layer.font.as_deref().or_else(|| inputs.families.family_for(locale)).unwrap_or("Noto Sans")
}

/// Lays out every layer of `template` for `locale`, right to left when `rtl` (the workspace's
/// locale says, aliases included). `background` is the template's background
/// image already scaled to the canvas; `keep` are phrases never broken across lines; `lockups`
/// are the required messages drawn as lock-ups (each on one line, at least its scale times the
/// size of its lead-in).
///
/// Three steps: every layer is laid out in the room its box gives it; the lock-ups' lead-ins are
/// made small enough and each group is stacked (its text made smaller, in turn, while the stack
/// does not fit); then the scene is painted in the template's order.
#[allow(clippy::too_many_arguments)]
pub fn compose(
    template: &Template,
    inputs: &Inputs,
    writing: &Writing<'_>,
    texts: &BTreeMap<String, Option<Text>>,
    background: Option<&Picture>,
    keep: &[&str],
    lockups: &[Lockup],
    typesetter: &mut Typesetter,
) -> Composed {
    let background = match (&template.background, background) {
        (TemplateBackground::Color(c), _) => Background::Solid(*c),
        (TemplateBackground::Gradient { from, to, angle }, _) => {
            Background::Gradient { from: *from, to: *to, angle: *angle }
        }
        (TemplateBackground::Image { under, .. }, Some(picture)) => {
            Background::Image { image: std::sync::Arc::clone(&picture.pixels), under: *under, art: picture.art.clone() }
        }
        (TemplateBackground::Image { under, .. }, None) => Background::Solid(*under),
    };
    let (locale, rtl) = (writing.code, writing.rtl);
    let mut pieces: Vec<Piece<'_>> = template
        .layers
        .iter()
        .enumerate()
        .map(|(i, layer)| {
            let member = template.group_of(i).is_some();
            match layer {
                Layer::Text(text_layer) => {
                    let text = texts.get(&text_layer.message).and_then(Option::as_ref).map_or("", |t| t.text.as_str());
                    let one_line = lockups.iter().any(|l| l.message == text_layer.message);
                    let mut piece = TextPiece::new(text_layer, text, member, one_line, keep, rtl);
                    piece.lay_out(inputs, writing, typesetter);
                    Piece::Text(piece)
                }
                Layer::Image(image_layer) => {
                    let path = placard_core::entry_for(&image_layer.locales, locale).unwrap_or(&image_layer.path);
                    let b = image_layer.bbox;
                    let (image, art) = inputs.fitted(path, b.w.max(1) as u32, b.h.max(1) as u32).unzip();
                    Piece::Image { image, art: art.flatten(), room: b, at: None }
                }
                // Not in a group (the template refuses that): drawn where its box says.
                Layer::Qr(qr) => Piece::Qr(qr),
            }
        })
        .collect();
    settle_lockups(&mut pieces, lockups, inputs, writing, typesetter);
    let mut group_bands = Vec::new();
    for group in &template.groups {
        group_bands.push(stack(group, &mut pieces, lockups, inputs, writing, typesetter));
    }

    let mut layers = Vec::new();
    let mut records = Vec::new();
    let mut blocks = Vec::new();
    for (i, piece) in pieces.into_iter().enumerate() {
        if let Some(g) = template.groups.iter().position(|g| g.members.start == i)
            && let Some(band) = group_bands[g].take()
        {
            layers.push(band);
        }
        match piece {
            Piece::Text(piece) => {
                let (mut painted, record, block) = piece.finish();
                layers.append(&mut painted);
                records.push(record);
                blocks.push(block);
            }
            Piece::Image { image: Some(image), art, room, at } => {
                let (x, y) = at.unwrap_or((
                    room.x + (room.w - image.width() as i32) / 2,
                    room.y + (room.h - image.height() as i32) / 2,
                ));
                layers.push(placard_scene::Layer::Image { x, y, image, art });
            }
            Piece::Image { image: None, .. } => {}
            Piece::Qr(qr) => layers.extend(qr_layers(qr)),
        }
    }
    Composed {
        scene: Scene { width: template.width, height: template.height, background, layers },
        layers: records,
        blocks,
    }
}

/// One layer while the scene is composed.
enum Piece<'a> {
    Text(TextPiece<'a>),
    /// An image fitted in its room (`None`: not loaded), drawn at `at` once a group placed it, or
    /// centred in its room.
    Image {
        image: Option<RgbaImage>,
        /// The SVG the image was painted from, for a vector output.
        art: Option<Artwork>,
        room: BoxPx,
        at: Option<(i32, i32)>,
    },
    Qr(&'a QrLayer),
}

impl Piece<'_> {
    /// The room the piece takes along `direction`, px (0: nothing to draw).
    fn extent(&self, direction: Direction) -> i32 {
        match self {
            Piece::Text(t) => t.extent(direction),
            Piece::Image { image: Some(image), .. } => match direction {
                Direction::Column => image.height() as i32,
                Direction::Row => image.width() as i32,
            },
            Piece::Image { image: None, .. } => 0,
            Piece::Qr(qr) => match direction {
                Direction::Column => qr.bbox.h,
                Direction::Row => qr.bbox.w,
            },
        }
    }
}

/// A text layer while the scene is composed: its text, the room it may take, its laid-out block
/// and, once placed, the slot it takes on the canvas.
struct TextPiece<'a> {
    layer: &'a TextLayer,
    text: &'a str,
    /// The phrases never broken across lines (a lock-up: all of it).
    keep: Vec<&'a str>,
    rtl: bool,
    /// A lock-up: one line, never wrapped.
    one_line: bool,
    /// Inside a group: laid out from the top of its room, then placed by the group.
    member: bool,
    /// The largest size the layer may take now (a lock-up's lead-in is held below the lock-up).
    max_size: f32,
    /// The room, inside any band padding.
    room: (i32, i32, i32, i32),
    block: Option<TextBlock>,
    /// The slot a group gave it (band included), and the group's direction.
    slot: Option<BoxPx>,
    direction: Direction,
}

impl<'a> TextPiece<'a> {
    fn new(layer: &'a TextLayer, text: &'a str, member: bool, one_line: bool, keep: &[&'a str], rtl: bool) -> Self {
        // A lock-up is one unbreakable unit: every space in it is kept.
        let keep = if one_line { vec![text] } else { keep.to_vec() };
        let b = layer.bbox;
        let [pad_v, pad_h] = layer.band.map_or([0.0, 0.0], |band| band.padding).map(|p| p.round() as i32);
        let room = (b.x + pad_h, b.y + pad_v, (b.w - 2 * pad_h).max(1), (b.h - 2 * pad_v).max(1));
        TextPiece {
            layer,
            text,
            keep,
            rtl,
            one_line,
            member,
            max_size: layer.size[0],
            room,
            block: None,
            slot: None,
            direction: Direction::Column,
        }
    }

    fn padding(&self) -> (i32, i32) {
        let [pad_v, pad_h] = self.layer.band.map_or([0.0, 0.0], |band| band.padding).map(|p| p.round() as i32);
        (pad_v, pad_h)
    }

    fn spec<'s>(&'s self, inputs: &'s Inputs, writing: &'s Writing<'_>) -> TextSpec<'s> {
        let layer = self.layer;
        TextSpec {
            text: self.text,
            language: &writing.language,
            keep: &self.keep,
            family: family_for(inputs, writing.code, layer),
            latin_family: inputs.families.families.get("default").map(String::as_str),
            weight: layer.weight,
            max_size: self.max_size,
            min_size: layer.size[1].min(self.max_size),
            line_height: layer.line_height * line_height_factor(inputs, writing, layer),
            align: layer.align,
            // A group places the block: it is laid out from the top of its room.
            valign: if self.member { VAlign::Top } else { layer.valign },
            rtl: self.rtl,
            width: self.room.2 as f32,
            height: self.room.3 as f32,
            one_line: self.one_line,
        }
    }

    fn lay_out(&mut self, inputs: &Inputs, writing: &Writing<'_>, typesetter: &mut Typesetter) {
        let block = typesetter.lay_out(&self.spec(inputs, writing));
        self.block = Some(block);
    }

    fn size(&self) -> f32 {
        self.block.as_ref().map_or(0.0, |b| b.size)
    }

    /// The room the text (and its band padding) takes along `direction`, px; 0 for no text.
    fn extent(&self, direction: Direction) -> i32 {
        let Some(e) = self.block.as_ref().and_then(|b| b.extent) else { return 0 };
        let (pad_v, pad_h) = self.padding();
        match direction {
            Direction::Column => e.height().ceil() as i32 + 2 * pad_v,
            Direction::Row => e.width().ceil() as i32 + 2 * pad_h,
        }
    }

    /// The painted layers, the manifest's record and the block the checks read.
    fn finish(self) -> (Vec<placard_scene::Layer>, LayerRecord, Block) {
        let layer = self.layer;
        let (pad_v, pad_h) = self.padding();
        let block = self.block.expect("laid out");
        let (origin, r#box, fitted_in) = match (self.slot, block.extent) {
            (Some(slot), Some(e)) => {
                // Along the group's direction the block's extent starts where its slot does; across,
                // it stays aligned in its room as the layer's `align` says.
                let origin = match self.direction {
                    Direction::Column => (self.room.0, ((slot.y + pad_v) as f32 - e.top).round() as i32),
                    Direction::Row => (((slot.x + pad_h) as f32 - e.left).round() as i32, self.room.1),
                };
                (origin, slot, [self.room.2 as f32, self.room.3 as f32])
            }
            _ => ((self.room.0, self.room.1), layer.bbox, [self.room.2 as f32, self.room.3 as f32]),
        };
        let mut painted = Vec::new();
        if let Some(band) = layer.band {
            let b = layer.bbox;
            let (y, height) = match (self.slot, band.hug, block.extent) {
                (Some(slot), _, _) => (slot.y as f32, slot.h as f32),
                (None, true, Some(e)) => (origin.1 as f32 + e.top - pad_v as f32, e.height() + 2.0 * pad_v as f32),
                _ => (b.y as f32, b.h as f32),
            };
            painted.push(placard_scene::Layer::Band {
                x: b.x as f32,
                y: y.round(),
                width: b.w as f32,
                height: height.round(),
                radius: band.radius,
                color: band.color,
            });
        }
        let record = LayerRecord {
            message: layer.message.clone(),
            text: self.text.to_owned(),
            r#box: r#box.as_array(),
            size: block.size,
            lines: line_records(&block, origin),
            fits: block.fits,
        };
        let block = std::sync::Arc::new(block);
        painted.push(placard_scene::Layer::Text { x: origin.0, y: origin.1, color: layer.color, block: block.clone() });
        (painted, record, Block { text: block, fitted_in, origin })
    }
}

/// Holds each lock-up's lead-in below the lock-up's size over its scale (the lock-up keeps the
/// largest size that fits it on one line; its lead-in gives way).
fn settle_lockups(
    pieces: &mut [Piece<'_>],
    lockups: &[Lockup],
    inputs: &Inputs,
    writing: &Writing<'_>,
    typesetter: &mut Typesetter,
) {
    for lockup in lockups {
        let size_of = |pieces: &[Piece<'_>], message: &str| {
            pieces.iter().find_map(|p| match p {
                Piece::Text(t)
                    if t.layer.message == message && t.block.as_ref().is_some_and(|b| b.extent.is_some()) =>
                {
                    Some(t.size())
                }
                _ => None,
            })
        };
        let Some(size) = size_of(pieces, &lockup.message) else { continue };
        let cap = (size / lockup.scale).floor().max(1.0);
        for piece in pieces.iter_mut() {
            if let Piece::Text(t) = piece
                && t.layer.message == lockup.after
                && t.size() > cap
            {
                t.max_size = cap;
                t.lay_out(inputs, writing, typesetter);
            }
        }
    }
}

/// Stacks `group`'s members: while the stack is longer than the group's room, its text (but a
/// lock-up's) is fitted in proportionally less room, a few rounds at most; then each member gets
/// its slot from the anchor on, `gaps` apart, and the group's band (if any) is returned. A stack
/// that still does not fit keeps its order: the members past the end are marked as not fitting,
/// which the `overflow` check reports.
#[allow(clippy::too_many_arguments)]
fn stack(
    group: &Group,
    pieces: &mut [Piece<'_>],
    lockups: &[Lockup],
    inputs: &Inputs,
    writing: &Writing<'_>,
    typesetter: &mut Typesetter,
) -> Option<placard_scene::Layer> {
    let rtl = writing.rtl;
    let d = group.direction;
    let [pad_v, pad_h] = group.band.map_or([0.0, 0.0], |band| band.padding).map(|p| p.round() as i32);
    let b = group.bbox;
    let inner = BoxPx { x: b.x + pad_h, y: b.y + pad_v, w: (b.w - 2 * pad_h).max(1), h: (b.h - 2 * pad_v).max(1) };
    let room = match d {
        Direction::Column => inner.h,
        Direction::Row => inner.w,
    };
    let total = |pieces: &[Piece<'_>]| {
        let shown: Vec<(usize, i32)> =
            group.members.clone().enumerate().map(|(k, i)| (k, pieces[i].extent(d))).filter(|&(_, e)| e > 0).collect();
        let gaps: i32 = shown.iter().rev().skip(1).map(|&(k, _)| group.gap_after(k)).sum();
        shown.iter().map(|&(_, e)| e).sum::<i32>() + gaps
    };
    // A lock-up keeps its size, and a text already at its smallest size cannot give room.
    let is_lockup = |t: &TextPiece<'_>| {
        lockups.iter().any(|l| l.message == t.layer.message) || t.size() <= t.layer.size[1].min(t.max_size) + 0.5
    };
    for _ in 0..4 {
        let over = total(pieces) - room;
        if over <= 0 {
            break;
        }
        let flexible: i32 = group
            .members
            .clone()
            .filter_map(|i| match &pieces[i] {
                Piece::Text(t) if !is_lockup(t) => Some(t.extent(d)),
                _ => None,
            })
            .sum();
        if flexible <= 0 {
            break;
        }
        let share = (1.0 - over as f32 / flexible as f32).max(0.3);
        for i in group.members.clone() {
            if let Piece::Text(t) = &mut pieces[i]
                && !is_lockup(t)
                && t.extent(d) > 0
            {
                let (pad_v, pad_h) = t.padding();
                let before = t.room;
                match d {
                    Direction::Column => {
                        t.room.3 = (((t.extent(d) as f32) * share) as i32 - 2 * pad_v).max(1).min(t.room.3);
                    }
                    Direction::Row => {
                        t.room.2 = (((t.extent(d) as f32) * share) as i32 - 2 * pad_h).max(1).min(t.room.2);
                    }
                }
                t.lay_out(inputs, writing, typesetter);
                if t.block.as_ref().is_some_and(|b| !b.fits) {
                    // Less room than its smallest size needs: it keeps the room it had.
                    t.room = before;
                    t.lay_out(inputs, writing, typesetter);
                }
            }
        }
        settle_lockups(pieces, lockups, inputs, writing, typesetter);
    }

    let length = total(pieces);
    let lead = match group.anchor {
        Anchor::Start => 0,
        Anchor::Center => (room - length) / 2,
        Anchor::End => room - length,
    }
    .max(0);
    let mut cursor = lead;
    let mut first = true;
    for (k, i) in group.members.clone().enumerate() {
        let extent = pieces[i].extent(d);
        if extent == 0 {
            continue;
        }
        if !first {
            // The gap after the previous shown member.
            cursor += group.gap_after(k.saturating_sub(1));
        }
        first = false;
        let beyond = cursor + extent > room;
        let slot = match d {
            Direction::Column => BoxPx { x: inner.x, y: inner.y + cursor, w: inner.w, h: extent },
            Direction::Row if rtl => {
                BoxPx { x: inner.x + inner.w - cursor - extent, y: inner.y, w: extent, h: inner.h }
            }
            Direction::Row => BoxPx { x: inner.x + cursor, y: inner.y, w: extent, h: inner.h },
        };
        match &mut pieces[i] {
            Piece::Text(t) => {
                t.slot = Some(slot);
                t.direction = d;
                if beyond && let Some(block) = t.block.as_mut() {
                    block.fits = false;
                }
            }
            Piece::Image { image: Some(image), at, .. } => {
                *at = Some(match d {
                    // Across a column, at the reading-order start, as the text beside it.
                    Direction::Column if rtl => (slot.x + slot.w - image.width() as i32, slot.y),
                    Direction::Column => (slot.x, slot.y),
                    Direction::Row => (slot.x, slot.y + (slot.h - image.height() as i32) / 2),
                });
            }
            Piece::Image { image: None, .. } | Piece::Qr(_) => {}
        }
        cursor += extent;
    }
    let band = group.band?;
    let (start, length) = if band.hug { (lead, length.min(room - lead)) } else { (0, room) };
    let (x, y, w, h) = match d {
        Direction::Column => (b.x, inner.y + start - pad_v, b.w, length + 2 * pad_v),
        Direction::Row if rtl => (inner.x + inner.w - start - length - pad_h, b.y, length + 2 * pad_h, b.h),
        Direction::Row => (inner.x + start - pad_h, b.y, length + 2 * pad_h, b.h),
    };
    Some(placard_scene::Layer::Band {
        x: x as f32,
        y: y as f32,
        width: w as f32,
        height: h as f32,
        radius: band.radius,
        color: band.color,
    })
}

/// A QR layer as painted: its light square (the code and its quiet zone), then its dark modules.
pub fn qr_layers(qr: &QrLayer) -> [placard_scene::Layer; 2] {
    let (x, y) = qr.code_origin();
    let margin = (placard_pipeline::QR_QUIET_ZONE * qr.module_px) as i32;
    let outer = qr.outer_side();
    [
        placard_scene::Layer::Rect { x: x - margin, y: y - margin, width: outer, height: outer, color: qr.light },
        placard_scene::Layer::Cells {
            x,
            y,
            module: qr.module_px,
            columns: qr.side,
            cells: qr.modules.as_slice().into(),
            color: qr.dark,
        },
    ]
}

/// The manifest's record of each line of `block`, whose box is at `origin` on the canvas.
fn line_records(block: &TextBlock, origin: (i32, i32)) -> Vec<LineRecord> {
    block
        .lines
        .iter()
        .map(|line| {
            let ink = line.ink.map_or([origin.0, origin.1 + line.top.round() as i32, 0, 0], |i| {
                [origin.0 + i.left as i32, origin.1 + i.top as i32, i.width() as i32, i.height() as i32]
            });
            let text = block.text.get(line.text.clone()).unwrap_or_default().trim();
            LineRecord { text: text.to_owned(), size: block.size, ink }
        })
        .collect()
}
