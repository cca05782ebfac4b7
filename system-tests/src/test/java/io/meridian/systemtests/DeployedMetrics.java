package io.meridian.systemtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The metrics deploy/ refers to (the Grafana dashboard, the Prometheus alert rules) against a live scrape. */
final class DeployedMetrics
{
    private static final Pattern METRIC = Pattern.compile("\\b((?:meridian|jvm|process)_[a-z0-9_]+)");

    private DeployedMetrics()
    {
    }

    /** Every metric name the dashboard and the alert rules use. */
    static Set<String> referenced() throws IOException
    {
        // surefire runs in the module directory
        final Path deploy = Path.of("..", "deploy");
        final Set<String> referenced = new TreeSet<>();
        for (final String file : List.of("prometheus/alerts.yml", "grafana/meridian-dashboard.json"))
        {
            final Matcher names = METRIC.matcher(Files.readString(deploy.resolve(file)));
            while (names.find())
            {
                referenced.add(names.group(1));
            }
        }
        return referenced;
    }

    /** The metric names in a Prometheus scrape. */
    static Set<String> exported(final String scrape)
    {
        final Set<String> exported = new HashSet<>();
        for (final String line : scrape.split("\n"))
        {
            if (!line.startsWith("#") && !line.isBlank())
            {
                exported.add(line.split("[{ ]", 2)[0]);
            }
        }
        return exported;
    }

    /** Those of {@code names} the dashboard or the alerts use must be in {@code scrape}. */
    static void assertExported(final String scrape, final Set<String> names)
    {
        final Set<String> exported = exported(scrape);
        assertThat(names).as("metrics missing from /prometheus").allSatisfy(name -> assertThat(exported).contains(name));
    }
}
