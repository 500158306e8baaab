namespace Vigil.Monitoring.Reports.Html;

/// <summary>The report's inline stylesheet: system fonts only, no external resources, print-friendly.</summary>
public static class HtmlStyles
{
    /// <summary>Status badges (good, warn, bad, info, neutral) over the palette variables; shared with the dashboard.</summary>
    public const string Badges = """
        .badge{display:inline-block;padding:1px 9px;border-radius:999px;font-size:12px;font-weight:600;line-height:1.6;white-space:nowrap;border:1px solid transparent}
        .badge.good{background:#dcfce7;color:var(--good);border-color:#bbf7d0}
        .badge.warn{background:#fef3c7;color:var(--warn);border-color:#fde68a}
        .badge.bad{background:#fee2e2;color:var(--bad);border-color:#fecaca}
        .badge.info{background:#dbeafe;color:var(--info);border-color:#bfdbfe}
        .badge.neutral{background:#f1f5f9;color:#475569;border-color:var(--line)}
        """;

    /// <summary>The whole report stylesheet.</summary>
    public const string Css = Badges + """
        :root{--ink:#0f172a;--muted:#64748b;--line:#e2e8f0;--bg:#f8fafc;--card:#fff;--good:#15803d;--warn:#b45309;--bad:#b91c1c;--info:#1d4ed8}
        *{box-sizing:border-box}
        body{margin:0;background:var(--bg);color:var(--ink);font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;-webkit-print-color-adjust:exact;print-color-adjust:exact}
        main{max-width:1120px;margin:0 auto;padding:28px 24px 48px}
        header.top{display:flex;flex-wrap:wrap;align-items:flex-start;justify-content:space-between;gap:16px;padding-bottom:18px;border-bottom:1px solid var(--line);margin-bottom:22px}
        h1{font-size:24px;line-height:1.25;margin:0 0 4px;letter-spacing:-.01em;word-break:break-word}
        h2{font-size:17px;margin:0 0 4px;letter-spacing:-.005em}
        h3{font-size:14px;margin:0 0 6px}
        .sub{color:var(--muted);font-size:13px}
        .sub b{color:var(--ink);font-weight:600}
        section{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:18px 20px;margin:0 0 18px;break-inside:avoid-page}
        section>.lead{color:var(--muted);font-size:13px;margin:0 0 12px}
        .cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(180px,1fr));gap:12px;margin-bottom:18px}
        .card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:14px 16px}
        .card .k{color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.05em}
        .card .v{font-size:26px;font-weight:650;font-variant-numeric:tabular-nums;margin-top:2px;line-height:1.2}
        .card .d{font-size:12.5px;color:var(--muted);margin-top:4px}
        .pos{color:var(--good)}.neg{color:var(--bad)}
        .badge.big{font-size:15px;padding:3px 14px}
        .tablewrap{overflow-x:auto}
        table{width:100%;border-collapse:collapse;font-size:13px}
        th{text-align:left;font-weight:600;color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.04em;border-bottom:1px solid var(--line);padding:7px 10px;white-space:nowrap}
        td{border-bottom:1px solid #f1f5f9;padding:7px 10px;vertical-align:top}
        td.t{white-space:nowrap;font-variant-numeric:tabular-nums}
        td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
        tr.drifted td:first-child{box-shadow:inset 3px 0 0 var(--bad)}
        td.reason{color:#475569;min-width:220px}
        code,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12.5px}
        .chart{margin:6px 0 14px}
        .chart:last-child{margin-bottom:0}
        .chart h3 .sub{font-weight:400}
        svg{display:block;max-width:100%;height:auto}
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
}
