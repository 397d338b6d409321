//! The entities of one document: every mention of a person, body, country or place, merged by
//! entity, and turned into the `actors` and `locations` lists.

use super::Mapper;
use crate::document;
use crate::lexicon::Entry;
use std::collections::HashMap;
use std::ops::Range;

/// One entity of the document.
#[derive(Debug, Clone)]
pub(crate) struct Item {
    pub id: String,
    pub name: String,
    pub kind: &'static str,
    pub country: Option<String>,
    pub name_en: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub geonames_id: Option<u64>,
    pub mentions: Vec<MentionRec>,
}

/// One place an entity is named, and what the mention makes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct MentionRec {
    /// Folded-text range.
    pub range: Range<usize>,
    /// The mention shows the entity acting, speaking or taking part (an actor).
    pub actor: bool,
    /// The mention names a place.
    pub place: bool,
}

/// Every entity of the document, with an index by id and by mention position.
#[derive(Debug, Default)]
pub(crate) struct EntityTable {
    pub items: Vec<Item>,
    index: HashMap<String, usize>,
    /// (start, end, entity) of every mention → its index in the entity's `mentions`.
    by_mention: HashMap<(usize, usize, usize), usize>,
    /// (start, end) of every mention → the entities named there.
    by_range: HashMap<(usize, usize), Vec<usize>>,
    /// Role phrases that introduce a person ("المتحدث باسم وزارة الخارجية"), with the person.
    pub roles: Vec<(Range<usize>, usize)>,
}

/// Every mention of the document sorted by position, for range queries.
#[derive(Debug)]
pub(crate) struct Positions {
    /// (start, end, entity, actor, place), sorted.
    pub mentions: Vec<(usize, usize, usize, bool, bool)>,
}

impl Positions {
    /// Mentions that lie inside `r`, in text order.
    pub(crate) fn within(&self, r: &Range<usize>) -> impl Iterator<Item = &(usize, usize, usize, bool, bool)> {
        let from = self.mentions.partition_point(|m| m.0 < r.start);
        self.mentions[from..].iter().take_while(move |m| m.0 < r.end).filter(move |m| m.1 <= r.end)
    }

    /// Mentions ending at or before `at`, nearest first.
    pub(crate) fn before(&self, at: usize) -> impl Iterator<Item = &(usize, usize, usize, bool, bool)> {
        let to = self.mentions.partition_point(|m| m.0 < at);
        self.mentions[..to].iter().rev().filter(move |m| m.1 <= at)
    }

    /// Mentions starting exactly at `at`.
    pub(crate) fn starting_at(&self, at: usize) -> impl Iterator<Item = &(usize, usize, usize, bool, bool)> {
        let from = self.mentions.partition_point(|m| m.0 < at);
        self.mentions[from..].iter().take_while(move |m| m.0 == at)
    }
}

impl EntityTable {
    /// The entity with this id, creating it from `make` when new; returns its index.
    pub(crate) fn get_or_insert(&mut self, id: &str, make: impl FnOnce() -> Item) -> usize {
        if let Some(&i) = self.index.get(id) {
            return i;
        }
        let item = make();
        self.index.insert(id.to_string(), self.items.len());
        self.items.push(item);
        self.items.len() - 1
    }

    /// Index of the entity with this id.
    pub(crate) fn find(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }

    /// Adds a mention of the lexicon entry `e`.
    pub(crate) fn add_entry(&mut self, e: &Entry, range: Range<usize>, actor: bool, place: bool) -> usize {
        let i = self.get_or_insert(&e.id, || Item::from_entry(e));
        self.add_mention(i, range, actor, place);
        i
    }

    /// Adds a mention to entity `i` (merging with an identical one).
    pub(crate) fn add_mention(&mut self, i: usize, range: Range<usize>, actor: bool, place: bool) {
        let key = (range.start, range.end, i);
        if let Some(&m) = self.by_mention.get(&key) {
            let m = &mut self.items[i].mentions[m];
            m.actor |= actor;
            m.place |= place;
            return;
        }
        self.by_mention.insert(key, self.items[i].mentions.len());
        self.by_range.entry((range.start, range.end)).or_default().push(i);
        self.items[i].mentions.push(MentionRec { range, actor, place });
    }

    /// The entities an exact folded range names.
    pub(crate) fn at(&self, range: &Range<usize>) -> &[usize] {
        self.by_range.get(&(range.start, range.end)).map_or(&[], Vec::as_slice)
    }

    /// Every mention, sorted by position.
    pub(crate) fn positions(&self) -> Positions {
        let mut mentions: Vec<(usize, usize, usize, bool, bool)> = self
            .items
            .iter()
            .enumerate()
            .flat_map(|(i, it)| it.mentions.iter().map(move |m| (m.range.start, m.range.end, i, m.actor, m.place)))
            .collect();
        mentions.sort_unstable();
        Positions { mentions }
    }

