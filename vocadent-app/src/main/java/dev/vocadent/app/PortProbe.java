package dev.vocadent.app;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Whether a port is free for both UDP and TCP (SIP listens on both). */
final class PortProbe {
    private PortProbe() {}

    static boolean free(String host, int port) {
        try {
            InetSocketAddress at = new InetSocketAddress(InetAddress.getByName(host), port);
            try (DatagramSocket udp = new DatagramSocket(at); ServerSocket tcp = new ServerSocket()) {
                tcp.setReuseAddress(true);
                tcp.bind(at);
                return true;
            }
        } catch (IOException e) {
            return false;
        }
    }
}
