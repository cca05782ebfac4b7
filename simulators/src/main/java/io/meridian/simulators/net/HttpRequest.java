package io.meridian.simulators.net;

import java.util.List;
import java.util.Map;

/**
 * One HTTP request as a front end sees it.
 *
 * @param path     decoded path without the query
 * @param rawQuery the query string exactly as sent (percent-encoded), "" if none; signatures cover it
 * @param params   query parameters, then form-body parameters, decoded, in order of appearance
 * @param headers  header names lower-cased; the first value of each
 * @param body     raw body text ("" if none)
 * @param remote   the client's address
 */
public record HttpRequest(String method, String path, String rawQuery, Map<String, List<String>> params,
                          Map<String, String> headers, String body, String remote) {

    /** First value of a query or form parameter, or null. */
    public String param(String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** A header by case-insensitive name, or null. */
    public String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }
}
