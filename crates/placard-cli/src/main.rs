//! `placard`: a thin shell over the Placard libraries. It parses flags, loads the project, runs the
//! checks, prints what a reporter rendered and maps the outcome to an exit code:
//! 0 no errors (warnings allowed), 1 errors found, 2 unusable input.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use placard_pipeline::{Config, DEFAULT_CONFIG, Workspace};
use placard_report::{github, human, json};

mod progress;

/// Placard turns Fluent translations and design templates into finished, localised campaign
/// assets (posters, social-media images, print PDFs), and checks that every one carries the
/// right helpline: exact, in reading order, legible and on the canvas.
#[derive(Debug, Parser)]
#[command(
    name = "placard",
    version,
    after_help = "Start with `placard lint` (the checks) and `placard build` (the assets, into dist/), \
                  in the folder that holds pipeline.yaml. `placard lint --explain CODE` says what a \
                  check means. Guides: docs/translators.md, docs/designers.md, docs/ci.md.\n\
                  Exit codes: 0 no errors, 1 errors found, 2 unusable input."
)]
struct Cli {
    /// The pipeline file; paths in it are relative to its folder.
    #[arg(short, long, global = true, value_name = "FILE", default_value = DEFAULT_CONFIG)]
    config: PathBuf,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check every locale: completeness against the reference, syntax, references, variables,
    /// and that required text (the helpline) is exact and displays in order.
    Lint(LintArgs),
    /// Lint, then render every locale × template into dist/<locale>/<template>.<ext>, with
    /// manifest.json and an index.html contact sheet. Unchanged assets are not rendered again.
    Build(BuildArgs),
    /// Join the output folders of `placard build --shard K/N`, all N of them, into the output a
    /// full build makes, byte for byte: every asset reused and none rendered, then the print
    /// packs, translator pages and contact sheet written. Exits 2, naming the folder, when a
    /// shard is missing, was changed, or was built by another version or from other inputs.
    Merge(MergeArgs),
    /// A table per locale: progress, missing and obsolete messages, lint errors and warnings,
    /// last change, and whether each template builds; worst first.
    Status(StatusArgs),
    /// Start a locale: create locales/CODE/ with every reference file, each entry commented out
    /// under the reference text and its comments, with notes on direction and fonts.
    NewLocale(NewLocaleArgs),
    /// Lint and build, then again whenever a translation, pipeline.yaml, a template, a font or an
    /// image changes; dist/index.html reloads itself. Stop with Ctrl-C.
    Watch(WatchArgs),
    /// A language server for editors, over stdin and stdout: as a translator types, every
    /// finding `lint` would make of their locale, before the file is saved; hover with the
    /// reference text and how the text fits; go to definition; quick fixes. See
    /// docs/translators.md for VS Code, Neovim and Helix.
    Lsp,
}

#[derive(Debug, clap::Args)]
struct WatchArgs {
    #[command(flatten)]
    selection: Selection,
    /// How long files must be quiet before a rebuild, in milliseconds.
    #[arg(long, value_name = "MS", default_value_t = 300)]
    debounce: u64,
}

#[derive(Debug, clap::Args)]
struct NewLocaleArgs {
    /// The BCP 47 language tag of the new locale, e.g. `de`, `pt-BR`, `zh-Hant`.
    code: String,
    /// Also list the locale in pipeline.yaml's `locales.only` (when the file has that list).
    #[arg(long)]
    add_to_pipeline: bool,
}

