package io.meridian.risk;

/**
 * FIX Account names to dense ids, looked up by any CharSequence without allocating (open addressing
 * over the characters' hash). Filled at start, read on the sequencer thread.
 */
final class AccountTable
{
    private final String[] names;
    private final int[] ids;
    private final int mask;

    AccountTable(final int expected)
    {
        int capacity = 4;
        while (capacity < expected * 2)
        {
            capacity <<= 1;
        }
        names = new String[capacity];
        ids = new int[capacity];
        mask = capacity - 1;
    }

    void put(final String name, final int id)
    {
        int slot = hash(name) & mask;
        while (names[slot] != null)
        {
            if (names[slot].equals(name))
            {
                throw new IllegalArgumentException("account listed twice: " + name);
            }
            slot = (slot + 1) & mask;
        }
        names[slot] = name;
        ids[slot] = id;
    }

    /** @return the id, -1 when the account has no limits of its own. */
    int get(final CharSequence name)
    {
        if (name == null || name.length() == 0)
        {
            return -1;
        }
        int slot = hash(name) & mask;
        String candidate;
        while ((candidate = names[slot]) != null)
        {
            if (candidate.contentEquals(name))
            {
                return ids[slot];
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    private static int hash(final CharSequence s)
    {
        int h = 0;
        for (int i = 0; i < s.length(); i++)
        {
            h = 31 * h + s.charAt(i);
        }
        return h ^ (h >>> 16);
    }
}
