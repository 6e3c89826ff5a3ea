package org.dispersal.output.page;

/**
 * The one style sheet of every page the product writes (the forecast report, the calibration,
 * hindcast and sensitivity reports and the analyst pages), placed inline by {@link Page} so that
 * each file stands alone and works offline.
 */
public final class StyleSheet {

  /** Screen and print styles. */
  public static final String CSS =
      """
      :root {
        --ink: #1d2733; --muted: #5d6b7a; --rule: #d9dee4; --soft: #f4f6f8;
        --accent: #1f4e79; --assume: #b7791f; --assume-bg: #fdf6e7;
      }
      * { box-sizing: border-box; }
      html { -webkit-text-size-adjust: 100%; }
      body {
        margin: 0; color: var(--ink); background: #fff;
        font: 15px/1.55 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans",
          "Liberation Sans", "DejaVu Sans", Arial, sans-serif;
      }
      main { max-width: 1180px; margin: 0 auto; padding: 0 28px 48px; }
      .masthead { border-bottom: 3px solid var(--accent); padding: 32px 0 18px; margin-bottom: 8px; }
      .kicker { margin: 0; text-transform: uppercase; letter-spacing: .08em; font-size: 12px;
        color: var(--accent); font-weight: 600; }
      h1 { font-size: 30px; line-height: 1.2; margin: 4px 0 8px; font-weight: 650; }
      h2 { font-size: 21px; margin: 40px 0 10px; padding-bottom: 6px;
        border-bottom: 1px solid var(--rule); font-weight: 650; }
      h2 .num-prefix { color: var(--muted); font-weight: 500; margin-right: 8px; }
      h3 { font-size: 16px; margin: 26px 0 8px; }
      .lede { font-size: 16px; color: #34414e; max-width: 72ch; margin: 0 0 16px; }
      .facts { display: flex; flex-wrap: wrap; gap: 10px 30px; margin: 0; }
      .facts div { border-left: 2px solid var(--rule); padding-left: 10px; }
      .facts dt { font-size: 11px; text-transform: uppercase; letter-spacing: .06em;
        color: var(--muted); }
      .facts dd { margin: 0; font-weight: 600; overflow-wrap: anywhere; }
      .facts dd.mono { font: 600 13px/1.6 ui-monospace, "SFMono-Regular", Menlo, Consolas,
        "DejaVu Sans Mono", monospace; }
      nav.toc { margin: 14px 0 0; font-size: 13px; }
      nav.toc a { color: var(--accent); text-decoration: none; margin-right: 16px; }
      nav.toc a:hover { text-decoration: underline; }
      .summary { font-size: 16px; background: var(--soft); border-left: 4px solid var(--accent);
        padding: 14px 18px; margin: 20px 0 0; max-width: none; }
      .ci { color: var(--muted); font-size: .86em; white-space: nowrap; }
      .note { color: var(--muted); font-size: 13px; }
      .assume { background: var(--assume-bg); border-left: 4px solid var(--assume);
        padding: 10px 14px; font-size: 14px; }
      .ci.sig { color: var(--accent); font-weight: 650; }
      .freq { display: grid; grid-template-columns: repeat(2, minmax(240px, 1fr)); gap: 12px;
        max-width: 760px; }
      .freq div { background: var(--soft); padding: 10px 14px; border-radius: 4px; }
      .freq b { font-size: 22px; display: block; }
      p { max-width: 95ch; }
      .table-wrap { overflow-x: auto; }
      table { border-collapse: collapse; width: 100%; font-size: 14px;
        font-variant-numeric: tabular-nums; }
      caption { caption-side: top; text-align: left; color: var(--muted); font-size: 13px;
        padding: 0 0 6px; }
      th, td { padding: 6px 10px; border-bottom: 1px solid var(--rule); text-align: left;
        vertical-align: baseline; }
      thead th { font-size: 12px; text-transform: uppercase; letter-spacing: .04em;
        color: var(--muted); font-weight: 600; border-bottom: 2px solid #b9c2cc;
        vertical-align: bottom; }
      tbody th { font-weight: 500; }
      .num { text-align: right; }
      table.numeric th { font-size: 12px; color: var(--muted); font-weight: 600;
        border-bottom: 2px solid #b9c2cc; vertical-align: bottom; }
      table.numeric td, table.numeric th { text-align: right; }
      table.numeric td:first-child, table.numeric th:first-child,
        table.numeric td.text { text-align: left; }
      .sub { display: block; text-transform: none; letter-spacing: 0; font-weight: 400; }
      .headline td.num .median { display: block; font-weight: 650; font-size: 15px; }
      .headline td.num .ci { display: block; }
      .headline tr.divider td, .headline tr.divider th { border-top: 2px solid #b9c2cc; }
      .headline .pathway-col { width: 84px; }
      .data td.num .median { display: block; font-weight: 600; }
      .data td.num .ci { display: block; }
      .badge { display: inline-block; min-width: 20px; height: 20px; border-radius: 10px;
        color: #fff; font-size: 12px; font-weight: 700; text-align: center; line-height: 20px;
        margin-right: 8px; padding: 0 6px; -webkit-print-color-adjust: exact;
        print-color-adjust: exact; }
      .swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px;
        margin-right: 7px; vertical-align: baseline; -webkit-print-color-adjust: exact;
        print-color-adjust: exact; }
      .legend { font-size: 13px; color: var(--muted); margin: 4px 0 10px; }
      .legend .key { display: inline-block; width: 22px; height: 10px; margin: 0 6px 0 14px;
        vertical-align: middle; background: #55606b; }
      .legend .key:first-child { margin-left: 0; }
      .legend .band90 { opacity: .2; }
      .legend .band50 { opacity: .45; }
      .legend .line { height: 2px; opacity: 1; }
      .legend .note { margin-left: 18px; }
      .fans { display: grid; grid-template-columns: repeat(auto-fill, minmax(330px, 1fr));
        gap: 14px 22px; }
      figure { margin: 0; }
      .fan-figure { break-inside: avoid; page-break-inside: avoid; }
      .fan-figure figcaption { display: flex; justify-content: space-between; align-items: baseline;
        gap: 8px; font-size: 14px; font-weight: 600; border-bottom: 1px solid var(--rule);
        padding-bottom: 3px; }
      .fan-last { font-weight: 400; font-size: 13px; color: var(--muted); white-space: nowrap; }
      .fan-last strong { color: var(--ink); }
      .fan-title .badge { margin-right: 6px; }
      svg { font-family: inherit; }
      svg.chart { display: block; width: 100%; height: auto; }
      svg.fixed { display: block; max-width: 100%; height: auto; margin: 10px 0 18px; }
      svg.prior-bar { display: inline-block; margin: 0; vertical-align: middle; }
      svg text { font-size: 12px; fill: var(--ink); }
      svg .muted { fill: var(--muted); }
      svg .grid { stroke: #e6e9ed; stroke-width: 1; }
      svg .axis { stroke: #8896a4; stroke-width: 1; }
      svg .tick { font-size: 10.5px; fill: #56626e; }
      svg .tick.date { font-size: 9.5px; fill: #8a95a0; }
      svg .band { fill-opacity: .4; }
      svg .band:hover { fill-opacity: .75; }
      svg .group-head { font-size: 11.5px; font-style: italic; fill: var(--muted); }
      svg .column-head { font-size: 12px; font-weight: 600; fill: var(--muted);
        text-transform: uppercase; letter-spacing: .05em; }
      svg .node-label { font-size: 12.5px; fill: var(--ink); paint-order: stroke;
        stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
      svg .node-label .value { fill: var(--muted); font-size: 11.5px; }
      .flow-figure { margin-top: 6px; }
      .filter { font: inherit; font-size: 14px; padding: 7px 10px; width: min(360px, 100%);
        border: 1px solid #b9c2cc; border-radius: 4px; margin: 6px 0 10px; }
      th.sortable { cursor: pointer; user-select: none; }
      th.sortable::after { content: " \\2195"; color: #b0bac4; }
      th[aria-sort=ascending]::after { content: " \\2191"; color: var(--accent); }
      th[aria-sort=descending]::after { content: " \\2193"; color: var(--accent); }
      .code { color: var(--muted); font-size: 11px; letter-spacing: .03em; }
      .flag { font-size: 11px; color: var(--assume); border: 1px solid var(--assume);
        border-radius: 3px; padding: 0 4px; margin-left: 4px; white-space: nowrap; }
      .origins td, .origins th { padding: 5px 8px; }
      .origins thead th { font-size: 11px; letter-spacing: .02em; }
      .origins tbody th { min-width: 190px; }
      .origins .region { white-space: nowrap; font-size: 13px; color: #3d4a57; }
      .origins thead .badge { margin-right: 4px; min-width: 18px; height: 18px; line-height: 18px;
        font-size: 11px; padding: 0 5px; }
      tr.unallocated th, tr.unallocated td { font-style: italic; background: #fbfbfc; }
      .two-col { display: grid; grid-template-columns: 1fr 1fr; gap: 28px; }
      @media (max-width: 900px) { .two-col { grid-template-columns: 1fr; } }
      .bar-col { width: 28%; }
      .range { position: relative; display: block; height: 14px; margin-top: 3px;
        background: linear-gradient(#e6e9ed, #e6e9ed) left center / 100% 1px no-repeat; }
      .range-ci { position: absolute; top: 3px; height: 8px; min-width: 2px; opacity: .35;
        border-radius: 2px; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
      .range-mid { position: absolute; top: 0; width: 3px; height: 14px; margin-left: -1px;
        -webkit-print-color-adjust: exact; print-color-adjust: exact; }
      details summary { cursor: pointer; color: var(--accent); margin: 10px 0; font-size: 14px; }
      .params td, .params th { font-size: 13px; }
      .params code { font-size: 12.5px; }
      .params .prior { white-space: nowrap; }
      tr.assumption > th { box-shadow: inset 3px 0 0 var(--assume); }
      tr.assumption > td.basis { background: var(--assume-bg); }
      .tag { display: inline-block; font-size: 10.5px; font-weight: 700; text-transform: uppercase;
        letter-spacing: .05em; color: #fff; background: var(--assume); border-radius: 3px;
        padding: 0 5px; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
      .source { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono",
        monospace; font-size: 12px; }
      abbr.source { text-decoration: underline dotted; cursor: help; }
      ul.sources { font-size: 13px; padding-left: 18px; }
      footer { margin-top: 40px; padding-top: 12px; border-top: 1px solid var(--rule);
        color: var(--muted); font-size: 12px; }
      @media print {
        body { font-size: 11pt; }
        main { max-width: none; padding: 0; }
        nav.toc, .filter, th.sortable::after { display: none; }
        h2 { break-after: avoid; page-break-after: avoid; }
        h2, h3 { break-after: avoid; }
        tr, figure, .summary { break-inside: avoid; page-break-inside: avoid; }
        .table-wrap { overflow: visible; }
        .fans { grid-template-columns: repeat(3, 1fr); }
        a { color: inherit; text-decoration: none; }
        details > *:not(summary) { display: block; }
      }
      """;

  private StyleSheet() {}
}
