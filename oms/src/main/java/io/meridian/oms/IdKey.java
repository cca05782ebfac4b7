package io.meridian.oms;

/**
 * Hash key of an identifier string within a scope (ClOrdID within a client, venue ExecID within a
 * venue). Stored keys hold an immutable String; the sequencer looks up with one reusable key that
 * points at the incoming command's StringBuilder, so lookups do not allocate.
 */
final class IdKey
{
    private int scope;
    private CharSequence id;
    private int hash;

    IdKey()
    {
    }

    private IdKey(final int scope, final String id, final int hash)
    {
        this.scope = scope;
        this.id = id;
        this.hash = hash;
    }

    /** Points this (lookup) key at {@code id}, which must not change while the key is in use. */
    IdKey set(final int scope, final CharSequence id)
    {
        this.scope = scope;
        this.id = id;
        int h = 31 * scope;
        for (int i = 0, n = id.length(); i < n; i++)
        {
            h = 31 * h + id.charAt(i);
        }
        this.hash = h;
        return this;
    }

    /** @return an immutable copy to store in a map. */
    IdKey copy()
    {
        return new IdKey(scope, id.toString(), hash);
    }

    /** @return an immutable copy reusing an already copied id String. */
    IdKey copy(final String sameId)
    {
        return new IdKey(scope, sameId, hash);
    }

    public int hashCode()
    {
        return hash;
    }

    public boolean equals(final Object o)
    {
        if (this == o)
        {
            return true;
        }
        if (!(o instanceof IdKey))
        {
            return false;
        }
        final IdKey that = (IdKey)o;
        if (hash != that.hash || scope != that.scope)
        {
            return false;
        }
        final CharSequence a = id;
        final CharSequence b = that.id;
        final int n = a.length();
        if (n != b.length())
        {
            return false;
        }
        for (int i = 0; i < n; i++)
        {
            if (a.charAt(i) != b.charAt(i))
            {
                return false;
            }
        }
        return true;
    }

    public String toString()
    {
        return scope + ":" + id;
    }
}
