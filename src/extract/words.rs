//! Small closed word classes shared by the extractors, in ordinary spelling (folded on use).

use crate::normalize::fold_name;
use std::collections::HashSet;
use std::sync::LazyLock;

/// Words that never belong to a person's name: particles, prepositions, pronouns, time words,
/// and the attribution verbs that so often follow a name ("الرئيس بايدن إن", "بوتين وقع").
const NOT_NAME: &[&str] = &[
    "أن",
    "أنه",
    "أنها",
    "إن",
    "إنه",
    "إنها",
    "الأحد",
    "الأربعاء",
    "الاثنين",
    "الثلاثاء",
    "الجمعة",
    "الخميس",
    "السبت",
    "الذي",
    "التي",
    "الذين",
    "اليوم",
    "أمس",
    "أيضا",
    "أيضاً",
    "بأن",
    "بعد",
    "بين",
    "تلك",
    "ثم",
    "حيث",
    "خلال",
    "ذلك",
    "على",
    "عن",
    "عند",
    "غدا",
    "غداً",
    "في",
    "قبل",
    "قد",
    "لدى",
    "لقد",
    "له",
    "لها",
    "مع",
    "من",
    "منذ",
    "هذا",
    "هذه",
    "هو",
    "هي",
    "و",
    "يوم",
    "إلى",
    "أو",
    "أي",
    "كان",
    "كانت",
    "لم",
    "لن",
    "ما",
    "مساء",
    "صباح",
    "ظهر",
    "ليلة",
    "فجر",
    "قال",
    "قالت",
    "يقول",
    "تقول",
    "أكد",
    "أكدت",
    "يؤكد",
    "تؤكد",
    "أعلن",
    "أعلنت",
    "أوضح",
    "أوضحت",
    "أضاف",
    "أضافت",
    "ذكر",
    "ذكرت",
    "صرح",
    "صرحت",
    "أفاد",
    "أفادت",
    "كشف",
    "كشفت",
    "نفى",
    "نفت",
    "حذر",
    "حذرت",
    "اتهم",
    "اتهمت",
    "زعم",
    "زعمت",
    "أشار",
    "أشارت",
    "شدد",
    "شددت",
    "دعا",
    "دعت",
    "وصف",
    "وصفت",
    "وقع",
    "وقعت",
    "التقى",
    "استقبل",
    "بحث",
    "زار",
    "يزور",
    "أجرى",
    "اجتمع",
    "للصحافيين",
    "للصحفيين",
    "لوسائل",
    "الإعلام",
    "لوكالة",
    "لقناة",
    "لصحيفة",
    "السابق",
    "السابقة",
    "الجديد",
    "الحالي",
    "حينها",
    "آنذاك",
    "بالوكالة",
];

/// First words of compound given names: the next word belongs to the same name
/// ("عبد الفتاح", "أبو بكر", "بن سلمان", "ولد الشيخ").
const NAME_JOINERS: &[&str] = &["عبد", "أبو", "أبي", "أبا", "بن", "ابن", "ولد", "آل", "أم", "عبدال", "بنت"];

static NOT_NAME_SET: LazyLock<HashSet<String>> = LazyLock::new(|| NOT_NAME.iter().map(|w| fold_name(w)).collect());
static JOINER_SET: LazyLock<HashSet<String>> = LazyLock::new(|| NAME_JOINERS.iter().map(|w| fold_name(w)).collect());

/// True when the folded `word` can be part of a person's name.
pub(crate) fn can_be_name(word: &str) -> bool {
    !NOT_NAME_SET.contains(word)
        && word.chars().count() >= 2
        && word.chars().all(|c| c.is_alphabetic())
        && (!word.starts_with('و') || can_start_with_waw(word))
}

/// Names that begin with و (وليد، وائل، وزير is excluded as a noun elsewhere).
fn can_start_with_waw(word: &str) -> bool {
    // A word starting with و is usually "and …"; a few given names start with it.
    ["وليد", "وايل", "وديع", "وسام", "وفاء", "وهبي", "وزان", "ولد"].contains(&word)
}

/// True when the folded `word` joins the next one into one name part.
pub(crate) fn is_name_joiner(word: &str) -> bool {
    JOINER_SET.contains(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_words() {
        assert!(can_be_name("زيلينسكي"));
        assert!(can_be_name("الجبير"));
        assert!(!can_be_name("ان"));
        assert!(!can_be_name("والرييس"));
        assert!(can_be_name("وليد"));
        assert!(is_name_joiner("عبد"));
    }
}
