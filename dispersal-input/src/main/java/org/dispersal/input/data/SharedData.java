package org.dispersal.input.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.dispersal.observation.ObservationRecord;
import org.dispersal.observation.Publication;
import org.dispersal.stocks.Figure;
import org.dispersal.stocks.Measure;

/**
 * The curated public data the product ships, as typed rows, with every cross-reference checked.
 *
 * <p>{@link #shipped()} reads the copies in this module's resources ({@code org/dispersal/data/});
 * {@link #load(Path)} reads a directory laid out like {@code shared/data}, for users with their own
 * figures. The eight {@link #DATA_FILES} are the curated files, copied unchanged; the three {@link
 * #MAPPING_FILES} are the product's own: which region each country belongs to, which aggregate
 * scopes define a region's total, and which country figures count something other than travellers.
 * A directory without a mapping file uses the shipped one.
 *
 * <p>Loading fails with a {@link DataException} naming file, line and column on a malformed value,
 * a {@code source_id} missing from {@code sources.csv}, a country missing from {@code
 * countries.csv}, a region missing from {@code regions.csv}, or an exclusion that matches no row.
 * Rows keep file order.
 *
 * <p>It is over 500 lines because it loads and cross-checks every shipped table (sources,
 * countries, regions, figures, parameters, territory, attacks, exclusions) in one pass, so that
 * each reference between tables is checked where both are at hand.
 */
public final class SharedData implements Publication {

  /** The curated files, in the order they are read. */
  public static final List<String> DATA_FILES =
      List.of(
          "sources.csv",
          "fighters_by_country.csv",
          "fighters_aggregates.csv",
          "territory_events.csv",
          "territory_extent.csv",
          "attacks.csv",
          "affiliates.csv",
          "parameters.csv");

  /** The product's mapping files, which a user directory may leave out. */
  public static final List<String> MAPPING_FILES =
      List.of("regions.csv", "countries.csv", "exclusions.csv");

  private static final String RESOURCE_DIR = "/org/dispersal/data/";

  private final Map<String, Source> sources;
  private final Map<String, RegionMapping> regions;
  private final Map<String, Country> countries;
  private final List<CountryFigure> countryFigures;
  private final List<Exclusion> exclusions;
  private final List<AggregateFigure> aggregates;
  private final List<TerritoryEvent> territoryEvents;
  private final List<TerritoryExtent> territoryExtent;
  private final List<Attack> attacks;
  private final List<Affiliate> affiliates;
  private final List<PublishedParameter> parameters;

  /** Opens one file of the data set by name. */
  @FunctionalInterface
  private interface Opener {
    CsvTable open(String fileName);
  }

  private SharedData(Opener opener) {
    sources = index(readSources(opener.open("sources.csv")), Source::id);
    regions = index(readRegions(opener.open("regions.csv")), RegionMapping::id);
    countries = index(readCountries(opener.open("countries.csv")), Country::iso3);
    countryFigures = List.copyOf(readCountryFigures(opener.open("fighters_by_country.csv")));
    exclusions = List.copyOf(readExclusions(opener.open("exclusions.csv")));
    aggregates = List.copyOf(readAggregates(opener.open("fighters_aggregates.csv")));
    territoryEvents = List.copyOf(readTerritoryEvents(opener.open("territory_events.csv")));
    territoryExtent = List.copyOf(readTerritoryExtent(opener.open("territory_extent.csv")));
    attacks = List.copyOf(readAttacks(opener.open("attacks.csv")));
    affiliates = List.copyOf(readAffiliates(opener.open("affiliates.csv")));
    parameters = List.copyOf(readParameters(opener.open("parameters.csv")));
  }

