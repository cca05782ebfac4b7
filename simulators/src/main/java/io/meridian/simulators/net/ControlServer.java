package io.meridian.simulators.net;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meridian.simulators.fault.FaultFiring;
import io.meridian.simulators.fault.FaultSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The control endpoint, on its own port:
 * <pre>
 * GET    /health                       {"status":"UP","venues":[...]}
 * GET    /faults                       armed faults per venue
 * POST   /faults/{venue}               body: one FaultSpec or an array, e.g. {"type":"RATE_LIMIT_BURST","count":3}
 * DELETE /faults/{venue}               disarm every fault of the venue (DELETE /faults: all venues)
 * GET    /firings/{venue}              fired faults, in order
 * POST   /reset/{venue}?seed=N         reset one venue (POST /reset?seed=N: all); seed defaults to the current one
 * POST   /seed/{venue}?seed=N          reseed the fault plan only (disarms its faults); POST /seed?seed=N: all
 * </pre>
 */
public final class ControlServer implements AutoCloseable {
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, ControlledVenue> venues = new LinkedHashMap<>();
    private final SimServer server;

    private ControlServer(List<? extends ControlledVenue> venues, String host, int port) {
        venues.forEach(v -> this.venues.put(v.venue(), v));
        this.server = SimServer.start("control", host, port, this::handle, null);
    }

    /** Starts the endpoint for {@code venues}; {@code port} 0 picks a free port. */
    public static ControlServer start(List<? extends ControlledVenue> venues, String host, int port) {
        return new ControlServer(venues, host, port);
    }

    public int port() {
        return server.port();
    }

    public String url() {
        return server.httpUrl();
    }

    private CompletableFuture<HttpResponse> handle(HttpRequest request) {
        try {
            return CompletableFuture.completedFuture(route(request));
        } catch (IllegalArgumentException | JsonProcessingException e) {
            return CompletableFuture.completedFuture(error(400, e.getMessage()));
        }
    }

    private HttpResponse route(HttpRequest request) throws JsonProcessingException {
        String[] parts = request.path().replaceAll("^/+|/+$", "").split("/");
        String resource = parts[0];
        String venueName = parts.length > 1 ? parts[1] : null;
        List<ControlledVenue> targets = new ArrayList<>();
        if (venueName == null) {
            targets.addAll(venues.values());
        } else if (venues.containsKey(venueName)) {
            targets.add(venues.get(venueName));
        } else {
            return error(404, "unknown venue " + venueName);
        }
        String method = request.method();
        switch (resource) {
            case "health" -> {
                ObjectNode body = json.createObjectNode().put("status", "UP");
                ArrayNode names = body.putArray("venues");
                venues.keySet().forEach(names::add);
                return ok(body);
            }
            case "faults" -> {
                if (method.equals("GET")) {
                    ObjectNode body = json.createObjectNode();
                    for (ControlledVenue venue : targets) {
                        body.set(venue.venue(), json.valueToTree(venue.faults().armed()));
                    }
                    return ok(body);
                }
                if (method.equals("DELETE")) {
                    targets.forEach(v -> v.faults().clear());
                    return ok(json.createObjectNode().put("cleared", targets.size()));
                }
                if (method.equals("POST") && venueName != null) {
                    JsonNode body = json.readTree(request.body());
                    List<FaultSpec> specs = new ArrayList<>();
                    if (body != null && body.isArray()) {
                        for (JsonNode node : body) {
                            specs.add(json.treeToValue(node, FaultSpec.class));
                        }
                    } else if (body != null) {
                        specs.add(json.treeToValue(body, FaultSpec.class));
                    }
                    specs.forEach(targets.get(0).faults()::inject);
                    return ok(json.createObjectNode().put("armed", specs.size()));
                }
            }
            case "firings" -> {
                if (method.equals("GET")) {
                    ObjectNode body = json.createObjectNode();
                    for (ControlledVenue venue : targets) {
                        List<FaultFiring> firings = venue.faults().firings();
                        body.set(venue.venue(), json.valueToTree(firings));
                    }
                    return ok(body);
                }
            }
            case "seed" -> {
                if (method.equals("POST")) {
                    String seed = request.param("seed");
                    if (seed == null) {
                        return error(400, "seed parameter missing");
                    }
                    targets.forEach(v -> v.faults().reseed(Long.parseLong(seed)));
                    return ok(json.createObjectNode().put("seed", Long.parseLong(seed)));
                }
            }
            case "reset" -> {
                if (method.equals("POST")) {
                    for (ControlledVenue venue : targets) {
                        String seed = request.param("seed");
                        venue.reset(seed == null ? venue.faults().seed() : Long.parseLong(seed));
                    }
                    return ok(json.createObjectNode().put("reset", targets.size()));
                }
            }
            default -> {
                return error(404, "no such resource " + request.path());
            }
        }
        return error(405, method + " not allowed on " + request.path());
    }

    private HttpResponse ok(JsonNode body) throws JsonProcessingException {
        return HttpResponse.json(200, json.writeValueAsString(body));
    }

    private HttpResponse error(int status, String message) {
        ObjectNode body = json.createObjectNode().put("error", message == null ? "bad request" : message);
        return HttpResponse.json(status, body.toString());
    }

    @Override
    public void close() {
        server.close();
    }
}
