//! The build: lint, plan, render what changed, write.

use std::collections::BTreeMap;
use std::path::PathBuf;

use std::collections::BTreeSet;

use placard_core::Code;
use placard_lint::Report;
use placard_pipeline::{
    Checked, Layer, LocaleTexts, OutputFormat, Sources, Template, TemplateBackground, Text, Workspace,
};
use placard_render::Format;
use rayon::prelude::*;
use sha2::{Digest, Sha256};

use crate::BuildError;
use crate::assess::{Assessed, Composer, layout_report};
use crate::context::{ContextInput, context_ids, context_pages};
use crate::inputs::Inputs;
use crate::layout_lint::{add_template_sources, geometry, template_findings};
use crate::output::{
    AssetRecord, FindingRecord, Manifest, Previous, Sheet, Staging, THUMBNAIL_WIDTH, about_asset, contact_sheet, hex,
    live_reload_script, write_atomic,
};
use crate::scene::{Composed, Writing, family_for, line_height_factor};
use crate::shard::Shard;
use crate::web_fonts::PageFonts;

/// What `placard build` was asked for.
#[derive(Clone, Debug, Default)]
pub struct BuildOptions {
    /// Templates to build (names); empty for all.
    pub templates: Vec<String>,
    /// The output folder; default `output.dir` from pipeline.yaml.
    pub out: Option<PathBuf>,
    /// Build the locales that pass lint and list the others, instead of building nothing.
    pub skip_failing: bool,
    /// Render every asset even when its inputs have not changed.
    pub force: bool,
    pub shard: Option<Shard>,
    /// For `placard watch`: `index.html` reloads itself when a later build changes the set (it
    /// polls `build.js`, which each build rewrites with the manifest's hash; works from `file://`).
    pub live_reload: bool,
}

/// Progress, for the caller to show.
#[derive(Clone, Debug)]
pub enum Event<'a> {
    /// How many assets (locale × template) this run covers.
    Planned { total: usize, to_render: usize },
    /// One asset finished: rendered, or reused from the previous build.
    Finished { locale: &'a str, template: &'a str, reused: bool },
    /// One asset the layout checks refused: it is not published.
    Refused { locale: &'a str, template: &'a str },
}

/// What a build did.
#[derive(Debug)]
pub struct BuildReport {
    /// Every finding of the run, text and layout: what `placard lint` reports for the same scope.
    pub lint: Report,
    /// The text of the files the findings point into, for a reporter that quotes lines.
    pub sources: Sources,
    /// Locales not built because the text checks found errors in them (with `--skip-failing`).
    pub skipped_locales: Vec<String>,
    /// Assets not built because the layout checks found errors in them (with `--skip-failing`).
    pub refused: Vec<Refused>,
    pub rendered: usize,
    pub reused: usize,
    pub out: PathBuf,
    pub manifest: Manifest,
}

/// An asset the build would not publish, and the checks that failed on it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refused {
    pub locale: String,
    pub template: String,
    /// The codes of the errors found, each once, in code order.
    pub codes: Vec<Code>,
}

/// One locale × template in this run's scope.
struct Planned<'a> {
    locale: &'a str,
    template: &'a Template,
    inputs_hash: String,
    /// The previous build's records, when its inputs are unchanged (it passed every check then).
    reuse: Option<Vec<AssetRecord>>,
}

