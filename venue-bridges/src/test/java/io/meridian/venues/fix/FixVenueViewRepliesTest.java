package io.meridian.venues.fix;

import io.meridian.fix.codecs.builder.OrderMassStatusRequestEncoder;
import io.meridian.fix.codecs.builder.RequestForPositionsEncoder;
import io.meridian.fix.codecs.decoder.ExecutionReportDecoder;
import io.meridian.oms.model.Instrument;
import io.meridian.oms.model.InstrumentRegistry;
import io.meridian.venues.view.VenueView;
import io.meridian.venues.view.ViewRequest;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import uk.co.real_logic.artio.builder.Encoder;
import uk.co.real_logic.artio.util.MutableAsciiBuffer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The reconciliation view's handling of replies the venue simulator does not produce on its own:
 * refusals of the positions request (AO PosReqResult 4, BusinessMessageReject, session Reject), a
 * refused mass status, several accounts, a lost session. Driven on the test thread as the bridge's
 * thread would, with the venue's messages as FIX bytes.
 */
@Timeout(30)
class FixVenueViewRepliesTest
{
    private final List<Encoder> sent = new ArrayList<>();
    private final List<String> massStatusIds = new ArrayList<>();
    private final List<String> positionIds = new ArrayList<>();
    private final List<String> positionAccounts = new ArrayList<>();
    private boolean loggedOn = true;
    private final FixVenueView view = new FixVenueView(3, "broker", new InstrumentRegistry(List.of(
        new Instrument(0, "AAPL", 2, 0, 3, 19_000, 1_000_000, Long.MAX_VALUE, 10_000))), new SystemEpochNanoClock(),
        () -> loggedOn, this::send);
    private final ExecutionReportDecoder executionReport = new ExecutionReportDecoder();

    private int send(final Encoder message)
    {
        sent.add(message);
        if (message instanceof OrderMassStatusRequestEncoder massStatus)
        {
            massStatusIds.add(massStatus.massStatusReqIDAsString());
        }
        else if (message instanceof RequestForPositionsEncoder positions)
        {
            positionIds.add(positions.posReqIDAsString());
            positionAccounts.add(positions.hasAccount() ? positions.accountAsString() : null);
        }
        return sent.size();
    }

    @Test
    void aRefusedPositionsRequestStillAnswersTheOrdersWithoutPositions() throws Exception
    {
        final CompletableFuture<VenueView> answer = ask(true, 5_000);
        assertThat(positionAccounts).as("no account set: the session's default").containsExactly((String)null);

        positionAck(positionIds.get(0), 4, 0);
        openOrder(massStatusIds.get(0), 1, true);

        final VenueView view = answer.get(5, TimeUnit.SECONDS);
        assertThat(view.openOrders()).extracting(VenueView.OpenOrder::clOrdId).containsExactly("C1");
        assertThat(view.positions()).isEmpty();
        assertThat(view.balancesAsked()).isFalse();
    }

    @Test
    void aBusinessRejectOfThePositionsRequestAnswersWithoutPositions() throws Exception
    {
        final CompletableFuture<VenueView> answer = ask(true, 5_000);

        assertThat(view.onBusinessReject("AN", positionIds.get(0), "unsupported message type")).isTrue();
        assertThat(answer).as("the orders part is still due").isNotDone();
        openOrder(massStatusIds.get(0), 1, true);

        final VenueView view = answer.get(5, TimeUnit.SECONDS);
        assertThat(view.openOrders()).hasSize(1);
        assertThat(view.balancesAsked()).isFalse();
    }

    @Test
    void aSessionRejectOfThePositionsRequestAnswersWithoutPositions() throws Exception
    {
        final CompletableFuture<VenueView> answer = ask(true, 5_000);
        openOrder(massStatusIds.get(0), 0, true);
        assertThat(answer).as("positions still due").isNotDone();

        assertThat(view.onSessionReject(2, "Invalid MsgType")).isTrue();

        final VenueView view = answer.get(5, TimeUnit.SECONDS);
        assertThat(view.openOrders()).isEmpty();
        assertThat(view.balancesAsked()).isFalse();
    }

    @Test
    void aRefusedMassStatusFailsTheView()
    {
        final CompletableFuture<VenueView> answer = ask(false, 5_000);

        assertThat(view.onBusinessReject("AF", "someone else's", "x")).isFalse();
        assertThat(view.onBusinessReject("AF", massStatusIds.get(0), "not supported")).isTrue();

        assertThatThrownBy(() -> answer.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class)
            .hasMessageContaining("refused the OrderMassStatusRequest: not supported");
    }

