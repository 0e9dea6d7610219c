package io.ticketflow.localstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** Port numbers: parsing with a readable error, and "is somebody listening here?". */
final class Ports {

    private Ports() {
    }

    static int parse(String what, String text) {
        int port;
        try {
            port = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a port number, got '" + text + "'");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException(what + " must be between 1 and 65535, got " + port);
        }
        return port;
    }

    /** True when something accepts a TCP connection on {@code host:port} within a short time. */
    static boolean accepting(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
