package org.dispersal.server.runs;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.http.sse.SseClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import org.dispersal.server.ApiException;
import org.dispersal.server.Json;

/**
 * Sends run progress to the browsers watching it as server-sent events ({@code event: progress},
 * JSON data), and ends each stream after the run's last event.
 *
 * <p>Streams are limited in all and per user; a slot is taken with {@link #admit} before the stream
 * opens and given back when it closes. A comment line every 15 seconds keeps proxies from closing
 * idle streams and finds clients that went away.
 */
public final class ProgressHub implements AutoCloseable {

  /** The error of a run stopped by a server shutdown. */
  public static final String INTERRUPTED = "interrupted: the server stopped";

  private final int maxStreams;
  private final int maxPerUser;
  private final Map<Long, Set<SseClient>> watchers = new HashMap<>();
  private final Map<Long, RunProgress> latest = new HashMap<>();
  private final Map<String, Integer> perUser = new HashMap<>();
  private int open;
  private boolean closed;
  private final ScheduledExecutorService heartbeat =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "dispersal-sse-heartbeat");
            t.setDaemon(true);
            return t;
          });

  /**
   * Creates a hub.
   *
   * @param maxStreams the most open streams
   * @param maxPerUser the most open streams of one user
   */
  public ProgressHub(int maxStreams, int maxPerUser) {
    this.maxStreams = maxStreams;
    this.maxPerUser = maxPerUser;
    heartbeat.scheduleWithFixedDelay(this::beat, 15, 15, TimeUnit.SECONDS);
  }

  /**
   * Takes a stream slot for a user.
   *
   * @throws ApiException 429 when the user or the server has too many streams open
   */
  public synchronized void admit(String user) {
    if (closed) {
      throw ApiException.unavailable("the server is stopping", Duration.ofSeconds(5));
    }
    int mine = perUser.getOrDefault(user, 0);
    if (open >= maxStreams || mine >= maxPerUser) {
      throw ApiException.tooMany(
          open >= maxStreams
              ? "the server has " + open + " progress streams open; try again shortly"
              : "you have " + mine + " progress streams open; close one first",
          Duration.ofSeconds(5));
    }
    open++;
    perUser.put(user, mine + 1);
  }

  /** Gives a user's stream slot back. */
  public synchronized void release(String user) {
    open--;
    perUser.computeIfPresent(user, (k, n) -> n <= 1 ? null : n - 1);
  }

  /**
   * Starts sending a run's events to a client, beginning with the newest known event (or {@code
   * now} if the hub has none); a finished run gets its last event and the stream ends. The user's
   * slot taken by {@link #admit} is given back when the stream closes.
   */
  public synchronized void watch(long run, String user, SseClient client, RunProgress now) {
    client.onClose(
        () -> {
          forget(run, client);
          release(user);
        });
    RunProgress current = latest.getOrDefault(run, now);
    if (now.last()) {
      current = now;
    }
    send(client, current);
    if (current.last() || closed) {
      quietly(client::close);
      return;
    }
    watchers.computeIfAbsent(run, k -> new LinkedHashSet<>()).add(client);
    client.keepAlive();
  }

  /** Sends an event to everyone watching the run; the last event ends their streams. */
  public synchronized void publish(RunProgress event) {
    if (event.last()) {
      latest.remove(event.id());
    } else {
      latest.put(event.id(), event);
    }
    Set<SseClient> clients = watchers.get(event.id());
    if (clients == null) {
      return;
    }
    for (SseClient c : Set.copyOf(clients)) {
      send(c, event);
      if (event.last()) {
        quietly(c::close);
      }
    }
    if (event.last()) {
      watchers.remove(event.id());
    }
  }

  /** The number of open streams. */
  public synchronized int openStreams() {
    return open;
  }

  /**
   * Ends every stream (at shutdown), each with the newest event the hub knows of its run marked
   * failed, "interrupted: the server stopped".
   */
  @Override
  public void close() {
    close(this::interrupted);
  }

  /** The newest known event of a run, marked failed by the shutdown. */
  public synchronized RunProgress interrupted(long run) {
    RunProgress seen = latest.get(run);
    return new RunProgress(
        run,
        "failed",
        seen == null ? 0 : seen.done(),
        seen == null ? 0 : seen.total(),
        INTERRUPTED);
  }

  /**
   * Ends every stream (at shutdown) with a last event for its run, and refuses new ones. Must be
   * called before the HTTP server stops: closing a stream whose request Jetty has already torn down
   * fails inside Javalin.
   *
   * @param lastEvent the last event of a run, called once per watched run
   * @return how many streams were open
   */
  public int close(LongFunction<RunProgress> lastEvent) {
    heartbeat.shutdownNow();
    Map<Long, Set<SseClient>> all = new HashMap<>();
    synchronized (this) {
      closed = true;
      watchers.forEach((run, clients) -> all.put(run, new LinkedHashSet<>(clients)));
      watchers.clear();
    }
    int count = 0;
    for (Map.Entry<Long, Set<SseClient>> e : all.entrySet()) {
      RunProgress last = lastEvent.apply(e.getKey());
      for (SseClient c : e.getValue()) {
        count++;
        send(c, last);
        quietly(c::close);
      }
    }
    return count;
  }

  private synchronized void forget(long run, SseClient client) {
    Set<SseClient> clients = watchers.get(run);
    if (clients != null) {
      clients.remove(client);
      if (clients.isEmpty()) {
        watchers.remove(run);
      }
    }
  }

  private synchronized void beat() {
    for (Set<SseClient> clients : watchers.values()) {
      for (SseClient c : Set.copyOf(clients)) {
        quietly(() -> c.sendComment("keep-alive"));
      }
    }
  }

  private static void send(SseClient client, RunProgress event) {
    String data;
    try {
      data = Json.MAPPER.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a progress event", e);
    }
    quietly(() -> client.sendEvent("progress", data));
  }

  /**
   * Runs a stream operation, ignoring failures: a client that went away, or a request already torn
   * down, must not stop the others' events nor fill the log.
   */
  private static void quietly(Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      // the client is gone; its onClose gives its slot back
    }
  }
}