    @Test
    void asksEachAccountAndWaitsForAllOfThem() throws Exception
    {
        view.accounts(List.of("ACC-1", "ACC-2"));
        final CompletableFuture<VenueView> answer = ask(true, 5_000);
        assertThat(positionAccounts).containsExactly("ACC-1", "ACC-2");
        openOrder(massStatusIds.get(0), 0, true);

        positionAck(positionIds.get(0), 0, 1);
        positionReport(positionIds.get(0), "ACC-1", "AAPL", "12", "2");
        assertThat(answer).as("ACC-2 still due").isNotDone();
        positionAck(positionIds.get(1), 2, 0);

        final VenueView view = answer.get(5, TimeUnit.SECONDS);
        assertThat(view.balancesAsked()).isTrue();
        assertThat(view.positions()).singleElement().satisfies(p ->
        {
            assertThat(p.account()).isEqualTo("ACC-1");
            assertThat(p.symbol()).isEqualTo("AAPL");
            assertThat(p.net()).isEqualByComparingTo("10");
        });
    }

    @Test
    void aLateReplyIsDroppedAndTheNextQuestionIsAnsweredAlone() throws Exception
    {
        final CompletableFuture<VenueView> first = ask(false, 20);
        Thread.sleep(40);
        view.doWork();
        assertThatThrownBy(() -> first.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(TimeoutException.class)
            .hasMessageContaining("0 of ? reports");

        final CompletableFuture<VenueView> second = ask(false, 5_000);
        openOrder(massStatusIds.get(0), 1, true);
        assertThat(second).as("the first question's reply is not the second's").isNotDone();
        openOrder(massStatusIds.get(1), 1, true);

        assertThat(second.get(5, TimeUnit.SECONDS).openOrders()).hasSize(1);
    }

    @Test
    void aLostSessionFailsTheQuestionOnTheWireAndTheQueuedOnes()
    {
        final CompletableFuture<VenueView> asked = ask(false, 5_000);
        final CompletableFuture<VenueView> queued = view.requestView(new ViewRequest(Map.of(), false, 5_000));

        loggedOn = false;
        view.onDisconnect();

        assertThatThrownBy(() -> asked.get(5, TimeUnit.SECONDS)).hasMessageContaining("session lost");
        assertThatThrownBy(() -> queued.get(5, TimeUnit.SECONDS)).hasMessageContaining("not logged on");
        assertThat(view.requestView(new ViewRequest(Map.of(), false, 5_000))).isCompletedExceptionally();
    }

    private CompletableFuture<VenueView> ask(final boolean positions, final long timeoutMs)
    {
        final int before = massStatusIds.size();
        final CompletableFuture<VenueView> answer = view.requestView(new ViewRequest(Map.of(), positions, timeoutMs));
        view.doWork();
        assertThat(massStatusIds).as("AF sent").hasSize(before + 1);
        return answer;
    }

    private void openOrder(final String massStatusReqId, final int total, final boolean last)
    {
        final String fix = total == 0 ?
            "35=8|37=NONE|17=X1|150=I|39=8|55=NONE|54=1|151=0|14=0|6=0|584=" + massStatusReqId + "|911=0|912=Y|" :
            "35=8|37=V-1|11=C1|17=X1|150=I|39=0|55=AAPL|54=1|38=10|44=180|151=10|14=0|6=0|584=" + massStatusReqId +
            "|911=" + total + "|912=" + (last ? "Y" : "N") + "|";
        final MutableAsciiBuffer buffer = buffer(fix);
        executionReport.reset();
        executionReport.decode(buffer, 0, buffer.capacity());
        view.onMassStatusReport(executionReport);
    }

    private void positionAck(final String posReqId, final int result, final int total)
    {
        final MutableAsciiBuffer buffer = buffer("35=AO|721=A1|710=" + posReqId + "|727=" + total + "|728=" + result +
            "|729=0|1=ACC|581=1|");
        view.onPositionAck(buffer, 0, buffer.capacity());
    }

    private void positionReport(
        final String posReqId, final String account, final String symbol, final String longQty, final String shortQty)
    {
        final MutableAsciiBuffer buffer = buffer("35=AP|721=R1|710=" + posReqId + "|728=0|715=20260101|1=" + account +
            "|581=1|55=" + symbol + "|730=1|731=2|734=1|702=2|703=SOD|704=999|705=0|703=TQ|704=" + longQty + "|705=" +
            shortQty + "|753=1|707=TVAR|708=0|");
        view.onPositionReport(buffer, 0, buffer.capacity());
    }

    private static MutableAsciiBuffer buffer(final String fix)
    {
        return new MutableAsciiBuffer(fix.replace('|', '\u0001').getBytes(StandardCharsets.US_ASCII));
    }
}
