package io.meridian.admin;

import io.meridian.gateway.ClientSessionStatus;
import io.meridian.positions.PositionRow;
import io.meridian.venues.crypto.CryptoVenueStatus;
import io.meridian.venues.fix.VenueStatus;
import io.micronaut.serde.annotation.SerdeImport;

/** JSON support for the plain types of the core modules, which know nothing of Micronaut. */
@SerdeImport(ClientSessionStatus.class)
@SerdeImport(VenueStatus.class)
@SerdeImport(PositionRow.class)
@SerdeImport(CryptoVenueStatus.class)
final class SerdeImports
{
    private SerdeImports()
    {
    }
}