#[derive(Debug, clap::Args)]
struct StatusArgs {
    /// How to print the table: aligned columns, JSON, or Markdown for a pull-request comment.
    #[arg(long, value_enum, default_value_t = StatusFormat::Human)]
    format: StatusFormat,
    /// Show only this locale (repeatable).
    #[arg(long = "locale", value_name = "LOCALE")]
    locales: Vec<String>,
    /// Skip the layout checks: faster, but whether each template builds is then not known.
    #[arg(long)]
    no_layout: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum StatusFormat {
    Human,
    Json,
    Markdown,
}

/// Which assets a build covers, and where they go.
#[derive(Debug, clap::Args)]
struct Selection {
    /// Build only this locale (repeatable).
    #[arg(long = "locale", value_name = "LOCALE")]
    locales: Vec<String>,
    /// Build only this template (repeatable), by name.
    #[arg(long = "template", value_name = "NAME")]
    templates: Vec<String>,
    /// The output folder (default: output.dir in pipeline.yaml, or dist).
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
struct BuildArgs {
    #[command(flatten)]
    selection: Selection,
    /// Publish what passes lint and list what does not (each locale whose text fails, each asset
    /// the layout checks refuse, with the reason), instead of publishing nothing.
    #[arg(long)]
    skip_failing: bool,
    /// Render every asset, even those whose inputs have not changed.
    #[arg(long)]
    force: bool,
    /// Also build two pseudo-locales made from the reference: en-XA (accented, about 40% longer)
    /// and ar-XB (the same, right to left), to find text that will not fit before translation.
    #[arg(long)]
    pseudo: bool,
    /// Build the K-th of N parts of the assets, e.g. 2/4, for a CI matrix: the parts cost about
    /// the same (in pixels), and every job computes the same ones; `placard merge` joins them.
    #[arg(long, value_name = "K/N", value_parser = parse_shard)]
    shard: Option<placard_build::Shard>,
}

#[derive(Debug, clap::Args)]
struct MergeArgs {
    /// The shards' output folders, e.g. shard-1 shard-2 shard-3.
    #[arg(value_name = "DIR", required = true)]
    dirs: Vec<PathBuf>,
    /// The --locale and --template the shards were built with, and where the merged output goes.
    #[command(flatten)]
    selection: Selection,
    /// The shards were built with --pseudo.
    #[arg(long)]
    pseudo: bool,
}

fn parse_shard(s: &str) -> Result<placard_build::Shard, String> {
    let (k, n) = s.split_once('/').ok_or("write K/N, e.g. 1/4")?;
    let index: u32 = k.trim().parse().map_err(|_| format!("`{k}` is not a number"))?;
    let count: u32 = n.trim().parse().map_err(|_| format!("`{n}` is not a number"))?;
    if count == 0 || index == 0 || index > count {
        return Err(format!("need 1 ≤ K ≤ N, got {index}/{count}"));
    }
    Ok(placard_build::Shard { index, count })
}

#[derive(Debug, clap::Args)]
struct LintArgs {
    /// How to print findings.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Check only this locale (repeatable); the reference is still read for comparison.
    #[arg(long = "locale", value_name = "LOCALE")]
    locales: Vec<String>,
    /// Skip the layout checks (overflow, too-small, missing-glyph, helpline-hidden, ...), which
    /// run by default when pipeline.yaml lists templates.
    #[arg(long)]
    no_layout: bool,
    /// Also lay out two pseudo-locales made from the reference (en-XA: accented, about 40% longer;
    /// ar-XB: the same, right to left) and report what would not fit.
    #[arg(long)]
    pseudo: bool,
    /// Print what a check means and how to fix what it finds, then exit.
    #[arg(long, value_name = "CODE")]
    explain: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    /// rustc-style findings with source lines, and a summary table.
    Human,
    /// One JSON object with every finding and the counts.
    Json,
    /// GitHub Actions annotations.
    Github,
    /// SARIF 2.1.0, for GitHub code scanning (upload-sarif) and other SARIF viewers; each check
    /// a rule with its --explain text.
    Sarif,
    /// JUnit XML, for the test views of GitLab, Jenkins and other CI systems: a suite per
    /// locale, a failing test case per error.
    Junit,
    /// A GitLab Code Quality report (artifacts: reports: codequality), an issue per finding.
    Gitlab,
}

/// Exit codes, as documented in the README.
const EXIT_ERRORS: u8 = 1;
const EXIT_UNUSABLE: u8 = 2;

// Linting a product tree makes and frees millions of small syntax-tree nodes and findings on
// every thread; glibc's allocator spent a sixth of `placard lint`'s instructions on that.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Lint(args) => lint(&cli.config, &args),
        Command::Build(args) => build(&cli.config, &args),
        Command::Merge(args) => merge(&cli.config, &args),
        Command::Status(args) => status(&cli.config, &args),
        Command::NewLocale(args) => new_locale(&cli.config, &args),
        Command::Watch(args) => watch(&cli.config, &args),
        Command::Lsp => lsp(&cli.config),
    }
}