  /**
   * Reads the data shipped in this module's resources.
   *
   * @return the data
   * @throws DataException if a shipped file is malformed (a build error)
   */
  /** A version of the shipped data, recorded in manifests: a hash over its data files. */
  public static String shippedVersion() {
    try {
      java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
      for (String f : DATA_FILES) {
        try (java.io.InputStream in =
            SharedData.class.getClassLoader().getResourceAsStream("org/dispersal/data/" + f)) {
          if (in != null) {
            md.update(in.readAllBytes());
          }
        }
      }
      return "shared-data sha256:"
          + java.util.HexFormat.of().formatHex(md.digest()).substring(0, 16);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static SharedData shipped() {
    return new SharedData(SharedData::openShipped);
  }

  /**
   * Reads a directory holding the {@link #DATA_FILES} and, optionally, the {@link #MAPPING_FILES}.
   *
   * @param directory the directory
   * @return the data
   * @throws DataException if a data file is missing or any file is malformed
   * @throws UncheckedIOException if a file cannot be read
   */
  public static SharedData load(Path directory) {
    return new SharedData(
        name -> {
          Path file = directory.resolve(name);
          if (Files.isRegularFile(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
              return CsvReader.read(name, reader);
            } catch (IOException e) {
              throw new UncheckedIOException("cannot read " + file, e);
            }
          }
          if (MAPPING_FILES.contains(name)) {
            return openShipped(name);
          }
          throw new DataException(name, 0, null, "not found in " + directory);
        });
  }

  private static CsvTable openShipped(String name) {
    InputStream in = SharedData.class.getResourceAsStream(RESOURCE_DIR + name);
    if (in == null) {
      throw new DataException(name, 0, null, "not found on the classpath at " + RESOURCE_DIR);
    }
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return CsvReader.read(name, reader);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE_DIR + name, e);
    }
  }

  private static <T> Map<String, T> index(List<T> rows, Function<T, String> key) {
    Map<String, T> map = new LinkedHashMap<>();
    for (T row : rows) {
      map.put(key.apply(row), row);
    }
    return Collections.unmodifiableMap(map);
  }

  private static List<Source> readSources(CsvTable table) {
    table.requireColumns(
        "source_id", "title", "organisation", "published", "url_or_location", "known_by_feb_2017");
    List<Source> rows = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (CsvRow row : table.rows()) {
      String id = row.required("source_id");
      if (ids.contains(id)) {
        throw row.error("source_id", "'" + id + "' is listed twice");
      }
      ids.add(id);
      rows.add(
          new Source(
              id,
              row.text("title"),
              row.text("organisation"),
              PartialDate.parse(row.required("published")),
              row.text("url_or_location"),
              row.yesNo("known_by_feb_2017")));
    }
    return rows;
  }

  private static List<RegionMapping> readRegions(CsvTable table) {
    table.requireColumns("region", "name", "total_scopes");
    List<RegionMapping> rows = new ArrayList<>();
    for (CsvRow row : table.rows()) {
      String id = row.required("region");
      if (!id.matches("[a-z_]+")) {
        throw row.error("region", "'" + id + "' is not a lower-case identifier");
      }
      if (rows.stream().anyMatch(r -> r.id().equals(id))) {
        throw row.error("region", "'" + id + "' is listed twice");
      }
      String scopes = row.text("total_scopes");
      rows.add(
          new RegionMapping(
              id,
              row.required("name"),
              scopes.isEmpty() ? List.of() : Arrays.asList(scopes.split(";"))));
    }
    return rows;
  }

  private List<Country> readCountries(CsvTable table) {
    table.requireColumns("iso3", "name", "region");
    List<Country> rows = new ArrayList<>();
    for (CsvRow row : table.rows()) {
      String iso3 = row.required("iso3");
      if (!iso3.matches("[A-Z]{3}")) {
        throw row.error("iso3", "'" + iso3 + "' is not a three-letter code");
      }
      if (rows.stream().anyMatch(c -> c.iso3().equals(iso3))) {
        throw row.error("iso3", "'" + iso3 + "' is listed twice");
      }
      String region = row.required("region");
      if (!regions.containsKey(region)) {
        throw row.error("region", "'" + region + "' is not in regions.csv");
      }
      rows.add(new Country(iso3, row.required("name"), region));
    }
    return rows;
  }

  private List<CountryFigure> readCountryFigures(CsvTable table) {
    table.requireColumns(
        "iso3",
        "country",
        "source_id",
        "as_of",
        "fighters_low",
        "fighters_high",
        "women",
        "minors",
        "returnees",
        "notes");
    List<CountryFigure> rows = new ArrayList<>();
    for (CsvRow row : table.rows()) {
      Integer low = row.wholeNumber("fighters_low");
      Integer high = row.wholeNumber("fighters_high");
      rows.add(
          new CountryFigure(
              country(row, "iso3"),
              row.required("country"),
              source(row, "source_id"),
              PartialDate.parse(row.required("as_of")),
              low == null && high == null ? null : new Figure(low, high),
              row.text("women"),
              row.text("minors"),
              row.text("returnees"),
              row.text("notes")));
    }
    return rows;
  }

