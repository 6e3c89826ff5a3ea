package org.dispersal.input.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.dispersal.hypotheses.Event;
import org.junit.jupiter.api.Test;

/** Each event reader on its fixture files, including one broken row each. */
class EventReadersTest {

  private static Path fixture(String name) {
    try {
      return Path.of(EventReadersTest.class.getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static LocalDate day(String d) {
    return LocalDate.parse(d);
  }

  @Test
  void ownFormat() {
    EventFile f = EventFile.Format.OURS.read(fixture("events.csv"), 0.5);
    List<Event> e = f.events();
    assertThat(e).hasSize(5);
    Event t1 = e.get(0);
    assertThat(t1.id()).isEqualTo("T1");
    assertThat(t1.firstDay()).isEqualTo(day("2017-03-04"));
    assertThat(t1.country()).isEqualTo("LBY");
    assertThat(t1.location()).isEqualTo("Sirte");
    assertThat(t1.type()).isEqualTo("attack");
    assertThat(t1.fatalities()).isEqualTo(3);
    assertThat(t1.reliability()).isEqualTo(0.8);
    assertThat(t1.origin()).isEqualTo("events.csv:2");
    Event t3 = e.get(2);
    assertThat(t3.incidentId()).isEqualTo("INC-9");
    assertThat(t3.firstDay()).isEqualTo(day("2017-04-01"));
    assertThat(t3.lastDay()).isEqualTo(day("2017-04-30"));
    assertThat(t3.reliability()).isEqualTo(0.5);
    assertThat(t3.fatalities()).isNull();
    assertThat(e.get(4).actor()).isEqualTo("Islamic State, Greater Sahara");
    assertThat(f.notes()).isEmpty();
  }

  @Test
  void ownFormatErrorsNameFileLineAndColumn() {
    assertThatThrownBy(() -> EventFile.Format.OURS.read(fixture("events-broken.csv"), 0.5))
        .isInstanceOf(EventFileException.class)
        .hasMessage(
            "events-broken.csv:3:3: date: '2017-13-05' is not a date (YYYY-MM-DD, or YYYY-MM)");
    assertThatThrownBy(() -> EventFile.Format.OURS.read(fixture("events-bad-reliability.csv"), 0.5))
        .hasMessage(
            "events-bad-reliability.csv:2:5: reliability: '1.5' is not a number from 0 to 1");
    assertThatThrownBy(() -> EventFile.Format.OURS.read(fixture("events-unknown-column.csv"), 0.5))
        .hasMessageStartingWith(
            "events-unknown-column.csv:1:5: reliabilty: is not a column of this format (allowed:");
  }

  @Test
  void gtdLayout() {
    EventFile f = EventFile.Format.GTD.read(fixture("gtd.csv"), 0.9);
    List<Event> e = f.events();
    assertThat(e).hasSize(4);
    Event sirte = e.get(0);
    assertThat(sirte.id()).isEqualTo("999903040001");
    assertThat(sirte.type()).isEqualTo("explosion");
    assertThat(sirte.subtype()).isEqualTo("bombing_explosion");
    assertThat(sirte.country()).isEqualTo("LBY");
    assertThat(sirte.location()).isEqualTo("Sirte");
    assertThat(sirte.actor()).isEqualTo("Islamic State of Iraq and the Levant (ISIL)");
    assertThat(sirte.fatalities()).isEqualTo(3);
    assertThat(sirte.reliability()).isEqualTo(0.9);
    Event unknownDay = e.get(1);
    assertThat(unknownDay.firstDay()).isEqualTo(day("2017-03-01"));
    assertThat(unknownDay.lastDay()).isEqualTo(day("2017-03-31"));
    assertThat(unknownDay.location()).isEmpty();
    assertThat(unknownDay.fatalities()).isEqualTo(1);
    assertThat(e.get(2).country()).isNull();
    assertThat(e.get(3).country()).isEqualTo("GBR");
    assertThat(f.notes())
        .containsExactly(
            "gtd.csv: 1 row names a country without an ISO code, kept without a country:"
                + " Soviet Union (1)");
  }

  @Test
  void gtdBrokenRow() {
    assertThatThrownBy(() -> EventFile.Format.GTD.read(fixture("gtd-broken.csv"), 0.9))
        .isInstanceOf(EventFileException.class)
        .hasMessage("gtd-broken.csv:3:9: nkill: '-2' is not a whole number of deaths");
  }

  @Test
  void acledLayout() {
    EventFile f = EventFile.Format.ACLED.read(fixture("acled.csv"), 0.85);
    List<Event> e = f.events();
    assertThat(e).hasSize(4);
    Event mosul = e.get(0);
    assertThat(mosul.id()).isEqualTo("TIRQ1");
    assertThat(mosul.type()).isEqualTo("explosion");
    assertThat(mosul.subtype()).isEqualTo("suicide_bomb");
    assertThat(mosul.country()).isEqualTo("IRQ");
    assertThat(mosul.actor()).isEqualTo("Islamic State (Iraq)");
    assertThat(mosul.fatalities()).isEqualTo(4);
    assertThat(mosul.source()).isEqualTo("ACLED: Invented Source");
    Event week = e.get(1);
    assertThat(week.type())
        .as("Battles / Armed clash counts as an attack, as GTD's armed assault")
        .isEqualTo("attack");
    assertThat(week.firstDay()).isEqualTo(day("2017-07-30"));
    assertThat(week.lastDay()).isEqualTo(day("2017-08-05"));
    Event month = e.get(2);
    assertThat(month.type()).isEqualTo("attack");
    assertThat(month.country()).isEqualTo("MLI");
    assertThat(month.firstDay()).isEqualTo(day("2017-09-01"));
    assertThat(month.lastDay()).isEqualTo(day("2017-09-30"));
    assertThat(month.fatalities()).isNull();
    assertThat(e.get(3).type()).isEqualTo("strategic_development");
    assertThat(e.get(3).country()).isNull();
    assertThat(f.notes()).singleElement().asString().contains("Soviet Union (1)");
    assertThat(f.coverage().declared()).isFalse();
    assertThat(f.coverage().countries()).containsExactly("IRQ", "LBY", "MLI");
  }

  @Test
  void acledBrokenRow() {
    assertThatThrownBy(() -> EventFile.Format.ACLED.read(fixture("acled-broken.csv"), 0.9))
        .isInstanceOf(EventFileException.class)
        .hasMessage(
            "acled-broken.csv:3:2: event_date: '31 February 2017' is not a date (2017-03-15,"
                + " 15 March 2017 or 15-March-2017)");
  }

  @Test
  void missingColumnAndMissingFile() {
    assertThatThrownBy(() -> EventFile.Format.GTD.read(fixture("acled.csv"), 0.9))
        .hasMessageStartingWith("acled.csv:1: eventid: missing column (needed: eventid, iyear");
    assertThatThrownBy(() -> EventFile.Format.OURS.read(Path.of("no-such-events.csv"), 0.9))
        .hasMessage("no-such-events.csv: does not exist");
  }

  @Test
  void countryNamesFoldCaseAccentsAndPunctuation() {
    assertThat(CountryNames.code("Côte d'Ivoire")).isEqualTo("CIV");
    assertThat(CountryNames.code("Bosnia-Herzegovina")).isEqualTo("BIH");
    assertThat(CountryNames.code("the Netherlands")).isEqualTo("NLD");
    assertThat(CountryNames.code("Turkey")).isEqualTo("TUR");
    assertThat(CountryNames.code("Yugoslavia")).isNull();
  }
}
