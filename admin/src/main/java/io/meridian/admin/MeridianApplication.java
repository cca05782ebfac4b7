package io.meridian.admin;

import io.micronaut.runtime.Micronaut;

/** Entry point: starts the Micronaut admin application, which builds and starts the {@link MeridianServer}. */
public final class MeridianApplication
{
    private MeridianApplication()
    {
    }

    public static void main(final String[] args)
    {
        final MeridianServer server = Micronaut.build(args)
            .mainClass(MeridianApplication.class)
            .banner(false)
            .start()
            .getBean(MeridianServer.class);
        // SIGTERM: Micronaut's own hook closes the application (MeridianServer drains, logs the FIX sessions
        // out, flushes journal and store); once that is done the stop was clean, so the exit code is 0
        Runtime.getRuntime().addShutdownHook(new Thread(() ->
        {
            try
            {
                if (server.awaitClosed(60_000))
                {
                    Runtime.getRuntime().halt(0);
                }
            }
            catch (final InterruptedException e)
            {
                Thread.currentThread().interrupt();
            }
        }, "meridian-clean-exit"));
    }
}
