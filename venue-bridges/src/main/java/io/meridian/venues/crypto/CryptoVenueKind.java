package io.meridian.venues.crypto;

import java.util.Locale;

/** The crypto venue APIs Meridian speaks. */
public enum CryptoVenueKind
{
    /** Binance spot: WebSocket API order entry and user data, REST /api/v3 fallback. */
    BINANCE_SPOT("binance-spot"),
    /** OKX v5: private WebSocket order ops and orders channel, REST /api/v5 fallback. */
    OKX_V5("okx-v5");

    private final String configName;

    CryptoVenueKind(final String configName)
    {
        this.configName = configName;
    }

    public String configName()
    {
        return configName;
    }

    public static CryptoVenueKind of(final String name)
    {
        for (final CryptoVenueKind kind : values())
        {
            if (kind.configName.equals(name.toLowerCase(Locale.ROOT)))
            {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown crypto venue kind '" + name + "' (binance-spot, okx-v5)");
    }

    /**
     * The venue's symbol for one of our instrument symbols when none is configured: the part before
     * '@' ({@code BTC-USDT@OKX} -> {@code BTC-USDT}), without the dash for Binance ({@code BTCUSDT}).
     */
    public String defaultVenueSymbol(final String instrumentSymbol)
    {
        final int at = instrumentSymbol.indexOf('@');
        final String base = at < 0 ? instrumentSymbol : instrumentSymbol.substring(0, at);
        return this == BINANCE_SPOT ? base.replace("-", "").replace("/", "").toUpperCase(Locale.ROOT) :
            base.replace('/', '-').toUpperCase(Locale.ROOT);
    }
}
