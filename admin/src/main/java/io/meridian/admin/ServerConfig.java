package io.meridian.admin;

import io.meridian.gateway.ClientSessionConfig;
import io.meridian.gateway.FixRuntimeConfig;
import io.meridian.risk.alerts.AlertOrigin;
import io.meridian.risk.alerts.AlertsConfig;
import io.meridian.venues.crypto.CryptoVenueConfig;
import io.meridian.venues.fix.FixVenueConfig;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a {@link MeridianServer} needs, typed. Built from the YAML configuration by
 * {@link ServerConfigLoader}, or directly by tests.
 *
 * @param dataDir              root of all persistent state (journal, FIX sequence numbers, archive).
 * @param fixBindHost          client acceptor bind address.
 * @param fixPort              client acceptor port.
 * @param coreIdleStrategy     idle strategy of the core thread (library + venues + sequencer).
 * @param engineIdleStrategy   idle strategy of the Artio engine thread (low-resource scheduler).
 * @param clients              client sessions allowed to log on.
 * @param venues               FIX venues to connect to; a venue's index in the list is its venueId.
 * @param instruments          tradable instruments; {@code venue} names one of {@code venues}.
 * @param simulatorEnabled     start the embedded QuickFIX/J venue simulator.
 * @param simulatorPort        its port.
 * @param simulatorCompId      its SenderCompID.
 * @param engineScheduler      lock-step (default: the framer invoked from the core thread, the whole order
 *                             path on one thread) or low-resource (the Artio framer on its own thread).
 * @param cryptoVenues         crypto venues (Binance spot, OKX v5); their venueIds follow the FIX venues'.
 * @param cryptoSimulators     the embedded Binance and OKX simulators.
 * @param cryptoIdleStrategy   idle strategy of the crypto bridges' I/O thread.
 * @param alerts               alert sinks for ops (the log only by default).
 * @param risk                 limits of the firm, sessions and accounts (none beyond the instruments' by default).
 */
public record ServerConfig(
    Path dataDir,
    String fixBindHost,
    int fixPort,
    String coreIdleStrategy,
    String engineIdleStrategy,
    List<ClientSessionConfig> clients,
    List<FixVenueConfig> venues,
    List<InstrumentSettings> instruments,
    boolean simulatorEnabled,
    int simulatorPort,
    String simulatorCompId,
    String engineScheduler,
    List<CryptoVenueConfig> cryptoVenues,
    CryptoSimulatorSettings cryptoSimulators,
    String cryptoIdleStrategy,
    AlertsConfig alerts,
    RiskSettings risk,
    ReconciliationSettings reconciliation,
    RouterSettings router)
{
    public ServerConfig
    {
        cryptoVenues = cryptoVenues == null ? List.of() : List.copyOf(cryptoVenues);
        cryptoSimulators = cryptoSimulators == null ? CryptoSimulatorSettings.disabled() : cryptoSimulators;
        cryptoIdleStrategy = cryptoIdleStrategy == null ? "backoff" : cryptoIdleStrategy;
        alerts = alerts == null ? AlertsConfig.logOnly(AlertOrigin.local(null)) : alerts;
        risk = risk == null ? RiskSettings.none() : risk;
        reconciliation = reconciliation == null ? ReconciliationSettings.off() : reconciliation;
        router = router == null ? RouterSettings.none() : router;
    }

    /** Like the canonical constructor, without reconciliation. */
    public ServerConfig(
        final Path dataDir, final String fixBindHost, final int fixPort, final String coreIdleStrategy,
        final String engineIdleStrategy, final List<ClientSessionConfig> clients, final List<FixVenueConfig> venues,
        final List<InstrumentSettings> instruments, final boolean simulatorEnabled, final int simulatorPort,
        final String simulatorCompId, final String engineScheduler, final List<CryptoVenueConfig> cryptoVenues,
        final CryptoSimulatorSettings cryptoSimulators, final String cryptoIdleStrategy, final AlertsConfig alerts,
        final RiskSettings risk)
    {
        this(dataDir, fixBindHost, fixPort, coreIdleStrategy, engineIdleStrategy, clients, venues, instruments,
            simulatorEnabled, simulatorPort, simulatorCompId, engineScheduler, cryptoVenues, cryptoSimulators,
            cryptoIdleStrategy, alerts, risk, null, null);
    }

    /** Alerts to the log only. */
    public ServerConfig(
        final Path dataDir,
        final String fixBindHost,
        final int fixPort,
        final String coreIdleStrategy,
        final String engineIdleStrategy,
        final List<ClientSessionConfig> clients,
        final List<FixVenueConfig> venues,
        final List<InstrumentSettings> instruments,
        final boolean simulatorEnabled,
        final int simulatorPort,
        final String simulatorCompId,
        final String engineScheduler,
        final List<CryptoVenueConfig> cryptoVenues,
        final CryptoSimulatorSettings cryptoSimulators,
        final String cryptoIdleStrategy)
    {
        this(dataDir, fixBindHost, fixPort, coreIdleStrategy, engineIdleStrategy, clients, venues, instruments,
            simulatorEnabled, simulatorPort, simulatorCompId, engineScheduler, cryptoVenues, cryptoSimulators,
            cryptoIdleStrategy, null, null);
    }

    /** Every venue's name by venue id ({@link #venueIds()} the other way round; "" for an unused id). */
    public List<String> venueNamesById()
    {
        final Map<String, Integer> ids = venueIds();
        final String[] names = new String[ids.values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1];
        java.util.Arrays.fill(names, "");
        ids.forEach((name, id) -> names[id] = name);
        return List.of(names);
    }

    /** The smart order router's venue id: after every FIX and crypto venue. */
    public int routerVenueId()
    {
        return venues.size() + cryptoVenues.size();
    }

    /** A copy sending alerts to {@code alertSinks}. */
    public ServerConfig withAlerts(final AlertsConfig alertSinks)
    {
        return new ServerConfig(dataDir, fixBindHost, fixPort, coreIdleStrategy, engineIdleStrategy, clients, venues,
            instruments, simulatorEnabled, simulatorPort, simulatorCompId, engineScheduler, cryptoVenues,
            cryptoSimulators, cryptoIdleStrategy, alertSinks, risk, reconciliation, router);
    }

    /** A copy with these risk limits. */
    public ServerConfig withRisk(final RiskSettings riskSettings)
    {
        return new ServerConfig(dataDir, fixBindHost, fixPort, coreIdleStrategy, engineIdleStrategy, clients, venues,
            instruments, simulatorEnabled, simulatorPort, simulatorCompId, engineScheduler, cryptoVenues,
            cryptoSimulators, cryptoIdleStrategy, alerts, riskSettings, reconciliation, router);
    }

    /** Without crypto venues. */
    public ServerConfig(
        final Path dataDir,
        final String fixBindHost,
        final int fixPort,
        final String coreIdleStrategy,
        final String engineIdleStrategy,
        final List<ClientSessionConfig> clients,
        final List<FixVenueConfig> venues,
        final List<InstrumentSettings> instruments,
        final boolean simulatorEnabled,
        final int simulatorPort,
        final String simulatorCompId,
        final String engineScheduler)
    {
        this(dataDir, fixBindHost, fixPort, coreIdleStrategy, engineIdleStrategy, clients, venues, instruments,
            simulatorEnabled, simulatorPort, simulatorCompId, engineScheduler, List.of(), null, null);
    }

    /** Every venue, FIX and crypto, by name, in venueId order. */
    public Map<String, Integer> venueIds()
    {
        final Map<String, Integer> ids = new LinkedHashMap<>();
        venues.forEach(v -> ids.put(v.name(), v.venueId()));
        cryptoVenues.forEach(v -> ids.put(v.name(), v.venueId()));
        if (router.enabled())
        {
            ids.put(router.venueName(), routerVenueId());
        }
        return ids;
    }

    /** A copy trading on {@code crypto} as well, with {@code simulators} embedded. */
    public ServerConfig withCrypto(
        final List<CryptoVenueConfig> crypto, final CryptoSimulatorSettings simulators, final String idleStrategy)
    {
        return new ServerConfig(dataDir, fixBindHost, fixPort, coreIdleStrategy, engineIdleStrategy, clients, venues,
            instruments, simulatorEnabled, simulatorPort, simulatorCompId, engineScheduler, crypto, simulators,
            idleStrategy, alerts, risk, reconciliation, router);
    }

    /** A copy reconciling the venues as {@code settings} say. */
    public ServerConfig withReconciliation(final ReconciliationSettings settings)
    {
        return new ServerConfig(dataDir, fixBindHost, fixPort, coreIdleStrategy, engineIdleStrategy, clients, venues,
            instruments, simulatorEnabled, simulatorPort, simulatorCompId, engineScheduler, cryptoVenues,
            cryptoSimulators, cryptoIdleStrategy, alerts, risk, settings, router);
    }

    /** A copy routing as {@code settings} say. */
    public ServerConfig withRouter(final RouterSettings settings)
    {
        return new ServerConfig(dataDir, fixBindHost, fixPort, coreIdleStrategy, engineIdleStrategy, clients, venues,
            instruments, simulatorEnabled, simulatorPort, simulatorCompId, engineScheduler, cryptoVenues,
            cryptoSimulators, cryptoIdleStrategy, alerts, risk, reconciliation, settings);
    }

    /** With the default engine scheduler (lock-step). */
    public ServerConfig(
        final Path dataDir,
        final String fixBindHost,
        final int fixPort,
        final String coreIdleStrategy,
        final String engineIdleStrategy,
        final List<ClientSessionConfig> clients,
        final List<FixVenueConfig> venues,
        final List<InstrumentSettings> instruments,
        final boolean simulatorEnabled,
        final int simulatorPort,
        final String simulatorCompId)
    {
        this(dataDir, fixBindHost, fixPort, coreIdleStrategy, engineIdleStrategy, clients, venues, instruments,
            simulatorEnabled, simulatorPort, simulatorCompId, FixRuntimeConfig.LOCK_STEP);
    }
}
