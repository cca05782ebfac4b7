package io.meridian.simulators.seed;

import io.meridian.simulators.matching.Side;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * A seed book: listed symbols and resting orders, read from a properties file:
 * <pre>
 * symbols = AAPL, MSFT          # optional: symbols listed even without orders
 * AAPL.BUY  = 100@189.90, 200@189.80
 * AAPL.SELL = 100@190.10, 200@190.20
 * </pre>
 * Each {@code qty@price} is one order; orders are placed in file order within a key, keys sorted.
 * The built-in default is the classpath resource {@value #DEFAULT_RESOURCE}.
 */
public record SeedBook(Set<String> symbols, List<SeedOrder> orders) {
    /** Classpath location of the default book (AAPL, MSFT, BTC-USD, ETH-USD). */
    public static final String DEFAULT_RESOURCE = "io/meridian/simulators/default-book.properties";

    public SeedBook {
        Set<String> all = new LinkedHashSet<>(symbols);
        orders.forEach(order -> all.add(order.symbol()));
        symbols = java.util.Collections.unmodifiableSet(all);
        orders = List.copyOf(orders);
    }

    /** The built-in default book. */
    public static SeedBook defaultBook() {
        try (InputStream in = SeedBook.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + DEFAULT_RESOURCE);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a seed book file. */
    public static SeedBook load(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read seed book " + file, e);
        }
    }

    /** Parses seed book text; throws {@link IllegalArgumentException} on a malformed entry. */
    public static SeedBook parse(String text) {
        Properties properties = new Properties();
        try (Reader reader = new StringReader(text)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> symbols = new LinkedHashSet<>(splitList(properties.getProperty("symbols", "")));
        List<SeedOrder> orders = new ArrayList<>();
        for (String key : new TreeSet<>(properties.stringPropertyNames())) {
            if (key.equals("symbols")) {
                continue;
            }
            int dot = key.lastIndexOf('.');
            if (dot <= 0) {
                throw new IllegalArgumentException("seed key must be SYMBOL.BUY or SYMBOL.SELL: " + key);
            }
            String symbol = key.substring(0, dot);
            Side side = Side.valueOf(key.substring(dot + 1).toUpperCase(java.util.Locale.ROOT));
            symbols.add(symbol);
            for (String level : splitList(properties.getProperty(key))) {
                String[] parts = level.split("@");
                if (parts.length != 2) {
                    throw new IllegalArgumentException("seed level must be qty@price: " + key + "=" + level);
                }
                orders.add(new SeedOrder(symbol, side, new BigDecimal(parts[0].trim()), new BigDecimal(parts[1].trim())));
            }
        }
        return new SeedBook(symbols, orders);
    }

    private static List<String> splitList(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