fn lsp(config: &std::path::Path) -> ExitCode {
    let (connection, io) = lsp_server::Connection::stdio();
    let served = placard_lsp::serve(&connection, config);
    // The writer thread ends when the connection's sender is dropped, after the last message.
    drop(connection);
    let joined = io.join();
    match (served, joined) {
        (Ok(()), Ok(())) => ExitCode::SUCCESS,
        (Err(error), _) => {
            let _ = writeln!(anstream::stderr(), "error: placard lsp: {error}");
            ExitCode::from(EXIT_UNUSABLE)
        }
        (_, Err(error)) => {
            let _ = writeln!(anstream::stderr(), "error: placard lsp: {error}");
            ExitCode::from(EXIT_UNUSABLE)
        }
    }
}

fn watch(config: &std::path::Path, args: &WatchArgs) -> ExitCode {
    let options = placard_watch::WatchOptions {
        locales: args.selection.locales.clone(),
        build: placard_build::BuildOptions {
            templates: args.selection.templates.clone(),
            out: args.selection.out.clone(),
            ..Default::default()
        },
        debounce: std::time::Duration::from_millis(args.debounce),
    };
    let here = std::env::current_dir().unwrap_or_default();
    let shown = |path: &std::path::Path| placard_pipeline::relative(path, &here);
    let mut print = |event: placard_watch::WatchEvent<'_>| {
        use placard_watch::WatchEvent;
        let mut out = anstream::stdout();
        let _ = match event {
            WatchEvent::Watching { paths } => {
                let paths: Vec<String> = paths.iter().map(|p| shown(p)).collect();
                writeln!(out, "watching {} (Ctrl-C to stop)", paths.join(", "))
            }
            WatchEvent::Changed { files } => {
                let files: Vec<String> = files.iter().map(|p| shown(p)).collect();
                writeln!(out, "\nchanged: {}", files.join(", "))
            }
            WatchEvent::Linted { report, sources, new, fixed, .. } => {
                let shown_new = new.len();
                let rendered =
                    human::render_diagnostics(new, &|file| sources.get(file), human::Options { color: true });
                let _ = out.write_all(rendered.as_bytes());
                writeln!(
                    out,
                    "lint: {} errors, {} warnings ({shown_new} new, {fixed} fixed)",
                    report.summary.errors, report.summary.warnings
                )
            }
            WatchEvent::Built { report, seconds } => {
                if !report.skipped_locales.is_empty() {
                    let _ = writeln!(out, "not built, lint found errors: {}", report.skipped_locales.join(", "));
                }
                writeln!(
                    out,
                    "built {} files ({} rendered, {} unchanged) in {seconds:.2} s; contact sheet: {}",
                    report.manifest.assets.len(),
                    report.rendered,
                    report.reused,
                    shown(&report.out.join("index.html"))
                )
            }
            WatchEvent::Unusable { error } => writeln!(out, "error: {error}\nwaiting for a change to try again"),
        };
        let _ = out.flush();
    };
    match placard_watch::watch(config, &options, None, &mut print) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => unusable(&error),
    }
}

fn new_locale(config: &std::path::Path, args: &NewLocaleArgs) -> ExitCode {
    let loaded = Config::load(config).and_then(|config| {
        let reference = vec![config.reference.code.clone()];
        Workspace::load(config, &reference)
    });
    let created =
        match loaded.and_then(|workspace| placard_pipeline::new_locale(&workspace, &args.code, args.add_to_pipeline)) {
            Ok(created) => created,
            Err(error) => return unusable_as(Speak::Human, &error),
        };
    let code = &args.code;
    let mut out = format!(
        "created {}/ with {} files and {} entries to translate, each commented out under the reference text\n",
        created.dir,
        created.files.len(),
        created.entries
    );
    for note in &created.notes {
        out.push_str(&format!("note: {note}\n"));
    }
    out.push_str(match created.pipeline {
        placard_pipeline::PipelineChange::Added => "pipeline.yaml: added to locales.only\n",
        placard_pipeline::PipelineChange::IncludedAlready => "pipeline.yaml: no locales.only list, so the new locale is built already\n",
        placard_pipeline::PipelineChange::NotListed => {
            "pipeline.yaml: locales.only does not list it yet, so it is not built (run again with --add-to-pipeline, or add it by hand)\n"
        }
    });
    out.push_str(&format!(
        "next: translate, then `placard lint --locale {code}` and `placard status --locale {code}`\n"
    ));
    let _ = std::io::stdout().lock().write_all(out.as_bytes());
    ExitCode::SUCCESS
}

