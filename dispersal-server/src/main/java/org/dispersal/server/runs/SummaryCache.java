package org.dispersal.server.runs;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.dispersal.server.Json;
import org.dispersal.store.RunStatus;
import org.dispersal.store.RunStore;
import org.dispersal.store.StoredRun;
import org.dispersal.store.SummaryFilter;
import org.dispersal.store.SummaryRow;

/**
 * Keeps the summary rows of recently read succeeded runs in memory and filters them there, so that
 * the dashboard's result views, which ask for many slices of the same run, do not query the store
 * each time. A succeeded run never changes, so the copy cannot go stale.
 *
 * <p>At most {@code maxRows} rows are kept in all; the least recently read run is dropped first. A
 * run larger than the whole budget is never kept, and runs not yet succeeded go to the store. The
 * rows' repeated texts (scope, state, date...) are shared, about 100 bytes a row. The JSON answers
 * to repeated questions are kept too, up to {@link #ANSWER_BYTES}, serialised once with their
 * entity tag: a repeated question is answered with the same bytes, and a client that sends the tag
 * back ({@code If-None-Match}) gets 304 without a body (docs/SERVICE.md, "Summary reads").
 */
public final class SummaryCache {

  /** The most bytes of JSON answers kept. */
  public static final long ANSWER_BYTES = 64L << 20;

  private final RunStore runs;
  private final long maxRows;
  private final LinkedHashMap<Long, List<SummaryRow>> byRun = new LinkedHashMap<>(16, 0.75f, true);
  private final LinkedHashMap<List<Object>, Answer> answers = new LinkedHashMap<>(64, 0.75f, true);
  private long rows;
  private long answerBytes;

  /**
   * Creates an empty cache.
   *
   * @param runs where rows come from
   * @param maxRows the most rows kept in all
   */
  public SummaryCache(RunStore runs, long maxRows) {
    this.runs = runs;
    this.maxRows = maxRows;
  }

  /**
   * A serialised answer and its entity tags, and for a kept answer the same bytes gzip-compressed
   * once, to be sent as they are to a client that accepts gzip.
   *
   * @param json the JSON bytes
   * @param etag a strong entity tag of the bytes (quoted, as the ETag header carries it)
   * @param gzip the JSON bytes compressed with gzip, or null when the answer is sent only as it is
   */
  public record Answer(byte[] json, String etag, byte[] gzip) {

    /** The smallest answer that is also kept compressed: below this gzip saves too little. */
    public static final int GZIP_FROM_BYTES = 1024;

    /** An answer without a compressed copy. */
    public Answer(byte[] json, String etag) {
      this(json, etag, null);
    }

    /** Wraps JSON bytes with their tag: the first 128 bits of their SHA-256, in hex. */
    public static Answer of(byte[] json) {
      try {
        byte[] d = MessageDigest.getInstance("SHA-256").digest(json);
        return new Answer(json, "\"" + HexFormat.of().formatHex(d, 0, 16) + "\"");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("every JVM has SHA-256", e);
      }
    }

    /** The bytes this answer holds: the JSON and its compressed copy. */
    public long bytes() {
      return json.length + (gzip == null ? 0L : gzip.length);
    }

    /**
     * The same answer with its gzip copy (level 9, made once), when the JSON has at least {@link
     * #GZIP_FROM_BYTES} bytes.
     */
    public Answer compressed() {
      if (gzip != null || json.length < GZIP_FROM_BYTES) {
        return this;
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream(json.length / 6 + 64);
      try (GZIPOutputStream z =
          new GZIPOutputStream(out, 1 << 16) {
            {
              def.setLevel(Deflater.BEST_COMPRESSION);
            }
          }) {
        z.write(json);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot compress in memory", e);
      }
      return new Answer(json, etag, out.toByteArray());
    }

    /**
     * The entity tag of the compressed copy: the tag of the JSON with {@code -gzip} inside the
     * quotes, since a strong tag names one sequence of bytes and the two copies differ.
     */
    public String gzipEtag() {
      return etag.substring(0, etag.length() - 1) + "-gzip\"";
    }

    /**
     * Whether an {@code If-None-Match} header names this answer's tag or its compressed copy's (a
     * list of tags, weak tags compared weakly, or {@code *}): both stand for the same rows.
     */
    public boolean matches(String ifNoneMatch) {
      if (ifNoneMatch == null) {
        return false;
      }
      String gz = gzipEtag();
      for (String t : ifNoneMatch.split(",")) {
        String tag = t.trim();
        if (tag.startsWith("W/")) {
          tag = tag.substring(2);
        }
        if (tag.equals("*") || tag.equals(etag) || tag.equals(gz)) {
          return true;
        }
      }
      return false;
    }
  }

  /** The value of the {@code destination} filter that asks for the rows without a destination. */
  public static final String TOTAL = "total";

