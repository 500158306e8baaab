namespace Vigil.Rendering.Styles;

/// <summary>
/// The inline stylesheets: system fonts only, no external resources. <see cref="Shared"/> holds the rules the report
/// and the dashboard have in common (badges, tables, numbers, charts); each page adds its own layout after it.
/// </summary>
internal static class Stylesheets
{
    /// <summary>Status badges (good, warn, bad, info, neutral) over the palette variables, tables and chart boxes.</summary>
    public const string Shared = """
        .badge{display:inline-block;padding:1px 9px;border-radius:999px;font-size:12px;font-weight:600;line-height:1.6;white-space:nowrap;border:1px solid transparent}
        .badge.good{background:#dcfce7;color:var(--good);border-color:#bbf7d0}
        .badge.warn{background:#fef3c7;color:var(--warn);border-color:#fde68a}
        .badge.bad{background:#fee2e2;color:var(--bad);border-color:#fecaca}
        .badge.info{background:#dbeafe;color:var(--info);border-color:#bfdbfe}
        .badge.neutral{background:#f1f5f9;color:#475569;border-color:var(--line)}
        *{box-sizing:border-box}
        .sub{color:var(--muted);font-size:13px}
        .sub b{color:var(--ink);font-weight:600}
        .pos{color:var(--good)}.neg{color:var(--bad)}
        .tablewrap{overflow-x:auto}
        table{width:100%;border-collapse:collapse;font-size:13px}
        td.t{white-space:nowrap;font-variant-numeric:tabular-nums}
        td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
        svg{display:block;max-width:100%;height:auto}

        """;

    /// <summary>The report and replay pages: a printable document.</summary>
    public const string Report = Shared + """
        :root{--ink:#0f172a;--muted:#64748b;--line:#e2e8f0;--bg:#f8fafc;--card:#fff;--good:#15803d;--warn:#b45309;--bad:#b91c1c;--info:#1d4ed8}
        body{margin:0;background:var(--bg);color:var(--ink);font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;-webkit-print-color-adjust:exact;print-color-adjust:exact}
        main{max-width:1120px;margin:0 auto;padding:28px 24px 48px}
        header.top{display:flex;flex-wrap:wrap;align-items:flex-start;justify-content:space-between;gap:16px;padding-bottom:18px;border-bottom:1px solid var(--line);margin-bottom:22px}
        h1{font-size:24px;line-height:1.25;margin:0 0 4px;letter-spacing:-.01em;word-break:break-word}
        h2{font-size:17px;margin:0 0 4px;letter-spacing:-.005em}
        h3{font-size:14px;margin:0 0 6px}
        section{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:18px 20px;margin:0 0 18px;break-inside:avoid-page}
        section>.lead{color:var(--muted);font-size:13px;margin:0 0 12px}
        .cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(180px,1fr));gap:12px;margin-bottom:18px}
        .card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:14px 16px}
        .card .k{color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.05em}
        .card .v{font-size:26px;font-weight:650;font-variant-numeric:tabular-nums;margin-top:2px;line-height:1.2}
        .card .d{font-size:12.5px;color:var(--muted);margin-top:4px}
        .badge.big{font-size:15px;padding:3px 14px}
        th{text-align:left;font-weight:600;color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.04em;border-bottom:1px solid var(--line);padding:7px 10px;white-space:nowrap}
        td{border-bottom:1px solid #f1f5f9;padding:7px 10px;vertical-align:top}
        tr.drifted td:first-child{box-shadow:inset 3px 0 0 var(--bad)}
        td.reason{color:#475569;min-width:220px}
        code,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12.5px}
        .chart{margin:6px 0 14px}
        .chart:last-child{margin-bottom:0}
        .chart h3 .sub{font-weight:400}
        .multiples{display:grid;grid-template-columns:repeat(auto-fill,minmax(320px,1fr));gap:12px;margin-top:16px}
        .multiple{border:1px solid var(--line);border-radius:8px;padding:10px 12px 6px}
        .multiple h3{display:flex;justify-content:space-between;align-items:center;gap:8px;font-size:13px}
        .multiple h3 span.name{overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
        .multiple .stats{color:var(--muted);font-size:12px;margin-bottom:2px;font-variant-numeric:tabular-nums}
        .nodata{color:var(--muted);background:#f8fafc;border:1px dashed #cbd5e1;border-radius:8px;padding:14px 16px;margin:4px 0;font-style:italic}
        details>summary{cursor:pointer;color:var(--info);font-weight:600;margin-top:12px}
        .ev{display:inline-flex;align-items:center;gap:6px;white-space:nowrap}
        .ev svg{display:inline;width:14px;height:14px}
        footer{color:var(--muted);font-size:12px;text-align:center;margin-top:24px}
        @media (max-width:640px){main{padding:16px 10px}section{padding:14px 12px}.card .v{font-size:22px}}
        @media print{body{background:#fff;font-size:12px}main{max-width:none;padding:0}section,.card{border-color:#cbd5e1;box-shadow:none}details>summary{display:none}.multiples{grid-template-columns:repeat(2,1fr)}}
        """;

