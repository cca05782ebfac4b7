package io.meridian.admin;

import io.meridian.gateway.ClientSessionStatus;
import io.meridian.venues.crypto.CryptoVenueStatus;
import io.meridian.positions.store.StoreViews;
import io.meridian.venues.fix.VenueStatus;
import io.micronaut.serde.annotation.SerdeImport;

/** JSON support for the plain types of the core modules, which know nothing of Micronaut. */
@SerdeImport(ClientSessionStatus.class)
@SerdeImport(VenueStatus.class)
@SerdeImport(CryptoVenueStatus.class)
@SerdeImport(MeridianServer.StateHash.class)
@SerdeImport(StoreViews.PositionView.class)
@SerdeImport(StoreViews.PositionDetail.class)
@SerdeImport(StoreViews.FillView.class)
@SerdeImport(StoreViews.BalanceView.class)
@SerdeImport(StoreViews.VenueOrderView.class)
@SerdeImport(io.meridian.admin.reconciliation.DriftEvent.class)
@SerdeImport(Reconciliation.VenueReconciliation.class)
@SerdeImport(Reconciliation.Holding.class)
final class SerdeImports
{
    private SerdeImports()
    {
    }
}