fn status(config: &std::path::Path, args: &StatusArgs) -> ExitCode {
    let speak = if args.format == StatusFormat::Json { Speak::Json } else { Speak::Human };
    let (workspace, linted) = match load_and_lint(config, &args.locales, !args.no_layout, false, speak, false) {
        Ok(linted) => linted,
        Err(code) => return code,
    };
    let table = placard_status::status(&workspace, &linted.report, &linted.templates, &linted.locales);
    let rendered = match args.format {
        StatusFormat::Human => placard_status::render_human(&table),
        StatusFormat::Json => placard_status::render_json(&table),
        StatusFormat::Markdown => placard_status::render_markdown(&table),
    };
    let mut stdout = std::io::stdout().lock();
    if stdout.write_all(rendered.as_bytes()).and_then(|()| stdout.flush()).is_err() {
        return ExitCode::from(EXIT_UNUSABLE);
    }
    // A report, not a gate: `placard lint` is the gate.
    std::mem::forget(workspace);
    ExitCode::SUCCESS
}

fn build(config: &std::path::Path, args: &BuildArgs) -> ExitCode {
    let workspace = match load(config, &args.selection.locales, args.pseudo, Speak::Human) {
        Ok(workspace) => workspace,
        Err(code) => return code,
    };
    let options = placard_build::BuildOptions {
        templates: args.selection.templates.clone(),
        out: args.selection.out.clone(),
        skip_failing: args.skip_failing,
        force: args.force,
        shard: args.shard,
        live_reload: false,
    };
    let started = std::time::Instant::now();
    let progress = progress::Progress::new();
    let result = placard_build::build(&workspace, &options, &|event| progress.event(&event));
    progress.finish();
    published(workspace, result, "built", started)
}

fn merge(config: &std::path::Path, args: &MergeArgs) -> ExitCode {
    let workspace = match load(config, &args.selection.locales, args.pseudo, Speak::Human) {
        Ok(workspace) => workspace,
        Err(code) => return code,
    };
    let options = placard_build::BuildOptions {
        templates: args.selection.templates.clone(),
        out: args.selection.out.clone(),
        ..Default::default()
    };
    let started = std::time::Instant::now();
    let progress = progress::Progress::new();
    let result = placard_build::merge(&workspace, &args.dirs, &options, &|event| progress.event(&event));
    progress.finish();
    published(workspace, result, "merged", started)
}

/// What `build` and `merge` print when they are done, and their exit code.
fn published(
    workspace: Workspace,
    result: Result<placard_build::BuildReport, placard_build::BuildError>,
    verb: &str,
    started: std::time::Instant,
) -> ExitCode {
    match result {
        Ok(report) => {
            let mut err = anstream::stderr();
            if !report.skipped_locales.is_empty() {
                let _ = writeln!(
                    err,
                    "warning: not built, lint found errors: {} (run `placard lint --locale {}` to see them)",
                    report.skipped_locales.join(", "),
                    report.skipped_locales[0]
                );
            }
            for refused in &report.refused {
                let codes: Vec<&str> = refused.codes.iter().map(|c| c.as_str()).collect();
                let _ = writeln!(
                    err,
                    "warning: not published: {}/{}: the layout checks found {} (run `placard lint --locale {}` to see them)",
                    refused.locale,
                    refused.template,
                    codes.join(", "),
                    refused.locale
                );
            }
            let _ = writeln!(
                err,
                "{verb} {} files for {} locales in {} ({} rendered, {} unchanged) in {:.2} s; contact sheet: {}",
                report.manifest.assets.len() + report.manifest.packs.len(),
                report
                    .manifest
                    .assets
                    .iter()
                    .map(|a| a.locale.as_str())
                    .collect::<std::collections::BTreeSet<_>>()
                    .len(),
                report.out.display(),
                report.rendered,
                report.reused,
                started.elapsed().as_secs_f64(),
                report.out.join("index.html").display(),
            );
            std::mem::forget(workspace);
            ExitCode::SUCCESS
        }
        Err(placard_build::BuildError::Lint { report, failing, sources }) => {
            let rendered = human::render(&report, &|file| sources.get(file), human::Options { color: true });
            let mut stdout = anstream::stdout();
            let _ = stdout.write_all(rendered.as_bytes());
            let error = placard_build::BuildError::Lint { report, failing, sources };
            let _ = writeln!(anstream::stderr(), "error: {error}");
            ExitCode::from(EXIT_ERRORS)
        }
        Err(error) => unusable_as(Speak::Human, &error),
    }
}

