// The self-contained HTML page: the graph as JSON inside a `<script type="application/json">`
// element, and a small force layout drawn in SVG with plain JavaScript (Debian ships no graph
// drawing library for the browser, and the page must open without a network).
#include "export/export.hpp"
#include "export/text_util.hpp"
#include "rdf/iri.hpp"

#include <cstdio>
#include <map>
#include <string>

namespace parley {

namespace {

using export_detail::json_string;

std::string json_list(const std::set<std::string>& items) {
    std::string out = "[";
    for (const auto& s : items) {
        if (out.size() > 1) out += ',';
        out += json_string(s);
    }
    return out + "]";
}

std::string json_number(double x) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3g", x);
    return buf;
}

std::string graph_json(const KnowledgeGraph& g, const DocumentIndex& docs) {
    const BoostGraph& bg = g.boost();
    std::map<std::string, const DocumentInfo*> used_docs;
    auto find_doc = [&](const std::string& id) -> const DocumentInfo* {
        if (auto it = docs.find(id); it != docs.end()) return &it->second;
        if (auto it = docs.find("#" + export_detail::simple_slug(id)); it != docs.end())
            return &it->second;
        return nullptr;
    };

    std::string out = "{\"nodes\":[";
    for (std::size_t i = 0; i < g.num_nodes(); ++i) {
        const NodeProps& p = bg[i];
        if (i) out += ",\n";
        out +=
            "{\"id\":" + json_string(p.key) + ",\"iri\":" + json_string(rdf::resource_iri(p.key)) +
            ",\"kind\":" + json_string(to_string(p.kind)) + ",\"label\":" + json_string(p.label) +
            ",\"aliases\":" + json_list(p.aliases) + ",\"roles\":" + json_list(p.roles) +
            ",\"date\":" + json_string(p.date ? p.date->iso() : "") +
            ",\"text\":" + json_string(p.text) + ",\"qid\":" + json_string(p.qid) +
            ",\"sources\":" + json_list(p.sources) + "}";
        for (const auto& s : p.sources)
            if (const auto* d = find_doc(s)) used_docs.emplace(s, d);
    }
    out += "],\n\"edges\":[";
    bool first = true;
    for (Vertex v = 0; v < g.num_nodes(); ++v) {
        for (Edge e : g.sorted_out_edges(v)) {
            const EdgeProps& ep = bg[e];
            if (!first) out += ",\n";
            first = false;
            out += "{\"s\":" + std::to_string(v) +
                   ",\"t\":" + std::to_string(boost::target(e, bg)) +
                   ",\"rel\":" + json_string(to_string(ep.rel)) +
                   ",\"conf\":" + json_number(ep.confidence()) + ",\"ev\":[";
            for (std::size_t k = 0; k < ep.evidence.size(); ++k) {
                const Evidence& ev = ep.evidence[k];
                if (k) out += ',';
                out += "{\"doc\":" + json_string(ev.doc) + ",\"text\":" + json_string(ev.text) +
                       ",\"rule\":" + json_string(ev.rule) +
                       ",\"conf\":" + json_number(ev.confidence) + "}";
                if (const auto* d = find_doc(ev.doc)) used_docs.emplace(ev.doc, d);
            }
            out += "]}";
        }
    }
    out += "],\n\"docs\":{";
    first = true;
    for (const auto& [id, info] : used_docs) {
        if (!first) out += ",\n";
        first = false;
        out += json_string(id) + ":{\"title\":" + json_string(info->title) +
               ",\"date\":" + json_string(info->date) + "}";
    }
    return out + "}}";
}

// The page. `@TITLE@` and `@DATA@` are replaced; everything else is static.
constexpr const char* kPage = R"PAGE(<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="parley">
<title>@TITLE@</title>
<style>
  * { box-sizing: border-box; }
  html, body { margin: 0; height: 100%; font: 14px/1.4 "Helvetica Neue", Helvetica, Arial, sans-serif; color: #222; }
  body { display: flex; flex-direction: column; }
  header { display: flex; flex-wrap: wrap; align-items: center; gap: 10px 18px; padding: 8px 12px;
           border-bottom: 1px solid #ccc; background: #f7f7f7; }
  header h1 { font-size: 16px; margin: 0; }
  #search-box { position: relative; }
  #search { width: 260px; padding: 4px 8px; font-size: 14px; }
  #results { position: absolute; top: 100%; left: 0; z-index: 10; background: #fff; border: 1px solid #aaa;
             list-style: none; margin: 0; padding: 0; min-width: 260px; max-height: 300px; overflow-y: auto; }
  #results:empty { display: none; }
  #results li { padding: 3px 8px; cursor: pointer; }
  #results li:hover, #results li.active { background: #e4eefb; }
  #results .kind { color: #777; font-size: 12px; margin-left: 6px; }
  #kinds label { margin-right: 8px; white-space: nowrap; cursor: pointer; }
  .swatch { display: inline-block; width: 11px; height: 11px; border: 1px solid #555; margin: 0 3px -1px 2px; }
  #stats { color: #555; font-size: 13px; }
  main { flex: 1; display: flex; min-height: 0; }
  #canvas { flex: 1; min-width: 0; background: #fff; cursor: grab; }
  #panel { width: 400px; overflow-y: auto; border-left: 1px solid #ccc; padding: 10px 14px; background: #fcfcfc; }
  #panel h2 { font-size: 17px; margin: 4px 0; }
  #panel h3 { font-size: 14px; margin: 14px 0 4px; border-bottom: 1px solid #ddd; }
  #panel .meta { color: #555; font-size: 13px; }
  .fact { margin: 8px 0 10px; }
  .fact .rel { font-weight: bold; }
  .fact a, .meta a { color: #1f5fa8; cursor: pointer; text-decoration: underline; }
  blockquote.evidence { margin: 4px 0 4px 8px; padding: 2px 8px; border-left: 3px solid #bbb; font-size: 13px; }
  .source { color: #666; font-size: 12px; }
  .node { cursor: pointer; }
  .node text { font-size: 11px; pointer-events: none; paint-order: stroke; stroke: #fff; stroke-width: 3px; }
  .node.hub text { font-size: 12px; font-weight: bold; }
  .node.selected > .shape { stroke: #000; stroke-width: 3px; }
  .node.match > .shape { stroke: #e00; stroke-width: 3px; }
  .dim { opacity: 0.15; }
  .edge { fill: none; stroke-opacity: 0.8; }
  .hidden { display: none; }
</style>
</head>
<body>
<header>
  <h1>parley graph</h1>
  <div id="search-box"><input id="search" type="search" placeholder="Search a name or alias" autocomplete="off"><ul id="results"></ul></div>
  <div id="kinds"></div>
  <span id="stats"></span>
</header>
<main>
  <svg id="canvas" xmlns="http://www.w3.org/2000/svg"><defs id="defs"></defs><g id="viewport"><g id="edges"></g><g id="nodes"></g></g></svg>
  <aside id="panel"><p class="meta">Click a node to see its facts and the sentences they come from. Drag to move, scroll to zoom.</p></aside>
</main>
<script id="graph-data" type="application/json">@DATA@</script>
<script>
"use strict";
(function () {
  const data = JSON.parse(document.getElementById("graph-data").textContent);
  const SVG = "http://www.w3.org/2000/svg";
  const STYLE = {
    Person: { fill: "#dbe8f7", stroke: "#3a6ea5", shape: "circle" },
    Organization: { fill: "#e9def5", stroke: "#6a4c93", shape: "rect" },
    Country: { fill: "#fde3c3", stroke: "#c06000", shape: "octagon" },
    Place: { fill: "#ddefd9", stroke: "#3d7a35", shape: "house" },
    Meeting: { fill: "#ffdf6b", stroke: "#9a7400", shape: "hexagon" },
    Proposal: { fill: "#f7d4d4", stroke: "#a33a3a", shape: "note" },
    Statement: { fill: "#ffffff", stroke: "#888888", shape: "rect" },
    Document: { fill: "#eeeeee", stroke: "#777777", shape: "rect" }
  };
  const REL = {
    participant: ["#8a8a8a", "has participant", "took part in"],
    host: ["#5a5a5a", "hosted by", "hosted"],
    location: ["#3d7a35", "held in", "place of"],
    proposedBy: ["#1f5fa8", "proposed by", "proposed"],
    supports: ["#2a8a2a", "supports", "supported by"],
    demands: ["#2a8a2a", "demands", "demanded by"],
    opposes: ["#cc2222", "opposes", "opposed by"],
    rejects: ["#cc2222", "rejects", "rejected by"],
    conditionallySupports: ["#e07b00", "supports on a condition", "supported on a condition by"],
    conditionalOn: ["#e07b00", "on condition of", "is the condition of"],
    speaker: ["#7a4fb0", "said by", "said"],
    affiliation: ["#b0b0b0", "affiliated with", "has member"],
    mentionedIn: ["#d0d0d0", "mentioned in", "mentions"]
  };
  const HUB = { Meeting: true, Proposal: true };
  const nodes = data.nodes, edges = data.edges;
  const $ = (id) => document.getElementById(id);
  const fold = (s) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  const el = (tag, attrs, parent) => {
    const e = document.createElementNS(SVG, tag);
    for (const k in attrs) e.setAttribute(k, attrs[k]);
    if (parent) parent.appendChild(e);
    return e;
  };
  const html = (tag, text, parent, cls) => {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    if (cls) e.className = cls;
    if (parent) parent.appendChild(e);
    return e;
  };

  // ---- model ----
  nodes.forEach((n, i) => {
    n.index = i; n.out = []; n.in = []; n.degree = 0;
    n.names = [n.label].concat(n.aliases).map(fold);
    const a = i * Math.PI * (3 - Math.sqrt(5)), r = 12 * Math.sqrt(i + 0.5);
    n.x = r * Math.cos(a); n.y = r * Math.sin(a); n.vx = 0; n.vy = 0;
  });
  edges.forEach((e) => {
    e.source = nodes[e.s]; e.target = nodes[e.t];
    e.source.out.push(e); e.target.in.push(e);
    if (e.rel !== "mentionedIn") { e.source.degree++; e.target.degree++; }
  });
  nodes.forEach((n) => {
    n.r = (HUB[n.kind] ? 9 : 6) + 2.2 * Math.sqrt(n.degree);
    let text = n.kind === "Statement" && n.text ? "\u201c" + n.text + "\u201d" : n.label;
    if (text.length > 32) text = text.slice(0, 30).trim() + "\u2026";
    n.short = text;
    // The box of the shape and its label below it, for the collision force.
    const charWidth = HUB[n.kind] ? 7 : 6.2;
    n.hw = Math.max(n.r, (text.length * charWidth) / 2);
    n.hh = n.r + 8;
    n.cy = 8;
  });
  const visibleKind = {};
  Object.keys(STYLE).forEach((k) => { visibleKind[k] = k !== "Statement" && k !== "Document"; });

  // ---- drawing ----
  const gEdges = $("edges"), gNodes = $("nodes"), viewport = $("viewport"), svg = $("canvas");
  Object.keys(REL).forEach((rel) => {
    const m = el("marker", { id: "arrow-" + rel, viewBox: "0 0 10 10", refX: 10, refY: 5,
      markerUnits: "userSpaceOnUse", markerWidth: 9, markerHeight: 9, orient: "auto-start-reverse" }, $("defs"));
    el("path", { d: "M0,0L10,5L0,10z", fill: REL[rel][0] }, m);
  });
  const directed = { proposedBy: 1, supports: 1, demands: 1, opposes: 1, rejects: 1,
                     conditionallySupports: 1, conditionalOn: 1 };
  edges.forEach((e) => {
    const st = REL[e.rel] || ["#999", e.rel, e.rel];
    e.el = el("line", { class: "edge", stroke: st[0],
      "stroke-width": (1.2 + Math.max(0, Math.min(4, new Set(e.ev.map((v) => v.doc)).size - 1)) * 0.7).toFixed(1) }, gEdges);
    if (e.rel === "conditionallySupports" || e.rel === "location") e.el.setAttribute("stroke-dasharray", "6 3");
    if (e.rel === "conditionalOn") e.el.setAttribute("stroke-dasharray", "2 3");
    if (directed[e.rel]) e.el.setAttribute("marker-end", "url(#arrow-" + e.rel + ")");
    const t = el("title", {}, e.el);
    t.textContent = e.source.label + " \u2014 " + e.rel + " \u2192 " + e.target.label;
  });
  function shapePath(kind, r) {
    const poly = (k, rot) => {
      const pts = [];
      for (let i = 0; i < k; i++) {
        const a = rot + (2 * Math.PI * i) / k;
        pts.push((r * Math.cos(a)).toFixed(1) + "," + (r * Math.sin(a)).toFixed(1));
      }
      return "M" + pts.join("L") + "Z";
    };
    switch (STYLE[kind] ? STYLE[kind].shape : "circle") {
      case "rect": return "M" + -r + "," + -r * 0.75 + "H" + r + "V" + r * 0.75 + "H" + -r + "Z";
      case "octagon": return poly(8, Math.PI / 8);
      case "hexagon": return poly(6, 0);
      case "house": return "M0," + -r + "L" + r + "," + -r * 0.2 + "V" + r + "H" + -r + "V" + -r * 0.2 + "Z";
      case "note": return "M" + -r + "," + -r * 0.8 + "H" + r * 0.6 + "L" + r + "," + -r * 0.4 + "V" + r * 0.8 + "H" + -r + "Z";
      default: return "M" + -r + ",0A" + r + "," + r + " 0 1,0 " + r + ",0A" + r + "," + r + " 0 1,0 " + -r + ",0Z";
    }
  }
  const showAllLabels = nodes.length <= 400;
  nodes.forEach((n) => {
    const st = STYLE[n.kind] || STYLE.Document;
    n.el = el("g", { class: "node" + (HUB[n.kind] ? " hub" : ""), "data-key": n.id, "data-kind": n.kind }, gNodes);
    el("path", { class: "shape", d: shapePath(n.kind, n.r), fill: st.fill, stroke: st.stroke, "stroke-width": 1.5 }, n.el);
    const label = el("text", { x: 0, y: n.r + 12, "text-anchor": "middle" }, n.el);
    label.textContent = n.short;
    if (!showAllLabels && n.degree < 4 && !HUB[n.kind]) {
      label.classList.add("hidden");
      n.hw = n.r; n.hh = n.r; n.cy = 0;
    }
    const t = el("title", {}, n.el);
    t.textContent = n.kind + ": " + n.label + (n.aliases.length ? " (also " + n.aliases.join(", ") + ")" : "");
  });

  function isVisible(n) { return visibleKind[n.kind] !== false; }
  function render() {
    edges.forEach((e) => {
      const dx = e.target.x - e.source.x, dy = e.target.y - e.source.y;
      const d = Math.sqrt(dx * dx + dy * dy) || 1;
      const pad = directed[e.rel] ? e.target.r + 2 : 0;
      e.el.setAttribute("x1", e.source.x.toFixed(1));
      e.el.setAttribute("y1", e.source.y.toFixed(1));
      e.el.setAttribute("x2", (e.target.x - (dx / d) * pad).toFixed(1));
      e.el.setAttribute("y2", (e.target.y - (dy / d) * pad).toFixed(1));
    });
    nodes.forEach((n) => n.el.setAttribute("transform", "translate(" + n.x.toFixed(1) + "," + n.y.toFixed(1) + ")"));
  }

  // ---- force layout (velocity Verlet with cooling, as in common force-directed drawings) ----
  let alpha = 1;
  function tick() {
    const vis = nodes.filter(isVisible);
    const links = edges.filter((e) => e.rel !== "mentionedIn" && isVisible(e.source) && isVisible(e.target));
    for (let i = 0; i < vis.length; i++) {
      const a = vis[i];
      for (let j = i + 1; j < vis.length; j++) {
        const b = vis[j];
        let dx = b.x - a.x, dy = b.y - a.y, d2 = dx * dx + dy * dy;
        if (d2 < 1) { dx = (i - j) * 0.1 + 0.1; dy = 0.1; d2 = dx * dx + dy * dy; }
        if (d2 < 90000) {
          const f = (-900 * alpha) / d2;
          a.vx += dx * f; a.vy += dy * f; b.vx -= dx * f; b.vy -= dy * f;
        }
        // Label boxes must not overlap: push apart along the axis of least overlap.
        const ox = a.hw + b.hw + 6 - Math.abs(dx), oy = a.hh + b.hh + 4 - Math.abs(dy + b.cy - a.cy);
        if (ox > 0 && oy > 0) {
          if (ox / (a.hw + b.hw) < oy / (a.hh + b.hh)) {
            const m = 0.25 * ox * Math.sign(dx || 1); a.vx -= m; b.vx += m;
          } else {
            const m = 0.25 * oy * Math.sign(dy + b.cy - a.cy || 1); a.vy -= m; b.vy += m;
          }
        }
      }
    }
    links.forEach((e) => {
      const a = e.source, b = e.target;
      const dx = b.x - a.x, dy = b.y - a.y, d = Math.sqrt(dx * dx + dy * dy) || 1;
      const len = 60 + a.r + b.r, k = (alpha * 0.6) / Math.max(1, Math.min(a.degree, b.degree));
      const f = ((d - len) / d) * k;
      a.vx += dx * f; a.vy += dy * f; b.vx -= dx * f; b.vy -= dy * f;
    });
    vis.forEach((n) => {
      const gr = (n.degree ? 0.03 : 0.08) * alpha;
      n.vx -= n.x * gr; n.vy -= n.y * gr;
      if (n.fixed) { n.vx = 0; n.vy = 0; return; }
      n.vx *= 0.6; n.vy *= 0.6;
      n.x += n.vx; n.y += n.vy;
    });
    alpha = Math.max(0, alpha * 0.985);
  }
  let running = false;
  function animate() {
    if (alpha < 0.01) { running = false; return; }
    running = true;
    const start = performance.now();
    while (performance.now() - start < 25 && alpha >= 0.01) tick();
    render();
    requestAnimationFrame(animate);
  }
  function reheat(a) { alpha = Math.max(alpha, a); if (!running) requestAnimationFrame(animate); }

  // ---- zoom, pan, drag ----
  let view = { x: 0, y: 0, k: 1 };
  function applyView() { viewport.setAttribute("transform", "translate(" + view.x + "," + view.y + ") scale(" + view.k + ")"); }
  function fit() {
    const vis = nodes.filter(isVisible);
    if (!vis.length) return;
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    vis.forEach((n) => { x0 = Math.min(x0, n.x - n.r - 40); x1 = Math.max(x1, n.x + n.r + 40);
                         y0 = Math.min(y0, n.y - n.r - 10); y1 = Math.max(y1, n.y + n.r + 24); });
    const w = svg.clientWidth || 800, h = svg.clientHeight || 600;
    view.k = Math.min(2, w / (x1 - x0), h / (y1 - y0));
    view.x = (w - (x0 + x1) * view.k) / 2; view.y = (h - (y0 + y1) * view.k) / 2;
    applyView();
  }
  const toGraph = (ev) => {
    const b = svg.getBoundingClientRect();
    return { x: (ev.clientX - b.left - view.x) / view.k, y: (ev.clientY - b.top - view.y) / view.k };
  };
  svg.addEventListener("wheel", (ev) => {
    ev.preventDefault();
    const b = svg.getBoundingClientRect(), mx = ev.clientX - b.left, my = ev.clientY - b.top;
    const k = Math.min(8, Math.max(0.05, view.k * Math.exp(-ev.deltaY * 0.0015)));
    view.x = mx - ((mx - view.x) * k) / view.k; view.y = my - ((my - view.y) * k) / view.k; view.k = k;
    applyView();
  }, { passive: false });
  let drag = null;
  svg.addEventListener("mousedown", (ev) => {
    const g = ev.target.closest ? ev.target.closest(".node") : null;
    drag = g ? { node: nodes.find((n) => n.el === g), moved: false }
             : { pan: true, x: ev.clientX - view.x, y: ev.clientY - view.y, moved: false };
    if (drag.node) drag.node.fixed = true;
  });
  window.addEventListener("mousemove", (ev) => {
    if (!drag) return;
    drag.moved = true;
    if (drag.pan) { view.x = ev.clientX - drag.x; view.y = ev.clientY - drag.y; applyView(); return; }
    const p = toGraph(ev);
    drag.node.x = p.x; drag.node.y = p.y; render(); reheat(0.1);
  });
  window.addEventListener("mouseup", () => {
    if (drag && drag.node) { drag.node.fixed = false; if (!drag.moved) select(drag.node, true); }
    else if (drag && drag.pan && !drag.moved) select(null, true);
    drag = null;
  });

  // ---- selection and the facts panel ----
  let selected = null;
  function link(n) {
    const a = html("a", n.label);
    a.href = "#select=" + encodeURIComponent(n.id);
    a.addEventListener("click", (ev) => { ev.preventDefault(); select(n, true, true); });
    return a;
  }
  function docLine(ev) {
    const d = data.docs[ev.doc];
    let s = d && d.title ? d.title + " (" + ev.doc + (d.date ? ", " + d.date : "") + ")" : ev.doc;
    if (ev.rule) s += " \u00b7 rule " + ev.rule;
    s += " \u00b7 confidence " + ev.conf;
    return s;
  }
  function showPanel(n) {
    const p = $("panel");
    p.textContent = "";
    if (!n) { html("p", "Click a node to see its facts and the sentences they come from.", p, "meta"); return; }
    html("h2", n.label, p);
    const meta = [n.kind];
    if (n.roles.length) meta.push(n.roles.join(", "));
    if (n.date) meta.push(n.date);
    meta.push(n.sources.length + (n.sources.length === 1 ? " source" : " sources"));
    html("div", meta.join(" \u00b7 "), p, "meta");
    if (n.aliases.length) html("div", "Also: " + n.aliases.join(", "), p, "meta");
    if (n.text) html("blockquote", n.text, p, "evidence");
    if (n.qid) {
      const d = html("div", "Wikidata: ", p, "meta"), a = html("a", n.qid, d);
      a.href = "https://www.wikidata.org/wiki/" + n.qid; a.target = "_blank"; a.rel = "noopener";
    }
    html("div", "IRI: " + n.iri, p, "meta");
    const facts = n.out.map((e) => ({ e, other: e.target, phrase: (REL[e.rel] || [0, e.rel])[1] }))
      .concat(n.in.map((e) => ({ e, other: e.source, phrase: (REL[e.rel] || [0, 0, e.rel])[2] })))
      .filter((f) => f.e.rel !== "mentionedIn" || visibleKind.Document);
    facts.sort((a, b) => a.phrase.localeCompare(b.phrase) || a.other.label.localeCompare(b.other.label));
    html("h3", "Facts (" + facts.length + ")", p);
    if (!facts.length) html("p", "No facts about this node.", p, "meta");
    facts.forEach((f) => {
      const div = html("div", null, p, "fact");
      html("span", f.phrase + " ", div, "rel").style.color = (REL[f.e.rel] || ["#333"])[0];
      div.appendChild(link(f.other));
      f.e.ev.forEach((ev) => {
        if (ev.text) html("blockquote", ev.text, div, "evidence");
        html("div", docLine(ev), div, "source");
      });
    });
    if (n.sources.length) {
      html("h3", "Mentioned in", p);
      const ul = html("ul", null, p);
      n.sources.forEach((s) => { const d = data.docs[s]; html("li", d && d.title ? d.title + " (" + s + ")" : s, ul); });
    }
  }
  function select(n, updateHash, centre) {
    selected = n;
    const near = new Set();
    if (n) { near.add(n); n.out.forEach((e) => near.add(e.target)); n.in.forEach((e) => near.add(e.source)); }
    nodes.forEach((m) => {
      m.el.classList.toggle("selected", m === n);
      m.el.classList.toggle("dim", !!n && !near.has(m));
    });
    edges.forEach((e) => e.el.classList.toggle("dim", !!n && e.source !== n && e.target !== n));
    if (n && !isVisible(n)) { visibleKind[n.kind] = true; updateKinds(); }
    showPanel(n);
    if (updateHash && history.replaceState) history.replaceState(null, "", n ? "#select=" + encodeURIComponent(n.id) : "#");
    if (n && centre) {
      const w = svg.clientWidth || 800, h = svg.clientHeight || 600;
      view.x = w / 2 - n.x * view.k; view.y = h / 2 - n.y * view.k; applyView();
    }
  }
  // `#select=KEY` selects a node; `#click=KEY` clicks it with mouse events, as a user would
  // (the end-to-end test uses it).
  function selectFromHash() {
    const m = /^#(select|click)=(.*)$/.exec(location.hash);
    if (!m) return;
    const key = decodeURIComponent(m[2]);
    const n = nodes.find((x) => x.id === key);
    if (!n) return;
    if (m[1] === "select") { select(n, false, false); return; }
    const b = n.el.getBoundingClientRect(), at = { bubbles: true, clientX: b.x + b.width / 2, clientY: b.y + b.height / 2 };
    n.el.firstChild.dispatchEvent(new MouseEvent("mousedown", at));
    window.dispatchEvent(new MouseEvent("mouseup", at));
  }
  window.addEventListener("hashchange", selectFromHash);

  // ---- search ----
  const input = $("search"), results = $("results");
  let hits = [];
  input.addEventListener("input", () => {
    const q = fold(input.value.trim());
    results.textContent = "";
    nodes.forEach((n) => n.el.classList.remove("match"));
    if (!q) { hits = []; return; }
    hits = nodes.filter((n) => n.names.some((s) => s.includes(q)));
    hits.sort((a, b) => (b.names.some((s) => s.startsWith(q)) - a.names.some((s) => s.startsWith(q))) || b.degree - a.degree);
    hits.forEach((n) => n.el.classList.add("match"));
    hits.slice(0, 12).forEach((n, i) => {
      const li = html("li", n.label, results, i === 0 ? "active" : "");
      html("span", n.kind, li, "kind");
      li.addEventListener("mousedown", (ev) => { ev.preventDefault(); pick(n); });
    });
    if (!hits.length) html("li", "no match", results);
  });
  input.addEventListener("keydown", (ev) => {
    if (ev.key === "Enter" && hits.length) pick(hits[0]);
    if (ev.key === "Escape") { input.value = ""; input.dispatchEvent(new Event("input")); }
  });
  function pick(n) {
    results.textContent = "";
    nodes.forEach((m) => m.el.classList.remove("match"));
    select(n, true, true);
  }

  // ---- kind filters ----
  const kindsPresent = Object.keys(STYLE).filter((k) => nodes.some((n) => n.kind === k));
  const boxes = {};
  kindsPresent.forEach((k) => {
    const label = html("label", null, $("kinds"));
    const box = html("input", null, label);
    box.type = "checkbox"; box.checked = visibleKind[k]; box.dataset.kind = k;
    boxes[k] = box;
    html("span", null, label, "swatch").style.background = STYLE[k].fill;
    label.appendChild(document.createTextNode(k + " (" + nodes.filter((n) => n.kind === k).length + ")"));
    box.addEventListener("change", () => { visibleKind[k] = box.checked; updateKinds(); reheat(0.4); });
  });
  function updateKinds() {
    kindsPresent.forEach((k) => { boxes[k].checked = visibleKind[k]; });
    nodes.forEach((n) => n.el.classList.toggle("hidden", !isVisible(n)));
    let shownEdges = 0;
    edges.forEach((e) => {
      const show = isVisible(e.source) && isVisible(e.target);
      e.el.classList.toggle("hidden", !show);
      if (show) shownEdges++;
    });
    const shownNodes = nodes.filter(isVisible).length;
    $("stats").textContent = nodes.length + " nodes, " + edges.length + " edges (shown: " +
      shownNodes + " nodes, " + shownEdges + " edges)";
  }

  // ---- start: lay out before the first paint, then let it settle while the user looks ----
  updateKinds();
  const t0 = performance.now();
  while (alpha >= 0.02 && performance.now() - t0 < 1500) tick();
  render();
  fit();
  selectFromHash();
  reheat(alpha);
  window.addEventListener("resize", fit);
  document.body.dataset.ready = "true";
})();
</script>
</body>
</html>
)PAGE";

void replace_all(std::string& s, const std::string& from, const std::string& to) {
    for (auto pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size()))
        s.replace(pos, from.size(), to);
}

std::string html_text(std::string_view s) {
    std::string out;
    for (char c : s) {
        switch (c) {
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '&':
            out += "&amp;";
            break;
        case '"':
            out += "&quot;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

} // namespace

std::string to_html(const KnowledgeGraph& g, const DocumentIndex& docs) {
    std::string page = kPage;
    const std::string title = "parley graph: " + std::to_string(g.num_nodes()) + " nodes, " +
                              std::to_string(g.num_edges()) + " edges";
    // The data goes in last, so that a "@TITLE@" inside it stays as it is.
    replace_all(page, "@TITLE@", html_text(title));
    const auto at = page.find("@DATA@");
    page.replace(at, 6, graph_json(g, docs));
    return page;
}

} // namespace parley
