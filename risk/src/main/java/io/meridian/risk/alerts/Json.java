package io.meridian.risk.alerts;

/** The little JSON the sinks send, written by hand (the risk module has no JSON library). */
final class Json
{
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Json()
    {
    }

    /** {@code value} as a JSON string literal, quotes included. */
    static String quote(final String value)
    {
        final StringBuilder out = new StringBuilder(value.length() + 16);
        quote(out, value);
        return out.toString();
    }

    static void quote(final StringBuilder out, final String value)
    {
        out.append('"');
        for (int i = 0; i < value.length(); i++)
        {
            final char c = value.charAt(i);
            switch (c)
            {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default ->
                {
                    // control characters, and the two line separators JavaScript readers choke on
                    if (c < 0x20 || c == '\u2028' || c == '\u2029')
                    {
                        out.append("\\u").append(HEX[c >> 12 & 0xF]).append(HEX[c >> 8 & 0xF])
                            .append(HEX[c >> 4 & 0xF]).append(HEX[c & 0xF]);
                    }
                    else
                    {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
