//! SVG artwork as PDF vectors, from the same checked usvg tree the raster image was painted
//! from. A tree is drawn as vectors only when everything in it is something PDF paints the way
//! resvg does — groups with transforms and opacity, paths filled and stroked in flat colours or
//! linear and radial gradients — and otherwise (a clip path, a mask, a filter, a pattern, a blend
//! mode) the caller embeds the painted pixels instead: never a picture that differs from the PNG.
//!
//! (krilla-svg does this job in general, but its release pins an older usvg than the build's and
//! turns on usvg's text and system-font features, which Placard builds without on purpose; the
//! campaign's artwork needs only the part here.)

use krilla::color::rgb;
use krilla::geom::{Path, PathBuilder, Rect, Transform};
use krilla::num::NormalizedF32;
use krilla::paint::{
    Fill, FillRule, LineCap, LineJoin, LinearGradient, Paint, RadialGradient, SpreadMethod, Stop, Stroke, StrokeDash,
};
use krilla::surface::Surface;
use placard_scene::Artwork;
use usvg::tiny_skia_path::PathSegment;
use usvg::{BlendMode, Group, Node};

/// Draws `art` into a `w` × `h` px image at the current origin, clipped to it as the painted
/// pixels are. Returns `false`, having drawn nothing, when the tree holds something this does
/// not draw exactly.
pub(crate) fn draw(surface: &mut Surface<'_>, art: &Artwork, (w, h): (f32, f32)) -> bool {
    if !drawable(art.tree.root()) {
        return false;
    }
    let Some(clip) = Rect::from_xywh(0.0, 0.0, w, h) else { return false };
    let mut pb = PathBuilder::new();
    pb.push_rect(clip);
    let Some(clip) = pb.finish() else { return false };
    surface.push_clip_path(&clip, &FillRule::NonZero);
    surface.push_transform(&transform(art.transform));
    group(surface, art.tree.root());
    surface.pop();
    surface.pop();
    true
}

fn transform(t: usvg::Transform) -> Transform {
    Transform::from_row(t.sx, t.ky, t.kx, t.sy, t.tx, t.ty)
}

/// Whether everything under `group` is drawn the same by PDF as by resvg.
fn drawable(group: &Group) -> bool {
    group.clip_path().is_none()
        && group.mask().is_none()
        && group.filters().is_empty()
        && group.blend_mode() == BlendMode::Normal
        && group.children().iter().all(|node| match node {
            Node::Group(g) => drawable(g),
            Node::Path(p) => {
                let paints = p.fill().map(|f| f.paint()).into_iter().chain(p.stroke().map(|s| s.paint()));
                paints.into_iter().all(|paint| !matches!(paint, usvg::Paint::Pattern(_)))
            }
            Node::Image(_) | Node::Text(_) => false,
        })
}

fn group(surface: &mut Surface<'_>, group: &Group) {
    surface.push_transform(&transform(group.transform()));
    let opacity = group.opacity().get();
    let faded = opacity < 1.0;
    if faded {
        surface.push_opacity(NormalizedF32::new(opacity).unwrap_or(NormalizedF32::ONE));
    }
    for node in group.children() {
        match node {
            Node::Group(g) => self::group(surface, g),
            Node::Path(p) if p.is_visible() => path(surface, p),
            _ => {}
        }
    }
    if faded {
        surface.pop();
    }
    surface.pop();
}

