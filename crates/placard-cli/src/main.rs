//! `placard`: a thin shell over the Placard libraries. It parses flags, loads the project, runs the
//! checks, prints what a reporter rendered and maps the outcome to an exit code:
//! 0 no errors (warnings allowed), 1 errors found, 2 unusable input.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use placard_pipeline::{Config, DEFAULT_CONFIG, Workspace};
use placard_report::{github, human, json};

/// Placard turns Fluent translations and design templates into finished, localised campaign
/// assets, and checks that every one carries the right helpline.
#[derive(Debug, Parser)]
#[command(name = "placard", version, about, long_about = None)]
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
}

#[derive(Debug, clap::Args)]
struct LintArgs {
    /// How to print findings.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Check only this locale (repeatable); the reference is still read for comparison.
    #[arg(long = "locale", value_name = "LOCALE")]
    locales: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    /// rustc-style findings with source lines, and a summary table.
    Human,
    /// One JSON object with every finding and the counts.
    Json,
    /// GitHub Actions annotations.
    Github,
}

/// Exit codes, as documented in the README.
const EXIT_ERRORS: u8 = 1;
const EXIT_UNUSABLE: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Lint(args) => lint(&cli.config, &args),
    }
}

fn lint(config: &std::path::Path, args: &LintArgs) -> ExitCode {
    let workspace = match Config::load(config).and_then(|config| Workspace::load(config, &args.locales)) {
        Ok(workspace) => workspace,
        Err(error) => return unusable(&error),
    };
    let report = workspace.lint();
    let rendered = match args.format {
        Format::Human => human::render(&report, &|file| workspace.source(file), human::Options { color: true }),
        Format::Json => json::render(&report),
        Format::Github => github::render(&report),
    };
    let written = if args.format == Format::Human {
        // AutoStream drops colour when stdout is not a terminal or NO_COLOR is set.
        let mut stdout = anstream::stdout();
        stdout.write_all(rendered.as_bytes()).and_then(|()| stdout.flush())
    } else {
        let mut stdout = std::io::stdout().lock();
        stdout.write_all(rendered.as_bytes()).and_then(|()| stdout.flush())
    };
    if written.is_err() {
        return ExitCode::from(EXIT_UNUSABLE);
    }
    let failed = report.has_errors();
    // The process ends here: freeing thousands of syntax trees one by one would only cost time.
    std::mem::forget(workspace);
    if failed { ExitCode::from(EXIT_ERRORS) } else { ExitCode::SUCCESS }
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