/// Runs `placard build` over the locales `workspace` selected: the text checks, then every
/// asset in scope composed and checked ([`crate::assess`]); nothing is published when any of them
/// failed, or, with `skip_failing`, everything but what failed.
pub fn build(
    workspace: &Workspace,
    options: &BuildOptions,
    events: &(dyn Fn(Event<'_>) + Sync),
) -> Result<BuildReport, BuildError> {
    let out = options.out.clone().unwrap_or_else(|| workspace.config.out_dir.clone());
    run(workspace, options, Previous::read(&out), Render::WhatChanged, events)
}

/// What a run may render.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Render {
    /// Every asset whose inputs changed since `previous` (a build).
    WhatChanged,
    /// Nothing: every asset in scope must be reused from `previous`, and nothing else may be
    /// there (a merge of shards; [`crate::merge::uncovered`] says what is not).
    Nothing,
}

/// [`build`], from the output `previous` describes (the output folder's own, or the shards a
/// merge joins).
pub(crate) fn run(
    workspace: &Workspace,
    options: &BuildOptions,
    previous: Option<Previous>,
    render: Render,
    events: &(dyn Fn(Event<'_>) + Sync),
) -> Result<BuildReport, BuildError> {
    let config = &workspace.config;
    let inputs = Inputs::load(config, &options.templates)?;
    // One stage for the text checks, the texts every template shows and the translators'
    // context pages: each locale parsed once, judged and formatted from the same catalog.
    let mut ids = inputs.message_ids(true);
    let context = context_ids(workspace);
    ids.extend(context.iter().map(String::as_str));
    ids.sort_unstable();
    ids.dedup();
    let Checked { report: mut lint, locales: texts, mut sources } = workspace.check(&ids, true)?;
    add_template_sources(workspace, &inputs, &mut sources);
    let failing: Vec<String> =
        lint.summary.locales.iter().filter(|(_, s)| s.errors > 0).map(|(code, _)| code.clone()).collect();
    let mut missing_locales: Vec<String> = lint
        .diagnostics
        .iter()
        .filter(|d| d.is_error() && d.code == Code::MissingLocale)
        .filter_map(|d| d.locale.clone())
        .collect();
    missing_locales.dedup();
    let mut blocked = failing;
    blocked.extend(missing_locales);
    blocked.sort();
    blocked.dedup();

    let selected: Vec<&str> = workspace.selected.iter().map(String::as_str).collect();

    // An id a template shows that neither a selected locale nor the reference has is an error.
    for template in &inputs.templates {
        for (i, layer) in template.layers.iter().enumerate() {
            let Layer::Text(text) = layer else { continue };
            let lacking = |(code, t): &(&String, &LocaleTexts)| {
                workspace.selected.contains(*code) && t.shown.get(&text.message).is_some_and(Option::is_none)
            };
            if let Some((locale, _)) = texts.iter().find(lacking) {
                return Err(BuildError::input(
                    &template.path,
                    format!(
                        "layers[{i}].text: message `{}` is not defined in {locale} nor in the reference locale",
                        text.message
                    ),
                ));
            }
        }
    }

    let keep = config.rules.required_strings();
    let out = options.out.clone().unwrap_or_else(|| config.out_dir.clone());
    let reusing = previous.as_ref().filter(|_| !options.force);

    // With `--shard K/N`, the K-th part of every asset the run would otherwise cover, balanced by cost.
    let parts = options.shard.map(|shard| {
        let costs = selected
            .iter()
            .flat_map(|&l| inputs.templates.iter().map(move |t| ((l, t.name.as_str()), crate::shard::cost(t))))
            .collect();
        (shard, crate::shard::assign(&costs, shard.count))
    });
    let in_shard = |locale: &str, template: &str| {
        parts.as_ref().is_none_or(|(shard, parts)| parts.get(&(locale, template)) == Some(&shard.index))
    };

    // Every asset in scope, with its inputs hash; one whose inputs are unchanged since it was
    // last published passed every check with these inputs and is reused, unchecked and unrendered.
    let mut plan = Vec::new();
    for &locale in &selected {
        for template in inputs.templates.iter().filter(|t| in_shard(locale, &t.name)) {
            let inputs_hash =
                inputs_hash(&inputs, config, template, &Writing::of(workspace, locale), &texts[locale].shown, &keep);
            let reuse = reusing
                .filter(|_| !blocked.iter().any(|b| b == locale))
                .and_then(|p| reusable(p, locale, template, &inputs_hash));
            plan.push(Planned { locale, template, inputs_hash, reuse });
        }
    }
    let geometry: Vec<_> = inputs.templates.iter().map(|t| geometry(workspace, t)).collect();
    let template_level = template_findings(workspace, &geometry);
    let template_refused: BTreeSet<&str> =
        template_level.iter().filter(|d| d.is_error()).filter_map(|d| d.template.as_deref()).collect();
    let is_blocked = |locale: &str| blocked.iter().any(|b| b == locale);
    // When the build must fail (text errors, a template's own fault, no --skip-failing), nothing
    // is rendered: the assets are only composed and checked, for the findings.
    let doomed = !options.skip_failing && (!blocked.is_empty() || !template_refused.is_empty());
    let publishable =
        |p: &Planned<'_>| !doomed && !is_blocked(p.locale) && !template_refused.contains(p.template.name.as_str());
    let to_render = plan.iter().filter(|p| publishable(p) && p.reuse.is_none()).count();
    if render == Render::Nothing && !doomed {
        let missing: Vec<(&str, &str)> = plan
            .iter()
            .filter(|p| publishable(p) && p.reuse.is_none())
            .map(|p| (p.locale, p.template.name.as_str()))
            .collect();
        let planned = |r: &&AssetRecord| plan.iter().any(|p| p.locale == r.locale && p.template.name == r.template);
        let extra: Vec<&AssetRecord> =
            previous.iter().flat_map(|p| &p.manifest.assets).filter(|r| !planned(r)).collect();
        if !missing.is_empty() || !extra.is_empty() {
            return Err(crate::merge::uncovered(previous.as_ref(), &missing, &extra));
        }
    }
    events(Event::Planned { total: plan.iter().filter(|p| publishable(p)).count(), to_render });
    let staging = Staging::new(&out)?;

    // One pass: each asset is composed, checked and, when nothing is wrong with it, rendered into
    // the staging folder at once (no scene is held for a second pass). Whether the staging folder
    // is published is decided after the pass: any error, and it is dropped unpublished.
    // A reused file is checked again when it had findings (warnings), so the report and the
    // translator pages of an incremental build say what a full build says.
    let had_findings = |p: &Planned<'_>| p.reuse.as_ref().is_some_and(|r| r.iter().any(|r| !r.findings.is_empty()));
    let print = crate::print::Print::new(workspace, &inputs);
    let composer = Composer::new(
        workspace,
        &inputs,
        &texts,
        plan.iter().filter(|p| p.reuse.is_none() || had_findings(p)).map(|p| p.template),
    );
    /// What one planned asset came to: its checks, the records of its files, whether reused.
    type Outcome<'a> = (Option<Assessed<'a>>, Option<Vec<AssetRecord>>, bool);
    let results: Vec<Result<Outcome<'_>, BuildError>> = plan
        .par_iter()
        .map(|planned| {
            if let Some(records) = planned.reuse.as_ref().filter(|_| publishable(planned)) {
                let from = reusing.expect("reused from it");
                for record in records {
                    staging.adopt(&from.file(&record.path), &record.path)?;
                }
                if let Some(first) = records.first() {
                    staging.adopt(&from.file(&first.thumbnail), &first.thumbnail)?;
                }
                let checked = had_findings(planned).then(|| composer.assess(planned.locale, planned.template, false));
                events(Event::Finished { locale: planned.locale, template: &planned.template.name, reused: true });
                return Ok((checked, Some(records.clone()), true));
            }
            if planned.reuse.is_some() {
                // Reusable but not to be published this time (the build fails): it passed every
                // check with these inputs when it was published; what it warned of is found again.
                let checked = had_findings(planned).then(|| composer.assess(planned.locale, planned.template, false));
                return Ok((checked, None, false));
            }
            let mut assessed = composer.assess(planned.locale, planned.template, true);
            let composed = assessed.composed.take().expect("kept");
            if !publishable(planned) {
                return Ok((Some(assessed), None, false));
            }
            if assessed.findings.iter().any(placard_core::Diagnostic::is_error) {
                events(Event::Refused { locale: planned.locale, template: &planned.template.name });
                return Ok((Some(assessed), None, false));
            }
            let dir = workspace.direction(planned.locale);
            let lang = crate::scene::Writing::of(workspace, planned.locale).language;
            let shown = &texts[planned.locale].shown;
            let records = render_one(planned, dir, &composed, shown, (&print, &lang), &staging.dir)?;
            events(Event::Finished { locale: planned.locale, template: &planned.template.name, reused: false });
            Ok((Some(assessed), Some(records), false))
        })
        .collect();
    let mut assessed = Vec::new();
    let mut assets = Vec::new();
    let mut rendered = 0;
    let mut reused = 0;
    for result in results {
        let (checked, records, was_reused) = result?;
        if let Some(records) = records {
            if was_reused {
                reused += 1;
            } else {
                rendered += 1;
            }
            assets.extend(records);
        }
        assessed.extend(checked);
    }
    let layout = layout_report(&template_level, &assessed, &geometry, &lint.diagnostics);
    lint.extend(layout);
    // Each file this run published records what the report says about its asset.
    for record in &mut assets {
        record.findings = lint
            .diagnostics
            .iter()
            .filter(|d| about_asset(d, &record.template, &record.locale))
            .map(FindingRecord::of)
            .collect();
    }

    // What the layout checks refuse: an asset with an error of its own, or of its template.
    let mut refused = Vec::new();
    for planned in plan.iter().filter(|p| !is_blocked(p.locale)) {
        let own = assessed
            .iter()
            .find(|a| a.locale == planned.locale && a.template.name == planned.template.name)
            .map(|a| a.findings.as_slice())
            .unwrap_or_default();
        let of_template = template_level.iter().filter(|d| d.template.as_deref() == Some(&planned.template.name));
        let codes: BTreeSet<Code> = own.iter().chain(of_template).filter(|d| d.is_error()).map(|d| d.code).collect();
        if !codes.is_empty() {
            refused.push(Refused {
                locale: planned.locale.to_owned(),
                template: planned.template.name.clone(),
                codes: codes.into_iter().collect(),
            });
        }
    }
    if (!blocked.is_empty() || !refused.is_empty()) && !options.skip_failing {
        // The staging folder is dropped unpublished: the old output stays as it was.
        let mut failing = blocked;
        failing.extend(refused.iter().map(|r| format!("{}/{}", r.locale, r.template)));
        return Err(BuildError::Lint { report: Box::new(lint), failing, sources: Box::new(sources) });
    }
    drop(assessed);

    // Keep what an earlier build made outside this run's scope (other locales, templates or
    // shards), unless its locale now fails lint: nothing from a failing locale stays published.
    // (A refused asset is in scope, so an earlier copy of it is not kept either.)
    let in_scope = |locale: &str, template: &str| {
        selected.contains(&locale) && inputs.templates.iter().any(|t| t.name == template) && in_shard(locale, template)
    };
    if let Some(previous) = &previous {
        for record in &previous.manifest.assets {
            // Pseudo-locale assets stay only while builds ask for them (`--pseudo`).
            let stale_pseudo = placard_fluent::pseudo::Pseudo::from_code(&record.locale).is_some()
                && !workspace.pseudo.contains(&record.locale);
            if !in_scope(&record.locale, &record.template)
                && !stale_pseudo
                && !blocked.contains(&record.locale)
                && previous.file(&record.path).is_file()
            {
                staging.adopt(&previous.file(&record.path), &record.path)?;
                let thumbnail = previous.file(&record.thumbnail);
                if !staging.dir.join(&record.thumbnail).exists() && thumbnail.is_file() {
                    staging.adopt(&thumbnail, &record.thumbnail)?;
                }
                assets.push(record.clone());
            }
        }
    }
    assets.sort_by(|a, b| (&a.locale, &a.template, &a.format).cmp(&(&b.locale, &b.template, &b.format)));
    assets.dedup_by(|a, b| (&a.locale, &a.template, &a.format) == (&b.locale, &b.template, &b.format));
    // The print packs, one PDF per template with every published locale's page.
    let packs = crate::print::packs(&print, &texts, &assets, previous.as_ref(), &staging)?;
    let shard = options.shard;
    let manifest = Manifest { placard: env!("CARGO_PKG_VERSION").to_owned(), shard, assets, packs };
    write_atomic(&staging.dir.join("manifest.json"), manifest.to_json().as_bytes())?;
    let campaign = config.campaign.as_deref().unwrap_or("Placard campaign");
    // Translator context for every selected locale, built or not (a failing locale needs it most),
    // and the pages an earlier build made for locales outside this run, unless they now fail.
    let selected: Vec<&str> =
        workspace.selected.iter().filter(|l| !workspace.pseudo.contains(*l)).map(String::as_str).collect();
    // Columns in pipeline.yaml's order whatever `--template` chose, so a partial build keeps
    // the sheet's layout and the context pages': a template this run did not load is known by its file's name.
    let order: Vec<&str> = config
        .templates
        .iter()
        .filter_map(|path| match inputs.templates.iter().find(|t| &t.path == path) {
            Some(loaded) => Some(loaded.name.as_str()),
            None => path.file_stem().and_then(|s| s.to_str()),
        })
        .collect();
    let fonts = PageFonts::new(&inputs);
    fonts.stage(&staging.dir)?;
    let mut context = Vec::new();
    let context_input = ContextInput {
        workspace,
        lint: &lint,
        manifest: &manifest,
        texts: &texts,
        templates: &inputs.templates,
        order: &order,
        blocked: &blocked,
        refused: &refused,
        fonts: &fonts,
        keep: &keep,
    };
    for (rel, html) in context_pages(&context_input, &selected) {
        write_atomic(&staging.dir.join(&rel), html.as_bytes())?;
    }
    context.extend(selected.iter().copied().filter(|&l| l != config.reference.code));
    let earlier: Vec<String> = previous
        .as_ref()
        .and_then(Previous::folder)
        .and_then(|folder| std::fs::read_dir(folder.join("context")).ok())
        .map(|dir| {
            dir.flatten().filter_map(|e| e.file_name().to_str()?.strip_suffix(".html").map(str::to_owned)).collect()
        })
        .unwrap_or_default();
    for locale in &earlier {
        if !context.contains(&locale.as_str()) && !blocked.contains(locale) {
            let rel = format!("context/{locale}.html");
            staging.adopt(&previous.as_ref().expect("read from it").file(&rel), &rel)?;
            context.push(locale);
        }
    }
    context.sort_unstable();
    let mut sheet = contact_sheet(
        &manifest,
        &Sheet {
            campaign,
            context: &context,
            blocked: &blocked,
            refused: &refused,
            order: &order,
            keep: &keep,
            fonts: &fonts,
        },
    );
    if options.live_reload {
        let id: String =
            Sha256::digest(manifest.to_json().as_bytes()).iter().take(8).map(|b| format!("{b:02x}")).collect();
        sheet = sheet.replace("</body>", &live_reload_script(&id));
        write_atomic(&staging.dir.join("build.js"), format!("placardBuild(\"{id}\");\n").as_bytes())?;
    }
    write_atomic(&staging.dir.join("index.html"), sheet.as_bytes())?;
    staging.publish()?;

    let skipped_locales = blocked;
    Ok(BuildReport { lint, sources, skipped_locales, refused, rendered, reused, out, manifest })
}

fn render_one(
    planned: &Planned<'_>,
    dir: &'static str,
    composed: &Composed,
    texts: &BTreeMap<String, Option<Text>>,
    (print, lang): (&crate::print::Print<'_>, &str),
    out: &std::path::Path,
) -> Result<Vec<AssetRecord>, BuildError> {
    let template = planned.template;
    let pixels = placard_render::render(&composed.scene);
    let alt = template.alt.as_ref().and_then(|id| texts.get(id).cloned().flatten()).map(|t| t.text);
    let thumbnail = format!("thumbs/{}/{}.png", planned.locale, template.name);
    let thumb_height =
        (u64::from(template.height) * u64::from(THUMBNAIL_WIDTH) / u64::from(template.width)).max(1) as u32;
    // Area averaging in integers: a thumbnail is a tenth of a poster's width or less, where a
    // filter's kernel would span dozens of pixels a side (it was 8% of a campaign build).
    let small = image::imageops::thumbnail(&pixels, THUMBNAIL_WIDTH, thumb_height);
    write_atomic(&out.join(&thumbnail), &placard_render::encode(&small, Format::Png, None))?;
    let mut records = Vec::new();
    for &format in &template.outputs {
        let bytes = match render_format(format) {
            Some(raster) => placard_render::encode(&pixels, raster, template.dpi),
            None => {
                let sheet = crate::print::Sheet {
                    scene: &composed.scene,
                    locale: planned.locale,
                    lang: lang.to_owned(),
                    alt: alt.as_deref(),
                };
                print.document(template, &[sheet], format, &print.title(template, Some(planned.locale)))?
            }
        };
        let path = format!("{}/{}.{}", planned.locale, template.name, format.extension());
        write_atomic(&out.join(&path), &bytes)?;
        records.push(AssetRecord {
            locale: planned.locale.to_owned(),
            template: template.name.clone(),
            format: format.extension().to_owned(),
            path,
            width: template.width,
            height: template.height,
            dpi: template.dpi,
            bytes: bytes.len() as u64,
            sha256: hex(&Sha256::digest(&bytes)),
            alt: alt.clone(),
            thumbnail: thumbnail.clone(),
            dir: dir.to_owned(),
            layers: composed.layers.clone(),
            inputs: planned.inputs_hash.clone(),
            findings: Vec::new(),
        });
    }
    Ok(records)
}

/// The raster encoding of `format` (`None`: a PDF, written from the scene).
fn render_format(format: OutputFormat) -> Option<Format> {
    match format {
        OutputFormat::Png => Some(Format::Png),
        OutputFormat::PngSmall => Some(Format::PngSmall),
        OutputFormat::Jpeg { quality } => Some(Format::Jpeg { quality }),
        OutputFormat::WebpLossless => Some(Format::WebpLossless),
        OutputFormat::Pdf { .. } => None,
    }
}

/// The previous build's records for this asset, if they were made from the same inputs and
/// their files are still there at the recorded size.
fn reusable(previous: &Previous, locale: &str, template: &Template, hash: &str) -> Option<Vec<AssetRecord>> {
    let records: Vec<AssetRecord> = previous
        .manifest
        .assets
        .iter()
        .filter(|a| a.locale == locale && a.template == template.name)
        .cloned()
        .collect();
    let formats: Vec<&str> = template.outputs.iter().map(|f| f.extension()).collect();
    let complete = records.len() == formats.len()
        && formats.iter().all(|f| records.iter().any(|r| r.format == *f))
        && records.iter().all(|r| {
            r.inputs == hash
                && std::fs::metadata(previous.file(&r.path)).is_ok_and(|m| m.is_file() && m.len() == r.bytes)
        });
    complete.then_some(records)
}

/// Everything an asset is made from: Placard's version, the template file, the fonts, the images
/// it uses, the locale's family and direction, the texts and the phrases kept together.
fn inputs_hash(
    inputs: &Inputs,
    config: &placard_pipeline::Config,
    template: &Template,
    writing: &Writing<'_>,
    texts: &BTreeMap<String, Option<Text>>,
    keep: &[&str],
) -> String {
    let (locale, rtl) = (writing.code, writing.rtl);
    let mut h = Sha256::new();
    let mut field = |bytes: &[u8]| {
        h.update((bytes.len() as u64).to_le_bytes());
        h.update(bytes);
    };
    field(env!("CARGO_PKG_VERSION").as_bytes());
    field(&template.source);
    field(&inputs.fonts_hash);
    field(locale.as_bytes());
    field(&[u8::from(rtl)]);
    for layer in &template.layers {
        match layer {
            Layer::Text(t) => {
                field(family_for(inputs, locale, t).as_bytes());
                field(&line_height_factor(inputs, writing, t).to_le_bytes());
                let text = texts.get(&t.message).and_then(Option::as_ref).map_or("", |t| t.text.as_str());
                field(text.as_bytes());
            }
            Layer::Image(i) => {
                for path in std::iter::once(&i.path).chain(i.locales.values()) {
                    field(inputs.images.get(path).map_or(&[0; 32][..], |img| &img.hash[..]));
                }
            }
            // The payload and the code's look are in the template's bytes.
            Layer::Qr(_) => {}
        }
    }
    if let TemplateBackground::Image { path, .. } = &template.background {
        field(inputs.images.get(path).map_or(&[0; 32][..], |img| &img.hash[..]));
    }
    if let Some(alt) = template.alt.as_ref().and_then(|id| texts.get(id).cloned().flatten()) {
        field(alt.text.as_bytes());
    }
    for phrase in keep {
        field(phrase.as_bytes());
    }
    // The required rules decide what the layout checks demand (too-small, helpline-hidden, and
    // the numbers a QR code may give: qr-mismatch).
    for rule in &config.rules.required {
        field(rule.message.as_bytes());
        for string in &rule.contains {
            field(string.as_bytes());
        }
    }
    hex(&h.finalize())
}
