package org.dispersal.spark;

import java.util.Locale;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.dispersal.ensemble.DistributedRunner;

/**
 * Runs Dispersal's ensembles, sensitivity designs and calibration batches on Apache Spark: the
 * {@link DistributedRunner} the command line finds when this module is on the class path.
 *
 * <p>Master {@code submit} keeps the master that {@code spark-submit} configured; any other value
 * ({@code local[N]}, {@code local[N,F]}, {@code spark://HOST:PORT}, {@code yarn}, ...) is set as
 * the master. Settings the user gives ({@code --conf} of spark-submit, or {@code -Dspark.*}
 * properties) win over the defaults here.
 */
public final class SparkRunner implements DistributedRunner {

  /** The master value that keeps the master spark-submit set. */
  public static final String FROM_SUBMIT = "submit";

  /** Spark setting: how many tasks work is split into (default: 4 per core of the cluster). */
  public static final String TASKS = "spark.dispersal.tasks";

  /**
   * The JVM options Spark's own launcher passes on JDK 17 and later (its {@code
   * JavaModuleOptions}), given to executors unless the user set their own.
   */
  public static final String MODULE_OPTIONS =
      String.join(
          " ",
          "--add-opens=java.base/java.lang=ALL-UNNAMED",
          "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
          "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
          "--add-opens=java.base/java.io=ALL-UNNAMED",
          "--add-opens=java.base/java.net=ALL-UNNAMED",
          "--add-opens=java.base/java.nio=ALL-UNNAMED",
          "--add-opens=java.base/java.util=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
          "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
          "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
          "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
          "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
          "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED");

  /** Creates the runner; ServiceLoader calls this. */
  public SparkRunner() {}

  @Override
  public SparkCluster open(String master) {
    return open(master, Map.of());
  }

  /**
   * Connects with extra Spark settings, for example {@code spark.jars} for a cluster whose workers
   * do not have Dispersal's classes.
   *
   * @param master the master, or {@link #FROM_SUBMIT}
   * @param settings Spark settings that win over every default
   */
  public SparkCluster open(String master, Map<String, String> settings) {
    SparkConf conf = new SparkConf().setAppName("dispersal");
    if (!FROM_SUBMIT.equals(master)) {
      conf.setMaster(master);
    } else if (!conf.contains("spark.master")) {
      throw new IllegalArgumentException(
          "--spark submit needs spark-submit's --master; give a master such as local[2] instead");
    }
    conf.setIfMissing("spark.ui.enabled", "false");
    conf.setIfMissing("spark.log.level", "WARN");
    conf.setIfMissing("spark.executor.extraJavaOptions", MODULE_OPTIONS);
    if (conf.get("spark.master").toLowerCase(Locale.ROOT).startsWith("local")) {
      conf.setIfMissing("spark.driver.host", "127.0.0.1");
      conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
    }
    settings.forEach(conf::set);
    return new SparkCluster(new JavaSparkContext(conf));
  }
}
