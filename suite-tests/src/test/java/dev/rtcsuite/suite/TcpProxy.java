package dev.rtcsuite.suite;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP forwarder between a service and PostgreSQL that a test can cut and restore, to take the
 * database away from one service without stopping the server that other tests use.
 */
final class TcpProxy implements AutoCloseable {

    private final int port;
    private final InetSocketAddress upstream;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket server;

    TcpProxy(InetSocketAddress upstream) throws IOException {
        this.upstream = upstream;
        try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            this.port = probe.getLocalPort();
        }
        restore();
    }

    int port() {
        return port;
    }

    /** Accepts connections again on the same port. */
    synchronized void restore() throws IOException {
        if (server != null) {
            return;
        }
        ServerSocket listening = new ServerSocket();
        listening.setReuseAddress(true);
        listening.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        server = listening;
        Thread.ofVirtual().start(() -> accept(listening));
    }

    /** Refuses new connections and drops every open one: the database is "gone". */
    synchronized void cut() throws IOException {
        if (server != null) {
            server.close();
            server = null;
        }
        for (Socket socket : sockets) {
            socket.close();
        }
        sockets.clear();
    }

    @Override
    public void close() throws IOException {
        cut();
    }

    private void accept(ServerSocket listening) {
        while (!listening.isClosed()) {
            try {
                Socket client = listening.accept();
                Socket database;
                try {
                    database = new Socket(upstream.getAddress(), upstream.getPort());
                } catch (IOException refused) {
                    // The server is down: refuse the client too, as the server itself would.
                    client.close();
                    continue;
                }
                // As the driver and the server set on theirs: without it, Nagle's algorithm holds
                // each small protocol message until the last one is acknowledged (40 ms here).
                client.setTcpNoDelay(true);
                database.setTcpNoDelay(true);
                sockets.add(client);
                sockets.add(database);
                Thread.ofVirtual().start(() -> pump(client, database));
                Thread.ofVirtual().start(() -> pump(database, client));
            } catch (IOException closedOrRefused) {
                // cut() closed the listener, or the database refused: the loop condition decides.
            }
        }
    }

    private void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException dropped) {
            // One side closed; closing both below ends the other pump too.
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private void closeQuietly(Socket socket) {
        sockets.remove(socket);
        try {
            socket.close();
        } catch (IOException ignored) {
            // Already closed.
        }
    }
}
