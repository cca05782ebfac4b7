package io.meridian.fix;

import io.meridian.fix.codecs.FixDictionaryImpl;
import uk.co.real_logic.artio.builder.AbstractLogonEncoder;

/**
 * The FIX 4.4 session dictionary whose Logon can carry dialect fields ({@link ExtensibleLogonEncoder}).
 * Artio instantiates it by class for a session that needs it.
 */
public class ExtensibleFixDictionary extends FixDictionaryImpl
{
    public AbstractLogonEncoder makeLogonEncoder()
    {
        return new ExtensibleLogonEncoder();
    }
}
