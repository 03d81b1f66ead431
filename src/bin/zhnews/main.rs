//! The zhnews command line: argument parsing and output only; the work is in the library.

use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand};
use zhnews::{Extractor, Job};

mod eval;
mod throughput;

#[derive(Parser)]
#[command(
    name = "zhnews",
    version,
    about = "Structured records from Chinese hospital-aid news"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract records: files, directories (every *.txt, recursively, sorted), or JSONL on
    /// stdin (`-` or no path). Writes one JSON record per line to stdout, in input order.
    Extract {
        /// Files or directories; `-` or nothing reads JSONL from stdin.
        paths: Vec<PathBuf>,
        #[command(flatten)]
        opts: Opts,
        /// Exit with status 1 when any input gave an error record (by default every input
        /// gives one output line, errors included, and the status is 0).
        #[arg(long)]
        strict: bool,
        /// Output format: one JSON object per line, or tab- or comma-separated values with a
        /// header (csv and tsv need `--table mentions`).
        #[arg(long, value_enum, default_value_t = Format::Jsonl)]
        format: Format,
        /// Which files a directory gives, by their path below it: `*` any characters but `/`,
        /// `?` one, `**/` any folders (e.g. `2021-*/*.txt`).
        #[arg(long, default_value = zhnews::DEFAULT_GLOB)]
        glob: String,
        /// Output shape: one record per input, or one row per mention of any kind.
        #[arg(long, value_enum, default_value_t = Table::Records)]
        table: Table,
    },
    /// Print the JSON Schema of the record (draft 2020-12).
    Schema,
    /// Write one article as a self-contained HTML page with every mention highlighted by
    /// kind (values on hover) and page chrome greyed out: `zhnews show FILE > view.html`.
    Show {
        /// The article file.
        file: PathBuf,
        #[command(flatten)]
        opts: Opts,
    },
    /// Score records against gold annotations; prints P/R/F1 per kind and macro-F1.
    Eval {
        /// Directory of articles (<id>.txt).
        #[arg(long)]
        articles: PathBuf,
        /// Directory of gold annotations (<id>.json).
        #[arg(long)]
        gold: PathBuf,
        /// Records to score (JSONL); without it, the articles are extracted first.
        #[arg(long)]
        pred: Option<PathBuf>,
        /// Print the summary as JSON.
        #[arg(long)]
        json: bool,
        /// Print misses per article.
        #[arg(long)]
        per_article: bool,
        /// Exit with status 1 when the macro-F1 is below this (a CI gate).
        #[arg(long)]
        min_f1: Option<f64>,
    },
    /// Measure throughput of the whole pipeline (1 thread and all threads) next to
    /// jieba-rs `cut` alone on the same text.
    Bench {
        /// Files or directories of articles.
        paths: Vec<PathBuf>,
        /// Passes over the text for each measurement.
        #[arg(long, default_value_t = 5)]
        rounds: usize,
        /// Instead of throughput: time per MB as adversarial inputs of each cue kind, and the
        /// given articles joined into one document, double in size (a linear-time check).
        #[arg(long)]
        scaling: bool,
        /// With --scaling: the smallest adversarial document, in KB.
        #[arg(long, default_value_t = 64)]
        base_kb: usize,
        /// With --scaling: the smallest ordinary document, in MB (doubled `steps - 1` times).
        #[arg(long, default_value_t = 2)]
        base_mb: usize,
        /// With --scaling: how many sizes (each twice the one before).
        #[arg(long, default_value_t = 4)]
        steps: u32,
        /// With --scaling: only shapes whose name contains this.
        #[arg(long)]
        shape: Option<String>,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Jsonl,
    Tsv,
    Csv,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Table {
    Records,
    Mentions,
}

#[derive(clap::Args)]
struct Opts {
    /// Worker threads, 1–256 (default: all cores).
    #[arg(long, short = 'j', value_parser = clap::value_parser!(u16).range(1..=256))]
    jobs: Option<u16>,
    /// Largest input accepted, in MB; larger inputs are reported and skipped.
    #[arg(long, default_value_t = 64)]
    max_input_mb: usize,
    /// Longest one input may take, in seconds (0: no limit); past it, the record is written
    /// with the kinds found so far and an `error` field.
    #[arg(long, default_value_t = 60)]
    time_budget_secs: u64,
    /// Date that partial dates resolve against when an article has none (YYYY-MM-DD).
    #[arg(long)]
    reference_date: Option<String>,
    /// Extra segmentation vocabulary (`word [freq] [tag]` per line); repeatable.
    #[arg(long)]
    user_dict: Vec<PathBuf>,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract {
            paths,
            opts,
            strict,
            format,
            table,
            glob,
        } => extract(paths, &glob, opts, strict, Output { format, table }),
        Command::Schema => schema(),
        Command::Show { file, opts } => show(&file, &opts),
        Command::Eval {
            articles,
            gold,
            pred,
            json,
            per_article,
            min_f1,
        } => eval(articles, gold, pred, json, per_article, min_f1),
        Command::Bench {
            paths,
            rounds,
            scaling,
            base_kb,
            base_mb,
            steps,
            shape,
        } => {
            if scaling {
                bench_scaling(paths, base_kb, base_mb, steps, shape.as_deref())
            } else {
                bench(paths, rounds)
            }
        }
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            if is_broken_pipe(&e) {
                // the reader of our output went away (`| head`): a normal end, like ripgrep's
                return ExitCode::SUCCESS;
            }
            eprintln!("zhnews: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// Whether an error is a write to a closed pipe, however it was wrapped.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
            || cause
                .downcast_ref::<serde_json::Error>()
                .and_then(serde_json::Error::io_error_kind)
                == Some(io::ErrorKind::BrokenPipe)
    })
}

