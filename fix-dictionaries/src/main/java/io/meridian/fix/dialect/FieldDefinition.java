package io.meridian.fix.dialect;

import java.util.LinkedHashMap;
import java.util.Map;

/** A field of a dictionary: tag, name, FIX type and, for enumerated fields, the allowed values. */
public final class FieldDefinition
{
    private final int tag;
    private final String name;
    private final String type;
    private final Map<String, String> values = new LinkedHashMap<>(); // enum -> description

    FieldDefinition(final int tag, final String name, final String type)
    {
        this.tag = tag;
        this.name = name;
        this.type = type;
    }

    public int tag()
    {
        return tag;
    }

    public String name()
    {
        return name;
    }

    public String type()
    {
        return type;
    }

    /** @return enum value -> description; empty when any value of the type is allowed. */
    public Map<String, String> values()
    {
        return values;
    }

    void addValue(final String value, final String description)
    {
        values.putIfAbsent(value, description);
    }
}