  private List<Exclusion> readExclusions(CsvTable table) {
    table.requireColumns("iso3", "source_id", "measure", "reason");
    List<Exclusion> rows = new ArrayList<>();
    for (CsvRow row : table.rows()) {
      String iso3 = country(row, "iso3");
      String sourceId = source(row, "source_id");
      Measure measure;
      try {
        measure = Measure.ofColumn(row.required("measure"));
      } catch (IllegalArgumentException e) {
        throw row.error("measure", e.getMessage());
      }
      boolean matches =
          countryFigures.stream()
              .anyMatch(
                  f ->
                      f.iso3().equals(iso3)
                          && f.sourceId().equals(sourceId)
                          && f.figure(measure).isPresent());
      if (!matches) {
        throw row.error(
            "source_id",
            "no "
                + measure.column()
                + " figure of "
                + sourceId
                + " for "
                + iso3
                + " in fighters_by_country.csv");
      }
      rows.add(new Exclusion(iso3, sourceId, measure, row.required("reason")));
    }
    return rows;
  }

  private List<AggregateFigure> readAggregates(CsvTable table) {
    table.requireColumns(
        "scope", "source_id", "as_of", "measure", "value_low", "value_high", "notes");
    List<AggregateFigure> rows = new ArrayList<>();
    for (CsvRow row : table.rows()) {
      boolean lowPercent = row.text("value_low").endsWith("%");
      boolean highPercent = row.text("value_high").endsWith("%");
      Integer low = number(row, "value_low");
      Integer high = number(row, "value_high");
      if (low == null && high == null) {
        throw row.error("value_low", "neither value_low nor value_high is given");
      }
      if (low != null && high != null && lowPercent != highPercent) {
        throw row.error("value_high", "one end is a percentage and the other is not");
      }
      rows.add(
          new AggregateFigure(
              row.required("scope"),
              source(row, "source_id"),
              PartialDate.parse(row.required("as_of")),
              row.required("measure"),
              new Figure(low, high),
              lowPercent || highPercent,
              row.text("notes")));
    }
    return rows;
  }

