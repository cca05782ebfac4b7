package io.meridian.simulators.matching;

/** The kind of request a {@link Rejection} answers. */
public enum RequestType {
    NEW_ORDER,
    CANCEL,
    REPLACE
}
