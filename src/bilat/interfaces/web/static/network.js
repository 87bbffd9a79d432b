// The network page's force-directed graph: actors repel each other, edges pull their two
// actors together (heavier edges harder), a weak pull keeps everything near the centre.
// It starts from the server's networkx layout, so the first frame is already readable,
// and settles in a few hundred steps. Drag an actor to move it (the others follow);
// click an actor for its events, a line for its pair. Nothing is loaded from elsewhere.
"use strict";
(() => {
  const SVG = "http://www.w3.org/2000/svg";
  const SIZE = 560, MARGIN = 30, RADIUS = 17;
  const COLOURS = { 1: "#2a9d8f", "-1": "#d62828", 0: "#999999" };

  function el(name, attrs, parent) {
    const node = document.createElementNS(SVG, name);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
    if (parent) parent.appendChild(node);
    return node;
  }

  function draw(holder, graph) {
    const nodes = graph.nodes.map((n) => ({
      ...n,
      x: MARGIN + n.x * (SIZE - 2 * MARGIN),
      y: MARGIN + n.y * (SIZE - 2 * MARGIN),
      vx: 0, vy: 0, fixed: false,
    }));
    const byCode = new Map(nodes.map((n) => [n.code, n]));
    const heaviest = Math.max(1e-9, ...graph.edges.map((e) => Math.abs(e.weight)));
    const edges = graph.edges.map((e) => ({ ...e, from: byCode.get(e.a), to: byCode.get(e.b) }));
    const svg = el("svg", {
      viewBox: `0 0 ${SIZE} ${SIZE}`, width: SIZE, height: SIZE, role: "img",
      "aria-label": `Alignment network: ${nodes.length} actors, ${edges.length} pairs`,
      class: "force", "font-family": "sans-serif", "font-size": 11,
    });
    const lines = edges.map((e) => {
      const line = el("line", {
        stroke: COLOURS[e.sign], "stroke-width": (1 + 5 * Math.abs(e.weight) / heaviest).toFixed(1),
        "stroke-opacity": 0.85, class: "edge", "data-pair": `${e.a}-${e.b}`,
      }, svg);
      if (e.sign < 0) line.setAttribute("stroke-dasharray", "6 4");
      el("title", {}, line).textContent = `${e.a}–${e.b}: ${e.events} events, weight ${e.weight}`;
      line.addEventListener("click", () => { window.location.href = `/dyads/${e.a}/${e.b}`; });
      return line;
    });
    const groups = nodes.map((n) => {
      const g = el("g", { class: "node", "data-code": n.code, tabindex: 0 }, svg);
      el("circle", { r: RADIUS, fill: "#fff", stroke: "#333" }, g);
      el("text", { "text-anchor": "middle", dy: 4 }, g).textContent = n.code;
      el("title", {}, g).textContent = `${n.name} (${n.code}): ${n.events} events`;
      return g;
    });
    holder.replaceChildren(svg);

    // Fruchterman-Reingold, as networkx's spring layout: actors repel with k^2/d, an edge
    // pulls with d^2/k (times its weight), a weak pull to the centre; each step moves an
    // actor at most `heat` pixels, and the heat cools.
    const k = 0.7 * (SIZE - 2 * MARGIN) / Math.sqrt(Math.max(nodes.length, 1));
    let heat = 0;
    function step() {
      for (const n of nodes) { n.vx = 0; n.vy = 0; }
      for (let i = 0; i < nodes.length; i++) {
        for (let j = i + 1; j < nodes.length; j++) {
          const a = nodes[i], b = nodes[j];
          const dx = a.x - b.x, dy = a.y - b.y;
          const d = Math.max(Math.hypot(dx, dy), 1);
          const f = (k * k) / d / d;
          a.vx += dx * f; a.vy += dy * f; b.vx -= dx * f; b.vy -= dy * f;
        }
      }
      for (const e of edges) {
        const dx = e.to.x - e.from.x, dy = e.to.y - e.from.y;
        const d = Math.max(Math.hypot(dx, dy), 1);
        const f = (d / k) * (0.5 + Math.abs(e.weight) / heaviest);
        e.from.vx += dx * f; e.from.vy += dy * f; e.to.vx -= dx * f; e.to.vy -= dy * f;
      }
      for (const n of nodes) {
        n.vx += (SIZE / 2 - n.x) * 0.1;
        n.vy += (SIZE / 2 - n.y) * 0.1;
        const d = Math.max(Math.hypot(n.vx, n.vy), 1e-9);
        if (!n.fixed) {
          const move = Math.min(d, heat);
          n.x = Math.min(SIZE - MARGIN, Math.max(MARGIN, n.x + (n.vx / d) * move));
          n.y = Math.min(SIZE - MARGIN, Math.max(MARGIN, n.y + (n.vy / d) * move));
        }
      }
    }
    function paint() {
      edges.forEach((e, i) => {
        lines[i].setAttribute("x1", e.from.x.toFixed(1)); lines[i].setAttribute("y1", e.from.y.toFixed(1));
        lines[i].setAttribute("x2", e.to.x.toFixed(1)); lines[i].setAttribute("y2", e.to.y.toFixed(1));
      });
      nodes.forEach((n, i) => groups[i].setAttribute("transform", `translate(${n.x.toFixed(1)},${n.y.toFixed(1)})`));
    }
    let running = false;
    function tick() {
      step(); paint();
      heat *= 0.97;
      if (heat > 0.1) { window.requestAnimationFrame(tick); } else { running = false; holder.dataset.settled = "true"; }
    }
    function reheat() {
      heat = Math.max(heat, 12);
      holder.dataset.settled = "false";
      if (!running) { running = true; window.requestAnimationFrame(tick); }
    }
    paint();
    reheat();

    const point = (event) => {
      const box = svg.getBoundingClientRect();
      return [(event.clientX - box.left) * SIZE / box.width, (event.clientY - box.top) * SIZE / box.height];
    };
    nodes.forEach((n, i) => {
      const g = groups[i];
      let moved = false;
      g.addEventListener("pointerdown", (event) => {
        g.setPointerCapture(event.pointerId);
        n.fixed = true; moved = false; reheat();
      });
      g.addEventListener("pointermove", (event) => {
        if (!n.fixed) return;
        [n.x, n.y] = point(event); moved = true; reheat();
      });
      g.addEventListener("pointerup", () => {
        n.fixed = false;
        if (!moved) window.location.href = `/events?actor=${encodeURIComponent(n.code)}`;
      });
      g.addEventListener("keydown", (event) => {
        if (event.key === "Enter") window.location.href = `/events?actor=${encodeURIComponent(n.code)}`;
      });
    });
  }

  document.addEventListener("DOMContentLoaded", () => {
    const holder = document.querySelector("[data-graph]");
    if (!holder) return;
    const data = document.getElementById(holder.dataset.graph);
    if (!data) return;
    const graph = JSON.parse(data.textContent);
    if (graph.nodes.length) draw(holder, graph);
  });
})();
