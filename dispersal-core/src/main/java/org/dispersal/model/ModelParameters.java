package org.dispersal.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalogue of parameters the pathway model reads, with what each one means.
 *
 * <p>A scenario must give a prior for every required name. Names can be qualified by a region id
 * ({@code prosecution_share.western_europe}) to override the value for the origins of one region;
 * per-theatre, per-group and per-target weights are qualified by the place, group or country id.
 * Drivers name further parameters (border closure steps, the fall month of each stronghold).
 */
public final class ModelParameters {

  /** The base parameters that every cohort reads, each possibly overridden per region. */
  public enum Base implements NamedId {
    /** Monthly hazard of death in theatre before the collapse. */
    KILL_RATE_BASE("monthly hazard of being killed in theatre, baseline"),
    /** Extra monthly hazard of death per unit of territory lost. */
    KILL_RATE_COLLAPSE("extra monthly hazard of death per unit of lost territory"),
    /** Monthly hazard of detention in the region per unit of territory lost. */
    DETENTION_RATE_COLLAPSE("monthly hazard of detention per unit of lost territory"),
    /** Monthly hazard of leaving the core theatre before the collapse, with the border open. */
    EXIT_RATE_BASE("monthly hazard of leaving the core theatre, baseline, border open"),
    /** Extra monthly hazard of leaving per unit of territory lost, with the border open. */
    EXIT_RATE_COLLAPSE("extra monthly hazard of leaving per unit of lost territory"),
    /** Monthly hazard of going underground as an insurgent per unit of territory lost. */
    INSURGENCY_RATE_COLLAPSE("monthly hazard of going underground per unit of lost territory"),
    /** Monthly hazard of joining another group per unit of territory lost. */
    DEFECTION_RATE_COLLAPSE("monthly hazard of joining another group per unit of lost territory"),
    /** Probability that Islamic State and al-Qaeda remnants merge within the horizon. */
    MERGER_PROBABILITY("probability of a merger of Islamic State and al-Qaeda remnants"),
    /** Month of the merger if it happens. */
    MERGER_MONTH("month after the start at which a merger happens, if it does"),
    /** Factor on the defection hazard after a merger. */
    MERGER_DEFECTION_MULTIPLIER("factor on the defection hazard after a merger"),
    /** Factor on combat-related hazards for adult women. */
    WOMEN_COMBAT_FACTOR("factor on combat-related hazards for women"),
    /** Factor on combat-related hazards for minors. */
    MINORS_COMBAT_FACTOR("factor on combat-related hazards for minors"),
    /** Monthly hazard of leaving transit. */
    TRANSIT_EXIT_RATE("monthly hazard of leaving transit for a destination"),
    /** Share of those leaving transit who are arrested there, per unit of border closure. */
    TRANSIT_ARREST_SHARE("share of transit leavers detained, per unit of border closure"),
    /** Share of transit leavers (not arrested) who relocate to a third theatre. */
    RELOCATION_SHARE("share of transit leavers who relocate to a third theatre"),
    /** Factor on the weight of third theatres near the origin region. */
    RELOCATION_NEAR_AFFINITY("factor favouring third theatres near home"),
    /** Share of the remaining transit leavers who are dispatched as operatives. */
    DISPATCH_SHARE("share of those heading home or West who are dispatched operatives"),
    /** Share of dispatched operatives sent to their own home country. */
    DISPATCH_HOME_SHARE("share of dispatched operatives sent home rather than to a target abroad"),
    /** Monthly hazard of death for insurgents. */
    INSURGENT_KILL_RATE("monthly hazard of death for remaining insurgents"),
    /** Monthly hazard of detention for insurgents. */
    INSURGENT_DETENTION_RATE("monthly hazard of detention for remaining insurgents"),
    /** Monthly hazard of death in another group. */
    OTHER_GROUP_KILL_RATE("monthly hazard of death after joining another group"),
    /** Monthly hazard that a returnee is assessed by the authorities. */
    ASSESSMENT_RATE("monthly hazard that a returnee is assessed"),
    /** Share of assessed returnees who are prosecuted or imprisoned. */
    PROSECUTION_SHARE("share of assessed returnees prosecuted or imprisoned"),
    /** Factor on the prosecution share for minors. */
    MINORS_PROSECUTION_FACTOR("factor on the prosecution share for minors"),
    /** Share of disengaged returnees who cooperate with the authorities. */
    COOPERATION_SHARE("share of disengaged returnees who cooperate with the authorities"),
    /** Monthly hazard that a non-cooperating disengaged returnee re-engages as an operative. */
    REENGAGEMENT_RATE("monthly hazard of re-engagement without rehabilitation"),
    /** Monthly hazard that a dispatched operative's plot comes to a head. */
    PLOT_RATE("monthly hazard that an operative's plot comes to a head"),
    /** Share of plots that come to a head as an attack rather than an arrest. */
    PLOT_SUCCESS_SHARE("share of plots that end as an attack"),
    /** Monthly hazard that an operative is arrested before plotting. */
    OPERATIVE_ARREST_RATE("monthly hazard of arrest before a plot"),
    /** Share of travellers who are adult women, where no country figure exists. */
    SHARE_WOMEN("share of travellers who are adult women (default where no figure)"),
    /** Share of travellers who are minors, where no country figure exists. */
    SHARE_MINORS("share of travellers who are minors (default where no figure)"),
    /** Share killed by the start date, where no country figure exists. */
    SHARE_KILLED_BY_START("share of travellers killed by the start date"),
    /** Share returned by the start date, where no country figure exists. */
    SHARE_RETURNED_BY_START("share of travellers returned by the start date"),
    /**
     * Monthly hazard of surrender or capture into the camps and prisons of a non-state custodian
     * per unit of lost territory (after the decay of {@link #COLLAPSE_HALF_LIFE}).
     */
    CAMP_RATE_COLLAPSE("monthly hazard of capture into camps per unit of lost territory"),
    /** Monthly hazard of death in the camps (disease, malnutrition, violence). */
    CAMP_DEATH_RATE("monthly hazard of death in the camps"),
    /** Monthly hazard of escaping (or being smuggled out of) the camps, back into the theatre. */
    CAMP_ESCAPE_RATE("monthly hazard of escaping the camps"),
    /** Monthly hazard of transfer from the camps to trial by a state (to detained). */
    CAMP_TRIAL_RATE("monthly hazard of transfer from the camps to trial by a state"),
    /** Monthly hazard that a minor in custody is repatriated under a case-by-case policy. */
    REPATRIATION_RATE_CASE_BY_CASE("monthly hazard of repatriation of a minor, case by case"),
    /** Monthly hazard that a minor in custody is repatriated under an organised policy. */
    REPATRIATION_RATE_ORGANISED("monthly hazard of repatriation of a minor, organised"),
    /** Factor on the repatriation hazard of women relative to minors. */
    REPATRIATION_WOMEN_FACTOR("factor on the repatriation hazard for women"),
    /** Factor on the repatriation hazard of men relative to minors. */
    REPATRIATION_MEN_FACTOR("factor on the repatriation hazard for men"),
    /** Factor on the repatriation hazard of people detained by a state, relative to the camps. */
    REPATRIATION_DETAINED_FACTOR("factor on the repatriation hazard for those held by a state"),
    /** Share of assessed adult women returnees who are prosecuted (men use prosecution_share). */
    WOMEN_PROSECUTION_SHARE("share of assessed women returnees prosecuted or imprisoned"),
    /** Monthly births per woman in the core theatre or in the camps. */
    BIRTH_RATE("monthly births per woman in the core theatre or in the camps"),
    /** Months for the hazards tied to a lost stronghold to fall to half after its loss. */
    COLLAPSE_HALF_LIFE("half-life in months of the battle hazards tied to a lost stronghold"),
    /**
     * Multiplier on the stocks at the start (travelled, and the women, minors, killed and returned
     * among them): the revisions of the published figures still to come.
     */
    STOCK_REVISION("multiplier on the initial stocks: revisions of the figures still to come");

