//! `--format geojson`: claims on a map.
//!
//! The whole run is one GeoJSON `FeatureCollection` (RFC 7946), so that the output of a folder of
//! articles is one file any map viewer opens (geojson.io, QGIS, kepler.gl, uMap). It is streamed:
//! the header, then one Feature per line as the articles are done, then the footer; memory stays
//! flat however many articles there are, and `grep` still finds a Feature by line.
//!
//! Every claim that names a place with coordinates (from the lexicon) gives one `Point` Feature
//! per such place: a claim about Kursk and Moscow is two points. One point per place keeps every
//! Feature a plain Point, which clustering, heat maps and time sliders all handle, and lets the
//! properties name the place the point is.
//!
//! Properties (flat where a viewer's popup shows them as a table):
//! `article` (the input, `path:line` for JSON Lines), `article_id` (JSON Lines `id`), `claim`,
//! `text`, `source`, `source_id`, `source_kind` (null when the claim names no source), `speaker`,
//! `role`, `via`, `date` (the claim's first resolved date, else the publication date), `dates`,
//! `published`, `place`, `place_id`, `place_kind`, `geonames_id`, and `figures` (the claim's
//! troop and casualty figures: kind, text, count, count_max, qualifier, status, group, actor).

use khabar::{Claim, Document, Entity};
use serde::Serialize;

/// What comes before the first Feature.
pub const HEADER: &str = "{\"type\":\"FeatureCollection\",\"features\":[";
/// What comes after the last Feature.
pub const FOOTER: &str = "\n]}";

#[derive(Serialize)]
struct Feature<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    id: String,
    geometry: Point,
    properties: Properties<'a>,
}

#[derive(Serialize)]
struct Point {
    #[serde(rename = "type")]
    kind: &'static str,
    /// Longitude, latitude (RFC 7946 order).
    coordinates: [f64; 2],
}

#[derive(Serialize)]
struct Properties<'a> {
    article: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    article_id: Option<&'a serde_json::Value>,
    claim: &'a str,
    text: &'a str,
    source: Option<&'a str>,
    source_id: Option<&'a str>,
    source_kind: Option<&'a str>,
    speaker: Option<&'a str>,
    role: Option<&'a str>,
    via: Vec<&'a str>,
    date: Option<&'a str>,
    dates: Vec<&'a str>,
    published: Option<&'a str>,
    place: &'a str,
    place_id: &'a str,
    place_kind: &'a str,
    geonames_id: Option<u64>,
    figures: Vec<Figure<'a>>,
}

#[derive(Serialize)]
struct Figure<'a> {
    kind: &'static str,
    text: &'a str,
    count: Option<u64>,
    count_max: Option<u64>,
    qualifier: khabar::Qualifier,
    #[serde(skip_serializing_if = "Option::is_none")]
    status: Option<khabar::CasualtyStatus>,
    #[serde(skip_serializing_if = "Option::is_none")]
    group: Option<khabar::CasualtyGroup>,
    actor: Option<&'a str>,
}

/// The Features of one document, one JSON object per element; `article` names the input.
pub fn features(doc: &Document, article: &str) -> Vec<String> {
    let mut out = Vec::new();
    for claim in &doc.claims {
        for place in &claim.locations {
            let (Some(lat), Some(lon)) = (place.lat, place.lon) else { continue };
            if !lat.is_finite() || !lon.is_finite() {
                continue;
            }
            let feature = Feature {
                kind: "Feature",
                id: format!("{article}#{}@{}", claim.id, place.id),
                geometry: Point { kind: "Point", coordinates: [lon, lat] },
                properties: properties(doc, claim, place, article),
            };
            out.push(serde_json::to_string(&feature).expect("features serialize"));
        }
    }
    out
}

fn properties<'a>(doc: &'a Document, claim: &'a Claim, place: &'a Entity, article: &'a str) -> Properties<'a> {
    let a = claim.attribution.as_ref();
    let speaker = a.and_then(|a| a.speaker.as_ref());
    let dates: Vec<&str> = claim.dates.iter().filter_map(|d| d.value.as_deref()).collect();
    let mut figures: Vec<Figure<'a>> = claim
        .troops
        .iter()
        .map(|t| Figure {
            kind: "troops",
            text: &t.text,
            count: t.count,
            count_max: t.count_max,
            qualifier: t.qualifier,
            status: None,
            group: None,
            actor: t.actor.as_ref().map(|e| e.name.as_str()),
        })
        .collect();
    figures.extend(claim.casualties.iter().map(|c| Figure {
        kind: "casualties",
        text: &c.text,
        count: c.count,
        count_max: c.count_max,
        qualifier: c.qualifier,
        status: Some(c.status),
        group: Some(c.group),
        actor: c.actor.as_ref().map(|e| e.name.as_str()),
    }));
    Properties {
        article,
        article_id: doc.id.as_ref(),
        claim: &claim.id,
        text: &claim.text,
        source: a.map(|a| a.source.name.as_str()),
        source_id: a.map(|a| a.source.id.as_str()),
        source_kind: a.map(|a| a.source.kind.as_str()),
        speaker: speaker.map(|s| s.name.as_str()),
        role: speaker.and_then(|s| s.role.as_deref()),
        via: a.map_or_else(Vec::new, |a| a.via.iter().map(|v| v.name.as_str()).collect()),
        date: dates.first().copied().or(doc.published.as_deref()),
        dates,
        published: doc.published.as_deref(),
        place: &place.name,
        place_id: &place.id,
        place_kind: &place.kind,
        geonames_id: place.geonames_id,
        figures,
    }
}
