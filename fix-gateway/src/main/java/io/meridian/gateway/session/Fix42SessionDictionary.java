package io.meridian.gateway.session;

import io.meridian.fix42.codecs.builder.LogoutEncoder;
import io.meridian.fix42.codecs.builder.RejectEncoder;
import io.meridian.fix42.codecs.builder.SequenceResetEncoder;
import uk.co.real_logic.artio.builder.AbstractLogoutEncoder;
import uk.co.real_logic.artio.builder.AbstractRejectEncoder;
import uk.co.real_logic.artio.builder.AbstractSequenceResetEncoder;
import uk.co.real_logic.artio.util.MutableAsciiBuffer;

/**
 * The FIX 4.2 session dictionary of Meridian's acceptor: the generated one, with the session messages
 * Artio writes shaped as the FIX specification and strict counterparties expect ({@link SessionWording}).
 * Artio instantiates it by class name, for the session layer and for its replayer's gap fills.
 */
public class Fix42SessionDictionary extends io.meridian.fix42.codecs.FixDictionaryImpl
{
    public AbstractRejectEncoder makeRejectEncoder()
    {
        return new RejectEncoder()
        {
            public long encode(final MutableAsciiBuffer buffer, final int offset)
            {
                SessionWording.shapeReject(this, sessionRejectReason(), hasRefTagID());
                return super.encode(buffer, offset);
            }
        };
    }

    public AbstractLogoutEncoder makeLogoutEncoder()
    {
        return new LogoutEncoder()
        {
            public LogoutEncoder text(final byte[] value, final int offset, final int length)
            {
                final byte[] spec = SessionWording.logoutText(value, offset, length);
                return spec == null ? super.text(value, offset, length) : super.text(spec, 0, spec.length);
            }
        };
    }

    public AbstractSequenceResetEncoder makeSequenceResetEncoder()
    {
        return new SequenceResetEncoder()
        {
            public long encode(final MutableAsciiBuffer buffer, final int offset)
            {
                if (gapFillFlag() && header().hasPossDupFlag() && header().possDupFlag())
                {
                    SessionWording.stampOrigSendingTime(header(), header().sendingTime());
                }
                return super.encode(buffer, offset);
            }
        };
    }
}