  /**
   * The JSON answer {@code {"rows": [...]}} of a summary request with its entity tag. Answers about
   * succeeded runs are kept, up to {@link #ANSWER_BYTES} in all, since the dashboard asks the same
   * questions again as an analyst moves between views; a kept answer is returned as it was
   * serialised, without touching the rows again.
   */
  public Answer answer(StoredRun run, SummaryFilter filter) {
    return answer(run, filter, null);
  }

  /**
   * The answer as {@link #answer(StoredRun, SummaryFilter)}, of the rows whose destination is
   * {@code destination}: a destination id, {@link #TOTAL} for the rows without one (each state's
   * total), or null for any.
   */
  public Answer answer(StoredRun run, SummaryFilter filter, String destination) {
    List<Object> key =
        Arrays.asList(
            run.id(),
            filter.scope(),
            filter.scopeId(),
            filter.state(),
            filter.month(),
            filter.demographic(),
            destination);
    boolean keep = run.status() == RunStatus.SUCCEEDED;
    if (keep) {
      synchronized (this) {
        Answer hit = answers.get(key);
        if (hit != null) {
          return hit;
        }
      }
    }
    byte[] json;
    try {
      List<SummaryRow> selected = rows(run, filter);
      if (destination != null) {
        selected = selected.stream().filter(r -> hasDestination(r, destination)).toList();
      }
      json = Json.MAPPER.writeValueAsBytes(Map.of("rows", selected));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write summary rows", e);
    }
    Answer answer = Answer.of(json);
    if (keep && json.length <= ANSWER_BYTES / 4) {
      answer = answer.compressed();
      synchronized (this) {
        Answer old = answers.put(key, answer);
        answerBytes += answer.bytes() - (old == null ? 0 : old.bytes());
        Iterator<Answer> oldest = answers.values().iterator();
        while (answerBytes > ANSWER_BYTES && oldest.hasNext()) {
          answerBytes -= oldest.next().bytes();
          oldest.remove();
        }
      }
    }
    return answer;
  }

  /**
   * The run's rows that match the filter, in file order. {@code scope=origin} is read as {@code
   * country}, the name summary.csv uses for origin countries.
   */
  public List<SummaryRow> rows(StoredRun run, SummaryFilter filter) {
    SummaryFilter f =
        "origin".equals(filter.scope())
            ? new SummaryFilter(
                "country", filter.scopeId(), filter.state(), filter.month(), filter.demographic())
            : filter;
    if (run.status() != RunStatus.SUCCEEDED) {
      return runs.summary(run.id(), f);
    }
    List<SummaryRow> all = all(run.id());
    if (all == null) {
      return runs.summary(run.id(), f);
    }
    List<SummaryRow> out = new ArrayList<>();
    for (SummaryRow r : all) {
      if (matches(r, f)) {
        out.add(r);
      }
    }
    return out;
  }

  private List<SummaryRow> all(long id) {
    synchronized (this) {
      List<SummaryRow> hit = byRun.get(id);
      if (hit != null) {
        return hit;
      }
    }
    List<SummaryRow> loaded = shareTexts(runs.summary(id, SummaryFilter.all()));
    if (loaded.size() > maxRows) {
      return null;
    }
    synchronized (this) {
      if (byRun.put(id, loaded) == null) {
        rows += loaded.size();
      }
      Iterator<Map.Entry<Long, List<SummaryRow>>> oldest = byRun.entrySet().iterator();
      while (rows > maxRows && oldest.hasNext()) {
        Map.Entry<Long, List<SummaryRow>> e = oldest.next();
        if (e.getKey() != id) {
          rows -= e.getValue().size();
          oldest.remove();
        }
      }
    }
    return loaded;
  }

  private static boolean hasDestination(SummaryRow r, String destination) {
    boolean total = r.destination() == null || r.destination().isEmpty();
    return TOTAL.equals(destination) ? total : destination.equals(r.destination());
  }

  private static boolean matches(SummaryRow r, SummaryFilter f) {
    return (f.scope() == null || f.scope().equals(r.scope()))
        && (f.scopeId() == null || f.scopeId().equals(r.scopeId()))
        && (f.state() == null || f.state().equals(r.state()))
        && (f.month() == null || f.month() == r.month())
        && (f.demographic() == null || f.demographic().equals(r.demographic()));
  }

  /** The same rows with equal texts shared, which more than halves their memory. */
  private static List<SummaryRow> shareTexts(List<SummaryRow> in) {
    Map<String, String> pool = new HashMap<>();
    List<SummaryRow> out = new ArrayList<>(in.size());
    for (SummaryRow r : in) {
      out.add(
          new SummaryRow(
              r.month(),
              share(pool, r.date()),
              share(pool, r.scope()),
              share(pool, r.scopeId()),
              share(pool, r.demographic()),
              share(pool, r.state()),
              share(pool, r.destination()),
              r.mean(),
              r.p05(),
              r.p25(),
              r.p50(),
              r.p75(),
              r.p95()));
    }
    return out;
  }

  private static String share(Map<String, String> pool, String s) {
    return s == null ? null : pool.computeIfAbsent(Objects.requireNonNull(s), k -> k);
  }
}
