package io.meridian.risk.alerts;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * A Telegram Bot API compatible chat: {@code POST {baseUrl}/bot{token}/sendMessage} with
 * {@code {"chat_id":..., "text":..., "disable_notification":...}} (INFO alerts arrive silently). Plain
 * text, no parse mode, so nothing in an alert needs Markdown escaping. The token is a {@link Secret}: it
 * is in the request URL only, never in {@link #toString}, a log line or an exception message.
 */
public final class TelegramSink implements AlertSink
{
    /** Telegram refuses longer texts. */
    static final int MAX_TEXT = 4096;

    private final String name;
    private final URI baseUrl;
    private final Secret token;
    private final String chatId;
    private final AlertOrigin origin;
    private final HttpPoster http;

    public TelegramSink(
        final String name, final HttpClient client, final URI baseUrl, final Secret token, final String chatId,
        final AlertOrigin origin, final Duration timeout)
    {
        if (chatId == null || chatId.isBlank())
        {
            throw new IllegalArgumentException("a telegram sink needs a chat-id");
        }
        this.name = name;
        this.baseUrl = baseUrl;
        this.token = token;
        this.chatId = chatId.strip();
        this.origin = origin;
        this.http = new HttpPoster(client, timeout, token::scrub);
    }

    public String name()
    {
        return name;
    }

    public void deliver(final Alert alert) throws Exception
    {
        http.post("telegram sendMessage", sendMessageUri(), payload(alert));
    }

    private URI sendMessageUri()
    {
        final String base = baseUrl.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) +
            "/bot" + token.reveal() + "/sendMessage");
    }

    /** The request body. */
    String payload(final Alert alert)
    {
        final StringBuilder json = new StringBuilder(256);
        json.append("{\"chat_id\":");
        // a numeric chat id is sent as a number, a channel name (@name) as a string
        if (chatId.matches("-?[0-9]{1,19}"))
        {
            json.append(chatId);
        }
        else
        {
            Json.quote(json, chatId);
        }
        json.append(",\"text\":");
        Json.quote(json, text(alert));
        json.append(",\"disable_notification\":").append(alert.severity() == Severity.INFO).append('}');
        return json.toString();
    }

    /** {@code RED KILL_SWITCH_ENGAGED (admin on prod-1)}, the alert's text, its time. */
    String text(final Alert alert)
    {
        final String text = alert.severity() + " " + alert.code() + " (" + alert.source() + " on " + origin.instance() +
            ")\n" + alert.text() + "\n" + alert.isoTime();
        return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT - 3) + "..." : text;
    }

    public String toString()
    {
        return "TelegramSink[name=" + name + ", baseUrl=" + baseUrl + ", chatId=" + chatId + ", token=" + token + "]";
    }
}
