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

  private final int maxStreams;
  private final int maxPerUser;
  private final Map<Long, Set<SseClient>> watchers = new HashMap<>();
  private final Map<Long, RunProgress> latest = new HashMap<>();
  private final Map<String, Integer> perUser = new HashMap<>();
  private int open;
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
    if (current.last()) {
      client.close();
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
        c.close();
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

  /** Ends every stream (at shutdown). */
  @Override
  public void close() {
    heartbeat.shutdownNow();
    Set<SseClient> all = new LinkedHashSet<>();
    synchronized (this) {
      watchers.values().forEach(all::addAll);
      watchers.clear();
    }
    all.forEach(SseClient::close);
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
        c.sendComment("keep-alive");
      }
    }
  }

  private static void send(SseClient client, RunProgress event) {
    try {
      client.sendEvent("progress", Json.MAPPER.writeValueAsString(event));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a progress event", e);
    }
  }
}