  private static Integer number(CsvRow row, String field) {
    String text = row.text(field);
    if (!text.endsWith("%")) {
      return row.wholeNumber(field);
    }
    String digits = text.substring(0, text.length() - 1);
    if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw row.error(field, "'" + text + "' is not a whole number or percentage");
    }
    return Integer.valueOf(digits);
  }

  private List<TerritoryEvent> readTerritoryEvents(CsvTable table) {
    table.requireColumns("date", "place", "country", "event", "actor", "source_id");
    List<TerritoryEvent> rows = new ArrayList<>();
    for (CsvRow row : table.rows()) {
      rows.add(
          new TerritoryEvent(
              PartialDate.parse(row.required("date")),
              row.required("place"),
              row.text("country"),
              row.required("event"),
              row.text("actor"),
              sourceList(row, "source_id")));
    }
    return rows;
  }

  private List<TerritoryExtent> readTerritoryExtent(CsvTable table) {
    table.requireColumns("date", "measure", "value", "unit", "source_id");
    List<TerritoryExtent> rows = new ArrayList<>();
    for (CsvRow row : table.rows()) {
      rows.add(
          new TerritoryExtent(
              PartialDate.parse(row.required("date")),
              row.required("measure"),
              row.required("value"),
              row.text("unit"),
              source(row, "source_id")));
    }
    return rows;
  }

  private List<Attack> readAttacks(CsvTable table) {
    table.requireColumns(
        "date", "place", "country", "deaths", "perpetrators_travelled", "notes", "source_id");
    List<Attack> rows = new ArrayList<>();
    for (CsvRow row : table.rows()) {
      String travelled = row.required("perpetrators_travelled");
      if (!List.of("yes", "no", "unknown").contains(travelled)) {
        throw row.error("perpetrators_travelled", "'" + travelled + "' is not yes, no or unknown");
      }
      rows.add(
          new Attack(
              PartialDate.parse(row.required("date")),
              row.required("place"),
              row.text("country"),
              row.wholeNumber("deaths"),
              travelled,
              row.text("notes"),
              sourceList(row, "source_id")));
    }
    return rows;
  }

  private List<Affiliate> readAffiliates(CsvTable table) {
    table.requireColumns("name", "region", "founded_or_pledged", "notes", "source_id");
    List<Affiliate> rows = new ArrayList<>();
    for (CsvRow row : table.rows()) {
      rows.add(
          new Affiliate(
              row.required("name"),
              row.required("region"),
              row.required("founded_or_pledged"),
              row.text("notes"),
              sourceList(row, "source_id")));
    }
    return rows;
  }

  private List<PublishedParameter> readParameters(CsvTable table) {
    table.requireColumns(
        "parameter", "value", "unit", "population_or_scope", "period", "source_id", "notes");
    List<PublishedParameter> rows = new ArrayList<>();
    for (CsvRow row : table.rows()) {
      rows.add(
          new PublishedParameter(
              row.required("parameter"),
              row.required("value"),
              row.text("unit"),
              row.text("population_or_scope"),
              row.text("period"),
              source(row, "source_id"),
              row.text("notes")));
    }
    return rows;
  }

  private String source(CsvRow row, String field) {
    String id = row.required(field);
    if (!sources.containsKey(id)) {
      throw row.error(field, "'" + id + "' is not in sources.csv");
    }
    return id;
  }

  private List<String> sourceList(CsvRow row, String field) {
    List<String> ids = new ArrayList<>();
    for (String id : row.required(field).split(";", -1)) {
      if (!sources.containsKey(id)) {
        throw row.error(field, "'" + id + "' is not in sources.csv");
      }
      ids.add(id);
    }
    return ids;
  }

  private String country(CsvRow row, String field) {
    String iso3 = row.required(field);
    if (!countries.containsKey(iso3)) {
      throw row.error(field, "'" + iso3 + "' is not in countries.csv");
    }
    return iso3;
  }

  /** Every source, in file order. */
  public List<Source> sources() {
    return List.copyOf(sources.values());
  }

  /**
   * Whether an observed figure was public on a date. A figure from one of these sources follows the
   * information set's rule ({@link InformationSet#admits}), so figures and initial stocks share one
   * cut-off, unless its own {@code published} text begins after the date (a later figure filed
   * under an earlier source is never used before it appeared); a figure from any other source
   * counts from the last day its own {@code published} text can mean ({@link
   * Publication#AS_WRITTEN}).
   */
  @Override
  public boolean publishedBy(ObservationRecord record, LocalDate asOf) {
    return source(record.sourceId())
        .map(s -> InformationSet.admits(s, asOf) && !record.publishedAfter(asOf))
        .orElseGet(() -> Publication.AS_WRITTEN.publishedBy(record, asOf));
  }

  /**
   * One source.
   *
   * @param id the {@code source_id}
   * @return the source, or empty if there is none with that id
   */
  public Optional<Source> source(String id) {
    return Optional.ofNullable(sources.get(id));
  }

  /** Every region, in file order. */
  public List<RegionMapping> regions() {
    return List.copyOf(regions.values());
  }

  /** Every country, in file order. */
  public List<Country> countries() {
    return List.copyOf(countries.values());
  }

  /**
   * One country.
   *
   * @param iso3 the ISO alpha-3 code
   * @return the country, or empty if it is not in {@code countries.csv}
   */
  public Optional<Country> country(String iso3) {
    return Optional.ofNullable(countries.get(iso3));
  }

  /** Every per-country figure, in file order. */
  public List<CountryFigure> countryFigures() {
    return countryFigures;
  }

  /** Every exclusion, in file order. */
  public List<Exclusion> exclusions() {
    return exclusions;
  }

  /** Every world, regional and EU figure, in file order. */
  public List<AggregateFigure> aggregates() {
    return aggregates;
  }

  /** Every territorial event, in file order. */
  public List<TerritoryEvent> territoryEvents() {
    return territoryEvents;
  }

  /** Every territory measurement, in file order. */
  public List<TerritoryExtent> territoryExtent() {
    return territoryExtent;
  }

  /** Every attack, in file order. */
  public List<Attack> attacks() {
    return attacks;
  }

  /** Every affiliate, in file order. */
  public List<Affiliate> affiliates() {
    return affiliates;
  }

  /** Every published parameter, in file order. */
  public List<PublishedParameter> parameters() {
    return parameters;
  }
}