    private final String meaning;

    Base(String meaning) {
      this.meaning = meaning;
    }

    /** What the parameter means. */
    public String meaning() {
      return meaning;
    }
  }

  /** Prefix of the weight of a third theatre as a relocation destination. */
  public static final String RELOCATION_WEIGHT = "relocation_weight.";

  /** Prefix of the weight of a group as a destination for those who join another group. */
  public static final String GROUP_WEIGHT = "group_weight.";

  /** Prefix of the weight of a country as a target of dispatched operatives sent abroad. */
  public static final String DISPATCH_TARGET_WEIGHT = "dispatch_target_weight.";

  private ModelParameters() {}

  /**
   * Every parameter name a scenario must define, with its meaning, in a stable order: the base
   * parameters, then the per-place, per-group and per-target weights, then those named by drivers.
   */
  public static Map<String, String> required(Scenario s) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Base b : Base.values()) {
      out.put(b.id(), b.meaning());
    }
    for (Place p : s.thirdTheatres()) {
      out.put(
          RELOCATION_WEIGHT + p.id(),
          "relative weight of " + p.name() + " as a relocation destination");
    }
    for (Group g : s.joinableGroups()) {
      out.put(
          GROUP_WEIGHT + g.id(),
          "relative weight of " + g.name() + " for those joining another group");
    }
    for (String t : s.dispatchTargets()) {
      out.put(
          DISPATCH_TARGET_WEIGHT + t,
          "relative weight of " + t + " as a target of operatives sent abroad");
    }
    for (Stronghold h : s.drivers().strongholds()) {
      if (h.fallParameter() != null) {
        out.put(h.fallParameter(), "months after the start until " + h.name() + " falls");
      }
    }
    addSteps(
        out,
        s.drivers().borderClosure(),
        "border closure at the Turkish frontier (0 open, 1 sealed)");
    addSteps(
        out,
        s.drivers().routeScreening(),
        "chance that an operative on a migration route is caught");
    addSteps(out, s.drivers().prosecutionMultiplier(), "policy factor on the prosecution share");
    addSteps(
        out,
        s.drivers().rehabilitation(),
        "reduction of re-engagement by rehabilitation (0 none, 1 full)");
    return out;
  }

  private static void addSteps(Map<String, String> out, List<Step> steps, String meaning) {
    for (Step st : steps) {
      out.putIfAbsent(st.parameter(), meaning + " from month " + st.fromMonth());
    }
  }

  /**
   * Whether {@code name} is allowed in a scenario: a required name, or a base name qualified by a
   * region id.
   */
  public static boolean isKnown(Scenario s, String name) {
    if (required(s).containsKey(name)) {
      return true;
    }
    int dot = name.lastIndexOf('.');
    if (dot <= 0) {
      return false;
    }
    String base = name.substring(0, dot);
    String region = name.substring(dot + 1);
    boolean baseKnown = false;
    for (Base b : Base.values()) {
      baseKnown |= b.id().equals(base);
    }
    return baseKnown && s.region(region) != null;
  }

  /** Names of parameters that a scenario lacks, in catalogue order. */
  public static List<String> missing(Scenario s) {
    List<String> out = new ArrayList<>();
    for (String n : required(s).keySet()) {
      if (!s.parameters().containsKey(n)) {
        out.add(n);
      }
    }
    return out;
  }
}
