package org.dispersal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A run's file stored compressed when it is large or begins like gzip, as it is otherwise, and
 * always read back byte for byte.
 */
class ArtifactBytesTest {

  @Test
  void aSmallTextFileIsStoredAsItIs() {
    byte[] file = "month,scope\n0,world\n".getBytes(StandardCharsets.UTF_8);
    assertThat(ArtifactBytes.stored(file)).isSameAs(file);
    assertThat(ArtifactBytes.read(file)).isEqualTo(file);
  }

  @Test
  void aLargeFileIsStoredCompressedAndReadBackExactly() {
    byte[] file = largeCsv(7, ",world,all,killed,", 12_345);
    byte[] stored = ArtifactBytes.stored(file);
    assertThat(stored.length).isLessThan(file.length / 2);
    assertThat(ArtifactBytes.read(stored)).isEqualTo(file);
  }

  @Test
  void aSmallFileThatBeginsLikeGzipIsCompressedSoItReadsBackUnchanged() {
    byte[] file = {(byte) 0x1f, (byte) 0x8b, 1, 2, 3};
    byte[] stored = ArtifactBytes.stored(file);
    assertThat(stored).isNotEqualTo(file);
    assertThat(ArtifactBytes.read(stored)).isEqualTo(file);
  }

  @Test
  void aFileAtTheThresholdIsCompressedAndOneByteLessIsNot() {
    byte[] at = new byte[ArtifactBytes.COMPRESS_FROM];
    java.util.Arrays.fill(at, (byte) 'a');
    byte[] below = java.util.Arrays.copyOf(at, at.length - 1);
    assertThat(ArtifactBytes.stored(below)).isSameAs(below);
    assertThat(ArtifactBytes.stored(at).length).isLessThan(at.length);
    assertThat(ArtifactBytes.read(ArtifactBytes.stored(at))).isEqualTo(at);
  }

  @Test
  void aFileGivenInPartsIsStoredAsTheWholeFileIs() {
    byte[] file = largeCsv(11, ",origin,FRA,returned,", 54_321);
    int cut1 = 17;
    int cut2 = file.length / 2 + 3;
    byte[][] parts = {
      java.util.Arrays.copyOfRange(file, 0, cut1),
      java.util.Arrays.copyOfRange(file, cut1, cut2),
      new byte[0],
      java.util.Arrays.copyOfRange(file, cut2, file.length)
    };
    assertThat(ArtifactBytes.stored(parts)).isEqualTo(ArtifactBytes.stored(file));
    assertThat(ArtifactBytes.read(ArtifactBytes.stored(parts))).isEqualTo(file);
    // Small parts: stored as the joined file, and compressed when they begin like gzip.
    byte[] small = "month\n0\n".getBytes(StandardCharsets.UTF_8);
    assertThat(ArtifactBytes.stored(new byte[][] {{'m', 'o'}, {'n', 't', 'h', '\n', '0', '\n'}}))
        .isEqualTo(small);
    byte[][] gzipLike = {{(byte) 0x1f}, {(byte) 0x8b, 1, 2}};
    assertThat(ArtifactBytes.read(ArtifactBytes.stored(gzipLike)))
        .isEqualTo(new byte[] {(byte) 0x1f, (byte) 0x8b, 1, 2});
  }

  /**
   * Random CSV lines around {@code middle}, until the text is {@code past} bytes over the limit.
   */
  private static byte[] largeCsv(long seed, String middle, int past) {
    StringBuilder csv = new StringBuilder();
    Random random = new Random(seed);
    while (csv.length() < ArtifactBytes.COMPRESS_FROM + past) {
      csv.append(random.nextInt(40)).append(middle).append(random.nextInt(9000)).append('\n');
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }
}