fn path(surface: &mut Surface<'_>, p: &usvg::Path) {
    let Some(outline) = convert(p.data()) else { return };
    let fill = p.fill().map(|f| Fill {
        paint: paint(f.paint()),
        opacity: normalized(f.opacity().get()),
        rule: match f.rule() {
            usvg::FillRule::NonZero => FillRule::NonZero,
            usvg::FillRule::EvenOdd => FillRule::EvenOdd,
        },
    });
    let stroke = p.stroke().map(|s| Stroke {
        paint: paint(s.paint()),
        width: s.width().get(),
        miter_limit: s.miterlimit().get(),
        line_cap: match s.linecap() {
            usvg::LineCap::Butt => LineCap::Butt,
            usvg::LineCap::Round => LineCap::Round,
            usvg::LineCap::Square => LineCap::Square,
        },
        line_join: match s.linejoin() {
            usvg::LineJoin::Miter | usvg::LineJoin::MiterClip => LineJoin::Miter,
            usvg::LineJoin::Round => LineJoin::Round,
            usvg::LineJoin::Bevel => LineJoin::Bevel,
        },
        opacity: normalized(s.opacity().get()),
        dash: s.dasharray().map(|array| StrokeDash { array: array.to_vec(), offset: s.dashoffset() }),
    });
    let fill_first = p.paint_order() == usvg::PaintOrder::FillAndStroke;
    for filling in [fill_first, !fill_first] {
        match (filling, &fill, &stroke) {
            (true, Some(fill), _) => {
                surface.set_stroke(None);
                surface.set_fill(Some(fill.clone()));
            }
            (false, _, Some(stroke)) => {
                surface.set_fill(None);
                surface.set_stroke(Some(stroke.clone()));
            }
            _ => continue,
        }
        surface.draw_path(&outline);
    }
    surface.set_fill(None);
    surface.set_stroke(None);
}

fn normalized(v: f32) -> NormalizedF32 {
    NormalizedF32::new(v.clamp(0.0, 1.0)).unwrap_or(NormalizedF32::ONE)
}

fn color(c: usvg::Color) -> rgb::Color {
    rgb::Color::new(c.red, c.green, c.blue)
}

fn stops(stops: &[usvg::Stop]) -> Vec<Stop> {
    stops
        .iter()
        .map(|s| Stop {
            offset: normalized(s.offset().get()),
            color: color(s.color()).into(),
            opacity: normalized(s.opacity().get()),
        })
        .collect()
}

fn spread(method: usvg::SpreadMethod) -> SpreadMethod {
    match method {
        usvg::SpreadMethod::Pad => SpreadMethod::Pad,
        usvg::SpreadMethod::Reflect => SpreadMethod::Reflect,
        usvg::SpreadMethod::Repeat => SpreadMethod::Repeat,
    }
}

fn paint(paint: &usvg::Paint) -> Paint {
    match paint {
        usvg::Paint::Color(c) => color(*c).into(),
        usvg::Paint::LinearGradient(g) => LinearGradient {
            x1: g.x1(),
            y1: g.y1(),
            x2: g.x2(),
            y2: g.y2(),
            transform: transform(g.transform()),
            spread_method: spread(g.spread_method()),
            stops: stops(g.stops()),
            anti_alias: true,
        }
        .into(),
        usvg::Paint::RadialGradient(g) => RadialGradient {
            fx: g.fx(),
            fy: g.fy(),
            fr: g.fr().get(),
            cx: g.cx(),
            cy: g.cy(),
            cr: g.r().get(),
            transform: transform(g.transform()),
            spread_method: spread(g.spread_method()),
            stops: stops(g.stops()),
            anti_alias: true,
        }
        .into(),
        // Refused by `drawable` before anything is drawn.
        usvg::Paint::Pattern(_) => rgb::Color::new(0, 0, 0).into(),
    }
}

fn convert(data: &usvg::tiny_skia_path::Path) -> Option<Path> {
    let mut pb = PathBuilder::new();
    for segment in data.segments() {
        match segment {
            PathSegment::MoveTo(p) => pb.move_to(p.x, p.y),
            PathSegment::LineTo(p) => pb.line_to(p.x, p.y),
            PathSegment::QuadTo(p1, p) => pb.quad_to(p1.x, p1.y, p.x, p.y),
            PathSegment::CubicTo(p1, p2, p) => pb.cubic_to(p1.x, p1.y, p2.x, p2.y, p.x, p.y),
            PathSegment::Close => pb.close(),
        }
    }
    pb.finish()
}
