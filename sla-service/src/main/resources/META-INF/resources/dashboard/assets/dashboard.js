// The live service-level dashboard: draws each snapshot the server pushes over server-sent events
// (/dashboard/events: one on connect, one after each change). Plain DOM and SVG, no build step.
"use strict";

(function () {
  const SERIES = [
    ["opened", "cases opened"],
    ["pickedUp", "picked up (first reply)"],
    ["resolved", "resolved"],
    ["breaches", "breaches"],
  ];
  const SVG_NS = "http://www.w3.org/2000/svg";
  let received = 0;
  let receivedAt = Date.now();

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "class") e.className = v; else if (k.startsWith("data-")) e.setAttribute(k, v); else e[k] = v;
    }
    for (const c of children) e.append(c instanceof Node ? c : document.createTextNode(c == null ? "" : String(c)));
    return e;
  }

  function svg(tag, attrs) {
    const e = document.createElementNS(SVG_NS, tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    return e;
  }

  function duration(seconds) {
    if (seconds == null) return "–";
    const s = Math.abs(Math.round(seconds));
    const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
    const text = h > 0 ? `${h} h ${String(m).padStart(2, "0")} min` : m > 0 ? `${m} min ${String(r).padStart(2, "0")} s` : `${r} s`;
    return seconds < 0 ? `${text} ago` : text;
  }

  function share(value) {
    return value == null ? "–" : `${Math.round(value * 1000) / 10} %`;
  }

  function card(name, label, value, sub, alert) {
    return el("div", { class: "card" + (alert ? " alert" : ""), "data-figure": name },
      el("div", { class: "label" }, label), el("div", { class: "value" }, value), el("div", { class: "sub" }, sub));
  }

  function targetCards(prefix, label, target) {
    return [
      card(prefix + "-share", label + " within target", share(target.shareMet), `${target.met} of ${target.finished}`),
      card(prefix + "-times", label + " median / p90", duration(target.medianSeconds),
        "p90 " + duration(target.p90Seconds)),
    ];
  }

  function queueTable(entries, emptyText, kind) {
    if (!entries.length) return el("p", { class: "none", "data-queue": kind }, emptyText);
    const rows = entries.map((q) => {
      const row = el("tr", { "data-case-id": q.caseId, "data-clock": q.clock },
        el("td", { class: "case", title: q.caseId }, q.caseId.substring(0, 8)),
        el("td", {}, "P" + q.priority), el("td", {}, q.channel || "–"), el("td", {}, q.clock),
        el("td", { class: "due", "data-due-in": q.dueInSeconds }, duration(q.dueInSeconds)));
      row.className = q.dueInSeconds < 0 ? "late" : q.dueInSeconds < 900 ? "soon" : "";
      return row;
    });
    return el("table", { "data-queue": kind },
      el("thead", {}, el("tr", {}, ...["Case", "Priority", "Channel", "Clock", kind === "overdue" ? "Due" : "Due in"]
        .map((h) => el("th", {}, h)))),
      el("tbody", {}, ...rows));
  }

  function chart(series) {
    const w = 600, h = 180, left = 28, bottom = 20, top = 8, right = 8;
    const max = Math.max(1, ...series.flatMap((b) => SERIES.map(([k]) => b[k])));
    const x = (i) => left + (i * (w - left - right)) / Math.max(1, series.length - 1);
    const y = (v) => top + (h - top - bottom) * (1 - v / max);
    const root = svg("svg", { class: "chart", viewBox: `0 0 ${w} ${h}`, preserveAspectRatio: "none",
      role: "img", "aria-label": "cases opened, picked up, resolved and breaches per 5 minutes" });
    root.append(svg("line", { class: "axis", x1: left, y1: y(0), x2: w - right, y2: y(0) }));
    root.append(svg("line", { class: "axis", x1: left, y1: y(max), x2: w - right, y2: y(max) }));
    const maxLabel = svg("text", { x: 2, y: y(max) + 4 }); maxLabel.textContent = max; root.append(maxLabel);
    const zero = svg("text", { x: 2, y: y(0) + 4 }); zero.textContent = "0"; root.append(zero);
    series.forEach((b, i) => {
      const t = new Date(b.start);
      if (t.getUTCMinutes() === 0) {
        const label = svg("text", { x: x(i) - 12, y: h - 4 });
        label.textContent = t.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
        root.append(label);
      }
    });
    // Breaches first, so the other lines stay visible where they run along zero together.
    for (const [key] of [...SERIES].reverse()) {
      root.append(svg("polyline", { class: "s-" + key, "data-series": key,
        points: series.map((b, i) => `${x(i).toFixed(1)},${y(b[key]).toFixed(1)}`).join(" ") }));
    }
    const legend = el("div", { class: "legend" },
      ...SERIES.map(([key, label]) => el("span", {}, el("i", { class: "s-" + key }), label)));
    return el("div", { class: "chart-box" }, root, legend);
  }

  function teamSection(board) {
    const f = board.figures;
    return el("section", { class: "team", "data-team": board.team },
      el("h2", {}, "Team " + board.team),
      el("div", { class: "cards" },
        card("open-cases", "Open cases", board.openCases, "with a clock counting"),
        card("open-breaches", "Open breaches", f.openBreaches, "past due, still open", f.openBreaches > 0),
        ...targetCards("first-response", "Picked up", f.firstResponse),
        ...targetCards("resolution", "Solved", f.resolution),
        card("opened-resolved", "Opened / resolved", `${f.casesOpened} / ${f.casesResolved}`, "last 24 hours")),
      el("div", { class: "columns" },
        el("div", {},
          el("h3", {}, "Closest to breach"),
          queueTable(board.closestToBreach, "No clock running.", "closest-to-breach"),
          el("h3", {}, "Breached, still open"),
          queueTable(board.overdue, "None.", "overdue")),
        el("div", {}, el("h3", {}, "Last 6 hours"), chart(board.series))));
  }

  function render(snapshot) {
    received += 1;
    receivedAt = Date.now();
    document.body.dataset.snapshots = String(received);
    document.getElementById("viewer").textContent =
      `${snapshot.viewer} · ${snapshot.allTeams ? "all teams" : snapshot.teams.map((t) => t.team).join(", ")}`;
    document.getElementById("updated").textContent =
      "updated " + new Date(snapshot.at).toLocaleTimeString();
    const main = document.getElementById("teams");
    main.replaceChildren(...(snapshot.teams.length
      ? snapshot.teams.map(teamSection)
      : [el("p", { class: "empty" }, "No team has cases yet.")]));
  }

  // "Due in" counts down between snapshots (the server sends a fresh one at least every 15 s).
  function tick() {
    const elapsed = (Date.now() - receivedAt) / 1000;
    for (const cell of document.querySelectorAll("td[data-due-in]")) {
      cell.textContent = duration(Number(cell.dataset.dueIn) - elapsed);
    }
  }

  function connect() {
    const status = document.getElementById("connection");
    const source = new EventSource("/dashboard/events");
    source.onopen = () => { status.dataset.state = "live"; status.textContent = "live"; };
    source.onmessage = (e) => render(JSON.parse(e.data));
    // EventSource reconnects by itself; when the session ended the page reloads and signs in again.
    source.onerror = () => {
      status.dataset.state = "reconnecting"; status.textContent = "reconnecting…";
      if (source.readyState === EventSource.CLOSED) setTimeout(() => window.location.reload(), 5000);
    };
  }

  document.addEventListener("DOMContentLoaded", () => { connect(); setInterval(tick, 1000); });
})();
