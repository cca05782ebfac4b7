package io.meridian.fix.dialect;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A message of a dictionary with its fields flattened: components are resolved and repeating
 * group fields (counter and members) are allowed, but only top-level required fields are enforced;
 * {@link #groups()} keeps each repeating group's structure.
 */
public final class MessageDefinition
{
    private final String name;
    private final String msgType;
    private final String category;
    private final boolean custom;
    private final Map<Integer, Boolean> fields = new LinkedHashMap<>(); // tag -> required
    private final Map<Integer, GroupDefinition> groups = new LinkedHashMap<>();

    MessageDefinition(final String name, final String msgType, final String category, final boolean custom)
    {
        this.name = name;
        this.msgType = msgType;
        this.category = category;
        this.custom = custom;
    }

    public String name()
    {
        return name;
    }

    public String msgType()
    {
        return msgType;
    }

    /** @return "admin" or "app". */
    public String category()
    {
        return category;
    }

    /** @return true when an overlay introduced this message type (not in the base dictionary). */
    public boolean custom()
    {
        return custom;
    }

    /** @return tag -> required, in dictionary order. */
    public Map<Integer, Boolean> fields()
    {
        return fields;
    }

    /** @return the repeating groups at the top level of the message, by NumInGroup tag. */
    public Map<Integer, GroupDefinition> groups()
    {
        return groups;
    }

    void putField(final int tag, final boolean required)
    {
        fields.put(tag, required);
    }

    void addGroup(final GroupDefinition group)
    {
        groups.put(group.countTag(), group);
    }
}
