package io.meridian.risk.alerts;

import java.net.URI;

/**
 * One configured remote sink.
 *
 * @param name    for logs and metrics (defaults to the kind).
 * @param kind    telegram or webhook.
 * @param url     telegram: the Bot API base URL ({@code https://api.telegram.org}); webhook: the URL POSTed to.
 * @param chatId  telegram only.
 * @param token   telegram only: from an environment variable or a secrets file, never from the YAML.
 * @param policy  severity filter, rate limit, retries.
 */
public record SinkConfig(String name, Kind kind, URI url, String chatId, Secret token, SinkPolicy policy)
{
    /** The kinds of remote sink. */
    public enum Kind
    {
        TELEGRAM, WEBHOOK;

        public static Kind of(final String name)
        {
            return switch (name == null ? "" : name.trim().toLowerCase(java.util.Locale.ROOT))
            {
                case "telegram" -> TELEGRAM;
                case "webhook" -> WEBHOOK;
                default -> throw new IllegalArgumentException("unknown alert sink kind '" + name + "' (telegram or webhook)");
            };
        }
    }

    public SinkConfig
    {
        if (kind == null || url == null || policy == null)
        {
            throw new IllegalArgumentException("an alert sink needs a kind, a url and a policy");
        }
        if (kind == Kind.TELEGRAM && (token == null || chatId == null || chatId.isBlank()))
        {
            throw new IllegalArgumentException("a telegram alert sink needs a chat-id and a token (token-env or token-file)");
        }
        name = name == null || name.isBlank() ? kind.name().toLowerCase(java.util.Locale.ROOT) : name;
    }
}
