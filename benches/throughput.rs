//! Throughput of normalization and extraction, in MB/s of input (`cargo bench`).
//!
//! The text is the project's own fixture articles (`fixtures/seed.txt`, `fixtures/yemen.txt`)
//! repeated to about 200 KB, so that per-document costs and per-byte costs both show.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

fn corpus() -> String {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let one = ["seed.txt", "yemen.txt"].iter().map(|f| std::fs::read_to_string(root.join(f)).unwrap()).collect::<Vec<_>>().join("\n");
    let mut text = String::new();
    while text.len() < 200_000 {
        text.push_str(&one);
        text.push('\n');
    }
    text
}

fn throughput(c: &mut Criterion) {
    let text = corpus();
    let article = std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/seed.txt")).unwrap();
    let options = khabar::Options::new().published("2024-11-13").unwrap();
    let extractor = khabar::Extractor::new();

    let mut group = c.benchmark_group("throughput");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("normalize", |b| b.iter(|| khabar::Normalized::new(black_box(&text))));
    group.bench_function("extract", |b| b.iter(|| extractor.extract(black_box(&text), &options)));
    group.throughput(Throughput::Bytes(article.len() as u64));
    group.bench_function("extract_one_article", |b| b.iter(|| extractor.extract(black_box(&article), &options)));
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = throughput
}
criterion_main!(benches);
