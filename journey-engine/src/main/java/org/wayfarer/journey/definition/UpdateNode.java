package org.wayfarer.journey.definition;

import java.util.List;

/**
 * Changes the contact: {@code set} attributes (values are templates; numbers and booleans stay as written),
 * {@code unset} attributes, {@code addTags} and {@code removeTags} (templates too, e.g. {@code store_{{event.scene}}}).
 * What actually changes is announced as {@code contact.updated} ({@code event.changed}: the attribute names),
 * {@code contact.tagged} and {@code contact.untagged} ({@code event.tag}) events, which trigger journeys like any
 * event.
 *
 * @param changes renders to {@code {set: {name: value}, addTags: [..], removeTags: [..]}} (each key optional)
 * @param next    nullable: the path ends
 */
public record UpdateNode(String id, MessageTemplate changes, List<String> unset, String next) implements Node {

    /** Longest tag, in characters (the tag index column). */
    public static final int MAX_TAG = 64;

    public UpdateNode {
        unset = List.copyOf(unset);
    }
}
