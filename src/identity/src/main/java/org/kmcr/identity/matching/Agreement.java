package org.kmcr.identity.matching;

/** How closely one field of two records agrees: the comparison levels of the Fellegi-Sunter model. */
public enum Agreement {
    EXACT("the same"),
    NICKNAME("a nickname of the other (as Bob for Robert)"),
    CLOSE("spelt almost the same (a typo or two)"),
    PHONETIC("sounds the same but is spelt differently"),
    SAME_LETTERS("made of the same letters, jumbled or with one letter more or fewer"),
    DAY_MONTH_SWAPPED("the same with day and month swapped"),
    ONE_EDIT("one character or digit apart"),
    TWO_EDITS("two digits apart"),
    NEAR_YEAR("within a year of each other"),
    SECTOR("in the same postcode sector"),
    DISTRICT("in the same postcode district"),
    DISAGREE("different"),
    MISSING("not given on both records");

    private final String words;

    Agreement(String words) {
        this.words = words;
    }

    /** How the level reads in an explanation: "the family name is " + words. */
    public String words() {
        return words;
    }
}
