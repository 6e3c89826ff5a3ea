package org.dispersal.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * How a run's file is kept in the {@code artifacts} table: a large file gzip-compressed, a small
 * one as it is. A blob passes through the database driver and the database's own buffers several
 * times before it is written, so a stored summary.csv of 10.7 MB raised the default forecast's peak
 * resident memory by about 40 MB at the end of its run (docs/PERFORMANCE.md, "Session 11"); as gzip
 * it is about a tenth of that. Readers always get the file's own bytes back ({@link #read}).
 *
 * <p>The rule that makes reading unambiguous: every stored value that begins with gzip's two magic
 * bytes is compressed. A file of at least {@link #COMPRESS_FROM} bytes is compressed, and so is a
 * smaller one that happens to begin with those bytes; any other file is stored as it is. The files
 * the product writes (CSV, HTML, JSON and their sidecars) are text and never begin with them, so
 * stores written before this change read back unchanged.
 */
final class ArtifactBytes {

  /** Files from this size on are compressed: 1 MiB (below it the copies cost little). */
  static final int COMPRESS_FROM = 1 << 20;

  private static final byte MAGIC_0 = (byte) 0x1f;
  private static final byte MAGIC_1 = (byte) 0x8b;

  private ArtifactBytes() {}

  /** The value to store for a file's bytes. */
  static byte[] stored(byte[] file) {
    if (file.length < COMPRESS_FROM && !gzipped(file)) {
      return file;
    }
    return compressed(new byte[][] {file}, file.length);
  }

  /**
   * The value to store for a file given in parts (their concatenation is the file): the same value
   * as {@link #stored(byte[])} of the whole file, without joining the parts first.
   */
  static byte[] stored(byte[][] parts) {
    long length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    if (length < COMPRESS_FROM) {
      byte[] whole = new byte[(int) length];
      int at = 0;
      for (byte[] part : parts) {
        System.arraycopy(part, 0, whole, at, part.length);
        at += part.length;
      }
      return stored(whole);
    }
    return compressed(parts, length);
  }

  private static byte[] compressed(byte[][] parts, long length) {
    ByteArrayOutputStream out =
        new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE - 8, Math.max(64, length / 8)));
    try (GZIPOutputStream gz =
        new GZIPOutputStream(out, 1 << 16) {
          {
            def.setLevel(Deflater.BEST_SPEED);
          }
        }) {
      for (byte[] part : parts) {
        gz.write(part);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The file's bytes from a stored value. */
  static byte[] read(byte[] stored) {
    if (!gzipped(stored)) {
      return stored;
    }
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(stored), 1 << 16)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new StoreException("a stored file could not be read back: " + e.getMessage());
    }
  }

  private static boolean gzipped(byte[] b) {
    return b.length >= 2 && b[0] == MAGIC_0 && b[1] == MAGIC_1;
  }
}
