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
        Micronaut.build(args)
            .mainClass(MeridianApplication.class)
            .banner(false)
            .start();
    }
}