fn explain(name: &str) -> ExitCode {
    match placard_core::Code::from_name(name) {
        Some(code) => {
            let text = format!("{code}: {}\n\n{}\n", code.summary(), code.explanation());
            let _ = anstream::stdout().write_all(text.as_bytes());
            ExitCode::SUCCESS
        }
        None => {
            let known: Vec<&str> = placard_core::Code::ALL.iter().map(|c| c.as_str()).collect();
            let _ = writeln!(
                anstream::stderr(),
                "error: no check is called `{name}`; the checks are: {}",
                known.join(", ")
            );
            ExitCode::from(EXIT_UNUSABLE)
        }
    }
}

fn lint(config: &std::path::Path, args: &LintArgs) -> ExitCode {
    if let Some(name) = &args.explain {
        return explain(name);
    }
    let speak = match args.format {
        Format::Human => Speak::Human,
        Format::Json => Speak::Json,
        Format::Github => Speak::Github,
        Format::Sarif => Speak::Sarif(config),
        Format::Junit => Speak::Junit,
        Format::Gitlab => Speak::Gitlab(config),
    };
    // The human reporter quotes lines, and SARIF gives each region its end: both read the text
    // of the files findings point into.
    let quote = matches!(args.format, Format::Human | Format::Sarif);
    let (workspace, linted) = match load_and_lint(config, &args.locales, !args.no_layout, args.pseudo, speak, quote) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let report = &linted.report;
    let written = match args.format {
        Format::Human => {
            let rendered = human::render(report, &|file| linted.sources.get(file), human::Options { color: true });
            // AutoStream drops colour when stdout is not a terminal or NO_COLOR is set.
            let mut stdout = anstream::stdout();
            stdout.write_all(rendered.as_bytes()).and_then(|()| stdout.flush())
        }
        // Written as it is made: the report of a large tree is never held twice.
        Format::Json => json::write(report, std::io::stdout().lock()),
        Format::Github | Format::Sarif | Format::Junit | Format::Gitlab => {
            // Findings name files relative to the pipeline file's folder, the pipeline file too.
            let name = config.file_name().and_then(|n| n.to_str()).unwrap_or("pipeline.yaml");
            let run = placard_report::Run { version: env!("CARGO_PKG_VERSION"), config: name };
            let rendered = match args.format {
                Format::Sarif => placard_report::sarif::render(report, &run, &|file| linted.sources.get(file)),
                Format::Junit => placard_report::junit::render(report),
                Format::Gitlab => placard_report::gitlab::render(report, &run),
                Format::Github => github::render(report),
                Format::Human | Format::Json => unreachable!("written above"),
            };
            let mut stdout = std::io::stdout().lock();
            stdout.write_all(rendered.as_bytes()).and_then(|()| stdout.flush())
        }
    };
    if written.is_err() {
        return ExitCode::from(EXIT_UNUSABLE);
    }
    let failed = report.has_errors();
    // The process ends here: freeing the reference's trees and thousands of findings one by one
    // would only cost time.
    std::mem::forget((workspace, linted));
    if failed { ExitCode::from(EXIT_ERRORS) } else { ExitCode::SUCCESS }
}

/// Loads the project (only `locales`, when given) and runs every check, the layout checks when
/// `layout` is set, keeping the files' text when `quote` is (to show the lines findings point
/// at); unusable input has already been reported when this returns `Err`.
fn load_and_lint(
    config: &std::path::Path,
    locales: &[String],
    layout: bool,
    pseudo: bool,
    speak: Speak<'_>,
    quote: bool,
) -> Result<(Workspace, placard_build::Linted), ExitCode> {
    let workspace = load(config, locales, pseudo, speak)?;
    let linted = placard_build::lint_all(&workspace, layout, quote).map_err(|e| unusable_as(speak, &e))?;
    Ok((workspace, linted))
}

/// Loads the project (only `locales`, when given), with the pseudo-locales when `pseudo` is set.
fn load(config: &std::path::Path, locales: &[String], pseudo: bool, speak: Speak<'_>) -> Result<Workspace, ExitCode> {
    let mut workspace =
        Config::load(config).and_then(|config| Workspace::load(config, locales)).map_err(|e| unusable_as(speak, &e))?;
    if pseudo {
        workspace.add_pseudo_locales().map_err(|e| unusable_as(speak, &e))?;
    }
    Ok(workspace)
}

