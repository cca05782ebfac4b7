package io.meridian.simulators.net;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HTTP/1.1 + WebSocket server on Netty for one simulated venue (or the control endpoint).
 * Requests go to an {@link HttpHandler}; upgrade requests to a {@link WebSocketHandler}.
 */
public final class SimServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SimServer.class);
    private static final int MAX_CONTENT = 1 << 20;

    private final String name;
    private final String host;
    private final HttpHandler http;
    private final WebSocketHandler webSocket;
    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final Map<Long, NettySession> sessions = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicLong sessionIds = new AtomicLong();
    private final ServerBootstrap bootstrap;
    private volatile Channel serverChannel;
    private volatile int port;
    private volatile boolean closed;

    private SimServer(String name, String host, HttpHandler http, WebSocketHandler webSocket) {
        this.name = name;
        this.host = host;
        this.http = http;
        this.webSocket = webSocket;
        this.boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        this.workers = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        this.bootstrap = new ServerBootstrap()
            .group(boss, workers)
            .channel(NioServerSocketChannel.class)
            .option(ChannelOption.SO_REUSEADDR, true)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(SocketChannel ch) {
                    connections.add(ch);
                    ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(MAX_CONTENT), new RequestHandler());
                }
            });
    }

    /**
     * Binds and starts serving. {@code port} 0 picks a free port ({@link #port()} tells which);
     * {@code webSocket} may be null (no upgrades).
     */
    public static SimServer start(String name, String host, int port, HttpHandler http, WebSocketHandler webSocket) {
        SimServer server = new SimServer(name, host, http, webSocket);
        try {
            server.bind(port);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private void bind(int wantedPort) {
        try {
            Channel channel = bootstrap.bind(host, wantedPort).sync().channel();
            serverChannel = channel;
            port = ((InetSocketAddress) channel.localAddress()).getPort();
            LOG.info("{} listening on {}:{}", name, host, port);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while binding " + name, e);
        }
    }

    public int port() {
        return port;
    }

    public String host() {
        return host;
    }

    /** Base URL such as {@code http://127.0.0.1:41234}. */
    public String httpUrl() {
        return "http://" + host + ":" + port;
    }

    /** Base URL such as {@code ws://127.0.0.1:41234}. */
    public String wsUrl() {
        return "ws://" + host + ":" + port;
    }

    /** Whether the listening socket is open (false while down). */
    public boolean isListening() {
        Channel channel = serverChannel;
        return channel != null && channel.isActive();
    }

    /**
     * Venue down: closes the listening socket and every connection, so new connections are refused,
     * then listens again on the same port after {@code millis}.
     */
    public void goDown(long millis) {
        Channel channel = serverChannel;
        if (channel != null) {
            channel.close().syncUninterruptibly();
        }
        connections.close().syncUninterruptibly();
        // GlobalEventExecutor is a Netty executor: blocking on the bind there can throw
        // BlockingOperationException while the bind still completes, leaving a listening channel
        // that serverChannel does not know (and a later goDown cannot close); so bind asynchronously
        GlobalEventExecutor.INSTANCE.schedule(() -> {
            if (!closed) {
                listenAgain();
            }
        }, millis, TimeUnit.MILLISECONDS);
    }

    private void listenAgain() {
        bootstrap.bind(host, port).addListener((io.netty.channel.ChannelFutureListener) future -> {
            if (!future.isSuccess()) {
                LOG.error("{} could not listen again on {}", name, port, future.cause());
            } else if (closed) {
                future.channel().close();
            } else {
                serverChannel = future.channel();
                LOG.info("{} listening again on {}:{}", name, host, port);
            }
        });
    }

    /** Drops every open WebSocket connection without a close frame. */
    public int dropWebSockets() {
        List<NettySession> open = new ArrayList<>(sessions.values());
        open.forEach(NettySession::drop);
        return open.size();
    }

    /** Open WebSocket sessions. */
    public List<WebSocketSession> webSocketSessions() {
        return new ArrayList<>(sessions.values());
    }

    @Override
    public void close() {
        closed = true;
        Channel channel = serverChannel;
        if (channel != null) {
            channel.close().syncUninterruptibly();
        }
        connections.close().syncUninterruptibly();
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private static HttpRequest decode(FullHttpRequest request, Channel channel) {
        QueryStringDecoder query = new QueryStringDecoder(request.uri());
        Map<String, List<String>> params = new LinkedHashMap<>();
        query.parameters().forEach((k, v) -> params.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
        String body = request.content().toString(StandardCharsets.UTF_8);
        String contentType = request.headers().get(HttpHeaderNames.CONTENT_TYPE, "");
        if (!body.isEmpty() && !contentType.contains("json") && !body.startsWith("{") && !body.startsWith("[")) {
            new QueryStringDecoder(body, StandardCharsets.UTF_8, false).parameters()
                .forEach((k, v) -> params.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (Map.Entry<String, String> header : request.headers()) {
            headers.putIfAbsent(header.getKey().toLowerCase(Locale.ROOT), header.getValue());
        }
        return new HttpRequest(request.method().name(), query.path(), query.rawQuery(), params, headers, body,
            String.valueOf(channel.remoteAddress()));
    }

    private final class RequestHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            HttpRequest decoded = decode(request, ctx.channel());
            boolean upgrade = "websocket".equalsIgnoreCase(request.headers().get(HttpHeaderNames.UPGRADE));
            if (upgrade) {
                upgrade(ctx, request, decoded);
                return;
            }
            boolean keepAlive = HttpUtil.isKeepAlive(request);
            CompletableFuture<HttpResponse> answer;
            try {
                answer = http.handle(decoded);
            } catch (RuntimeException e) {
                answer = CompletableFuture.failedFuture(e);
            }
            answer.whenComplete((response, error) -> {
                HttpResponse out = response;
                if (error != null) {
                    LOG.error("{} failed on {} {}", name, decoded.method(), decoded.path(), error);
                    out = HttpResponse.json(500, "{\"code\":-1000,\"msg\":\"An unknown error occurred while processing the request.\"}");
                }
                write(ctx.channel(), out, keepAlive);
            });
        }

        private void upgrade(ChannelHandlerContext ctx, FullHttpRequest request, HttpRequest decoded) {
            NettySession session = new NettySession(sessionIds.incrementAndGet(), decoded.path(), ctx.channel());
            WebSocketHandler.WebSocketListener listener = webSocket == null ? null : webSocket.accept(decoded, session);
            if (listener == null) {
                write(ctx.channel(), HttpResponse.json(404, "{\"code\":-1,\"msg\":\"not found\"}"), false);
                return;
            }
            String location = "ws://" + request.headers().get(HttpHeaderNames.HOST, host) + decoded.path();
            WebSocketServerHandshaker handshaker = new WebSocketServerHandshakerFactory(location, null, true, MAX_CONTENT)
                .newHandshaker(request);
            if (handshaker == null) {
                WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel());
                return;
            }
            session.listener = listener;
            sessions.put(session.id, session);
            ctx.channel().closeFuture().addListener(f -> {
                sessions.remove(session.id);
                session.open = false;
                listener.onClose();
            });
            ctx.pipeline().addLast(new WebSocketFrameAggregator(MAX_CONTENT), new FrameHandler(handshaker, listener));
            ctx.pipeline().remove(this);
            handshaker.handshake(ctx.channel(), request).addListener(f -> {
                if (f.isSuccess()) {
                    session.open = true;
                    listener.onOpen();
                } else {
                    ctx.channel().close();
                }
            });
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            LOG.debug("{} connection error", name, cause);
            ctx.close();
        }
    }

    private static void write(Channel channel, HttpResponse response, boolean keepAlive) {
        if (response.status() == HttpResponse.DROP_STATUS) {
            channel.close();
            return;
        }
        ByteBuf content = Unpooled.copiedBuffer(response.body(), StandardCharsets.UTF_8);
        FullHttpResponse out = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(response.status()), content);
        out.headers().set(HttpHeaderNames.CONTENT_TYPE, response.contentType());
        out.headers().set(HttpHeaderNames.CONTENT_LENGTH, content.readableBytes());
        response.headers().forEach((k, v) -> out.headers().set(k, v));
        if (keepAlive) {
            out.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            channel.writeAndFlush(out);
        } else {
            out.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            channel.writeAndFlush(out).addListener(ChannelFutureListener.CLOSE);
        }
    }

    private static final class FrameHandler extends SimpleChannelInboundHandler<WebSocketFrame> {
        private final WebSocketServerHandshaker handshaker;
        private final WebSocketHandler.WebSocketListener listener;

        FrameHandler(WebSocketServerHandshaker handshaker, WebSocketHandler.WebSocketListener listener) {
            this.handshaker = handshaker;
            this.listener = listener;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
            if (frame instanceof TextWebSocketFrame text) {
                listener.onText(text.text());
            } else if (frame instanceof PingWebSocketFrame) {
                ctx.writeAndFlush(new PongWebSocketFrame(frame.content().retain()));
            } else if (frame instanceof CloseWebSocketFrame) {
                handshaker.close(ctx.channel(), (CloseWebSocketFrame) frame.retain());
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            LOG.debug("websocket error", cause);
            ctx.close();
        }
    }

    private static final class NettySession implements WebSocketSession {
        final long id;
        final String path;
        final Channel channel;
        volatile boolean open;
        volatile WebSocketHandler.WebSocketListener listener;

        NettySession(long id, String path, Channel channel) {
            this.id = id;
            this.path = path;
            this.channel = channel;
        }

        @Override
        public long id() {
            return id;
        }

        @Override
        public String path() {
            return path;
        }

        @Override
        public void send(String text) {
            if (channel.isActive()) {
                channel.writeAndFlush(new TextWebSocketFrame(text));
            }
        }

        @Override
        public boolean isOpen() {
            return open && channel.isActive();
        }

        @Override
        public void close(int statusCode, String reason) {
            if (channel.isActive()) {
                channel.writeAndFlush(new CloseWebSocketFrame(statusCode, reason)).addListener(ChannelFutureListener.CLOSE);
            }
        }

        @Override
        public void drop() {
            channel.close();
        }
    }
}