    /// Every entity with an actor mention, with its actor mentions, in order of first mention.
    pub(crate) fn actors(&self, map: &Mapper<'_>) -> Vec<document::Entity> {
        self.list(map, |m| m.actor)
    }

    /// Every entity with a place mention, with its place mentions, in order of first mention.
    pub(crate) fn locations(&self, map: &Mapper<'_>) -> Vec<document::Entity> {
        self.list(map, |m| m.place)
    }

    fn list(&self, map: &Mapper<'_>, keep: impl Fn(&MentionRec) -> bool) -> Vec<document::Entity> {
        let mut out: Vec<(usize, document::Entity)> = Vec::new();
        for item in &self.items {
            let mut ranges: Vec<&Range<usize>> = item.mentions.iter().filter(|m| keep(m)).map(|m| &m.range).collect();
            if ranges.is_empty() {
                continue;
            }
            ranges.sort_by_key(|r| (r.start, r.end));
            out.push((ranges[0].start, item.to_output(map, &ranges)));
        }
        out.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.id.cmp(&b.1.id)));
        out.into_iter().map(|(_, e)| e).collect()
    }

    /// The actors and places mentioned inside `r`, with only those mentions.
    pub(crate) fn inside(
        &self,
        positions: &Positions,
        r: &Range<usize>,
        map: &Mapper<'_>,
    ) -> (Vec<document::Entity>, Vec<document::Entity>) {
        let mut order: Vec<usize> = Vec::new();
        let mut actor_ranges: HashMap<usize, Vec<Range<usize>>> = HashMap::new();
        let mut place_ranges: HashMap<usize, Vec<Range<usize>>> = HashMap::new();
        for &(s, e, i, actor, place) in positions.within(r) {
            if !actor_ranges.contains_key(&i) && !place_ranges.contains_key(&i) {
                order.push(i);
            }
            if actor {
                actor_ranges.entry(i).or_default().push(s..e);
            }
            if place {
                place_ranges.entry(i).or_default().push(s..e);
            }
        }
        let build = |ranges: &HashMap<usize, Vec<Range<usize>>>| {
            order.iter().filter_map(|i| ranges.get(i).map(|rs| self.items[*i].to_output(map, &rs.iter().collect::<Vec<_>>()))).collect()
        };
        (build(&actor_ranges), build(&place_ranges))
    }

    /// The output form of entity `i` with only its mentions inside `within` (a claim, a
    /// sentence): nested references stay small however often the entity is named.
    pub(crate) fn output_within(&self, i: usize, within: &Range<usize>, map: &Mapper<'_>) -> document::Entity {
        let item = &self.items[i];
        let mut ranges: Vec<&Range<usize>> =
            item.mentions.iter().map(|m| &m.range).filter(|r| within.start <= r.start && r.end <= within.end).collect();
        ranges.sort_by_key(|r| (r.start, r.end));
        item.to_output(map, &ranges)
    }
}

impl Item {
    pub(crate) fn from_entry(e: &Entry) -> Item {
        Item {
            id: e.id.clone(),
            name: e.name.clone(),
            kind: e.kind.as_str(),
            country: e.country.clone(),
            name_en: e.name_en.clone(),
            lat: e.lat,
            lon: e.lon,
            geonames_id: e.geonames_id,
            mentions: Vec::new(),
        }
    }

    /// An entity found by a pattern, not in the lexicon.
    pub(crate) fn found(id: String, name: String, kind: &'static str, country: Option<String>) -> Item {
        Item { id, name, kind, country, name_en: None, lat: None, lon: None, geonames_id: None, mentions: Vec::new() }
    }

    fn to_output(&self, map: &Mapper<'_>, ranges: &[&Range<usize>]) -> document::Entity {
        document::Entity {
            id: self.id.clone(),
            name: self.name.clone(),
            kind: self.kind.to_string(),
            country: self.country.clone(),
            name_en: self.name_en.clone(),
            lat: self.lat,
            lon: self.lon,
            geonames_id: self.geonames_id,
            mentions: ranges
                .iter()
                .map(|r| {
                    let (text, span) = map.text_span(r);
                    document::Mention { text, span }
                })
                .collect(),
        }
    }
}

/// An id for an entity found only by a pattern: a prefix and its folded name, spaces as `-`.
pub(crate) fn derived_id(prefix: &str, folded_name: &str) -> String {
    let mut id = String::with_capacity(prefix.len() + folded_name.len() + 1);
    id.push_str(prefix);
    id.push(':');
    for (i, w) in folded_name.split_whitespace().enumerate() {
        if i > 0 {
            id.push('-');
        }
        id.push_str(w);
    }
    id
}