/// How a command reports unusable input: in the format its output was asked for, so a CI job
/// that parses JSON or reads annotations learns why the run could not start. SARIF and Code
/// Quality carry the pipeline file, where a fault without a file of its own is placed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Speak<'a> {
    Human,
    Json,
    Github,
    Sarif(&'a std::path::Path),
    Junit,
    Gitlab(&'a std::path::Path),
}

/// An error that knows the file (and line and column) it is about, and each fault it holds.
trait Located: std::error::Error {
    fn location(&self) -> Option<(&std::path::Path, Option<u64>, Option<u64>)>;
    fn detail(&self) -> String;
    /// Every fault, each located: one, or all that were found in a file or a build's templates.
    fn faults(&self) -> Vec<&dyn Located>;
}

impl Located for placard_pipeline::Error {
    fn location(&self) -> Option<(&std::path::Path, Option<u64>, Option<u64>)> {
        placard_pipeline::Error::location(self)
    }
    fn detail(&self) -> String {
        placard_pipeline::Error::detail(self)
    }
    fn faults(&self) -> Vec<&dyn Located> {
        placard_pipeline::Error::faults(self).iter().map(|e| e as &dyn Located).collect()
    }
}

impl Located for placard_build::BuildError {
    fn location(&self) -> Option<(&std::path::Path, Option<u64>, Option<u64>)> {
        placard_build::BuildError::location(self)
    }
    fn detail(&self) -> String {
        placard_build::BuildError::detail(self)
    }
    fn faults(&self) -> Vec<&dyn Located> {
        match self {
            placard_build::BuildError::Pipeline(e) => Located::faults(e),
            placard_build::BuildError::Several(faults) => faults.iter().flat_map(|f| Located::faults(f)).collect(),
            other => vec![other],
        }
    }
}

/// Reports unusable input in `speak`'s format (JSON and annotations on stdout, where the rest of
/// that output goes; the human text on stderr), every fault of it, and returns exit code 2.
fn unusable_as(speak: Speak<'_>, error: &dyn Located) -> ExitCode {
    let faults = error.faults();
    if speak == Speak::Human && faults.len() == 1 {
        return unusable(error);
    }
    if speak != Speak::Human {
        let here = std::env::current_dir().unwrap_or_default();
        let problems: Vec<placard_report::unusable::Unusable> = faults
            .iter()
            .map(|fault| {
                let location = fault.location();
                placard_report::unusable::Unusable {
                    file: location.map(|(path, _, _)| placard_pipeline::relative(path, &here)),
                    line: location.and_then(|(_, line, _)| line),
                    column: location.and_then(|(_, _, column)| column),
                    message: fault.detail(),
                }
            })
            .collect();
        // Problems name files relative to the working directory; so does the pipeline file here.
        let config = match speak {
            Speak::Sarif(config) | Speak::Gitlab(config) => placard_pipeline::relative(config, &here),
            _ => String::new(),
        };
        let run = placard_report::Run { version: env!("CARGO_PKG_VERSION"), config: &config };
        let rendered = match speak {
            Speak::Json => placard_report::unusable::json(&problems),
            Speak::Sarif(_) => placard_report::unusable::sarif(&problems, &run),
            Speak::Junit => placard_report::unusable::junit(&problems),
            Speak::Gitlab(_) => placard_report::unusable::gitlab(&problems, &run),
            Speak::Github | Speak::Human => placard_report::unusable::github(&problems),
        };
        let mut stdout = std::io::stdout().lock();
        let _ = stdout.write_all(rendered.as_bytes()).and_then(|()| stdout.flush());
    }
    let mut text: String = faults.iter().map(|fault| format!("error: {fault}\n")).collect();
    if faults.len() > 1 {
        text.push_str(&format!("error: {} problems in the input; nothing was checked\n", faults.len()));
    }
    let _ = anstream::stderr().write_all(text.as_bytes());
    ExitCode::from(EXIT_UNUSABLE)
}

fn unusable(error: &dyn std::error::Error) -> ExitCode {
    let mut message = format!("error: {error}");
    let mut source = error.source();
    while let Some(cause) = source {
        message.push_str(&format!("\n  caused by: {cause}"));
        source = cause.source();
    }
    let _ = writeln!(anstream::stderr(), "{message}");
    ExitCode::from(EXIT_UNUSABLE)
}
