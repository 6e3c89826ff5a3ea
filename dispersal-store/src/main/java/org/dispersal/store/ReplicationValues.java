package org.dispersal.store;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * The per-replication values a forecast keeps besides its quantiles: for every month, the world's
 * and each region's total of every state and composite state (all people), one value per
 * replication. Two runs with the same seed, replication count and layout share common random
 * numbers replication by replication, so the interval of a difference is read from the paired
 * differences (a<sub>i</sub> − b<sub>i</sub>), which quantiles alone cannot give.
 *
 * <p>Each month is one byte string ({@link #encode}): its cells as unsigned varints, deflated; a
 * cell that is zero in every replication is left out (it reads back as zeros).
 *
 * @param layout how replications map to scenarios: {@code single}, or a mixture's replications per
 *     hypothesis; two runs pair only when their layouts are equal
 * @param replications the number of replications, at least 1
 * @param months month 0 to the horizon, each in the form of {@link #encode}
 */
public record ReplicationValues(String layout, int replications, List<byte[]> months) {

  /** Marks the byte form of a month, and its layout version. */
  private static final int ENCODING = 0x44525631;

  /** Checks the values and copies the list. */
  public ReplicationValues {
    if (layout == null || layout.isBlank() || layout.length() > 400) {
      throw new StoreException("replication values need a layout of 1 to 400 characters");
    }
    if (replications < 1) {
      throw new StoreException("replication values need at least one replication");
    }
    months = List.copyOf(months);
  }

  /**
   * One cell's values, replication by replication.
   *
   * @param scope {@code world} or {@code region}
   * @param scopeId empty for the world, else the region's name (as in the summary rows)
   * @param state a state's or composite state's id (as in the summary rows)
   * @param values one per replication, in replication order, none negative
   */
  public record Cell(String scope, String scopeId, String state, int[] values) {}

  /** The runs' pairing facts, without the values. */
  public record Header(String layout, int replications) {}

  /**
   * The cells of one month in compact form: those with a non-zero value, each as its names and its
   * values as unsigned varints, deflated.
   *
   * @throws StoreException if a cell has another number of values or a negative one
   */
  public static byte[] encode(int replications, List<Cell> cells) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    VarintBuffer buffer = new VarintBuffer(new DeflaterOutputStream(bytes, deflater, 1 << 14));
    try (DataOutputStream out = new DataOutputStream(buffer)) {
      out.writeInt(ENCODING);
      out.writeInt(replications);
      List<Cell> kept = new ArrayList<>();
      for (Cell c : cells) {
        if (c.values().length != replications) {
          throw new StoreException(
              "cell "
                  + c.scope()
                  + " "
                  + c.scopeId()
                  + " "
                  + c.state()
                  + " has "
                  + c.values().length
                  + " values for "
                  + replications
                  + " replications");
        }
        for (int v : c.values()) {
          if (v < 0) {
            throw new StoreException("replication values are counts, not " + v);
          }
          if (v != 0) {
            kept.add(c);
            break;
          }
        }
      }
      out.writeInt(kept.size());
      for (Cell c : kept) {
        out.writeUTF(c.scope());
        out.writeUTF(c.scopeId());
        out.writeUTF(c.state());
        for (int v : c.values()) {
          buffer.varint(v);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deflater.end();
    }
    return bytes.toByteArray();
  }

  /**
   * Reads a month written by {@link #encode}: the cells that were not zero everywhere.
   *
   * @throws StoreException if the bytes are not such a month
   */
  public static List<Cell> decode(byte[] bytes) {
    try (DataInputStream in =
        new DataInputStream(
            new BufferedInputStream(
                new InflaterInputStream(new ByteArrayInputStream(bytes)), 1 << 14))) {
      if (in.readInt() != ENCODING) {
        throw new StoreException("not a month of replication values");
      }
      int replications = in.readInt();
      int n = in.readInt();
      if (replications < 1 || n < 0) {
        throw new StoreException("replication values with a bad header");
      }
      List<Cell> cells = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        String scope = in.readUTF();
        String scopeId = in.readUTF();
        String state = in.readUTF();
        int[] values = new int[replications];
        for (int r = 0; r < replications; r++) {
          values[r] = readVarint(in);
        }
        cells.add(new Cell(scope, scopeId, state, values));
      }
      return cells;
    } catch (IOException e) {
      throw new StoreException("replication values are not readable: " + e.getMessage(), e);
    }
  }

  /**
   * A 16 KB buffer in front of the deflater that fills and empties exactly as a {@link
   * java.io.BufferedOutputStream} of that size does (so the deflater is given the same bytes in the
   * same pieces), with unsigned varints written straight into it: the values of a default forecast
   * are some 8 million varints, and a synchronised call per byte through {@link DataOutputStream}
   * and {@link java.io.BufferedOutputStream} was most of their encoding's time
   * (docs/PERFORMANCE.md, "Session 16").
   */
  private static final class VarintBuffer extends OutputStream {
    private final OutputStream out;
    private final byte[] buf = new byte[1 << 14];
    private int count;

    VarintBuffer(OutputStream out) {
      this.out = out;
    }

    /** Writes v (non-negative) as an unsigned varint: 7 bits a byte, low bits first. */
    void varint(int v) throws IOException {
      if (count + 5 > buf.length) {
        // Near the end of the buffer: byte by byte, so it empties where it would have.
        while ((v & ~0x7F) != 0) {
          write((v & 0x7F) | 0x80);
          v >>>= 7;
        }
        write(v);
        return;
      }
      while ((v & ~0x7F) != 0) {
        buf[count++] = (byte) ((v & 0x7F) | 0x80);
        v >>>= 7;
      }
      buf[count++] = (byte) v;
    }

    @Override
    public void write(int b) throws IOException {
      if (count >= buf.length) {
        empty();
      }
      buf[count++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (len >= buf.length) {
        empty();
        out.write(b, off, len);
        return;
      }
      if (len > buf.length - count) {
        empty();
      }
      System.arraycopy(b, off, buf, count, len);
      count += len;
    }

    @Override
    public void flush() throws IOException {
      empty();
      out.flush();
    }

    @Override
    public void close() throws IOException {
      try (OutputStream o = out) {
        flush();
      }
    }

    private void empty() throws IOException {
      if (count > 0) {
        out.write(buf, 0, count);
        count = 0;
      }
    }
  }

  private static int readVarint(InputStream in) throws IOException {
    int v = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException("replication values end inside a value");
      }
      v |= (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return v;
      }
    }
    throw new IOException("a value longer than five bytes");
  }
}