fn show_paths(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

fn build(opts: &Opts) -> anyhow::Result<Extractor> {
    let budget = (opts.time_budget_secs > 0).then(|| std::time::Duration::from_secs(opts.time_budget_secs));
    let mut b = Extractor::builder()
        .max_input_bytes(opts.max_input_mb.saturating_mul(1 << 20))
        .time_budget(budget);
    if let Some(d) = &opts.reference_date {
        b = b.reference_date(d);
    }
    for p in &opts.user_dict {
        let dict = std::fs::read_to_string(p).with_context(|| format!("reading {}", p.display()))?;
        b = b.user_dict(&dict);
    }
    Ok(b.build()?)
}

fn extract(paths: Vec<PathBuf>, glob: &str, opts: Opts, strict: bool, output: Output) -> anyhow::Result<ExitCode> {
    anyhow::ensure!(
        output.format == Format::Jsonl || output.table == Table::Mentions,
        "--format csv and tsv write one row per mention: add --table mentions"
    );
    let ex = build(&opts)?;
    rayon::ThreadPoolBuilder::new()
        .num_threads(opts.jobs.map_or(0, usize::from))
        .build_global()?;
    let stdin_mode = paths.is_empty() || (paths.len() == 1 && paths[0].as_os_str() == "-");
    let (jobs, total): (Box<dyn Iterator<Item = Job> + Send>, Option<usize>) = if stdin_mode {
        (Box::new(zhnews::read_jsonl(io::BufReader::new(io::stdin()))), None)
    } else {
        let v: Vec<Job> = zhnews::read_paths_matching(&paths, glob).collect();
        let n = v.len();
        anyhow::ensure!(n > 0, "no files matching {glob} under {}", show_paths(&paths));
        (Box::new(v.into_iter()), Some(n))
    };
    let progress = Progress::new(total);
    let mut out = BufWriter::new(io::stdout().lock());
    let mut failed = 0usize;
    output.header(&mut out)?;
    for (i, record) in ex.records(jobs).enumerate() {
        output.write(&mut out, &record)?;
        if let Some(e) = &record.error {
            failed += 1;
            eprintln!("zhnews: {e}");
        }
        progress.tick(i + 1);
    }
    out.flush()?;
    progress.done();
    if failed > 0 {
        eprintln!("zhnews: {failed} input(s) gave a record with an `error` field");
        if strict {
            return Ok(ExitCode::from(1));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// How records are written.
struct Output {
    format: Format,
    table: Table,
}

impl Output {
    fn separator(&self) -> &'static str {
        if self.format == Format::Tsv { "\t" } else { "," }
    }

    fn field(&self, s: &str) -> String {
        match self.format {
            // TSV has no quoting: tabs and line breaks become spaces
            Format::Tsv => s.replace(['\t', '\n', '\r'], " "),
            // RFC 4180: quoted when it holds a comma, a quote or a line break
            _ if s.contains([',', '"', '\n', '\r']) => format!("\"{}\"", s.replace('"', "\"\"")),
            _ => s.to_string(),
        }
    }

    fn header(&self, out: &mut impl Write) -> anyhow::Result<()> {
        if self.format != Format::Jsonl {
            writeln!(out, "{}", zhnews::MentionRow::COLUMNS.join(self.separator()))?;
        }
        Ok(())
    }

    fn write(&self, out: &mut impl Write, record: &zhnews::Record) -> anyhow::Result<()> {
        match (self.table, self.format) {
            (Table::Records, _) => {
                serde_json::to_writer(&mut *out, record)?;
                out.write_all(b"\n")?;
            }
            (Table::Mentions, Format::Jsonl) => {
                for row in record.mention_rows() {
                    serde_json::to_writer(&mut *out, &row)?;
                    out.write_all(b"\n")?;
                }
            }
            (Table::Mentions, _) => {
                for row in record.mention_rows() {
                    let cells: Vec<String> = row.cells().iter().map(|c| self.field(c)).collect();
                    writeln!(out, "{}", cells.join(self.separator()))?;
                }
            }
        }
        Ok(())
    }
}

fn show(file: &std::path::Path, opts: &Opts) -> anyhow::Result<ExitCode> {
    let ex = build(opts)?;
    let text = std::fs::read_to_string(file).with_context(|| format!("reading {}", file.display()))?;
    let id = file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut out = io::stdout().lock();
    out.write_all(ex.html(&id, &text).as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

fn schema() -> anyhow::Result<ExitCode> {
    let mut out = io::stdout().lock();
    writeln!(out, "{}", serde_json::to_string_pretty(&zhnews::record_schema())?)?;
    Ok(ExitCode::SUCCESS)
}

/// A progress counter on standard error, when it is a terminal: `n/total` for files, a count
/// for a stream.
struct Progress {
    total: Option<usize>,
    on: bool,
}

impl Progress {
    fn new(total: Option<usize>) -> Progress {
        let on = io::stderr().is_terminal() && total != Some(1);
        Progress { total, on }
    }

    fn tick(&self, done: usize) {
        if self.on && done % 16 == 0 {
            match self.total {
                Some(n) => eprint!("\r{done}/{n} articles"),
                None => eprint!("\r{done} articles"),
            }
        }
    }

    fn done(&self) {
        if self.on {
            eprintln!();
        }
    }
}

fn eval(
    articles: PathBuf,
    gold: PathBuf,
    pred: Option<PathBuf>,
    json: bool,
    per_article: bool,
    min_f1: Option<f64>,
) -> anyhow::Result<ExitCode> {
    let scores = eval::score_dirs(&articles, &gold, pred.as_deref())?;
    if json {
        println!("{}", serde_json::to_string_pretty(&scores.summary_json())?);
    } else {
        if per_article {
            print!("{}", scores.per_article());
        }
        println!("{}", scores.table());
    }
    if let Some(min) = min_f1.filter(|&m| scores.macro_f1() < m) {
        eprintln!("zhnews: macro-F1 {:.3} is below --min-f1 {min}", scores.macro_f1());
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// The texts of the articles to measure (the bundled ones when no path is given); an
/// unreadable file is reported and skipped.
fn bench_articles(paths: Vec<PathBuf>) -> anyhow::Result<Vec<String>> {
    let paths = if paths.is_empty() {
        vec![PathBuf::from("fixtures/articles")]
    } else {
        paths
    };
    let mut texts = Vec::new();
    for job in zhnews::read_paths(&paths) {
        if let Some(p) = job.path() {
            match std::fs::read_to_string(p) {
                Ok(t) => texts.push(t),
                Err(e) => eprintln!("zhnews: {}: {e}", p.display()),
            }
        }
    }
    anyhow::ensure!(!texts.is_empty(), "no *.txt articles under {paths:?}");
    Ok(texts)
}

fn bench(paths: Vec<PathBuf>, rounds: usize) -> anyhow::Result<ExitCode> {
    let t = std::time::Instant::now();
    let ex = Extractor::new();
    let _ = ex.extract("warm", "医院");
    let build = t.elapsed();
    let texts = bench_articles(paths)?;
    let r = throughput::measure(&ex, &texts, rounds);
    println!(
        "articles            {:>10}  ({:.1} MB)",
        r.articles,
        r.bytes as f64 / 1e6
    );
    println!(
        "Extractor::new      {:>10.0} ms  (first in process: jieba dictionary + lexicons)",
        build.as_secs_f64() * 1e3
    );
    println!(
        "jieba-rs cut alone  {:>10.2} MB/s  (1 thread, HMM on, whole input)",
        r.jieba_cut_mb_s
    );
    println!(
        "pipeline, 1 thread  {:>10.2} MB/s  {:>8.0} articles/s  = {:.2} x jieba cut (median of paired rounds)",
        r.pipeline_1t_mb_s, r.articles_1t_s, r.ratio_to_jieba
    );
    println!(
        "pipeline, {} threads {:>9.2} MB/s  {:>8.0} articles/s  = {:.2} x 1 thread (median of paired rounds)",
        r.threads, r.pipeline_nt_mb_s, r.articles_nt_s, r.scaling
    );
    Ok(ExitCode::SUCCESS)
}

fn bench_scaling(
    paths: Vec<PathBuf>,
    base_kb: usize,
    base_mb: usize,
    steps: u32,
    only: Option<&str>,
) -> anyhow::Result<ExitCode> {
    use throughput::scaling::{self, Point};
    let ex = Extractor::new();
    let _ = ex.extract("warm", "医院");
    let report = |points: &[Point]| {
        let first = &points[0];
        let per_mb = |p: &Point| p.seconds / (p.bytes as f64 / 1e6);
        for p in points {
            println!(
                "{:<16} {:>10} bytes {:>9.3} s {:>8.3} s/MB  x{:.2} time per MB",
                p.shape,
                p.bytes,
                p.seconds,
                per_mb(p),
                per_mb(p) / per_mb(first).max(1e-9)
            );
        }
        if let Some(last) = points.last() {
            println!(
                "{:<16} {}x size -> {:.1}x time",
                first.shape,
                last.bytes / first.bytes.max(1),
                last.seconds / first.seconds.max(1e-9)
            );
        }
    };
    for s in scaling::SHAPES
        .iter()
        .filter(|s| only.is_none_or(|o| s.name.contains(o)))
    {
        report(&scaling::measure_shape(&ex, s.name, s.unit, base_kb << 10, steps));
    }
    if only.is_none_or(|o| "ordinary".contains(o)) {
        let unit = scaling::article_paragraphs(&bench_articles(paths)?);
        anyhow::ensure!(!unit.is_empty(), "no article paragraphs in the articles given");
        report(&scaling::measure_shape(
            &ex,
            "ordinary",
            &unit,
            base_mb * 1_000_000,
            steps,
        ));
    }
    Ok(ExitCode::SUCCESS)
}
