package io.meridian.simulators.net;

import java.util.LinkedHashMap;
import java.util.Map;

/** An HTTP answer: status, extra headers and body. */
public record HttpResponse(int status, Map<String, String> headers, String body, String contentType) {

    public HttpResponse {
        headers = Map.copyOf(headers);
    }

    /** Status of {@link #drop()}: no answer, the connection is closed instead. */
    public static final int DROP_STATUS = 0;

    /** No answer at all: the server closes the connection (a client sees a timeout or a reset). */
    public static HttpResponse drop() {
        return new HttpResponse(DROP_STATUS, Map.of(), "", "text/plain");
    }

    /** A JSON answer. */
    public static HttpResponse json(int status, String body) {
        return new HttpResponse(status, Map.of(), body, "application/json;charset=UTF-8");
    }

    /** The same answer with one more header. */
    public HttpResponse withHeader(String name, String value) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put(name, value);
        return new HttpResponse(status, all, body, contentType);
    }

    /** The same answer with more headers. */
    public HttpResponse withHeaders(Map<String, String> more) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.putAll(more);
        return new HttpResponse(status, all, body, contentType);
    }
}
