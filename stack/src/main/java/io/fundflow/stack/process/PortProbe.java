package io.fundflow.stack.process;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Tells whether a local TCP port is already taken, before a server tries and fails to bind it. */
public final class PortProbe {

  private PortProbe() {}

  /** True when something listens on, or holds, {@code port} on 127.0.0.1. */
  public static boolean inUse(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
      return true;
    } catch (IOException refused) {
      // Nothing accepts connections there; it may still be bound without listening.
    }
    try (ServerSocket probe = new ServerSocket()) {
      // As the servers bind: SO_REUSEADDR, so that TIME_WAIT leftovers of a stopped server do not
      // count as taken, while a listening socket still does.
      probe.setReuseAddress(true);
      probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
      return false;
    } catch (IOException bound) {
      return true;
    }
  }
}
