package io.meridian.fix.dialect;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A repeating group as the dictionary orders it: its NumInGroup tag, the delimiter (the first
 * member, which starts every instance), the members in order (components resolved) and the groups
 * nested in it.
 */
public final class GroupDefinition
{
    private final int countTag;
    private final List<Integer> members = new ArrayList<>();
    private final Map<Integer, GroupDefinition> groups = new LinkedHashMap<>();

    GroupDefinition(final int countTag)
    {
        this.countTag = countTag;
    }

    /** @return the NumInGroup tag that counts the instances. */
    public int countTag()
    {
        return countTag;
    }

    /** @return the tag every instance must start with. */
    public int delimiter()
    {
        return members.isEmpty() ? 0 : members.get(0);
    }

    /** @return the member tags in dictionary order, nested groups' NumInGroup tags included. */
    public List<Integer> members()
    {
        return Collections.unmodifiableList(members);
    }

    /** @return the groups nested directly in this one, by NumInGroup tag. */
    public Map<Integer, GroupDefinition> groups()
    {
        return Collections.unmodifiableMap(groups);
    }

    void addMember(final int tag)
    {
        if (!members.contains(tag))
        {
            members.add(tag);
        }
    }

    void addGroup(final GroupDefinition group)
    {
        groups.put(group.countTag(), group);
    }
}
