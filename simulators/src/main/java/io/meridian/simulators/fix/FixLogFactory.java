package io.meridian.simulators.fix;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import quickfix.Log;
import quickfix.LogFactory;
import quickfix.SessionID;

/**
 * QuickFIX/J session log on SLF4J, quiet by default: messages and session events at DEBUG
 * (logger {@code io.meridian.simulators.fix.session}), errors and warnings at WARN.
 */
final class FixLogFactory implements LogFactory {
    private static final Logger LOG = LoggerFactory.getLogger("io.meridian.simulators.fix.session");

    @Override
    public Log create(SessionID sessionId) {
        String prefix = sessionId.toString();
        return new Log() {
            @Override
            public void clear() {
                // nothing stored
            }

            @Override
            public void onIncoming(String message) {
                LOG.debug("{} in {}", prefix, message);
            }

            @Override
            public void onOutgoing(String message) {
                LOG.debug("{} out {}", prefix, message);
            }

            @Override
            public void onEvent(String text) {
                LOG.debug("{} {}", prefix, text);
            }

            @Override
            public void onErrorEvent(String text) {
                LOG.warn("{} {}", prefix, text);
            }

            @Override
            public void onWarnEvent(String text) {
                LOG.warn("{} {}", prefix, text);
            }
        };
    }
}
