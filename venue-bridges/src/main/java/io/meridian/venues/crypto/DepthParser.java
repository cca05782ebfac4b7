package io.meridian.venues.crypto;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;

/**
 * Streams depth messages into a reused {@link DepthUpdate} (Jackson's streaming parser over the
 * message's characters: no tree, no per-level strings). Binance: a diff, raw or in a combined
 * stream's {@code {"stream","data"}}, and the REST snapshot; OKX: {@code books} pushes and event
 * answers. Single-threaded.
 */
final class DepthParser
{
    private final JsonFactory factory;
    private final int[] digits = new int[1];

    DepthParser(final JsonFactory factory)
    {
        this.factory = factory;
    }

    /** A Binance {@code depthUpdate} (kind UPDATE), a {@code /api/v3/depth} answer (SNAPSHOT) or OTHER. */
    void binance(final String text, final DepthUpdate out) throws IOException
    {
        out.reset();
        try (JsonParser p = factory.createParser(text))
        {
            if (p.nextToken() != JsonToken.START_OBJECT)
            {
                return;
            }
            binanceObject(p, out);
        }
    }

    private void binanceObject(final JsonParser p, final DepthUpdate out) throws IOException
    {
        while (p.nextToken() == JsonToken.FIELD_NAME)
        {
            final String field = p.currentName();
            final JsonToken value = p.nextToken();
            switch (field)
            {
                case "data" ->
                {
                    if (value == JsonToken.START_OBJECT)
                    {
                        binanceObject(p, out);
                    }
                    else
                    {
                        p.skipChildren();
                    }
                }
                case "e" ->
                {
                    if ("depthUpdate".equals(p.getText()))
                    {
                        out.kind = DepthUpdate.Kind.UPDATE;
                    }
                }
                case "E" -> out.venueTimeMs = p.getValueAsLong();
                case "s" -> out.symbol.append(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                case "U" -> out.firstId = p.getValueAsLong();
                case "u" -> out.lastId = p.getValueAsLong();
                case "lastUpdateId" ->
                {
                    out.kind = DepthUpdate.Kind.SNAPSHOT;
                    out.firstId = p.getValueAsLong();
                    out.lastId = out.firstId;
                }
                case "b", "bids" -> levels(p, out, true);
                case "a", "asks" -> levels(p, out, false);
                default -> p.skipChildren();
            }
        }
    }

    /** An OKX public WebSocket message: a {@code books} push (SNAPSHOT/UPDATE), an event answer, or OTHER. */
    void okx(final String text, final DepthUpdate out) throws IOException
    {
        out.reset();
        try (JsonParser p = factory.createParser(text))
        {
            if (p.nextToken() != JsonToken.START_OBJECT)
            {
                return;
            }
            boolean books = false;
            DepthUpdate.Kind action = DepthUpdate.Kind.OTHER;
            while (p.nextToken() == JsonToken.FIELD_NAME)
            {
                final String field = p.currentName();
                final JsonToken value = p.nextToken();
                switch (field)
                {
                    case "event" -> out.event.append(p.getText());
                    case "arg" ->
                    {
                        if (value != JsonToken.START_OBJECT)
                        {
                            p.skipChildren();
                            break;
                        }
                        while (p.nextToken() == JsonToken.FIELD_NAME)
                        {
                            final String argField = p.currentName();
                            p.nextToken();
                            if ("channel".equals(argField))
                            {
                                books = "books".equals(p.getText());
                            }
                            else if ("instId".equals(argField))
                            {
                                out.symbol.append(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                            }
                            else
                            {
                                p.skipChildren();
                            }
                        }
                    }
                    case "action" -> action = "snapshot".equals(p.getText()) ? DepthUpdate.Kind.SNAPSHOT :
                        "update".equals(p.getText()) ? DepthUpdate.Kind.UPDATE : DepthUpdate.Kind.OTHER;
                    case "data" ->
                    {
                        if (value != JsonToken.START_ARRAY)
                        {
                            p.skipChildren();
                            break;
                        }
                        while (p.nextToken() == JsonToken.START_OBJECT)
                        {
                            okxData(p, out);
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            out.kind = books && out.event.length() == 0 ? action : DepthUpdate.Kind.OTHER;
        }
    }

    private void okxData(final JsonParser p, final DepthUpdate out) throws IOException
    {
        while (p.nextToken() == JsonToken.FIELD_NAME)
        {
            final String field = p.currentName();
            p.nextToken();
            switch (field)
            {
                case "asks" -> levels(p, out, false);
                case "bids" -> levels(p, out, true);
                case "ts" -> out.venueTimeMs = p.getValueAsLong();
                case "checksum" ->
                {
                    out.checksum = p.getValueAsInt();
                    out.hasChecksum = true;
                }
                case "prevSeqId" -> out.firstId = p.getValueAsLong();
                case "seqId" -> out.lastId = p.getValueAsLong();
                default -> p.skipChildren();
            }
        }
    }

    /** {@code [[price, qty, ...], ...]}: the first two strings of each level, the rest skipped. */
    private void levels(final JsonParser p, final DepthUpdate out, final boolean bid) throws IOException
    {
        if (p.currentToken() != JsonToken.START_ARRAY)
        {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.START_ARRAY)
        {
            long price = -1;
            int priceDigits = 0;
            long qty = -1;
            int qtyDigits = 0;
            int index = 0;
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null)
            {
                if (index < 2 && (t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NUMBER_INT ||
                    t == JsonToken.VALUE_NUMBER_FLOAT))
                {
                    final long mantissa = DepthUpdate.parseMantissa(
                        p.getTextCharacters(), p.getTextOffset(), p.getTextLength(), digits);
                    if (index == 0)
                    {
                        price = mantissa;
                        priceDigits = digits[0];
                    }
                    else
                    {
                        qty = mantissa;
                        qtyDigits = digits[0];
                    }
                }
                else
                {
                    p.skipChildren();
                }
                index++;
            }
            if (price < 0 || qty < 0)
            {
                out.malformed = true;
                continue;
            }
            if (bid)
            {
                out.addBid(price, priceDigits, qty, qtyDigits);
            }
            else
            {
                out.addAsk(price, priceDigits, qty, qtyDigits);
            }
        }
    }
}
