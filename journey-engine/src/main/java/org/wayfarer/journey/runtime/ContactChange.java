package org.wayfarer.journey.runtime;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.wayfarer.journey.contact.Contact;

/**
 * What one change did to a contact: the contact after it, the attributes whose value changed (set to another value,
 * or unset while present) and the tags it gained and lost. Setting a value the contact already has, adding a tag it
 * has or removing one it lacks changes nothing, so an update that repeats itself announces nothing and cannot feed a
 * loop of {@code contact.updated} events. Pure.
 */
record ContactChange(Contact after, List<String> changed, Set<String> tagged, Set<String> untagged) {

    ContactChange {
        changed = List.copyOf(changed);
        tagged = Set.copyOf(tagged);
        untagged = Set.copyOf(untagged);
    }

    /** Attributes merged in from an event (member-system sync, a form), nothing unset, no tags. */
    static ContactChange merging(Contact before, Map<String, Object> synced, Instant now) {
        return of(before, synced, List.of(), List.of(), List.of(), now);
    }

    static ContactChange of(Contact before, Map<String, Object> set, Collection<String> unset,
                            Collection<String> addTags, Collection<String> removeTags, Instant now) {
        Map<String, Object> attributes = new HashMap<>(before.attributes());
        Set<String> changed = new LinkedHashSet<>();
        set.forEach((name, value) -> {
            if (value == null) {
                if (attributes.remove(name) != null) {
                    changed.add(name);
                }
            } else if (!Objects.equals(attributes.put(name, value), value)) {
                changed.add(name);
            }
        });
        for (String name : unset) {
            if (attributes.remove(name) != null) {
                changed.add(name);
            }
        }
        Set<String> tags = new TreeSet<>(before.tags());
        tags.addAll(addTags);
        tags.removeAll(removeTags);
        Set<String> tagged = new TreeSet<>(tags);
        tagged.removeAll(before.tags());
        Set<String> untagged = new TreeSet<>(before.tags());
        untagged.removeAll(tags);
        boolean same = changed.isEmpty() && tagged.isEmpty() && untagged.isEmpty();
        Contact after = same ? before : before.changed(attributes, tags, now);
        return new ContactChange(after, new ArrayList<>(changed), tagged, untagged);
    }

    boolean isEmpty() {
        return changed.isEmpty() && tagged.isEmpty() && untagged.isEmpty();
    }
}
