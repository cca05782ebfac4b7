package io.meridian.simulators.okx;

import java.util.function.Function;

/**
 * OKX's paging of list endpoints (newest first): {@code after} keeps ids older than it,
 * {@code before} ids newer than it, {@code begin}/{@code end} bound the time in epoch ms
 * (inclusive), {@code limit} is 1..100 (default 100).
 */
record OkxPage(long after, long before, long begin, long end, int limit) {
    static final int MAX_LIMIT = 100;

    /** Reads the paging parameters; throws {@link IllegalArgumentException} naming a malformed one. */
    static OkxPage of(Function<String, String> param) {
        long after = number(param, "after", Long.MAX_VALUE);
        long before = number(param, "before", Long.MIN_VALUE);
        long begin = number(param, "begin", Long.MIN_VALUE);
        long end = number(param, "end", Long.MAX_VALUE);
        long limit = number(param, "limit", MAX_LIMIT);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit");
        }
        return new OkxPage(after, before, begin, end, (int) limit);
    }

    boolean admits(long id, long timeMs) {
        return id < after && id > before && timeMs >= begin && timeMs <= end;
    }

    private static long number(Function<String, String> param, String name, long absent) {
        String text = param.apply(name);
        if (text == null || text.isEmpty()) {
            return absent;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name, e);
        }
    }
}
