//! `--shard K/N`: which assets each of N CI jobs builds. The parts are balanced by what an asset
//! costs to make, not by how many there are: an A4 poster at 300 dpi is eight Instagram squares'
//! worth of pixels, encoded twice. Every job sees the same project, so every job computes the same
//! assignment, and `placard merge` checks that the shards it joins cover it.

use std::collections::BTreeMap;

use placard_pipeline::{OutputFormat, Template};

/// `--shard K/N`: build the K-th of N parts of the assets (1 ≤ K ≤ N).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Shard {
    pub index: u32,
    pub count: u32,
}

/// What an asset costs to make, in pixels: its canvas once per raster output (each is rendered's
/// pixels encoded again; JPEG encoding costs about as much as rendering and PNG together), at
/// least once (the thumbnail is drawn from those pixels). A PDF output is not counted: it is
/// written from the scene, as vectors, and measured at under 2% of an A4 poster's time.
pub(crate) fn cost(template: &Template) -> u64 {
    let raster = template.outputs.iter().filter(|f| !matches!(f, OutputFormat::Pdf { .. })).count();
    u64::from(template.width) * u64::from(template.height) * raster.max(1) as u64
}

/// The shard (1-based) of each asset in `assets` ((locale, template) → cost), into `count`
/// parts: longest first (by cost, then by locale and template), each to the part that costs
/// least so far (the lowest-numbered of equals). Deterministic: the same assets and costs give
/// the same parts on every machine, whatever order they were given in.
pub(crate) fn assign<'a>(assets: &BTreeMap<(&'a str, &'a str), u64>, count: u32) -> BTreeMap<(&'a str, &'a str), u32> {
    let mut order: Vec<(&(&str, &str), &u64)> = assets.iter().collect();
    order.sort_by(|(a, ca), (b, cb)| cb.cmp(ca).then_with(|| a.cmp(b)));
    let mut load = vec![0u64; count.max(1) as usize];
    let mut parts = BTreeMap::new();
    for (&asset, &cost) in order {
        let (least, _) = load.iter().enumerate().min_by_key(|&(i, l)| (*l, i)).expect("at least one part");
        load[least] += cost;
        parts.insert(asset, least as u32 + 1);
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn campaign_like() -> BTreeMap<(&'static str, &'static str), u64> {
        let templates =
            [("a4", 2550 * 3578 * 2), ("square", 1080 * 1080), ("story", 1080 * 1920), ("link", 1200 * 630 * 2)];
        let mut assets = BTreeMap::new();
        for locale in ["ar", "en-GB", "gd", "pa", "pl", "uk", "ur", "zh-Hans"] {
            for (template, cost) in templates {
                assets.insert((locale, template), cost);
            }
        }
        assets
    }

    #[test]
    fn shards_partition_the_assets() {
        let assets = campaign_like();
        for count in 1..=5 {
            let parts = assign(&assets, count);
            assert_eq!(parts.len(), assets.len(), "every asset in exactly one shard");
            assert!(parts.values().all(|&k| (1..=count).contains(&k)));
        }
    }

    #[test]
    fn shards_are_balanced_by_cost_not_count() {
        let assets = campaign_like();
        let parts = assign(&assets, 3);
        let load = |k| assets.iter().filter(|(a, _)| parts[*a] == k).map(|(_, c)| c).sum::<u64>();
        let loads: Vec<u64> = (1..=3).map(load).collect();
        let (max, min) = (*loads.iter().max().unwrap_or(&0), *loads.iter().min().unwrap_or(&0));
        // LPT is within 4/3 of the optimum; with many small assets after the posters, far closer.
        assert!(max - min <= 1080 * 1920, "loads {loads:?}");
        // The eight posters are shared out, not piled in one part.
        let posters = |k| parts.iter().filter(|((_, t), p)| *t == "a4" && **p == k).count();
        assert_eq!((1..=3).map(posters).collect::<Vec<_>>(), [3, 3, 2]);
    }
}