    /// <summary>The dashboard: the report's palette (slate, blue, red) in an app layout with a top bar.</summary>
    public const string Dashboard = Shared + """
        :root{--ink:#0f172a;--muted:#64748b;--line:#e2e8f0;--bg:#f1f5f9;--card:#fff;--good:#15803d;--warn:#b45309;--bad:#b91c1c;--info:#1d4ed8;--link:#1d4ed8}
        body{margin:0;background:var(--bg);color:var(--ink);font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
        a{color:var(--link);text-decoration:none}a:hover{text-decoration:underline}
        nav.bar{background:#0f172a;color:#e2e8f0;height:52px;display:flex;align-items:center;gap:22px;padding:0 28px;position:sticky;top:0;z-index:5}
        nav.bar .brand{color:#fff;font-weight:700;font-size:16px;letter-spacing:.02em;display:flex;align-items:center;gap:9px}
        nav.bar .brand svg{display:inline;width:22px;height:22px}
        nav.bar a.nav{color:#cbd5e1;font-size:13.5px}nav.bar a.nav:hover{color:#fff;text-decoration:none}
        nav.bar .spacer{flex:1}nav.bar .meta{color:#94a3b8;font-size:12.5px}
        main{max-width:1200px;margin:0 auto;padding:22px 28px 48px}
        .crumbs{color:var(--muted);font-size:13px;margin-bottom:6px}.crumbs a{color:var(--muted)}.crumbs span{margin:0 6px}
        header.top{display:flex;flex-wrap:wrap;align-items:flex-end;justify-content:space-between;gap:14px;margin-bottom:18px}
        h1{font-size:24px;line-height:1.25;margin:0 0 4px;letter-spacing:-.01em;word-break:break-word;display:flex;align-items:center;gap:12px}
        h2{font-size:16px;margin:0 0 4px}
        h3{font-size:13.5px;margin:14px 0 6px}
        section{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:16px 20px;margin:0 0 16px;box-shadow:0 1px 2px rgba(15,23,42,.04)}
        section>.lead{color:var(--muted);font-size:13px;margin:0 0 10px}
        .grid2{display:grid;grid-template-columns:1fr 1fr;gap:16px}.grid2>section{margin:0 0 16px}
        .cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(170px,1fr));gap:12px;margin-bottom:16px}
        .card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:12px 16px;box-shadow:0 1px 2px rgba(15,23,42,.04)}
        .card .k{color:var(--muted);font-size:11.5px;text-transform:uppercase;letter-spacing:.06em}
        .card .v{font-size:24px;font-weight:650;font-variant-numeric:tabular-nums;margin-top:2px;line-height:1.25}
        .card .d{font-size:12.5px;color:var(--muted);margin-top:2px}
        .badge.big{font-size:14px;padding:2px 13px}
        th{text-align:left;font-weight:600;color:var(--muted);font-size:11.5px;text-transform:uppercase;letter-spacing:.05em;border-bottom:1px solid var(--line);padding:7px 10px;white-space:nowrap}
        td{border-bottom:1px solid #f1f5f9;padding:7px 10px;vertical-align:middle}
        tbody tr:hover td{background:#f8fafc}
        tr.drifted td:first-child,tr.sel td:first-child{box-shadow:inset 3px 0 0 var(--bad)}
        tr.sel td{background:#eff6ff}
        td.reason{color:#475569;min-width:200px}
        td.model a{font-weight:650;font-size:14px}
        .sharebar{display:inline-block;vertical-align:middle;width:90px;height:8px;background:#e2e8f0;border-radius:4px;overflow:hidden;margin-right:8px}
        .sharebar>i{display:block;height:100%;background:var(--bad)}
        .sharebar.low>i{background:#f59e0b}.sharebar.none>i{background:#94a3b8}
        code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12.5px}
        svg.spark{display:inline-block;vertical-align:middle;width:120px;height:28px}
        svg.heatmap a rect.cell:hover{stroke:#1d4ed8;stroke-width:2}
        svg.heatmap circle{pointer-events:none}
        svg.heatmap a text{fill:#1d4ed8}
        .nodata{color:var(--muted);background:#f8fafc;border:1px dashed #cbd5e1;border-radius:8px;padding:12px 16px;margin:4px 0;font-style:italic}
        details>summary{cursor:pointer;color:var(--info);font-weight:600;margin:10px 0 4px}
        .decision{border:1px solid var(--line);border-radius:8px;padding:10px 14px;margin:0 0 10px}
        .decision>summary{color:var(--ink);font-weight:500;margin:0;display:flex;gap:10px;align-items:center;flex-wrap:wrap}
        .decision>summary .t{color:var(--muted);font-size:12.5px;font-variant-numeric:tabular-nums}
        .decision table{margin-top:8px}
        .mark{display:inline-block;width:18px;text-align:center;font-weight:700}
        .mark.yes{color:var(--bad)}.mark.no{color:#94a3b8}.mark.ok{color:var(--good)}
        .legend-note{color:var(--muted);font-size:12px;margin-top:6px}
        section.why{border-left:4px solid var(--bad);padding:12px 20px}section.why h2{font-size:14px;text-transform:capitalize}
        section.why ul{margin:4px 0 0;padding-left:18px;color:#334155}
        footer{color:var(--muted);font-size:12px;text-align:center;margin-top:22px}
        .err{text-align:center;padding:60px 20px}.err h1{justify-content:center;font-size:30px}
        @media (max-width:860px){.grid2{grid-template-columns:1fr}main{padding:16px 12px}nav.bar{padding:0 12px}}
        """;
}
