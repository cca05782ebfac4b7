package io.meridian.benchmarks;

import io.meridian.oms.Oms;
import io.meridian.oms.OmsConfig;
import io.meridian.oms.api.CancelReject;
import io.meridian.oms.api.ClientReports;
import io.meridian.oms.api.ExecutionReport;
import io.meridian.oms.api.NewOrderCommand;
import io.meridian.oms.api.VenueExecution;
import io.meridian.oms.api.VenueOrder;
import io.meridian.oms.api.VenueOrders;
import io.meridian.oms.model.ExecType;
import io.meridian.oms.model.InstrumentRegistry;
import io.meridian.oms.model.OrdStatus;
import io.meridian.oms.model.OrdType;
import io.meridian.oms.model.Side;
import io.meridian.oms.model.TimeInForce;
import io.meridian.positions.store.SharedStore;
import io.meridian.positions.store.StoreConfig;
import io.meridian.positions.store.StoreWriter;
import io.meridian.risk.HotRiskGate;
import org.agrona.IoUtil;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Start-up recovery time: replay of a journal of {@code events} sequencer inputs (orders of three
 * inputs each: new order, venue ack, full fill), by the OMS alone ({@code store=none}), with the
 * shared store rebuilt by the replay ({@code rebuilt}: a first start on an old journal, or after a
 * machine restart), and with the store the last run left kept ({@code kept}: a restart, the replay
 * applies nothing to it). Single shot per iteration, in milliseconds. The journal (and the store
 * beside it) is written once per trial. Run: {@code -bm ss -p events=1000000} (the default).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RecoveryBenchmark
{
    @Param({"1000000"})
    public int events;

    @Param({"none", "rebuilt", "kept"})
    public String store;

    private Path dir;
    private InstrumentRegistry instruments;
    private Oms oms;
    private SharedStore shared;

    @Setup(Level.Trial)
    public void writeJournal() throws Exception
    {
        dir = Files.createTempDirectory(Path.of(System.getProperty("meridian.bench.dir", "target")).toAbsolutePath(),
            "meridian-bench-recovery");
        instruments = BenchInstruments.registry();
        final StringBuilder venueClOrdId = new StringBuilder();
        final VenueOrders venue = new VenueOrders()
        {
            public boolean isConnected(final int venueId)
            {
                return true;
            }

            public boolean sendNewOrder(final VenueOrder order)
            {
                venueClOrdId.setLength(0);
                venueClOrdId.append(order.clOrdId);
                return true;
            }

            public boolean sendCancel(final VenueOrder cancel)
            {
                return true;
            }

            public boolean sendReplace(final VenueOrder replace)
            {
                return true;
            }
        };
        final Oms writer = newOms(venue);
        final SharedStore written = openStore(writer);
        try
        {
            if (written != null)
            {
                writer.stateListener(new StoreWriter(written));
            }
            writer.recover();
            final Agent sequencer = writer.sequencer();
            final NewOrderCommand order = new NewOrderCommand();
            final VenueExecution execution = new VenueExecution();
            final int orders = events / 3;
            for (int n = 1; n <= orders; n++)
            {
                order.reset();
                order.clientId = 0;
                order.clOrdId.append('C').append(n);
                order.account.append("ACC").append(n % 16);
                order.symbol.append("AAPL");
                order.instrumentId = BenchInstruments.AAPL;
                order.side = (n & 1) == 0 ? Side.BUY : Side.SELL;
                order.ordType = OrdType.LIMIT;
                order.timeInForce = TimeInForce.DAY;
                order.qty = 100;
                order.price = 1_900_000L;
                offer(writer.orderEntry().newOrder(order), sequencer);
                execution.reset();
                execution.clOrdId.append(venueClOrdId);
                execution.venueOrderId.append('V').append(n);
                execution.execType = ExecType.NEW;
                execution.ordStatus = OrdStatus.NEW;
                offer(writer.venueEvents().onExecution(execution), sequencer);
                execution.execType = ExecType.TRADE;
                execution.ordStatus = OrdStatus.FILLED;
                execution.venueExecId.append('E').append(n);
                execution.lastQty = 100;
                execution.lastPx = 1_900_000L;
                offer(writer.venueEvents().onExecution(execution), sequencer);
            }
        }
        finally
        {
            writer.close();
            if (written != null)
            {
                written.close();
            }
        }
    }

    @TearDown(Level.Trial)
    public void deleteJournal()
    {
        IoUtil.delete(dir.toFile(), true);
    }

    @Benchmark
    public int recover()
    {
        oms = newOms(new NoVenue());
        if (!"none".equals(store))
        {
            shared = "rebuilt".equals(store) ? SharedStore.createForWriter(storeConfig()) : openStore(oms);
            if (!"rebuilt".equals(store) && shared.resumeAfter() == 0)
            {
                throw new IllegalStateException("the store was not kept: " + shared.openedAs());
            }
            oms.stateListener(new StoreWriter(shared));
        }
        return oms.recover();
    }

    @TearDown(Level.Iteration)
    public void close()
    {
        if (oms != null)
        {
            oms.close();
            oms = null;
        }
        if (shared != null)
        {
            shared.close();
            shared = null;
        }
    }

    private StoreConfig storeConfig()
    {
        return new StoreConfig().dir(dir.resolve("store")).orders(events / 3 + 1).fills(events / 3 + 1);
    }

    /** The production open (kept when it projects the journal), or null for {@code store=none}. */
    private SharedStore openStore(final Oms journalOwner)
    {
        return "none".equals(store) ? null :
            SharedStore.openForWriter(storeConfig(), journalOwner.journalCreatedAtMillis(), journalOwner.journalLastSequence());
    }

    private Oms newOms(final VenueOrders venue)
    {
        final ClientReports reports = new ClientReports()
        {
            public void onExecutionReport(final ExecutionReport report)
            {
            }

            public void onCancelReject(final CancelReject reject)
            {
            }
        };
        return new Oms(new OmsConfig().journalDir(dir.resolve("journal")).maxOrders(events / 3 + 16),
            instruments, new HotRiskGate(instruments), reports, venue, null, new SystemEpochNanoClock());
    }

    private static void offer(final boolean accepted, final Agent sequencer) throws Exception
    {
        if (!accepted)
        {
            throw new IllegalStateException("OMS ring full");
        }
        while (sequencer.doWork() > 0)
        {
            // apply
        }
    }

    private static final class NoVenue implements VenueOrders
    {
        public boolean isConnected(final int venueId)
        {
            return true;
        }

        public boolean sendNewOrder(final VenueOrder order)
        {
            return true;
        }

        public boolean sendCancel(final VenueOrder cancel)
        {
            return true;
        }

        public boolean sendReplace(final VenueOrder replace)
        {
            return true;
        }
    }
}
