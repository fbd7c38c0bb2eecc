package org.kmcr.record.mapping;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * A person's summary for the portal: who, why the caller may see it, the categories that show "information
 * withheld", and the items of every category by its code ({@code allergies}, {@code medications}, ...), empty
 * for a category with nothing to show.
 */
@JsonPropertyOrder({"person", "access", "withheld"})
public final class SummaryView {

    private final PersonView person;
    private final AccessView access;
    private final List<String> withheld;
    private final Map<String, List<ItemView>> categories;

    public SummaryView(PersonView person, AccessView access, List<String> withheld,
            Map<String, List<ItemView>> categories) {
        this.person = person;
        this.access = access;
        this.withheld = List.copyOf(withheld);
        this.categories = categories;
    }

    @JsonProperty
    public PersonView person() {
        return person;
    }

    @JsonProperty
    public AccessView access() {
        return access;
    }

    /** The categories in which some information is withheld, and may be said to be. */
    @JsonProperty
    public List<String> withheld() {
        return withheld;
    }

    @JsonAnyGetter
    public Map<String, List<ItemView>> categories() {
        return categories;
    }
}
